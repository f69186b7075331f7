"""The pipeline: program -> graph -> value facts -> lowering -> schedule -> residual -> weights -> model.

    from weightsmith.compiler import compile_rasp_to_model      # Tracr's name and signature
    compiled = compile_rasp_to_model(program, vocab={"a", "b"}, max_seq_len=5)
    compiled.apply(["BOS", "a", "b"]).decoded                    # [BOS, out_0, out_1]
"""

from __future__ import annotations

import math
import time
import warnings
from collections.abc import Iterable  # not typing's alias: its isinstance runs two more Python functions
from itertools import chain

import numpy as np

from weightsmith import rasp
from weightsmith.compiler.assemble import assemble
from weightsmith.compiler.attention import CLEAN_FLOOR, MAX_MARGIN, MIN_MARGIN, assign_precision, set_scale, starved
from weightsmith.compiler import compact
from weightsmith.compiler.blocks import AttentionOp, Representation
from weightsmith.compiler.bounds import BoundExceeded, ErrorBounds, bound_errors
from weightsmith.compiler.causal import CausalFacts, causal_program, looks_back_only
from weightsmith.compiler.compiled import CompiledModel, HeadInfo, SOpLayout
from weightsmith.compiler.errors import CompileError, RoundingWarning
from weightsmith.compiler.graph import build_graph
from weightsmith.compiler.lowering import Lowering
from weightsmith.compiler.pruning import prune
from weightsmith.compiler.readout import BOS, ONE, dim_owner
from weightsmith.compiler.residual import ResidualLayout, allocate
from weightsmith.compiler.schedule import Schedule, schedule
from weightsmith.compiler.values import analyse
from weightsmith.model import Transformer
from weightsmith.rasp.holes import check_filled

MARGIN_ROUNDS = 8  # tightenings of the heads' margins tried before the end-to-end bound gives up


def compile_program(
    program: rasp.SOp,
    vocab: Iterable,
    max_seq_len: int,
    causal: bool = False,
    bos: str = "BOS",
    pad: str = "PAD",
    analysis: str = "auto",
    reuse: bool = True,
    compact_above: int | None = compact.COMPACT_ABOVE,
) -> CompiledModel:
    """Compile `program` for inputs over `vocab` of length 1..max_seq_len into an exact transformer.

    `analysis` chooses how value facts are obtained ("auto", "exhaustive", "static"; see
    `compiler.values`); `reuse` lets the dimensions of dead s-ops be erased and reused. With `causal`
    the model computes the program's causal form (`compiler.causal`); a program that selects and only looks
    back gets a causal model either way (`config.causal`), the same outputs at less width. A categorical
    s-op with more than `compact_above` values (None: only those annotated `rasp.compact`) is held as
    a ±1 code in about log2 of that many dimensions (`compiler.compact`). Raises
    CompileError naming the s-op that cannot be compiled, and why.
    """
    start = time.perf_counter()
    vocab = _check_vocab(vocab, bos, pad)
    if not isinstance(max_seq_len, int) or isinstance(max_seq_len, bool) or max_seq_len < 1:
        raise CompileError(f"max_seq_len must be a positive int, got {max_seq_len!r}")
    check_filled(program, CompileError)
    graph = build_graph(program)
    if causal and graph.loop is not None:
        raise CompileError(f"loop {graph.loop.label!r}: causal compilation of loops is not supported (a looped model "
                           "runs on the whole input; compile without causal=True)")
    if causal:  # a causal model computes the causal form: its values are the ones to plan for
        form, mapping = causal_program(program)
        facts = CausalFacts(analyse(build_graph(form), vocab, max_seq_len, analysis), mapping)
    else:
        facts = analyse(graph, vocab, max_seq_len, analysis)
    # the causal mask does the prefix work; a program without selections has no attention to mask
    attends = any(isinstance(e, (rasp.Aggregate, rasp.SelectorWidth)) for e in graph.order)
    masked = causal or (attends and looks_back_only(program, max_seq_len, graph.order))
    lowering = Lowering(graph, facts, vocab, max_seq_len, masked=masked, compact_above=compact_above)
    output = lowering.output
    plan = lowering.plan
    persistent = plan.persistent if plan is not None else []
    ops = prune(lowering.ops, output.dims + output.type_dims + [d for rep in persistent for d in rep.dims])
    required = [(output.scalar, output.tolerance)] if output.scalar is not None else []
    assign_precision(ops, required)
    if starved(ops):  # chains of lookups left a head no margin above MIN_MARGIN: clean the ones that starve it
        assign_precision(ops, required, floor=CLEAN_FLOOR)
    tokens_rep, indices_rep = lowering.rep(lowering.tokens_expr), lowering.rep(rasp.indices)
    embedded = {ONE.owner, BOS.owner, tokens_rep.label, indices_rep.label, *(rep.label for rep in persistent)}
    sched = schedule(ops, embedded, lowering.phase_of if plan is not None else None)
    bounds = _margins(ops, sched, output, max_seq_len, [tokens_rep, indices_rep])
    layout = allocate(ops, sched, [tokens_rep, indices_rep], output.dims + output.type_dims, reuse=reuse, persistent=persistent)
    config, weights, units = assemble(
        ops, sched, layout, output, vocab=vocab, tokens_label=tokens_rep.label, indices_label=indices_rep.label,
        max_seq_len=max_seq_len, bos=bos, pad=pad, causal=masked, causal_form=causal, loop=plan,
        token_codes={t: compact.vector(tokens_rep, t) for t in vocab} if tokens_rep.code is not None else None,
    )
    model = Transformer.from_weights(config, weights, config_validated=True)  # `assemble` just built it
    layouts = _layouts(lowering, layout)
    return CompiledModel(
        model=model, program=program, vocab=vocab, max_seq_len=max_seq_len, causal=causal, layouts=layouts,
        schedule={op.output.label: (sched.layer(op), "attention" if isinstance(op, AttentionOp) else "mlp")
                  for op in ops},
        heads=_heads(ops, sched, layout),
        output_label=output.label, output_values=list(output.values), output_tolerance=output.tolerance,
        analysis="exhaustive" if facts.exhaustive else "static",
        output_error=bounds.output,
        compile_seconds=time.perf_counter() - start,
        units=units,
    )


