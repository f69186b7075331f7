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
    """query: positions, key: positions; None: no key"""
    return key == {0: 3, 2: 6, 3: None, 5: 4, 7: 4}.get(query, 2)


def attn_0_1_pattern(key, query):
    """query: tokens, key: tokens; None: no key"""
    return key == {1: 2, 2: 1, 3: 1, 4: 4, 5: 5}.get(query, None)


def attn_0_2_pattern(key, query):
    """query: positions, key: positions; None: no key"""
    return key == {1: 2, 2: 6, 4: 4, 5: 5, 6: 6, 7: 7}.get(query, None)


def attn_0_3_pattern(key, query):
    """query: positions, key: positions"""
    return key == {0: 1, 1: 1, 5: 7, 6: 7, 7: 6}.get(query, query + 3)


def num_attn_0_0_before(key, query):
    """query: tokens, key: tokens"""
    return key == query


def num_attn_0_1_pattern(key, query):
    """query: tokens, key: tokens"""
    if query == 'BOS':
        return key == 1
    if query == 4:
        return key in {'BOS', 4}
    return key == query


def num_attn_0_1_before(key, query):
    """query: tokens, key: tokens; None: no key"""
    return key == {'BOS': 'BOS', 0: 1, 2: 0}.get(query, None)


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
    """query: positions, key: tokens"""
    if query in {0, 5}:
        return False
    if query == 1:
        return key == 0
    if query == 2:
        return key in {'BOS', 1}
    if query == 7:
        return key == 2
    return key == 'BOS'

# mlp_0_0: reads (attn_0_3_outputs, tokens); every other input gives 8
mlp_0_0_table = {('BOS', 'BOS'): 6, ('BOS', 0): 3, ('BOS', 5): 3, (0, 'BOS'): 6, (0, 0): 7,
                 (0, 5): 2, (1, 'BOS'): 6, (1, 1): 7, (1, 5): 2, (2, 'BOS'): 6, (2, 2): 7,
                 (3, 'BOS'): 6, (3, 3): 7, (4, 'BOS'): 6, (4, 4): 7, (5, 'BOS'): 6, (5, 5): 7}

# mlp_0_1: reads (tokens, attn_0_0_outputs); every other input gives 8
mlp_0_1_table = {('BOS', 'BOS'): 0, ('BOS', 0): 0, ('BOS', 1): 0, ('BOS', 4): 0, ('BOS', 5): 0,
                 (0, 'BOS'): 0, (0, 0): 0, (0, 1): 0, (0, 2): 0, (0, 3): 0, (0, 5): 0, (1, 1): 7,
                 (2, 2): 7, (3, 3): 7, (4, 1): 0, (4, 4): 0, (5, 2): 0, (5, 5): 0}


def attn_1_0_pattern(key, query):
    """query: positions, key: num_attn_0_2_outputs"""
    return key == {2: 4, 6: 0, 7: 4}.get(query, 3)


def attn_1_1_pattern(key, query):
    """query: tokens, key: num_attn_0_1_outputs"""
    return key == {'BOS': 1, 2: 5, 3: 1}.get(query, 4)


def attn_1_2_pattern(key, query):
    """query: positions, key: positions"""
    return key == {0: 2, 3: 3, 4: 1, 5: 1, 6: 5, 7: 5}.get(query, 7)


def attn_1_3_pattern(key, query):
    """query: mlp_0_0_outputs, key: positions"""
    return key == {2: 1, 3: 1}.get(query, 3)


def num_attn_1_0_pattern(key, query):
    """query: attn_0_1_outputs, key: tokens"""
    if query in {0, 2, 3}:
        return False
    if query in {4, 5}:
        return key in {'BOS', 1}
    return key == query or key == 'BOS'


def num_attn_1_0_before(key, query):
    """query: attn_0_1_outputs, key: tokens"""
    if query == 'BOS':
        return key not in {'BOS', 0}
    if query == 0:
        return key != 'BOS'
    if query in {2, 3}:
        return True
    if query in {4, 5}:
        return key not in {'BOS', 0, 1}
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
    if query in {2, 4, 7}:
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
    if query == 3:
        return key not in {'BOS', 0, 4}
    if query == 4:
        return key not in {'BOS', 0}
    if query == 5:
        return key == 4
    if query == 8:
        return key in {1, 3}
    return False


