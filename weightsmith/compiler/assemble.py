"""Assembly: symbolic ops, placed and allocated, become the tensors of a `weightsmith.model.Transformer`.

The BOS position needs care. Every head reads keys there (BOS is each head's fallback), so what the
s-op dimensions hold at BOS must not disturb a score or a value. Nothing input-dependent ever reaches
BOS: the BOS query attends to BOS alone (its BOS column beats every key by the head's scale) and MLP
units are switched off there, so the residual at BOS is a known vector at every sublayer, tracked
here. Each read-out of s-op dimensions is then *compensated*: the bos dimension gets the coefficient
that cancels what the read-out would see at BOS, so every query feature, key feature, value and unit
pre-activation reads exactly 0 there (a unit reads -1: off). The erasers are the exception: they
read what the dimension holds at BOS, uncompensated - the planned value (a head's default) and the
residue (the heads' tiny attention to content keys) - and clear it with the dimension's tenant, so
an erased dimension is 0 at BOS as everywhere and BOS stays on plan however deep the model. At content
positions the bos dimension is 0 and the compensation changes nothing.

A loop's block must leave BOS as it found it, since its layers run again on their own output: the
heads' defaults written there live in the block's temporaries, which are all erased by its end
(checked here).
"""

from __future__ import annotations

from itertools import chain, groupby

import numpy as np

from weightsmith.compiler.attention import bos_column
from weightsmith.compiler.blocks import AttentionOp, MLPOp, Op, Unit
from weightsmith.compiler.compiled import UnitsInfo
from weightsmith.compiler.lowering import OutputSpec
from weightsmith.compiler.loops import LoopPlan
from weightsmith.compiler.readout import BOS, NUM, ONE, Dim, Readout
from weightsmith.compiler.residual import ResidualLayout
from weightsmith.compiler.schedule import Schedule
from weightsmith.model import HeadConfig, LayerConfig, LoopConfig, ModelConfig


class _Residual:
    """Read-outs as vectors over the allocated residual, and the known residual at BOS."""

    def __init__(self, layout: ResidualLayout):
        self.layout = layout
        self.d = layout.d_model
        self.bos = layout.index[BOS]
        self.at_bos = np.zeros(self.d)
        self.at_bos[self.bos] = 1.0

    def columns(self, readouts: list[Readout], at_bos: list[float | None] | None = None) -> np.ndarray:
        """[d_model, n]: each read-out as a column, column j compensated to read at_bos[j] at the BOS
        position (None, or at_bos None: left uncompensated).

        Most calls are small (a head's few columns, a Map's dozen units: a compile makes hundreds of
        them), where a numpy call costs more than a Python step, so up to SMALL_TERMS terms the
        entries are added one by one into a zero matrix; larger ones by one scatter (`np.bincount`).
        Both add the terms of an entry in order from 0.0, and the compensation's products in
        dimension order, so the two give the same bits."""
        n, d, index = len(readouts), self.d, self.layout.index
        terms = [r.terms for r in readouts]
        total = sum(map(len, terms))
        compensated = [(j, target) for j, target in enumerate(at_bos or ()) if target is not None]
        if total <= SMALL_TERMS:
            out = np.zeros((d, n))
            flat = out.reshape(-1)  # a view: entry (row, j) is flat[row * n + j]
            for j, column in enumerate(terms):
                for dim, c in column.items():
                    flat[index[dim] * n + j] += c
            if compensated:
                entries = [(k, float(self.at_bos[k])) for k in self.at_bos.nonzero()[0].tolist()]
                bos_row = out[self.bos]
                for j, target in compensated:
                    seen = 0.0  # what column j reads at BOS: its products with the nonzero BOS entries
                    for k, value in entries:
                        seen += float(out[k, j]) * value
                    bos_row[j] += target - seen
            return out
        rows = np.fromiter(map(index.__getitem__, chain.from_iterable(terms)), dtype=np.intp, count=total)
        coefficients = np.fromiter(chain.from_iterable(t.values() for t in terms), dtype=np.float64, count=total)
        at = rows * n + np.repeat(np.arange(n), list(map(len, terms)))
        out = np.bincount(at, weights=coefficients, minlength=n * d).reshape(d, n)
        if compensated:
            # what each column reads at BOS: its products with the nonzero BOS entries (the others add
            # exact zeros) added in dimension order; then the bos coefficient that makes it read at_bos[j]
            seen = np.zeros(n)
            for k in self.at_bos.nonzero()[0].tolist():
                seen += out[k] * self.at_bos[k]
            which = np.array([j for j, _ in compensated], dtype=np.intp)
            targets = np.array([target for _, target in compensated], dtype=np.float64)
            out[self.bos, which] += targets - seen[which]
        return out


