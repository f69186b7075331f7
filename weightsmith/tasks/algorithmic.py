"""The algorithmic tasks of "Learning Transformer Programs" (Friedman, Wettig, Chen 2023), generated here
by the protocol of the authors' code (princeton-nlp/TransformerPrograms: `make_*` in
`src/utils/data_utils.py`, settings from `scripts/rasp.sh`, `scripts/dyck.sh`, `scripts/induction.sh`),
so that accuracies can stand beside the paper's. The code is ours; the distribution, labels and scored
positions are theirs. docs/transformer-programs.md lists the protocol task by task.

What follows the authors exactly:
- Inputs. reverse and sort: 1-6 tokens over 0-4 between BOS and EOS; hist, double hist and most-freq:
  1-7 tokens over 0-5 after BOS; the length uniform, tokens uniform with replacement. Dyck-1/Dyck-2: BOS
  and 15 brackets; with probability 1/2 a balanced string of 8 pairs (built by 8 steps, each appending a
  random pair or wrapping the string in one) cut to its first 15 symbols, else 15 uniform brackets.
  Induction: BOS, then either a digit and 4 (letter, digit) pairs or 4 pairs and a letter; letters a-d,
  each letter's digit fixed per string (a random map letter -> digit).
- Targets. One label per position, `None` where the authors' target is PAD (not scored): BOS, EOS, the
  digits of the induction task. Most-freq labels the positions past the distinct tokens `BOS`, and they
  are scored: saying where the list ends is part of the task.
- Sampling. Distinct inputs (the scripts' `unique 1`): draw up to 5 x 20,000 strings, keep the first
  occurrence of each, stop at 20,000 (reverse and sort have only 19,530 strings, and the 100,000 draws
  find about 14,150 of them). Then shuffled and split like scikit-learn's `train_test_split` twice with
  test_size 0.1: test ceil(n/10), validation ceil((n - test)/10), training the rest (16,200 / 1,800 /
  2,000 for 20,000). No test string is a training string.
- Metric: token accuracy over the labelled (non-`None`) positions.

Not bit-identical: the random generator is Python's `random.Random` seeded by task name and seed (no
numpy), so the strings are other draws from the same distribution.

Variants kept for their own interest (never beside the paper's numbers; their `paper` is None):
`most_freq_unscored` (the list's padding is not scored) and `dyck1_varied` / `dyck2_varied` (a
balanced prefix of random even length 2-14 padded with random brackets: balanced prefixes, T labels and
shallow nesting are common, unlike in the authors' data).

A task of ours, not in the paper (`paper` None): `sort_freq`, Tracr's `lib.make_sort_freq` (the tokens
reordered by decreasing count, equal counts in input order: `[2, 4, 2, 1] -> [2, 2, 4, 1]`, and
`[1, 2, 1, 2]` stays as it is) on the sort task's strings: the same draws (1-6 tokens over 0-4, BOS ...
EOS, distinct strings, the same splits), labels 0-4 at the content positions, BOS and EOS unlabelled. It
shares sort's inputs so that sort is the related task whose program can start it (issue 21 §2 case 3).
"""

from __future__ import annotations

import itertools
import math
import random
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterator, Optional, Sequence

BOS = "BOS"
EOS = "EOS"
UNKNOWN = "unk"

Token = str | int
Label = Optional[str | int]

DATASET_SIZE = 20_000  # the scripts' --dataset_size
DRAW_ROUNDS = 5  # the authors' code draws up to 5 x dataset_size strings to find that many distinct ones
TEST_SHARE = 0.1  # train_test_split's test_size, applied twice (test, then validation)


@dataclass(frozen=True)
class Split:
    inputs: list[list[Token]]
    targets: list[list[Label]]

    def __len__(self) -> int:
        return len(self.inputs)


@dataclass(frozen=True)
class PaperSetting:
    """The best configuration and token-level test accuracy reported in the paper (Table 1)."""

    layers: int
    heads: int
    mlps: int
    accuracy: float


@dataclass(frozen=True)
class AlgorithmicTask:
    name: str
    vocab: tuple[Token, ...]  # input tokens, BOS first
    labels: tuple[Token, ...]  # output classes
    max_len: int  # including BOS (and EOS)
    causal: bool  # targets depend on the prefix only (Dyck, induction)
    train: Split
    val: Split
    test: Split
    paper: Optional[PaperSetting]  # None: a variant of ours, not comparable with the paper
    protocol: str  # the distribution and the metric, in a sentence (reported beside every number)


