"""Exact integer arithmetic as RASP programs: addition (encoder and autoregressive) and multiplication.

Digits are written least significant first ("reversed"), so a digit's carry comes from positions to
its *left*: a causal model can compute it, and the autoregressive adder writes the sum in the order
the carries arise. Token layouts (RASP positions; the compiled model adds BOS in front):

- encoder adder      `a_0 .. a_{n-1} + b_0 .. b_{n-1} =`           sum digit i at b_i, digit n at `=`
- autoregressive     `a_0 .. a_{n-1} + b_0 .. b_{n-1} = s_0 .. s_n`  at `=` and s_{i-1}, the next digit s_i
- multiplier (n×m)   `a_0 .. a_{n-1} * b_0 .. b_{m-1} =`           product digit k at position k

The adders are one program for every n: they find `+` and `=` by attention, never by a constant.
Carries take constant depth:
- **carry-lookahead** (encoder, and the multiplier's last step): a column whose value v is at most 18
  *generates* a carry (v ≥ 10), *propagates* one (v = 9) or *kills* it (v ≤ 8). The carry into a
  column is whatever the nearest decisive (non-9) column below it does: one `SelectPreferred` head.
- **reading its own output back** (autoregressive): with s_{i-1} = (p_{i-1} + c_{i-1}) mod 10 and
  p_{i-1} the pair sum, the carry into digit i is exactly [s_{i-1} < p_{i-1}].
The multiplier's column sums (up to 81·min(n, m)) are first split into digits that move one column
up (v -> v mod 10 + (v' div 10) of the column below) until every column is at most 18.
"""

from __future__ import annotations

from weightsmith import rasp

PLUS, TIMES, EQUALS = "+", "*", "="
DIGITS = tuple(range(10))
NO_DIGIT = "_"  # what a fetch of a missing operand digit gives (the left of the first digit)
LOOKAHEAD_MAX = 18  # a column of at most 18, plus a carry of at most 1, carries at most 1


def _is_digit(x) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def position_of(symbol: str) -> rasp.SOp:
    """The index of the first `symbol` token, at every position (0 where there is none yet)."""
    is_symbol = rasp.Select(rasp.tokens, rasp.tokens, lambda key, query: key == symbol)
    first = rasp.SelectPreferred(is_symbol, lambda key, query: key)
    return rasp.categorical(rasp.Aggregate(first, rasp.indices, default=0)).named(f"position_of_{symbol}")


def _pair_sum(a, b):
    """a_i + b_i at b_i; 0 at the separators, which stop carries; None at the a digits (no pair)."""
    if b in (PLUS, EQUALS):
        return 0
    if _is_digit(a) and _is_digit(b):
        return a + b
    return None


def pair_sums(plus: rasp.SOp) -> rasp.SOp:
    """At b_i (position plus + 1 + i) the column a_i + b_i: b_i's own token plus a_i fetched from i."""
    a_index = rasp.numerical(rasp.SequenceMap(lambda i, p: i - p - 1, rasp.indices, plus)).named("a_index")
    partner = rasp.Select(rasp.indices, a_index, rasp.Comparison.EQ)
    a_digit = rasp.categorical(rasp.Aggregate(partner, rasp.tokens, default=NO_DIGIT)).named("a_digit")
    return rasp.categorical(rasp.SequenceMap(_pair_sum, a_digit, rasp.tokens)).named("column")


def lookahead_carries(column: rasp.SOp) -> rasp.SOp:
    """The carry (0/1) into each column from the columns left of it, for column values 0..18.

    The nearest decisive column on the left (value != 9) decides: it carries iff its value is >= 10;
    with none, 0. Positions where `column` is None are skipped.
    """
    decisive = rasp.categorical(rasp.Map(lambda v: v != 9, column)).named("decisive")
    generates = rasp.categorical(rasp.Map(lambda v: 1 if v >= 10 else 0, column)).named("generates")
    before = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LT)
    is_decisive = rasp.Select(decisive, rasp.indices, lambda key, query: key is True)
    nearest = rasp.SelectPreferred(rasp.SelectorAnd(before, is_decisive), lambda key, query: query - key)
    return rasp.categorical(rasp.Aggregate(nearest, generates, default=0)).named("carry")


