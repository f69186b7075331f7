"""Transformer Program for 'double_hist', decompiled by weightsmith. Standalone: no imports.

run(tokens) -> one label per position; tokens[0] is normally 'BOS', at most 8 tokens.
Layers: 3; per layer 2 categorical heads, 2 numerical heads, 2 MLPs (4 of 18 modules unused and left out).
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

# mlp_1_0: reads (num_attn_0_1_outputs, attn_1_0_outputs); every other input gives 7
mlp_1_0_table = {(2, 4): 8, (2, 6): 8, (2, 7): 8, (3, 1): 8, (3, 2): 8, (3, 7): 8, (4, 2): 8,
                 (4, 7): 8, (5, 1): 8, (5, 2): 8, (8, 6): 8}

# mlp_1_1: reads (num_attn_0_0_outputs, num_attn_1_0_outputs); every other input gives 7
mlp_1_1_table = {(0, 1): 0, (0, 2): 2, (0, 3): 5, (0, 4): 8, (0, 6): 1, (0, 7): 1, (0, 8): 1,
                 (1, 0): 6, (1, 2): 8, (1, 4): 1, (1, 7): 8, (1, 8): 8, (2, 0): 0, (2, 1): 8,
                 (2, 3): 5, (2, 4): 1, (2, 5): 6, (2, 6): 0, (2, 7): 8, (2, 8): 0, (3, 0): 6,
                 (3, 1): 1, (3, 3): 5, (3, 4): 5, (3, 5): 3, (3, 6): 3, (3, 7): 5, (3, 8): 5,
                 (4, 1): 5, (4, 2): 6, (4, 3): 8, (4, 4): 0, (4, 5): 2, (4, 6): 6, (4, 7): 6,
                 (5, 0): 8, (5, 1): 0, (5, 2): 0, (5, 3): 0, (5, 4): 8, (5, 5): 6, (5, 7): 1,
                 (5, 8): 1, (6, 0): 0, (6, 1): 2, (6, 2): 2, (6, 3): 5, (6, 4): 4, (6, 5): 3,
                 (6, 6): 2, (6, 7): 5, (6, 8): 5, (7, 0): 8, (7, 1): 8, (7, 2): 2, (7, 3): 5,
                 (7, 4): 1, (7, 5): 6, (7, 6): 2, (7, 7): 1, (8, 0): 0, (8, 1): 8, (8, 3): 2,
                 (8, 4): 0, (8, 5): 4, (8, 6): 4, (8, 7): 1, (8, 8): 0}


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
    if query in {2, 3, 7}:
        return key not in {0, 2, 3}
    if query == 8:
        return key in {1, 4, 5, 8}
    return key not in {0, 2, 3, 6}

# mlp_2_0: reads (num_attn_0_1_outputs, num_attn_1_0_outputs); every other input gives 0
mlp_2_0_table = {(0, 4): 3, (0, 5): 3, (0, 6): 3, (1, 1): 3, (1, 4): 6, (1, 7): 2, (2, 1): 2,
                 (2, 4): 6, (2, 5): 3, (2, 6): 7, (2, 7): 2, (2, 8): 2, (3, 0): 2, (3, 1): 7,
                 (3, 3): 4, (3, 4): 4, (3, 5): 4, (3, 6): 4, (3, 7): 6, (3, 8): 3, (4, 0): 3,
                 (4, 1): 6, (4, 2): 6, (4, 3): 2, (4, 4): 5, (4, 5): 5, (4, 6): 5, (4, 7): 3,
                 (4, 8): 2, (5, 1): 5, (5, 2): 2, (5, 3): 2, (5, 4): 5, (5, 5): 5, (5, 7): 3,
                 (6, 0): 5, (6, 1): 5, (6, 2): 2, (6, 3): 2, (6, 4): 2, (6, 5): 6, (6, 6): 6,
                 (6, 7): 3, (7, 1): 2, (7, 2): 2, (7, 6): 3, (7, 7): 7, (8, 0): 4, (8, 1): 7,
                 (8, 2): 2, (8, 4): 3, (8, 5): 3, (8, 6): 7}


classes = (1, 2, 3, 4, 5, 6)
classifier_bias = (-8, -37, -25, -64, -45, -83)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'positions': {1: (2, 1, -1, 0, -2, -3), 4: (1, 1, -1, -1, -2, -2), 5: (1, 1, -1, -1, -1, -2),
                  6: (1, 1, -1, 0, -1, -2)},
    'num_attn_0_0_outputs': {3: (-19, 21, 7, 15, 10, 2), 4: (-18, 11, 24, 8, 22, 2),
                             5: (-27, 12, 19, 28, 10, 17), 6: (-35, 10, 21, 23, 24, 2)},
    'num_attn_0_1_outputs': {2: (-11, 1, 5, 6, 3, -1), 4: (2, 3, -3, 0, -5, -2),
                             7: (-2, 4, -10, -5, -3, -4)},
    'attn_1_0_outputs': {6: (10, 2, -10, -8, -6, 2), 7: (9, 0, -10, -4, -1, 2)},
    'attn_1_1_outputs': {2: (3, 5, -6, 0, -6, 1), 5: (10, -5, -10, -2, 0, 3),
                         6: (5, 6, -10, -6, -6, 1), 8: (1, -1, -1, 0, 3, -1)},
    'num_attn_1_0_outputs': {1: (-5, 15, 5, 13, -2, 4), 2: (1, 20, -4, 16, 3, 17),
                             5: (3, 9, 4, 22, 23, 24), 6: (-3, 11, 9, 19, 6, 26),
                             7: (0, 18, 1, 16, -10, 27)},
    'num_attn_1_1_outputs': {1: (4, 9, 9, -14, 3, 11), 2: (20, 6, 15, -18, -15, 3),
                             3: (21, -2, 6, -2, -10, -5), 4: (17, 2, 9, -9, -12, 1),
                             5: (6, 17, 1, -14, -9, 0), 6: (14, 4, 12, -18, -2, -3),
                             8: (10, -7, 6, -26, -4, -12)},
    'mlp_1_0_outputs': {8: (8, -7, 6, -3, -4, -6)},
    'mlp_1_1_outputs': {1: (-17, 4, 2, 14, 5, 10), 3: (-4, -12, 19, 9, -14, 11),
                        4: (-9, -5, -6, 27, 2, 7), 5: (7, -13, -16, 7, 17, 4),
                        6: (-12, 7, -1, 8, 1, 3), 7: (-5, -5, -3, 14, 9, 13),
                        8: (-9, 1, 10, -1, -1, -1)},
    'num_attn_2_0_outputs': {2: (10, 18, -5, -12, 2, -1), 3: (11, 18, -16, -1, 3, -14),
                             4: (2, 23, -7, 0, -4, -9), 5: (-5, 26, 1, -17, -20, -17),
                             6: (0, 25, -8, -14, -12, -24), 7: (6, 5, -3, -18, -15, -11)},
    'num_attn_2_1_outputs': {1: (13, 0, 4, 6, 1, 16), 2: (17, -2, -3, 8, 3, 23),
                             3: (17, -2, -2, 20, -3, 8), 4: (18, -8, 4, 19, -8, 14),
                             5: (21, -1, -11, 17, -6, 7), 6: (17, -5, -3, 8, 2, 5),
                             7: (4, -10, 3, 3, 6, 0), 8: (9, -4, -3, 4, 3, -2)},
    'mlp_2_0_outputs': {2: (9, -6, -8, 7, -3, 16), 3: (-2, 0, -6, 9, 5, 16),
                        4: (4, 0, -7, 2, 1, 14), 5: (15, -11, -14, 12, -2, 12),
                        6: (-3, -13, 5, 12, 5, 8), 7: (-6, 6, -13, 9, -2, 20)},
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
    mlp_1_0_outputs = [mlp_1_0_table.get((num_attn_0_1_outputs[i], attn_1_0_outputs[i]), 7) for i in range(n)]
    mlp_1_1_outputs = [mlp_1_1_table.get((num_attn_0_0_outputs[i], num_attn_1_0_outputs[i]), 7) for i in range(n)]
    num_attn_2_0_outputs = count(mlp_0_1_outputs, attn_1_1_outputs, num_attn_2_0_pattern)
    num_attn_2_1_outputs = count(mlp_0_1_outputs, mlp_1_1_outputs, num_attn_2_1_pattern)
    mlp_2_0_outputs = [mlp_2_0_table.get((num_attn_0_1_outputs[i], num_attn_1_0_outputs[i]), 0) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