# ------------------------------------------------------------------------------------ definitions
# Plain definitions of each task's answer on the content tokens (without BOS/EOS).


def reverse_answer(xs: Sequence[int]) -> list[int]:
    return list(reversed(xs))


def sort_answer(xs: Sequence[int]) -> list[int]:
    return sorted(xs)


def hist_answer(xs: Sequence[int]) -> list[int]:
    counts = Counter(xs)
    return [counts[x] for x in xs]


def double_hist_answer(xs: Sequence[int]) -> list[int]:
    """For each token: how many distinct values occur exactly as often as it does."""
    counts = Counter(xs)
    values_with_count = Counter(counts.values())
    return [values_with_count[counts[x]] for x in xs]


def sort_freq_answer(xs: Sequence[int]) -> list[int]:
    """Tracr's sort_freq: a stable sort by decreasing count (equal counts keep their input order)."""
    counts = Counter(xs)
    return sorted(xs, key=lambda x: -counts[x])


def most_freq_answer(xs: Sequence[int], end: Label = BOS) -> list[Label]:
    """Distinct tokens by decreasing count (ties: earlier first occurrence), then `end` at every remaining
    position (the authors' BOS, scored; None: unscored)."""
    counts = Counter(xs)
    first = {x: xs.index(x) for x in counts}
    ranked: list[Label] = sorted(counts, key=lambda x: (-counts[x], first[x]))
    return ranked + [end] * (len(xs) - len(ranked))


def dyck_answer(xs: Sequence[str], pairs: dict[str, str]) -> list[str]:
    """Per prefix: "T" balanced, "P" still balanceable, "F" never balanceable (a bad close occurred)."""
    stack: list[str] = []
    broken = False
    out = []
    for x in xs:
        if not broken:
            if x in pairs:
                stack.append(x)
            elif stack and pairs[stack[-1]] == x:
                stack.pop()
            else:
                broken = True
        out.append("F" if broken else ("T" if not stack else "P"))
    return out


def induction_answer(xs: Sequence[str]) -> list[Optional[str]]:
    """At each letter: the digit that followed the letter's most recent earlier occurrence, else unk."""
    out: list[Optional[str]] = []
    for i, x in enumerate(xs):
        if not x.isalpha():
            out.append(None)
            continue
        earlier = [j for j in range(i) if xs[j] == x]
        out.append(xs[earlier[-1] + 1] if earlier else UNKNOWN)
    return out


DYCK1_PAIRS = {"(": ")"}
DYCK2_PAIRS = {"(": ")", "{": "}"}
DYCK_LENGTH = 15  # brackets after BOS (the Dyck script's min = max length 16, BOS included)
LETTERS, DIGITS = "abcd", "0123"  # induction: vocab_size 10 -> (10 - 2) // 2 letters and digits
INDUCTION_PAIRS = 4  # the induction script's length 9 -> 9 // 2 (letter, digit) pairs

# ------------------------------------------------------------------------------------- sampling
Draw = Callable[[random.Random], tuple]


def _distinct(rng: random.Random, draw: Draw, n: int) -> list[tuple]:
    """The first `n` distinct draws, looking at no more than DRAW_ROUNDS * n draws (the authors' `unique`)."""
    seen: set[tuple] = set()
    out: list[tuple] = []
    for _ in range(DRAW_ROUNDS * n):
        x = draw(rng)
        if x not in seen:
            seen.add(x)
            out.append(x)
            if len(out) == n:
                break
    return out


def _uniform_length_string(symbols: Sequence[Token], min_len: int, max_len: int) -> Draw:
    def draw(rng: random.Random) -> tuple:
        n = rng.randint(min_len, max_len)
        return tuple(rng.choice(symbols) for _ in range(n))

    return draw


def _brackets(pairs: dict[str, str]) -> list[str]:
    return [s for o in pairs for s in (o, pairs[o])]


def _nested(rng: random.Random, steps: int, pairs: dict[str, str]) -> list[str]:
    """The authors' balanced strings: `steps` times, a random pair either appended or wrapped around all."""
    out: list[str] = []
    for _ in range(steps):
        opener = rng.choice(list(pairs))
        if rng.random() < 0.5:
            out = out + [opener, pairs[opener]]
        else:
            out = [opener, *out, pairs[opener]]
    return out


