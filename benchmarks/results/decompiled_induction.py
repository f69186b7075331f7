"""Transformer Program for 'induction', decompiled by weightsmith. Standalone: no imports.

run(tokens) -> one label per position; tokens[0] is normally 'BOS', at most 10 tokens.
Layers: 2; per layer 4 categorical heads, 0 numerical heads, 0 MLPs (6 of 8 modules unused and left out).
"""

VOCAB = ('BOS', 'a', 'b', 'c', 'd', '0', '1', '2', '3')
MAX_LEN = 10
CAUSAL = True

def _preference(i, n, order):
    """Key positions j >= 1 in the order query position i prefers them: "closest" (nearest first, left
    first), "first" (leftmost first) or "last" (rightmost first)."""
    if order == "closest":
        ranked = (j for d in range(n) for j in ((i,) if d == 0 else (i - d, i + d)))
    else:
        ranked = range(1, n) if order == "first" else range(n - 1, 0, -1)
    return (j for j in ranked if 1 <= j < n and (j <= i or not CAUSAL))


def attend(keys, queries, values, pattern, order="closest"):
    """Hard attention: each query reads the value at its preferred matching key, else at BOS (position 0)."""
    n = len(keys)
    chosen = [next((j for j in _preference(i, n, order) if pattern(keys[j], q)), 0) for i, q in enumerate(queries)]
    return [values[j] for j in chosen]


def count(keys, queries, pattern, where=None):
    """Numerical attention: how many key positions (BOS included) match each query (only positions j with
    where[j] true, if given)."""
    n = len(keys)
    counted = where or [True] * n
    return [sum(1 for j in range(i + 1 if CAUSAL else n) if counted[j] and pattern(keys[j], q))
            for i, q in enumerate(queries)]


def attn_0_0_pattern(key, query):
    """query: positions, key: positions"""
    return key == query - 1 and key != 8


def attn_1_0_pattern(key, query):
    """query: tokens, key: attn_0_0_outputs; None: no key"""
    return key == {'a': 'a', 'b': 'b', 'c': 'c', 'd': 'd'}.get(query, None)


classes = ('0', '1', '2', '3', 'unk')
classifier_bias = (0, 0, 0, 0, 0)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'attn_1_0_outputs': {'BOS': (-3, -3, -2, -3, 3), '1': (-2, 12, -2, -2, -6),
                         '2': (-2, -2, 13, -2, -6), '3': (-2, -3, -4, 12, -7)},
}
NO_WEIGHTS = (0,) * len(classes)


def classify(variables, i):
    """Scores: the bias plus each read variable's weights, summed in order; the first best class."""
    scores = list(classifier_bias)
    for name, weights in classifier_weights.items():
        scores = [s + w for s, w in zip(scores, weights.get(variables[name][i], NO_WEIGHTS))]
    return classes[scores.index(max(scores))]


def run(tokens):
    tokens = list(tokens)
    n = len(tokens)
    if not 1 <= n <= MAX_LEN:
        raise ValueError(f"expected 1..{MAX_LEN} tokens, got {n}")
    for i, t in enumerate(tokens):
        if not any(t == v and type(t) is type(v) for v in VOCAB):
            raise ValueError(f"token {t!r} at position {i} is not in the vocabulary {VOCAB!r}")
    positions = list(range(n))
    attn_0_0_outputs = attend(positions, positions, tokens, attn_0_0_pattern)
    attn_1_0_outputs = attend(attn_0_0_outputs, tokens, tokens, attn_1_0_pattern)
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
