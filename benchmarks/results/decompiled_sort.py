"""Transformer Program for 'sort', decompiled by weightsmith. Standalone: no imports.

run(tokens) -> one label per position; tokens[0] is normally 'BOS', at most 8 tokens.
Layers: 3; per layer 4 categorical heads, 4 numerical heads, 4 MLPs (1 of 36 modules unused and left out).
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

# mlp_0_0: reads (positions, attn_0_0_outputs); every other input gives 4
mlp_0_0_table = {(0, 0): 2, (0, 1): 2, (0, 2): 2, (1, 0): 2, (1, 1): 2, (2, 0): 2, (2, 1): 2,
                 (2, 2): 2, (3, 0): 2, (3, 1): 3, (3, 2): 3, (3, 'EOS'): 7, (5, 'BOS'): 7,
                 (5, 0): 7, (5, 2): 7, (5, 3): 7, (5, 4): 7, (6, 4): 7, (6, 'EOS'): 7,
                 (7, 'BOS'): 2, (7, 0): 2, (7, 1): 2, (7, 2): 2, (7, 3): 2, (7, 'EOS'): 2}

# mlp_0_1: reads (attn_0_3_outputs, positions); every other input gives 2
mlp_0_1_table = {('BOS', 1): 7, ('BOS', 2): 8, (0, 0): 7, (0, 1): 3, (0, 4): 8, (1, 1): 7,
                 (1, 2): 3, (1, 3): 8, (2, 1): 7, (2, 2): 3, (3, 1): 7, (3, 2): 7, (4, 2): 8,
                 (4, 3): 8, ('EOS', 1): 7, ('EOS', 2): 8}

# mlp_0_2: reads positions; every other input gives 4
mlp_0_2_table = {1: 1, 2: 3, 3: 0, 5: 7, 6: 5, 7: 2}

# mlp_0_3: reads positions; every other input gives 2
mlp_0_3_table = {1: 1, 2: 7, 4: 4, 5: 3, 6: 8}


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
    return key == {1: 1, 2: 1, 3: 2, 7: 4}.get(query, 3)


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
                 (2, 1): 3, (2, 2): 3, (2, 4): 4, (2, 5): 4, (2, 6): 6, (3, 0): 7, (3, 1): 5,
                 (3, 2): 0, (3, 3): 4, (3, 5): 4, (3, 6): 6, (4, 0): 5, (4, 1): 5, (4, 2): 4,
                 (4, 3): 0, (4, 4): 0, (4, 5): 7, (4, 6): 7, ('EOS', 1): 5, ('EOS', 2): 0,
                 ('EOS', 3): 0, ('EOS', 4): 4, ('EOS', 6): 7}

# mlp_1_2: reads (positions, attn_0_0_outputs); every other input gives 1
mlp_1_2_table = {(0, 'BOS'): 3, (0, 0): 3, (0, 4): 4, (0, 'EOS'): 0, (1, 0): 2, (1, 1): 4,
                 (1, 2): 4, (1, 'EOS'): 2, (2, 'BOS'): 3, (2, 0): 3, (2, 1): 3, (2, 2): 3,
                 (2, 4): 0, (2, 'EOS'): 0, (3, 'BOS'): 6, (3, 0): 3, (3, 1): 6, (3, 2): 7,
                 (3, 4): 0, (3, 'EOS'): 7, (4, 'BOS'): 7, (4, 0): 3, (4, 1): 0, (4, 2): 7,
                 (4, 3): 7, (4, 4): 0, (4, 'EOS'): 7, (5, 'BOS'): 8, (5, 2): 8, (5, 3): 8,
                 (5, 4): 8, (5, 'EOS'): 8, (6, 'BOS'): 2, (6, 2): 8, (6, 3): 2, (6, 4): 4,
                 (7, 'BOS'): 2, (7, 0): 2, (7, 1): 2, (7, 2): 2, (7, 3): 2, (7, 4): 2,
                 (7, 'EOS'): 2}

# mlp_1_3: reads (positions, attn_0_1_outputs); every other input gives 0
mlp_1_3_table = {(0, 0): 2, (0, 1): 2, (1, 'BOS'): 8, (1, 0): 2, (1, 1): 8, (1, 2): 8, (1, 3): 2,
                 (1, 4): 2, (1, 'EOS'): 2, (2, 'BOS'): 7, (2, 0): 7, (2, 2): 6, (2, 3): 5,
                 (2, 4): 7, (2, 'EOS'): 7, (3, 'BOS'): 5, (3, 0): 8, (3, 1): 6, (3, 2): 6,
                 (3, 3): 7, (3, 4): 7, (4, 0): 7, (4, 1): 7, (4, 4): 7, (4, 'EOS'): 1, (5, 0): 8,
                 (5, 1): 5, (6, 'BOS'): 2, (6, 0): 2, (6, 1): 2, (6, 4): 1, (6, 'EOS'): 1,
                 (7, 'BOS'): 2, (7, 0): 2, (7, 1): 2, (7, 2): 2, (7, 3): 2, (7, 'EOS'): 2}


def attn_2_0_pattern(key, query):
    """query: num_attn_1_3_outputs, key: num_attn_1_0_outputs"""
    return key == {0: 2, 3: 1, 4: 1, 7: 1, 8: 1}.get(query, 0)


def attn_2_1_pattern(key, query):
    """query: mlp_1_0_outputs, key: attn_0_2_outputs"""
    return key == {4: 1}.get(query, 0)


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
mlp_2_0_table = {(0, 0): 1, (0, 1): 0, (1, 'BOS'): 1, (1, 0): 1, (1, 1): 1, (1, 2): 1, (1, 3): 0,
                 (1, 4): 4, (1, 'EOS'): 4, (2, 'BOS'): 4, (2, 0): 0, (2, 1): 2, (2, 2): 0,
                 (2, 3): 5, (2, 4): 3, (2, 'EOS'): 4, (3, 'BOS'): 0, (3, 0): 2, (3, 1): 2,
                 (3, 2): 0, (3, 3): 4, (3, 4): 4, (3, 'EOS'): 0, (4, 'BOS'): 1, (4, 0): 2,
                 (4, 1): 4, (4, 2): 0, (4, 3): 1, (4, 4): 5, (4, 'EOS'): 0, (5, 'BOS'): 3,
                 (5, 0): 5, (5, 1): 3, (5, 'EOS'): 8, (6, 0): 5, (6, 4): 8, (6, 'EOS'): 5,
                 (7, 0): 0, (7, 1): 0, (7, 2): 4, (7, 3): 4}

# mlp_2_1: reads (positions, attn_2_3_outputs); every other input gives 2
mlp_2_1_table = {(0, 'BOS'): 6, (0, 0): 8, (0, 1): 6, (1, 'BOS'): 4, (1, 0): 8, (1, 1): 4,
                 (1, 2): 4, (1, 3): 3, (1, 4): 8, (1, 'EOS'): 3, (2, 'BOS'): 3, (2, 0): 3,
                 (2, 1): 7, (2, 2): 3, (2, 3): 3, (2, 4): 7, (2, 'EOS'): 7, (3, 'BOS'): 0,
                 (3, 0): 0, (3, 1): 5, (3, 2): 1, (3, 3): 1, (3, 4): 5, (3, 'EOS'): 5, (4, 0): 8,
                 (4, 1): 6, (4, 4): 6, (5, 'BOS'): 6, (5, 0): 6, (5, 1): 6, (6, 0): 0,
                 (7, 'BOS'): 6, (7, 0): 8, (7, 1): 3, (7, 2): 3, (7, 3): 6, (7, 4): 6}

# mlp_2_3: reads (positions, attn_1_0_outputs); every other input gives 4
mlp_2_3_table = {(0, 0): 6, (0, 1): 6, (0, 2): 2, (1, 'BOS'): 6, (1, 0): 6, (1, 1): 6, (1, 2): 6,
                 (1, 3): 6, (1, 4): 8, (1, 'EOS'): 6, (2, 'BOS'): 3, (2, 0): 2, (2, 1): 2,
                 (2, 2): 1, (2, 3): 8, (2, 4): 2, (2, 'EOS'): 2, (3, 'BOS'): 3, (3, 1): 8,
                 (3, 2): 2, (3, 3): 3, (3, 4): 8, (3, 'EOS'): 3, (4, 'BOS'): 2, (4, 0): 2,
                 (4, 1): 3, (4, 2): 7, (4, 3): 7, (4, 4): 2, (4, 'EOS'): 7, (5, 'BOS'): 3,
                 (5, 0): 3, (5, 1): 3, (5, 2): 3, (5, 3): 7, (5, 'EOS'): 3, (6, 'BOS'): 8,
                 (6, 0): 8, (6, 3): 2, (6, 'EOS'): 8, (7, 0): 6, (7, 1): 6, (7, 2): 1, (7, 3): 2}


classes = (0, 1, 2, 3, 4)
classifier_bias = (-138, -114, 91, 41, -46)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'tokens': {0: (9, -4, -2, -8, -11)},
    'positions': {1: (18, 6, -6, -20, -27), 2: (16, 15, 4, -21, -26), 5: (-37, -10, 7, 12, 9)},
    'attn_0_0_outputs': {'BOS': (-1, 32, 26, -13, -37), 0: (21, -38, -13, -13, -13),
                         3: (-49, -11, -3, 38, -26), 4: (-18, -40, -25, -10, 29)},
    'attn_0_1_outputs': {0: (53, 5, -4, -78, -27), 3: (-7, -51, -34, 8, 22),
                         4: (14, -35, -26, -44, 25)},
    'attn_0_2_outputs': {0: (25, -45, -9, -11, -17), 1: (17, 23, -4, -40, -48),
                         2: (-18, 10, 24, 2, -46), 3: (-30, -50, -24, 33, 14),
                         4: (-9, -34, -16, -19, 17)},
    'attn_0_3_outputs': {0: (30, -43, -28, -10, -5), 1: (12, 19, -13, -24, -24),
                         3: (-25, -48, -43, 34, 26), 4: (-4, -32, -35, -18, 29)},
    'num_attn_0_0_outputs': {0: (-1, 65, 41, -9, -143), 1: (-21, 58, 39, 7, -76),
                             2: (34, -90, -58, 12, 110), 3: (-28, -95, -94, -23, 113),
                             4: (44, -47, -140, -69, 95), 5: (19, -22, -133, 10, 29)},
    'num_attn_0_1_outputs': {0: (-36, -44, 7, 23, 33), 1: (-21, 60, 25, -27, -36),
                             2: (58, 56, -20, -87, -95), 3: (109, -154, -61, -56, -77)},
    'num_attn_0_2_outputs': {0: (-34, -61, -5, 42, 41), 1: (-33, -18, 14, 4, 30),
                             2: (-36, 69, -3, -41, -62), 3: (49, 88, -12, -49, -111),
                             4: (143, -32, -65, -92, -219), 5: (199, -54, -174, -161, -299),
                             6: (212, -43, -80, -89, -317)},
    'num_attn_0_3_outputs': {0: (18, 6, -7, -12, -25), 1: (32, 4, -4, -24, 11),
                             2: (-30, -3, 20, 12, -6), 3: (-98, -26, 21, 61, -29),
                             4: (-96, -119, -2, 63, 51), 5: (-149, 39, -25, -65, 113)},
    'mlp_0_0_outputs': {3: (-30, -4, 17, 26, 11), 4: (-24, -4, 24, 29, 8),
                        7: (-50, -31, 11, 32, 46)},
    'mlp_0_1_outputs': {3: (35, 19, -13, -33, -37), 7: (-14, 45, 12, -42, -72),
                        8: (19, -4, 5, 6, -13)},
    'mlp_0_2_outputs': {0: (3, 2, 6, 0, -16), 1: (18, 6, -6, -20, -27), 3: (16, 15, 4, -21, -26),
                        5: (-19, -19, -7, 8, 14), 7: (-37, -10, 7, 12, 9)},
    'mlp_0_3_outputs': {2: (-15, -4, 12, 20, 11), 3: (-55, -16, 13, 32, 36),
                        4: (-31, -11, 7, 25, 35), 7: (-2, 9, 10, -1, 1), 8: (-37, -25, -1, 28, 41)},
    'attn_1_0_outputs': {'BOS': (-3, 10, -37, 20, -1), 0: (21, -38, -13, -13, -13),
                         2: (3, 27, 24, -25, -55), 4: (-13, -27, -20, -21, 21),
                         'EOS': (-25, -9, 8, 9, 15)},
    'attn_1_1_outputs': {0: (44, -17, -11, -18, -3), 1: (60, -9, -1, -11, 2),
                         3: (41, -12, -3, -8, 7), 4: (40, -21, 0, -9, 6)},
    'attn_1_2_outputs': {1: (17, 24, -24, -3, -41), 2: (-15, 32, 27, -9, -48),
                         3: (-6, -1, 13, 16, -21), 4: (-24, 27, 1, -10, -14)},
    'attn_1_3_outputs': {0: (57, -7, -29, -15, -24), 1: (69, -6, -25, -10, -18),
                         2: (61, -6, -25, -4, -10), 3: (55, 2, -23, -12, -16),
                         4: (59, -11, -26, -6, -7)},
    'num_attn_1_0_outputs': {1: (7, 47, 49, -57, -112), 2: (2, 104, 14, -60, -182),
                             3: (77, 110, -35, -68, -131), 4: (67, 97, -24, -72, -170),
                             5: (59, 20, -7, -61, -62)},
    'num_attn_1_1_outputs': {0: (63, 73, 24, -95, 94), 1: (12, 16, 10, -4, -34),
                             2: (-46, -65, -27, 59, -6), 3: (-72, -111, -26, 98, -132),
                             4: (-93, -108, -46, 131, -220), 5: (-85, -94, -36, 168, -301)},
    'num_attn_1_2_outputs': {0: (38, 43, -109, 44, 131), 1: (-16, -24, -19, 18, 58),
                             2: (9, -5, 67, -41, -123), 3: (-28, -25, 104, -54, -190),
                             4: (-27, 29, 173, -133, -381), 5: (-97, -40, 213, -214, -315),
                             6: (-48, -27, 106, -92, -202)},
    'num_attn_1_3_outputs': {1: (18, 25, 31, 5, -40), 2: (-29, 49, 55, 27, -82),
                             3: (-41, 95, 53, 19, -82), 4: (-28, 105, 46, -15, -130),
                             5: (-65, 102, 71, 32, -124), 6: (-66, 83, 47, 44, -70),
                             7: (-50, 89, 11, -27, -51)},
    'mlp_1_0_outputs': {3: (44, 22, -14, -30, -41), 4: (28, 11, -2, -9, -31),
                        5: (6, -10, -15, -1, -1)},
    'mlp_1_1_outputs': {2: (16, 3, -43, -26, 78), 3: (44, -6, -63, -50, 29),
                        4: (0, 16, -16, -17, 22), 5: (17, 15, -2, -62, 20), 6: (0, -9, -56, -2, 57),
                        7: (0, -17, -56, -40, 63)},
    'mlp_1_2_outputs': {1: (-27, 40, 13, -37, -64), 2: (20, -31, -4, 18, -27),
                        3: (16, 15, 4, -21, -26), 4: (-13, -27, -20, -21, 21), 6: (3, 2, 6, 0, -16),
                        7: (-13, -5, 1, 5, 8), 8: (-37, -10, 7, 12, 9)},
    'mlp_1_3_outputs': {1: (24, -17, -27, -33, 12), 2: (57, -21, -11, 6, -36),
                        5: (60, -21, 0, -7, -18), 6: (29, 20, -2, -14, -27),
                        7: (53, 25, -3, -33, -35), 8: (10, 50, 6, -49, -73)},
    'attn_2_0_outputs': {1: (-3, 17, -9, -19, 20), 3: (-5, 15, -7, -4, 16),
                         4: (-6, 12, -12, -6, 23)},
    'attn_2_1_outputs': {0: (52, 30, -18, -46, -59), 1: (53, 42, -9, -43, -59),
                         2: (52, 43, -5, -38, -56), 3: (45, 32, -6, -30, -48),
                         4: (44, 35, -10, -37, -51), 'EOS': (-5, 58, 3, -49, -18)},
    'attn_2_2_outputs': {0: (13, 15, -16, -11, -10), 1: (11, 22, -9, -13, -16),
                         2: (1, 22, -8, -2, -19), 3: (-5, 18, -10, 0, -7), 4: (-3, 14, -15, 0, 0),
                         'EOS': (-66, -13, -20, -13, 33)},
    'attn_2_3_outputs': {0: (-2, -33, 0, 36, -26), 1: (12, -7, -12, 36, -30)},
    'num_attn_2_0_outputs': {0: (-15, -111, 1, 67, 140), 1: (-20, -28, 1, 15, 17),
                             2: (62, 56, 10, -51, -100), 3: (63, 100, -20, -116, -137),
                             4: (82, 199, -52, -228, -277), 5: (92, 223, -72, -131, -370)},
    'num_attn_2_1_outputs': {0: (-45, -42, 14, 36, 76), 1: (-58, -13, -6, 42, 53),
                             2: (48, 23, -1, -35, -74), 3: (35, 106, 34, -83, -114),
                             4: (137, 194, -36, -224, -221), 5: (213, 34, -100, -229, -331),
                             6: (174, -37, -93, -118, -263)},
    'num_attn_2_2_outputs': {0: (-20, -105, 1, 67, 132), 1: (-8, -21, 7, 13, 14),
                             2: (47, 60, 2, -44, -110), 3: (44, 97, -3, -106, -155),
                             4: (63, 186, -14, -203, -271), 5: (75, 237, -15, -212, -357)},
    'num_attn_2_3_outputs': {0: (-68, -146, -83, 56, 183), 1: (-50, -47, -18, 43, 44),
                             2: (18, 41, 28, 3, -106), 3: (87, 79, 5, -102, -46)},
    'mlp_2_0_outputs': {1: (22, -14, -17, -27, 14), 2: (3, -12, -6, -3, 6),
                        3: (-36, -31, -12, 12, 42), 4: (15, -13, 1, -5, -3),
                        5: (-16, -9, -5, -1, 29), 7: (-17, -30, -13, -9, 42),
                        8: (-21, 2, -14, 20, 19)},
    'mlp_2_1_outputs': {1: (21, -30, 8, 3, -14), 2: (-1, -27, -11, 8, 12),
                        3: (16, 14, -5, -19, -20), 4: (20, 13, -6, -28, -27),
                        5: (25, -1, 34, -21, -39), 6: (-37, 0, 18, -4, 6),
                        7: (42, 26, 24, -55, -78), 8: (-14, 32, 3, -7, 7)},
    'mlp_2_3_outputs': {2: (-34, -22, -17, 30, 36), 3: (-36, -81, -56, 53, 98),
                        4: (-31, -59, -54, 15, 92), 6: (0, -26, -40, 16, 44),
                        7: (-31, -37, -33, 41, 79), 8: (-52, -28, -12, 61, 30)},
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
    mlp_0_0_outputs = [mlp_0_0_table.get((positions[i], attn_0_0_outputs[i]), 4) for i in range(n)]
    mlp_0_1_outputs = [mlp_0_1_table.get((attn_0_3_outputs[i], positions[i]), 2) for i in range(n)]
    mlp_0_2_outputs = [mlp_0_2_table.get(positions[i], 4) for i in range(n)]
    mlp_0_3_outputs = [mlp_0_3_table.get(positions[i], 2) for i in range(n)]
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
    mlp_1_2_outputs = [mlp_1_2_table.get((positions[i], attn_0_0_outputs[i]), 1) for i in range(n)]
    mlp_1_3_outputs = [mlp_1_3_table.get((positions[i], attn_0_1_outputs[i]), 0) for i in range(n)]
    attn_2_0_outputs = attend(num_attn_1_0_outputs, num_attn_1_3_outputs, tokens, attn_2_0_pattern)
    attn_2_1_outputs = attend(attn_0_2_outputs, mlp_1_0_outputs, tokens, attn_2_1_pattern)
    attn_2_2_outputs = attend(num_attn_1_3_outputs, positions, tokens, attn_2_2_pattern)
    attn_2_3_outputs = attend(num_attn_1_1_outputs, num_attn_1_0_outputs, tokens, attn_2_3_pattern)
    num_attn_2_0_outputs = count(tokens, mlp_0_2_outputs, num_attn_2_0_pattern)
    num_attn_2_1_outputs = count(tokens, attn_1_0_outputs, num_attn_2_1_pattern)
    num_attn_2_2_outputs = count(tokens, attn_1_0_outputs, num_attn_2_2_pattern)
    num_attn_2_3_outputs = count(mlp_1_2_outputs, mlp_1_0_outputs, num_attn_2_3_pattern)
    mlp_2_0_outputs = [mlp_2_0_table.get((positions[i], attn_2_0_outputs[i]), 7) for i in range(n)]
    mlp_2_1_outputs = [mlp_2_1_table.get((positions[i], attn_2_3_outputs[i]), 2) for i in range(n)]
    mlp_2_3_outputs = [mlp_2_3_table.get((positions[i], attn_1_0_outputs[i]), 4) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
