"""Transformer Program for 'sort', decompiled by weightsmith. Standalone: no imports.

run(tokens) -> one label per position; tokens[0] is normally 'BOS', at most 8 tokens.
Layers: 3; per layer 4 categorical heads, 4 numerical heads, 4 MLPs (3 of 36 modules unused and left out).
"""

VOCAB = ('BOS', 0, 1, 2, 3, 4, 'EOS')
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
    """query: positions, key: tokens"""
    return key == {0: 2, 1: 0, 2: 0, 7: 2}.get(query, 4)


def attn_0_1_pattern(key, query):
    """query: positions, key: tokens"""
    return key == {0: 3, 1: 0, 2: 1, 3: 1, 7: 2}.get(query, 4)


def attn_0_2_pattern(key, query):
    """query: positions, key: tokens"""
    return key == {1: 0, 2: 1, 3: 3, 4: 1, 5: 4, 6: 4}.get(query, 2)


def attn_0_3_pattern(key, query):
    """query: positions, key: tokens"""
    return key == {1: 0, 2: 1, 4: 4, 5: 4, 6: 4}.get(query, 2)


def num_attn_0_0_pattern(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {1: 'EOS', 2: 1, 3: 1, 6: None}.get(query, 0)


def num_attn_0_1_pattern(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {1: 'BOS', 4: None, 5: None, 6: None, 7: 2}.get(query, 0)


def num_attn_0_2_pattern(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {1: None, 2: 3, 3: 2, 4: 2, 5: 1, 7: 1}.get(query, 0)


def num_attn_0_3_pattern(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {1: 1, 2: 1, 5: None, 6: None, 7: 2}.get(query, 0)

# mlp_0_0: reads positions; every other input gives 0
mlp_0_0_table = {1: 1, 2: 7, 3: 7, 7: 2}

# mlp_0_1: reads positions; every other input gives 0
mlp_0_1_table = {1: 1, 2: 2, 5: 7, 6: 7, 7: 2}

# mlp_0_2: reads positions; every other input gives 2
mlp_0_2_table = {0: 0, 3: 7, 4: 0, 5: 8, 6: 8}

# mlp_0_3: reads (positions, attn_0_0_outputs); every other input gives 0
mlp_0_3_table = {(0, 0): 1, (0, 1): 2, (0, 3): 1, (0, 4): 6, (1, 'BOS'): 2, (1, 0): 1, (1, 1): 2,
                 (1, 2): 2, (1, 3): 2, (1, 'EOS'): 1, (6, 0): 2, (6, 4): 6, (6, 'EOS'): 6,
                 (7, 'BOS'): 2, (7, 1): 2, (7, 2): 2, (7, 3): 2, (7, 'EOS'): 2}


def attn_1_0_pattern(key, query):
    """query: positions, key: positions"""
    return key == {0: 5, 6: 4, 7: 2}.get(query, query + 1)


def attn_1_2_pattern(key, query):
    """query: positions, key: tokens"""
    return key == {1: 0, 6: 4, 7: 2}.get(query, 'EOS')


def attn_1_3_pattern(key, query):
    """query: positions, key: tokens"""
    return key == {1: 0, 2: 0, 3: 'EOS', 4: 'EOS', 6: 3, 7: 1}.get(query, 4)


def num_attn_1_0_pattern(key, query):
    """query: mlp_0_2_outputs, key: tokens"""
    return key == {0: 1, 2: 2}.get(query, 0)


def num_attn_1_1_pattern(key, query):
    """query: mlp_0_1_outputs, key: tokens; None: no key"""
    return key == {1: 0, 2: 0, 6: None}.get(query, 1)


def num_attn_1_2_pattern(key, query):
    """query: mlp_0_0_outputs, key: num_attn_0_0_outputs"""
    return key == {0: 3, 1: 1}.get(query, 2)


def num_attn_1_3_pattern(key, query):
    """query: mlp_0_3_outputs, key: tokens"""
    return key == 3

# mlp_1_0: reads (positions, attn_0_1_outputs); every other input gives 1
mlp_1_0_table = {(0, 0): 3, (0, 1): 3, (0, 2): 4, (1, 'BOS'): 3, (1, 1): 3, (1, 2): 3, (1, 3): 3,
                 (1, 4): 3, (2, 'BOS'): 6, (2, 0): 3, (2, 1): 2, (2, 2): 6, (2, 3): 6, (2, 4): 8,
                 (2, 'EOS'): 6, (3, 'BOS'): 4, (3, 0): 3, (3, 1): 7, (3, 2): 7, (3, 3): 6,
                 (3, 4): 8, (3, 'EOS'): 7, (4, 'BOS'): 4, (4, 0): 2, (4, 1): 4, (4, 3): 7,
                 (5, 0): 4, (5, 1): 4, (6, 'BOS'): 8, (6, 0): 8, (6, 1): 8, (7, 'BOS'): 2,
                 (7, 0): 2, (7, 1): 2, (7, 2): 2, (7, 3): 2, (7, 4): 4}

# mlp_1_1: reads positions; every other input gives 0
mlp_1_1_table = {1: 3, 2: 3, 3: 4}

# mlp_1_2: reads positions; every other input gives 3
mlp_1_2_table = {}

# mlp_1_3: reads (positions, num_attn_1_1_outputs); every other input gives 2
mlp_1_3_table = {(0, 0): 0, (0, 1): 0, (0, 5): 0, (0, 6): 1, (0, 8): 1, (1, 0): 5, (1, 1): 5,
                 (1, 2): 5, (1, 4): 3, (1, 6): 5, (1, 7): 5, (1, 8): 5, (2, 0): 0, (2, 1): 5,
                 (2, 2): 0, (2, 6): 0, (2, 8): 5, (3, 0): 0, (3, 1): 7, (3, 2): 3, (3, 3): 0,
                 (3, 5): 3, (3, 6): 0, (3, 8): 3, (4, 0): 0, (4, 1): 7, (4, 2): 3, (4, 3): 3,
                 (4, 4): 0, (4, 5): 7, (4, 6): 1, (4, 7): 3, (4, 8): 1, (5, 0): 0, (5, 1): 0,
                 (5, 2): 7, (5, 3): 7, (5, 4): 1, (5, 5): 7, (5, 6): 7, (5, 7): 7, (5, 8): 1,
                 (6, 0): 1, (6, 1): 1, (6, 2): 1, (6, 3): 1, (6, 4): 1, (6, 5): 1, (6, 6): 1,
                 (6, 7): 1, (6, 8): 1, (7, 5): 3, (7, 6): 1, (7, 8): 1}


def attn_2_0_pattern(key, query):
    """query: num_attn_0_3_outputs, key: attn_0_0_outputs"""
    return key == {1: 0, 2: 0, 4: 0, 6: 2}.get(query, 'BOS')


def attn_2_1_pattern(key, query):
    """query: positions, key: tokens"""
    return key == {1: 1, 2: 1, 6: 4}.get(query, 'BOS')


def num_attn_2_0_pattern(key, query):
    """query: mlp_1_2_outputs, key: tokens"""
    return key == 1


def num_attn_2_1_pattern(key, query):
    """query: mlp_0_2_outputs, key: tokens"""
    return key == 2


def num_attn_2_2_pattern(key, query):
    """query: mlp_0_3_outputs, key: mlp_1_3_outputs"""
    return key == {0: 2, 6: 3}.get(query, 1)


def num_attn_2_3_pattern(key, query):
    """query: attn_1_2_outputs, key: tokens"""
    return key == {'BOS': 1, 0: 1, 2: 1, 3: 1, 4: 1, 'EOS': 1}.get(query, query)

# mlp_2_0: reads (positions, attn_0_2_outputs); every other input gives 2
mlp_2_0_table = {(2, 'BOS'): 3, (2, 4): 3, (3, 3): 3, (3, 4): 3, (4, 4): 8, (6, 'BOS'): 8,
                 (6, 1): 8, (6, 2): 8, (6, 3): 8}

# mlp_2_1: reads (attn_1_2_outputs, positions); every other input gives 5
mlp_2_1_table = {('BOS', 1): 1, ('BOS', 6): 7, (0, 0): 1, (0, 1): 1, (0, 3): 7, (0, 7): 1,
                 (1, 0): 7, (1, 1): 1, (1, 2): 4, (1, 4): 7, (1, 5): 7, (1, 6): 7, (2, 4): 4,
                 (2, 7): 7, (3, 4): 7, (4, 1): 1, (4, 2): 7, ('EOS', 1): 1}

# mlp_2_2: reads positions; every other input gives 7
mlp_2_2_table = {1: 2, 2: 2, 3: 6, 4: 5, 7: 2}

# mlp_2_3: reads (num_attn_2_0_outputs, positions); every other input gives 4
mlp_2_3_table = {(0, 0): 1, (0, 1): 2, (0, 2): 5, (0, 3): 3, (0, 4): 7, (0, 5): 1, (0, 6): 7,
                 (0, 7): 7, (1, 2): 2, (1, 4): 8, (1, 5): 6, (1, 6): 7, (2, 0): 5, (2, 1): 6,
                 (2, 4): 2, (2, 5): 3, (2, 6): 7, (3, 0): 1, (3, 2): 2, (3, 5): 5, (3, 6): 6,
                 (4, 0): 7, (4, 1): 3, (4, 5): 6, (4, 6): 6, (4, 7): 5, (5, 0): 7, (5, 1): 7,
                 (5, 2): 1, (5, 3): 1, (5, 4): 1, (5, 5): 1, (5, 6): 6, (5, 7): 1, (6, 0): 7,
                 (6, 1): 6, (6, 2): 7, (6, 3): 1, (6, 4): 1, (6, 5): 1, (6, 6): 1, (6, 7): 7,
                 (7, 0): 7, (7, 4): 1, (7, 5): 1, (7, 6): 7, (8, 0): 7, (8, 4): 7, (8, 5): 7,
                 (8, 6): 7, (8, 7): 6}


classes = (0, 1, 2, 3, 4)
classifier_bias = (-7, -61, 35, 48, 8)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'positions': {2: (3, 13, 3, -9, -18), 3: (-16, 5, 10, 6, -16), 4: (-10, -2, 9, 10, -8)},
    'attn_0_0_outputs': {0: (20, 9, -1, -11, -30), 4: (-10, -7, 0, 6, 9)},
    'attn_0_2_outputs': {4: (-3, -6, -3, 2, 13)},
    'attn_0_3_outputs': {4: (0, -9, -2, 4, 10)},
    'num_attn_0_0_outputs': {0: (-25, -57, -16, 18, 52), 2: (5, 34, 10, -20, -47),
                             3: (-9, 68, 3, -43, -80), 4: (63, 74, 2, -72, -163),
                             5: (115, 38, -12, -52, -131)},
    'num_attn_0_1_outputs': {0: (-29, -37, 2, 17, 23), 1: (-17, 16, 5, -7, -15),
                             2: (50, -3, -32, -57, -48), 3: (107, -61, -86, -86, -73),
                             4: (58, -45, -36, -30, -39)},
    'num_attn_0_2_outputs': {0: (0, -17, -14, 8, 24), 2: (1, 14, 13, -6, -23),
                             3: (4, 16, 20, -12, -43), 4: (13, 36, 32, -18, -93),
                             5: (-4, 92, 29, -16, -128)},
    'num_attn_0_3_outputs': {0: (-17, -44, -9, 15, 36), 2: (3, 41, 5, -35, -83),
                             3: (33, 29, -3, -66, -131), 4: (101, -3, -49, -89, -119),
                             5: (86, 28, -17, -34, -90)},
    'mlp_0_0_outputs': {1: (31, 6, 3, -16, -33), 7: (14, 6, 5, -4, -26)},
    'mlp_0_1_outputs': {1: (12, 4, -2, -9, -20), 7: (-23, -6, -3, 1, 17)},
    'mlp_0_2_outputs': {2: (12, 5, 1, -9, -26), 8: (-23, -10, -4, 2, 19)},
    'mlp_0_3_outputs': {2: (-3, 10, -2, -10, -11)},
    'attn_1_0_outputs': {1: (-4, 3, 0, -3, -2), 'EOS': (-15, -19, -2, 16, 21)},
    'attn_1_2_outputs': {0: (11, -2, -5, -5, 3)},
    'attn_1_3_outputs': {0: (29, 0, -7, -9, -11), 3: (7, -8, -18, 4, 16), 4: (-1, -7, -2, 6, 9)},
    'num_attn_1_0_outputs': {0: (-13, -22, -9, 5, 33), 2: (-7, 21, 9, -8, -42),
                             3: (30, 11, 7, -19, -66), 4: (25, 72, 10, -42, -118),
                             5: (103, 80, 25, -57, -136)},
    'num_attn_1_1_outputs': {0: (-43, -1, 2, 6, 22), 1: (13, -1, 0, -4, -3),
                             2: (32, -6, -6, -6, -21), 4: (42, 25, 4, -22, -63),
                             5: (34, 55, 25, -18, -83), 6: (0, 99, -5, -18, -99)},
    'num_attn_1_2_outputs': {1: (-14, 8, 7, -4, -15), 2: (16, 6, 3, -8, -33),
                             3: (22, 6, -10, -22, -42), 5: (63, 3, -16, -20, -60),
                             6: (40, -12, -37, -33, -80), 7: (43, -42, -15, -12, -15)},
    'num_attn_1_3_outputs': {0: (7, 7, -8, -73, 38), 2: (-12, -6, 6, 22, -33),
                             3: (-9, -2, 16, 46, -70), 4: (-15, -4, 16, 72, -103),
                             5: (-44, -25, 49, 101, -130)},
    'mlp_1_0_outputs': {2: (-21, 7, 4, 3, -2), 3: (-20, 9, 6, 2, -15), 4: (-19, -1, 5, 3, 7),
                        6: (-20, 8, 8, 1, -10), 7: (-23, 1, 6, 5, 4), 8: (-33, 6, 11, 12, -14)},
    'mlp_1_1_outputs': {3: (33, 12, 5, -14, -44), 4: (11, 4, 7, 1, -18)},
    'mlp_1_3_outputs': {1: (-29, -1, -8, -1, 21), 3: (-50, 0, 0, 3, 23), 5: (-15, 24, -4, -21, -34),
                        7: (-30, -7, -4, 4, 15)},
    'attn_2_0_outputs': {0: (7, 1, -1, -3, -6), 1: (1, 3, 0, -3, -4)},
    'attn_2_1_outputs': {1: (-2, -1, -1, 1, 0), 4: (-4, -4, 1, 3, 5)},
    'num_attn_2_0_outputs': {1: (8, 28, -5, -6, -26), 2: (23, 48, -6, -16, -57),
                             3: (36, 60, -12, -36, -80), 4: (-8, 78, 0, -44, -120),
                             5: (-31, 99, 29, -26, -115), 6: (0, 99, -14, -34, -105)},
    'num_attn_2_1_outputs': {0: (-8, -14, -66, 7, 61), 1: (-2, -2, -4, 5, 6),
                             2: (20, 12, 30, -7, -62), 3: (4, 33, 60, -26, -138),
                             4: (32, 23, 106, -18, -181), 5: (-35, 47, 175, 4, -203)},
    'num_attn_2_2_outputs': {1: (14, 9, -1, -10, -13), 2: (17, 22, -5, -26, -38),
                             3: (9, 19, -10, -34, -56), 4: (28, 26, -10, -34, -60)},
    'num_attn_2_3_outputs': {1: (-5, 47, -2, -11, -28), 2: (14, 56, -4, -28, -52),
                             3: (10, 67, -22, -45, -84), 4: (-23, 88, -15, -49, -106),
                             5: (-9, 109, 13, -31, -108), 6: (-1, 112, 5, -15, -97)},
    'mlp_2_0_outputs': {3: (2, 7, 1, -3, -10), 8: (-10, 8, 5, 1, -6)},
    'mlp_2_1_outputs': {4: (-16, 3, 3, -4, 16), 5: (-5, 0, 7, -6, 8), 7: (-20, 10, 7, -6, 7)},
    'mlp_2_2_outputs': {5: (-7, -8, -1, 12, 27), 6: (-8, -8, -1, 12, 24), 7: (-15, -6, 1, 12, 22)},
    'mlp_2_3_outputs': {2: (-19, -17, 0, -4, 15), 3: (-26, -11, -1, 3, 7), 4: (-17, -5, 2, -16, -7),
                        5: (-37, -19, 5, 10, 9), 6: (-15, -42, 7, 18, 16),
                        7: (-17, -20, -19, 11, 24), 8: (-18, -15, -5, 3, 13)},
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
    attn_0_0_outputs = attend(tokens, positions, tokens, attn_0_0_pattern)
    attn_0_1_outputs = attend(tokens, positions, tokens, attn_0_1_pattern)
    attn_0_2_outputs = attend(tokens, positions, tokens, attn_0_2_pattern)
    attn_0_3_outputs = attend(tokens, positions, tokens, attn_0_3_pattern)
    num_attn_0_0_outputs = count(tokens, positions, num_attn_0_0_pattern)
    num_attn_0_1_outputs = count(tokens, positions, num_attn_0_1_pattern)
    num_attn_0_2_outputs = count(tokens, positions, num_attn_0_2_pattern)
    num_attn_0_3_outputs = count(tokens, positions, num_attn_0_3_pattern)
    mlp_0_0_outputs = [mlp_0_0_table.get(positions[i], 0) for i in range(n)]
    mlp_0_1_outputs = [mlp_0_1_table.get(positions[i], 0) for i in range(n)]
    mlp_0_2_outputs = [mlp_0_2_table.get(positions[i], 2) for i in range(n)]
    mlp_0_3_outputs = [mlp_0_3_table.get((positions[i], attn_0_0_outputs[i]), 0) for i in range(n)]
    attn_1_0_outputs = attend(positions, positions, tokens, attn_1_0_pattern)
    attn_1_2_outputs = attend(tokens, positions, attn_0_3_outputs, attn_1_2_pattern)
    attn_1_3_outputs = attend(tokens, positions, tokens, attn_1_3_pattern)
    num_attn_1_0_outputs = count(tokens, mlp_0_2_outputs, num_attn_1_0_pattern)
    num_attn_1_1_outputs = count(tokens, mlp_0_1_outputs, num_attn_1_1_pattern)
    num_attn_1_2_outputs = count(num_attn_0_0_outputs, mlp_0_0_outputs, num_attn_1_2_pattern)
    num_attn_1_3_outputs = count(tokens, mlp_0_3_outputs, num_attn_1_3_pattern)
    mlp_1_0_outputs = [mlp_1_0_table.get((positions[i], attn_0_1_outputs[i]), 1) for i in range(n)]
    mlp_1_1_outputs = [mlp_1_1_table.get(positions[i], 0) for i in range(n)]
    mlp_1_2_outputs = [mlp_1_2_table.get(positions[i], 3) for i in range(n)]
    mlp_1_3_outputs = [mlp_1_3_table.get((positions[i], num_attn_1_1_outputs[i]), 2) for i in range(n)]
    attn_2_0_outputs = attend(attn_0_0_outputs, num_attn_0_3_outputs, tokens, attn_2_0_pattern)
    attn_2_1_outputs = attend(tokens, positions, attn_1_0_outputs, attn_2_1_pattern)
    num_attn_2_0_outputs = count(tokens, mlp_1_2_outputs, num_attn_2_0_pattern)
    num_attn_2_1_outputs = count(tokens, mlp_0_2_outputs, num_attn_2_1_pattern)
    num_attn_2_2_outputs = count(mlp_1_3_outputs, mlp_0_3_outputs, num_attn_2_2_pattern)
    num_attn_2_3_outputs = count(tokens, attn_1_2_outputs, num_attn_2_3_pattern)
    mlp_2_0_outputs = [mlp_2_0_table.get((positions[i], attn_0_2_outputs[i]), 2) for i in range(n)]
    mlp_2_1_outputs = [mlp_2_1_table.get((attn_1_2_outputs[i], positions[i]), 5) for i in range(n)]
    mlp_2_2_outputs = [mlp_2_2_table.get(positions[i], 7) for i in range(n)]
    mlp_2_3_outputs = [mlp_2_3_table.get((num_attn_2_0_outputs[i], positions[i]), 4) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
