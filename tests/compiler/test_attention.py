"""Score tables factor exactly; the scale bounds the softmax leakage by the stated margin."""

import math

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from weightsmith.compiler.attention import (
    CLEAN_FLOOR,
    MIN_MARGIN,
    assign_precision,
    preference_columns,
    score_columns,
    set_scale,
    starved,
)
from weightsmith.compiler.blocks import AttentionOp, MLPOp, Representation, Unit
from weightsmith.compiler.mlp import CLEAN_TOLERANCE, clean_units
from weightsmith.compiler.readout import NUM, Dim, Readout


def one_hots(name: str, n: int) -> list[Readout]:
    return [Readout.of(Dim(name, i)) for i in range(n)]


@given(st.integers(1, 6), st.integers(1, 6), st.data())
def test_columns_reproduce_the_table(n_q, n_k, data):
    table = np.array(data.draw(st.lists(st.lists(st.booleans(), min_size=n_k, max_size=n_k), min_size=n_q, max_size=n_q)))
    columns = score_columns(one_hots("q", n_q), one_hots("k", n_k), table)
    assert len(columns) <= min(len({r.tobytes() for r in table}), len({c.tobytes() for c in table.T}))
    for q in range(n_q):
        for k in range(n_k):
            score = sum(c.query.at({Dim("q", q): 1.0}) * c.key.at({Dim("k", k): 1.0}) for c in columns)
            assert score == float(table[q, k])


def op(mode: str, n_atoms: int = 1, value_range: float = 1.0, precision: float = math.inf) -> AttentionOp:
    out = Representation("out", "numerical", [0.0], False, None, Readout.of(Dim("out", NUM)), [Dim("out", NUM)])
    return AttentionOp(out, [], n_atoms, {}, {}, mode, value_range, precision)


def softmax(scores):
    e = np.exp(np.array(scores) - max(scores))
    return e / e.sum()


def test_leakage_is_below_the_margin_in_the_worst_case():
    n = 16
    for mode in ("aggregate", "width"):
        head = op(mode, n_atoms=2)
        set_scale(head, n)
        s, m = head.scale, head.n_atoms
        bos = s * (m - 0.5) if mode == "aggregate" else s * m
        # Worst case: one selected key, every other key one atom short; BOS counted as off-selection
        # for an Aggregate (it should get nothing) and as selected for a width.
        weights = softmax([s * m] + [s * (m - 1)] * (n - 1) + [bos])
        off = weights[1:-1].sum() + (weights[-1] if mode == "aggregate" else 0.0)
        assert off <= head.margin <= 1e-6
        # Nothing selected: an Aggregate must then fall back to BOS.
        if mode == "aggregate":
            assert 1 - softmax([s * (m - 1)] * n + [bos])[-1] <= head.margin


def test_precision_flows_from_staircases_to_the_heads_that_feed_them():
    x = Dim("mean", NUM)
    head = op("aggregate", value_range=4.0)
    head.output.dims = [x]
    head.values = {x: Readout.of(Dim("tokens", NUM))}
    upstream = op("aggregate", value_range=4.0)
    upstream.output.dims = [Dim("tokens", NUM)]
    mlp = MLPOp(head.output, [], inputs=[Readout.of(x, 2.0)], tolerance=[0.01])
    assign_precision([upstream, head, mlp], [])
    assert head.precision == 0.01 / 2 / 2  # reads x with weight 2; half the budget is its own
    assert upstream.precision == head.precision / 2  # it gets what the head passes on, halves it
    set_scale(head, 10)
    assert head.margin == min(1e-6, head.precision / (2 * 4.0))


@given(st.integers(1, 7), st.data())
def test_preference_columns_reproduce_the_places(n, data):
    orders = [data.draw(st.permutations(range(n))) for _ in range(n)]
    columns = preference_columns(one_hots("i", n), orders)
    assert len(columns) <= n
    for q in range(n):
        for place, k in enumerate(orders[q]):
            score = sum(c.query.at({Dim("i", q): 1.0}) * c.key.at({Dim("i", k): 1.0}) for c in columns)
            assert score == n - 1 - place


