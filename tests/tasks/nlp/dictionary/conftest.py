"""One lexicon built from the installed resources for every test that needs it (skipped when absent)."""

import pytest

from weightsmith.tasks.nlp import dictionary

# what the session's folder holds before `load` builds into it: tables another builder wrote
OTHER_BUILDERS_MANIFEST = '{"fingerprint": "built-by-other-code"}\n'
EMPTY_TRANSLATIONS = "english\tpos\tfrench\tgender\tforms\tsource\n"


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The folder and the lexicon `load` built in it. The folder starts with another builder's manifest and an
    empty translations table, so the session's one build also shows that such a folder is rebuilt, not read
    (`test_tables_built_by_other_code_are_rebuilt`: it built the whole lexicon a second time to show it)."""
    absent = dictionary.missing()
    if absent:
        pytest.skip("lexical resources not installed: " + "; ".join(absent))
    folder = tmp_path_factory.mktemp("lexicon")
    (folder / "manifest.json").write_text(OTHER_BUILDERS_MANIFEST)
    (folder / "translations.tsv").write_text(EMPTY_TRANSLATIONS)
    return folder, dictionary.load(folder)
