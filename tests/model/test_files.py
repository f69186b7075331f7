"""Model folders: save -> load is exact; damaged, truncated and foreign folders fail with clear messages."""

import hashlib
import json
import os
import tempfile
import time
from pathlib import Path

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from safetensors.torch import load_file, save_file

from tests.model.corruptions import KINDS, bit_identical, make_case, originals, outcome
from tests.model.handmade import inputs_for, model_configs, previous_token_model, random_model
from weightsmith.model import ModelFolderError, UncheckedModelWarning, load, read_program_source, save


@settings(max_examples=25, deadline=None)
@given(st.data(), model_configs(), st.integers(0, 2**16), st.sampled_from([torch.float32, torch.float64]))
def test_round_trip_is_exact(data, config, seed, dtype):
    model = random_model(config, seed, dtype=dtype)
    with tempfile.TemporaryDirectory() as folder:
        save(model, folder)
        again = load(folder)
    assert again.config == model.config
    before, after = model.state_dict(), again.state_dict()
    assert before.keys() == after.keys()
    assert all(after[k].dtype == dtype and torch.equal(before[k], after[k]) for k in before)
    ids = model.encode(data.draw(inputs_for(config)))
    with torch.no_grad():
        assert torch.equal(model(ids), again(ids))


def test_folder_contents_and_program_source(tmp_path):
    model = previous_token_model()
    folder = save(model, tmp_path / "nested" / "out", program_source="program = shift_by(1, rasp.tokens)\n")
    assert sorted(p.name for p in folder.iterdir()) == ["config.json", "model.safetensors", "program.py"]
    assert json.loads((folder / "config.json").read_text())["format"] == "weightsmith-model"
    assert read_program_source(folder) == "program = shift_by(1, rasp.tokens)\n"
    assert load(folder).run(["BOS", "a", "b"]) == model.run(["BOS", "a", "b"])
    # Saving again without a source removes the stale one.
    save(model, folder)
    assert read_program_source(folder) is None and not (folder / "program.py").exists()


def test_program_py_is_never_executed(tmp_path):
    marker = tmp_path / "executed"
    save(previous_token_model(), tmp_path / "m", program_source=f"open({str(marker)!r}, 'w')\nraise SystemExit\n")
    load(tmp_path / "m")
    assert not marker.exists()


def test_no_pickle_in_the_folder(tmp_path):
    save(previous_token_model(), tmp_path)
    weights = (tmp_path / "model.safetensors").read_bytes()
    assert not weights.startswith(b"\x80") and b"PK\x03\x04" not in weights[:4]  # neither pickle nor torch zip


@pytest.fixture
def saved(tmp_path) -> Path:
    return save(previous_token_model(), tmp_path / "model")


def test_missing_folder(tmp_path):
    with pytest.raises(ModelFolderError, match="no such model folder"):
        load(tmp_path / "nope")


def test_missing_files(saved):
    (saved / "model.safetensors").unlink()
    with pytest.raises(ModelFolderError, match="model.safetensors is missing"):
        load(saved)
    (saved / "config.json").unlink()
    with pytest.raises(ModelFolderError, match="not a weightsmith model folder.*config.json is missing"):
        load(saved)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"format": "weightsmith-model", "vocab": [', "not valid JSON"),
        (json.dumps({"architectures": ["GPT2LMHeadModel"], "model_type": "gpt2"}), "format.*not a weightsmith"),
        ("[1, 2]", "expected a JSON object"),
    ],
)
def test_corrupt_or_foreign_config(saved, text, message):
    (saved / "config.json").write_text(text)
    with pytest.raises(ModelFolderError, match=f"config.json: .*{message}"):
        load(saved)


def test_config_not_utf8(saved):
    (saved / "config.json").write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ModelFolderError, match="not UTF-8"):
        load(saved)


def test_invalid_config_names_field(saved):
    config = json.loads((saved / "config.json").read_text())
    config["output_dims"] = [9, 10, 99]
    (saved / "config.json").write_text(json.dumps(config))
    with pytest.raises(ModelFolderError, match=r"output_dims\[2\]: 99"):
        load(saved)


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.02])
def test_truncated_weights(saved, keep):
    path = saved / "model.safetensors"
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(ModelFolderError, match="corrupt or truncated"):
        load(saved)