SMALL_TERMS = 128  # `_Residual.columns` adds up to this many terms one by one (measured: the break-even is 100-200)


def assemble(
    ops: list[Op],
    sched: Schedule,
    layout: ResidualLayout,
    output: OutputSpec,
    *,
    vocab: list,
    tokens_label: str,
    indices_label: str,
    max_seq_len: int,
    bos: str,
    pad: str,
    causal: bool,
    causal_form: bool,
    loop: LoopPlan | None = None,
    token_codes: dict | None = None,
) -> tuple[ModelConfig, dict[str, np.ndarray], list[UnitsInfo]]:
    """The model config, its weights (float64 numpy arrays, named as `Transformer` expects), and which
    MLP units write what (the ground-truth circuit's record of the MLPs). `token_codes` (token -> dim ->
    entry) embeds compact tokens as their codes (`compiler.compact`)."""
    residual = _Residual(layout)
    d = residual.d
    token_embed = np.zeros((len(vocab) + 2, d))
    token_embed[0, residual.bos] = 1.0
    for t, token in enumerate(vocab, start=2):
        token_embed[t, layout.index[ONE]] = 1.0
        if Dim(tokens_label, token) in layout.index:
            token_embed[t, layout.index[Dim(tokens_label, token)]] = 1.0
        elif Dim(tokens_label, NUM) in layout.index:  # tokens embedded as their value (`Lowering.numeric_tokens`)
            token_embed[t, layout.index[Dim(tokens_label, NUM)]] = float(token)
        for dim, entry in (token_codes or {}).get(token, {}).items():
            if dim in layout.index:
                token_embed[t, layout.index[dim]] = entry
    pos_embed = np.zeros((max_seq_len + 1, d))
    for i in range(max_seq_len):
        if Dim(indices_label, i) in layout.index:
            pos_embed[i + 1, layout.index[Dim(indices_label, i)]] = 1.0
    weights: dict[str, np.ndarray] = {"token_embed": token_embed, "pos_embed": pos_embed}

    layers, records = [], []
    at_block_start = None
    for layer in range(sched.n_layers):
        if sched.block is not None and layer == sched.block[0]:
            at_block_start = residual.at_bos.copy()
        placed = [op for op in ops if sched.sublayer[id(op)] // 2 == layer]
        heads = [op for op in placed if isinstance(op, AttentionOp)]
        head_configs = []
        for h, op in enumerate(heads):
            W_Q, W_K, W_V, W_O = _head(op, residual)
            prefix = f"layers.{layer}.heads.{h}."
            weights.update({prefix + "W_Q": W_Q, prefix + "W_K": W_K, prefix + "W_V": W_V, prefix + "W_O": W_O})
            head_configs.append(HeadConfig(d_qk=W_Q.shape[1], d_ov=W_V.shape[1]))
        for op in heads:  # what the heads wrote at BOS (the BOS query attends to BOS alone)
            for dim, value in op.bos_values.items():
                residual.at_bos[layout.index[dim]] += value
        units = [u for op in placed if isinstance(op, MLPOp) for u in op.units]
        erasers = layout.erasers.get(2 * layer + 1, [])
        records.extend(_unit_records(layer, [op for op in placed if isinstance(op, MLPOp)], erasers, layout, sched))
        if units or erasers:
            weights.update(_mlp(units, erasers, residual, f"layers.{layer}.mlp."))
        layers.append(LayerConfig(head_configs, len(units) + len(erasers)))
        if sched.block is not None and layer == sum(sched.block) - 1 and not np.array_equal(at_block_start, residual.at_bos):
            raise AssertionError("the loop's block does not leave the BOS position as it found it")

    layer_labels = None
    if layout.reused:
        layer_labels = layout.labels_after(2 * sched.n_layers)
    config = ModelConfig(
        vocab=list(vocab), bos=bos, pad=pad, max_seq_len=max_seq_len, d_model=d, layers=layers,
        residual_labels=layout.labels, output_dims=[layout.index[dim] for dim in output.dims],
        output_encoding=output.encoding, output_values=list(output.values),
        output_tolerance=output.tolerance if output.encoding == "numerical" else 0.0,
        output_label=output.label, causal=causal, causal_form=causal_form, layer_labels=layer_labels, loop=_loop_config(loop, sched, layout),
        output_types={"dims": [layout.index[dim] for dim in output.type_dims], "types": list(output.types)}
        if output.type_dims else None,
        output_codes=None if output.codes is None else [[int(c) for c in code] for code in output.codes],
        output_scores=output.scores,
    )
    return config, weights, records


def _unit_records(layer: int, mlps: list[MLPOp], erasers: list[Unit], layout: ResidualLayout,
                  sched: Schedule) -> list[UnitsInfo]:
    """The unit ranges of one layer's MLP, in the order `_mlp` lays the units out: each MLP op's units,
    then the erasers (grouped by the s-op they clear)."""
    records, start = [], 0

    def written(units: list[Unit]) -> list[int]:
        return sorted({layout.index[dim] for unit in units for dim in unit.out})

    for op in mlps:
        records.append(UnitsInfo(op.output.label, layer, start, start + len(op.units), sched.stored_reads(op),
                                 written(op.units)))
        start += len(op.units)
    # an eraser reads the one dimension it clears: consecutive ones of one s-op make one record
    for owner, group in groupby(erasers, key=lambda unit: next(iter(unit.pre.terms)).owner):
        group = list(group)
        records.append(UnitsInfo(owner, layer, start, start + len(group), [owner], written(group), eraser=True))
        start += len(group)
    return records


def _loop_config(plan: LoopPlan | None, sched: Schedule, layout: ResidualLayout) -> LoopConfig | None:
    if plan is None:
        return None
    first, count = sched.block
    dim = lambda rep: layout.index[rep.dims[0]]
    return LoopConfig(first_layer=first, n_layers=count, max_steps=plan.loop.max_steps, stop_dim=dim(plan.stop),
                      steps_dim=dim(plan.steps), halted_dim=dim(plan.halted))


def _head(op: AttentionOp, residual: _Residual) -> tuple[np.ndarray, ...]:
    """W_Q, W_K, W_V, W_O of one head. Every read-out is resolved by one `columns` call: the query
    columns (score, then preference, then BOS), the key columns in the same order, then the values;
    score and preference columns read 0 at BOS, BOS's own columns are left as they are."""
    bos = bos_column(op)
    n_score, n_pref = len(op.columns), len(op.preference)
    out_dims = list(dict.fromkeys([*op.values, *op.bos_values]))
    unscaled = [0.0] * (n_score + n_pref) + [None]
    matrix = residual.columns(
        [c.query for c in op.columns] + [c.query for c in op.preference] + [bos.query]
        + [c.key for c in op.columns] + [c.key for c in op.preference] + [bos.key]
        + [op.values.get(dim, Readout()) for dim in out_dims],
        unscaled + unscaled + [op.bos_values.get(dim, 0.0) for dim in out_dims])
    width = n_score + n_pref + 1
    W_Q = matrix[:, :width].copy()
    W_Q[:, :n_score] *= op.scale
    W_Q[:, n_score:width - 1] *= op.step
    W_K = np.ascontiguousarray(matrix[:, width:2 * width])
    W_V = np.ascontiguousarray(matrix[:, 2 * width:])
    W_O = np.zeros((len(out_dims), residual.d))
    for j, dim in enumerate(out_dims):
        W_O[j, residual.layout.index[dim]] = 1.0
    return W_Q, W_K, W_V, W_O


def _mlp(units: list[Unit], erasers: list[Unit], residual: _Residual, prefix: str) -> dict[str, np.ndarray]:
    """`units` are switched off at BOS; `erasers` read there what the dimension holds (uncompensated:
    the planned value and the softmax residue of the heads that wrote it), so they clear it all."""
    W_in = residual.columns([u.pre for u in units] + [u.pre for u in erasers],
                            [-1.0 - u.bias for u in units] + [None] * len(erasers))
    for unit in erasers:  # each erased dimension is 0 at BOS from here on
        for dim in unit.out:
            residual.at_bos[residual.layout.index[dim]] = 0.0
    units = units + erasers
    d, n = residual.d, len(units)
    b_in, W_out = np.array([u.bias for u in units], dtype=np.float64), np.zeros((n, d))
    for j, unit in enumerate(units):
        for dim, w in unit.out.items():
            W_out[j, residual.layout.index[dim]] += w
    return {prefix + "W_in": W_in, prefix + "b_in": b_in, prefix + "W_out": W_out, prefix + "b_out": np.zeros(d)}
