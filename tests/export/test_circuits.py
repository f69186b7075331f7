"""The ground-truth circuit agrees with the model it describes: every head and unit range named by the
compiler's records writes exactly the residual dimensions of its s-op, and edges follow the schedule."""

import json

import pytest

from tests.export.cases import CASES
from weightsmith.export.circuits import EMBED, OUTPUT, circuit_of, sublayer_of
from weightsmith.export.hooks import hook_labels, markdown_table


@pytest.mark.parametrize("name,causal", CASES)
def test_records_match_the_weights(compiled, name, causal):
    c = compiled(name, causal)
    circuit = circuit_of(c)
    sops = {s.label: s for s in circuit.sops}
    assert {s.label for s in circuit.sops} >= {w for x in circuit.components for w in x.writes}
    assert all(s.dims for s in circuit.sops if s.component)  # a written s-op has dimensions
    for component in circuit.components:
        if component.kind == "head":
            head = c.model.layers[component.layer].heads[component.head]
            written = set((head.W_O != 0).any(0).nonzero().flatten().tolist())
            assert written == set(component.dims), component.name
        if component.kind == "mlp":
            mlp = c.model.layers[component.layer].mlp
            for units in component.units:  # compute units write their s-op's dims only
                rows = mlp.W_out[units.start:units.stop]
                written = set((rows != 0).any(0).nonzero().flatten().tolist())
                assert written == set(units.dims), (component.name, units)
            for units in component.erasers:  # an eraser writes back into the dims it reads
                rows, cols = mlp.W_out[units.start:units.stop], mlp.W_in[:, units.start:units.stop]
                written = set((rows != 0).any(0).nonzero().flatten().tolist())
                read = set((cols != 0).any(1).nonzero().flatten().tolist()) - {c.config.residual_labels.index("bos")}
                assert written == set(units.dims) == read, (component.name, units)
                assert set(units.dims) <= set(sops[units.sop].dims) or not sops[units.sop].dims
    # edges run forward in the schedule, and the output is fed
    for source, target in circuit.component_edges:
        assert target == OUTPUT or sublayer_of(source) < sublayer_of(target), (source, target)
    assert any(target == OUTPUT for _, target in circuit.component_edges)
    json.loads(circuit.to_json())


def test_reverse_circuit_by_hand(compiled):
    """reverse: length (a width head + its MLP) -> opp_idx (MLP) -> the Aggregate head reading tokens."""
    circuit = circuit_of(compiled("reverse"))
    assert circuit.component_edges == [("L0.H0", "L0.MLP"), ("L0.MLP", "L1.MLP"), (EMBED, "L1.MLP"),
                                       ("L1.MLP", "L2.H0"), (EMBED, "L2.H0"), ("L2.H0", OUTPUT)]
    assert ("tokens", "reverse") in circuit.sop_edges and ("length", "opp_idx") in circuit.sop_edges
    mlp1 = next(c for c in circuit.components if c.name == "L1.MLP")
    assert [u.sop for u in mlp1.units] == ["opp_idx"] and [u.sop for u in mlp1.erasers] == ["length"]


def test_an_mlp_of_erasers_only_is_not_in_the_circuit(compiled):
    c = compiled("most_freq")
    circuit = circuit_of(c)
    erasers_only = [x for x in circuit.components if x.kind == "mlp" and not x.units]
    assert all(not x.in_circuit and x.name not in circuit.nodes() for x in erasers_only)


def test_hook_table_names_the_sops(compiled):
    c = compiled("reverse")
    rows = hook_labels(c.model, circuit_of(c))
    by_hook = {(r["hook"], r["index"]): r["sops"] for r in rows}
    assert by_hook["blocks.2.attn.hook_{q,k,v,z,attn_scores,pattern}", "head 0"] == ["reverse"]
    assert by_hook["blocks.1.mlp.hook_{pre,post}", "units 15:25"] == ["erases length"]
    assert "opp_idx" in by_hook["blocks.1.hook_resid_post", ""] and "length" not in by_hook["blocks.1.hook_resid_post", ""]
    assert by_hook["hook_pos_embed", ""] == ["indices"]
    assert "| `blocks.0.hook_resid_pre` |" in markdown_table(rows)


def test_missing_folders_of_the_path_are_created_like_every_writer(compiled, tmp_path):
    # model save, the TransformerLens export and decompile_to_python create them; this raised FileNotFoundError
    path = circuit_of(compiled("reverse")).write(tmp_path / "new" / "deeper" / "circuit.json")
    assert json.loads(path.read_text())["sop_edges"]
