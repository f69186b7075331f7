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
    return key == {1: 4, 2: 7, 3: 2, 4: 3}.get(query, query + 1)


def attn_0_1_pattern(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {1: 3, 2: None, 3: 4, 4: 2, 5: 1}.get(query, 0)


def attn_0_2_pattern(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {0: 0, 2: None, 3: 4, 4: 1, 6: 3, 7: 1}.get(query, 2)


def attn_0_3_pattern(key, query):
    """query: positions, key: positions"""
    return key == {0: 2, 4: 4, 5: 5, 6: 5, 7: 3}.get(query, query + 1)


def num_attn_0_0_pattern(key, query):
    """query: tokens, key: tokens"""
    if query == 'BOS':
        return key in {1, 5}
    if query == 2:
        return key in {'BOS', 2}
    if query == 4:
        return key in {2, 4}
    if query == 5:
        return key in {2, 5}
    return key == query and key != 0


def num_attn_0_0_before(key, query):
    """query: tokens, key: tokens; None: no key"""
    return key == {0: 3, 1: 'BOS'}.get(query, None)


def num_attn_0_1_pattern(key, query):
    """query: tokens, key: tokens"""
    if query == 'BOS':
        return key in {'BOS', 1}
    if query == 0:
        return key in {2, 5}
    if query in {2, 4, 5}:
        return False
    return key == query and key != 1


def num_attn_0_1_before(key, query):
    """query: tokens, key: tokens"""
    if query == 0:
        return key in {1, 3, 4}
    if query == 3:
        return False
    return key == query and key != 'BOS'


def num_attn_0_2_pattern(key, query):
    """query: tokens, key: tokens; None: no key"""
    return key == {0: None, 2: 2, 3: 3, 4: 4, 5: 5}.get(query, 1)


def num_attn_0_2_before(key, query):
    """query: tokens, key: tokens; None: no key"""
    return key == {'BOS': None, 0: None}.get(query, 'BOS')


def num_attn_0_3_pattern(key, query):
    """query: positions, key: tokens"""
    if query == 0:
        return key in {'BOS', 1}
    if query == 1:
        return False
    if query == 6:
        return key in {'BOS', 2}
    if query == 7:
        return key not in {1, 2, 3}
    return key == 2


def num_attn_0_3_before(key, query):
    """query: positions, key: tokens"""
    if query in {0, 6}:
        return False
    if query == 1:
        return key == 0
    if query == 7:
        return key in {1, 2}
    return key == 'BOS'

# mlp_0_0: reads (attn_0_3_outputs, tokens); every other input gives 2
mlp_0_0_table = {('BOS', 1): 8, ('BOS', 2): 7, ('BOS', 3): 8, ('BOS', 4): 3, (0, 0): 1, (0, 2): 0,
                 (0, 3): 1, (0, 4): 0, (0, 5): 1, (1, 1): 5, (1, 2): 3, (1, 3): 7, (1, 5): 3,
                 (2, 0): 1, (2, 2): 0, (2, 4): 8, (2, 5): 1, (3, 'BOS'): 8, (3, 0): 3, (3, 1): 0,
                 (3, 2): 0, (3, 3): 7, (3, 4): 0, (3, 5): 1, (4, 1): 8, (4, 2): 3, (4, 3): 8,
                 (4, 4): 6, (5, 0): 3, (5, 1): 3, (5, 2): 1, (5, 3): 0, (5, 4): 0, (5, 5): 1}

# mlp_0_1: reads (tokens, attn_0_0_outputs); every other input gives 8
mlp_0_1_table = {('BOS', 'BOS'): 0, ('BOS', 1): 0, ('BOS', 2): 0, ('BOS', 3): 0, ('BOS', 4): 0,
                 ('BOS', 5): 0, (0, 'BOS'): 3, (0, 0): 3, (0, 1): 3, (0, 2): 3, (0, 3): 3,
                 (0, 4): 3, (0, 5): 3, (5, 5): 7}


def attn_1_0_pattern(key, query):
    """query: num_attn_0_3_outputs, key: num_attn_0_2_outputs"""
    return key == {0: 0, 1: 4, 2: 4, 7: 3, 8: 0}.get(query, 2)


def attn_1_1_pattern(key, query):
    """query: positions, key: num_attn_0_1_outputs"""
    return key == {0: 1, 1: 3, 2: 5, 6: 4, 7: 3}.get(query, 0)


def attn_1_2_pattern(key, query):
    """query: positions, key: positions; None: no key"""
    return key == {1: 7, 2: 7, 3: 3, 4: None, 6: 3, 7: 6}.get(query, 2)


def attn_1_3_pattern(key, query):
    """query: positions, key: positions"""
    return key == {0: 2, 1: 3, 3: 3, 5: 1, 6: 1}.get(query, query - 1)


def num_attn_1_0_pattern(key, query):
    """query: attn_0_3_outputs, key: tokens"""
    if query == 'BOS':
        return key == 1
    if query == 1:
        return key in {1, 2}
    if query == 2:
        return key == 3
    if query == 4:
        return key in {2, 4, 5}
    if query == 5:
        return key in {2, 3}
    return key == query and key != 0


def num_attn_1_0_before(key, query):
    """query: attn_0_3_outputs, key: tokens"""
    if query in {0, 1}:
        return False
    if query == 3:
        return key in {1, 2}
    if query == 4:
        return key == 'BOS'
    if query == 5:
        return key == 1
    return key == 5


def num_attn_1_1_pattern(key, query):
    """query: positions, key: num_attn_0_2_outputs"""
    if query == 1:
        return key == 7
    if query == 2:
        return key in {3, 4, 5, 7}
    if query == 3:
        return key in {3, 7}
    if query in {4, 7}:
        return key not in {0, 1, 2, 5}
    if query == 5:
        return key not in {0, 1}
    if query == 6:
        return key in {4, 5, 6, 7}
    return key == query + 3


def num_attn_1_1_before(key, query):
    """query: positions, key: num_attn_0_2_outputs"""
    if query == 0:
        return key == 2
    if query == 3:
        return key in {2, 4, 5, 8}
    if query == 7:
        return key == 5
    return key == query + 6 and key != 7


def num_attn_1_2_pattern(key, query):
    """query: positions, key: positions"""
    if query == 0:
        return key in {3, 4}
    if query in {3, 6}:
        return key in {3, 4, 7}
    if query == 4:
        return key != 7
    if query == 5:
        return True
    if query == 7:
        return key not in {0, 1, 4}
    return key == query + 2 and key != 3


def num_attn_1_2_before(key, query):
    """query: positions, key: positions"""
    if query == 2:
        return key == 0
    if query == 3:
        return key != 1
    if query == 6:
        return key in {0, 2, 5}
    return key == query


def num_attn_1_3_pattern(key, query):
    """query: num_attn_0_2_outputs, key: num_attn_0_2_outputs"""
    if query == 0:
        return key in {4, 5, 6, 7}
    if query == 1:
        return key in {4, 7, 8}
    if query == 2:
        return key in {3, 7}
    if query == 8:
        return key not in {2, 3, 7, 8}
    return key == query - 8


def num_attn_1_3_before(key, query):
    """query: num_attn_0_2_outputs, key: num_attn_0_2_outputs"""
    if query == 1:
        return key in {0, 2}
    if query == 2:
        return key not in {3, 7}
    if query == 3:
        return key in {3, 6, 7}
    if query == 4:
        return key == 5
    if query == 8:
        return key in {2, 8}
    return key == query - 8

# mlp_1_0: reads (attn_0_2_outputs, tokens); every other input gives 8
mlp_1_0_table = {('BOS', 'BOS'): 4, ('BOS', 1): 7, ('BOS', 2): 1, ('BOS', 3): 4, ('BOS', 4): 6,
                 ('BOS', 5): 7, (0, 'BOS'): 1, (0, 0): 1, (0, 3): 4, (1, 'BOS'): 4, (1, 0): 0,
                 (1, 1): 1, (1, 2): 4, (1, 4): 0, (1, 5): 7, (2, 'BOS'): 4, (2, 0): 7, (2, 1): 1,
                 (2, 2): 3, (2, 3): 4, (2, 4): 6, (2, 5): 6, (3, 'BOS'): 7, (3, 0): 7, (3, 1): 7,
                 (3, 3): 0, (3, 4): 3, (4, 0): 1, (4, 1): 6, (4, 2): 0, (4, 5): 0, (5, 0): 6,
                 (5, 2): 3, (5, 3): 4}

# mlp_1_1: reads (attn_0_3_outputs, tokens); every other input gives 0
mlp_1_1_table = {('BOS', 'BOS'): 3, ('BOS', 0): 8, ('BOS', 2): 3, ('BOS', 3): 8, ('BOS', 4): 8,
                 ('BOS', 5): 6, (0, 'BOS'): 6, (0, 0): 1, (0, 1): 2, (0, 2): 7, (0, 3): 2,
                 (1, 'BOS'): 8, (1, 1): 7, (1, 3): 3, (1, 4): 8, (2, 'BOS'): 7, (2, 0): 3,
                 (2, 1): 8, (2, 2): 6, (2, 4): 6, (3, 'BOS'): 7, (3, 0): 7, (3, 2): 8, (3, 3): 7,
                 (3, 5): 7, (4, 'BOS'): 8, (4, 0): 3, (4, 2): 3, (4, 4): 8, (4, 5): 6,
                 (5, 'BOS'): 8, (5, 0): 6, (5, 3): 6}


def attn_2_0_pattern(key, query):
    """query: positions, key: num_attn_1_3_outputs"""
    return key == {0: 0, 1: 1, 2: 3, 6: 7, 7: 6}.get(query, query + 2)


def attn_2_1_pattern(key, query):
    """query: num_attn_1_2_outputs, key: num_attn_1_3_outputs"""
    return key == {0: 0, 1: 7, 3: 8, 4: 4, 6: 7}.get(query, query - 1)


def attn_2_2_pattern(key, query):
    """query: num_attn_1_2_outputs, key: num_attn_1_3_outputs"""
    return key == {1: 8, 2: 3, 6: 5, 8: 5}.get(query, query)


def attn_2_3_pattern(key, query):
    """query: positions, key: num_attn_1_3_outputs"""
    return key == {1: 0, 4: 5, 5: 6, 7: 6}.get(query, query)


def num_attn_2_0_pattern(key, query):
    """query: attn_1_0_outputs, key: tokens"""
    return key == 0


def num_attn_2_0_before(key, query):
    """query: attn_1_0_outputs, key: tokens"""
    return key == {3: 2}.get(query, 'BOS')


def num_attn_2_1_pattern(key, query):
    """query: attn_1_0_outputs, key: tokens"""
    if query == 3:
        return False
    if query == 7:
        return key in {0, 2}
    return key == 4


def num_attn_2_1_before(key, query):
    """query: attn_1_0_outputs, key: tokens"""
    if query == 3:
        return key in {'BOS', 2, 4}
    if query == 7:
        return key not in {0, 2, 5}
    return key == 'BOS'


def num_attn_2_2_pattern(key, query):
    """query: attn_1_1_outputs, key: tokens; None: no key"""
    return key == {0: 'BOS', 3: None}.get(query, 0)


def num_attn_2_2_before(key, query):
    """query: attn_1_1_outputs, key: tokens"""
    if query == 0:
        return key in {0, 5}
    if query == 3:
        return key in {'BOS', 0, 2}
    return key == 'BOS'


def num_attn_2_3_pattern(key, query):
    """query: attn_1_0_outputs, key: tokens; None: no key"""
    return key == {3: None, 7: 2}.get(query, 5)


def num_attn_2_3_before(key, query):
    """query: attn_1_0_outputs, key: tokens"""
    if query == 3:
        return key in {'BOS', 2, 5}
    if query == 7:
        return key != 2
    return key == 'BOS'

# mlp_2_0: reads (attn_2_3_outputs, num_attn_0_3_outputs); every other input gives 4
mlp_2_0_table = {('BOS', 0): 0, ('BOS', 1): 6, ('BOS', 2): 7, ('BOS', 5): 8, ('BOS', 6): 6,
                 ('BOS', 7): 6, ('BOS', 8): 0, (0, 0): 3, (0, 2): 7, (0, 3): 0, (0, 4): 0,
                 (0, 5): 2, (0, 6): 6, (0, 7): 0, (0, 8): 0, (1, 0): 3, (1, 1): 2, (1, 2): 8,
                 (1, 3): 2, (1, 4): 2, (1, 5): 2, (1, 6): 6, (1, 8): 6, (2, 0): 2, (2, 1): 7,
                 (2, 2): 7, (2, 5): 2, (2, 7): 0, (2, 8): 1, (3, 0): 3, (3, 1): 2, (3, 2): 7,
                 (3, 3): 0, (3, 4): 1, (3, 5): 2, (4, 0): 2, (4, 1): 6, (4, 2): 7, (4, 3): 8,
                 (4, 5): 2, (4, 7): 0, (4, 8): 0, (5, 0): 1, (5, 1): 8, (5, 2): 7, (5, 3): 1,
                 (5, 4): 1, (5, 5): 0, (5, 6): 3, (5, 7): 7, (5, 8): 3}

# mlp_2_1: reads (num_attn_0_0_outputs, tokens); every other input gives 0
mlp_2_1_table = {(0, 'BOS'): 1, (0, 0): 3, (0, 1): 3, (0, 3): 3, (0, 4): 1, (0, 5): 5,
                 (1, 'BOS'): 3, (1, 0): 3, (1, 1): 4, (1, 3): 6, (1, 4): 1, (1, 5): 5,
                 (2, 'BOS'): 4, (2, 0): 8, (2, 1): 4, (2, 2): 6, (2, 3): 8, (2, 4): 1, (2, 5): 5,
                 (3, 0): 8, (3, 1): 2, (3, 3): 8, (3, 4): 2, (3, 5): 2, (4, 'BOS'): 3, (4, 0): 3,
                 (4, 1): 2, (4, 3): 8, (4, 4): 2, (4, 5): 2, (5, 'BOS'): 1, (5, 0): 8, (5, 1): 2,
                 (5, 3): 6, (5, 5): 3, (6, 1): 5, (6, 2): 8, (6, 3): 3, (6, 4): 5, (6, 5): 5,
                 (7, 'BOS'): 1, (7, 0): 1, (7, 2): 5, (7, 3): 3, (7, 5): 5, (8, 'BOS'): 1,
                 (8, 0): 1, (8, 1): 4, (8, 2): 8, (8, 3): 3, (8, 5): 5}


classes = (0, 1, 2, 3, 4, 5)
classifier_bias = (707, 437, -273, -593, -138, -241)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'tokens': {0: (-28, -13, 35, -55, 71, 41), 1: (-159, -31, 25, 104, 79, -27),
               2: (132, -18, -39, -178, 50, 15), 3: (12, -123, -82, 10, 85, 1),
               4: (-50, 158, 16, 37, -54, -38), 5: (-70, 127, -36, 45, -88, -29)},
    'positions': {1: (171, -56, -80, -149, 114, -22), 2: (127, 32, -23, -1, -19, -116),
                  3: (104, 323, 177, -63, -309, -62), 4: (-382, -397, 84, 135, 360, 203),
                  5: (-255, 68, -602, 443, 235, 53), 6: (340, -44, -104, -34, -87, -87)},
    'attn_0_0_outputs': {0: (184, -38, -124, 26, -128, -139), 1: (92, 125, -128, -3, -155, -169),
                         2: (74, -18, 47, -6, -142, -154), 3: (73, -42, -121, 129, -156, -160),
                         4: (90, -32, -106, -7, 11, -169), 5: (79, -16, -121, -17, -153, 0)},
    'attn_0_1_outputs': {0: (328, -83, -125, 40, -87, -137), 1: (-112, 549, -123, -167, -49, -69),
                         2: (32, -46, 169, -93, -72, -76), 3: (-222, -238, -189, 609, -279, -239),
                         4: (-58, -149, -164, 4, 179, -30)},
    'attn_0_2_outputs': {'BOS': (28, -119, -167, 94, 12, 61), 1: (-73, 567, -347, -79, -180, -71),
                         2: (-144, -232, 558, -81, -168, -133), 3: (340, -44, -104, -34, -87, -87),
                         4: (-46, -110, -143, -70, 179, 20)},
    'attn_0_3_outputs': {0: (149, -118, -180, 317, -126, -275), 1: (271, 18, 62, -298, 26, -80),
                         2: (206, 21, 61, -258, 20, -100), 3: (257, -10, 126, -266, 66, -75),
                         4: (311, 21, 65, -336, 4, -60), 5: (253, -13, 16, -294, 7, -47)},
    'num_attn_0_0_outputs': {1: (67, -97, -155, 118, -62, -70), 2: (-5, -214, 243, 74, -10, 3),
                             3: (-138, -209, 252, -20, 120, 35), 4: (-144, -173, 326, -15, 117, 20),
                             5: (-227, -345, 655, -182, 15, 29),
                             6: (-309, -398, 973, 86, -275, -309),
                             7: (-620, -1258, 1163, -802, -405, -776)},
    'num_attn_0_1_outputs': {0: (-64, 62, 17, 4, 44, -2), 1: (-38, -4, -23, 45, 30, -39),
                             2: (43, -96, -12, -3, -57, 96), 3: (86, -127, 13, -39, -138, 107),
                             4: (59, -95, 62, -65, -147, 75), 5: (-4, -5, 73, 13, -97, 1)},
    'num_attn_0_2_outputs': {0: (-28, -13, 35, -55, 71, 41), 2: (-14, -40, 54, 40, 37, 26),
                             3: (17, 57, 21, 32, -16, -20), 4: (-153, 131, 5, 49, -7, 45),
                             5: (-151, 168, -353, 183, 17, 68), 6: (-98, 377, -636, 37, 199, 328)},
    'num_attn_0_3_outputs': {1: (-168, 180, -466, 347, 75, 26), 2: (-320, 69, 353, 20, -287, 25),
                             3: (-145, -72, 241, 148, -170, -18), 4: (-337, 41, -55, 336, 67, 172),
                             5: (79, 280, -1046, 619, 385, 235),
                             6: (791, -319, -1090, -449, 685, 418)},
    'mlp_0_0_outputs': {1: (-72, -16, 39, 22, 50, -32), 2: (-46, -63, 23, 44, -26, 11),
                        3: (-32, -50, 24, 27, 29, -7), 5: (-16, -65, -10, 2, -10, -12),
                        6: (-128, -88, 47, 29, 55, 7), 7: (-41, -59, 8, 1, -17, -40),
                        8: (-6, -56, -28, 0, -23, -3)},
    'mlp_0_1_outputs': {3: (-28, -13, 35, -55, 71, 41), 8: (-30, 28, 22, 42, 8, 23)},
    'attn_1_0_outputs': {3: (245, -446, -515, -390, 257, 630), 7: (-203, 97, 151, 194, 257, -217),
                         8: (-214, 92, -22, 87, 65, 50)},
    'attn_1_1_outputs': {7: (792, -64, -155, 34, -51, -546), 8: (792, -257, -290, 56, -275, -306)},
    'attn_1_2_outputs': {3: (-180, 25, 54, -12, 89, 37), 7: (-130, 135, 320, -9, 182, -155),
                         8: (-180, 0, 53, -68, 58, 90)},
    'attn_1_3_outputs': {0: (-1009, 151, 250, -77, 363, 460), 1: (-956, 168, 138, -62, 285, 384),
                         2: (-952, 97, 187, -57, 265, 404), 3: (-971, 84, 127, -3, 284, 394),
                         4: (-952, 88, 124, -54, 348, 392), 5: (-965, 99, 141, -74, 264, 471)},
    'num_attn_1_0_outputs': {1: (-131, -159, -187, 572, -110, -146),
                             2: (-151, -167, -205, 559, -133, -186),
                             3: (-179, -138, -239, 617, -153, -166),
                             4: (-185, -131, -196, 611, -89, -183),
                             5: (-200, -97, -198, 617, -61, -191),
                             6: (-213, -109, -193, 599, -37, -158),
                             7: (-65, -202, -211, 426, 94, -221)},
    'num_attn_1_1_outputs': {2: (202, -142, -43, -119, -20, -1),
                             3: (379, -227, -39, -168, -64, -100), 4: (315, -226, 26, -188, 26, 20),
                             5: (109, -227, 43, -153, 62, 50), 6: (103, -336, 145, -146, 139, 122),
                             7: (43, -270, 147, -185, 88, 165), 8: (3, -436, 208, -107, 140, 153)},
    'num_attn_1_2_outputs': {1: (-37, 43, 53, 143, -92, -71), 2: (-45, 89, 57, 148, -134, -93),
                             3: (-483, 109, 130, 305, 25, 107), 4: (-488, 102, 84, 265, -107, 130),
                             5: (-455, 112, 106, 285, -99, 131), 6: (-426, 98, 166, 223, -33, 121),
                             7: (-196, 84, 136, 147, -133, 9), 8: (297, -78, 62, -44, -249, -28)},
    'num_attn_1_3_outputs': {1: (-16, 51, 22, -24, 5, 43), 2: (-8, 30, 2, -5, -1, 50),
                             3: (8, -35, 21, -61, 37, 83), 4: (-206, 52, 72, 9, 113, 145),
                             5: (-18, 3, 29, -35, 81, 123), 6: (69, -7, 6, -77, 85, 106),
                             7: (125, 22, -69, -62, 138, 63)},
    'mlp_1_0_outputs': {1: (41, 50, -19, 10, -181, -3), 3: (9, 50, -71, 42, -32, 91),
                        4: (-15, 3, 153, -26, -175, 73), 6: (9, -51, 7, 33, -154, 69),
                        7: (68, -10, 32, 3, -172, 54), 8: (-40, 31, 108, 44, -139, 71)},
    'mlp_1_1_outputs': {1: (-204, 80, 74, 88, 158, 154), 2: (31, -12, -14, -36, 32, 112),
                        3: (54, 12, -76, -23, -63, -1), 6: (2, 20, 4, -21, 17, -38),
                        7: (26, 43, -66, -13, -7, 37), 8: (65, 5, -87, -28, -24, 34)},
    'attn_2_0_outputs': {0: (-378, -231, 481, -122, 277, 627), 1: (-297, 225, -73, -50, -44, -79),
                         2: (-253, -45, 168, 4, -31, -12), 3: (-278, -95, -74, 229, -68, -44),
                         4: (-246, -85, -65, -40, 221, -65), 5: (-266, -60, -63, 1, -38, 210)},
    'attn_2_1_outputs': {0: (-73, -50, 22, -46, 20, -5), 1: (-471, 440, -236, -139, -227, -216),
                         2: (-476, -198, 387, -144, -125, -170),
                         3: (-492, -191, -229, 437, -209, -229),
                         4: (-459, -201, -170, -168, 426, -206),
                         5: (-500, -203, -212, -151, -152, 400)},
    'attn_2_2_outputs': {0: (346, 197, -541, 95, -378, -686), 1: (-228, 205, -139, -60, -129, -86),
                         2: (-246, -81, 138, -74, -72, -94), 3: (-238, -87, -107, 207, -104, -110),
                         4: (-238, -74, -73, -83, 129, -73), 5: (-225, -78, -109, -97, -72, 130)},
    'attn_2_3_outputs': {0: (-46, -198, 53, -28, -48, 40), 1: (-494, 286, 70, 14, -75, -372),
                         2: (-386, -143, 325, -103, -65, -124),
                         3: (-479, -198, -168, 408, -141, -270),
                         4: (-417, -152, -127, -145, 364, -158),
                         5: (-446, -180, -157, -126, -222, 366)},
    'num_attn_2_0_outputs': {1: (-1730, 443, 453, 516, 433, 487),
                             2: (549, -300, -290, -239, -286, -236),
                             3: (1148, -483, -442, -421, -425, -385),
                             6: (-984, 686, 185, 187, -317, 1234)},
    'num_attn_2_1_outputs': {1: (64, 106, 129, 109, -566, 117),
                             2: (-109, -109, -97, -105, 303, -100), 3: (-57, 13, -56, 27, 4, -7),
                             4: (-138, -61, -80, -3, 224, -3), 5: (-146, -39, -107, 28, 176, -2)},
    'num_attn_2_2_outputs': {1: (311, -16, -36, -28, -28, -25),
                             2: (266, -110, -134, -131, -120, -133),
                             3: (-959, 392, 363, 400, 389, 389), 4: (-791, 258, 289, 305, 291, 360),
                             6: (385, -412, -173, 31, 403, -396)},
    'num_attn_2_3_outputs': {1: (108, 156, 144, 141, 153, -751),
                             2: (-135, -130, -142, -146, -125, 340), 3: (-64, 5, -83, -4, -31, 60),
                             4: (-231, -46, -149, -41, 2, 328), 5: (-134, -38, -151, -34, 21, 308),
                             6: (45, -362, 41, -115, 24, 182)},
    'mlp_2_0_outputs': {1: (98, -79, 41, 56, 200, -140), 2: (124, -74, -308, 26, -95, 203),
                        3: (135, -177, 109, -559, 243, 462), 4: (-54, -81, 30, 97, 34, -102),
                        6: (26, -66, -362, 178, 8, 74), 7: (-93, -335, 191, 119, 65, -263),
                        8: (0, -149, -13, 51, -11, -49)},
    'mlp_2_1_outputs': {1: (70, -146, -297, -351, 443, -21), 2: (299, -13, -91, -171, 154, 62),
                        3: (182, 21, -15, -45, 74, -166), 4: (102, 405, -242, -441, 14, -196),
                        5: (82, -150, -277, -379, 236, 230), 6: (-83, 43, 134, -54, 31, -72),
                        8: (42, 355, -37, -282, 364, 1)},
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
    attn_0_1_outputs = attend(tokens, positions, tokens, attn_0_1_pattern)
    attn_0_2_outputs = attend(tokens, positions, tokens, attn_0_2_pattern)
    attn_0_3_outputs = attend(positions, positions, tokens, attn_0_3_pattern)
    num_attn_0_0_outputs = count(tokens, tokens, num_attn_0_0_pattern, before=num_attn_0_0_before)
    num_attn_0_1_outputs = count(tokens, tokens, num_attn_0_1_pattern, before=num_attn_0_1_before)
    num_attn_0_2_outputs = count(tokens, tokens, num_attn_0_2_pattern, before=num_attn_0_2_before)
    num_attn_0_3_outputs = count(tokens, positions, num_attn_0_3_pattern, before=num_attn_0_3_before)
    mlp_0_0_outputs = [mlp_0_0_table.get((attn_0_3_outputs[i], tokens[i]), 2) for i in range(n)]
    mlp_0_1_outputs = [mlp_0_1_table.get((tokens[i], attn_0_0_outputs[i]), 8) for i in range(n)]
    attn_1_0_outputs = attend(num_attn_0_2_outputs, num_attn_0_3_outputs, mlp_0_1_outputs, attn_1_0_pattern)
    attn_1_1_outputs = attend(num_attn_0_1_outputs, positions, mlp_0_1_outputs, attn_1_1_pattern)
    attn_1_2_outputs = attend(positions, positions, mlp_0_1_outputs, attn_1_2_pattern)
    attn_1_3_outputs = attend(positions, positions, tokens, attn_1_3_pattern)
    num_attn_1_0_outputs = count(tokens, attn_0_3_outputs, num_attn_1_0_pattern, before=num_attn_1_0_before)
    num_attn_1_1_outputs = count(num_attn_0_2_outputs, positions, num_attn_1_1_pattern, before=num_attn_1_1_before)
    num_attn_1_2_outputs = count(positions, positions, num_attn_1_2_pattern, before=num_attn_1_2_before)
    num_attn_1_3_outputs = count(num_attn_0_2_outputs, num_attn_0_2_outputs, num_attn_1_3_pattern,
                                 before=num_attn_1_3_before)
    mlp_1_0_outputs = [mlp_1_0_table.get((attn_0_2_outputs[i], tokens[i]), 8) for i in range(n)]
    mlp_1_1_outputs = [mlp_1_1_table.get((attn_0_3_outputs[i], tokens[i]), 0) for i in range(n)]
    attn_2_0_outputs = attend(num_attn_1_3_outputs, positions, tokens, attn_2_0_pattern)
    attn_2_1_outputs = attend(num_attn_1_3_outputs, num_attn_1_2_outputs, tokens, attn_2_1_pattern)
    attn_2_2_outputs = attend(num_attn_1_3_outputs, num_attn_1_2_outputs, tokens, attn_2_2_pattern)
    attn_2_3_outputs = attend(num_attn_1_3_outputs, positions, tokens, attn_2_3_pattern)
    num_attn_2_0_outputs = count(tokens, attn_1_0_outputs, num_attn_2_0_pattern, before=num_attn_2_0_before)
    num_attn_2_1_outputs = count(tokens, attn_1_0_outputs, num_attn_2_1_pattern, before=num_attn_2_1_before)
    num_attn_2_2_outputs = count(tokens, attn_1_1_outputs, num_attn_2_2_pattern, before=num_attn_2_2_before)
    num_attn_2_3_outputs = count(tokens, attn_1_0_outputs, num_attn_2_3_pattern, before=num_attn_2_3_before)
    mlp_2_0_outputs = [mlp_2_0_table.get((attn_2_3_outputs[i], num_attn_0_3_outputs[i]), 4) for i in range(n)]
    mlp_2_1_outputs = [mlp_2_1_table.get((num_attn_0_0_outputs[i], tokens[i]), 0) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