def test_garbage_weights(saved):
    (saved / "model.safetensors").write_bytes(b"this is not a safetensors file at all")
    with pytest.raises(ModelFolderError, match="corrupt or truncated"):
        load(saved)


def test_weights_from_another_model(saved):
    path = saved / "model.safetensors"
    weights = load_file(path)
    save_file(dict(weights, extra=torch.zeros(2)), path)
    with pytest.raises(ModelFolderError, match="does not match config.json: unexpected tensor.*'extra'"):
        load(saved)
    save_file(dict(weights, **{"layers.0.heads.0.W_Q": torch.zeros(12, 2)}), path)
    with pytest.raises(ModelFolderError, match=r"'layers.0.heads.0.W_Q' has shape \(12, 2\), the config needs \(12, 6"):
        load(saved)
    del weights["pos_embed"]
    save_file(weights, path)
    with pytest.raises(ModelFolderError, match="missing tensor.*pos_embed"):
        load(saved)


def test_non_float_or_mixed_weights(saved):
    path = saved / "model.safetensors"
    weights = load_file(path)
    save_file(dict(weights, token_embed=weights["token_embed"].long()), path)
    with pytest.raises(ModelFolderError, match="float tensors of one dtype"):
        load(saved)
    save_file(dict(weights, token_embed=weights["token_embed"].double()), path)
    with pytest.raises(ModelFolderError, match="float tensors of one dtype"):
        load(saved)


# --- checksums ---------------------------------------------------------------------------------------

def _without_checksums(folder: Path) -> None:
    document = json.loads((folder / "config.json").read_text())
    del document["checksums"]
    (folder / "config.json").write_text(json.dumps(document))


def test_save_stores_checksums_of_weights_and_config(saved):
    checksums = json.loads((saved / "config.json").read_text())["checksums"]
    assert checksums["weights_sha256"] == hashlib.sha256((saved / "model.safetensors").read_bytes()).hexdigest()
    assert set(checksums) == {"config_sha256", "weights_sha256"}


def test_a_flipped_weight_bit_is_a_checksum_error(saved):
    path = saved / "model.safetensors"
    data = bytearray(path.read_bytes())
    data[-3] ^= 0x10  # inside the last tensor's data: the header still checks out
    path.write_bytes(bytes(data))
    with pytest.raises(ModelFolderError, match="model.safetensors: corrupt: its SHA-256 differs"):
        load(saved)


def test_an_edited_config_is_a_checksum_error_but_whitespace_is_not(saved):
    document = json.loads((saved / "config.json").read_text())
    (saved / "config.json").write_text(json.dumps(document, indent=4, sort_keys=True))
    assert bit_identical(load(saved), previous_token_model())
    document["output_label"] = "renamed"
    (saved / "config.json").write_text(json.dumps(document))
    with pytest.raises(ModelFolderError, match="config.json: corrupt or edited.*config_sha256"):
        load(saved)


@pytest.mark.parametrize("checksums", [None, "abc", {"config_sha256": "0" * 64}, {"config_sha256": "x" * 64,
                                                                                  "weights_sha256": "0" * 64}])
def test_malformed_checksums_entry(saved, checksums):
    document = json.loads((saved / "config.json").read_text())
    document["checksums"] = checksums
    (saved / "config.json").write_text(json.dumps(document))
    with pytest.raises(ModelFolderError, match="checksums: expected an object with the hex SHA-256 digests"):
        load(saved)


def test_a_folder_without_checksums_loads_with_a_warning(saved):
    _without_checksums(saved)
    with pytest.warns(UncheckedModelWarning, match="no checksums.*re-save"):
        model = load(saved)
    assert bit_identical(model, previous_token_model())


def test_non_finite_weights_are_refused_even_without_checksums(saved):
    _without_checksums(saved)
    path = saved / "model.safetensors"
    save_file(dict(load_file(path), pos_embed=torch.full((6, 12), float("nan"))), path)
    with pytest.warns(UncheckedModelWarning), pytest.raises(ModelFolderError, match="pos_embed.*NaN or infinite"):
        load(saved)


# --- checks before allocation ------------------------------------------------------------------------

