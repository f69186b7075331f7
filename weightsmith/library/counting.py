"""Programs that count: the length, how often each token occurs, running fractions.

Counting is what `SelectorWidth` is for: the number of key positions a query selects. A running
fraction instead is a *numerical* Aggregate (a mean of 0/1 values over the prefix), which a compiled
transformer computes in one attention head without an MLP. Tracr's classic programs keep Tracr's
names, signatures and results (including their quirks, noted where they occur).
"""

from __future__ import annotations

from weightsmith import rasp


def make_length() -> rasp.SOp:
    """The length of the input, at every position.

        make_length()("abcde") == [5, 5, 5, 5, 5]

    Built from `SelectorWidth` of an everything-selector (as Tracr's `lib` does) rather than the
    `rasp.length` primitive, so that Tracr's compiler can compile the programs that use it too.
    """
    everything = rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.TRUE).named("all_true_selector")
    return rasp.SelectorWidth(everything).named("length")


def make_hist() -> rasp.SOp:
    """How many times each position's token occurs in the whole input (a histogram, read per token).

        make_hist()("abac") == [2, 1, 2, 1]
    """
    same_tok = rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.EQ).named("same_tok")
    return rasp.SelectorWidth(same_tok).named("hist")


def make_count(sop: rasp.SOp, token: rasp.Value) -> rasp.SOp:
    """How many positions of `sop` hold `token`, at every position.

        make_count(rasp.tokens, "a")("aabac") == [3, 3, 3, 3, 3]

    The predicate looks at the key only, so every query selects the same positions.
    """
    is_token = rasp.Select(sop, sop, lambda key, query: key == token).named(f"is_{token}")
    return rasp.SelectorWidth(is_token).named(f"count_{token}")


def make_count_less_freq(n: int) -> rasp.SOp:
    """How many positions hold a token that occurs at most `n` times in the input, at every position.

        make_count_less_freq(2)("aaabbc") == [3, 3, 3, 3, 3, 3]   # b, b, c
        make_count_less_freq(2)("aacbbc") == [6, 6, 6, 6, 6, 6]

    Tracr's definition, kept as is: it counts positions (not distinct tokens), and "less" means at
    most `n` (`<=`), although Tracr's docstring says "fewer than n".
    """
    hist = make_hist()
    rare_key = rasp.Select(hist, hist, lambda key, query: key <= n).named("select_less")
    return rasp.SelectorWidth(rare_key).named("count_less_freq")


def make_frac_prevs(bools: rasp.SOp) -> rasp.SOp:
    """The fraction of positions up to and including each one where `bools` is true.

        make_frac_prevs(rasp.tokens == "l")("hello") == [0, 0, 1/3, 1/2, 2/5]

    A numerical mean over the prefix selector, as in Tracr (and the RASP paper). Like Tracr, it marks
    `bools` numerical in place. Values are exact: (count of trues) / (position + 1), except at
    position 0, where the mean of one value is that value itself (True/False, equal to 1/0).
    """
    bools = rasp.numerical(bools)
    prevs = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LEQ).named("prevs")
    return rasp.numerical(rasp.Aggregate(prevs, bools, default=0)).named("frac_prevs")


def make_double_hist() -> rasp.SOp:
    """For each position: how many distinct token values occur exactly as often as its own token.

        make_double_hist()("aabbc") == [2, 2, 2, 2, 1]   # a and b occur twice, c once

    The RASP-paper task, as in the Transformer Programs paper. Counting distinct values directly
    would need "first occurrence" bookkeeping; instead: the positions whose token occurs c times
    number c × (the values that occur c times), so one SelectorWidth over the histogram and an exact
    integer division suffice. (A count is never 0, but a SelectorWidth's value set includes 0, and
    a compiled MLP needs the function defined on its whole value set, hence the guard.)
    """
    hist = make_hist()
    same_count = rasp.Select(hist, hist, rasp.Comparison.EQ).named("same_count")
    positions_with_count = rasp.SelectorWidth(same_count).named("positions_with_count")
    return rasp.SequenceMap(
        lambda positions, count: positions // count if count else 0, positions_with_count, hist
    ).named("double_hist")


def make_mode() -> rasp.SOp:
    """The most frequent token of the input, at every position; ties go to the smallest token.

        make_mode()([3, 1, 3, 1, 0]) == [1, 1, 1, 1, 1]

    A position is a winner when no position's (count, token) beats its own (more occurrences, or as many
    and a smaller token); every winner holds the same token, so the mean of the winners' tokens is that
    token. Tokens must be numbers (the interpreter averages only numbers when an Aggregate selects several).
    """
    hist = make_hist()
    key = rasp.SequenceMap(lambda count, token: (count, token), hist, rasp.tokens).named("mode_key")
    beats = rasp.Select(key, key, lambda k, q: k[0] > q[0] or (k[0] == q[0] and k[1] < q[1])).named("mode_beats")
    is_winner = (rasp.SelectorWidth(beats) == 0).named("mode_is_winner")
    winners = rasp.Select(is_winner, is_winner, lambda k, q: k).named("mode_winners")
    return rasp.Aggregate(winners, rasp.tokens).named("mode")
