"""Transformer Program for 'most_freq', decompiled by weightsmith. Standalone: no imports.

run(tokens) -> one label per position; tokens[0] is normally 'BOS', at most 8 tokens.
Layers: 3; per layer 4 categorical heads, 4 numerical heads, 4 MLPs (1 of 36 modules unused and left out).
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
                 (1, 3): 2, (1, 6): 4, (1, 7): 4, (2, 0): 1, (2, 1): 1, (2, 5): 5, (2, 6): 0,
                 (2, 7): 4, (3, 0): 8, (3, 1): 8, (3, 2): 4, (3, 3): 0, (3, 5): 5, (3, 6): 8,
                 (3, 7): 4, (4, 0): 5, (4, 1): 6, (4, 2): 4, (4, 6): 6, (4, 7): 5, (5, 0): 4,
                 (5, 1): 4, (5, 4): 2, (5, 5): 4, (5, 6): 0, (5, 7): 6}

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
mlp_0_3_table = {('BOS', 0): 1, ('BOS', 1): 6, ('BOS', 3): 6, (0, 0): 3, (0, 1): 1, (0, 2): 1,
                 (0, 3): 3, (1, 'BOS'): 4, (1, 0): 2, (1, 2): 1, (1, 3): 4, (1, 4): 8, (1, 5): 7,
                 (2, 0): 3, (2, 1): 6, (2, 2): 8, (2, 3): 3, (2, 5): 7, (3, 'BOS'): 4, (3, 0): 4,
                 (3, 1): 6, (3, 2): 3, (3, 4): 7, (3, 5): 7, (4, 1): 6, (4, 2): 3, (4, 3): 7,
                 (4, 4): 3, (4, 5): 6, (5, 0): 1, (5, 1): 6, (5, 2): 6, (5, 3): 6, (5, 5): 3}


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
                 (2, 0): 0, (2, 1): 6, (2, 2): 0, (2, 3): 6, (2, 4): 6, (2, 5): 6, (3, 2): 6,
                 (3, 3): 5, (3, 4): 6, (3, 5): 6, (4, 'BOS'): 6, (4, 2): 6, (4, 3): 6, (4, 4): 3,
                 (5, 'BOS'): 6, (5, 1): 6, (5, 2): 6, (5, 3): 1, (5, 4): 8, (5, 5): 0}

# mlp_1_2: reads (attn_0_1_outputs, tokens); every other input gives 1
mlp_1_2_table = {('BOS', 'BOS'): 7, ('BOS', 1): 8, ('BOS', 4): 8, (0, 0): 6, (0, 1): 8, (0, 5): 4,
                 (1, 'BOS'): 8, (1, 0): 7, (1, 2): 7, (1, 3): 8, (1, 4): 8, (1, 5): 6, (2, 1): 7,
                 (2, 2): 5, (3, 1): 8, (3, 2): 7, (3, 3): 6, (3, 5): 8, (4, 'BOS'): 4, (4, 1): 8,
                 (4, 4): 4, (4, 5): 8, (5, 'BOS'): 7, (5, 1): 8, (5, 5): 7}

# mlp_1_3: reads (attn_0_0_outputs, tokens); every other input gives 6
mlp_1_3_table = {('BOS', 0): 3, ('BOS', 2): 5, (0, 'BOS'): 1, (0, 1): 5, (0, 2): 1, (0, 3): 2,
                 (0, 4): 3, (0, 5): 3, (1, 'BOS'): 0, (1, 0): 1, (1, 1): 3, (1, 5): 3, (2, 0): 3,
                 (2, 1): 4, (2, 2): 3, (2, 5): 3, (3, 'BOS'): 2, (3, 0): 3, (3, 1): 8, (3, 3): 5,
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

# mlp_2_3: reads (attn_0_1_outputs, attn_0_0_outputs); every other input gives 8
mlp_2_3_table = {('BOS', 5): 0, (0, 0): 3, (0, 1): 5, (0, 2): 2, (0, 3): 1, (0, 5): 7, (1, 0): 1,
                 (1, 1): 1, (1, 4): 3, (1, 5): 7, (2, 2): 7, (2, 5): 0, (3, 0): 1, (3, 2): 0,
                 (3, 3): 0, (3, 5): 7, (4, 3): 3, (4, 4): 1, (4, 5): 5, (5, 'BOS'): 7, (5, 0): 7,
                 (5, 1): 7, (5, 2): 0, (5, 3): 7, (5, 4): 5}


classes = (0, 1, 2, 3, 4, 5)
classifier_bias = (344, 146, 10, 301, 60, -217)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'tokens': {0: (113, -102, -69, -76, -11, -49), 1: (-92, 109, -80, -1, -143, 10),
               2: (-64, -69, 97, -40, -89, -38), 3: (-83, -59, -46, 69, -45, 84),
               4: (-82, -118, -14, -23, 117, 10), 5: (31, 42, -10, -96, -39, -16)},
    'positions': {1: (191, 1, -177, -95, -46, 88), 2: (-18, 33, 27, 48, -75, -47),
                  3: (-109, -4, 20, 36, 124, 11), 4: (21, -39, 48, -24, -13, -23),
                  5: (50, -40, 66, -33, -27, -48), 6: (242, -364, 502, -235, -327, -33)},
    'attn_0_0_outputs': {0: (153, -81, 47, -98, -56, -129), 1: (-49, 385, -61, -243, -282, -237),
                         2: (173, -88, 201, -184, -307, -192), 3: (101, -174, 54, 115, -90, -123),
                         4: (148, -155, 57, -114, -19, -84), 5: (134, -123, 95, -130, -117, -34)},
    'attn_0_1_outputs': {0: (30, -43, -53, -53, 35, 0), 1: (-73, 60, -43, 33, -23, -21),
                         2: (-74, -27, 40, -18, 40, -38), 3: (-69, 3, -33, 22, 10, 30),
                         4: (-41, -55, -25, -38, 82, 29), 5: (-62, -31, -8, -16, 47, 42)},
    'attn_0_2_outputs': {0: (42, 52, -44, -53, 100, -84), 1: (-59, 2, -120, -138, -34, 264),
                         2: (-60, -43, -37, -110, 9, 287), 3: (-16, -10, -48, 15, 41, -30),
                         4: (-96, -64, -109, -140, 90, 249), 5: (-57, -51, -111, -107, 32, 155)},
    'attn_0_3_outputs': {0: (154, -165, -99, -36, -187, -94), 1: (-38, 16, 18, 26, -114, -38),
                         2: (-123, -148, 158, -30, -150, -91), 3: (-70, -117, -11, 132, -176, -63),
                         4: (-45, -106, 34, 32, 28, -63), 5: (-52, -69, 17, 15, -131, 61)},
    'num_attn_0_0_outputs': {0: (4, 299, 22, 48, -304, 20), 1: (-96, 322, -59, -63, -355, -71),
                             2: (165, -305, 51, 0, 139, 82), 3: (197, -1310, 151, 107, 1328, 173),
                             4: (305, -1770, 161, 37, 2059, 256),
                             5: (-154, -1801, 237, 358, 1488, 822)},
    'num_attn_0_1_outputs': {0: (-220, 3, 18, 34, 172, 145), 1: (-260, -19, -1, -19, 98, 196),
                             2: (336, 80, 16, 1, -223, -378),
                             3: (1251, -236, -235, -213, -652, -1432),
                             4: (1266, -164, -274, -242, -600, -1819)},
    'num_attn_0_2_outputs': {0: (123, 126, -378, 42, -47, 30), 1: (-120, -122, 264, -111, -82, -96),
                             2: (80, 76, -216, 100, 170, 138), 3: (394, 410, -1006, 435, 503, 468),
                             4: (422, 445, -1068, 502, 536, 463)},
    'num_attn_0_3_outputs': {0: (35, 44, 87, -334, -55, 58), 1: (-58, -61, -78, 378, -175, -62),
                             2: (100, 78, 73, -438, 228, 94), 3: (50, 53, 43, -715, 1270, 36),
                             4: (333, 301, 259, -1680, 2278, 330)},
    'mlp_0_0_outputs': {1: (-237, 37, 119, -63, -28, -119), 2: (-38, 32, 1, 17, -4, 6),
                        3: (-42, 56, -1, 10, -1, -23), 4: (-52, 48, 15, -31, -19, -28),
                        5: (-1, 43, -29, -20, -14, -6), 6: (-183, 105, 56, -87, 61, -90),
                        8: (-157, 64, -19, 62, -19, -57)},
    'mlp_0_1_outputs': {1: (-28, -38, -24, -76, 25, 24), 2: (-160, -13, 48, -81, 89, 190),
                        3: (-26, -73, 20, -170, 51, 75), 4: (-26, -61, -35, -60, 9, 19),
                        5: (57, -242, 110, -210, 289, 199), 6: (-194, -176, -96, -129, -42, 329),
                        7: (-30, -31, -5, -148, 33, 98), 8: (75, -16, 1, -77, -106, 169)},
    'mlp_0_2_outputs': {3: (-16, 2, 52, -73, -20, 68), 4: (-222, 31, 92, 13, 137, 183),
                        5: (8, -15, 11, -47, -36, 52), 6: (-6, -26, 89, -78, -81, 53),
                        7: (-29, -52, 46, -75, -11, 48), 8: (-36, -14, 32, -73, -43, 108)},
    'mlp_0_3_outputs': {2: (-60, 0, 40, -62, -4, 58), 3: (-21, 15, 1, 23, -8, -7),
                        4: (-41, 21, 4, -12, -45, 26), 5: (-31, 1, 2, 1, 15, 28),
                        6: (-32, 1, 5, 37, -26, -21), 7: (-8, 9, 4, 17, -28, -9),
                        8: (12, 11, -20, -33, -21, 34)},
    'attn_1_0_outputs': {0: (44, -56, 6, 10, -3, 22), 1: (74, -127, -3, 4, -14, 9),
                         2: (-227, 248, -11, -38, -16, -53)},
    'attn_1_1_outputs': {0: (34, 18, -3, 2, 5, 8), 1: (51, -2, -35, -72, -12, -11),
                         2: (-107, -61, 83, 66, -16, 13), 3: (-63, 37, 33, 123, -109, 33),
                         4: (-413, 118, 198, 407, 14, 100)},
    'attn_1_2_outputs': {1: (-62, 69, -53, -28, -54, -25), 2: (-32, -32, 33, -9, -32, -20),
                         3: (-75, -31, -50, 88, -23, -19), 4: (-87, -36, -45, -17, 78, -1),
                         5: (-76, -33, -53, 3, -29, 72)},
    'attn_1_3_outputs': {0: (91, 26, -24, -80, -64, -113), 1: (111, 38, -41, -77, -82, -80),
                         2: (-113, -196, 298, -199, -200, -203), 3: (95, 26, -48, -45, -53, -65),
                         4: (132, 31, -15, -93, -60, -78), 5: (107, -6, -22, -75, -49, -60)},
    'num_attn_1_0_outputs': {0: (-8, -18, -128, 55, 106, 59), 1: (64, 60, -102, 26, -27, 4),
                             2: (-74, -52, 198, -112, -196, -151),
                             3: (-380, -383, 858, -452, -523, -499),
                             4: (-385, -389, 709, -548, -511, -449)},
    'num_attn_1_1_outputs': {0: (65, 49, 55, 69, 44, -354), 1: (-63, -78, -80, -74, -83, 236),
                             2: (52, 36, 24, 34, 36, -76), 3: (96, 115, 92, 103, 119, -249)},
    'num_attn_1_2_outputs': {0: (72, -536, 67, 53, 236, 80), 1: (-17, -39, -18, -11, 126, -5),
                             2: (-201, 410, -113, -62, -336, -126),
                             3: (-269, 1168, -242, -202, -1564, -274),
                             4: (-452, 1346, -378, -141, -2363, -439),
                             5: (-609, 1132, -172, -625, -1693, -930)},
    'num_attn_1_3_outputs': {0: (136, 0, -1, -9, 108, -172), 1: (150, 5, 4, 5, 69, -274),
                             2: (-317, -53, -25, -44, -178, 422),
                             3: (-1544, 4, -16, -69, -321, 1157),
                             4: (-1745, -463, -322, -357, -429, 1293),
                             5: (-514, 177, -476, -836, -341, 585)},
    'mlp_1_0_outputs': {1: (-2, 0, -57, 25, 35, 6), 2: (3, 43, -16, 14, -102, 18),
                        3: (59, 32, 75, 112, 78, -145), 4: (-10, 47, -23, 14, -53, -2),
                        5: (-7, -13, -38, 24, 5, -9), 6: (-337, 125, 123, 162, 133, 159),
                        7: (2, -40, -1, 16, -8, 14), 8: (-19, -51, 37, 38, -23, -5)},
    'mlp_1_1_outputs': {1: (27, 8, -11, 85, -33, -82), 2: (-43, -9, 43, -39, -1, 21),
                        3: (-46, 52, 38, -5, -93, 16), 5: (65, -16, 46, -98, 10, -32),
                        6: (-2, -22, 3, -42, 31, 1), 7: (10, 3, -9, -16, -31, -36),
                        8: (17, 13, 6, 7, -34, -27)},
    'mlp_1_2_outputs': {4: (7, 29, 27, -16, 33, -53), 5: (15, 4, -85, -8, 79, 90),
                        6: (-5, 17, 11, 1, 74, -65), 7: (-33, -18, 3, -18, 45, 17),
                        8: (-1, -8, 1, -40, 83, -18)},
    'mlp_1_3_outputs': {1: (-58, -31, -96, -68, -93, 167), 2: (-71, -64, -57, -78, -105, 142),
                        3: (-65, -38, -95, -73, -118, 153), 4: (-94, -97, -12, -73, -45, 153),
                        5: (-76, -72, -37, -144, -88, 155), 6: (-76, -32, -92, -75, -78, 159),
                        8: (-60, -54, -34, -103, -83, 163)},
    'attn_2_0_outputs': {0: (-143, -138, -70, -129, -77, 197), 1: (-140, -85, -96, -155, -111, 211),
                         2: (-118, -112, -53, -111, -108, 207),
                         3: (-148, -124, -104, -98, -38, 194),
                         4: (-156, -135, -129, -116, -77, 209),
                         5: (-145, -157, -136, -132, -111, 199)},
    'attn_2_1_outputs': {0: (-67, -7, -40, 61, 110, 16), 1: (-197, 74, -47, 26, 95, -21),
                         2: (-167, 18, 34, 27, 78, 3), 3: (-163, 1, -58, 106, 78, -10),
                         4: (-192, 6, -55, 8, 178, -21), 5: (-185, -20, -64, 32, 82, 90)},
    'attn_2_2_outputs': {0: (-338, 70, 71, 44, 31, 48), 1: (37, 12, -7, -3, -57, -50),
                         2: (211, -192, -106, -74, -13, 27), 3: (-78, -4, 15, -62, 129, 36),
                         4: (-127, 76, -7, -206, 134, 163)},
    'attn_2_3_outputs': {0: (-103, -117, -184, 409, -183, -163),
                         1: (-160, -83, -234, 403, -164, -144),
                         2: (-185, -166, -151, 429, -179, -130),
                         3: (-203, -185, -218, 399, -189, -214),
                         4: (-160, -188, -164, 396, -107, -144),
                         5: (-146, -134, -200, 397, -177, -118)},
    'num_attn_2_0_outputs': {0: (37, 20, -2, -208, 95, 28), 1: (-7, 0, 32, -159, 83, 12),
                             2: (-106, -72, -65, 379, -251, -94),
                             3: (-30, -35, -36, 635, -1246, -33),
                             4: (-275, -302, -253, 1384, -2307, -346)},
    'num_attn_2_1_outputs': {0: (52, -92, -18, -37, 42, -30), 1: (-29, -7, -23, -18, 152, -17),
                             2: (-33, 31, 13, 83, -103, 12), 3: (124, 158, 153, 212, -1050, 162),
                             4: (185, 263, 260, 371, -1668, 250),
                             5: (146, 24, 385, 336, -750, -10)},
    'num_attn_2_2_outputs': {0: (86, 97, -128, -4, -18, 4), 1: (5, 18, -50, 34, 18, 22),
                             2: (-265, -214, 275, -95, -130, -97),
                             3: (-107, -141, 177, -254, -131, -184),
                             4: (65, -443, 503, -267, -1070, -480)},
    'num_attn_2_3_outputs': {0: (91, 73, 77, 60, -627, 90), 1: (-21, -45, -46, -43, 126, -14),
                             2: (-137, -69, -40, -38, 400, -111), 3: (-28, -9, -10, -8, 57, -20),
                             4: (-42, 112, 118, 36, -176, -36)},
    'mlp_2_0_outputs': {2: (-44, -32, -7, -71, -22, 221), 3: (21, -7, 15, -8, -29, -32),
                        5: (-80, -53, -79, -101, 59, 183), 7: (0, 1, -18, 54, 10, -96),
                        8: (-43, 13, -90, -99, -65, 198)},
    'mlp_2_1_outputs': {1: (-13, -26, -16, 11, 12, 11), 5: (11, 15, 17, -8, -23, 6)},
    'mlp_2_3_outputs': {1: (-3, -1, 21, 20, 37, -62), 2: (-8, 31, -5, 64, 59, -8),
                        3: (-57, 34, 57, 30, 30, -58), 5: (-55, -3, 29, -1, 30, 3),
                        7: (-35, -5, -15, 4, 14, -15), 8: (13, 24, 40, 13, 32, -81)},
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
    mlp_2_3_outputs = [mlp_2_3_table.get((attn_0_1_outputs[i], attn_0_0_outputs[i]), 8) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
