"""The extraction's options: a value that cannot mean anything is refused by name, before any work."""

import pytest

from weightsmith.extract.extract import Options
from weightsmith.rasp.errors import InputError


@pytest.mark.parametrize("field, value, message", [
    # a threshold above 1 or NaN is a rule no program can meet; it ran the whole search to say so
    ("threshold", 1.5, "threshold must be a number in"), ("threshold", float("nan"), "threshold must be"),
    ("threshold", 0.0, "threshold must be"),
    ("select_size", 0, "select_size must be an int >= 1"), ("mask_steps", 0, "mask_steps must be an int >= 1"),
    ("eval_size", 0, "eval_size must be an int >= 1"),  # each bin's match would be the mean of nothing
    ("refit_steps", -1, "refit_steps must be an int >= 0"), ("ln_steps", -1, "ln_steps must be an int >= 0"),
    ("bisect", -1, "bisect must be an int >= 0"), ("cut_tries", 2.5, "cut_tries must be an int >= 0"),
    ("lambdas", (), "lambdas must be"), ("lambdas", (0.1, -1.0), "lambdas must be"),
    ("ln", "sometimes", "ln must be one of"),
])
def test_options_that_mean_nothing_are_refused_by_name(field, value, message):
    with pytest.raises(InputError, match=message):
        Options(**{field: value})


def test_the_defaults_and_small_runs_are_options():
    Options()
    Options(threshold=1.0, select_size=1, eval_size=1, mask_steps=1, refit_steps=0, ln_steps=0, bisect=0, cut_tries=0,
            lambdas=(1e-3,), ln="exact_final")