def test_a_config_claiming_a_huge_model_is_refused_before_allocating(saved):
    """The issue's out-of-memory case: a consistent config for a 400 GB model next to a 2 KB file."""
    _without_checksums(saved)
    document = json.loads((saved / "config.json").read_text())
    document.update(d_model=10**5, residual_labels=[f"d:{i}" for i in range(10**5)], max_seq_len=10**6)
    (saved / "config.json").write_text(json.dumps(document))
    start = time.perf_counter()
    with pytest.raises(ModelFolderError, match=r"does not match config.json: tensor 'token_embed' has shape \(5, 12\)"
                                               r", the config needs \(5, 100000\)"):
        load(saved)
    assert time.perf_counter() - start < 1


def test_a_header_claiming_a_huge_tensor_is_refused(saved):
    path = saved / "model.safetensors"
    data = path.read_bytes()
    length = int.from_bytes(data[:8], "little")
    header = json.loads(data[8:8 + length])
    header["pos_embed"]["shape"] = [10**6, 10**6]
    header["pos_embed"]["data_offsets"][1] = header["pos_embed"]["data_offsets"][0] + 4 * 10**12
    encoded = json.dumps(header).encode()
    path.write_bytes(len(encoded).to_bytes(8, "little") + encoded + data[8 + length:])
    with pytest.raises(ModelFolderError, match="corrupt or truncated safetensors file: tensor"):
        load(saved)


def test_deeply_nested_config_is_a_clean_error(saved):
    (saved / "config.json").write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(ModelFolderError, match="config.json: JSON nested deeper than 8 levels"):
        load(saved)


@pytest.mark.parametrize("name", ["config.json", "model.safetensors"])
def test_special_files_in_place_of_model_files(saved, name, tmp_path):
    path = saved / name
    path.unlink()
    os.mkfifo(path)  # opening a FIFO for reading would block: it must be refused without reading
    with pytest.raises(ModelFolderError, match=f"{name}: is not a regular file"):
        load(saved)
    path.unlink()
    path.symlink_to("/dev/zero")
    with pytest.raises(ModelFolderError, match=f"{name}: is not a regular file"):
        load(saved)
    path.unlink()
    path.symlink_to(path)
    with pytest.raises(ModelFolderError, match=f"{name}: cannot be opened"):
        load(saved)
    path.unlink()
    path.mkdir()
    with pytest.raises(ModelFolderError, match=f"{name}: is a directory"):
        load(saved)


def test_a_symlinked_file_is_followed(saved, tmp_path):
    (saved / "model.safetensors").rename(tmp_path / "elsewhere.safetensors")
    (saved / "model.safetensors").symlink_to(tmp_path / "elsewhere.safetensors")
    assert bit_identical(load(saved), previous_token_model())


def test_errors_are_one_line_and_short(saved):
    document = json.loads((saved / "config.json").read_text())
    document["bos"] = ["line one\nline two" * 1000]
    (saved / "config.json").write_text(json.dumps(document))
    with pytest.raises(ModelFolderError) as caught:
        load(saved)
    assert "\n" not in str(caught.value) and len(str(caught.value)) < 600


# --- the corruption campaign ---------------------------------------------------------------------------

CASES_PER_KIND = 20


@pytest.fixture(scope="module")
def campaign_folders(tmp_path_factory):
    models = originals()
    root = tmp_path_factory.mktemp("campaign")
    return models, {name: save(model, root / name) for name, model in models.items()}, root


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_corruption_is_a_clean_error_or_an_identical_model(campaign_folders, kind):
    """A few hundred damaged folders (benchmarks/corrupt_folders.py runs thousands): each one is a
    ModelFolderError within a second, or loads bit-identical to what was saved — never a wrong model."""
    models, saved, root = campaign_folders
    names = sorted(models)
    outcomes = []
    for seed in range(CASES_PER_KIND):
        name, other = names[seed % len(names)], names[(seed + 1) % len(names)]
        folder = root / f"{kind}-{seed}"
        description = make_case(saved[name], saved[other], kind, seed, folder)
        outcomes.append(outcome(folder, models[name], kind, description))
    failed = [o for o in outcomes if not o.ok]
    assert not failed, failed[:3]
    assert any(o.result == "error" for o in outcomes)  # the damage is real


def test_a_program_py_that_is_not_a_file_is_a_clean_error(saved):
    os.mkfifo(saved / "program.py")
    with pytest.raises(ModelFolderError, match="program.py: is not a regular file"):
        read_program_source(saved)
