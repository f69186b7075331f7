"""The shim itself: Tracr's names resolve to weightsmith's modules, and nothing else of Tracr's is reachable."""

import sys

import pytest

from tests.tracr_suite.shim import load_tracr_module
from weightsmith import library, rasp
from weightsmith.compiler import compile_rasp_to_model


def test_tracr_names_are_weightsmith_modules():
    test_cases = load_tracr_module("tracr.compiler.test_cases")
    assert test_cases.rasp is rasp and test_cases.lib is library
    integration = load_tracr_module("tracr.compiler.rasp_to_transformer_integration_test")
    assert integration.compiling.compile_rasp_to_model is compile_rasp_to_model
    causal_eval = load_tracr_module("tracr.rasp.causal_eval")
    assert issubclass(causal_eval.CausalEvaluator, rasp.DefaultRASPEvaluator)


def test_tracrs_own_compiler_is_not_reachable():
    with pytest.raises(ModuleNotFoundError):
        load_tracr_module("tracr.compiler.assemble")


def test_the_shim_leaves_sys_modules_as_it_found_it():
    before = {name for name in sys.modules if name == "tracr" or name.startswith("tracr.")}
    load_tracr_module("tracr.rasp.rasp_test")
    assert {name for name in sys.modules if name == "tracr" or name.startswith("tracr.")} == before