def _digit(v, c):
    return (v + c) % 10


def make_adder() -> rasp.SOp:
    """Encoder addition for any number of digits: sum digit i at b_i, the top digit at `=`."""
    column = pair_sums(position_of(PLUS))
    carry = lookahead_carries(column)
    return rasp.categorical(rasp.SequenceMap(_digit, column, carry)).named("sum")


def _carry_back(token, previous_column):
    """The carry into digit i from the previous output digit s_{i-1} (the token here) and p_{i-1}."""
    return 1 if _is_digit(token) and _is_digit(previous_column) and token < previous_column else 0


def make_autoregressive_adder() -> rasp.SOp:
    """Causal addition, one sum digit per step: at `=` and at each s_{i-1}, the next digit s_i."""
    plus, equals = position_of(PLUS), position_of(EQUALS)
    column = pair_sums(plus)
    offset = rasp.numerical(rasp.SequenceMap(lambda p, e: p + 1 - e, plus, equals)).named("offset")
    b_index = rasp.numerical(rasp.SequenceMap(lambda i, o: i + o, rasp.indices, offset)).named("b_index")
    this = rasp.categorical(rasp.Aggregate(rasp.Select(rasp.indices, b_index, rasp.Comparison.EQ), column))
    previous = rasp.Select(rasp.indices, b_index, lambda key, query: key == query - 1)
    last = rasp.categorical(rasp.Aggregate(previous, column)).named("previous_column")
    carry = rasp.categorical(rasp.SequenceMap(_carry_back, rasp.tokens, last)).named("carry")
    return rasp.categorical(rasp.SequenceMap(_digit, this.named("this_column"), carry)).named("sum")


def _product(x, y):
    return x * y if _is_digit(x) and _is_digit(y) else 0


def make_multiplier(n: int, m: int) -> rasp.SOp:
    """n-digit × m-digit multiplication (encoder): product digit k at position k, for k < n + m.

    Column k sums a_{k-j}·b_j over j < m: 2m heads fetch a_{k-j} (relative to the query) and b_j (at
    n + 1 + j), m lookup tables multiply, the sum is linear. Then columns are normalised and carried.
    """
    products = []
    for j in range(m):
        a_j = rasp.Select(rasp.indices, rasp.indices, lambda key, query, j=j: key == query - j and key < n)
        b_j = rasp.Select(rasp.indices, rasp.indices, lambda key, query, j=j: key == n + 1 + j)
        a_digit = rasp.categorical(rasp.Aggregate(a_j, rasp.tokens, default=0)).named(f"a_shift{j}")
        b_digit = rasp.categorical(rasp.Aggregate(b_j, rasp.tokens, default=0)).named(f"b{j}")
        products.append(rasp.numerical(rasp.SequenceMap(_product, a_digit, b_digit)).named(f"product{j}"))
    column = products[0]
    for j, product in enumerate(products[1:], start=1):
        column = rasp.numerical(rasp.SequenceMap(lambda x, y: x + y, column, product)).named(f"partial{j}")
    column, bound = column.named("column_sum"), 81 * min(n, m)
    step = 0
    while bound > LOOKAHEAD_MAX:
        column, bound = _move_tens_up(column, step), 9 + bound // 10
        step += 1
    carry = lookahead_carries(column)
    return rasp.categorical(rasp.SequenceMap(_digit, column, carry)).named("product")


def _move_tens_up(column: rasp.SOp, step: int) -> rasp.SOp:
    """Columns v -> (v mod 10) + (the column below's v div 10): the same number, smaller columns."""
    units = rasp.categorical(rasp.Map(lambda v: v % 10, column)).named(f"units{step}")
    tens = rasp.categorical(rasp.Map(lambda v: v // 10, column)).named(f"tens{step}")
    below = rasp.Select(rasp.indices, rasp.indices, lambda key, query: key == query - 1)
    tens_below = rasp.categorical(rasp.Aggregate(below, tens, default=0)).named(f"tens_below{step}")
    return rasp.categorical(rasp.SequenceMap(lambda u, t: u + t, units, tens_below)).named(f"column{step + 1}")
