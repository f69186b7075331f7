"""Transformer Program for 'hist', decompiled by weightsmith. Standalone: no imports.

run(tokens) -> one label per position; tokens[0] is normally 'BOS', at most 8 tokens.
Layers: 1; per layer 1 categorical heads, 1 numerical heads, 0 MLPs (1 of 2 modules unused and left out).
"""

VOCAB = ('BOS', 0, 1, 2, 3, 4, 5)
MAX_LEN = 8
CAUSAL = False

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


def num_attn_0_0_pattern(key, query):
    """query: tokens, key: tokens"""
    if query == 'BOS':
        return key in {'BOS', 0, 1}
    return key == query or key == 'BOS'


classes = (1, 2, 3, 4, 5, 6, 7)
classifier_bias = (0, 1, 1, 0, 0, -1, -1)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'num_attn_0_0_outputs': {2: (6, -3, -8, -6, -4, -3, -2), 4: (-1, -1, 5, 0, -1, -1, -1),
                             5: (-2, -2, -2, 6, 2, -1, -1), 6: (-3, -4, -4, -2, 7, 1, 0),
                             7: (-3, -5, -5, -4, -3, 5, 1), 8: (-2, -3, -3, -3, -3, -2, 3)},
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
    num_attn_0_0_outputs = count(tokens, tokens, num_attn_0_0_pattern)
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