def num_attn_1_2_before(key, query):
    """query: num_attn_0_2_outputs, key: tokens"""
    if query in {0, 2}:
        return key == 1
    if query == 3:
        return key == 4
    if query == 4:
        return key == 'BOS'
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
        return key in {0, 3, 7}
    return key == query + 8


def num_attn_1_3_before(key, query):
    """query: num_attn_0_2_outputs, key: num_attn_0_2_outputs"""
    if query in {1, 8}:
        return key in {1, 2}
    if query == 2:
        return key not in {0, 3, 7}
    if query == 3:
        return key in {3, 5, 6}
    if query == 4:
        return key == 5
    return key == query - 8

# mlp_1_0: reads (attn_0_2_outputs, tokens); every other input gives 0
mlp_1_0_table = {('BOS', 'BOS'): 6, ('BOS', 1): 8, ('BOS', 2): 8, ('BOS', 3): 8, ('BOS', 5): 6,
                 (0, 1): 2, (0, 2): 3, (0, 5): 6, (1, 'BOS'): 4, (1, 1): 8, (1, 2): 8, (1, 3): 4,
                 (1, 5): 6, (2, 1): 8, (2, 3): 4, (2, 4): 3, (2, 5): 6, (3, 2): 4, (3, 5): 4,
                 (4, 1): 8, (4, 3): 4, (5, 'BOS'): 6, (5, 1): 8, (5, 2): 3, (5, 3): 4}

# mlp_1_1: reads (attn_1_3_outputs, attn_0_0_outputs); every other input gives 0
mlp_1_1_table = {('BOS', 0): 1, ('BOS', 1): 6, ('BOS', 2): 7, ('BOS', 3): 4, (0, 0): 1, (0, 1): 2,
                 (0, 2): 3, (0, 3): 4, (0, 4): 5, (1, 'BOS'): 6, (1, 0): 7, (1, 1): 3, (1, 3): 4,
                 (1, 4): 7, (1, 5): 6, (2, 'BOS'): 7, (2, 2): 7, (2, 3): 4, (3, 'BOS'): 7,
                 (3, 0): 4, (3, 1): 7, (3, 3): 7, (3, 4): 4, (3, 5): 4, (4, 1): 2, (4, 2): 3,
                 (4, 3): 4, (4, 5): 5, (5, 'BOS'): 6, (5, 0): 1, (5, 1): 2, (5, 2): 3, (5, 3): 4,
                 (5, 4): 5}


def attn_2_0_pattern(key, query):
    """query: positions, key: num_attn_1_3_outputs"""
    return key == {1: 0}.get(query, query)


def attn_2_1_pattern(key, query):
    """query: positions, key: num_attn_1_3_outputs"""
    return key == {1: 0, 3: 2, 6: 7, 7: 0}.get(query, query)


def attn_2_2_pattern(key, query):
    """query: positions, key: num_attn_1_3_outputs"""
    return key == {1: 0, 2: 1}.get(query, query)


def attn_2_3_pattern(key, query):
    """query: positions, key: num_attn_1_3_outputs"""
    return key == {1: 0, 2: 1, 7: 6}.get(query, query)


def num_attn_2_0_pattern(key, query):
    """query: attn_0_0_outputs, key: tokens; None: no key"""
    return key == {0: 'BOS', 3: None, 4: None, 5: None}.get(query, 0)


def num_attn_2_0_before(key, query):
    """query: attn_0_0_outputs, key: tokens"""
    if query == 0:
        return key not in {'BOS', 2}
    if query == 3:
        return key in {'BOS', 0, 3}
    if query == 4:
        return key in {'BOS', 0, 4}
    if query == 5:
        return key in {'BOS', 0, 5}
    return key == query


def num_attn_2_1_pattern(key, query):
    """query: attn_1_2_outputs, key: tokens; None: no key"""
    return key == {7: None}.get(query, 4)


