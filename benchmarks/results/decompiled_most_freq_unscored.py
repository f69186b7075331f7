"""Transformer Program for 'most_freq', decompiled by weightsmith. Standalone: no imports.

run(tokens) -> one label per position; tokens[0] is normally 'BOS', at most 8 tokens.
Layers: 3; per layer 4 categorical heads, 4 numerical heads, 2 MLPs (0 of 30 modules unused and left out).
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


def count(keys, queries, pattern=None, where=None, before=None, after=None):
    """Numerical attention: how many key positions j (BOS included) query i counts: those whose key
    matches `pattern`, those before i (j < i) that match `before`, and those after i that match `after`;
    only positions with where[j] true, if given."""
    n = len(keys)
    counted = where or [True] * n

    def matches(i, j, q):
        k = keys[j]
        return bool((pattern and pattern(k, q)) or (before and j < i and before(k, q))
                    or (after and j > i and after(k, q)))

    return [sum(1 for j in range(i + 1 if CAUSAL else n) if counted[j] and matches(i, j, q))
            for i, q in enumerate(queries)]


def attn_0_0_pattern(key, query):
    """query: positions, key: positions"""
    return key == {0: 4, 1: 2, 2: 7, 5: 4, 7: 6}.get(query, query - 4)


def attn_0_1_pattern(key, query):
    """query: tokens, key: tokens; None: no key"""
    return key == {1: 2, 2: 1, 3: 1, 4: 4, 5: 5}.get(query, None)


def attn_0_2_pattern(key, query):
    """query: positions, key: positions; None: no key"""
    return key == {1: 2, 2: 6, 5: 5, 6: 6, 7: 7}.get(query, None)


def attn_0_3_pattern(key, query):
    """query: positions, key: positions"""
    return key == {0: 1, 1: 1, 2: 5, 5: 6, 6: 7}.get(query, query - 1)


def num_attn_0_0_before(key, query):
    """query: tokens, key: tokens"""
    return key == query


def num_attn_0_1_pattern(key, query):
    """query: tokens, key: tokens"""
    if query == 'BOS':
        return key == 1
    if query == 2:
        return key in {'BOS', 0, 2}
    if query == 4:
        return key in {0, 4}
    return key == query


def num_attn_0_1_before(key, query):
    """query: tokens, key: tokens; None: no key"""
    return key == {'BOS': 'BOS', 0: 5, 2: 3}.get(query, None)


def num_attn_0_2_pattern(key, query):
    """query: tokens, key: tokens"""
    if query == 'BOS':
        return key == 1
    if query == 4:
        return key in {'BOS', 4}
    if query == 5:
        return key in {'BOS', 5}
    return key == query


def num_attn_0_2_before(key, query):
    """query: tokens, key: tokens; None: no key"""
    return key == {'BOS': None, 4: None, 5: None}.get(query, 'BOS')


def num_attn_0_3_pattern(key, query):
    """query: positions, key: tokens"""
    if query == 0:
        return key in {'BOS', 1}
    if query == 1:
        return False
    if query == 5:
        return key in {'BOS', 2}
    if query == 7:
        return key == 5
    return key == 2


def num_attn_0_3_before(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {0: None, 1: 0, 5: None, 7: 2}.get(query, 'BOS')

# mlp_0_0: reads (attn_0_3_outputs, tokens); every other input gives 8
mlp_0_0_table = {('BOS', 'BOS'): 6, ('BOS', 0): 3, ('BOS', 4): 7, ('BOS', 5): 6, (0, 'BOS'): 6,
                 (0, 5): 3, (1, 'BOS'): 6, (1, 1): 7, (1, 3): 7, (1, 4): 7, (1, 5): 6,
                 (2, 'BOS'): 6, (2, 2): 6, (2, 3): 7, (3, 'BOS'): 6, (3, 0): 6, (3, 3): 7,
                 (4, 'BOS'): 6, (4, 4): 7, (5, 'BOS'): 6, (5, 0): 6}

# mlp_0_1: reads (tokens, attn_0_0_outputs); every other input gives 8
mlp_0_1_table = {('BOS', 'BOS'): 0, ('BOS', 0): 0, ('BOS', 1): 0, ('BOS', 3): 0, ('BOS', 4): 0,
                 (0, 'BOS'): 0, (0, 0): 1, (0, 1): 0, (0, 2): 0, (0, 3): 0, (0, 4): 0, (0, 5): 0,
                 (1, 'BOS'): 0, (2, 2): 7, (3, 'BOS'): 0, (4, 1): 0, (4, 3): 0, (4, 4): 5,
                 (5, 0): 0, (5, 1): 0, (5, 2): 0, (5, 5): 0}


def attn_1_0_pattern(key, query):
    """query: positions, key: num_attn_0_2_outputs"""
    return key == {0: 3, 1: 3, 5: 3, 6: 0}.get(query, 4)


def attn_1_1_pattern(key, query):
    """query: tokens, key: num_attn_0_1_outputs"""
    return key == {0: 6, 1: 4, 2: 0, 4: 4, 5: 3}.get(query, 1)


def attn_1_2_pattern(key, query):
    """query: positions, key: positions"""
    return key == {0: 2, 1: 7, 2: 7, 3: 4, 6: 5, 7: 5}.get(query, query - 4)


def attn_1_3_pattern(key, query):
    """query: mlp_0_0_outputs, key: positions"""
    return key == {3: 1}.get(query, 3)


def num_attn_1_0_pattern(key, query):
    """query: attn_0_1_outputs, key: tokens"""
    if query in {0, 3}:
        return False
    if query in {1, 5}:
        return key in {'BOS', 1}
    if query == 2:
        return key == 0
    return key == 'BOS'


def num_attn_1_0_before(key, query):
    """query: attn_0_1_outputs, key: tokens"""
    if query == 'BOS':
        return key not in {'BOS', 0, 1}
    if query == 0:
        return key != 'BOS'
    if query == 2:
        return key != 0
    if query == 3:
        return True
    if query == 4:
        return key not in {'BOS', 0}
    if query == 5:
        return key in {2, 3, 4}
    return key != query and key != 'BOS'


def num_attn_1_1_pattern(key, query):
    """query: num_attn_0_2_outputs, key: tokens"""
    if query in {2, 4}:
        return key not in {'BOS', 0, 1}
    if query == 3:
        return key in {2, 3, 5}
    if query in {5, 7}:
        return key == 3
    if query == 6:
        return key in {2, 3}
    if query == 8:
        return key in {1, 4, 5}
    return False


def num_attn_1_1_before(key, query):
    """query: num_attn_0_2_outputs, key: tokens"""
    if query in {2, 7}:
        return key == 1
    if query == 3:
        return key == 4
    if query == 5:
        return key in {4, 5}
    if query == 6:
        return key in {1, 4, 5}
    return False


def num_attn_1_2_pattern(key, query):
    """query: num_attn_0_2_outputs, key: tokens"""
    if query == 0:
        return key in {'BOS', 2, 4}
    if query in {3, 8}:
        return key in {1, 3}
    if query == 4:
        return key not in {'BOS', 0, 3}
    return False


def num_attn_1_2_before(key, query):
    """query: num_attn_0_2_outputs, key: tokens"""
    if query in {0, 2}:
        return key == 1
    if query == 3:
        return key == 4
    if query == 4:
        return key in {'BOS', 3}
    if query == 6:
        return key not in {'BOS', 0, 4}
    if query == 7:
        return key in {1, 2}
    return False


def num_attn_1_3_pattern(key, query):
    """query: num_attn_0_2_outputs, key: num_attn_0_2_outputs"""
    if query in {1, 8}:
        return key in {4, 5, 6, 8}
    if query == 2:
        return key not in {1, 2, 6, 8}
    if query == 3:
        return key in {4, 5, 6}
    if query == 4:
        return key == 5
    return key == query + 8


def num_attn_1_3_before(key, query):
    """query: num_attn_0_2_outputs, key: num_attn_0_2_outputs"""
    if query in {1, 8}:
        return key in {1, 2}
    if query == 2:
        return key in {1, 2, 6, 8}
    if query == 3:
        return key == 3
    return key == query - 8

# mlp_1_0: reads (attn_0_2_outputs, tokens); every other input gives 0
mlp_1_0_table = {('BOS', 1): 5, ('BOS', 2): 8, ('BOS', 5): 3, (1, 'BOS'): 4, (1, 0): 7, (1, 1): 2,
                 (1, 2): 2, (1, 3): 2, (1, 4): 2, (2, 'BOS'): 7, (2, 2): 7, (2, 3): 4, (2, 4): 2,
                 (3, 'BOS'): 7, (3, 0): 2, (3, 1): 7, (3, 2): 3, (3, 3): 7, (3, 4): 5, (3, 5): 4,
                 (4, 'BOS'): 5, (4, 0): 7, (4, 1): 8, (5, 1): 8, (5, 3): 4, (5, 4): 2}

# mlp_1_1: reads (attn_1_3_outputs, attn_0_0_outputs); every other input gives 0
mlp_1_1_table = {('BOS', 0): 1, ('BOS', 1): 6, ('BOS', 2): 7, ('BOS', 3): 4, (0, 0): 1, (0, 2): 3,
                 (0, 3): 4, (0, 4): 5, (1, 'BOS'): 6, (1, 0): 7, (1, 1): 3, (1, 2): 8, (1, 3): 4,
                 (1, 4): 7, (1, 5): 6, (2, 'BOS'): 7, (2, 1): 8, (2, 2): 7, (2, 3): 4,
                 (3, 'BOS'): 7, (3, 0): 4, (3, 1): 7, (3, 2): 8, (3, 3): 7, (3, 4): 4, (3, 5): 4,
                 (4, 2): 3, (4, 3): 4, (4, 5): 5, (5, 'BOS'): 1, (5, 0): 1, (5, 2): 3, (5, 3): 4,
                 (5, 4): 5, (5, 5): 8}


def attn_2_0_pattern(key, query):
    """query: positions, key: num_attn_1_3_outputs"""
    return key == {1: 0, 7: 6}.get(query, query)


def attn_2_1_pattern(key, query):
    """query: positions, key: num_attn_1_3_outputs"""
    return key == {1: 0, 3: 2, 7: 6}.get(query, query)


def attn_2_2_pattern(key, query):
    """query: positions, key: num_attn_1_3_outputs"""
    return key == {1: 0, 2: 1, 7: 5}.get(query, query)


def attn_2_3_pattern(key, query):
    """query: positions, key: num_attn_1_3_outputs"""
    return key == {1: 0, 2: 1, 4: 6, 6: 7, 7: 6}.get(query, query)


def num_attn_2_0_pattern(key, query):
    """query: attn_0_0_outputs, key: tokens; None: no key"""
    return key == {0: 'BOS', 3: None, 4: None}.get(query, 0)


def num_attn_2_0_before(key, query):
    """query: attn_0_0_outputs, key: tokens"""
    if query == 0:
        return key != 'BOS'
    if query == 3:
        return key not in {2, 4, 5}
    if query == 4:
        return key not in {1, 2, 5}
    if query == 5:
        return key == 'BOS'
    return key == query


def num_attn_2_1_pattern(key, query):
    """query: attn_1_2_outputs, key: tokens"""
    if query == 1:
        return key == 1
    if query == 5:
        return key in {'BOS', 4}
    if query == 7:
        return key == 2
    return key == 4


def num_attn_2_1_before(key, query):
    """query: attn_1_2_outputs, key: tokens"""
    if query == 1:
        return key in {'BOS', 0, 4}
    if query == 5:
        return key not in {'BOS', 2, 4}
    if query == 7:
        return key not in {0, 2, 5}
    return key == 'BOS'


def num_attn_2_2_pattern(key, query):
    """query: attn_1_2_outputs, key: tokens"""
    if query in {5, 7}:
        return False
    if query == 8:
        return key in {'BOS', 0}
    return key == 0


def num_attn_2_2_before(key, query):
    """query: attn_1_2_outputs, key: tokens"""
    if query == 1:
        return key not in {0, 2}
    if query == 5:
        return key in {'BOS', 0, 4}
    if query == 7:
        return key != 'BOS'
    if query == 8:
        return False
    return key == 'BOS'


def num_attn_2_3_pattern(key, query):
    """query: attn_1_2_outputs, key: tokens"""
    if query == 1:
        return key in {0, 3}
    if query == 7:
        return False
    return key == 5


def num_attn_2_3_before(key, query):
    """query: attn_1_2_outputs, key: tokens"""
    if query == 1:
        return key in {'BOS', 5}
    if query == 5:
        return key in {'BOS', 4}
    if query == 7:
        return key not in {0, 4}
    return key == 'BOS'

# mlp_2_0: reads (attn_1_0_outputs, num_attn_0_3_outputs); every other input gives 4
mlp_2_0_table = {('BOS', 0): 1, ('BOS', 1): 6, ('BOS', 2): 8, ('BOS', 3): 7, ('BOS', 4): 0,
                 ('BOS', 7): 7, ('BOS', 8): 1, (0, 0): 0, (0, 1): 1, (0, 2): 8, (0, 3): 7,
                 (0, 4): 3, (0, 6): 6, (0, 7): 0, (0, 8): 0, (1, 0): 1, (1, 1): 6, (1, 2): 1,
                 (1, 3): 0, (1, 4): 0, (1, 5): 7, (1, 6): 7, (1, 7): 7, (1, 8): 6, (2, 0): 1,
                 (2, 1): 1, (2, 2): 8, (2, 7): 0, (2, 8): 1, (3, 0): 3, (3, 1): 6, (3, 2): 0,
                 (3, 3): 1, (3, 7): 7, (4, 0): 0, (4, 1): 6, (4, 3): 7, (4, 6): 0, (4, 7): 8,
                 (4, 8): 0, (5, 0): 0, (5, 1): 1, (5, 2): 0, (5, 3): 7, (5, 4): 6, (5, 6): 6,
                 (5, 7): 7, (5, 8): 3}

# mlp_2_1: reads (num_attn_0_1_outputs, tokens); every other input gives 2
mlp_2_1_table = {(0, 'BOS'): 1, (0, 0): 3, (0, 1): 4, (0, 2): 7, (0, 3): 3, (0, 4): 1, (0, 5): 0,
                 (1, 'BOS'): 3, (1, 0): 3, (1, 1): 4, (1, 2): 7, (1, 3): 6, (1, 4): 1, (1, 5): 5,
                 (2, 'BOS'): 4, (2, 0): 3, (2, 2): 7, (2, 3): 8, (2, 4): 1, (3, 'BOS'): 7,
                 (3, 0): 3, (3, 1): 0, (3, 2): 7, (3, 3): 8, (3, 4): 0, (4, 'BOS'): 3, (4, 3): 8,
                 (4, 4): 1, (5, 'BOS'): 1, (5, 1): 5, (5, 2): 0, (5, 3): 8, (5, 4): 0,
                 (6, 'BOS'): 0, (6, 0): 0, (6, 1): 5, (6, 2): 1, (6, 4): 0, (6, 5): 0,
                 (7, 'BOS'): 1, (7, 0): 1, (7, 1): 7, (7, 2): 5, (7, 5): 0, (8, 'BOS'): 1,
                 (8, 0): 3, (8, 1): 4, (8, 2): 7, (8, 3): 6, (8, 5): 5}


classes = (0, 1, 2, 3, 4, 5)
classifier_bias = (-1304, 36, -395, -1376, -229, -339)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'tokens': {0: (-142, 319, 65, 7, 128, -91), 1: (275, 218, -423, -156, -89, -89),
               2: (-96, -346, 200, -52, 84, 110), 3: (-36, -276, 31, 57, -33, 38),
               4: (52, -41, -38, -9, -55, 57), 5: (67, -43, -28, 8, -27, 6)},
    'positions': {1: (138, -14, 48, -4, -83, 12), 2: (96, -67, 15, -61, 31, 37),
                  3: (-294, -1, 13, 54, 87, -9)},
    'attn_0_0_outputs': {1: (-48, 94, -38, -55, -60, 45), 2: (5, 39, -66, -45, 41, 18),
                         3: (-7, 20, -61, 47, 8, -51), 4: (-155, -96, 6, -13, 187, -13),
                         5: (-111, -151, -10, -73, 43, 174)},
    'attn_0_1_outputs': {'BOS': (113, -149, -30, 43, 11, -23), 1: (-299, 365, -117, -59, 9, -34),
                         2: (-341, -267, 326, 113, 111, 18), 4: (52, -41, -38, -9, -55, 57),
                         5: (67, -43, -28, 8, -27, 6)},
    'attn_0_2_outputs': {0: (192, -132, -46, -69, 50, -58), 1: (-79, 110, 4, -104, 67, -61),
                         2: (-53, -118, 237, -97, 50, -50), 3: (-52, -29, -65, 78, 38, -72),
                         4: (5, -92, -21, -105, 243, -103), 5: (-92, -153, 18, -110, 43, 142)},
    'attn_0_3_outputs': {0: (117, -128, 42, -76, 108, -41), 1: (-34, -15, 34, -79, 64, 14),
                         2: (-15, -104, 166, -88, 75, -45), 3: (-35, -92, -49, -37, 113, -43),
                         4: (-46, -90, 31, -58, 201, -75), 5: (-40, -93, 23, -99, 75, 59)},
    'num_attn_0_0_outputs': {1: (52, 41, 22, 30, -83, -52), 2: (-55, 49, 66, 78, -68, -132)},
    'num_attn_0_1_outputs': {1: (121, -39, -145, 0, -73, 61), 2: (-131, 28, 54, 5, 32, -5),
                             3: (-69, 63, 56, 18, 94, -113), 4: (105, -34, -67, 54, -126, 74),
                             5: (91, -235, 46, 97, -138, -56), 6: (342, -163, 107, -32, -395, 137),
                             7: (726, -276, 60, -166, -311, -577)},
    'num_attn_0_2_outputs': {2: (6, 7, 175, 47, -55, -119), 3: (41, 23, -128, -59, -15, 127),
                             4: (-157, -24, -322, 50, 303, -52), 5: (0, -50, -49, 2, -122, 156),
                             6: (133, 252, -29, -333, -18, -56),
                             7: (-382, -8, 344, -11, -58, -1363)},
    'num_attn_0_3_outputs': {1: (-209, -31, -1439, -3, 153, 20), 2: (-185, 22, 140, 5, 12, -69),
                             3: (-22, 13, -225, 51, 166, 80), 4: (-462, 27, 207, -105, 74, 49),
                             5: (-102, 282, -1223, 204, 224, 119)},
    'mlp_0_0_outputs': {6: (-68, -55, 181, -66, 21, -29), 7: (8, -18, -21, -34, 60, -40),
                        8: (23, -38, 8, -62, -17, 70)},
    'mlp_0_1_outputs': {5: (-201, -41, -204, -2, 151, -456), 7: (-27, 68, 183, -110, -319, -225),
                        8: (-15, 94, -36, 101, -95, -81)},
    'attn_1_0_outputs': {0: (-108, -352, -194, -30, 163, 105), 2: (94, -19, -458, 90, -12, -78),
                         3: (-183, -195, -188, 43, -202, 130), 4: (-157, -127, -117, 25, -62, 91)},
    'attn_1_1_outputs': {0: (-41, 120, 50, -95, 16, 10), 1: (61, 338, 0, -172, -21, -222),
                         3: (97, 0, 59, 33, 175, -321), 4: (-33, 67, 111, -151, 63, 31),
                         5: (-14, 118, 68, -142, -54, 106)},
    'attn_1_2_outputs': {5: (-174, 145, 226, -132, -47, 22), 8: (-57, -13, 41, 19, 1, 24)},
    'attn_1_3_outputs': {0: (39, 90, 117, -34, 4, -123), 5: (28, 95, -101, -24, -149, -14)},
    'num_attn_1_0_outputs': {1: (-246, -34, 80, 32, 130, 53), 3: (233, -74, 12, 29, -69, -3),
                             4: (378, -12, -57, -38, -36, -93),
                             5: (634, 204, -268, -184, -33, -260)},
    'num_attn_1_1_outputs': {1: (-275, -326, 55, 1290, -539, -433),
                             2: (-279, -246, -95, 1206, -567, -513),
                             3: (-244, -167, -118, 1147, -641, -546),
                             4: (-185, -99, -118, 1092, -688, -533),
                             5: (-170, -21, -91, 1075, -694, -542),
                             6: (-272, 61, -55, 1007, -668, -520),
                             7: (-1493, 192, 57, 863, -646, -451)},
    'num_attn_1_2_outputs': {1: (50, -37, -13, 4, -30, -17), 2: (94, -179, 17, 7, -62, 81),
                             3: (72, -238, 124, 57, -220, 181), 4: (122, -231, 193, 79, -345, 277),
                             5: (203, -220, 336, 28, -460, 253),
                             6: (229, -199, 276, -117, -346, 259),
                             7: (7, -204, 360, -140, -315, 299),
                             8: (-1172, -334, 415, -172, -269, 346)},
    'num_attn_1_3_outputs': {1: (37, -53, 44, -87, 82, 67), 2: (42, -205, -24, -37, 174, 58),
                             3: (166, -252, -33, -82, 193, 116),
                             4: (236, -323, -20, -95, 151, 171)},
    'mlp_1_0_outputs': {2: (39, -27, -23, 28, 29, 13), 3: (169, 27, 4, 50, 65, -123),
                        4: (100, -30, -42, 15, -4, -32), 5: (97, -135, -18, 82, 41, -15),
                        7: (40, -45, 32, 67, -63, -50), 8: (31, -17, -120, 15, 39, -5)},
    'mlp_1_1_outputs': {1: (-9, -35, 86, -5, 115, -109), 3: (46, -160, 260, 44, 242, -199),
                        4: (-165, -200, -5, 154, 51, -28), 5: (-6, 99, -193, -584, 586, -2),
                        6: (-76, 56, 16, 2, 99, -112), 7: (-125, -110, 260, 19, 21, -62),
                        8: (-572, -93, 413, 128, 185, 169)},
    'attn_2_0_outputs': {0: (213, -204, -2, 59, -197, 94), 1: (-55, 269, 100, 38, -114, -175),
                         2: (-43, -174, 379, -36, -41, 21), 3: (-286, -257, 24, 376, -8, -53),
                         4: (9, -132, -49, -122, 252, 14), 5: (-283, -136, -62, -104, -168, 226)},
    'attn_2_1_outputs': {0: (564, -197, -99, -250, -245, -471),
                         1: (-443, 643, -240, -293, -376, -225),
                         2: (-338, -172, 696, -65, -307, -262),
                         3: (-235, -78, -71, 540, -294, -214),
                         4: (-435, -336, -85, -141, 471, -346),
                         5: (-405, -486, -229, -236, -370, 470)},
    'attn_2_2_outputs': {0: (450, -205, -102, -285, -50, -120),
                         1: (-220, 413, -138, -298, -55, -100), 2: (-177, -154, 536, -208, 6, -64),
                         3: (-196, -280, -103, 289, -28, -73),
                         4: (-259, -209, -118, -242, 465, -127),
                         5: (-303, -248, -197, -315, -242, 364)},
    'attn_2_3_outputs': {0: (529, -158, -128, -153, -74, -151), 1: (-78, 563, -80, -3, -136, -135),
                         2: (4, -62, 435, -14, 0, -26), 3: (-14, 74, 13, 394, -32, -40),
                         4: (10, -162, -64, -90, 468, -81), 5: (-153, -220, -207, -199, -160, 424)},
    'num_attn_2_0_outputs': {1: (1672, 107, 123, 69, 97, 95), 2: (1763, 113, 73, 74, 91, 30),
                             3: (1533, 97, 1, 165, 165, 130), 4: (1651, 177, -98, 92, -105, 30)},
    'num_attn_2_1_outputs': {1: (0, 14, 465, 37, 545, 435), 2: (-154, -106, 276, -30, 1292, 286),
                             3: (-29, 43, 416, 95, 787, 415), 4: (-111, -79, 245, -68, 1044, 160),
                             5: (-286, -187, 139, -158, 881, 190),
                             6: (-684, -461, -272, -272, 499, 199)},
    'num_attn_2_2_outputs': {1: (-162, 156, 130, 205, 140, -158), 2: (621, 67, 8, 70, -27, -221),
                             3: (184, 254, 169, 152, -31, -183),
                             4: (476, 324, 182, -109, -375, -516),
                             5: (103, -123, -530, -356, -584, -332),
                             7: (-1539, -419, -1705, -1927, -1121, -1774)},
    'num_attn_2_3_outputs': {1: (179, 701, 212, 382, -107, 46), 2: (-28, 501, -24, 274, -307, 778),
                             3: (116, 610, 49, 402, -211, 350), 4: (-58, 498, -138, 358, -348, 739),
                             5: (-76, 464, -336, 70, -502, 431),
                             6: (223, 476, -118, 487, -705, 552),
                             7: (-1957, -1077, -2357, -470, -2824, -107)},
    'mlp_2_0_outputs': {1: (-80, -28, -110, -39, -199, 13), 3: (259, -71, 53, 50, -433, -131),
                        4: (-50, -82, -79, 126, -70, 18), 6: (-8, 31, -108, 55, -127, 83),
                        7: (-237, 43, -277, 100, -197, -14), 8: (-205, -129, -155, -25, -158, 20)},
    'mlp_2_1_outputs': {1: (-59, -143, 7, 22, 327, -78), 2: (-73, -108, 135, 127, 147, -21),
                        3: (216, -217, -120, 46, -161, 110), 4: (-754, 504, -94, -40, -233, -104),
                        5: (-642, -234, -84, -96, -28, 504), 6: (-519, -385, -117, 512, -304, 292),
                        7: (-47, -288, 112, 105, -93, 148), 8: (130, -408, -10, 73, 146, -71)},
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
    attn_0_1_outputs = attend(tokens, tokens, tokens, attn_0_1_pattern)
    attn_0_2_outputs = attend(positions, positions, tokens, attn_0_2_pattern)
    attn_0_3_outputs = attend(positions, positions, tokens, attn_0_3_pattern)
    num_attn_0_0_outputs = count(tokens, tokens, before=num_attn_0_0_before)
    num_attn_0_1_outputs = count(tokens, tokens, num_attn_0_1_pattern, before=num_attn_0_1_before)
    num_attn_0_2_outputs = count(tokens, tokens, num_attn_0_2_pattern, before=num_attn_0_2_before)
    num_attn_0_3_outputs = count(tokens, positions, num_attn_0_3_pattern, before=num_attn_0_3_before)
    mlp_0_0_outputs = [mlp_0_0_table.get((attn_0_3_outputs[i], tokens[i]), 8) for i in range(n)]
    mlp_0_1_outputs = [mlp_0_1_table.get((tokens[i], attn_0_0_outputs[i]), 8) for i in range(n)]
    attn_1_0_outputs = attend(num_attn_0_2_outputs, positions, tokens, attn_1_0_pattern)
    attn_1_1_outputs = attend(num_attn_0_1_outputs, tokens, tokens, attn_1_1_pattern)
    attn_1_2_outputs = attend(positions, positions, mlp_0_1_outputs, attn_1_2_pattern)
    attn_1_3_outputs = attend(positions, mlp_0_0_outputs, attn_0_2_outputs, attn_1_3_pattern)
    num_attn_1_0_outputs = count(tokens, attn_0_1_outputs, num_attn_1_0_pattern, before=num_attn_1_0_before)
    num_attn_1_1_outputs = count(tokens, num_attn_0_2_outputs, num_attn_1_1_pattern, before=num_attn_1_1_before)
    num_attn_1_2_outputs = count(tokens, num_attn_0_2_outputs, num_attn_1_2_pattern, before=num_attn_1_2_before)
    num_attn_1_3_outputs = count(num_attn_0_2_outputs, num_attn_0_2_outputs, num_attn_1_3_pattern,
                                 before=num_attn_1_3_before, where=[v in {0} for v in num_attn_0_0_outputs])
    mlp_1_0_outputs = [mlp_1_0_table.get((attn_0_2_outputs[i], tokens[i]), 0) for i in range(n)]
    mlp_1_1_outputs = [mlp_1_1_table.get((attn_1_3_outputs[i], attn_0_0_outputs[i]), 0) for i in range(n)]
    attn_2_0_outputs = attend(num_attn_1_3_outputs, positions, tokens, attn_2_0_pattern)
    attn_2_1_outputs = attend(num_attn_1_3_outputs, positions, tokens, attn_2_1_pattern)
    attn_2_2_outputs = attend(num_attn_1_3_outputs, positions, tokens, attn_2_2_pattern)
    attn_2_3_outputs = attend(num_attn_1_3_outputs, positions, tokens, attn_2_3_pattern)
    num_attn_2_0_outputs = count(tokens, attn_0_0_outputs, num_attn_2_0_pattern, before=num_attn_2_0_before)
    num_attn_2_1_outputs = count(tokens, attn_1_2_outputs, num_attn_2_1_pattern, before=num_attn_2_1_before)
    num_attn_2_2_outputs = count(tokens, attn_1_2_outputs, num_attn_2_2_pattern, before=num_attn_2_2_before)
    num_attn_2_3_outputs = count(tokens, attn_1_2_outputs, num_attn_2_3_pattern, before=num_attn_2_3_before)
    mlp_2_0_outputs = [mlp_2_0_table.get((attn_1_0_outputs[i], num_attn_0_3_outputs[i]), 4) for i in range(n)]
    mlp_2_1_outputs = [mlp_2_1_table.get((num_attn_0_1_outputs[i], tokens[i]), 2) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
