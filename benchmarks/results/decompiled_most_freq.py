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
    return key == {0: 5, 1: 2, 2: 6, 5: 4, 6: 2}.get(query, query - 5)


def attn_0_1_pattern(key, query):
    """query: tokens, key: tokens; None: no key"""
    return key == {1: 2, 2: 1, 3: 1, 4: 4, 5: 5}.get(query, None)


def attn_0_2_pattern(key, query):
    """query: positions, key: positions; None: no key"""
    return key == {1: 2, 2: 6, 4: 3, 5: 5, 6: 6, 7: 7}.get(query, None)


def attn_0_3_pattern(key, query):
    """query: positions, key: positions"""
    return key == {1: 1, 2: 5, 3: 1, 4: 3, 7: 6}.get(query, query + 1)


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
    return key == query and key != 0


def num_attn_0_1_before(key, query):
    """query: tokens, key: tokens; None: no key"""
    return key == {'BOS': 'BOS', 0: 0}.get(query, None)


def num_attn_0_2_pattern(key, query):
    """query: tokens, key: tokens"""
    if query == 4:
        return key in {'BOS', 4}
    if query == 5:
        return key in {'BOS', 5}
    return key == query and key != 'BOS'


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
mlp_0_0_table = {('BOS', 'BOS'): 6, ('BOS', 1): 6, ('BOS', 5): 3, (0, 'BOS'): 6, (0, 0): 1,
                 (0, 1): 7, (0, 3): 7, (0, 4): 7, (0, 5): 7, (1, 'BOS'): 6, (1, 0): 1, (1, 2): 7,
                 (1, 4): 1, (1, 5): 7, (2, 'BOS'): 6, (2, 1): 6, (2, 2): 6, (2, 3): 7,
                 (3, 'BOS'): 6, (3, 0): 2, (3, 3): 7, (3, 4): 6, (3, 5): 3, (4, 'BOS'): 6,
                 (4, 1): 1, (4, 3): 7, (4, 4): 7, (5, 'BOS'): 6, (5, 5): 6}

# mlp_0_1: reads (tokens, attn_0_0_outputs); every other input gives 8
mlp_0_1_table = {('BOS', 0): 0, ('BOS', 1): 0, ('BOS', 3): 0, ('BOS', 4): 0, ('BOS', 5): 0,
                 (0, 'BOS'): 0, (0, 0): 1, (0, 1): 0, (0, 2): 0, (0, 3): 0, (0, 4): 0, (0, 5): 0,
                 (1, 1): 0, (1, 3): 0, (1, 4): 0, (2, 1): 0, (2, 2): 7, (3, 3): 1, (4, 0): 0,
                 (4, 2): 0, (4, 4): 5, (5, 0): 6, (5, 2): 0, (5, 4): 0, (5, 5): 6}


def attn_1_0_pattern(key, query):
    """query: positions, key: num_attn_0_2_outputs"""
    return key == {0: 3, 1: 3, 5: 3, 6: 0}.get(query, 4)


def attn_1_1_pattern(key, query):
    """query: tokens, key: num_attn_0_1_outputs"""
    return key == {0: 4, 1: 3, 2: 7, 4: 4, 5: 0}.get(query, 1)


def attn_1_2_pattern(key, query):
    """query: positions, key: positions"""
    return key == {0: 2, 2: 7, 3: 4, 6: 5, 7: 5}.get(query, query - 4)


def attn_1_3_pattern(key, query):
    """query: mlp_0_0_outputs, key: positions"""
    return key == {2: 1, 3: 1}.get(query, 3)


def num_attn_1_0_pattern(key, query):
    """query: attn_0_1_outputs, key: tokens"""
    if query in {0, 2, 3}:
        return False
    if query == 4:
        return key in {'BOS', 1, 2}
    if query == 5:
        return key == 'BOS'
    return key == query or key == 'BOS'


