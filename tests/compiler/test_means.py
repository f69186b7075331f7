"""The interpreter's means, as the compiler must reason about them: k equal floats need not average to
themselves, and float sums need not be exact (so a mean may depend on the order of its terms)."""

from hypothesis import given
from hypothesis import strategies as st

from weightsmith.compiler.means import equal_means_exact, exact_sums


def test_equal_means_of_integers_are_themselves_but_not_of_every_float():
    assert equal_means_exact([0, 1, 7, -3, True], 8)
    assert equal_means_exact([0.5, 0.25, 3.0], 8)
    assert not equal_means_exact([0.1], 3)  # (0.1 + 0.1 + 0.1) / 3 == 0.10000000000000002
    assert equal_means_exact(["a", 0.1], 1)  # one value: no mean; non-numbers are not averaged


def test_exact_sums_are_integers_and_dyadic_fractions_of_moderate_size():
    assert exact_sums([0, 1, 2, 3], 8)
    assert exact_sums([0.5, 1.25, -3], 8)
    assert not exact_sums([0.1, 0.2], 4)
    assert not exact_sums([2**52], 4)
    assert not exact_sums([float("inf")], 2)


@given(st.lists(st.integers(-1000, 1000).map(lambda n: n / 8), min_size=1, max_size=6))
def test_exact_sums_do_not_depend_on_order(values):
    assert exact_sums(values, len(values))
    assert sum(values) / len(values) == sum(reversed(values)) / len(values) == sum(sorted(values)) / len(values)
    assert equal_means_exact(values, 6)