def num_attn_2_1_before(key, query):
    """query: attn_1_2_outputs, key: tokens"""
    if query == 7:
        return key not in {0, 5}
    return key == 'BOS'


def num_attn_2_2_pattern(key, query):
    """query: attn_1_2_outputs, key: tokens"""
    if query == 7:
        return False
    if query == 8:
        return key in {'BOS', 0}
    return key == 0


def num_attn_2_2_before(key, query):
    """query: attn_1_2_outputs, key: tokens"""
    if query == 7:
        return True
    if query == 8:
        return False
    return key == 'BOS'


def num_attn_2_3_pattern(key, query):
    """query: attn_1_2_outputs, key: tokens; None: no key"""
    return key == {7: None}.get(query, 5)


def num_attn_2_3_before(key, query):
    """query: attn_1_2_outputs, key: tokens"""
    if query == 7:
        return key not in {0, 4}
    return key == 'BOS'

# mlp_2_0: reads (attn_1_0_outputs, num_attn_0_3_outputs); every other input gives 4
mlp_2_0_table = {('BOS', 0): 1, ('BOS', 1): 6, ('BOS', 2): 8, ('BOS', 3): 7, ('BOS', 4): 2,
                 ('BOS', 7): 7, ('BOS', 8): 1, (0, 0): 0, (0, 1): 6, (0, 2): 8, (0, 3): 7,
                 (0, 6): 6, (0, 7): 0, (0, 8): 0, (1, 0): 1, (1, 1): 6, (1, 2): 8, (1, 3): 2,
                 (1, 4): 2, (1, 5): 7, (1, 6): 7, (1, 7): 7, (1, 8): 6, (2, 0): 1, (2, 1): 1,
                 (2, 2): 8, (2, 7): 0, (2, 8): 1, (3, 0): 3, (3, 1): 6, (3, 2): 8, (3, 3): 7,
                 (3, 7): 7, (4, 0): 5, (4, 1): 6, (4, 2): 8, (4, 3): 7, (4, 6): 5, (4, 7): 8,
                 (4, 8): 5, (5, 0): 0, (5, 1): 6, (5, 2): 8, (5, 3): 7, (5, 4): 2, (5, 6): 6,
                 (5, 7): 7, (5, 8): 3}

# mlp_2_1: reads (num_attn_0_1_outputs, tokens); every other input gives 2
mlp_2_1_table = {(0, 'BOS'): 1, (0, 0): 3, (0, 1): 4, (0, 2): 7, (0, 3): 3, (0, 4): 1, (0, 5): 0,
                 (1, 'BOS'): 3, (1, 0): 3, (1, 1): 4, (1, 2): 7, (1, 3): 6, (1, 4): 1, (1, 5): 5,
                 (2, 'BOS'): 4, (2, 0): 3, (2, 2): 7, (2, 3): 8, (2, 4): 1, (3, 'BOS'): 7,
                 (3, 0): 3, (3, 2): 7, (3, 3): 8, (3, 4): 0, (4, 'BOS'): 3, (4, 2): 0, (4, 3): 8,
                 (4, 4): 0, (5, 'BOS'): 1, (5, 1): 5, (5, 2): 0, (5, 3): 8, (5, 4): 0,
                 (6, 'BOS'): 0, (6, 0): 0, (6, 1): 5, (6, 2): 1, (6, 4): 0, (6, 5): 0,
                 (7, 'BOS'): 1, (7, 0): 1, (7, 1): 7, (7, 2): 5, (7, 5): 0, (8, 'BOS'): 1,
                 (8, 0): 3, (8, 1): 4, (8, 2): 7, (8, 3): 6, (8, 5): 5}


