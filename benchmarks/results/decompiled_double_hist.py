"""Transformer Program for 'double_hist', decompiled by weightsmith. Standalone: no imports.

run(tokens) -> one label per position; tokens[0] is normally 'BOS', at most 8 tokens.
Layers: 3; per layer 2 categorical heads, 2 numerical heads, 2 MLPs (5 of 18 modules unused and left out).
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


def attn_0_0_pattern(key, query):
    """query: tokens, key: positions"""
    if query == 0:
        return key not in {1, 3, 4}
    if query == 1:
        return key not in {2, 3, 4}
    if query == 2:
        return key in {1, 6, 7}
    if query == 3:
        return key not in {3, 4, 5}
    if query == 4:
        return key not in {3, 5, 6}
    if query == 5:
        return key not in {2, 4, 6}
    return key not in {3, 5}


def num_attn_0_0_pattern(key, query):
    """query: tokens, key: tokens"""
    if query == 'BOS':
        return True
    return key != query and key != 'BOS'


def num_attn_0_1_pattern(key, query):
    """query: tokens, key: tokens"""
    if query == 'BOS':
        return key == 4
    return key == query or key == 'BOS'

# mlp_0_0: reads (num_attn_0_1_outputs, num_attn_0_0_outputs); every other input gives 7
mlp_0_0_table = {(0, 0): 2, (0, 2): 0, (0, 3): 2, (0, 4): 8, (0, 5): 0, (0, 6): 0, (0, 8): 1,
                 (1, 1): 1, (1, 2): 0, (1, 3): 2, (1, 4): 0, (1, 5): 0, (1, 6): 0, (1, 8): 1,
                 (2, 1): 2, (2, 2): 2, (2, 3): 2, (2, 4): 5, (2, 5): 5, (2, 8): 1, (3, 4): 3,
                 (3, 5): 8, (3, 6): 1, (3, 8): 1, (4, 0): 8, (4, 1): 8, (4, 2): 6, (4, 3): 5,
                 (4, 4): 2, (4, 5): 8, (4, 6): 5, (4, 8): 1, (5, 0): 5, (5, 1): 8, (5, 2): 6,
                 (5, 3): 6, (5, 4): 2, (5, 5): 8, (5, 6): 3, (5, 7): 0, (5, 8): 0, (6, 0): 0,
                 (6, 2): 1, (6, 3): 6, (6, 4): 5, (6, 5): 8, (6, 6): 2, (6, 7): 8, (6, 8): 1,
                 (7, 0): 2, (7, 1): 6, (7, 2): 2, (7, 3): 0, (7, 6): 3, (7, 7): 5, (7, 8): 0,
                 (8, 0): 2, (8, 1): 2, (8, 2): 5, (8, 3): 1, (8, 6): 5, (8, 7): 1}

# mlp_0_1: reads (num_attn_0_0_outputs, num_attn_0_1_outputs); every other input gives 2
mlp_0_1_table = {(0, 1): 0, (0, 3): 0, (0, 4): 6, (0, 5): 8, (0, 6): 6, (0, 7): 0, (1, 3): 5,
                 (1, 4): 5, (1, 5): 5, (1, 6): 5, (1, 7): 5, (1, 8): 6, (2, 2): 0, (2, 3): 6,
                 (2, 4): 6, (2, 5): 6, (2, 6): 6, (2, 7): 3, (2, 8): 0, (3, 2): 1, (3, 3): 7,
                 (3, 4): 0, (3, 5): 0, (3, 6): 7, (3, 7): 0, (3, 8): 0, (4, 0): 1, (4, 1): 0,
                 (4, 2): 0, (4, 3): 4, (4, 4): 3, (4, 5): 3, (4, 8): 3, (5, 0): 1, (5, 1): 8,
                 (5, 2): 0, (5, 3): 4, (5, 4): 4, (5, 5): 1, (5, 6): 4, (5, 8): 8, (6, 0): 1,
                 (6, 1): 0, (6, 2): 7, (6, 3): 8, (6, 4): 1, (6, 5): 1, (6, 6): 1, (6, 8): 5,
                 (7, 0): 8, (7, 1): 8, (7, 2): 8, (7, 3): 8, (7, 4): 8, (7, 5): 1, (7, 6): 7,
                 (7, 8): 5, (8, 0): 8, (8, 1): 8, (8, 2): 8, (8, 3): 8, (8, 4): 8, (8, 5): 8,
                 (8, 6): 1, (8, 8): 8}


def attn_1_0_pattern(key, query):
    """query: positions, key: positions"""
    return key != query


def attn_1_1_pattern(key, query):
    """query: tokens, key: tokens"""
    return key != query or key == 'BOS'


def num_attn_1_0_pattern(key, query):
    """query: attn_0_0_outputs, key: num_attn_0_0_outputs"""
    if query == 1:
        return key in {1, 4, 5, 8}
    if query in {5, 6}:
        return key in {0, 4, 5, 8}
    if query == 7:
        return key in {4, 5, 7, 8}
    return key in {4, 5, 8}


def num_attn_1_1_pattern(key, query):
    """query: mlp_0_0_outputs, key: mlp_0_0_outputs"""
    if query in {2, 3}:
        return key in {3, 7, 8}
    if query == 5:
        return key not in {0, 5, 6}
    if query == 6:
        return key not in {2, 5}
    if query == 7:
        return key not in {2, 5, 6}
    if query == 8:
        return key in {1, 3, 8}
    return key in {1, 3, 7, 8}

# mlp_1_1: reads (num_attn_0_0_outputs, num_attn_1_0_outputs); every other input gives 0
mlp_1_1_table = {(0, 0): 7, (0, 2): 7, (0, 4): 8, (0, 5): 7, (1, 1): 7, (1, 2): 8, (1, 3): 7,
                 (1, 5): 7, (1, 6): 7, (1, 7): 8, (1, 8): 8, (2, 1): 8, (2, 2): 7, (2, 7): 8,
                 (3, 2): 7, (3, 5): 7, (3, 6): 7, (4, 0): 7, (4, 3): 8, (4, 5): 7, (4, 8): 7,
                 (5, 0): 8, (5, 4): 8, (5, 6): 7, (6, 1): 7, (6, 2): 7, (6, 5): 7, (6, 6): 7,
                 (7, 0): 8, (7, 1): 8, (7, 2): 7, (7, 6): 7, (7, 8): 7, (8, 1): 8, (8, 2): 7,
                 (8, 3): 7}


def num_attn_2_0_pattern(key, query):
    """query: attn_1_1_outputs, key: mlp_0_1_outputs"""
    if query in {1, 3}:
        return key in {4, 6}
    if query in {4, 6}:
        return key in {1, 4, 6, 8}
    if query == 5:
        return key in {2, 4, 6}
    return key in {4, 6, 8}


def num_attn_2_1_pattern(key, query):
    """query: mlp_1_1_outputs, key: mlp_0_1_outputs"""
    if query == 7:
        return key not in {0, 2, 3}
    if query == 8:
        return key in {1, 4, 5, 8}
    return key not in {0, 2, 3, 6}

# mlp_2_0: reads (num_attn_0_1_outputs, num_attn_1_0_outputs); every other input gives 0
mlp_2_0_table = {(1, 4): 6, (1, 7): 2, (2, 1): 2, (2, 4): 6, (2, 6): 7, (2, 7): 2, (2, 8): 2,
                 (3, 0): 2, (3, 1): 7, (3, 3): 4, (3, 4): 4, (3, 5): 4, (3, 6): 4, (3, 7): 6,
                 (4, 1): 6, (4, 2): 6, (4, 3): 2, (4, 4): 5, (4, 5): 5, (4, 6): 5, (4, 8): 2,
                 (5, 1): 5, (5, 2): 2, (5, 3): 2, (5, 4): 5, (5, 5): 5, (6, 0): 5, (6, 1): 5,
                 (6, 2): 2, (6, 3): 2, (6, 4): 2, (6, 5): 6, (6, 6): 6, (7, 1): 2, (7, 2): 2,
                 (7, 7): 7, (8, 0): 4, (8, 1): 7, (8, 2): 2, (8, 6): 7}


classes = (1, 2, 3, 4, 5, 6)
classifier_bias = (18, -41, -22, -29, 9, -39)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'attn_0_0_outputs': {1: (-7, 13, 7, 4, 2, 1), 2: (-8, 13, 7, 4, 2, 1), 3: (-8, 12, 7, 4, 2, 1),
                         4: (-9, 12, 7, 5, 3, 1), 5: (-8, 12, 7, 5, 3, 1), 6: (-8, 12, 6, 5, 3, 1),
                         7: (-8, 13, 7, 5, 4, 0)},
    'num_attn_0_0_outputs': {0: (10, -15, -7, -4, -3, -5), 1: (7, -13, -6, -8, -4, -3),
                             3: (4, 8, -9, 1, -4, -5)},
    'num_attn_0_1_outputs': {2: (-7, 2, 3, 3, 2, 0), 3: (5, 2, 1, -4, -3, -3),
                             4: (5, -2, -7, -4, -3, -5), 5: (6, -7, -10, -4, -3, -3),
                             6: (5, -5, -8, -3, -3, -3)},
    'mlp_0_0_outputs': {2: (-4, 13, 4, 5, -2, -1), 5: (-5, 5, 2, 7, 4, 4)},
    'mlp_0_1_outputs': {1: (-15, 12, -8, 6, -5, -3), 5: (8, -13, -6, -10, -3, -3),
                        6: (6, -8, -8, -6, -3, -3)},
    'attn_1_0_outputs': {2: (-18, 22, 6, 6, 5, 2), 3: (-13, 20, 8, 5, 3, 0),
                         4: (-14, 20, 5, 6, 0, 0), 5: (-11, 18, 8, 0, -10, 0),
                         6: (-14, 27, 2, 2, 1, 0)},
    'attn_1_1_outputs': {1: (5, -12, -12, 13, -3, -3), 2: (-2, 8, -13, -3, -9, -3),
                         5: (24, -28, -30, -19, -19, -4), 8: (6, -8, -16, 1, -2, -12)},
    'num_attn_1_0_outputs': {1: (-12, 8, 19, 3, -4, 0), 2: (-2, 21, -5, -3, -20, 0),
                             3: (-1, -6, 16, -4, 10, -3), 4: (-7, -6, -3, 14, -1, 1),
                             5: (-12, 4, 12, -2, 9, 1), 6: (-8, 6, 6, 6, -2, 7)},
    'num_attn_1_1_outputs': {1: (-1, 19, 21, -21, -16, 16), 2: (7, 18, 23, -29, -20, 1),
                             3: (16, -3, 11, -1, -18, -1), 4: (15, 0, 16, -16, -20, 1),
                             5: (-1, 20, 4, -18, -16, 0), 7: (-6, -1, 26, -14, -14, 1),
                             8: (14, -1, 17, -16, -2, 1)},
    'num_attn_2_0_outputs': {1: (-6, 2, 12, -5, -12, 13), 2: (11, 19, -11, -27, -9, 0),
                             3: (6, 7, -16, 0, -1, -2), 4: (-12, 24, -13, -11, -9, 0),
                             5: (-10, 23, 2, -18, -16, -1), 6: (2, 45, -25, -11, -23, 0)},
    'num_attn_2_1_outputs': {1: (12, -9, -3, 0, -7, 13), 2: (20, -2, -17, 5, -8, 0),
                             3: (22, -17, -17, 18, -9, -2), 4: (21, -8, -5, 3, -18, 0),
                             5: (21, -3, -16, 10, -10, -1), 6: (21, -15, -13, 5, -8, -1)},
    'mlp_2_0_outputs': {2: (15, -22, -10, 10, -16, 3), 4: (10, -4, -11, 8, -9, 5),
                        5: (12, -21, -12, 8, -9, 5), 6: (-3, -17, 2, 23, -10, 5),
                        7: (-7, 2, -15, 16, -12, 15)},
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
    attn_0_0_outputs = attend(positions, tokens, positions, attn_0_0_pattern)
    num_attn_0_0_outputs = count(tokens, tokens, num_attn_0_0_pattern)
    num_attn_0_1_outputs = count(tokens, tokens, num_attn_0_1_pattern)
    mlp_0_0_outputs = [mlp_0_0_table.get((num_attn_0_1_outputs[i], num_attn_0_0_outputs[i]), 7) for i in range(n)]
    mlp_0_1_outputs = [mlp_0_1_table.get((num_attn_0_0_outputs[i], num_attn_0_1_outputs[i]), 2) for i in range(n)]
    attn_1_0_outputs = attend(positions, positions, num_attn_0_1_outputs, attn_1_0_pattern)
    attn_1_1_outputs = attend(tokens, tokens, mlp_0_1_outputs, attn_1_1_pattern)
    num_attn_1_0_outputs = count(num_attn_0_0_outputs, attn_0_0_outputs, num_attn_1_0_pattern)
    num_attn_1_1_outputs = count(mlp_0_0_outputs, mlp_0_0_outputs, num_attn_1_1_pattern)
    mlp_1_1_outputs = [mlp_1_1_table.get((num_attn_0_0_outputs[i], num_attn_1_0_outputs[i]), 0) for i in range(n)]
    num_attn_2_0_outputs = count(mlp_0_1_outputs, attn_1_1_outputs, num_attn_2_0_pattern)
    num_attn_2_1_outputs = count(mlp_0_1_outputs, mlp_1_1_outputs, num_attn_2_1_pattern)
    mlp_2_0_outputs = [mlp_2_0_table.get((num_attn_0_1_outputs[i], num_attn_1_0_outputs[i]), 0) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
