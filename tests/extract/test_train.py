"""Training for extraction: the search order is smallest first, and budgets are CPU seconds."""

import pytest
import torch

from weightsmith.extract.tasks import get_task
from weightsmith.extract.train import SEARCH_ORDER, Arch, build_model, search, search_order, train

pytest.importorskip("transformers", reason="weightsmith.extract trains GPT-2 models: install the `extract` extra")


def parameters(task, arch: Arch) -> int:
    return sum(p.numel() for p in build_model(task, arch).parameters())


@pytest.mark.parametrize("name", ["tomita2", "majority"])
def test_search_order_never_grows_then_shrinks(name):
    task = get_task(name)
    sizes = [parameters(task, a) for a in search_order(task)]
    assert sizes == sorted(sizes)
    assert set(search_order(task)) <= set(SEARCH_ORDER)


def test_a_spent_cpu_budget_stops_training_and_the_search():
    torch.set_num_threads(1)
    task = get_task("tomita2")
    _, result = train(task, Arch(1, 1, 16), max_steps=1000, eval_size=4, cpu_budget=0.0)
    assert result.steps == 0 and result.cpu_seconds >= 0.0 and set(result.accuracy) == {"0-50", "51-100", "101-150"}
    _, best, tried = search(task, 1e-9, max_steps=1000, eval_size=4)
    assert len(tried) == 1 and best is tried[0]  # the first attempt starts, is cut, and none follows


@pytest.mark.parametrize("text", ["{bad", '["tomita2"]'])
def test_a_damaged_training_json_is_an_input_error_naming_it(tmp_path, text):
    # read outside the checks: `weightsmith extract` printed a JSONDecodeError or AttributeError traceback
    from weightsmith.extract.train import TrainResult, load_gpt2, save
    from weightsmith.rasp.errors import InputError

    folder = tmp_path / "tomita2"
    accuracy = {"0-50": 0.0, "51-100": 0.0, "101-150": 0.0}
    save(build_model(get_task("tomita2"), Arch(1, 1, 16)),
         TrainResult("tomita2", Arch(1, 1, 16), 0, 0.0, 0.0, accuracy), folder, "test")
    (folder / "training.json").write_text(text)
    with pytest.raises(InputError, match=r"training.json: not a JSON object of training facts"):
        load_gpt2(folder)
