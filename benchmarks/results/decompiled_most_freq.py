"""Transformer Program for 'most_freq', decompiled by weightsmith. Standalone: no imports.

run(tokens) -> one label per position; tokens[0] is normally 'BOS', at most 8 tokens.
Layers: 3; per layer 4 categorical heads, 4 numerical heads, 2 MLPs (1 of 30 modules unused and left out).
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
    """query: tokens, key: tokens"""
    return key == {'BOS': 1, 1: 4, 2: 1, 3: 0}.get(query, 3)


def attn_0_1_pattern(key, query):
    """query: tokens, key: tokens"""
    return key == {0: 3, 3: 1, 4: 1}.get(query, 0)


def attn_0_2_pattern(key, query):
    """query: tokens, key: tokens"""
    return key == {'BOS': 4, 0: 5}.get(query, query)


def attn_0_3_pattern(key, query):
    """query: tokens, key: tokens"""
    return key == {0: 1, 3: 0, 4: 0, 5: 1}.get(query, 3)


def num_attn_0_0_pattern(key, query):
    """query: positions, key: positions"""
    if query == 0:
        return key in {6, 7}
    if query == 2:
        return key in {2, 4, 5}
    if query == 3:
        return key in {3, 6, 7}
    if query == 4:
        return key not in {0, 1}
    if query == 5:
        return key in {0, 5, 7}
    if query == 7:
        return key in {1, 2, 4, 7}
    return key == query - 8


def num_attn_0_0_before(key, query):
    """query: positions, key: positions"""
    if query == 4:
        return key in {0, 1}
    if query == 5:
        return key not in {0, 2}
    return key == query - 5 and key != 2


def num_attn_0_1_pattern(key, query):
    """query: positions, key: positions"""
    if query == 0:
        return key not in {3, 4}
    if query == 1:
        return False
    if query == 2:
        return key not in {1, 4, 7}
    if query == 3:
        return key in {3, 4, 5}
    if query == 4:
        return key in {1, 5, 7}
    if query == 6:
        return key in {0, 7}
    if query == 7:
        return key in {4, 6}
    return key > query


def num_attn_0_1_before(key, query):
    """query: positions, key: positions"""
    if query == 5:
        return key == 4
    if query == 7:
        return key not in {4, 6}
    return key == query


def num_attn_0_2_pattern(key, query):
    """query: tokens, key: tokens"""
    if query == 0:
        return key != 0
    if query == 4:
        return key in {'BOS', 4}
    return key == query and key != 'BOS'


def num_attn_0_2_before(key, query):
    """query: tokens, key: tokens; None: no key"""
    return key == {0: None, 4: None}.get(query, 'BOS')


def num_attn_0_3_pattern(key, query):
    """query: positions, key: positions"""
    if query == 0:
        return key in {2, 6, 7}
    if query == 1:
        return False
    if query == 2:
        return key in {2, 4, 5}
    if query == 3:
        return key in {5, 6}
    if query == 6:
        return key in {4, 7}
    return key > query or key == 7


def num_attn_0_3_before(key, query):
    """query: positions, key: positions"""
    return key == {2: 0, 3: 2, 4: 1, 5: 1}.get(query, query)

# mlp_0_0: reads (attn_0_0_outputs, attn_0_3_outputs); every other input gives 2
mlp_0_0_table = {('BOS', 1): 0, ('BOS', 2): 0, ('BOS', 3): 6, ('BOS', 4): 6, ('BOS', 5): 6,
                 (0, 3): 3, (0, 4): 6, (1, 0): 1, (1, 1): 1, (1, 2): 7, (1, 3): 7, (1, 5): 8,
                 (2, 0): 6, (2, 1): 7, (2, 2): 1, (2, 3): 4, (2, 4): 7, (2, 5): 8, (3, 'BOS'): 6,
                 (3, 0): 4, (3, 1): 1, (3, 2): 4, (3, 3): 5, (3, 4): 6, (3, 5): 6, (4, 0): 6,
                 (4, 1): 0, (4, 3): 6, (4, 4): 6, (4, 5): 7, (5, 0): 7, (5, 1): 8, (5, 2): 8,
                 (5, 3): 4, (5, 4): 7, (5, 5): 0}

# mlp_0_1: reads (attn_0_1_outputs, attn_0_3_outputs); every other input gives 0
mlp_0_1_table = {('BOS', 0): 6, (0, 'BOS'): 2, (0, 0): 4, (0, 1): 8, (0, 2): 1, (0, 3): 7,
                 (0, 4): 7, (0, 5): 7, (1, 0): 1, (1, 2): 7, (1, 4): 7, (1, 5): 7, (2, 0): 1,
                 (2, 1): 7, (2, 2): 2, (2, 3): 4, (2, 4): 8, (2, 5): 8, (3, 'BOS'): 5, (3, 0): 7,
                 (3, 1): 5, (3, 2): 4, (3, 4): 6, (3, 5): 4, (4, 0): 2, (4, 1): 5, (4, 2): 8,
                 (4, 3): 7, (4, 4): 1, (4, 5): 6, (5, 'BOS'): 6, (5, 0): 3, (5, 1): 7, (5, 2): 8,
                 (5, 3): 4, (5, 4): 6, (5, 5): 1}


def attn_1_0_pattern(key, query):
    """query: positions, key: positions"""
    return key == {3: 3, 4: 1, 5: 4, 6: 5}.get(query, 2)


def attn_1_1_pattern(key, query):
    """query: positions, key: num_attn_0_2_outputs"""
    return key == {2: 3, 3: 3, 4: 5, 7: 3}.get(query, 4)


def attn_1_2_pattern(key, query):
    """query: positions, key: num_attn_0_2_outputs"""
    return key == {1: 4, 4: 6, 5: 4, 6: 4, 7: 0}.get(query, 3)


def attn_1_3_pattern(key, query):
    """query: positions, key: num_attn_0_2_outputs"""
    return key == {0: 4, 1: 4, 2: 3, 3: 0, 7: 3}.get(query, 5)


def num_attn_1_0_pattern(key, query):
    """query: num_attn_0_3_outputs, key: positions"""
    if query == 0:
        return key in {3, 4, 6, 7}
    if query == 1:
        return key in {3, 5}
    if query == 2:
        return key != 1
    if query == 3:
        return key in {1, 2, 3, 6}
    if query == 4:
        return key in {3, 4, 7}
    if query == 5:
        return key != 5
    if query == 6:
        return key in {4, 5}
    return key > query


def num_attn_1_0_before(key, query):
    """query: num_attn_0_3_outputs, key: positions"""
    if query == 4:
        return key in {0, 2}
    return key == query + 8


def num_attn_1_1_pattern(key, query):
    """query: mlp_0_0_outputs, key: mlp_0_0_outputs"""
    if query == 0:
        return key in {7, 8}
    if query == 2:
        return key not in {0, 1, 5, 8}
    if query == 3:
        return key in {3, 7}
    if query == 4:
        return key in {0, 7}
    if query == 5:
        return key in {3, 4, 7, 8}
    if query == 6:
        return key not in {1, 2, 5, 7}
    if query == 7:
        return key in {1, 5, 6, 7}
    if query == 8:
        return key == 7
    return key == query and key != 1


def num_attn_1_1_before(key, query):
    """query: mlp_0_0_outputs, key: mlp_0_0_outputs"""
    if query == 1:
        return key not in {0, 4, 6, 8}
    if query in {3, 4, 7}:
        return False
    if query == 5:
        return key in {0, 5}
    if query == 6:
        return key == 5
    return key == query and key != 2


def num_attn_1_2_pattern(key, query):
    """query: num_attn_0_1_outputs, key: num_attn_0_2_outputs"""
    if query == 2:
        return key in {2, 6}
    if query in {3, 4}:
        return key in {3, 4, 5, 6}
    if query == 5:
        return key not in {0, 1, 2, 8}
    if query == 6:
        return key not in {1, 2, 4, 6}
    if query == 8:
        return key not in {0, 1, 2, 5}
    return key == query - 8


def num_attn_1_3_pattern(key, query):
    """query: num_attn_0_1_outputs, key: tokens"""
    if query in {0, 5}:
        return False
    if query == 1:
        return key in {2, 3}
    if query in {2, 3}:
        return key in {'BOS', 2}
    return key == 2


def num_attn_1_3_before(key, query):
    """query: num_attn_0_1_outputs, key: tokens"""
    if query == 0:
        return key in {2, 3, 5}
    if query == 4:
        return key == 'BOS'
    if query == 5:
        return key in {'BOS', 2}
    if query == 8:
        return key in {'BOS', 5}
    return False

# mlp_1_0: reads (attn_0_3_outputs, attn_0_0_outputs); every other input gives 0
mlp_1_0_table = {('BOS', 2): 7, ('BOS', 4): 5, (0, 1): 7, (0, 2): 7, (0, 3): 4, (0, 4): 7,
                 (1, 2): 7, (1, 3): 7, (1, 4): 5, (2, 3): 4, (2, 4): 5, (3, 0): 4, (3, 1): 4,
                 (3, 2): 7, (3, 4): 5, (3, 5): 4, (4, 'BOS'): 5, (4, 0): 5, (4, 1): 5, (4, 2): 5,
                 (4, 3): 5}


def attn_2_0_pattern(key, query):
    """query: positions, key: num_attn_0_2_outputs"""
    return key == {2: 1, 3: 4, 5: 3, 6: 3, 7: 2}.get(query, query)


def attn_2_1_pattern(key, query):
    """query: positions, key: num_attn_1_0_outputs"""
    return key == {0: 0, 6: 4, 7: 3}.get(query, query - 1)


def attn_2_2_pattern(key, query):
    """query: num_attn_0_1_outputs, key: num_attn_0_2_outputs"""
    return key == {2: 3, 5: 4, 6: 4, 7: 4, 8: 0}.get(query, query)


def attn_2_3_pattern(key, query):
    """query: num_attn_0_0_outputs, key: num_attn_0_1_outputs"""
    return key == {0: 8, 2: 1, 3: 2, 4: 3}.get(query, 0)


def num_attn_2_0_pattern(key, query):
    """query: attn_1_2_outputs, key: tokens; None: no key"""
    return key == {2: 2, 3: 3}.get(query, None)


def num_attn_2_0_before(key, query):
    """query: attn_1_2_outputs, key: tokens"""
    if query == 'BOS':
        return key in {'BOS', 2, 3}
    if query == 0:
        return key not in {'BOS', 1, 4}
    if query == 1:
        return key in {1, 2, 3}
    if query == 3:
        return key == 'BOS'
    if query == 4:
        return key in {2, 3, 4}
    if query == 5:
        return key in {2, 3, 5}
    return key == query and key != 2


def num_attn_2_1_pattern(key, query):
    """query: attn_1_3_outputs, key: tokens; None: no key"""
    return key == {0: 0, 4: 4}.get(query, None)


def num_attn_2_1_before(key, query):
    """query: attn_1_3_outputs, key: tokens"""
    if query == 0:
        return key == 4
    if query == 1:
        return key in {0, 1, 4}
    if query == 2:
        return key in {0, 2, 4}
    if query == 3:
        return key in {0, 3, 4}
    if query == 4:
        return key in {1, 2, 5}
    if query == 5:
        return key in {0, 4, 5}
    return key in {'BOS', 0, 4}


def num_attn_2_2_pattern(key, query):
    """query: attn_1_2_outputs, key: tokens; None: no key"""
    return key == {0: 0, 1: 1}.get(query, None)


def num_attn_2_2_before(key, query):
    """query: attn_1_2_outputs, key: tokens"""
    if query == 0:
        return key == 1
    if query == 1:
        return key == 'BOS'
    if query == 2:
        return key not in {'BOS', 4}
    if query == 3:
        return key in {0, 1, 3}
    if query == 4:
        return key in {0, 1, 4}
    if query == 5:
        return key not in {'BOS', 2, 3}
    return key not in {2, 3, 4}


def num_attn_2_3_pattern(key, query):
    """query: attn_1_3_outputs, key: tokens; None: no key"""
    return key == {'BOS': 5, 3: 5, 5: 5}.get(query, None)


def num_attn_2_3_before(key, query):
    """query: attn_1_3_outputs, key: tokens"""
    if query == 0:
        return key in {'BOS', 0, 5}
    if query == 1:
        return key in {'BOS', 1, 5}
    if query == 2:
        return key in {'BOS', 2, 5}
    if query == 4:
        return key in {'BOS', 4, 5}
    if query == 5:
        return key not in {0, 4, 5}
    return key == query

# mlp_2_0: reads (attn_1_2_outputs, num_attn_1_3_outputs); every other input gives 5
mlp_2_0_table = {('BOS', 0): 3, ('BOS', 2): 8, ('BOS', 3): 0, ('BOS', 4): 0, ('BOS', 7): 8,
                 ('BOS', 8): 8, (0, 0): 1, (0, 2): 8, (0, 3): 0, (0, 4): 0, (0, 7): 8, (0, 8): 8,
                 (1, 0): 3, (1, 2): 8, (1, 3): 0, (1, 4): 0, (1, 6): 6, (1, 7): 2, (1, 8): 8,
                 (2, 0): 6, (2, 1): 7, (2, 2): 4, (2, 3): 0, (2, 4): 0, (2, 5): 0, (2, 6): 7,
                 (2, 7): 0, (2, 8): 8, (3, 2): 2, (3, 4): 0, (3, 7): 2, (3, 8): 8, (4, 0): 3,
                 (4, 2): 8, (4, 3): 0, (4, 4): 0, (4, 5): 0, (4, 7): 2, (4, 8): 2, (5, 0): 1,
                 (5, 2): 8, (5, 3): 0, (5, 4): 0, (5, 6): 0, (5, 7): 8, (5, 8): 2}

# mlp_2_1: reads (tokens, num_attn_1_2_outputs); every other input gives 0
mlp_2_1_table = {('BOS', 0): 7, ('BOS', 1): 7, ('BOS', 2): 8, ('BOS', 3): 8, ('BOS', 4): 8,
                 ('BOS', 5): 8, ('BOS', 6): 8, ('BOS', 7): 2, ('BOS', 8): 5, (0, 0): 7, (0, 1): 7,
                 (0, 3): 8, (0, 4): 8, (0, 8): 8, (1, 0): 3, (1, 1): 3, (1, 3): 8, (1, 4): 8,
                 (1, 7): 3, (1, 8): 3, (2, 0): 4, (2, 1): 4, (2, 3): 8, (2, 4): 8, (3, 0): 1,
                 (3, 1): 1, (3, 3): 8, (3, 4): 8, (3, 8): 1, (4, 0): 5, (4, 1): 5, (4, 3): 8,
                 (4, 4): 8, (4, 7): 5, (4, 8): 5, (5, 0): 2, (5, 1): 2, (5, 3): 8, (5, 4): 8,
                 (5, 8): 2}


classes = (0, 1, 2, 3, 4, 5, 'BOS')
classifier_bias = (-70, 384, -200, 165, 270, -1524, -1219)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'tokens': {0: (132, -113, -25, -20, -9, -11, -313), 1: (-10, 152, 25, -17, -156, 47, 43),
               2: (-34, -74, 2, -15, 55, 5, 29), 3: (-56, -1, -4, 37, 11, -3, -38),
               4: (-29, -30, -1, -24, 22, -3, 56), 5: (-118, -83, 28, 1, 78, -14, 210)},
    'positions': {1: (34, -1, 23, 36, -7, -16, -519), 2: (40, 49, -14, -8, -6, 8, -526),
                  3: (-54, 28, 23, 28, 49, 30, -300), 4: (12, -9, 9, 0, 4, 8, -40),
                  5: (-58, -77, -55, -80, -101, -61, 230),
                  6: (-96, -316, -174, -125, -258, -134, 285)},
    'attn_0_0_outputs': {'BOS': (1, -68, 7, -5, -7, 18, 79), 0: (31, -134, 12, 7, -21, -39, 188),
                         1: (-12, 353, 1, -39, -103, 14, -242),
                         4: (-46, -49, -50, -51, 146, -52, -123)},
    'attn_0_1_outputs': {'BOS': (-28, -142, 2, 4, 17, -6, 137), 0: (68, -43, 4, -5, -12, 0, -121),
                         1: (-56, 214, -7, -16, -27, 11, -178), 3: (-56, -18, 24, 10, 35, 7, 134)},
    'attn_0_2_outputs': {1: (-58, 224, -12, -33, -249, 430, -52),
                         2: (-82, -2, -35, -31, -38, 388, -66),
                         3: (-104, 71, -41, 21, -82, 380, -133),
                         4: (-77, 42, -38, -40, -71, 380, -39),
                         5: (2, -38, -49, -32, -78, 413, -187)},
    'attn_0_3_outputs': {'BOS': (-26, -86, 3, -2, 16, 5, 98), 0: (64, -46, -12, -3, 1, 13, -182),
                         1: (-10, 137, -6, -32, -42, 4, -92), 3: (-33, -21, 16, 28, 0, -11, 20)},
    'num_attn_0_0_outputs': {1: (-76, -14, -37, -58, -34, -1, 730),
                             2: (-33, 44, -23, -30, 8, 31, 423), 3: (-30, 27, -18, -29, 45, 39, 70),
                             4: (-157, -158, -170, -149, -183, -181, 671),
                             5: (-50, -91, -80, -92, -83, 4, 635),
                             6: (-71, -54, -35, -69, -28, -21, 701),
                             7: (-49, -9, -6, -38, -27, 10, 633),
                             8: (-11, 25, -17, -46, 35, 14, 464)},
    'num_attn_0_1_outputs': {0: (34, -1, 23, 36, -7, -16, -519),
                             1: (115, 46, 49, -53, -12, -68, -12),
                             2: (36, 11, -34, -23, -14, -9, 20), 3: (-2, 1, -13, -8, 5, 8, 66),
                             4: (-23, 4, -12, -8, 9, 22, 543), 5: (-38, 4, 58, 2, 15, 15, -409)},
    'num_attn_0_2_outputs': {2: (-3, 2, 5, -4, 18, 21, -107), 3: (1, -3, 3, -6, -13, -2, 36),
                             4: (-24, -7, -14, 9, -28, 2, 104), 5: (33, -8, -16, 1, -24, -29, 37),
                             6: (6, -9, -2, -13, 4, -36, 84), 7: (-9, 1, 22, 16, 13, -37, 49)},
    'num_attn_0_3_outputs': {0: (34, -1, 23, 36, -7, -16, -519), 1: (182, 16, 25, 34, 27, 67, -159),
                             2: (7, -2, -54, -39, -38, -24, 105), 3: (-5, 3, -9, -9, 7, 8, 54),
                             4: (-20, 9, 36, -3, 17, 8, -117)},
    'mlp_0_0_outputs': {0: (-10, 196, -16, -210, -47, -1, -136), 1: (-10, 82, 5, -5, -37, 9, -53),
                        2: (18, -54, -5, -35, 15, 1, 36), 4: (-20, -73, 35, 2, 20, -18, 48),
                        6: (-21, -55, 7, 42, 8, -8, -13), 7: (17, -7, 3, 30, -41, 22, 11)},
    'mlp_0_1_outputs': {0: (-169, 74, 4, 2, 0, 4, 123), 1: (72, 43, -30, -22, -15, 10, -167),
                        2: (68, -11, -7, 11, -13, -4, -128), 5: (-56, -18, 24, 10, 35, 7, 134),
                        6: (55, -238, 5, 21, 22, 16, -174), 7: (79, -51, 8, -9, 1, -43, -102),
                        8: (38, -35, -14, -8, -7, 28, -132)},
    'attn_1_0_outputs': {0: (128, -94, -32, -286, 48, -106, 163),
                         1: (113, -78, -31, -285, 53, -110, 147),
                         2: (98, -98, 5, -263, 38, -121, 100),
                         3: (100, -112, -19, -250, 37, -125, 156),
                         4: (103, -104, -45, -294, 90, -126, 110),
                         5: (120, -90, -31, -278, 49, -90, 114)},
    'attn_1_1_outputs': {0: (-28, 60, 43, 50, -23, 6, -64), 1: (42, -167, -13, 69, -31, 102, 82),
                         3: (42, 24, 57, -94, -17, 17, 18), 4: (75, 33, 44, -8, -60, 1, -41),
                         5: (57, 89, 15, 41, 77, -210, 31)},
    'attn_1_2_outputs': {0: (-63, 11, 13, 41, 26, -7, 66), 1: (24, 95, 37, -37, -41, -53, -103),
                         2: (19, -32, -11, -7, -5, 16, 79), 3: (37, -9, 66, 59, -18, -40, -206),
                         5: (-15, -54, 24, -35, 8, -28, 177)},
    'attn_1_3_outputs': {0: (-48, -6, -14, -15, 38, -3, 118),
                         1: (-117, 113, -87, -135, -67, -153, 632),
                         2: (-118, -85, 135, -69, -32, -118, 311),
                         3: (-112, -123, -45, 98, -116, -83, 616),
                         4: (-138, -141, -108, -108, 150, -163, 599),
                         5: (-130, -125, -58, -91, -95, 195, 32)},
    'num_attn_1_0_outputs': {1: (-152, 20, 99, 24, 83, 33, 60), 2: (-213, 4, 114, 56, 87, 36, -47),
                             3: (-121, -41, 87, 5, 45, 6, -284), 4: (-112, -59, 69, -6, 62, 0, 90),
                             5: (-127, -43, 68, -3, 43, 14, 180),
                             6: (-316, -139, 21, -75, 27, -132, 338),
                             7: (-299, -111, 30, -180, 46, -131, 297)},
    'num_attn_1_1_outputs': {1: (-9, 15, -5, 14, -12, -5, -13), 2: (-7, 20, 14, -3, -13, 1, 28),
                             3: (-4, -5, 20, 2, -41, 22, 48), 4: (-10, 24, 31, 0, -27, 6, -8),
                             5: (-24, 14, 31, -25, -28, 4, 78), 6: (-26, 21, 30, -49, -7, 5, 67),
                             7: (-22, 34, 36, -60, 6, -6, 100), 8: (-21, 27, 29, -51, 4, -3, 94)},
    'num_attn_1_2_outputs': {1: (100, -85, -67, -92, -38, -70, -151),
                             2: (89, -45, 43, 11, 14, 16, -455),
                             3: (89, -44, 44, 10, -35, -5, -348),
                             4: (98, -19, 60, 25, -29, 12, -529),
                             5: (118, -41, 76, 42, -62, 24, -433),
                             6: (92, -52, 66, 22, -105, -10, -222),
                             7: (55, -60, 114, 111, -197, 33, -180)},
    'num_attn_1_3_outputs': {1: (-10, 43, -67, -81, 27, 75, -188),
                             2: (-7, 42, -7, -12, -10, 37, -290),
                             3: (-3, 45, 121, -14, -47, 50, -329),
                             4: (35, 110, -298, 34, -34, 99, -153),
                             5: (29, 97, -395, 63, -139, 90, -4),
                             6: (-70, -384, -441, -196, -255, -96, 174)},
    'mlp_1_0_outputs': {4: (-12, -51, 13, 13, 19, -8, 7), 5: (-51, -53, -54, -52, 165, -62, -142),
                        7: (-15, 78, 1, -6, -18, -1, -72)},
    'attn_2_0_outputs': {1: (-1, -16, -12, 421, -13, -41, -85), 2: (83, -23, 30, -89, -6, 69, 65),
                         4: (113, -41, 14, 463, -744, 84, 110),
                         6: (72, -156, 17, 449, -15, 89, -50),
                         7: (186, 78, 160, 569, 122, 195, -134)},
    'attn_2_1_outputs': {1: (216, 45, 12, -30, -46, 31, -82), 2: (240, 21, 33, 86, 54, 32, -5),
                         5: (128, 113, 75, 97, 60, 105, 31), 6: (276, -247, 87, 37, 31, 107, 15),
                         7: (392, 178, 152, 190, 157, 192, 147),
                         8: (353, 162, 134, 156, 138, 19, 63)},
    'attn_2_2_outputs': {0: (105, 110, 111, -162, 118, 100, -64), 1: (46, 75, 51, 86, 94, 65, 89),
                         3: (89, 128, 88, 118, 43, 14, -1), 4: (98, -168, 72, 127, 171, 109, -56)},
    'attn_2_3_outputs': {1: (7, -14, -9, 277, -5, 7, 23), 2: (81, 6, 18, 187, 8, 90, 49),
                         4: (117, 44, 34, 332, -60, 110, -17), 6: (90, -60, 17, 311, 18, 103, 59),
                         7: (213, 128, 77, 440, 150, 216, 163)},
    'num_attn_2_0_outputs': {1: (10, -53, 84, 101, -51, -50, 151),
                             2: (-76, -87, -31, 8, -66, -105, 252),
                             3: (-297, -244, -309, -277, -183, -287, 332),
                             4: (-340, -254, -476, -373, -191, -302, 611),
                             5: (-675, -607, -1068, -825, -1116, -1179, 749),
                             6: (-930, -737, -782, -1538, -1072, -783, 1146)},
    'num_attn_2_1_outputs': {1: (174, -43, 99, 11, 213, -114, 510),
                             2: (86, -81, 22, -49, 150, -165, 485),
                             3: (-158, -226, -159, -209, -53, -314, 483),
                             4: (-182, -137, -154, -182, -229, -263, 669),
                             5: (-340, -488, -348, -336, -540, -414, 683),
                             6: (-415, -788, -169, -548, -717, -238, 533)},
    'num_attn_2_2_outputs': {1: (93, 112, 57, -9, -71, -63, 55),
                             2: (21, 47, -24, -92, -121, -137, 200),
                             3: (-190, -169, -194, -247, -222, -343, 261),
                             4: (-370, -289, -298, -331, -282, -510, 396),
                             5: (-812, -652, -544, -576, -483, -849, 426),
                             6: (-1093, -425, -1150, -1173, -413, -1215, 796),
                             7: (-618, -459, -792, -915, -463, -868, 1045)},
    'num_attn_2_3_outputs': {1: (-74, -27, -13, -182, -99, 1247, 97),
                             2: (-153, -76, -72, -226, -190, 1511, -321),
                             3: (-293, -212, -241, -383, -333, 1369, -441),
                             4: (-265, -216, -243, -389, -350, 1202, -305),
                             5: (-678, -548, -620, -748, -770, 1009, -233),
                             6: (-443, -300, -457, -519, -534, 1183, 89),
                             8: (-702, -823, -986, -625, -1099, 523, 425)},
    'mlp_2_0_outputs': {1: (218, -146, 82, -434, -220, 305, 258),
                        2: (-2, 3, 372, -134, -23, 43, 139), 3: (-87, 94, 180, -311, 64, 132, 205),
                        4: (117, 73, 159, 41, 45, 87, 514), 5: (-10, -30, 147, 11, -21, -9, 221),
                        6: (78, -395, 669, -544, -268, -288, -247),
                        7: (38, -24, 333, 40, -58, 39, -116), 8: (-29, -28, 371, -48, -51, 2, -68)},
    'mlp_2_1_outputs': {1: (-133, -148, -63, 100, -91, -90, 362),
                        2: (-121, -124, -83, -59, -100, 74, 250),
                        3: (-123, 47, -60, -53, -36, -76, 197),
                        4: (-137, -128, 116, -76, -101, -78, 296),
                        5: (-128, -120, -76, -65, 111, -100, 136),
                        7: (65, -93, -71, -57, -86, -44, 191), 8: (94, 30, 45, 40, 68, 63, -471)},
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
    attn_0_0_outputs = attend(tokens, tokens, tokens, attn_0_0_pattern)
    attn_0_1_outputs = attend(tokens, tokens, tokens, attn_0_1_pattern)
    attn_0_2_outputs = attend(tokens, tokens, tokens, attn_0_2_pattern)
    attn_0_3_outputs = attend(tokens, tokens, tokens, attn_0_3_pattern)
    num_attn_0_0_outputs = count(positions, positions, num_attn_0_0_pattern, before=num_attn_0_0_before)
    num_attn_0_1_outputs = count(positions, positions, num_attn_0_1_pattern, before=num_attn_0_1_before)
    num_attn_0_2_outputs = count(tokens, tokens, num_attn_0_2_pattern, before=num_attn_0_2_before)
    num_attn_0_3_outputs = count(positions, positions, num_attn_0_3_pattern, before=num_attn_0_3_before)
    mlp_0_0_outputs = [mlp_0_0_table.get((attn_0_0_outputs[i], attn_0_3_outputs[i]), 2) for i in range(n)]
    mlp_0_1_outputs = [mlp_0_1_table.get((attn_0_1_outputs[i], attn_0_3_outputs[i]), 0) for i in range(n)]
    attn_1_0_outputs = attend(positions, positions, tokens, attn_1_0_pattern)
    attn_1_1_outputs = attend(num_attn_0_2_outputs, positions, tokens, attn_1_1_pattern)
    attn_1_2_outputs = attend(num_attn_0_2_outputs, positions, tokens, attn_1_2_pattern)
    attn_1_3_outputs = attend(num_attn_0_2_outputs, positions, tokens, attn_1_3_pattern)
    num_attn_1_0_outputs = count(positions, num_attn_0_3_outputs, num_attn_1_0_pattern, before=num_attn_1_0_before)
    num_attn_1_1_outputs = count(mlp_0_0_outputs, mlp_0_0_outputs, num_attn_1_1_pattern, before=num_attn_1_1_before)
    num_attn_1_2_outputs = count(num_attn_0_2_outputs, num_attn_0_1_outputs, num_attn_1_2_pattern)
    num_attn_1_3_outputs = count(tokens, num_attn_0_1_outputs, num_attn_1_3_pattern, before=num_attn_1_3_before)
    mlp_1_0_outputs = [mlp_1_0_table.get((attn_0_3_outputs[i], attn_0_0_outputs[i]), 0) for i in range(n)]
    attn_2_0_outputs = attend(num_attn_0_2_outputs, positions, mlp_0_0_outputs, attn_2_0_pattern)
    attn_2_1_outputs = attend(num_attn_1_0_outputs, positions, mlp_0_1_outputs, attn_2_1_pattern)
    attn_2_2_outputs = attend(num_attn_0_2_outputs, num_attn_0_1_outputs, attn_0_0_outputs, attn_2_2_pattern)
    attn_2_3_outputs = attend(num_attn_0_1_outputs, num_attn_0_0_outputs, mlp_0_0_outputs, attn_2_3_pattern)
    num_attn_2_0_outputs = count(tokens, attn_1_2_outputs, num_attn_2_0_pattern, before=num_attn_2_0_before)
    num_attn_2_1_outputs = count(tokens, attn_1_3_outputs, num_attn_2_1_pattern, before=num_attn_2_1_before)
    num_attn_2_2_outputs = count(tokens, attn_1_2_outputs, num_attn_2_2_pattern, before=num_attn_2_2_before)
    num_attn_2_3_outputs = count(tokens, attn_1_3_outputs, num_attn_2_3_pattern, before=num_attn_2_3_before)
    mlp_2_0_outputs = [mlp_2_0_table.get((attn_1_2_outputs[i], num_attn_1_3_outputs[i]), 5) for i in range(n)]
    mlp_2_1_outputs = [mlp_2_1_table.get((tokens[i], num_attn_1_2_outputs[i]), 0) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
