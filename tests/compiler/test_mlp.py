"""MLP constructions are exact on every value that can occur (and a little around it)."""

import itertools

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from weightsmith.compiler.mlp import (
    clean_units,
    ROUNDING_NOISE,
    _difference,
    _ramps,
    copy_number_units,
    discretising_units,
    lookup_units,
    min_gap,
    ramp_slope,
    rounding_starts,
    staircase_rounding,
)
from weightsmith.compiler.readout import NUM, ONE, Dim, Readout

X = Dim("x", NUM)
OUT = Dim("out", NUM)


def run(units, residual: dict) -> dict:
    """The MLP's output on one residual (dimension -> value), as the model computes it."""
    out: dict = {}
    for u in units:
        h = max(0.0, u.pre.at(residual) + u.bias)
        for d, w in u.out.items():
            out[d] = out.get(d, 0.0) + h * w
    return out


numbers = st.lists(st.integers(-50, 50), min_size=1, max_size=8, unique=True).map(lambda v: sorted(x / 4 for x in v))


@given(numbers, st.data())
def test_staircase_is_exact_at_and_near_every_point(points, data):
    results = [data.draw(st.integers(-3, 3)) for _ in points]
    units = discretising_units(Readout.of(X), points, [{OUT: float(r)} if r else {} for r in results])
    quarter = min_gap(points) / 4 if len(points) > 1 else 1.0
    for p, r in zip(points, results):
        for off in (0.0, 0.99 * quarter, -0.99 * quarter):
            got = run(units, {ONE: 1.0, X: p + off}).get(OUT, 0.0)
            assert abs(got - r) < 1e-9, (p, off, got, r)


def test_staircase_units_only_where_the_function_changes():
    points = [0.0, 1.0, 2.0, 3.0]
    units = discretising_units(Readout.of(X), points, [{OUT: 1.0}, {OUT: 1.0}, {OUT: 5.0}, {OUT: 5.0}])
    assert len(units) == 1 + 2  # the value at the first point, one ramp (two units)


# outputs with long runs of equal neighbours, as a function of many values with few results gives: equal
# dicts (shared or not), and unequal ones whose difference is empty ({OUT: 0.0} beside {})
vectors = st.lists(st.sampled_from([{}, {OUT: 0.0}, {OUT: 1.0}, {OUT: -2.5}, {X: 1.0, OUT: 1.0}]), min_size=1, max_size=60)


@given(vectors, st.booleans())
def test_ramps_are_every_gap_whose_step_is_not_empty(outputs, shared):
    """`_ramps` visits only the gaps between unequal outputs: the same ramps, in order, as the step of every gap."""
    outputs = outputs if shared else [dict(o) for o in outputs]
    points = [float(i) for i in range(len(outputs))]
    expected = []
    for i in range(1, len(points)):
        step = _difference(outputs[i], outputs[i - 1])
        if step:
            low, high = points[i - 1] + 0.25, points[i] - 0.25
            expected.append((i, step, low, high, sum(map(abs, step.values())) / (high - low)))
    assert _ramps(points, outputs) == expected
    assert _ramps(points, tuple(outputs)) == expected


@given(st.lists(st.integers(-3, 3), min_size=3, max_size=40), st.lists(st.integers(1, 9), min_size=40, max_size=40))
def test_the_commonest_slope_is_zero_where_most_neighbours_are_equal(results, gaps):
    """What `Lowering._ramp` relies on to skip `ramp_slope`: fewer changes than half the gaps means slope 0."""
    points = list(np.cumsum(np.array(gaps[:len(results)], dtype=np.float64) / 8).tolist())
    values = [r / 3 for r in results]
    changes = sum(a != b for a, b in zip(values, values[1:]))
    if 2 * changes < len(values) - 1:
        assert ramp_slope(points, values) == 0.0


