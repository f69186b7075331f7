"""Transformer Program for 'reverse', decompiled by weightsmith. Standalone: no imports.

run(tokens) -> one label per position; tokens[0] is normally 'BOS', at most 8 tokens.
Layers: 3; per layer 4 categorical heads, 4 numerical heads, 2 MLPs (0 of 30 modules unused and left out).
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
    """query: positions, key: positions"""
    return key == {1: 5, 2: 5, 4: 3, 5: 2, 6: 1, 7: 3}.get(query, query + 1)


def attn_0_1_pattern(key, query):
    """query: positions, key: positions"""
    return key == {1: 6, 2: 7, 3: 7, 4: 7, 7: 3}.get(query, 1)


def attn_0_2_pattern(key, query):
    """query: positions, key: positions"""
    return key == {0: 1, 5: 2, 6: 1, 7: 3}.get(query, query + 3)


def attn_0_3_pattern(key, query):
    """query: positions, key: positions"""
    return key == {0: 1, 1: 6, 3: 7, 4: 2, 6: 1, 7: 3}.get(query, query + 2)


def num_attn_0_0_pattern(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {0: 0, 1: 1, 2: 1, 4: 1}.get(query, None)


def num_attn_0_1_pattern(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {0: 0, 3: None, 5: None, 6: None}.get(query, 'BOS')


def num_attn_0_2_pattern(key, query):
    """query: positions, key: positions; None: no key"""
    return key == {0: 1, 1: 6, 2: 4, 4: 4, 7: None}.get(query, 0)


def num_attn_0_3_pattern(key, query):
    """query: tokens, key: tokens"""
    return key == {0: 'BOS', 'EOS': 'BOS'}.get(query, 0)

# mlp_0_0: reads attn_0_0_outputs; every other input gives 3
mlp_0_0_table = {0: 4, 1: 4, 2: 5, 3: 8, 'EOS': 6}

# mlp_0_1: reads (attn_0_2_outputs, attn_0_0_outputs); every other input gives 3
mlp_0_1_table = {('BOS', 0): 0, (0, 0): 1, (0, 1): 7, (0, 2): 7, (0, 3): 8, (0, 4): 0,
                 (0, 'EOS'): 6, (1, 'BOS'): 7, (1, 0): 6, (1, 2): 7, (1, 3): 8, (1, 4): 6,
                 (2, 0): 0, (2, 1): 0, (2, 3): 0, (2, 4): 2, (2, 'EOS'): 7, (3, 'BOS'): 0,
                 (3, 0): 6, (3, 1): 0, (3, 2): 0, (3, 4): 2, (3, 'EOS'): 8, (4, 'BOS'): 7,
                 (4, 0): 6, (4, 1): 6, (4, 2): 7, (4, 3): 4, (4, 4): 7, (4, 'EOS'): 2,
                 ('EOS', 0): 6, ('EOS', 2): 7, ('EOS', 3): 8, ('EOS', 4): 2, ('EOS', 'EOS'): 0}


def attn_1_0_pattern(key, query):
    """query: positions, key: attn_0_2_outputs; None: no key"""
    return key == {0: 3, 1: 'BOS', 2: 'BOS', 4: 4, 6: None}.get(query, 'EOS')


def attn_1_1_pattern(key, query):
    """query: positions, key: attn_0_2_outputs"""
    return key == {1: 4, 2: 'BOS', 4: 2}.get(query, 'EOS')


def attn_1_2_pattern(key, query):
    """query: positions, key: positions"""
    return key == {0: 7, 4: 7, 6: 6, 7: 3}.get(query, query + 2)


def attn_1_3_pattern(key, query):
    """query: positions, key: attn_0_2_outputs"""
    return key == {1: 2, 2: 'BOS', 4: 1}.get(query, 'EOS')


def num_attn_1_0_pattern(key, query):
    """query: positions, key: attn_0_2_outputs; None: no key"""
    return key == {0: 2, 5: None, 6: 'EOS'}.get(query, 4)


def num_attn_1_1_pattern(key, query):
    """query: positions, key: attn_0_2_outputs; None: no key"""
    return key == {5: 'EOS', 6: None}.get(query, 1)


def num_attn_1_2_pattern(key, query):
    """query: attn_0_2_outputs, key: num_attn_0_2_outputs"""
    return key == {'BOS': 6, 1: 8, 2: 0, 3: 5, 'EOS': 8}.get(query, 7)


def num_attn_1_3_pattern(key, query):
    """query: mlp_0_1_outputs, key: tokens; None: no key"""
    return key == {1: None, 4: None}.get(query, 4)

# mlp_1_0: reads attn_0_2_outputs; every other input gives 7
mlp_1_0_table = {1: 4, 2: 1, 3: 6, 4: 2, 'EOS': 0}

# mlp_1_1: reads (attn_0_0_outputs, attn_0_1_outputs); every other input gives 2
mlp_1_1_table = {('BOS', 1): 7, ('BOS', 2): 6, ('BOS', 3): 4, ('BOS', 4): 6, ('BOS', 'EOS'): 7,
                 (0, 'BOS'): 1, (0, 1): 1, (0, 2): 1, (0, 3): 6, (0, 4): 6, (0, 'EOS'): 8,
                 (1, 'BOS'): 4, (1, 1): 7, (1, 2): 4, (1, 3): 4, (1, 'EOS'): 0, (2, 'BOS'): 8,
                 (2, 1): 6, (2, 2): 6, (2, 3): 4, (2, 'EOS'): 1, (3, 'BOS'): 3, (3, 0): 3,
                 (3, 1): 3, (3, 2): 4, (3, 4): 5, (3, 'EOS'): 8, (4, 'BOS'): 8, (4, 0): 8,
                 (4, 1): 7, (4, 2): 3, (4, 4): 6, (4, 'EOS'): 5, ('EOS', 0): 1, ('EOS', 2): 8,
                 ('EOS', 3): 3, ('EOS', 4): 7, ('EOS', 'EOS'): 6}


def attn_2_0_pattern(key, query):
    """query: positions, key: attn_0_2_outputs; None: no key"""
    return key == {1: 1, 3: 'EOS', 4: 0}.get(query, None)


def attn_2_1_pattern(key, query):
    """query: positions, key: num_attn_0_1_outputs"""
    return key == {1: 0, 3: 7, 5: 6, 6: 8, 7: 7}.get(query, query + 3)


def attn_2_2_pattern(key, query):
    """query: positions, key: attn_0_2_outputs; None: no key"""
    return key == {1: 'BOS', 2: 'BOS', 3: 'EOS', 4: 4, 5: 'EOS'}.get(query, None)


def attn_2_3_pattern(key, query):
    """query: attn_0_1_outputs, key: num_attn_0_1_outputs"""
    return key == {'BOS': 0, 'EOS': 0}.get(query, 7)


def num_attn_2_0_pattern(key, query):
    """query: attn_1_1_outputs, key: attn_1_3_outputs"""
    return key == {'BOS': 'EOS', 0: 4, 1: 2, 3: 2, 'EOS': 2}.get(query, query)


def num_attn_2_1_pattern(key, query):
    """query: attn_1_2_outputs, key: attn_1_1_outputs"""
    return key == {'BOS': 4, 0: 4, 1: 4, 2: 3, 'EOS': 4}.get(query, query)


def num_attn_2_2_pattern(key, query):
    """query: positions, key: attn_1_3_outputs"""
    return key == {3: 1}.get(query, 3)


def num_attn_2_3_pattern(key, query):
    """query: attn_1_0_outputs, key: attn_1_2_outputs"""
    return key == {'BOS': 'EOS', 0: 2, 1: 4, 2: 3, 'EOS': 4}.get(query, query)

# mlp_2_0: reads (attn_0_2_outputs, attn_0_0_outputs); every other input gives 4
mlp_2_0_table = {('BOS', 'BOS'): 1, ('BOS', 0): 1, ('BOS', 1): 6, ('BOS', 2): 6, ('BOS', 3): 3,
                 ('BOS', 4): 5, ('BOS', 'EOS'): 1, (0, 1): 7, (0, 2): 7, (0, 'EOS'): 1, (1, 1): 8,
                 (1, 2): 8, (1, 'EOS'): 2, (2, 'BOS'): 2, (2, 0): 1, (2, 1): 2, (2, 2): 2,
                 (2, 3): 0, (2, 4): 2, (2, 'EOS'): 8, (3, 'BOS'): 5, (3, 0): 5, (3, 1): 5,
                 (3, 2): 8, (3, 3): 1, (3, 4): 5, (3, 'EOS'): 0, (4, 'BOS'): 3, (4, 0): 3,
                 (4, 1): 2, (4, 2): 3, (4, 3): 3, (4, 4): 6, ('EOS', 'BOS'): 6, ('EOS', 0): 1,
                 ('EOS', 1): 2, ('EOS', 2): 8, ('EOS', 3): 3, ('EOS', 'EOS'): 6}

# mlp_2_1: reads (attn_0_0_outputs, attn_0_3_outputs); every other input gives 7
mlp_2_1_table = {('BOS', 'BOS'): 3, ('BOS', 0): 0, ('BOS', 1): 2, ('BOS', 2): 0, ('BOS', 3): 2,
                 ('BOS', 4): 3, ('BOS', 'EOS'): 4, (0, 'BOS'): 1, (0, 0): 8, (0, 1): 2, (0, 2): 6,
                 (0, 3): 6, (0, 4): 1, (1, 1): 8, (1, 3): 8, (1, 4): 1, (1, 'EOS'): 4,
                 (2, 'BOS'): 3, (2, 0): 8, (2, 1): 2, (2, 2): 5, (2, 3): 2, (2, 4): 1,
                 (3, 'BOS'): 5, (3, 1): 5, (3, 3): 2, (3, 4): 5, (3, 'EOS'): 6, (4, 'BOS'): 6,
                 (4, 0): 8, (4, 1): 4, (4, 2): 6, (4, 3): 6, (4, 4): 0, (4, 'EOS'): 1,
                 ('EOS', 'BOS'): 8, ('EOS', 0): 2, ('EOS', 2): 3, ('EOS', 3): 5, ('EOS', 4): 6,
                 ('EOS', 'EOS'): 3}


classes = (0, 1, 2, 3, 4)
classifier_bias = (-247, 106, -241, -87, -9)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'positions': {1: (7, 3, -6, -4, 8), 2: (-13, -21, 18, 3, 7), 3: (2, 33, -22, 4, -3),
                  4: (4, -6, 6, -1, -4), 5: (-2, 24, 3, 12, -36)},
    'attn_0_0_outputs': {0: (42, 17, -55, -3, -5), 1: (-7, 28, -22, 9, -9), 2: (-3, 12, 8, -14, 0),
                         3: (-17, 3, -28, 49, -49), 4: (9, 8, -1, -10, 3),
                         'EOS': (10, 22, -22, 13, -16)},
    'attn_0_1_outputs': {0: (35, -19, -38, -7, -21), 1: (-1, 20, -47, 22, -33),
                         2: (4, -11, 30, -34, -28), 3: (-32, 2, -78, 48, -50),
                         4: (-15, -12, -17, 42, 5), 'EOS': (31, -123, 38, 0, -37)},
    'attn_0_2_outputs': {0: (46, -36, -34, 0, -22), 1: (-20, 50, -48, -12, -29),
                         2: (18, -38, 10, 22, -16), 3: (-32, -11, -16, 37, -51),
                         4: (-17, -4, -18, -11, 28), 'EOS': (-7, 10, -8, 15, -2)},
    'attn_0_3_outputs': {0: (46, -15, -39, -25, -29), 1: (-41, 59, -41, -19, -56),
                         2: (-35, -28, 31, -16, -10), 3: (-19, -48, -34, 53, -5),
                         4: (8, -50, -19, -12, 61), 'EOS': (5, 5, -11, 0, 15)},
    'num_attn_0_0_outputs': {0: (3, -64, 7, 5, 3), 1: (0, 10, -5, -4, -3), 2: (-9, 36, -34, -12, 0),
                             3: (-13, 45, -60, -39, -16), 4: (-27, 63, -84, -74, -27),
                             5: (3, 44, -52, -38, -20)},
    'num_attn_0_1_outputs': {0: (1, 11, -9, 14, -11)},
    'num_attn_0_2_outputs': {1: (1, -6, 4, 1, 0)},
    'num_attn_0_3_outputs': {0: (-96, 2, 5, 4, -1), 1: (10, -3, -5, -5, 0),
                             3: (-12, 14, -2, 18, 2)},
    'mlp_0_0_outputs': {4: (12, 15, -18, 2, -6), 5: (5, 16, 0, -9, -2), 6: (7, 7, -5, 1, -6),
                        8: (-3, 11, -13, 22, -35)},
    'mlp_0_1_outputs': {1: (-4, 39, -25, -17, 18), 2: (-19, -13, 3, -58, 36), 3: (-7, 4, 8, -2, -9),
                        6: (71, -27, -12, -63, -84), 7: (-21, -19, 32, -14, -12),
                        8: (-34, -18, 10, 30, -6)},
    'attn_1_0_outputs': {0: (5, 22, 10, -42, -31), 1: (-16, 10, 20, -35, -19),
                         2: (6, 13, 12, -38, -31), 3: (-11, -15, -6, 16, -27),
                         4: (-2, 2, 0, 14, -31), 'EOS': (18, 20, -10, 30, -67)},
    'attn_1_1_outputs': {0: (-6, 8, 25, -11, 6), 1: (-11, 4, 16, -9, 14), 2: (2, 7, 4, -19, -1),
                         3: (-9, -5, 15, 2, -8), 4: (0, 9, 19, -6, -12),
                         'EOS': (21, 30, -47, 43, 6)},
    'attn_1_2_outputs': {0: (35, -21, -19, -24, -33), 1: (-22, 48, -23, -25, -35),
                         2: (-23, -5, 30, -28, -34), 3: (-20, -6, -34, 28, -37),
                         4: (-34, -9, -28, -26, 48), 'EOS': (-16, 19, 19, 2, -46)},
    'attn_1_3_outputs': {0: (39, -49, -24, 2, -44), 1: (-5, 6, -27, 2, -38),
                         2: (-31, -53, 35, -7, -33), 3: (2, -55, -5, 27, -29),
                         4: (-8, -46, -4, -35, 30), 'EOS': (23, -77, 24, 52, 40)},
    'num_attn_1_0_outputs': {1: (8, 4, 7, 12, -51), 2: (12, -2, 20, 24, -80),
                             3: (22, 2, 27, 42, -93), 4: (41, -19, 25, 30, -88),
                             5: (30, -8, 27, 38, -86)},
    'num_attn_1_1_outputs': {1: (-1, -25, 6, -2, 2), 2: (12, -53, 20, 6, 9),
                             3: (22, -81, 37, 45, 21), 4: (53, -105, 56, 61, 19),
                             5: (11, -127, 66, 45, 16)},
    'num_attn_1_2_outputs': {1: (-63, -35, 99, -72, -96)},
    'num_attn_1_3_outputs': {0: (3, -1, 6, 4, -104), 2: (-15, 4, -25, -24, 32),
                             3: (-44, -4, -32, -36, 23), 4: (-12, 3, -30, -37, 28)},
    'mlp_1_0_outputs': {1: (23, -38, 12, 10, -23), 2: (-5, -12, -4, -20, 13),
                        4: (-8, 14, -29, -19, -21), 6: (-21, -17, -7, 16, -40),
                        7: (12, -14, 7, -13, 2)},
    'mlp_1_1_outputs': {1: (67, -153, 183, 129, 118), 2: (111, -170, 133, 121, 155),
                        3: (149, -149, 133, 62, 191), 4: (110, -185, 150, 126, 131),
                        5: (-43, -259, -43, 70, 280), 6: (112, -158, 131, 135, 130),
                        7: (94, -155, 75, 89, 159), 8: (146, -153, 93, 153, 125)},
    'attn_2_0_outputs': {0: (41, -20, -48, -7, -66), 1: (-42, 62, -41, -4, -38),
                         2: (-19, -2, 23, -9, -35), 3: (-38, 20, -9, 27, -32),
                         4: (-23, -19, -15, -9, 30), 'EOS': (-74, 67, 30, 57, 21)},
    'attn_2_1_outputs': {0: (71, -54, -69, -20, -42), 1: (-34, 49, -27, -48, -34),
                         2: (-84, -90, 75, -32, -42), 3: (-39, -71, -29, 62, -38),
                         4: (-45, -40, -51, -19, 58)},
    'attn_2_2_outputs': {0: (-13, 7, 1, 14, 2), 1: (4, -1, -11, 13, -3), 2: (-3, -3, -4, 12, 3),
                         3: (5, 26, 5, -17, -2), 4: (-13, 6, -13, -23, 3),
                         'EOS': (8, 10, 8, 7, -63)},
    'attn_2_3_outputs': {0: (6, -19, 17, -15, -4), 1: (3, -13, 21, -5, -6),
                         2: (-12, -20, 28, -9, -10), 3: (-15, -20, 3, 13, 4),
                         4: (-7, -11, 23, -11, 9)},
    'num_attn_2_0_outputs': {1: (-1, -4, 1, -5, 5), 3: (-8, 15, -11, -34, 5), 4: (-8, 6, 1, 8, -9),
                             5: (6, 1, -7, 9, -9), 6: (10, 17, -29, 23, -8),
                             7: (19, 24, -27, 42, 5)},
    'num_attn_2_1_outputs': {2: (-4, -7, 2, -13, 12), 5: (-1, 5, 2, 5, -19), 6: (-9, 6, 8, 3, -26)},
    'num_attn_2_2_outputs': {1: (0, 7, -2, -4, 3), 2: (-1, 10, 2, -10, 10), 3: (1, 35, 4, -41, 13),
                             4: (1, 41, 1, -45, 12), 5: (5, 45, -6, -42, 24),
                             6: (-12, 49, -12, -41, 34), 7: (3, 50, -3, -52, 9)},
    'num_attn_2_3_outputs': {1: (2, 16, 7, -8, -18), 2: (3, 4, -10, 15, -3), 3: (7, 5, -4, 1, -18),
                             4: (-10, -1, -9, -19, -8)},
    'mlp_2_0_outputs': {1: (53, 55, 67, -71, 17), 2: (12, 141, 55, -96, 12),
                        3: (47, 56, 75, -66, -3), 4: (36, 46, 78, -90, 44),
                        5: (55, 50, 93, -69, -11), 6: (49, 67, 62, -64, 6),
                        7: (-2, 68, 98, -65, 20), 8: (24, 55, 102, -81, 10)},
    'mlp_2_1_outputs': {1: (-6, -9, 34, 25, 42), 2: (46, 10, 24, 27, -40), 3: (74, 9, 5, 25, -11),
                        4: (49, 34, 22, 23, -68), 5: (76, 15, 38, -27, 17),
                        6: (49, 15, 40, 50, -95), 7: (99, -59, 45, 13, -19),
                        8: (80, -15, 30, 18, -53)},
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
    attn_0_0_outputs = attend(positions, positions, tokens, attn_0_0_pattern, order='last')
    attn_0_1_outputs = attend(positions, positions, tokens, attn_0_1_pattern, order='last')
    attn_0_2_outputs = attend(positions, positions, tokens, attn_0_2_pattern, order='last')
    attn_0_3_outputs = attend(positions, positions, tokens, attn_0_3_pattern, order='last')
    num_attn_0_0_outputs = count(tokens, positions, num_attn_0_0_pattern)
    num_attn_0_1_outputs = count(tokens, positions, num_attn_0_1_pattern)
    num_attn_0_2_outputs = count(positions, positions, num_attn_0_2_pattern)
    num_attn_0_3_outputs = count(tokens, tokens, num_attn_0_3_pattern)
    mlp_0_0_outputs = [mlp_0_0_table.get(attn_0_0_outputs[i], 3) for i in range(n)]
    mlp_0_1_outputs = [mlp_0_1_table.get((attn_0_2_outputs[i], attn_0_0_outputs[i]), 3) for i in range(n)]
    attn_1_0_outputs = attend(attn_0_2_outputs, positions, tokens, attn_1_0_pattern)
    attn_1_1_outputs = attend(attn_0_2_outputs, positions, tokens, attn_1_1_pattern, order='last')
    attn_1_2_outputs = attend(positions, positions, attn_0_2_outputs, attn_1_2_pattern, order='last')
    attn_1_3_outputs = attend(attn_0_2_outputs, positions, tokens, attn_1_3_pattern, order='first')
    num_attn_1_0_outputs = count(attn_0_2_outputs, positions, num_attn_1_0_pattern)
    num_attn_1_1_outputs = count(attn_0_2_outputs, positions, num_attn_1_1_pattern)
    num_attn_1_2_outputs = count(num_attn_0_2_outputs, attn_0_2_outputs, num_attn_1_2_pattern)
    num_attn_1_3_outputs = count(tokens, mlp_0_1_outputs, num_attn_1_3_pattern)
    mlp_1_0_outputs = [mlp_1_0_table.get(attn_0_2_outputs[i], 7) for i in range(n)]
    mlp_1_1_outputs = [mlp_1_1_table.get((attn_0_0_outputs[i], attn_0_1_outputs[i]), 2) for i in range(n)]
    attn_2_0_outputs = attend(attn_0_2_outputs, positions, tokens, attn_2_0_pattern)
    attn_2_1_outputs = attend(num_attn_0_1_outputs, positions, tokens, attn_2_1_pattern, order='last')
    attn_2_2_outputs = attend(attn_0_2_outputs, positions, tokens, attn_2_2_pattern, order='last')
    attn_2_3_outputs = attend(num_attn_0_1_outputs, attn_0_1_outputs, tokens, attn_2_3_pattern, order='first')
    num_attn_2_0_outputs = count(attn_1_3_outputs, attn_1_1_outputs, num_attn_2_0_pattern)
    num_attn_2_1_outputs = count(attn_1_1_outputs, attn_1_2_outputs, num_attn_2_1_pattern)
    num_attn_2_2_outputs = count(attn_1_3_outputs, positions, num_attn_2_2_pattern)
    num_attn_2_3_outputs = count(attn_1_2_outputs, attn_1_0_outputs, num_attn_2_3_pattern)
    mlp_2_0_outputs = [mlp_2_0_table.get((attn_0_2_outputs[i], attn_0_0_outputs[i]), 4) for i in range(n)]
    mlp_2_1_outputs = [mlp_2_1_table.get((attn_0_0_outputs[i], attn_0_3_outputs[i]), 7) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