def test_a_first_or_last_preference_costs_one_column():
    assert len(preference_columns(one_hots("i", 6), [list(range(6))] * 6)) == 1


def test_preferred_leakage_is_below_the_margin_in_the_worst_case():
    n = 16
    head = op("aggregate", n_atoms=2)
    head.preference = [None]  # only its presence matters to set_scale
    set_scale(head, n)
    s, m, step = head.scale, head.n_atoms, head.step
    bos = s * (m - 0.5)
    # Worst cases: the preferred key has place bonus p, the other selected keys p-1, ..., 0 (each one
    # step behind the last), every unselected key the largest bonus, n-1.
    for p in (n - 1, 1, 0):
        selected = [s * m + step * p] + [s * m + step * (p - j) for j in range(1, p + 1)]
        unselected = [s * (m - 1) + step * (n - 1)] * (n - len(selected))
        weights = softmax(selected + unselected + [bos])
        assert 1 - weights[0] <= head.margin <= 1e-6
    # Nothing selected: BOS must get everything but the margin, whatever the bonuses.
    assert 1 - softmax([s * (m - 1) + step * (n - 1)] * n + [bos])[-1] <= head.margin


def test_precision_flows_through_lookups():
    # a head -> a lookup unit reading its dim -> a staircase needing 0.01: the head gets 0.01 / mass / 2
    x, y = Dim("x", 1), Dim("y", 1)
    head = op("aggregate")
    head.output.dims = [x]
    lookup = MLPOp(head.output, [Unit(Readout({x: 1.0, Dim("z", 0): 1.0}), -1.0, {y: 1.0}),
                                 Unit(Readout({x: 1.0}), 0.0, {y: 1.0})])
    final = MLPOp(head.output, [], inputs=[Readout.of(y)], tolerance=[0.01])
    assign_precision([head, lookup, final], [])
    assert head.precision == 0.01 / (2 + 1) / 2  # mass: |1| * 2 terms + |1| * 1 term


def starving_chain(depth: int, width: int) -> tuple[AttentionOp, list[MLPOp], list]:
    """A head writing d0, then `depth` lookups each writing d(k+1) from `width` units that read dk and one
    other dim (mass 2 * width: the head's budget shrinks by that much a lookup), then a staircase needing
    0.01 of the last: (the head, the lookups, every op in order)."""
    head = op("aggregate")
    head.output.dims = [Dim("d", 0)]
    lookups = [MLPOp(head.output, [Unit(Readout({Dim("d", k): 1.0, Dim("other", j): 1.0}), -1.0, {Dim("d", k + 1): 1.0})
                                   for j in range(width)], lookup=True) for k in range(depth)]
    final = MLPOp(head.output, [], inputs=[Readout.of(Dim("d", depth))], tolerance=[0.01])
    return head, lookups, [head, *lookups, final]


def test_a_head_starved_by_a_chain_of_lookups_gets_them_cleaned_where_they_pass_on_too_little():
    head, lookups, ops = starving_chain(14, 100)
    plain = [list(lookup.units) for lookup in lookups]
    assign_precision(ops, [])
    assert head.precision == 0.01 / 200 ** 14 / 2 and starved(ops)  # set_scale would need a margin below 1e-30
    assert not any(lookup.clean for lookup in lookups)  # without a floor nothing changes
    assign_precision(ops, [], floor=CLEAN_FLOOR)
    # from the staircase back, 0.01 / 200^8 < 1e-20: the eighth lookup is made clean, and passes nothing on;
    # its inputs need CLEAN_TOLERANCE over its units' two terms, which the six lookups before it divide by 200^6
    assert [lookup.clean for lookup in lookups] == [k == 6 for k in range(14)]
    assert lookups[6].units == clean_units(plain[6]) and lookups[5].units == plain[5]
    assert head.precision == CLEAN_TOLERANCE / 2 / 200 ** 6 / 2
    assert not starved(ops) and head.precision / 2 >= MIN_MARGIN
