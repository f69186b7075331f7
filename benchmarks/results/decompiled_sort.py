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
    return key == {1: 0, 2: 1, 3: 1, 5: 4, 6: 4, 7: 2}.get(query, 3)


def attn_0_1_pattern(key, query):
    """query: positions, key: tokens"""
    return key == {1: 0, 2: 0, 3: 1, 4: 2, 6: 4, 7: 2}.get(query, 3)


def attn_0_2_pattern(key, query):
    """query: positions, key: tokens"""
    return key == {1: 0, 2: 1, 3: 2, 4: 2, 6: 4, 7: 0}.get(query, 3)


def attn_0_3_pattern(key, query):
    """query: positions, key: tokens"""
    return key == {1: 0, 2: 1, 3: 1, 4: 2, 6: 4, 7: 2}.get(query, 3)


def num_attn_0_0_pattern(key, query):
    """query: positions, key: tokens"""
    return key == {0: 1, 3: 4, 4: 4, 5: 4, 6: 2}.get(query, 0)


def num_attn_0_1_pattern(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {1: 'BOS', 4: None, 5: None, 6: None, 7: 1}.get(query, 0)


def num_attn_0_2_pattern(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {0: 1, 1: 2, 2: 1, 6: None}.get(query, 0)


def num_attn_0_3_pattern(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {1: None, 2: 4, 3: 4, 4: 3, 5: 1}.get(query, 0)

# mlp_0_0: reads (positions, attn_0_0_outputs); every other input gives 0
mlp_0_0_table = {(0, 0): 2, (0, 1): 2, (0, 2): 2, (0, 3): 4, (1, 0): 2, (1, 1): 2, (2, 0): 2,
                 (2, 1): 2, (2, 2): 2, (3, 'BOS'): 4, (3, 0): 2, (3, 3): 4, (3, 'EOS'): 7,
                 (4, 'BOS'): 4, (4, 1): 8, (4, 2): 4, (4, 3): 4, (4, 4): 8, (4, 'EOS'): 4,
                 (5, 'BOS'): 7, (5, 0): 7, (5, 2): 7, (5, 3): 7, (5, 4): 7, (6, 'BOS'): 8,
                 (6, 0): 8, (6, 1): 8, (6, 2): 4, (6, 3): 4, (6, 4): 7, (6, 'EOS'): 7,
                 (7, 'BOS'): 2, (7, 0): 2, (7, 1): 2, (7, 2): 2, (7, 3): 2, (7, 4): 4,
                 (7, 'EOS'): 2}

# mlp_0_1: reads (attn_0_3_outputs, positions); every other input gives 2
mlp_0_1_table = {('BOS', 0): 5, ('BOS', 1): 7, ('BOS', 2): 8, ('BOS', 3): 4, ('BOS', 5): 5,
                 (0, 0): 7, (0, 1): 3, (0, 4): 8, (1, 1): 7, (1, 2): 3, (1, 3): 8, (1, 4): 5,
                 (1, 5): 5, (2, 1): 7, (2, 2): 3, (2, 3): 4, (2, 5): 5, (3, 1): 7, (3, 2): 7,
                 (3, 4): 4, (3, 5): 5, (3, 6): 5, (4, 2): 8, (4, 3): 8, (4, 4): 4, (4, 5): 5,
                 (4, 6): 5, (4, 7): 4, ('EOS', 0): 5, ('EOS', 1): 7, ('EOS', 2): 8, ('EOS', 5): 5,
                 ('EOS', 6): 5}

# mlp_0_2: reads positions; every other input gives 0
mlp_0_2_table = {1: 1, 2: 3, 4: 8, 5: 7, 6: 5, 7: 1}

# mlp_0_3: reads positions; every other input gives 0
mlp_0_3_table = {1: 1, 2: 7, 5: 3, 6: 8}


def attn_1_0_pattern(key, query):
    """query: positions, key: tokens"""
    return key == {1: 0, 2: 2, 3: 2, 6: 4, 7: 0}.get(query, 'EOS')


def attn_1_1_pattern(key, query):
    """query: positions, key: num_attn_0_0_outputs"""
    return key == {1: 2, 2: 3, 3: 3, 4: 1, 7: 1}.get(query, 0)


def attn_1_2_pattern(key, query):
    """query: positions, key: tokens"""
    return key == {0: 'BOS', 1: 1, 2: 0, 6: 3, 7: 2}.get(query, 'EOS')


def attn_1_3_pattern(key, query):
    """query: positions, key: attn_0_2_outputs"""
    return key == {2: 0, 3: 2, 4: 0, 5: 4, 6: 3}.get(query, 'BOS')


def num_attn_1_0_pattern(key, query):
    """query: mlp_0_2_outputs, key: num_attn_0_2_outputs"""
    return key == {1: 1, 3: 2, 7: 4}.get(query, 3)


def num_attn_1_1_pattern(key, query):
    """query: mlp_0_3_outputs, key: tokens"""
    return key == 3


def num_attn_1_2_pattern(key, query):
    """query: mlp_0_3_outputs, key: tokens"""
    return key == 2


def num_attn_1_3_pattern(key, query):
    """query: positions, key: num_attn_0_3_outputs"""
    return key == {0: 3, 4: 2, 5: 3, 6: 7, 7: 2}.get(query, query - 1)

# mlp_1_0: reads positions; every other input gives 2
mlp_1_0_table = {0: 5, 1: 3, 2: 3, 3: 4, 6: 5}

# mlp_1_1: reads (attn_1_2_outputs, positions); every other input gives 2
mlp_1_1_table = {('BOS', 0): 5, ('BOS', 1): 5, ('BOS', 2): 4, ('BOS', 3): 4, ('BOS', 4): 4,
                 ('BOS', 5): 4, ('BOS', 6): 5, (0, 1): 3, (0, 2): 0, (0, 3): 7, (0, 4): 0,
                 (1, 0): 3, (1, 1): 3, (1, 3): 4, (1, 4): 4, (1, 5): 0, (1, 6): 7, (2, 0): 0,
                 (2, 1): 3, (2, 2): 3, (2, 4): 4, (2, 5): 4, (2, 6): 0, (3, 0): 7, (3, 1): 5,
                 (3, 2): 0, (3, 3): 4, (3, 5): 4, (3, 6): 0, (4, 0): 5, (4, 1): 5, (4, 2): 4,
                 (4, 3): 0, (4, 4): 0, (4, 5): 7, (4, 6): 7, ('EOS', 1): 5, ('EOS', 2): 0,
                 ('EOS', 3): 0, ('EOS', 4): 4, ('EOS', 6): 7}

# mlp_1_2: reads (positions, attn_0_0_outputs); every other input gives 0
mlp_1_2_table = {(0, 'BOS'): 3, (0, 0): 3, (0, 1): 1, (0, 2): 1, (0, 3): 1, (0, 4): 4,
                 (1, 'BOS'): 1, (1, 0): 2, (1, 1): 4, (1, 2): 4, (1, 3): 1, (1, 4): 1,
                 (1, 'EOS'): 2, (2, 'BOS'): 3, (2, 0): 3, (2, 1): 3, (2, 2): 3, (2, 3): 1,
                 (3, 0): 3, (3, 3): 1, (4, 0): 3, (5, 0): 1, (5, 1): 1, (6, 'BOS'): 2, (6, 0): 1,
                 (6, 1): 1, (6, 3): 2, (6, 4): 4, (6, 'EOS'): 1, (7, 'BOS'): 2, (7, 0): 2,
                 (7, 1): 2, (7, 2): 2, (7, 3): 2, (7, 4): 2, (7, 'EOS'): 2}

# mlp_1_3: reads (positions, attn_0_1_outputs); every other input gives 0
mlp_1_3_table = {(0, 0): 2, (0, 1): 2, (1, 'BOS'): 8, (1, 0): 2, (1, 1): 8, (1, 2): 8, (1, 3): 2,
                 (1, 4): 2, (1, 'EOS'): 2, (2, 'BOS'): 7, (2, 0): 7, (2, 2): 6, (2, 3): 5,
                 (2, 4): 7, (2, 'EOS'): 7, (3, 'BOS'): 5, (3, 0): 8, (3, 1): 6, (3, 2): 6,
                 (3, 3): 7, (3, 4): 7, (4, 'BOS'): 3, (4, 0): 7, (4, 1): 7, (4, 2): 3, (4, 4): 7,
                 (4, 'EOS'): 1, (5, 0): 8, (5, 1): 5, (6, 'BOS'): 2, (6, 0): 2, (6, 1): 2,
                 (6, 4): 1, (6, 'EOS'): 1, (7, 'BOS'): 2, (7, 0): 2, (7, 1): 2, (7, 2): 2,
                 (7, 3): 2, (7, 4): 3, (7, 'EOS'): 2}


def attn_2_0_pattern(key, query):
    """query: num_attn_1_3_outputs, key: num_attn_1_0_outputs"""
    return key == {0: 2, 3: 1, 4: 1, 7: 1, 8: 1}.get(query, 0)


def attn_2_2_pattern(key, query):
    """query: positions, key: num_attn_1_3_outputs"""
    return key == {1: 1, 2: 2, 5: 1}.get(query, 0)


def attn_2_3_pattern(key, query):
    """query: num_attn_1_0_outputs, key: num_attn_1_1_outputs"""
    return key == {0: 2, 4: 0, 6: 0}.get(query, 1)


def num_attn_2_0_pattern(key, query):
    """query: mlp_0_2_outputs, key: tokens"""
    return key == {5: 'EOS'}.get(query, 1)


def num_attn_2_1_pattern(key, query):
    """query: attn_1_0_outputs, key: tokens"""
    return key == {'BOS': 0, 2: 0, 3: 0, 4: 0, 'EOS': 0}.get(query, query)


def num_attn_2_2_pattern(key, query):
    """query: attn_1_0_outputs, key: tokens"""
    return key == {'BOS': 1, 0: 1, 2: 1, 3: 1, 4: 1, 'EOS': 1}.get(query, query)


def num_attn_2_3_pattern(key, query):
    """query: mlp_1_0_outputs, key: mlp_1_2_outputs"""
    return key == {5: 3}.get(query, 2)

# mlp_2_0: reads (positions, attn_2_0_outputs); every other input gives 7
mlp_2_0_table = {(0, 0): 1, (1, 'BOS'): 1, (1, 0): 1, (1, 1): 1, (1, 2): 1, (2, 3): 5,
                 (4, 'BOS'): 1, (4, 3): 1, (4, 4): 5, (5, 0): 5, (6, 0): 5, (6, 'EOS'): 5}

# mlp_2_1: reads (positions, attn_2_3_outputs); every other input gives 2
mlp_2_1_table = {(1, 'BOS'): 4, (1, 1): 4, (1, 2): 4, (1, 3): 3, (1, 'EOS'): 3, (2, 'BOS'): 3,
                 (2, 0): 3, (2, 2): 3, (2, 3): 3, (7, 1): 3, (7, 2): 3}


classes = (0, 1, 2, 3, 4)
classifier_bias = (-166, -75, 24, 53, 23)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'positions': {2: (9, 18, 8, -11, -16), 5: (-24, -20, -1, 12, 12)},
    'attn_0_0_outputs': {0: (34, -25, -8, -6, -1), 4: (-32, -29, -21, 5, 18)},
    'attn_0_1_outputs': {0: (28, 35, 7, -22, -40)},
    'attn_0_2_outputs': {0: (38, -25, -12, -8, 3), 3: (-15, -16, -7, 5, 12)},
    'attn_0_3_outputs': {0: (33, -24, -10, -6, -1), 1: (6, 3, -3, -3, -2),
                         3: (-12, -15, -6, 4, 11)},
    'num_attn_0_0_outputs': {0: (5, 15, 12, 0, -31), 1: (-7, 3, 6, 2, -7),
                             2: (-5, -54, -29, -1, 37), 3: (-43, -84, -53, -2, 40),
                             4: (-3, -43, -70, 3, 65), 5: (13, -13, -44, 33, 3)},
    'num_attn_0_1_outputs': {0: (-25, -25, -2, 11, 16), 1: (-17, 16, 8, -2, -6),
                             2: (51, 0, -27, -50, -64), 3: (103, -89, -61, -72, -78),
                             4: (51, -38, -27, -26, -37)},
    'num_attn_0_2_outputs': {0: (-37, -34, -11, 7, 24), 1: (-14, -12, -1, 4, 7),
                             2: (-17, 45, 11, -20, -48), 3: (15, 58, -2, -57, -117),
                             4: (79, 29, -23, -85, -149), 5: (146, 11, -57, -91, -135),
                             6: (115, -26, 8, -50, -108)},
    'num_attn_0_3_outputs': {2: (-21, -2, 4, 5, -3), 3: (-49, -11, 3, 16, -10),
                             4: (-56, -26, 0, 16, -2), 5: (-47, 8, -21, -24, 5),
                             6: (61, -6, 7, -24, -63)},
    'mlp_0_0_outputs': {2: (5, -5, -1, -6, 6), 4: (-7, -12, -3, 2, 15), 7: (-19, -18, -8, 4, 22),
                        8: (-19, -10, 0, 12, 7)},
    'mlp_0_1_outputs': {3: (18, 10, 3, -9, -16), 4: (-5, 5, 4, 2, -8), 5: (-19, -9, -7, 2, 14),
                        7: (9, 25, 4, -12, -23), 8: (9, 10, 4, 0, -12)},
    'mlp_0_2_outputs': {3: (6, 0, -3, -2, 2), 5: (-22, -22, -18, 3, 30), 7: (-22, -20, -11, 9, 19),
                        8: (-5, -21, -9, 6, 18)},
    'mlp_0_3_outputs': {1: (33, 9, -3, -14, -22), 3: (-15, -10, -4, 3, 10), 7: (19, 8, 1, -6, -9),
                        8: (-10, -10, -4, 6, 5)},
    'attn_1_0_outputs': {0: (34, -15, 4, -7, -1), 2: (19, 13, 9, -6, -9), 4: (16, -6, -8, -18, 18)},
    'attn_1_1_outputs': {2: (4, 5, 2, 1, -4), 4: (-1, 2, 3, 1, -1)},
    'attn_1_2_outputs': {2: (-2, 10, 10, -2, -11), 3: (-4, 3, 1, 1, -2)},
    'attn_1_3_outputs': {0: (5, 10, 0, -3, -6), 1: (5, 10, 3, -3, -8), 2: (2, 9, 2, -1, -5),
                         3: (1, 11, 2, -2, -5), 4: (0, 10, 2, -2, -5)},
    'num_attn_1_0_outputs': {1: (1, 22, 17, -10, -25), 2: (-15, 33, 16, -6, -44),
                             3: (16, 34, -10, -31, -71), 4: (27, 34, -13, -38, -83)},
    'num_attn_1_1_outputs': {0: (16, 12, -4, -79, 34), 1: (-4, 0, 2, 3, -1),
                             2: (-25, -24, 1, 31, -17), 3: (-46, -32, 10, 51, -65),
                             4: (-53, -26, 13, 68, -105), 5: (-46, -34, 20, 103, -101)},
    'num_attn_1_2_outputs': {0: (1, -14, -111, -2, 47), 2: (9, 18, 34, -15, -77),
                             3: (6, 15, 62, -27, -134), 4: (-31, 51, 110, -43, -187),
                             5: (-74, 27, 153, -48, -145), 6: (-21, -22, 122, -19, -121)},
    'num_attn_1_3_outputs': {1: (-8, 12, 10, 0, -10), 2: (-15, 23, 18, 6, -27),
                             3: (-34, 24, 6, -8, -41), 4: (-25, 32, 5, -14, -54),
                             5: (-52, 30, 11, -5, -67), 6: (-64, 38, 16, 13, -32),
                             7: (-64, 44, 8, -44, -20)},
    'mlp_1_0_outputs': {3: (48, 27, 6, -21, -36), 4: (14, 17, 6, -7, -14)},
    'mlp_1_1_outputs': {2: (6, -4, -12, -9, 18), 3: (20, 7, -13, -22, 7), 4: (-1, -3, -4, -6, 5),
                        5: (4, 4, 9, -13, -8), 7: (-3, -8, -18, -12, 21)},
    'mlp_1_2_outputs': {1: (10, 12, 0, -10, -14), 2: (6, -18, -8, 13, -2), 3: (6, 6, 0, -7, 0),
                        4: (2, -15, -17, -16, 29)},
    'mlp_1_3_outputs': {1: (19, -3, -13, -21, 23), 2: (35, 2, -1, -5, -8), 3: (20, 9, 1, -11, -1),
                        5: (18, 7, 4, -9, -6), 6: (21, 12, 2, -11, -4), 7: (22, 17, 6, -9, -8),
                        8: (15, 39, 6, -21, -22)},
    'attn_2_2_outputs': {2: (6, 11, -2, 2, 0), 3: (1, 7, -4, 0, 1), 4: (3, 9, -2, 0, 0)},
    'num_attn_2_0_outputs': {0: (-19, -88, -16, 14, 36), 1: (-3, -12, 6, 5, -1),
                             2: (26, 22, 6, -23, -51), 3: (26, 39, -11, -70, -115),
                             4: (16, 84, -12, -95, -119), 5: (10, 123, -26, -70, -135)},
    'num_attn_2_1_outputs': {1: (56, 30, 9, -11, -32), 2: (94, 47, 14, -25, -69),
                             3: (50, 54, 5, -52, -93), 4: (113, 96, 5, -92, -152),
                             5: (174, 117, 41, -70, -193), 6: (159, 24, 2, -61, -133)},
    'num_attn_2_2_outputs': {0: (-22, -97, -15, 9, 42), 2: (36, 29, 6, -27, -67),
                             3: (35, 38, -12, -61, -103), 4: (49, 90, 10, -75, -146),
                             5: (40, 120, 34, -72, -166)},
    'num_attn_2_3_outputs': {0: (-33, -35, -14, 7, 21), 1: (-8, -2, 2, 4, -4),
                             2: (18, 12, 0, -16, -45), 3: (36, 20, -12, -47, -67)},
    'mlp_2_0_outputs': {5: (-12, 1, 1, 5, 2), 7: (-3, 2, -2, 6, -3)},
    'mlp_2_1_outputs': {3: (17, 7, 0, -5, -3), 4: (13, 10, 0, -9, -11)},
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
    mlp_0_0_outputs = [mlp_0_0_table.get((positions[i], attn_0_0_outputs[i]), 0) for i in range(n)]
    mlp_0_1_outputs = [mlp_0_1_table.get((attn_0_3_outputs[i], positions[i]), 2) for i in range(n)]
    mlp_0_2_outputs = [mlp_0_2_table.get(positions[i], 0) for i in range(n)]
    mlp_0_3_outputs = [mlp_0_3_table.get(positions[i], 0) for i in range(n)]
    attn_1_0_outputs = attend(tokens, positions, tokens, attn_1_0_pattern)
    attn_1_1_outputs = attend(num_attn_0_0_outputs, positions, tokens, attn_1_1_pattern)
    attn_1_2_outputs = attend(tokens, positions, attn_0_3_outputs, attn_1_2_pattern)
    attn_1_3_outputs = attend(attn_0_2_outputs, positions, tokens, attn_1_3_pattern)
    num_attn_1_0_outputs = count(num_attn_0_2_outputs, mlp_0_2_outputs, num_attn_1_0_pattern)
    num_attn_1_1_outputs = count(tokens, mlp_0_3_outputs, num_attn_1_1_pattern)
    num_attn_1_2_outputs = count(tokens, mlp_0_3_outputs, num_attn_1_2_pattern)
    num_attn_1_3_outputs = count(num_attn_0_3_outputs, positions, num_attn_1_3_pattern)
    mlp_1_0_outputs = [mlp_1_0_table.get(positions[i], 2) for i in range(n)]
    mlp_1_1_outputs = [mlp_1_1_table.get((attn_1_2_outputs[i], positions[i]), 2) for i in range(n)]
    mlp_1_2_outputs = [mlp_1_2_table.get((positions[i], attn_0_0_outputs[i]), 0) for i in range(n)]
    mlp_1_3_outputs = [mlp_1_3_table.get((positions[i], attn_0_1_outputs[i]), 0) for i in range(n)]
    attn_2_0_outputs = attend(num_attn_1_0_outputs, num_attn_1_3_outputs, tokens, attn_2_0_pattern)
    attn_2_2_outputs = attend(num_attn_1_3_outputs, positions, tokens, attn_2_2_pattern)
    attn_2_3_outputs = attend(num_attn_1_1_outputs, num_attn_1_0_outputs, tokens, attn_2_3_pattern)
    num_attn_2_0_outputs = count(tokens, mlp_0_2_outputs, num_attn_2_0_pattern)
    num_attn_2_1_outputs = count(tokens, attn_1_0_outputs, num_attn_2_1_pattern)
    num_attn_2_2_outputs = count(tokens, attn_1_0_outputs, num_attn_2_2_pattern)
    num_attn_2_3_outputs = count(mlp_1_2_outputs, mlp_1_0_outputs, num_attn_2_3_pattern)
    mlp_2_0_outputs = [mlp_2_0_table.get((positions[i], attn_2_0_outputs[i]), 7) for i in range(n)]
    mlp_2_1_outputs = [mlp_2_1_table.get((positions[i], attn_2_3_outputs[i]), 2) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
