"""Tracr 1.0.0's `rasp.causal_eval_test` (from the installed wheel), run against weightsmith (see shim.py)."""

from tests.tracr_suite.shim import load_test_classes

globals().update(load_test_classes("tracr.rasp.causal_eval_test"))