def _dyck_draw(pairs: dict[str, str]) -> Draw:
    """The authors' Dyck inputs: half 8-pair nested strings cut to 15 symbols, half uniform brackets."""
    symbols = _brackets(pairs)
    steps = (DYCK_LENGTH + 1) // 2

    def draw(rng: random.Random) -> tuple:
        if rng.random() < 0.5:
            return tuple(_nested(rng, steps, pairs)[:DYCK_LENGTH])
        return tuple(rng.choice(symbols) for _ in range(DYCK_LENGTH))

    return draw


def _balanced(rng: random.Random, n: int, pairs: dict[str, str]) -> list[str]:
    """A uniformly stepped random balanced string of even length n: open while there is room, else close."""
    opens = list(pairs)
    stack: list[str] = []
    out: list[str] = []
    for i in range(n):
        remaining = n - i
        can_open = len(stack) + 1 <= remaining - 1
        if stack and (not can_open or rng.random() < 0.5):
            out.append(pairs[stack.pop()])
        else:
            stack.append(rng.choice(opens))
            out.append(stack[-1])
    return out


def _dyck_varied_draw(pairs: dict[str, str]) -> Draw:
    """Our variant: half uniform brackets; half a balanced prefix of even length 2-14, padded at random."""
    symbols = _brackets(pairs)

    def draw(rng: random.Random) -> tuple:
        if rng.random() < 0.5:
            return tuple(rng.choice(symbols) for _ in range(DYCK_LENGTH))
        m = 2 * rng.randint(1, DYCK_LENGTH // 2)
        return tuple(_balanced(rng, m, pairs) + [rng.choice(symbols) for _ in range(DYCK_LENGTH - m)])

    return draw


def _induction_draw(rng: random.Random) -> tuple:
    """The authors' induction strings: a letter -> digit map per string; a leading digit or a final letter."""
    digit_of = {letter: rng.choice(DIGITS) for letter in LETTERS}
    body = [t for letter in (rng.choice(LETTERS) for _ in range(INDUCTION_PAIRS)) for t in (letter, digit_of[letter])]
    if rng.random() < 0.5:
        return (rng.choice(DIGITS), *body)
    return (*body, rng.choice(LETTERS))


def split_sizes(n: int) -> tuple[int, int, int]:
    """Training, validation and test sizes of n inputs, as two `train_test_split(test_size=0.1)` give."""
    test = math.ceil(TEST_SHARE * n)
    val = math.ceil(TEST_SHARE * (n - test))
    return n - test - val, val, test


def _split(rng: random.Random, contents: list[tuple], make: Callable) -> tuple[Split, Split, Split]:
    rng.shuffle(contents)
    a, b, _ = split_sizes(len(contents))
    parts = (contents[:a], contents[a : a + b], contents[a + b :])
    return tuple(_as_split(part, make) for part in parts)


def _as_split(contents: Sequence[tuple], make: Callable) -> Split:
    pairs = [make(c) for c in contents]
    return Split([x for x, _ in pairs], [y for _, y in pairs])


def _bos_only(answer: Callable) -> Callable:
    def make(content: tuple) -> tuple[list, list]:
        return [BOS, *content], [None, *answer(list(content))]

    return make


def _bos_eos(answer: Callable) -> Callable:
    def make(content: tuple) -> tuple[list, list]:
        return [BOS, *content, EOS], [None, *answer(list(content)), None]

    return make


def make_task(name: str, seed: int = 0, size: Optional[int] = None) -> AlgorithmicTask:
    """The task `name` (see `TASKS`), generated from `seed`; `size` (default 20,000) shrinks the data (tests)."""
    spec = _spec(name)
    rng = random.Random(f"{spec.stream}:{seed}")
    contents = _distinct(rng, spec.draw, DATASET_SIZE if size is None else size)
    train, val, test = _split(rng, contents, spec.make)
    return AlgorithmicTask(name=name, vocab=spec.vocab, labels=spec.labels, max_len=spec.max_len, causal=spec.causal,
                           train=train, val=val, test=test, paper=spec.paper, protocol=spec.protocol)


def all_inputs(name: str) -> tuple[str, Split]:
    """Every input of a small input space, with its targets, and a sentence saying which space it is.

    reverse, sort: all 19,530 strings; hist, double hist, most-freq: all 335,922; Dyck-1: all 32,768;
    induction: every string the generator can draw. Dyck-2 (4^15 strings) is causal, so the outputs at
    the first k positions depend on the first k brackets only: all 4^9 strings of 9 brackets score every
    prefix of length <= 9 of every input once per completion."""
    spec = _spec(name)
    return spec.space, _as_split(list(spec.enumerate()), spec.make)


def _spec(name: str) -> "_TaskSpec":
    if name not in _SPECS:
        raise ValueError(f"unknown task {name!r}; the tasks are {sorted(_SPECS)}")
    return _SPECS[name]


def _strings(symbols: Sequence[Token], lengths: range) -> Callable[[], Iterator[tuple]]:
    return lambda: (s for n in lengths for s in itertools.product(symbols, repeat=n))


def _induction_strings() -> Iterator[tuple]:
    """Every string `_induction_draw` can return (each once)."""
    for letters in itertools.product(LETTERS, repeat=INDUCTION_PAIRS):
        used = sorted(set(letters))
        for digits in itertools.product(DIGITS, repeat=len(used)):
            digit_of = dict(zip(used, digits))
            body = tuple(t for letter in letters for t in (letter, digit_of[letter]))
            yield from ((d, *body) for d in DIGITS)
            yield from ((*body, letter) for letter in LETTERS)


@dataclass(frozen=True)
class _TaskSpec:
    vocab: tuple
    labels: tuple
    max_len: int
    causal: bool
    draw: Draw
    make: Callable
    paper: Optional[PaperSetting]
    protocol: str
    enumerate: Callable[[], Iterator[tuple]]
    space: str
    stream: str  # names the random stream: a variant drawing the same strings as a task shares its name


_DIGITS5 = tuple(range(5))
_DIGITS6 = tuple(range(6))
_TOKEN_ACC = "token accuracy over the labelled positions"
_SHORT5 = "1-6 tokens over 0-4 (uniform length, distinct strings), BOS ... EOS"
_SHORT6 = "1-7 tokens over 0-5 (uniform length, distinct strings) after BOS"
_DYCK = "BOS + 15 brackets: 1/2 an 8-pair nested string cut to 15, 1/2 uniform brackets (distinct strings)"
_DYCK_VARIED = "BOS + 15 brackets: 1/2 a balanced prefix of even length 2-14 padded at random, 1/2 uniform"


def _simple(vocab: tuple, labels: tuple, max_len: int, draw: Draw, make: Callable, paper: Optional[PaperSetting],
            protocol: str, enumerate: Callable, space: str, stream: str, causal: bool = False) -> _TaskSpec:
    return _TaskSpec(vocab, labels, max_len, causal, draw, make, paper, protocol, enumerate, space, stream)


_SPECS: dict[str, _TaskSpec] = {
    "reverse": _simple(
        (BOS, *_DIGITS5, EOS), _DIGITS5, 8, _uniform_length_string(_DIGITS5, 1, 6), _bos_eos(reverse_answer),
        PaperSetting(3, 8, 2, 99.79), f"{_SHORT5}; {_TOKEN_ACC}", _strings(_DIGITS5, range(1, 7)),
        "all 19,530 strings of 1-6 tokens", "reverse"),
    "hist": _simple(
        (BOS, *_DIGITS6), tuple(range(1, 8)), 8, _uniform_length_string(_DIGITS6, 1, 7), _bos_only(hist_answer),
        PaperSetting(1, 4, 2, 100.0), f"{_SHORT6}; {_TOKEN_ACC}", _strings(_DIGITS6, range(1, 8)),
        "all 335,922 strings of 1-7 tokens", "hist"),
    "double_hist": _simple(
        (BOS, *_DIGITS6), tuple(range(1, 7)), 8, _uniform_length_string(_DIGITS6, 1, 7),
        _bos_only(double_hist_answer), PaperSetting(3, 4, 2, 98.40), f"{_SHORT6}; {_TOKEN_ACC}",
        _strings(_DIGITS6, range(1, 8)), "all 335,922 strings of 1-7 tokens", "double_hist"),
    "sort": _simple(
        (BOS, *_DIGITS5, EOS), _DIGITS5, 8, _uniform_length_string(_DIGITS5, 1, 6), _bos_eos(sort_answer),
        PaperSetting(3, 8, 4, 99.83), f"{_SHORT5}; {_TOKEN_ACC}", _strings(_DIGITS5, range(1, 7)),
        "all 19,530 strings of 1-6 tokens", "sort"),
    "sort_freq": _simple(
        (BOS, *_DIGITS5, EOS), _DIGITS5, 8, _uniform_length_string(_DIGITS5, 1, 6), _bos_eos(sort_freq_answer), None,
        f"{_SHORT5} (sort's strings); labels: Tracr's make_sort_freq, a stable sort by decreasing count (our task); "
        f"{_TOKEN_ACC}", _strings(_DIGITS5, range(1, 7)), "all 19,530 strings of 1-6 tokens", "sort"),
    "most_freq": _simple(
        (BOS, *_DIGITS6), (*_DIGITS6, BOS), 8, _uniform_length_string(_DIGITS6, 1, 7), _bos_only(most_freq_answer),
        PaperSetting(3, 8, 4, 75.69), f"{_SHORT6}; positions past the distinct tokens labelled BOS and scored; "
        f"{_TOKEN_ACC}", _strings(_DIGITS6, range(1, 8)), "all 335,922 strings of 1-7 tokens", "most_freq"),
    "most_freq_unscored": _simple(
        (BOS, *_DIGITS6), _DIGITS6, 8, _uniform_length_string(_DIGITS6, 1, 7),
        _bos_only(lambda xs: most_freq_answer(xs, None)), None,
        f"{_SHORT6}; positions past the distinct tokens not scored (our variant); {_TOKEN_ACC}",
        _strings(_DIGITS6, range(1, 8)), "all 335,922 strings of 1-7 tokens", "most_freq"),
    "dyck1": _simple(
        (BOS, "(", ")"), ("T", "P", "F"), 16, _dyck_draw(DYCK1_PAIRS),
        _bos_only(lambda xs: dyck_answer(xs, DYCK1_PAIRS)), PaperSetting(3, 8, 2, 99.30),
        f"{_DYCK}; causal; {_TOKEN_ACC}", _strings(_brackets(DYCK1_PAIRS), range(DYCK_LENGTH, DYCK_LENGTH + 1)),
        "all 32,768 strings of 15 brackets", "dyck1_authors", causal=True),
    "dyck2": _simple(
        (BOS, "(", ")", "{", "}"), ("T", "P", "F"), 16, _dyck_draw(DYCK2_PAIRS),
        _bos_only(lambda xs: dyck_answer(xs, DYCK2_PAIRS)), PaperSetting(3, 4, 4, 99.09),
        f"{_DYCK}; causal; {_TOKEN_ACC}", _strings(_brackets(DYCK2_PAIRS), range(9, 10)),
        "all 262,144 strings of 9 brackets (every prefix of length <= 9, causal)", "dyck2_authors", causal=True),
    "dyck1_varied": _simple(
        (BOS, "(", ")"), ("T", "P", "F"), 16, _dyck_varied_draw(DYCK1_PAIRS),
        _bos_only(lambda xs: dyck_answer(xs, DYCK1_PAIRS)), None, f"{_DYCK_VARIED} (our variant); causal; {_TOKEN_ACC}",
        _strings(_brackets(DYCK1_PAIRS), range(DYCK_LENGTH, DYCK_LENGTH + 1)), "all 32,768 strings of 15 brackets",
        "dyck1", causal=True),
    "dyck2_varied": _simple(
        (BOS, "(", ")", "{", "}"), ("T", "P", "F"), 16, _dyck_varied_draw(DYCK2_PAIRS),
        _bos_only(lambda xs: dyck_answer(xs, DYCK2_PAIRS)), None, f"{_DYCK_VARIED} (our variant); causal; {_TOKEN_ACC}",
        _strings(_brackets(DYCK2_PAIRS), range(9, 10)),
        "all 262,144 strings of 9 brackets (every prefix of length <= 9, causal)", "dyck2", causal=True),
    "induction": _simple(
        (BOS, *LETTERS, *DIGITS), (*DIGITS, UNKNOWN), 10, _induction_draw, _bos_only(induction_answer),
        PaperSetting(2, 1, 0, 100.0), "BOS + a digit and 4 (letter, digit) pairs, or 4 pairs and a letter; a letter -> "
        f"digit map per string (distinct strings); causal; {_TOKEN_ACC} (letters only)", _induction_strings,
        "every string the generator can draw", "induction_authors", causal=True),
}

TASKS: tuple[str, ...] = tuple(_SPECS)
PAPER_TASKS: tuple[str, ...] = tuple(name for name, spec in _SPECS.items() if spec.paper is not None)


def content_length(xs: Sequence[Token]) -> int:
    """Content tokens of an input: BOS and EOS not counted."""
    return sum(1 for x in xs if x not in (BOS, EOS))
