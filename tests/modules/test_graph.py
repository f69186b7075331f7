import pytest

from tests.modules.tiny import tiny_model
from weightsmith.modules.graph import weight_graph
from weightsmith.rasp.errors import InputError


def edges(graph) -> dict[frozenset, float]:
    return {frozenset((u, v)): w for u, v, w in graph.edges(data="weight")}


def test_unit_graph_of_the_hand_built_model():
    # query edge |W_Q W_K^T| / max = 1 and value edge |W_V W_O| = 0.5 from dim 0; key edge 1 from dim 1;
    # dim 2 is written by the head (boundary 1) and by the MLP (boundary 2); dim 1 by the MLP (boundary 2)
    expected = {
        ("resid:0@0", "head:0.0"): 1.5, ("resid:1@0", "head:0.0"): 1.0, ("head:0.0", "resid:2@1"): 0.5,
        ("resid:2@1", "mlp:0.0"): 4.0, ("resid:0@0", "mlp:0.1"): 1.0,
        ("mlp:0.0", "resid:1@2"): 3.0, ("mlp:0.1", "resid:2@2"): 2.0,
        ("resid:1@0", "resid:1@2"): 1.0, ("resid:2@1", "resid:2@2"): 1.0,  # residual connections
    }
    got = edges(weight_graph(tiny_model()).graph)
    assert got == pytest.approx({frozenset(e): w for e, w in expected.items()})
    assert "resid:2@0" not in weight_graph(tiny_model()).graph  # dim 2 holds nothing before the head writes it


def test_component_graph_contracts_the_residual():
    # embed -> head: 1 * 1.5 (dim 0) + 1 * 1 (dim 1); embed -> mlp: dim 0, 1 * 1; head -> mlp: 0.5 * 4 (dim 2);
    # the output reads dim 2, written by the head (0.5) and then by the MLP (2)
    expected = {("embed", "head:0.0"): 2.5, ("embed", "mlp:0"): 1.0, ("head:0.0", "mlp:0"): 2.0,
                ("head:0.0", "unembed"): 0.5, ("mlp:0", "unembed"): 2.0}
    got = edges(weight_graph(tiny_model(), level="component").graph)
    assert got == pytest.approx({frozenset(e): w for e, w in expected.items()})


def test_activation_weighting_drops_silent_wires():
    # on inputs of a's only dim 1 is always 0 (no key edge); dim 0 is 1 at 2 of 3 positions (BOS has 0)
    got = edges(weight_graph(tiny_model(), data=[["BOS", "a", "a"]]).graph)
    assert frozenset(("resid:1@0", "head:0.0")) not in got
    assert got[frozenset(("resid:0@0", "head:0.0"))] == pytest.approx(1.5 * 2 / 3)


def test_unknown_level_is_refused():
    with pytest.raises(InputError, match="level"):
        weight_graph(tiny_model(), level="neuron")
