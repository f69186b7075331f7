"""Transformer Program for 'most_freq', decompiled by weightsmith. Standalone: no imports.

run(tokens) -> one label per position; tokens[0] is normally 'BOS', at most 8 tokens.
Layers: 3; per layer 4 categorical heads, 4 numerical heads, 4 MLPs (0 of 36 modules unused and left out).
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
    """query: positions, key: positions; None: no key"""
    return key == {1: None, 2: 1, 3: 2, 5: 6, 6: 7, 7: 4}.get(query, 5)


def attn_0_1_pattern(key, query):
    """query: positions, key: positions"""
    return key == {0: 5, 4: 6, 5: 7, 7: 5}.get(query, query + 1)


def attn_0_2_pattern(key, query):
    """query: positions, key: positions"""
    return key == {1: 4, 2: 1, 5: 7, 6: 7}.get(query, query - 4)


def attn_0_3_pattern(key, query):
    """query: positions, key: positions; None: no key"""
    return key == {0: 5, 1: 1, 5: 7, 6: 7, 7: 6}.get(query, None)


def num_attn_0_0_pattern(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {0: 0, 1: 4, 6: 5, 7: None}.get(query, 1)


def num_attn_0_1_pattern(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {0: 0, 1: 0, 2: 'BOS', 6: None, 7: None}.get(query, 4)


def num_attn_0_2_pattern(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {0: 0, 1: 'BOS', 6: None, 7: 0}.get(query, 2)


def num_attn_0_3_pattern(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {0: 0, 1: 'BOS', 7: None}.get(query, 3)

# mlp_0_0: reads (attn_0_1_outputs, positions); every other input gives 3
mlp_0_0_table = {('BOS', 0): 4, ('BOS', 1): 1, ('BOS', 6): 1, ('BOS', 7): 4, (0, 0): 4, (0, 1): 4,
                 (0, 4): 5, (0, 5): 4, (0, 6): 4, (0, 7): 1, (1, 0): 1, (1, 1): 6, (1, 2): 0,
                 (1, 3): 0, (1, 6): 4, (1, 7): 4, (2, 0): 1, (2, 1): 1, (2, 5): 5, (2, 6): 0,
                 (2, 7): 4, (3, 0): 8, (3, 1): 8, (3, 2): 4, (3, 3): 7, (3, 5): 5, (3, 6): 8,
                 (3, 7): 4, (4, 0): 5, (4, 1): 6, (4, 2): 4, (4, 6): 6, (4, 7): 5, (5, 0): 4,
                 (5, 1): 4, (5, 4): 0, (5, 5): 4, (5, 6): 7, (5, 7): 6}

# mlp_0_1: reads (tokens, attn_0_1_outputs); every other input gives 7
mlp_0_1_table = {('BOS', 1): 6, ('BOS', 2): 6, ('BOS', 3): 5, ('BOS', 4): 0, ('BOS', 5): 8,
                 (0, 0): 2, (0, 3): 4, (1, 1): 5, (1, 2): 3, (1, 3): 4, (1, 5): 3, (2, 'BOS'): 3,
                 (2, 0): 3, (2, 2): 1, (2, 3): 4, (3, 'BOS'): 4, (3, 0): 1, (3, 1): 4, (3, 2): 4,
                 (3, 4): 4, (3, 5): 0, (4, 3): 1, (4, 4): 8, (5, 'BOS'): 6, (5, 0): 6, (5, 1): 6,
                 (5, 2): 6, (5, 3): 6, (5, 4): 6, (5, 5): 4}

# mlp_0_2: reads (attn_0_1_outputs, attn_0_0_outputs); every other input gives 8
mlp_0_2_table = {('BOS', 'BOS'): 7, ('BOS', 2): 7, ('BOS', 4): 7, (0, 'BOS'): 7, (0, 0): 4,
                 (0, 1): 2, (0, 2): 7, (0, 4): 7, (0, 5): 5, (1, 0): 5, (1, 1): 6, (1, 4): 7,
                 (2, 2): 2, (2, 4): 7, (3, 'BOS'): 7, (3, 0): 7, (3, 2): 7, (3, 3): 3, (3, 4): 7,
                 (4, 'BOS'): 7, (4, 0): 7, (4, 1): 7, (4, 2): 7, (4, 3): 7, (4, 4): 6, (4, 5): 5,
                 (5, 4): 5, (5, 5): 2}

# mlp_0_3: reads (attn_0_1_outputs, attn_0_0_outputs); every other input gives 5
mlp_0_3_table = {('BOS', 0): 1, ('BOS', 1): 6, ('BOS', 3): 0, (0, 0): 3, (0, 1): 1, (0, 2): 1,
                 (0, 3): 3, (1, 'BOS'): 4, (1, 0): 2, (1, 2): 1, (1, 3): 4, (1, 4): 8, (1, 5): 7,
                 (2, 0): 3, (2, 1): 6, (2, 2): 8, (2, 3): 3, (2, 5): 7, (3, 'BOS'): 4, (3, 0): 4,
                 (3, 1): 0, (3, 2): 3, (3, 4): 7, (3, 5): 7, (4, 1): 6, (4, 2): 3, (4, 3): 7,
                 (4, 4): 3, (4, 5): 6, (5, 0): 1, (5, 1): 6, (5, 2): 6, (5, 3): 0, (5, 5): 3}


def attn_1_0_pattern(key, query):
    """query: positions, key: positions"""
    return key == {1: 1, 2: 2, 6: 6, 7: 5}.get(query, query + 7)


def attn_1_1_pattern(key, query):
    """query: positions, key: num_attn_0_0_outputs"""
    return key == {1: 0, 2: 2, 6: 7, 7: 7}.get(query, 8)


def attn_1_2_pattern(key, query):
    """query: positions, key: positions; None: no key"""
    return key == {1: 1, 3: None, 4: None, 5: 6}.get(query, 7)


def attn_1_3_pattern(key, query):
    """query: positions, key: num_attn_0_2_outputs"""
    return key == {0: 5, 1: 1, 2: 2, 6: 7, 7: 2}.get(query, 8)


def num_attn_1_0_pattern(key, query):
    """query: attn_0_0_outputs, key: tokens; None: no key"""
    return key == {2: None}.get(query, 2)


def num_attn_1_1_pattern(key, query):
    """query: attn_0_2_outputs, key: tokens; None: no key"""
    return key == {'BOS': 5, 0: 'BOS', 3: 'BOS', 5: 5}.get(query, None)


def num_attn_1_2_pattern(key, query):
    """query: attn_0_0_outputs, key: tokens; None: no key"""
    return key == {1: None}.get(query, 1)


def num_attn_1_3_pattern(key, query):
    """query: positions, key: tokens"""
    return key == {1: 5, 2: 'BOS', 6: 'BOS'}.get(query, 4)

# mlp_1_0: reads (tokens, attn_0_0_outputs); every other input gives 7
mlp_1_0_table = {('BOS', 1): 6, ('BOS', 4): 5, (0, 0): 6, (0, 1): 2, (0, 2): 8, (1, 0): 5,
                 (1, 2): 4, (1, 3): 5, (1, 4): 0, (1, 5): 1, (2, 'BOS'): 8, (2, 0): 0, (2, 1): 4,
                 (2, 2): 1, (2, 3): 8, (2, 4): 0, (2, 5): 8, (3, 'BOS'): 8, (3, 0): 5, (3, 1): 2,
                 (3, 2): 8, (3, 3): 0, (3, 4): 5, (3, 5): 8, (4, 'BOS'): 5, (4, 0): 1, (4, 1): 4,
                 (4, 2): 0, (4, 3): 5, (4, 4): 2, (4, 5): 1, (5, 1): 0, (5, 2): 8, (5, 3): 8,
                 (5, 5): 3}

# mlp_1_1: reads (tokens, attn_0_1_outputs); every other input gives 7
mlp_1_1_table = {('BOS', 1): 0, ('BOS', 2): 1, ('BOS', 3): 6, ('BOS', 4): 6, (0, 0): 3, (0, 2): 2,
                 (0, 3): 2, (0, 4): 0, (1, 1): 1, (1, 2): 0, (1, 3): 6, (1, 4): 0, (2, 'BOS'): 2,
                 (2, 0): 0, (2, 1): 6, (2, 2): 4, (2, 3): 6, (2, 4): 6, (2, 5): 6, (3, 2): 6,
                 (3, 3): 5, (3, 4): 6, (3, 5): 6, (4, 'BOS'): 6, (4, 2): 6, (4, 3): 6, (4, 4): 3,
                 (5, 'BOS'): 6, (5, 1): 6, (5, 2): 6, (5, 3): 1, (5, 4): 8, (5, 5): 0}

# mlp_1_2: reads (attn_0_1_outputs, tokens); every other input gives 1
mlp_1_2_table = {('BOS', 'BOS'): 7, ('BOS', 1): 8, ('BOS', 4): 8, (0, 0): 6, (0, 1): 8,
                 (1, 'BOS'): 8, (1, 0): 7, (1, 2): 7, (1, 3): 8, (1, 4): 8, (1, 5): 6, (2, 1): 7,
                 (2, 2): 5, (3, 1): 8, (3, 2): 7, (3, 3): 6, (3, 5): 8, (4, 1): 8, (4, 5): 8,
                 (5, 'BOS'): 7, (5, 1): 8, (5, 5): 7}

# mlp_1_3: reads (attn_0_0_outputs, tokens); every other input gives 6
mlp_1_3_table = {('BOS', 0): 3, ('BOS', 2): 5, (0, 'BOS'): 1, (0, 1): 5, (0, 2): 1, (0, 3): 2,
                 (0, 4): 3, (0, 5): 3, (1, 'BOS'): 0, (1, 0): 1, (1, 1): 3, (1, 5): 3, (2, 0): 3,
                 (2, 1): 4, (2, 2): 3, (2, 5): 3, (3, 'BOS'): 2, (3, 0): 3, (3, 1): 0, (3, 3): 5,
                 (4, 'BOS'): 0, (4, 0): 1, (4, 4): 3, (5, 'BOS'): 3, (5, 0): 3, (5, 5): 0}


def attn_2_0_pattern(key, query):
    """query: positions, key: num_attn_1_1_outputs"""
    return key == {0: 6, 1: 3, 2: 2, 3: 8, 4: 8}.get(query, 7)


def attn_2_1_pattern(key, query):
    """query: positions, key: positions; None: no key"""
    return key == {1: 1, 4: 5, 5: 6, 6: 6, 7: 7}.get(query, None)


def attn_2_2_pattern(key, query):
    """query: positions, key: num_attn_0_0_outputs"""
    return key == {1: 3, 5: 7, 6: 1, 7: 7}.get(query, 8)


def attn_2_3_pattern(key, query):
    """query: positions, key: num_attn_0_3_outputs"""
    return key == {1: 3, 2: 2, 3: 8, 4: 8}.get(query, 7)


def num_attn_2_0_pattern(key, query):
    """query: attn_0_0_outputs, key: tokens; None: no key"""
    return key == {3: None}.get(query, 3)


def num_attn_2_1_pattern(key, query):
    """query: attn_0_0_outputs, key: tokens; None: no key"""
    return key == {0: None, 1: 1, 3: 3, 4: 4}.get(query, 'BOS')


def num_attn_2_2_pattern(key, query):
    """query: attn_1_3_outputs, key: tokens"""
    return key == {0: 2, 1: 2, 2: 'BOS', 3: 2, 4: 2, 5: 2}.get(query, query)


def num_attn_2_3_pattern(key, query):
    """query: attn_0_2_outputs, key: tokens"""
    return key == {4: 'BOS'}.get(query, 4)

# mlp_2_0: reads attn_0_2_outputs; every other input gives 3
mlp_2_0_table = {1: 8, 2: 2, 3: 7, 4: 5}

# mlp_2_1: reads attn_0_1_outputs; every other input gives 5
mlp_2_1_table = {'BOS': 1, 3: 1, 4: 1}

# mlp_2_2: reads attn_0_1_outputs; every other input gives 7
mlp_2_2_table = {0: 5, 2: 5, 3: 5, 5: 6}

# mlp_2_3: reads (attn_0_1_outputs, attn_0_0_outputs); every other input gives 8
mlp_2_3_table = {('BOS', 5): 0, (0, 0): 3, (0, 1): 5, (0, 2): 2, (0, 3): 1, (0, 5): 7, (1, 0): 1,
                 (1, 1): 1, (1, 4): 3, (1, 5): 7, (2, 2): 7, (2, 5): 0, (3, 0): 1, (3, 2): 0,
                 (3, 3): 0, (3, 5): 7, (4, 3): 3, (4, 4): 1, (4, 5): 5, (5, 'BOS'): 7, (5, 0): 7,
                 (5, 1): 7, (5, 2): 0, (5, 3): 7, (5, 4): 5}


classes = (0, 1, 2, 3, 4, 5)
classifier_bias = (60, 38, -2, 59, -2, -45)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'tokens': {0: (21, -17, -13, -15, -1, -11), 1: (-18, 20, -15, 1, -28, 3),
               2: (-12, -12, 18, -7, -17, -9), 3: (-14, -10, -8, 13, -8, 11),
               4: (-15, -22, -2, -4, 23, -1), 5: (3, 6, -3, -19, -8, 1)},
    'positions': {1: (12, 6, -29, -7, 6, 15), 3: (-8, -5, 4, 5, 12, 0), 4: (0, -6, 12, 0, -6, -5),
                  5: (4, -6, 16, -1, -8, -11), 6: (32, -52, 87, -33, -62, -8)},
    'attn_0_0_outputs': {0: (16, -17, 14, -11, -2, -22), 1: (-14, 40, 2, -29, -23, -32),
                         2: (15, -24, 42, -26, -36, -32), 3: (3, -31, 14, 24, 0, -23),
                         4: (12, -24, 14, -13, 7, -15), 5: (9, -22, 22, -18, -12, -5)},
    'attn_0_1_outputs': {0: (6, -7, -11, -10, 7, 0), 1: (-16, 12, -8, 7, -4, -3),
                         2: (-15, -4, 8, -3, 7, -7), 3: (-14, 1, -6, 5, 2, 4),
                         4: (-9, -8, -5, -7, 15, 5), 5: (-12, -5, -1, -3, 9, 7)},
    'attn_0_2_outputs': {0: (14, 7, -2, -5, 3, -25), 1: (-5, 2, -17, -21, -15, 36),
                         2: (-6, -8, -2, -16, -8, 40), 3: (1, -3, -5, 6, -3, -10),
                         4: (-12, -11, -15, -21, 9, 33), 5: (-5, -11, -15, -15, -11, 25)},
    'attn_0_3_outputs': {0: (21, -25, -21, -9, -18, -8), 1: (-9, 2, -4, -2, -7, 0),
                         2: (-23, -23, 21, -9, -8, -8), 3: (-14, -20, -9, 18, -15, -3),
                         4: (-13, -23, -2, -3, 16, -7), 5: (-14, -13, -1, -2, -7, 12)},
    'num_attn_0_0_outputs': {0: (1, 36, 4, 9, -41, 4), 1: (-19, 57, -11, -12, -58, -13),
                             2: (30, -61, 10, 1, 32, 15), 3: (39, -203, 28, 20, 192, 30),
                             4: (68, -213, 25, 6, 211, 51), 5: (-36, -242, 28, 47, 201, 116)},
    'num_attn_0_1_outputs': {0: (-30, 0, 3, 6, 29, 20), 1: (-41, -5, -1, -5, 20, 29),
                             2: (57, 18, 4, 1, -44, -65), 3: (176, -33, -31, -21, -122, -182),
                             4: (164, -29, -29, -25, -100, -227)},
    'num_attn_0_2_outputs': {0: (20, 17, -61, 7, -3, 6), 1: (-20, -19, 45, -20, -16, -17),
                             2: (16, 18, -44, 21, 32, 28), 3: (55, 58, -140, 62, 73, 68),
                             4: (56, 60, -145, 72, 76, 64)},
    'num_attn_0_3_outputs': {0: (5, 8, 15, -54, -5, 8), 1: (-10, -12, -15, 67, -28, -11),
                             2: (19, 16, 15, -87, 43, 19), 3: (13, 11, 10, -107, 174, 8),
                             4: (62, 47, 34, -209, 233, 54)},
    'mlp_0_0_outputs': {1: (-41, 8, 18, -12, -2, -19), 3: (-9, 11, 0, 3, 2, -5),
                        4: (-9, 9, 1, -6, -3, -5), 5: (-4, 8, -3, -2, -1, -3),
                        6: (-29, 16, 7, -17, 13, -13), 7: (-9, 11, -3, -1, -5, -4),
                        8: (-22, 12, -8, 7, -2, -5)},
    'mlp_0_1_outputs': {1: (-6, -6, -4, -14, 6, 6), 2: (-31, -1, 11, -15, 19, 36),
                        3: (-5, -13, 5, -32, 12, 15), 4: (-5, -11, -6, -11, 3, 5),
                        5: (14, -38, 22, -42, 56, 25), 6: (-33, -27, -16, -25, -7, 56),
                        7: (-4, -5, 0, -28, 8, 18), 8: (17, -1, 1, -15, -19, 30)},
    'mlp_0_2_outputs': {3: (-2, -1, 12, -15, -2, 13), 4: (-40, 2, 18, 2, 29, 35),
                        5: (3, -5, 3, -9, -6, 10), 6: (-1, -8, 18, -14, -14, 11),
                        7: (-6, -13, 10, -15, 1, 9), 8: (-6, -4, 7, -14, -7, 21)},
    'mlp_0_3_outputs': {1: (7, -1, -2, -7, 6, 4), 2: (-6, 0, 6, -20, 5, 16),
                        3: (2, 2, -1, -3, 4, 3), 4: (-2, 4, -1, -9, -4, 9),
                        5: (0, -1, -1, -7, 9, 10), 6: (3, 6, -3, 1, 4, 1), 7: (5, 0, -1, -4, 0, 3),
                        8: (10, 0, -7, -14, 4, 12)},
    'attn_1_0_outputs': {0: (7, -8, 1, 2, -1, 4), 1: (15, -26, 0, 1, -3, 2),
                         2: (-44, 48, -2, -7, -4, -10), 3: (-17, 3, -1, -4, 6, -2)},
    'attn_1_1_outputs': {0: (7, 3, 0, 1, 1, 2), 1: (10, 1, -7, -15, -2, -3),
                         2: (-19, -13, 15, 11, -3, 3), 3: (-30, 13, 16, 34, -22, 9),
                         4: (-75, 25, 49, 71, -11, 14)},
    'attn_1_2_outputs': {1: (-11, 13, -10, -5, -12, -4), 2: (-6, -5, 6, -1, -7, -4),
                         3: (-14, -5, -10, 17, -6, -3), 4: (-15, -6, -9, -2, 13, 1),
                         5: (-14, -6, -11, 1, -7, 14)},
    'attn_1_3_outputs': {0: (18, 3, 1, -17, -17, -24), 1: (21, 6, -2, -15, -22, -17),
                         2: (-20, -36, 57, -39, -39, -39), 3: (18, 3, -4, -10, -15, -15),
                         4: (26, 4, 2, -18, -15, -17), 5: (21, -2, 2, -15, -14, -13)},
    'num_attn_1_0_outputs': {0: (-1, 1, -20, 9, 14, 9), 1: (10, 7, -16, 5, -1, 1),
                             2: (-14, -14, 38, -22, -33, -27), 3: (-48, -51, 112, -61, -70, -68),
                             4: (-49, -52, 96, -81, -71, -60)},
    'num_attn_1_1_outputs': {0: (10, 8, 9, 11, 7, -54), 1: (-11, -13, -13, -13, -14, 40),
                             2: (12, 9, 7, 9, 10, -22), 3: (16, 18, 14, 16, 21, -39)},
    'num_attn_1_2_outputs': {0: (10, -71, 10, 8, 32, 11), 1: (-1, -14, -2, 0, 23, 1),
                             2: (-34, 69, -19, -11, -59, -21), 3: (-47, 173, -40, -32, -224, -43),
                             4: (-83, 161, -52, -12, -247, -69),
                             5: (-78, 154, -30, -87, -224, -126)},
    'num_attn_1_3_outputs': {0: (19, 0, 1, -1, 17, -22), 1: (21, 1, 0, 0, 14, -45),
                             2: (-52, -11, -6, -10, -33, 76), 3: (-202, 7, 3, -12, -70, 160),
                             4: (-201, -61, -54, -54, -79, 170)},
    'mlp_1_0_outputs': {1: (0, 0, -13, 5, 8, 1), 2: (1, 9, -4, 4, -23, 3),
                        3: (12, 5, 14, 23, 16, -29), 4: (-3, 11, -5, 2, -12, -2),
                        5: (-2, -3, -8, 6, 0, -2), 6: (-65, 22, 22, 34, 25, 32),
                        7: (1, -10, -1, 4, -2, 3), 8: (-4, -11, 7, 8, -5, -1)},
    'mlp_1_1_outputs': {1: (2, -3, -3, 17, -7, -8), 2: (-9, -2, 8, -8, -1, 4),
                        3: (-11, 9, 7, -1, -19, 6), 4: (2, 0, -16, -1, 9, 18),
                        5: (8, -4, 9, -20, 2, 3), 6: (-2, -5, 0, -8, 6, 3),
                        7: (1, 0, -2, -3, -7, -5), 8: (1, -2, 0, 2, -8, 0)},
    'mlp_1_2_outputs': {5: (4, 2, -17, -1, 16, 14), 6: (0, 5, 1, 1, 15, -15),
                        7: (-6, -1, 0, -4, 9, -1), 8: (0, 1, 0, -8, 17, -7)},
    'mlp_1_3_outputs': {1: (-11, -6, -19, -13, -20, 34), 2: (-14, -12, -12, -15, -22, 29),
                        3: (-13, -7, -19, -14, -25, 31), 4: (-19, -19, -2, -14, -8, 31),
                        5: (-14, -12, -9, -29, -17, 32), 6: (-16, -6, -18, -15, -16, 32)},
    'attn_2_0_outputs': {0: (-28, -28, -14, -25, -15, 39), 1: (-27, -17, -19, -31, -22, 41),
                         2: (-22, -21, -11, -22, -22, 41), 3: (-28, -25, -21, -20, -8, 39),
                         4: (-30, -26, -26, -24, -15, 41), 5: (-28, -31, -27, -27, -22, 40)},
    'attn_2_1_outputs': {0: (2, -8, -12, 2, 11, 0), 1: (-19, 11, -11, -2, 11, -4),
                         2: (-13, -1, 4, -3, 6, 0), 3: (-12, -4, -13, 13, 7, -2),
                         4: (-18, -4, -12, -5, 27, -4), 5: (-18, -8, -15, -1, 7, 17)},
    'attn_2_2_outputs': {0: (-63, 13, 14, 9, 6, 9), 1: (6, 3, 0, 0, -11, -9),
                         2: (38, -35, -20, -13, -1, 5), 3: (2, -5, -7, -23, 22, 5),
                         4: (3, 5, -23, -43, 23, 26)},
    'attn_2_3_outputs': {0: (-20, -22, -36, 80, -35, -34), 1: (-32, -15, -45, 79, -32, -31),
                         2: (-37, -31, -29, 84, -34, -28), 3: (-40, -35, -42, 78, -36, -44),
                         4: (-32, -35, -32, 78, -21, -30), 5: (-29, -25, -38, 78, -34, -26)},
    'num_attn_2_0_outputs': {0: (7, 4, 0, -31, 13, 6), 1: (-2, 0, 7, -29, 14, 2),
                             2: (-19, -14, -13, 71, -44, -19), 3: (-7, -7, -8, 87, -164, -6),
                             4: (-52, -49, -33, 168, -235, -57)},
    'num_attn_2_1_outputs': {0: (8, -12, -3, -6, 4, -6), 1: (-4, -1, -4, -2, 22, -3),
                             2: (-5, 5, 3, 15, -23, 3), 3: (14, 21, 21, 32, -144, 24),
                             4: (4, 24, 31, 48, -156, 23)},
    'num_attn_2_2_outputs': {0: (15, 12, -24, 0, 2, 3), 1: (1, 4, -10, 7, 3, 4),
                             2: (-48, -37, 48, -17, -21, -16), 3: (-38, -46, 53, -74, -39, -49),
                             4: (-5, -86, 89, -53, -159, -94)},
    'num_attn_2_3_outputs': {0: (14, 13, 12, 9, -94, 15), 1: (-3, -8, -7, -7, 17, -1),
                             2: (-23, -14, -6, -6, 70, -21)},
    'mlp_2_0_outputs': {2: (-6, -6, 1, -11, -8, 32), 3: (3, -2, 1, -3, -4, -4),
                        5: (-12, -9, -12, -16, 9, 25), 7: (1, -1, -2, 11, -3, -18),
                        8: (-5, 4, -14, -16, -15, 28)},
    'mlp_2_1_outputs': {1: (-3, -5, -3, 2, 2, 1), 5: (2, 3, 3, -2, -4, 2)},
    'mlp_2_2_outputs': {5: (3, -4, 3, 1, -4, -3), 6: (-6, -6, 1, -3, 0, 5),
                        7: (-3, 5, -4, -1, 1, -1)},
    'mlp_2_3_outputs': {1: (-1, -1, 4, 4, 8, -13), 2: (-2, 6, -1, 13, 11, -2),
                        3: (-12, 7, 12, 6, 6, -12), 5: (-12, -2, 6, 0, 8, 1),
                        7: (-7, 0, -3, 1, 3, -3), 8: (3, 4, 8, 3, 7, -16)},
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
    attn_0_1_outputs = attend(positions, positions, tokens, attn_0_1_pattern)
    attn_0_2_outputs = attend(positions, positions, tokens, attn_0_2_pattern)
    attn_0_3_outputs = attend(positions, positions, tokens, attn_0_3_pattern)
    num_attn_0_0_outputs = count(tokens, positions, num_attn_0_0_pattern)
    num_attn_0_1_outputs = count(tokens, positions, num_attn_0_1_pattern)
    num_attn_0_2_outputs = count(tokens, positions, num_attn_0_2_pattern)
    num_attn_0_3_outputs = count(tokens, positions, num_attn_0_3_pattern)
    mlp_0_0_outputs = [mlp_0_0_table.get((attn_0_1_outputs[i], positions[i]), 3) for i in range(n)]
    mlp_0_1_outputs = [mlp_0_1_table.get((tokens[i], attn_0_1_outputs[i]), 7) for i in range(n)]
    mlp_0_2_outputs = [mlp_0_2_table.get((attn_0_1_outputs[i], attn_0_0_outputs[i]), 8) for i in range(n)]
    mlp_0_3_outputs = [mlp_0_3_table.get((attn_0_1_outputs[i], attn_0_0_outputs[i]), 5) for i in range(n)]
    attn_1_0_outputs = attend(positions, positions, num_attn_0_0_outputs, attn_1_0_pattern, order='last')
    attn_1_1_outputs = attend(num_attn_0_0_outputs, positions, num_attn_0_3_outputs, attn_1_1_pattern, order='last')
    attn_1_2_outputs = attend(positions, positions, tokens, attn_1_2_pattern)
    attn_1_3_outputs = attend(num_attn_0_2_outputs, positions, tokens, attn_1_3_pattern, order='last')
    num_attn_1_0_outputs = count(tokens, attn_0_0_outputs, num_attn_1_0_pattern)
    num_attn_1_1_outputs = count(tokens, attn_0_2_outputs, num_attn_1_1_pattern)
    num_attn_1_2_outputs = count(tokens, attn_0_0_outputs, num_attn_1_2_pattern)
    num_attn_1_3_outputs = count(tokens, positions, num_attn_1_3_pattern)
    mlp_1_0_outputs = [mlp_1_0_table.get((tokens[i], attn_0_0_outputs[i]), 7) for i in range(n)]
    mlp_1_1_outputs = [mlp_1_1_table.get((tokens[i], attn_0_1_outputs[i]), 7) for i in range(n)]
    mlp_1_2_outputs = [mlp_1_2_table.get((attn_0_1_outputs[i], tokens[i]), 1) for i in range(n)]
    mlp_1_3_outputs = [mlp_1_3_table.get((attn_0_0_outputs[i], tokens[i]), 6) for i in range(n)]
    attn_2_0_outputs = attend(num_attn_1_1_outputs, positions, tokens, attn_2_0_pattern, order='last')
    attn_2_1_outputs = attend(positions, positions, tokens, attn_2_1_pattern)
    attn_2_2_outputs = attend(num_attn_0_0_outputs, positions, attn_1_1_outputs, attn_2_2_pattern, order='first')
    attn_2_3_outputs = attend(num_attn_0_3_outputs, positions, tokens, attn_2_3_pattern, order='last')
    num_attn_2_0_outputs = count(tokens, attn_0_0_outputs, num_attn_2_0_pattern)
    num_attn_2_1_outputs = count(tokens, attn_0_0_outputs, num_attn_2_1_pattern)
    num_attn_2_2_outputs = count(tokens, attn_1_3_outputs, num_attn_2_2_pattern)
    num_attn_2_3_outputs = count(tokens, attn_0_2_outputs, num_attn_2_3_pattern)
    mlp_2_0_outputs = [mlp_2_0_table.get(attn_0_2_outputs[i], 3) for i in range(n)]
    mlp_2_1_outputs = [mlp_2_1_table.get(attn_0_1_outputs[i], 5) for i in range(n)]
    mlp_2_2_outputs = [mlp_2_2_table.get(attn_0_1_outputs[i], 7) for i in range(n)]
    mlp_2_3_outputs = [mlp_2_3_table.get((attn_0_1_outputs[i], attn_0_0_outputs[i]), 8) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