def _margins(ops: list, sched: Schedule, output, max_seq_len: int, embedded: list) -> ErrorBounds:
    """Scale every head, then prove the margins end to end (`compiler.bounds`). The errors reaching
    a result are (nearly) proportional to the heads' margins, so while the bound exceeds what a
    result tolerates the margins are tightened by that ratio (four times over, at most 1e6 a round)
    and the proof redone; the scales grow only with the log of it. CompileError once a margin below 1e-30 would be needed.

    Float32 rounding no margin shrinks: where it takes half of what a result tolerates, the lookup
    tables upstream that read rounded values are made clean (`mlp.clean_units`: they stop
    multiplying it; `bound_errors` does that as it walks). Where none upstream is left to clean, that
    s-op alone is proven in real arithmetic (`bound_errors`'s `assumed`), with a RoundingWarning naming
    it; the rest of the model is still proven with rounding."""
    cap = MAX_MARGIN
    rounds = 0
    assumed: dict[str, str] = {}
    while True:
        for op in ops:
            if isinstance(op, AttentionOp):
                set_scale(op, max_seq_len, cap)
        try:
            bounds = bound_errors(ops, sched, output, max_seq_len, embedded, assumed)
        except BoundExceeded as err:
            rounds += 1
            if rounds >= MARGIN_ROUNDS:
                raise CompileError(f"{err}; tightening the margins {MARGIN_ROUNDS} times did not keep it exact") from None
            # a ratio past 1e6 is the exponential of a score shift (a head reading errors too large
            # for its scale): tighten by 1e6 and look again rather than jump by the whole ratio
            cap *= min(0.5, max((err.allowed - err.rounding) / (err.error - err.rounding) / 4, 1e-6))
            if not cap >= MIN_MARGIN:
                raise CompileError(f"{err}; no margin above {MIN_MARGIN:g} keeps it exact") from None
            continue
        if assumed:
            first = next(iter(assumed.values()))
            warnings.warn(RoundingWarning(
                f"the worst-case float32 rounding of {len(assumed)} s-op(s) cannot be kept within their margins, even "
                f"with the tables upstream made clean: {', '.join(map(repr, assumed))} are proven in real arithmetic "
                f"only (the first: {first})"), stacklevel=3)
        return bounds


def compile_rasp_to_model(
    program: rasp.SOp,
    vocab: Iterable,
    max_seq_len: int,
    causal: bool = False,
    compiler_bos: str = "BOS",
    compiler_pad: str = "PAD",
    mlp_exactness: int | None = None,
) -> CompiledModel:
    """Tracr's `compiling.compile_rasp_to_model`, same arguments. `mlp_exactness` is accepted and
    ignored: weightsmith's MLPs are exact on every value that can occur, with no tuning knob."""
    return compile_program(program, vocab, max_seq_len, causal=causal, bos=compiler_bos,
                           pad="PAD" if compiler_pad is None else compiler_pad)