def test_lookup_fires_only_on_its_combination():
    a = {v: Readout.of(Dim("a", v)) for v in "xy"}
    b = {v: Readout.of(Dim("b", v)) for v in (1, 2)}
    combos = [("x", 1), ("x", 2), ("y", 2)]  # ("y", 1) never occurs: no unit
    units = lookup_units([a, b], combos, [{Dim("o", i): 1.0} for i in range(3)])
    assert len(units) == 3
    for i, (u, v) in enumerate(combos):
        out = run(units, {Dim("a", u): 1.0, Dim("b", v): 1.0})
        assert {d for d, w in out.items() if w} == {Dim("o", i)}
    assert not any(run(units, {Dim("a", "x"): 1.0}).values())  # b is None: nothing fires


def test_number_copy_uses_only_the_signs_that_occur():
    assert len(copy_number_units(Readout.of(X), OUT, 0.0, 3.0)) == 1
    units = copy_number_units(Readout.of(X), OUT, -2.0, 3.0)
    assert [run(units, {X: v})[OUT] for v in (-2.0, 0.0, 3.0)] == [-2.0, 0.0, 3.0]


def test_rounding_twins_are_one_value():
    points = [0.0, 0.3, 0.1 + 0.2, 0.5]
    assert points[1] != points[2]  # 0.30000000000000004
    assert rounding_starts(sorted(points)) == [0, 1, 3]  # clusters [0], [1, 2], [3]


@given(st.lists(st.floats(-1e6, 1e6, allow_nan=False), max_size=30))
def test_rounding_clusters_split_exactly_where_neighbours_differ_beyond_noise(raw):
    points = sorted(raw)
    starts = rounding_starts(points)
    groups = [range(a, b) for a, b in zip(starts, [*starts[1:], len(points)])]
    assert [i for g in groups for i in g] == list(range(len(points)))  # every index once, in order
    for g in groups:
        for a, b in zip(g, g[1:]):
            assert points[b] - points[a] <= ROUNDING_NOISE * max(1.0, abs(points[b]))
    for g, h in zip(groups, groups[1:]):
        prev, first = points[g[-1]], points[h[0]]
        assert first - prev > ROUNDING_NOISE * max(1.0, abs(first))


@given(st.lists(st.floats(-1e3, 1e3, allow_nan=False), min_size=2, max_size=20, unique=True))
def test_min_gap_is_the_smallest_neighbour_distance(raw):
    points = sorted(raw)
    assert min_gap(points) == min(b - a for a, b in zip(points, points[1:]))
    assert min_gap(points[:1]) == float("inf")


_ODD_POINTS = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**6, 10**6).map(float),
                        st.sampled_from([1 / 3, 2 / 3 - 1 / 3, 0.1, 0.30000000000000004, 0.3]))


