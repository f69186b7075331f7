"""Torch threads chosen per call from the work, overridable, and never left changed."""

import pytest
import torch

from weightsmith.model.threads import PARALLEL_WORK, THREADS_VARIABLE, available_cores, threads_for, torch_threads

from tests.model.handmade import previous_token_model


@pytest.fixture(autouse=True)
def no_setting(monkeypatch):
    monkeypatch.delenv(THREADS_VARIABLE, raising=False)


def test_small_work_runs_on_one_thread_and_large_work_on_the_cores():
    assert threads_for(0) == 1 and threads_for(PARALLEL_WORK / 2) == 1
    assert threads_for(PARALLEL_WORK) == 1  # the first extra thread needs more than the threshold
    assert 1 <= threads_for(1e15) == available_cores()


def test_the_variable_overrides(monkeypatch):
    monkeypatch.setenv(THREADS_VARIABLE, "3")
    assert threads_for(0) == 3
    monkeypatch.setenv(THREADS_VARIABLE, "torch")
    assert threads_for(0) is None
    for bad in ("0", "two", "-1"):
        monkeypatch.setenv(THREADS_VARIABLE, bad)
        with pytest.raises(ValueError, match=f"{THREADS_VARIABLE}='{bad}'"):
            threads_for(0)


def test_the_callers_setting_is_restored_after_a_run(monkeypatch):
    before = torch.get_num_threads()
    model = previous_token_model()
    seen = []
    forward = type(model).forward

    def spy(self, *args, **kwargs):
        seen.append(torch.get_num_threads())
        return forward(self, *args, **kwargs)

    monkeypatch.setattr(type(model), "forward", spy)
    try:
        torch.set_num_threads(2)
        model.run_batch([["BOS", "a", "b"]])
        assert seen == [1] and torch.get_num_threads() == 2
        with torch_threads(0) as n:
            assert n == 1 == torch.get_num_threads()
        assert torch.get_num_threads() == 2
    finally:
        torch.set_num_threads(before)