classes = (0, 1, 2, 3, 4, 5, 'BOS')
classifier_bias = (-608, -103, 123, -229, -68, -322, -17)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'tokens': {0: (-64, 120, 49, 32, 56, 36, -41), 1: (75, -2, -89, -5, -31, 1, 16),
               2: (2, -83, -12, 40, 38, -1, 15), 3: (4, -55, 23, -25, -3, 12, -24),
               4: (5, 13, 12, -11, -25, -8, 10), 5: (34, -13, 14, -9, -17, -21, 11)},
    'positions': {1: (97, 3, 43, 59, 72, 47, -309), 2: (155, 131, 149, 151, 164, 159, -355),
                  3: (-1, 68, 35, 56, 58, 32, -88), 4: (57, 42, 46, 113, 112, 75, -72),
                  5: (-149, -138, -149, -97, -97, -184, 175),
                  6: (-238, -232, -289, -178, -217, -247, 330),
                  7: (-548, -656, -506, -708, -566, -548, 604)},
    'attn_0_0_outputs': {0: (-41, -71, -119, -97, -82, -74, 61),
                         1: (-118, -38, -70, -64, -71, -90, 46),
                         2: (-83, -72, -114, -90, -70, -68, 32),
                         3: (-104, -26, -70, -69, -60, -91, 36),
                         4: (-160, -115, -108, -132, -41, -133, 47),
                         5: (-160, -138, -110, -89, -100, -50, 81)},
    'attn_0_1_outputs': {'BOS': (-11, -79, -52, -16, 3, 1, 37), 1: (-7, 141, -2, 33, 48, 49, -120),
                         2: (-32, -66, 94, -16, 6, 3, 22), 4: (5, 13, 12, -11, -25, -8, 10),
                         5: (34, -13, 14, -9, -17, -21, 11)},
    'attn_0_2_outputs': {0: (-135, -43, 14, -34, -3, -16, 62),
                         1: (-31, -70, -61, -68, -29, -21, -56),
                         2: (-19, -26, -52, -70, -47, -47, -4),
                         3: (-20, -63, -66, -69, -21, -36, 7), 4: (-5, -30, -39, -24, -65, -12, 2),
                         5: (-2, -7, -30, -61, -32, -56, -17)},
    'attn_0_3_outputs': {0: (110, 69, 65, 64, 73, 84, -206), 1: (87, 97, 70, 67, 85, 82, -227),
                         2: (78, 72, 85, 47, 75, 70, -246), 3: (80, 65, 35, 56, 87, 72, -228),
                         4: (78, 61, 62, 59, 97, 81, -225), 5: (88, 66, 60, 59, 78, 90, -242)},
    'num_attn_0_0_outputs': {1: (-19, -16, -26, -7, -29, -20, 122),
                             2: (-110, -78, -99, -65, -129, -83, 187)},
    'num_attn_0_1_outputs': {1: (-14, -17, -19, -6, -18, -30, 20), 2: (-16, -1, -20, -3, 4, 2, -6),
                             3: (-9, -3, 1, 18, 25, 13, 2), 4: (32, 4, -23, -7, 0, 61, -27),
                             5: (102, 25, -36, 7, -98, 24, -8),
                             6: (144, 58, 124, 76, -118, 131, -128)},
    'num_attn_0_2_outputs': {2: (11, 30, 16, -4, -15, -2, 65), 3: (6, -23, 4, 16, 12, 14, 19),
                             4: (-30, -10, -56, -38, 25, -30, -57),
                             5: (-21, -73, 10, 31, -10, -29, 20),
                             6: (-118, -198, -25, -105, 42, -118, 160)},
    'num_attn_0_3_outputs': {1: (-73, -1, -257, -33, -70, -74, 247),
                             2: (-22, 44, -34, 13, -19, -23, 166),
                             3: (-67, 27, -58, -31, -53, -66, 236),
                             4: (-33, -59, -144, -44, -41, -55, 200),
                             5: (-29, 0, -210, -63, -60, -84, 305),
                             6: (-64, -36, -537, -287, -41, -73, 387)},
    'mlp_0_0_outputs': {3: (15, 16, -23, -56, -47, 23, 5), 7: (10, 25, -18, -42, -40, 1, 50),
                        8: (9, 15, -16, -57, -40, 1, 21)},
    'mlp_0_1_outputs': {7: (-21, 14, -30, -13, -45, -30, 51), 8: (3, -3, -12, -13, -14, 3, 48)},
    'attn_1_0_outputs': {0: (-115, 14, 23, 35, 36, 57, -56), 1: (14, -34, 23, 33, 8, 22, -79),
                         2: (59, -15, -138, 38, 13, 36, -75), 3: (18, -6, -15, 3, 17, 16, -64),
                         4: (23, 16, -7, 34, -40, 17, -83), 5: (36, 17, 12, 31, 12, -82, -16)},
    'attn_1_1_outputs': {0: (36, -36, 41, -12, -2, -2, 3), 1: (2, 50, 46, -29, -11, -14, -4),
                         2: (-41, -13, 68, -29, -3, -21, 46), 3: (9, -81, -59, 107, 0, -80, 150),
                         4: (-32, -27, 71, 71, 30, -75, 57), 5: (0, 20, 68, -8, 9, -3, -14)},
    'attn_1_2_outputs': {7: (-43, 47, 36, 33, 25, -30, 149), 8: (1, 9, 7, 4, 17, 9, -41)},
    'attn_1_3_outputs': {0: (3, -28, -20, -28, -32, -39, 48), 3: (60, 99, 10, 23, 21, 12, -87)},
    'num_attn_1_0_outputs': {1: (16, 61, 75, 58, 59, 57, 15), 2: (27, 54, 48, 40, 39, 36, -7),
                             3: (48, 2, 24, 22, 22, 27, -38), 4: (50, 17, -6, -6, 1, 12, -18),
                             5: (56, 35, -36, -26, -45, -30, 7),
                             6: (76, -56, -90, -65, -7, -9, -16)},
    'num_attn_1_1_outputs': {1: (5, 20, 21, 354, -22, 22, -116),
                             2: (25, 33, 44, 374, -28, 44, -125),
                             3: (38, 39, 75, 395, -33, 50, -113),
                             4: (58, 34, 94, 406, -40, 58, -85),
                             5: (68, 30, 128, 429, -38, 63, -146),
                             6: (30, 45, 153, 443, -42, 82, -138),
                             7: (-301, 74, 178, 428, -35, 88, -169)},
    'num_attn_1_2_outputs': {1: (32, 75, 21, 4, 24, 28, -45), 2: (-14, 0, -53, -47, -5, -14, -8),
                             3: (0, 2, -24, -22, 1, 2, -82), 4: (10, 23, 1, 4, 9, 33, -122),
                             5: (21, 23, 18, 17, 1, 47, -104), 6: (49, 25, 34, 25, -14, 65, -135),
                             7: (54, 37, 48, 51, 14, 62, -121)},
    'num_attn_1_3_outputs': {1: (-7, -14, 1, -45, 5, -6, 73),
                             2: (-15, -100, -32, -49, -11, -11, 101),
                             3: (-25, -118, -60, -78, 2, -17, -76),
                             4: (18, -97, -32, -42, 25, 30, -10),
                             6: (46, -140, -7, -42, 71, 63, -47)},
    'mlp_1_0_outputs': {2: (53, 105, 71, 69, 81, 47, -261), 3: (66, 96, 61, 75, 75, 47, -186),
                        4: (66, 109, 72, 79, 63, 56, -195), 6: (21, 57, 18, 34, 40, 19, -3),
                        8: (15, 28, 3, 7, 13, 2, -26)},
    'mlp_1_1_outputs': {1: (31, -35, -44, -29, -53, -42, 16), 2: (-34, 21, -34, -30, -36, -58, 24),
                        3: (-58, -33, 20, -40, -45, -51, 30), 4: (-18, -41, -22, 33, -25, -1, -36),
                        5: (-35, 34, -4, -95, 8, -25, 47), 6: (-28, -13, -34, -32, -40, -31, 22),
                        7: (-75, -58, 47, -11, -28, -32, 8)},
    'attn_2_0_outputs': {0: (69, 36, 46, 30, 25, 50, -159), 1: (33, 130, 72, 47, 43, 63, -309),
                         2: (-1, 14, 103, 24, 52, 51, -194), 3: (15, 48, 59, 102, 58, 71, -182),
                         4: (27, 54, 54, 18, 86, 42, -253), 5: (13, 31, 29, -2, 40, 74, -197)},
    'attn_2_1_outputs': {0: (178, -109, -110, -61, -34, -36, -202),
                         1: (1, 105, -36, -18, 0, -26, -287),
                         2: (18, -50, 113, -15, -31, -41, -208),
                         3: (-2, -61, -62, 163, 1, -37, -273),
                         4: (-61, -152, -121, -67, 190, -82, -251),
                         5: (-25, -140, -109, -61, -55, 156, -265)},
    'attn_2_2_outputs': {0: (149, 11, 27, 38, 39, 60, -163), 1: (70, 145, 70, 83, 77, 74, -137),
                         2: (49, 47, 130, 53, 49, 46, -169), 3: (71, 56, 55, 173, 83, 79, -174),
                         4: (16, 0, 3, 34, 162, 32, -186), 5: (34, 2, 4, 26, 13, 147, -167)},
    'attn_2_3_outputs': {0: (173, -17, -22, 9, 14, 35, -134), 1: (41, 184, 48, 58, 46, 40, -78),
                         2: (10, 10, 140, 30, 16, 22, -142), 3: (45, 30, 24, 214, 53, 50, -85),
                         4: (-3, -29, -44, 10, 188, 2, -138), 5: (6, -33, -37, -2, -11, 179, -127)},
    'num_attn_2_0_outputs': {1: (415, -64, -76, -56, -63, -45, 186),
                             2: (427, -80, -83, -68, -73, -57, 159),
                             3: (365, -85, -96, -73, -90, -80, 194),
                             4: (196, -108, -84, -60, -82, -49, 184),
                             5: (46, -174, -108, -145, -147, -91, 202),
                             6: (-137, -320, -191, -305, -166, -269, 301)},
    'num_attn_2_1_outputs': {1: (-49, -44, 71, -23, 66, 53, 94),
                             2: (27, 37, 140, 50, 305, 130, -104),
                             3: (-16, -1, 92, -1, 170, 90, 26),
                             4: (-81, -82, -65, -133, 332, 57, -56),
                             5: (-189, -127, -46, -152, 313, -30, 38),
                             6: (-147, -47, -192, -129, 214, 46, 137)},
    'num_attn_2_2_outputs': {1: (-90, 15, -48, -65, -4, -43, 108),
                             2: (145, 116, 48, 27, 82, 45, -81), 3: (39, 88, 8, -12, 29, 6, 9),
                             4: (271, -9, -88, -95, -55, -86, -32),
                             5: (203, 18, -125, -96, -80, -74, -61),
                             6: (243, 156, -115, -36, -28, 57, -256)},
    'num_attn_2_3_outputs': {1: (1, 120, 9, 70, -90, -9, 100),
                             2: (64, 195, 57, 126, -12, 181, -128), 3: (9, 151, -7, 66, -52, 53, 8),
                             4: (-73, 53, -120, -20, -118, 231, 33),
                             5: (-105, 33, -184, -41, -163, 166, 69),
                             6: (-87, 68, -146, -14, -133, 169, 148)},
    'mlp_2_0_outputs': {1: (85, -145, -187, -72, -47, 121, -175),
                        2: (2, -64, -133, -166, -155, 27, 146), 3: (129, 6, 31, -280, -40, 171, 69),
                        4: (21, -72, -47, -151, -123, 19, 83), 5: (138, 34, 44, -6, -245, 191, 131),
                        6: (28, -93, -553, -140, -138, 31, 128),
                        7: (54, -122, -194, -139, -121, 48, 89),
                        8: (43, -77, -56, -122, -117, 47, 43)},
    'mlp_2_1_outputs': {1: (-41, 8, -49, 24, 94, -10, -1), 2: (-44, 38, 1, 1, 30, -11, -22),
                        3: (91, -2, -8, -18, -45, -29, 20), 4: (-76, 219, -10, 35, 50, 15, -152),
                        5: (-136, 22, -80, -27, 5, 85, 11), 6: (-25, 60, 71, 8, 21, 83, -213),
                        7: (-26, -15, 59, -51, -52, -22, 16), 8: (-5, -68, -45, -21, -5, -35, 41)},
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