def num_attn_1_0_before(key, query):
    """query: attn_0_1_outputs, key: tokens"""
    if query in {'BOS', 5}:
        return key not in {'BOS', 0, 1}
    if query == 0:
        return key != 'BOS'
    if query == 1:
        return key not in {'BOS', 1}
    if query == 2:
        return key not in {0, 1, 3}
    if query == 3:
        return True
    return key == query or key == 3


def num_attn_1_1_pattern(key, query):
    """query: num_attn_0_2_outputs, key: tokens"""
    if query == 2:
        return key not in {'BOS', 0, 1}
    if query in {3, 4}:
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
        return key in {1, 4}
    if query == 5:
        return key in {2, 4, 5}
    if query == 6:
        return key in {1, 4, 5}
    return False


def num_attn_1_2_pattern(key, query):
    """query: num_attn_0_2_outputs, key: tokens"""
    if query == 0:
        return key in {'BOS', 2, 4}
    if query == 3:
        return key in {1, 3, 5}
    if query == 4:
        return key not in {'BOS', 0, 1}
    if query == 5:
        return key == 'BOS'
    if query == 8:
        return key in {1, 3}
    return False


def num_attn_1_2_before(key, query):
    """query: num_attn_0_2_outputs, key: tokens"""
    if query == 0:
        return key == 1
    if query in {2, 7}:
        return key in {1, 2}
    if query in {3, 5}:
        return key == 4
    if query == 4:
        return key == 'BOS'
    if query == 6:
        return key not in {'BOS', 0, 4}
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
mlp_1_0_table = {('BOS', 'BOS'): 6, ('BOS', 0): 3, ('BOS', 2): 8, ('BOS', 3): 1, ('BOS', 4): 1,
                 ('BOS', 5): 4, (0, 'BOS'): 1, (0, 0): 1, (0, 3): 1, (0, 4): 1, (0, 5): 6,
                 (1, 'BOS'): 4, (1, 0): 3, (1, 1): 3, (1, 2): 8, (1, 3): 4, (1, 4): 7, (1, 5): 6,
                 (2, 'BOS'): 7, (2, 0): 6, (2, 3): 5, (2, 4): 5, (2, 5): 6, (3, 'BOS'): 7,
                 (3, 0): 3, (3, 1): 8, (3, 2): 7, (3, 3): 8, (3, 4): 5, (3, 5): 7, (4, 'BOS'): 5,
                 (4, 0): 7, (4, 3): 1, (4, 5): 5, (5, 'BOS'): 6, (5, 0): 5, (5, 1): 4, (5, 2): 1,
                 (5, 3): 4, (5, 4): 5}

# mlp_1_1: reads (attn_1_3_outputs, attn_0_0_outputs); every other input gives 0
mlp_1_1_table = {('BOS', 0): 1, ('BOS', 2): 7, ('BOS', 3): 4, (0, 2): 3, (0, 3): 4, (1, 0): 7,
                 (1, 1): 3, (1, 2): 8, (1, 3): 4, (1, 4): 7, (2, 'BOS'): 7, (2, 1): 8, (2, 2): 7,
                 (2, 3): 4, (3, 'BOS'): 7, (3, 0): 4, (3, 1): 7, (3, 2): 8, (3, 3): 7, (3, 4): 4,
                 (3, 5): 4, (4, 'BOS'): 2, (4, 1): 2, (4, 2): 3, (4, 3): 4, (5, 0): 1, (5, 1): 4,
                 (5, 2): 3, (5, 3): 4, (5, 5): 8}


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
    return key == {0: 0, 3: 3, 4: 6, 5: 1, 6: 7}.get(query, query - 1)


def num_attn_2_0_pattern(key, query):
    """query: attn_0_0_outputs, key: tokens; None: no key"""
    return key == {0: 'BOS', 3: None, 4: None, 5: None}.get(query, 0)


def num_attn_2_0_before(key, query):
    """query: attn_0_0_outputs, key: tokens"""
    if query == 0:
        return key not in {'BOS', 0}
    if query == 3:
        return key not in {1, 4, 5}
    if query == 4:
        return key in {'BOS', 0, 4}
    if query == 5:
        return key in {'BOS', 0, 5}
    return key == query