def _check_vocab(vocab: Iterable, bos: str, pad: str) -> list:
    for role, token in (("compiler_bos", bos), ("compiler_pad", pad)):
        if not isinstance(token, str):
            raise CompileError(f"{role} must be a str (a token outside the vocabulary), got {token!r}")
    if bos == pad:
        raise CompileError(f"compiler_bos and compiler_pad are both {bos!r}: BOS and padding must be different tokens")
    if not isinstance(vocab, Iterable):
        raise CompileError(f"the vocabulary must be a set or list of tokens, got {vocab!r}")
    tokens = list(vocab)
    if not tokens:
        raise CompileError("the vocabulary is empty")
    for t in tokens:
        if t is None or not isinstance(t, (str, int, float, bool)):
            raise CompileError(f"vocabulary token {t!r} is not a str, int, float or bool")
        if isinstance(t, float) and not math.isfinite(t):
            raise CompileError(f"vocabulary token {t!r} is not finite (NaN equals nothing; no model holds infinities)")
        if t in (bos, pad):
            role = "compiler_bos" if t == bos else "compiler_pad"
            raise CompileError(f"vocabulary token {t!r} is the {role} token; rename the token, or pass another "
                               f"{role} to compile_program / compile_rasp_to_model (the CLI keeps {bos!r} and {pad!r})")
    unique = list(dict.fromkeys(tokens))
    if len(unique) != len(tokens):
        raise CompileError(f"the vocabulary repeats a token: {tokens!r}")
    return sorted(unique, key=repr)


def _layouts(lowering: Lowering, layout: ResidualLayout) -> dict[str, SOpLayout]:
    """Every s-op's (and helper's) read-out over the final residual, and when it is valid.

    The read-out matrices are written all at once: every term's place in one buffer holding all of
    them, summed by one `np.bincount` (each entry's terms added in order from 0.0, as `+=` term by term
    would), each s-op's matrix a view of its block. A compile has dozens of small ones, where a numpy
    call and scalar writes per matrix cost more than the Python that lists the terms."""
    reps: dict[str, Representation] = {}
    for rep in lowering.reps.values():
        reps.setdefault(rep.label, rep)
    for op in lowering.ops:
        reps.setdefault(op.output.label, op.output)
    tenancy = {t.owner: t for t in layout.tenancies}
    index, d = layout.index, layout.d_model
    places: list[int] = []  # flat position in the buffer of each term, and its coefficient
    coefficients: list[float] = []
    made = []  # (label, rep, encoding, values, owners, start of its block, rows, unrepresented)
    size = 0
    for label, rep in reps.items():
        if rep.encoding == "numerical" and rep.scalar is not None:
            rows, values, encoding = [rep.scalar], list(rep.values), "numerical"
        elif rep.indicators is not None:
            rows, values, encoding = [rep.indicators[v] for v in rep.values], list(rep.values), "categorical"
        elif rep.code is not None:  # a detector per value: 1 where it holds the value, at most -1 elsewhere
            rows, values, encoding = [compact.detector(rep, v) for v in rep.values], list(rep.values), "categorical"
        else:
            continue
        owners = set(map(dim_owner, chain.from_iterable([r.terms for r in rows])))
        if not owners or not owners <= tenancy.keys():
            continue  # reads only dimensions that were pruned: nothing of it is in the model
        unrepresented = []
        # A categorical row reads one value; a numerical s-op's single row carries all of its values.
        row_values = [values] if encoding == "numerical" else [[v] for v in values]
        line = size
        for carried, r in zip(row_values, rows):
            for dim, c in r.terms.items():
                at = index.get(dim)
                if at is not None:
                    places.append(line + at)
                    coefficients.append(c)
                else:
                    unrepresented.extend(v for v in carried if v not in unrepresented)
            line += d
        made.append((label, rep, encoding, values, owners, size, len(rows), unrepresented))
        size = line
    buffer = np.bincount(np.array(places, dtype=np.intp), weights=np.array(coefficients, dtype=np.float64),
                         minlength=size)
    out = {}
    for label, rep, encoding, values, owners, start, n_rows, unrepresented in made:
        ends = [tenancy[o].end for o in owners if tenancy[o].end is not None]
        out[label] = SOpLayout(
            label=label,
            kind=type(rep.expr).__name__ if rep.expr is not None else rep.role,
            encoding=encoding,
            values=values,
            dims=[index[dim] for dim in rep.dims if dim in index],
            readout=buffer[start:start + n_rows * d].reshape(n_rows, d),
            written_after=max(tenancy[o].start for o in owners),
            erased_in=min(ends) if ends else None,
            sublayer=_sublayer(rep),
            helper=rep.expr is None,
            unrepresented=unrepresented,
            scores=isinstance(rep.expr, rasp.LinearClassifier),
            compact=rep.code is not None,
        )
    return out


def _sublayer(rep: Representation) -> str:
    if rep.writer is not None:
        return "attention" if isinstance(rep.writer, AttentionOp) else "mlp"
    return "embedding" if rep.dims else "virtual"


def _heads(ops, sched: Schedule, layout: ResidualLayout) -> list[HeadInfo]:
    heads, count = [], {}
    for op in ops:
        if isinstance(op, AttentionOp):
            layer = sched.layer(op)
            count[layer] = count.get(layer, -1) + 1
            written = sorted({layout.index[dim] for dim in [*op.values, *op.bos_values]})
            heads.append(HeadInfo(op.output.label, layer, count[layer], op.scale, op.margin, sched.stored_reads(op),
                                  written))
    return heads
