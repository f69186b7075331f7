"""Longest-path scheduling: each op at the earliest sublayer of its kind after its inputs."""

import pytest

from weightsmith import rasp
from weightsmith.library.registry import PROGRAMS
from weightsmith.compiler.graph import build_graph
from weightsmith.compiler.lowering import Lowering
from weightsmith.compiler.readout import BOS, ONE
from weightsmith.compiler.schedule import schedule
from weightsmith.compiler.values import analyse

EQ = rasp.Comparison.EQ


def placed(program, vocab=("a", "b"), max_seq_len=4) -> dict[str, tuple[int, int]]:
    graph = build_graph(program)
    lowering = Lowering(graph, analyse(graph, list(vocab), max_seq_len), list(vocab), max_seq_len)
    embedded = {ONE.owner, BOS.owner, "tokens", "indices"}
    sched = schedule(lowering.ops, embedded)
    return {op.output.label: (sched.sublayer[id(op)], sched.n_layers) for op in lowering.ops}


def test_independent_ops_share_a_layer_and_width_decodes_in_its_own_layer():
    hist = rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, EQ)).named("hist")
    first = rasp.Aggregate(rasp.Select(rasp.indices, rasp.Full(0), EQ), rasp.tokens).named("first")
    both = rasp.SequenceMap(lambda h, f: f"{h}{f}", hist, first).named("both")
    where = placed(both)
    assert where["hist[1/(w+1)]"][0] == where["first"][0] == 0  # two heads of layer 0
    assert where["hist"][0] == 1  # the decoding MLP of layer 0
    assert where["both"][0] == 3  # needs both: the next MLP
    assert where["both"][1] == 2


def test_a_chain_alternates_attention_and_mlp():
    length = rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.TRUE)).named("length")
    opp = rasp.SequenceMap(lambda n, i: n - i - 1, length, rasp.indices).named("opp")
    rev = rasp.Aggregate(rasp.Select(rasp.indices, opp, EQ), rasp.tokens).named("reverse")
    where = placed(rev)
    assert [where[k][0] for k in ("length[1/(w+1)]", "length", "opp", "reverse")] == [0, 1, 3, 4]
    assert where["reverse"][1] == 3


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_what_each_op_reads_is_found_once_as_each_reader_found_it(name):
    """`Schedule.dims`/`owners`/`stored_reads` equal what allocation, the unit records and the heads computed
    from the read-outs themselves: the dimensions read, their owners in first-read order, and those
    owners without `one` and `bos`."""
    spec = PROGRAMS[name]
    graph = build_graph(spec.build())
    lowering = Lowering(graph, analyse(graph, list(spec.vocab), spec.max_seq_len), list(spec.vocab), spec.max_seq_len)
    sched = schedule(lowering.ops, {ONE.owner, BOS.owner, "tokens", "indices"})
    assert lowering.ops
    for op in lowering.ops:
        terms = [dim for readout in op.reads() for dim in readout.terms]
        assert list(sched.dims[id(op)]) == list(dict.fromkeys(terms))
        assert list(sched.owners[id(op)]) == list(dict.fromkeys(dim.owner for dim in terms))
        assert sched.stored_reads(op) == [o for o in dict.fromkeys(dim.owner for dim in terms)
                                          if o not in (ONE.owner, BOS.owner)]
