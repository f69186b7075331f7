"""One lexicon built from the installed resources for every test that needs it (skipped when absent)."""

import pytest

from weightsmith.tasks.nlp import dictionary


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    absent = dictionary.missing()
    if absent:
        pytest.skip("lexical resources not installed: " + "; ".join(absent))
    from weightsmith.tasks.nlp.dictionary.build import build

    folder = tmp_path_factory.mktemp("lexicon")
    return folder, build(folder)