def num_attn_2_1_pattern(key, query):
    """query: attn_1_2_outputs, key: tokens"""
    if query in {1, 6}:
        return False
    if query == 5:
        return key in {'BOS', 4}
    if query == 7:
        return key == 1
    return key == 4


def num_attn_2_1_before(key, query):
    """query: attn_1_2_outputs, key: tokens"""
    if query == 1:
        return key in {'BOS', 0, 4}
    if query == 5:
        return key not in {'BOS', 2, 4}
    if query == 6:
        return key in {'BOS', 4, 5}
    if query == 7:
        return key not in {0, 1, 5}
    return key == 'BOS'


def num_attn_2_2_pattern(key, query):
    """query: attn_1_2_outputs, key: tokens"""
    if query in {0, 1}:
        return key == 0
    if query == 8:
        return key in {'BOS', 0}
    return False


def num_attn_2_2_before(key, query):
    """query: attn_1_2_outputs, key: tokens"""
    if query == 1:
        return key != 0
    if query == 5:
        return key in {'BOS', 0, 4}
    if query == 6:
        return key in {'BOS', 0, 5}
    if query == 7:
        return key != 5
    if query == 8:
        return False
    return key == 'BOS'


def num_attn_2_3_pattern(key, query):
    """query: attn_1_2_outputs, key: tokens; None: no key"""
    return key == {1: None, 5: 1, 7: None}.get(query, 5)


def num_attn_2_3_before(key, query):
    """query: attn_1_2_outputs, key: tokens"""
    if query == 1:
        return key in {'BOS', 0, 5}
    if query == 5:
        return key in {'BOS', 4, 5}
    if query == 6:
        return key != 5
    if query == 7:
        return key not in {0, 4}
    return key == 'BOS'

# mlp_2_0: reads (attn_1_0_outputs, num_attn_0_3_outputs); every other input gives 1
mlp_2_0_table = {('BOS', 1): 6, ('BOS', 2): 8, ('BOS', 3): 7, ('BOS', 5): 4, ('BOS', 6): 4,
                 ('BOS', 7): 7, (0, 3): 3, (0, 4): 4, (0, 5): 4, (0, 6): 6, (1, 1): 6, (1, 5): 7,
                 (1, 6): 7, (1, 7): 7, (1, 8): 6, (2, 2): 8, (2, 3): 4, (2, 4): 4, (2, 5): 4,
                 (2, 6): 4, (3, 0): 3, (3, 1): 6, (3, 3): 7, (3, 4): 4, (3, 5): 4, (3, 6): 4,
                 (3, 7): 7, (3, 8): 4, (4, 2): 7, (4, 3): 7, (4, 4): 4, (4, 5): 4, (4, 7): 8,
                 (5, 5): 4, (5, 6): 6, (5, 7): 7, (5, 8): 3}

# mlp_2_1: reads (num_attn_0_1_outputs, tokens); every other input gives 2
mlp_2_1_table = {(0, 'BOS'): 1, (0, 0): 3, (0, 1): 4, (0, 2): 7, (0, 3): 3, (0, 4): 1, (0, 5): 0,
                 (1, 'BOS'): 3, (1, 0): 0, (1, 1): 4, (1, 2): 7, (1, 3): 6, (1, 4): 1, (1, 5): 5,
                 (2, 'BOS'): 4, (2, 0): 3, (2, 2): 7, (2, 3): 8, (2, 4): 1, (3, 'BOS'): 7,
                 (3, 0): 3, (3, 2): 7, (3, 3): 8, (3, 4): 0, (3, 5): 5, (4, 'BOS'): 3, (4, 3): 8,
                 (4, 4): 1, (5, 'BOS'): 1, (5, 1): 5, (5, 2): 0, (5, 3): 8, (5, 4): 0,
                 (6, 'BOS'): 0, (6, 0): 0, (6, 1): 5, (6, 2): 1, (6, 4): 0, (6, 5): 5,
                 (7, 'BOS'): 1, (7, 0): 1, (7, 1): 7, (7, 2): 4, (7, 5): 0, (8, 'BOS'): 1,
                 (8, 0): 3, (8, 1): 4, (8, 2): 7, (8, 3): 6, (8, 5): 5}


