"""A missing resource is one clear error naming every package to install, in the API and the command line."""

import pytest

from weightsmith.tasks.nlp.dictionary import build, sources


def test_missing_resources_are_listed_with_their_install_commands(tmp_path, monkeypatch):
    monkeypatch.setenv(sources.ROOT_VARIABLE, str(tmp_path))
    absent = sources.missing()
    assert any("apt-get install dict-freedict-eng-fra" in a for a in absent)
    assert any("apt-get install verbiste" in a for a in absent)
    with pytest.raises(sources.MissingResource, match="wordnet-base"):
        sources.require()


def test_the_builder_command_fails_with_exit_code_2_and_one_message(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(sources.ROOT_VARIABLE, str(tmp_path))
    assert build.main([str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: the lexicon builder needs") and "Traceback" not in err
    assert not (tmp_path / "out").exists()
