"""Transformer Program for 'double_hist', decompiled by weightsmith. Standalone: no imports.

run(tokens) -> one label per position; tokens[0] is normally 'BOS', at most 8 tokens.
Layers: 3; per layer 2 categorical heads, 2 numerical heads, 2 MLPs (2 of 18 modules unused and left out).
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


def count(keys, queries, pattern):
    """Numerical attention: how many key positions (BOS included) match each query."""
    n = len(keys)
    return [sum(1 for j in range(i + 1 if CAUSAL else n) if pattern(keys[j], q)) for i, q in enumerate(queries)]


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
mlp_1_0_table = {(0, 0): 2, (0, 1): 5, (0, 2): 2, (0, 3): 4, (0, 4): 6, (0, 8): 6, (1, 0): 5,
                 (1, 1): 2, (1, 2): 2, (1, 3): 6, (1, 4): 6, (1, 5): 4, (1, 7): 6, (1, 8): 1,
                 (2, 0): 1, (2, 1): 2, (2, 2): 3, (2, 3): 1, (2, 4): 8, (2, 5): 3, (2, 6): 8,
                 (2, 7): 8, (2, 8): 1, (3, 0): 4, (3, 1): 8, (3, 2): 8, (3, 3): 4, (3, 7): 8,
                 (3, 8): 1, (4, 0): 4, (4, 1): 0, (4, 2): 8, (4, 4): 0, (4, 5): 0, (4, 6): 0,
                 (4, 7): 8, (5, 1): 8, (5, 2): 8, (5, 4): 0, (5, 6): 6, (5, 7): 3, (5, 8): 0,
                 (6, 4): 0, (6, 7): 2, (6, 8): 1, (7, 4): 3, (7, 5): 3, (7, 6): 0, (8, 2): 0,
                 (8, 3): 0, (8, 6): 8}

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


def attn_2_1_pattern(key, query):
    """query: positions, key: positions"""
    if query == 0:
        return key not in {1, 3}
    if query == 2:
        return key not in {1, 2}
    return key != query


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
mlp_2_0_table = {(0, 4): 3, (0, 5): 3, (0, 6): 3, (1, 1): 3, (1, 7): 2, (2, 1): 2, (2, 5): 3,
                 (2, 7): 2, (2, 8): 2, (3, 0): 2, (3, 3): 4, (3, 4): 4, (3, 5): 4, (3, 6): 4,
                 (3, 8): 3, (4, 0): 3, (4, 3): 2, (4, 4): 5, (4, 5): 5, (4, 6): 5, (4, 7): 3,
                 (4, 8): 2, (5, 1): 5, (5, 2): 2, (5, 3): 2, (5, 4): 5, (5, 5): 5, (5, 7): 3,
                 (6, 0): 5, (6, 1): 5, (6, 2): 2, (6, 3): 2, (6, 4): 2, (6, 7): 3, (7, 1): 2,
                 (7, 2): 2, (7, 6): 3, (8, 0): 4, (8, 2): 2, (8, 4): 3, (8, 5): 3}

# mlp_2_1: reads (attn_1_1_outputs, attn_1_0_outputs); every other input gives 4
mlp_2_1_table = {(0, 0): 2, (0, 2): 1, (0, 3): 1, (0, 4): 2, (0, 5): 2, (0, 6): 2, (0, 7): 8,
                 (1, 2): 1, (1, 3): 5, (1, 4): 5, (1, 6): 8, (1, 7): 1, (1, 8): 5, (2, 0): 5,
                 (2, 1): 5, (2, 2): 1, (2, 3): 1, (2, 5): 5, (2, 6): 5, (2, 7): 8, (2, 8): 1,
                 (3, 2): 1, (3, 4): 2, (3, 6): 2, (3, 7): 1, (4, 4): 8, (4, 5): 8, (4, 6): 8,
                 (4, 7): 8, (5, 0): 8, (5, 2): 1, (5, 4): 8, (5, 6): 1, (5, 7): 8, (6, 1): 2,
                 (6, 2): 2, (6, 5): 2, (6, 6): 2, (6, 7): 2, (7, 0): 5, (7, 2): 2, (7, 3): 2,
                 (7, 4): 5, (7, 6): 2, (7, 7): 1, (7, 8): 1, (8, 2): 1, (8, 4): 2, (8, 5): 8,
                 (8, 6): 1, (8, 7): 1}


classes = (1, 2, 3, 4, 5, 6)
classifier_bias = (5, -165, -142, -287, -264, -446)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'positions': {2: (6, 4, -6, -1, -6, -3), 3: (5, 3, -2, 1, -6, -11), 4: (4, 3, -2, -3, -5, -7)},
    'attn_0_0_outputs': {7: (14, -2, 10, -23, 5, -29)},
    'num_attn_0_0_outputs': {1: (-57, 80, 27, -33, -2, 4), 2: (-43, 39, 94, 55, 23, 21),
                             3: (-91, 104, 46, 68, 51, 16), 4: (-93, 51, 120, 44, 114, 13),
                             5: (-124, 58, 90, 137, 52, 85), 6: (-170, 43, 106, 120, 122, 15)},
    'num_attn_0_1_outputs': {2: (-48, 6, 22, 30, 19, -4)},
    'attn_1_0_outputs': {2: (0, -10, -14, -1, 16, 40), 3: (2, 1, -11, -5, 1, 17),
                         5: (33, 8, -5, -52, -69, -2), 6: (42, 20, -50, -35, -31, 14),
                         7: (39, 9, -47, -20, -8, 11)},
    'attn_1_1_outputs': {5: (31, -19, -24, 2, 1, 12)},
    'num_attn_1_0_outputs': {1: (-7, 61, 19, 67, -5, 25), 2: (21, 79, -4, 85, 19, 81),
                             4: (8, 43, 2, 113, 113, 96), 6: (0, 44, 30, 90, 40, 120),
                             7: (5, 51, 7, 81, -33, 134)},
    'num_attn_1_1_outputs': {1: (20, 29, 47, -44, 15, 54), 2: (87, 18, 78, -61, -77, 17),
                             3: (92, -10, 49, -3, -46, -24), 4: (88, 9, 43, -23, -43, 7),
                             5: (32, 67, 38, -46, -42, -3), 6: (59, 12, 65, -71, -14, -18),
                             7: (19, -18, 79, -78, 0, -10), 8: (42, -48, 43, -113, -22, -64)},
    'mlp_1_1_outputs': {1: (-63, 7, 21, 49, 21, 48), 2: (-36, 21, 15, -52, 87, 10),
                        4: (-31, -23, -19, 102, 7, 31), 5: (35, -28, -74, 27, 77, 13),
                        6: (-51, 31, -10, 26, 8, 11), 7: (-11, -27, -5, 49, 43, 52),
                        8: (-27, 8, 44, -19, -3, -8)},
    'attn_2_1_outputs': {3: (-25, -27, -6, 26, 66, 85), 7: (9, 3, -14, -28, -4, 28)},
    'num_attn_2_0_outputs': {2: (42, 76, -8, -33, 12, -4), 3: (54, 88, -49, 1, 19, -70),
                             4: (16, 97, -14, 17, -14, -45), 5: (-4, 109, 7, -65, -86, -86),
                             6: (6, 107, -27, -58, -53, -121), 7: (30, 28, -5, -78, -59, -57)},
    'num_attn_2_1_outputs': {1: (53, -5, 21, 36, 10, 81), 2: (56, 5, 9, 43, 14, 115),
                             3: (64, -3, 11, 88, -14, 41), 4: (75, -26, 20, 99, -23, 72),
                             5: (97, -9, -26, 87, -21, 34), 6: (57, -13, -10, 42, 9, 26)},
    'mlp_2_0_outputs': {2: (34, -28, -36, 15, -5, 81), 3: (-13, 7, -37, 23, 17, 78),
                        4: (11, 5, -37, -3, 3, 65), 5: (44, -29, -58, 37, -12, 57)},
    'mlp_2_1_outputs': {2: (-4, 10, 5, -11, -3, -23), 4: (-5, 2, 14, -2, -2, -13),
                        5: (4, 8, 10, -27, -7, -27), 8: (9, -5, 10, -24, 5, -6)},
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
    attn_2_1_outputs = attend(positions, positions, mlp_1_0_outputs, attn_2_1_pattern)
    num_attn_2_0_outputs = count(mlp_0_1_outputs, attn_1_1_outputs, num_attn_2_0_pattern)
    num_attn_2_1_outputs = count(mlp_0_1_outputs, mlp_1_1_outputs, num_attn_2_1_pattern)
    mlp_2_0_outputs = [mlp_2_0_table.get((num_attn_0_1_outputs[i], num_attn_1_0_outputs[i]), 0) for i in range(n)]
    mlp_2_1_outputs = [mlp_2_1_table.get((attn_1_1_outputs[i], attn_1_0_outputs[i]), 4) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