classes = (0, 1, 2, 3, 4, 5)
classifier_bias = (110, 52, -105, -80, -38, -36)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'tokens': {0: (-53, 64, 41, 15, 36, -26), 1: (142, 13, -57, -38, -52, 18),
               2: (-46, -47, 8, 11, 19, 14), 3: (30, -43, -8, 13, -10, -9),
               4: (16, 13, -11, -14, 1, 0), 5: (32, 0, 0, -11, -12, -7)},
    'positions': {1: (32, -23, 46, -15, -12, 0), 2: (36, -29, 11, -17, -2, 14),
                  3: (-21, 28, -31, 17, 3, -7)},
    'attn_0_0_outputs': {0: (85, -28, -26, -59, 43, -49), 1: (-28, 32, -10, -12, 9, -40),
                         2: (-6, -23, 13, 9, -6, -11), 3: (-14, -73, -44, 46, 28, -20),
                         4: (-12, -11, 0, -32, 37, -6), 5: (-7, -35, -17, -36, 1, 41)},
    'attn_0_1_outputs': {'BOS': (7, -24, -6, 7, 0, 4), 1: (-66, 58, -10, 5, -4, -13),
                         2: (13, -34, 44, 26, 6, 2), 4: (16, 13, -11, -14, 1, 0),
                         5: (32, 0, 0, -11, -12, -7)},
    'attn_0_2_outputs': {0: (-16, -2, -27, 19, 24, -24), 2: (-28, 15, -17, 13, 9, -19),
                         3: (-26, 3, -10, 6, 24, -32), 4: (11, 11, -18, -2, 10, -17),
                         5: (-27, 2, -6, -9, 11, -4)},
    'attn_0_3_outputs': {0: (-14, -4, 41, -38, 5, 13), 1: (-50, -12, 44, -23, 25, 7),
                         2: (-3, -12, 29, -23, 18, -5), 3: (-33, -18, -3, -8, 41, -7),
                         4: (-36, -23, 32, -33, 43, 7), 5: (-32, -30, 11, -13, 34, 15)},
    'num_attn_0_0_outputs': {0: (-7, -2, 6, -5, 6, -3), 1: (53, -5, -16, 1, -11, -8)},
    'num_attn_0_1_outputs': {1: (-169, 61, 71, 36, 89, 23), 2: (-85, 62, 86, 22, 69, 0),
                             3: (-106, 60, 61, 55, 39, -5), 4: (41, 59, 58, 0, -13, 25),
                             5: (50, -3, 50, 37, -10, -11), 6: (163, 16, 45, -48, -181, 31),
                             7: (220, -229, 164, -116, -45, -29)},
    'num_attn_0_2_outputs': {2: (23, 19, -10, 20, -21, -11), 3: (2, -14, -6, -7, -2, 20),
                             4: (-32, -19, 48, -20, 70, -22), 5: (-105, -11, 58, -3, 39, 44),
                             6: (-184, 57, 56, -66, 136, 10), 7: (-174, -7, 273, 7, 98, -62)},
    'num_attn_0_3_outputs': {1: (-25, 25, -135, 42, 23, 38), 2: (-55, 12, 11, -2, -2, -31),
                             3: (0, 53, -138, 31, 44, -3), 4: (-147, 33, 76, -47, 14, 8),
                             5: (-35, 118, -227, 89, 73, 85), 6: (95, 165, -281, -45, 122, 166),
                             7: (-90, -58, -264, -42, -50, 177)},
    'mlp_0_0_outputs': {2: (-34, 36, 41, -46, 59, 45), 3: (-30, 52, 22, 1, 10, -9),
                        6: (-51, 27, 45, -42, -19, 36), 7: (-50, 26, -7, 6, 32, -15),
                        8: (-29, 56, 12, -23, 4, -4)},
    'mlp_0_1_outputs': {1: (-7, 11, -23, 23, -30, 12), 5: (-19, -58, -15, 2, 12, -24),
                        6: (22, 2, -23, -24, -27, 25), 7: (13, 2, 19, -40, -70, 18),
                        8: (19, 10, 1, -3, -21, 15)},
    'attn_1_0_outputs': {0: (39, -68, 10, -50, -19, 65), 2: (-3, 15, -92, 55, -6, 36),
                         4: (48, -17, -42, 43, -29, 16), 5: (42, 51, 18, 60, 5, -67)},
    'attn_1_1_outputs': {0: (62, 4, -10, 21, -31, -14), 1: (15, 98, 2, -73, -28, 20),
                         2: (-54, 11, -3, 13, 20, 22), 3: (-34, -57, -2, 28, 1, 14),
                         4: (-3, -4, 21, -17, 1, 21), 5: (42, 3, 28, -51, 7, 44)},
    'attn_1_2_outputs': {1: (-56, 14, -76, 146, -61, -97), 5: (-53, -55, -3, -48, 80, -30),
                         7: (-39, 23, 162, -60, -92, -108), 8: (-49, -19, 14, 9, 9, -17)},
    'num_attn_1_0_outputs': {1: (-54, -13, 16, 18, 21, 18), 2: (-25, 18, 8, 8, 15, -9),
                             3: (30, -22, -15, 12, 9, -10), 4: (50, 11, 1, -17, -26, 11),
                             5: (64, 36, 15, -21, -52, -5), 6: (49, -42, 79, -11, -34, 13)},
    'num_attn_1_1_outputs': {1: (-13, -115, 6, 151, -46, -14), 2: (-5, -106, 10, 142, -48, -20),
                             3: (8, -111, 31, 132, -67, -13), 4: (36, -114, 46, 120, -82, 0),
                             5: (40, -116, 67, 114, -103, 12), 6: (10, -118, 86, 112, -95, 22),
                             7: (-38, -40, 125, 53, -106, 39)},
    'num_attn_1_2_outputs': {1: (16, 2, -50, -3, 27, 12), 2: (15, -9, -57, -1, 15, 20),
                             3: (28, -20, -47, 4, -11, 27), 4: (42, -15, -47, 1, -22, 45),
                             5: (35, -11, -49, 14, -64, 61), 7: (33, -59, -23, 2, -23, 89)},
    'num_attn_1_3_outputs': {0: (-18, 38, -5, 27, -32, -13), 1: (-19, 18, 17, -6, -12, -1),
                             2: (-12, -10, -1, 9, 16, 1), 3: (20, -37, 0, -17, 30, 3),
                             4: (53, -45, 1, -14, 21, 11)},
    'mlp_1_0_outputs': {1: (13, 38, 13, -13, -15, -8), 3: (-30, 60, -29, 3, -47, 15),
                        4: (-6, 31, 4, 9, -7, -18), 5: (-14, 27, 0, -5, -6, -4),
                        6: (-12, -3, -6, -5, 2, 7), 7: (-25, 35, -14, 16, 2, -16),
                        8: (8, 26, -22, 10, -3, -10)},
    'mlp_1_1_outputs': {1: (-39, 15, 34, 10, -51, 45), 2: (86, -23, 40, -68, 17, 0),
                        3: (-14, 76, 63, -48, 14, -6), 4: (26, 56, 35, -48, -43, 25),
                        7: (16, -5, 38, -53, -8, 9), 8: (63, -24, 52, -102, 54, 38)},
    'attn_2_0_outputs': {0: (-8, -43, -18, 6, -94, -25), 1: (-79, 63, 17, -11, -69, -114),
                         2: (-60, -53, 69, -26, -25, -54), 3: (-130, -60, -4, 75, -25, -66),
                         4: (-45, -24, -20, -51, 38, -58), 5: (-102, 3, -7, -22, -53, 12)},
    'attn_2_1_outputs': {0: (155, -85, -114, -142, -77, -167),
                         1: (-130, 133, -118, -119, -108, -68),
                         2: (-162, -75, 159, -87, -170, -115), 3: (-114, -56, -118, 97, -127, -100),
                         4: (-156, -107, -115, -90, 133, -130),
                         5: (-138, -148, -126, -114, -127, 154)},
    'attn_2_2_outputs': {0: (126, -146, -77, -148, -72, -69), 1: (-88, 67, -73, -130, -69, -69),
                         2: (-91, -125, 126, -129, -66, -69), 3: (-98, -130, -68, 63, -75, -84),
                         4: (-89, -150, -79, -126, 130, -69), 5: (-96, -124, -76, -134, -84, 126)},
    'attn_2_3_outputs': {0: (109, -56, -60, -93, -43, -93), 1: (-40, 54, -25, -48, -42, -64),
                         2: (-73, -60, 109, -66, -82, -69), 3: (-40, -34, -37, 29, -37, -40),
                         4: (-45, -48, -54, -74, 81, -73), 5: (-73, -71, -62, -71, -83, 90)},
    'num_attn_2_0_outputs': {0: (-70, 27, 25, 1, -1, 5), 1: (8, 2, 10, 5, 2, 10),
                             2: (7, -1, -4, -6, -12, -9), 4: (2, 26, 9, 37, -20, -26),
                             5: (-82, 40, -51, 127, -12, -1), 6: (-79, 89, -319, -59, 180, 107)},
    'num_attn_2_1_outputs': {1: (29, 12, 25, 8, -60, 23), 2: (-29, -22, -32, -15, 70, -26),
                             3: (6, 19, 15, 30, -66, 25), 4: (-67, 15, 11, -47, 69, -45),
                             5: (-61, 6, -52, 5, 45, -35), 6: (44, 82, -76, 59, -121, 80)},
    'num_attn_2_2_outputs': {1: (-75, 17, 7, 24, 19, 19), 2: (87, -25, -22, -25, -19, -20),
                             3: (-79, 10, 30, 22, -9, 18), 4: (41, 18, -18, -1, -5, -62),
                             5: (54, -38, 57, -120, 47, 21), 6: (-114, -6, 41, -105, 6, 171)},
    'num_attn_2_3_outputs': {1: (40, 15, 33, 11, 16, -68), 2: (-31, -23, -31, -16, -28, 64),
                             3: (11, 29, 6, 26, 24, -60), 4: (-54, -36, -28, -36, 24, 49),
                             5: (-47, 0, -74, -36, -58, 109)},
    'mlp_2_0_outputs': {3: (-134, -26, -10, 36, 43, -1), 4: (34, -32, -4, 28, 33, -48),
                        6: (41, 11, -69, 15, 13, 1), 7: (-19, -22, 1, 20, -21, 19),
                        8: (0, -29, 16, 7, -36, 2)},
    'mlp_2_1_outputs': {1: (-89, -62, -60, 26, 61, -31), 2: (-49, -6, -23, 35, 76, -31),
                        3: (69, -34, -49, -32, -28, -37), 4: (-93, 131, -114, -41, -43, -96),
                        5: (-56, -48, -106, -49, -29, 81), 6: (52, -25, -90, 52, -60, -40),
                        7: (30, -40, 11, -41, 0, -20), 8: (30, -52, -8, -11, 79, -5)},
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
    mlp_2_0_outputs = [mlp_2_0_table.get((attn_1_0_outputs[i], num_attn_0_3_outputs[i]), 1) for i in range(n)]
    mlp_2_1_outputs = [mlp_2_1_table.get((num_attn_0_1_outputs[i], tokens[i]), 2) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