@given(st.lists(_ODD_POINTS, max_size=40))
def test_short_staircases_cluster_and_gap_as_numpy_does(points):
    """Up to SMALL points are compared in Python: the same clusters and the same gap (NaN included)
    as the vectorised formulas."""
    points = sorted(points, key=lambda x: (x != x, x))
    p = np.asarray(points, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        expected_gap = float(np.diff(p).min()) if len(p) >= 2 else float("inf")
        together = np.diff(p) <= ROUNDING_NOISE * np.maximum(1.0, np.abs(p[1:]))
    starts = [0, *(np.flatnonzero(~together) + 1).tolist()] if len(p) else []
    assert rounding_starts(points) == starts
    gap = min_gap(points)
    # equal as numbers, NaN included; a zero gap's sign is not compared (numpy's min of 0.0 and -0.0 may
    # return either, and a distance of -0.0 means the same as 0.0)
    assert gap == expected_gap or (gap != gap and expected_gap != expected_gap)


@given(st.integers(-20, 20), st.integers(0, 20), st.data())
def test_gate_is_flag_times_x_on_its_range(low, width, data):
    from weightsmith.compiler.mlp import gate_units

    flag_dim = Dim("flag", NUM)
    high = low + width
    units = gate_units(Readout.of(flag_dim), Readout.of(X), float(low), float(high), OUT)
    assert len(units) <= 2
    x = data.draw(st.integers(low, high))
    for flag in (0, 1):
        got = run(units, {ONE: 1.0, X: float(x), flag_dim: float(flag)}).get(OUT, 0.0)
        assert got == flag * x


def test_ramp_is_a_line_plus_a_few_steps():
    from weightsmith.compiler.mlp import ramp_slope, ramp_units

    points = [float(v) for v in range(-300, 301)]
    wrapped = [float((v + 128) % 256 - 128) for v in range(-300, 301)]
    slope = ramp_slope(points, wrapped)
    units = ramp_units(Readout.of(X), points, wrapped, slope, OUT)
    assert slope == 1.0 and len(units) <= 1 + 1 + 2 * 4  # the line, a constant, two units per wrap
    for p, w in zip(points, wrapped):
        for off in (0.0, 0.2, -0.2):
            got = run(units, {ONE: 1.0, X: p + off}).get(OUT, 0.0)
            assert abs(got - (w + off)) < 1e-9  # the staircase is flat near a point, the line follows x


def run_float32(units, x: float) -> dict:
    """The MLP's output for X = x in float32, as torch computes it: x * w rounded, + bias rounded, relu, then
    the weighted sum (in unit order)."""
    out: dict = {}
    for u in units:
        pre = np.float32(0.0)
        for d, c in u.pre.terms.items():
            pre = np.float32(pre + np.float32(c) * np.float32(x if d == X else 1.0))
        h = max(np.float32(0.0), np.float32(pre + np.float32(u.bias)))
        for d, w in u.out.items():
            out[d] = np.float32(out.get(d, np.float32(0.0)) + h * np.float32(w))
    return out


shares = st.lists(st.integers(0, 256), min_size=2, max_size=40, unique=True).map(lambda ws: sorted(1 / (w + 1) for w in ws))


@given(shares, st.data())
def test_staircase_rounds_within_its_bound_in_float32(points, data):
    """`staircase_rounding` bounds what float32 does to the staircase at each point: 2 * 2**-24 * size
    (`compiler.bounds`), with one-hot outputs read at shares 1/(w+1) (SelectorWidth's, slopes 2/gap)."""
    results = [data.draw(st.integers(0, 5)) for _ in points]
    dims = {r: Dim("out", r) for r in range(6)}
    outputs = [{dims[r]: 1.0} for r in results]
    units = discretising_units(Readout.of(X), points, outputs)
    for p, r, size in zip(points, results, staircase_rounding(points, outputs)):
        got = run_float32(units, p)
        off = sum(abs(float(got.get(d, 0.0)) - (1.0 if k == r else 0.0)) for k, d in dims.items())
        assert off <= 2 * 2.0 ** -24 * size + 1e-12, (p, off, size)


def test_staircase_ramps_point_to_the_nearer_end():
    """SelectorWidth's shares: the dense small shares are parted by ramps on only below them (small
    pre-activations), so the largest |pre-activation| at the share 1 is far below the up ramps' slope."""
    points = sorted(1 / (w + 1) for w in range(65))
    outputs = [{Dim("out", i): 1.0} for i in range(65)]
    sizes = staircase_rounding(points, outputs)
    assert max(sizes) < 3e4  # all up: about 7.3e5 at the share 1 (sum of 8 w (w + 1), w = 1..64)
    assert max(abs(u.bias) for u in discretising_units(Readout.of(X), points, outputs)) < 200


@given(st.integers(1, 3), st.floats(-0.24, 0.24))
def test_clean_units_are_exact_while_their_read_outs_are_within_a_quarter(k, off):
    operands = [{v: Readout.of(Dim(f"o{j}", v)) for v in "xy"} for j in range(k)]
    combos = list(itertools.product("xy", repeat=k))
    units = clean_units(lookup_units(operands, combos, [{Dim("out", c): 1.0} for c in range(len(combos))]))
    for c, combo in enumerate(combos):
        residual = {Dim(f"o{j}", v): 1.0 + (off if j == 0 else 0.0) for j, v in enumerate(combo)}
        got = run(units, residual)
        assert all(abs(got.get(Dim("out", i), 0.0) - (1.0 if i == c else 0.0)) < 1e-12 for i in range(len(combos)))
