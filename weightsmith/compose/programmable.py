"""`programmable`: one compiled transformer that runs the program written in its input.

    model = programmable({"nop": lambda x: x, "rev": make_reverse, "sort": sort}, stages=3,
                         vocab=[0, 1, 2, 3], max_seq_len=4)
    model.apply(["BOS", "sort", "rev", "nop", 2, 0, 3]).decoded[4:] == [3, 2, 0]

`switch` computes every component, so n programs cost n models. Here the input names the program:
`BOS op_1 ... op_k tokens`, and stage i computes *every* primitive on the current sequence in parallel,
then keeps the one op_i names - as a CPU runs every ALU operation and a multiplexer keeps one. k stages
run any of |primitives|^k programs at a size linear in |primitives| * k. A no-op primitive (`lambda x:
x`) lets shorter programs run.

It is built on the compiler, as one RASP program:
- `op_i`: the token at position i, copied to every position (an Aggregate selecting key i);
- stage input `x_0`: the tokens at the data positions (the op positions hold a filler);
- stage i: each primitive, `rebase`d so that it reads `x_i` on the data positions only (its selectors
  never see the op tokens, its indices and length are the data's), and the select that keeps the
  primitive named by `op_i` (`_select`: lookup tables in a balanced tree);
- the output is `x_k` at the data positions.

A primitive must be *total* on the values that can reach it: a non-chosen primitive's None (or an
interpreter error) would make the select undefined too (RASP's None propagates through every Map), so
`programmable` runs every primitive on every input it can (up to `verify.EXHAUSTIVE_LIMIT` inputs) and refuses
one that gives None, raises, or leaves the vocabulary. A value outside the vocabulary must be refused, not
compiled: the program keeps its value sets bounded by replacing such values with the filler (`_in_vocab`), so
the model would answer the filler where the primitive answers something else (`hist` over 0..3 at length 4).
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator, Mapping

from weightsmith import rasp
from weightsmith.compiler import CompiledModel, compile_program
from weightsmith.compose.rebase import rebase
from weightsmith.compose.stack import ComposeError
from weightsmith.verify import EXHAUSTIVE_LIMIT, all_inputs, count_inputs

BATCH = 10_000  # inputs per evaluate_batch call when primitives are checked


def programmable_program(primitives: Mapping[str, Callable[[rasp.SOp], rasp.SOp]], stages: int,
                         vocab: Iterable, max_seq_len: int) -> rasp.SOp:
    """The RASP program of the programmable transformer (what `programmable` compiles and `verify` checks)."""
    names, vocab = _check(primitives, stages, vocab)
    filler = vocab[0]
    positions = stages + max_seq_len
    x = rasp.Map(lambda t: filler if t in names else t, rasp.tokens, simplify=False).named("data")
    own = rasp.Select(rasp.indices, rasp.indices, lambda key, query: key == query and key >= stages).named("own_data")
    for i in range(stages):
        at_i = rasp.Select(rasp.indices, rasp.indices, lambda key, query, i=i: key == i).named(f"at_{i}")
        token_i = rasp.Aggregate(at_i, rasp.tokens, default=names[0]).named(f"op{i}_token")
        op = rasp.Map(lambda t: t if t in names else names[0], token_i, simplify=False).named(f"op{i}")
        results = {name: _settled(_in_vocab(rebase(build(rasp.tokens), x, stages, positions, f"s{i}_{name}_"),
                                            vocab, positions, f"s{i}_{name}"), own, f"s{i}_{name}")
                   for name, build in primitives.items()}
        # the op positions get the filler: a primitive's result there (often None: its query reads no
        # data) would reach the next stage's predicates, which may not take None
        x = rasp.Aggregate(own, _select(op, results, own, filler, i), default=filler).named(f"x{i + 1}")
    return x.named("program_output")


def _in_vocab(result: rasp.SOp, vocab: list, positions: int, name: str) -> rasp.SOp:
    """`result` with any value outside the vocabulary replaced by the filler. On the data the primitives
    stay in the vocabulary (`_check_total`), so this changes nothing there; what it changes is the value
    *set* the compiler plans for (a histogram counts up to the model's length, op positions included),
    which would otherwise grow stage after stage, and the select's lookup tables with it."""
    members, filler = set(vocab), vocab[0]
    if rasp.value_set(result, vocab, positions) <= members:
        return result  # nothing to replace
    return rasp.Map(lambda v: v if v in members else filler, result, simplify=False).named(f"{name}_result")


def _settled(result: rasp.SOp, own: rasp.Select, name: str) -> rasp.SOp:
    """A result computed by Maps (an MLP chain) copied to itself by one small head. The value is the same;
    the point is the compiler's value inference, which enumerates a chain of Maps over the joint values of
    everything the chain reads: without this cut, the select's chain would reach through every primitive's
    chain at once (seconds to minutes of enumeration per stage)."""
    if not isinstance(result, (rasp.Map, rasp.SequenceMap)):
        return result
    return rasp.Aggregate(own, result).named(f"{name}_settled")


class _Nothing:
    """The value of a pick whose primitive the op does not name (never a token, never an output)."""

    def __repr__(self) -> str:
        return "nothing"

    def __eq__(self, other) -> bool:
        return isinstance(other, _Nothing)

    def __hash__(self) -> int:
        return hash(_Nothing)


NOTHING = _Nothing()


def _select(op: rasp.SOp, results: dict[str, rasp.SOp], own: rasp.Select, filler, stage: int) -> rasp.SOp:
    """The result the op names, as a multiplexer: pick_p = result_p where op == p, else NOTHING (one lookup
    table over (op, result_p) each, all in parallel), then pairs merged in a balanced tree (keep the one that
    is not NOTHING), each merge but the last copied to itself by a small head (`_settled`'s reason): depth
    1 + log2 |P|. The op always names a primitive, so the last merge never holds NOTHING; the compiler's
    value inference cannot see that through the heads, so the last merge says it: filler, never NOTHING."""
    def pick(name: str, result: rasp.SOp, last: bool) -> rasp.SOp:
        otherwise = filler if last else NOTHING
        return rasp.SequenceMap(lambda o, y: y if o == name else otherwise, op, result).named(f"s{stage}_pick_{name}")

    def merge(a: rasp.SOp, b: rasp.SOp, last: bool, label: str) -> rasp.SOp:
        otherwise = filler if last else NOTHING
        both = rasp.SequenceMap(lambda u, v: (v if u == NOTHING else u) if (u, v) != (NOTHING, NOTHING) else otherwise,
                                a, b).named(label)
        return both if last else _settled(both, own, label)

    level = [pick(name, result, len(results) == 1) for name, result in results.items()]
    depth = 0
    while len(level) > 1:
        depth += 1
        last = len(level) == 2
        merged = [merge(level[j], level[j + 1], last, f"s{stage}_merge{depth}_{j // 2}")
                  for j in range(0, len(level) - 1, 2)]
        level = merged + level[len(level) - len(level) % 2:]
    return level[0]


def programmable(primitives: Mapping[str, Callable[[rasp.SOp], rasp.SOp]], stages: int, vocab: Iterable,
                 max_seq_len: int) -> CompiledModel:
    """A compiled model whose input `BOS op_1 … op_k tokens` (k = `stages`, each op a key of `primitives`,
    at most `max_seq_len` tokens) gives, at the token positions, op_k(…op_1(tokens)). Its program reads whatever
    stands at positions 1..k as ops (a token that is no op as the first primitive) and an op among the data as the
    filler, so its config's `program_ops` makes the model refuse any other input, also saved and loaded back.
    (`verify` checks the program on every input.)"""
    names, data_vocab = _check(primitives, stages, vocab)
    if not isinstance(max_seq_len, int) or max_seq_len < 1:
        raise ComposeError(f"max_seq_len must be a positive int, got {max_seq_len!r}")
    _check_total(primitives, data_vocab, max_seq_len)
    program = programmable_program(primitives, stages, data_vocab, max_seq_len)
    compiled = compile_program(program, [*data_vocab, *names], stages + max_seq_len)
    compiled.config.program_ops = {"ops": list(names), "stages": stages}
    compiled.config.validate()
    return compiled


def run_program(primitives: Mapping[str, Callable[[rasp.SOp], rasp.SOp]], ops: Iterable[str], tokens: list) -> list:
    """The reference: the primitives named by `ops` applied one after another by the interpreter."""
    xs = list(tokens)
    for op in ops:
        xs = rasp.evaluate(primitives[op](rasp.tokens), xs)
    return xs


def _check(primitives: Mapping, stages: int, vocab: Iterable) -> tuple[list[str], list]:
    names = list(primitives)
    if not names:
        raise ComposeError("programmable needs at least one primitive")
    if not isinstance(stages, int) or stages < 1:
        raise ComposeError(f"stages must be a positive int, got {stages!r}")
    vocab = sorted(dict.fromkeys(vocab), key=repr)
    if not vocab:
        raise ComposeError("the vocabulary is empty")
    for name in names:
        if not isinstance(name, str) or not name or any(c in name for c in ":|/ "):
            raise ComposeError(f"primitive name {name!r}: an op token is a non-empty str without ':', '|', '/' or spaces")
        if any(isinstance(t, str) and t == name for t in vocab):
            raise ComposeError(f"primitive name {name!r} is also a data token; op tokens and data tokens must differ")
        if not callable(primitives[name]):
            raise ComposeError(f"primitive {name!r}: expected a function from an s-op to an s-op")
    return names, vocab


def _check_total(primitives: Mapping, vocab: list, max_seq_len: int) -> None:
    """Every primitive gives a value in the vocabulary (not None, no error) at every position of every input up
    to `max_seq_len`: run on all of them when there are at most `EXHAUSTIVE_LIMIT`, else on every input of
    the lengths that fit, and for the longer ones its static value set must lie in the vocabulary (totality
    there is not checked)."""
    checked = max(n for n in range(1, max_seq_len + 1) if n == 1 or count_inputs(len(vocab), n) <= EXHAUSTIVE_LIMIT)
    members = set(vocab)
    for name, build in primitives.items():
        program = build(rasp.tokens)
        if not isinstance(program, rasp.SOp):
            raise ComposeError(f"primitive {name!r} returned {type(program).__name__}, not an s-op")
        for xs, out in _outputs(program, name, list(all_inputs(vocab, checked))):
            if any(v is None for v in out):
                raise ComposeError(f"primitive {name!r} gives None on {xs} ({out}); programmable needs "
                                   "primitives defined everywhere (a None would poison the select; give "
                                   "Aggregates a default)")
            if not set(out) <= members:
                raise ComposeError(f"primitive {name!r} maps {xs} to {out}, outside the vocabulary "
                                   f"{vocab}; programmable runs primitives on each other's outputs, so they "
                                   "must map the vocabulary to itself")
        if checked < max_seq_len:
            foreign = rasp.value_set(program, vocab, max_seq_len) - members
            if foreign:
                raise ComposeError(f"primitive {name!r} may give {sorted(foreign, key=repr)} on inputs longer than "
                                   f"{checked} (by its value set), outside the vocabulary {vocab}; only inputs up to "
                                   f"length {checked} are few enough to run (at most {EXHAUSTIVE_LIMIT:,}): give a "
                                   "smaller max_seq_len or a primitive whose values stay in the vocabulary")


def _outputs(program: rasp.SOp, name: str, inputs: list[list]) -> Iterator[tuple[list, list]]:
    """(input, output) of `program` on each input, evaluated in batches; the first input it is undefined on is
    a ComposeError naming it (a batch that raises is re-run one input at a time to find it)."""
    for start in range(0, len(inputs), BATCH):
        chunk = inputs[start:start + BATCH]
        try:
            yield from zip(chunk, rasp.evaluate_batch(program, chunk))
        except rasp.EvaluationError:
            for xs in chunk:
                try:
                    yield xs, rasp.evaluate(program, xs)
                except rasp.EvaluationError as err:
                    raise ComposeError(f"primitive {name!r} is undefined on {xs}: {err}") from None
