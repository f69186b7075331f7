"""Transformer Program for 'dyck2', decompiled by weightsmith. Standalone: no imports.

run(tokens) -> one label per position; tokens[0] is normally 'BOS', at most 16 tokens.
Layers: 3; per layer 4 categorical heads, 4 numerical heads, 4 MLPs (1 of 36 modules unused and left out).
"""

VOCAB = ('BOS', '(', ')', '{', '}')
MAX_LEN = 16
CAUSAL = True

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
    if query == 1:
        return True
    if query in {5, 7, 9}:
        return False
    if query == 11:
        return key == 11
    if query in {13, 15}:
        return key == 1
    if query == 14:
        return key == 13
    return key == query - 2 and key != 1


def attn_0_1_pattern(key, query):
    """query: positions, key: positions"""
    if query == 1:
        return True
    if query in {3, 10}:
        return key == 1
    if query == 4:
        return key == 3
    if query == 6:
        return key == 5
    if query == 8:
        return key == 7
    if query == 11:
        return key == 9
    if query == 12:
        return key == 11
    if query == 14:
        return key == 13
    return key == query - 12 and key != 3


def attn_0_2_pattern(key, query):
    """query: positions, key: positions"""
    if query == 1:
        return True
    return key == query - 1


def attn_0_3_pattern(key, query):
    """query: positions, key: positions"""
    if query in {2, 4, 5, 7}:
        return False
    if query in {6, 8}:
        return key == 5
    if query == 11:
        return key == 11
    if query == 12:
        return key == 10
    if query == 14:
        return key == 13
    return key > query or key == 1


def num_attn_0_0_pattern(key, query):
    """query: positions, key: positions"""
    if query == 1:
        return key == 1
    if query == 3:
        return True
    if query == 4:
        return key in {3, 4}
    if query == 5:
        return key in {0, 3, 5}
    if query == 6:
        return key in {0, 5, 6}
    if query == 7:
        return key not in {0, 3, 4}
    if query == 8:
        return key not in {0, 1, 2, 4}
    if query == 9:
        return key in {3, 7}
    if query == 10:
        return key not in {3, 7, 8, 9}
    if query == 11:
        return key not in {0, 3, 5, 9, 10}
    if query == 12:
        return key in {2, 6, 11, 12}
    if query == 14:
        return key in {2, 9, 12, 13, 14}
    if query == 15:
        return key in {6, 7, 9, 10, 11}
    return key == query - 13


def num_attn_0_1_pattern(key, query):
    """query: tokens, key: tokens"""
    if query == '(':
        return key not in {'BOS', '('}
    if query == ')':
        return key in {'BOS', '('}
    if query == '{':
        return key != ')'
    if query == '}':
        return key in {'BOS', '{'}
    return key == query or key == ')'


def num_attn_0_2_pattern(key, query):
    """query: positions, key: tokens"""
    if query == 1:
        return key in {')', '}'}
    if query == 2:
        return key in {'BOS', '}'}
    if query == 3:
        return key in {'BOS', '{'}
    if query in {4, 5}:
        return key in {'(', '{'}
    if query == 6:
        return key not in {'(', '{'}
    if query == 7:
        return key == 'BOS'
    if query == 8:
        return key != '}'
    if query in {9, 11}:
        return True
    if query == 10:
        return key in {'(', ')'}
    if query == 13:
        return key != 'BOS'
    if query in {14, 15}:
        return False
    return key not in {')', '}'}


def num_attn_0_3_pattern(key, query):
    """query: positions, key: tokens"""
    if query == 0:
        return key not in {'BOS', '}'}
    if query in {3, 5, 7}:
        return key == '}'
    if query in {4, 10}:
        return key not in {'(', '{'}
    if query == 8:
        return True
    if query in {9, 13, 14, 15}:
        return False
    return key in {')', '}'}

# mlp_0_0: reads (attn_0_2_outputs, tokens); every other input gives 16
mlp_0_0_table = {('BOS', 'BOS'): 6, ('BOS', ')'): 4, ('BOS', '}'): 4, ('(', 'BOS'): 5,
                 ('(', ')'): 5, ('(', '}'): 2, (')', 'BOS'): 2, (')', '('): 7, (')', ')'): 4,
                 (')', '{'): 14, (')', '}'): 4, ('{', 'BOS'): 1, ('{', ')'): 2, ('{', '}'): 5,
                 ('}', 'BOS'): 2, ('}', '('): 14, ('}', ')'): 4, ('}', '{'): 14, ('}', '}'): 4}

# mlp_0_1: reads (attn_0_2_outputs, tokens); every other input gives 2
mlp_0_1_table = {('BOS', 'BOS'): 1, ('BOS', '('): 14, ('BOS', ')'): 4, ('BOS', '{'): 12,
                 ('BOS', '}'): 4, ('(', 'BOS'): 1, ('(', '('): 13, ('(', ')'): 3, ('(', '{'): 12,
                 (')', '('): 5, (')', '{'): 15, (')', '}'): 4, ('{', 'BOS'): 1, ('{', '('): 13,
                 ('{', '{'): 3, ('{', '}'): 12, ('}', '('): 6, ('}', ')'): 15, ('}', '{'): 6}

# mlp_0_2: reads (tokens, attn_0_2_outputs); every other input gives 14
mlp_0_2_table = {('BOS', 'BOS'): 8, ('BOS', ')'): 4, ('BOS', '}'): 4, ('(', ')'): 5, ('(', '}'): 6,
                 (')', 'BOS'): 12, (')', '('): 12, (')', ')'): 8, (')', '{'): 2, (')', '}'): 8,
                 ('{', '('): 3, ('{', ')'): 5, ('{', '{'): 11, ('{', '}'): 5, ('}', 'BOS'): 12,
                 ('}', '('): 2, ('}', ')'): 4, ('}', '{'): 12, ('}', '}'): 4}

# mlp_0_3: reads (tokens, attn_0_3_outputs); every other input gives 4
mlp_0_3_table = {('BOS', 'BOS'): 14, ('BOS', '('): 3, ('BOS', '{'): 3, ('(', 'BOS'): 14,
                 ('(', '('): 3, ('(', ')'): 12, ('(', '{'): 11, (')', '('): 15, (')', '}'): 0,
                 ('{', 'BOS'): 3, ('{', '('): 1, ('{', '{'): 3, ('{', '}'): 12, ('}', 'BOS'): 12,
                 ('}', ')'): 0, ('}', '{'): 5}


def attn_1_0_pattern(key, query):
    """query: attn_0_1_outputs, key: num_attn_0_1_outputs"""
    return key == 1


def attn_1_3_pattern(key, query):
    """query: attn_0_1_outputs, key: num_attn_0_1_outputs"""
    return key == {'{': 0, '}': 2}.get(query, 1)


def num_attn_1_0_pattern(key, query):
    """query: attn_0_3_outputs, key: mlp_0_1_outputs"""
    return key in {2, 4}


def num_attn_1_1_pattern(key, query):
    """query: mlp_0_1_outputs, key: mlp_0_0_outputs"""
    if query in {2, 4}:
        return key in {1, 16}
    if query == 5:
        return key not in {4, 5, 6}
    if query == 6:
        return key not in {4, 5}
    if query == 13:
        return key in {2, 16}
    if query == 14:
        return key in {2, 6, 7, 16}
    if query == 15:
        return key in {1, 2, 14, 16}
    return key in {1, 2, 16}


def num_attn_1_2_pattern(key, query):
    """query: attn_0_3_outputs, key: tokens"""
    if query in {')', '}'}:
        return key not in {'(', '{'}
    return key in {')', '}'}


def num_attn_1_3_pattern(key, query):
    """query: mlp_0_2_outputs, key: mlp_0_2_outputs"""
    if query == 3:
        return key not in {4, 6, 12}
    if query == 4:
        return key in {11, 14}
    if query in {5, 6}:
        return True
    if query == 8:
        return key in {3, 6, 14}
    if query in {11, 12}:
        return key not in {4, 5, 12}
    if query == 14:
        return key not in {3, 5, 6, 12}
    return key == query and key != 2

# mlp_1_0: reads (attn_0_2_outputs, attn_0_1_outputs); every other input gives 2
mlp_1_0_table = {('BOS', '('): 15, ('(', '('): 9, ('(', '{'): 15, ('(', '}'): 7, (')', ')'): 10,
                 ('{', 'BOS'): 10, ('{', '('): 15, ('{', ')'): 5, ('{', '{'): 9, ('{', '}'): 5}

# mlp_1_1: reads (attn_0_0_outputs, attn_0_1_outputs); every other input gives 4
mlp_1_1_table = {('BOS', 'BOS'): 14, ('BOS', '{'): 14, ('(', '('): 14, ('(', ')'): 7, ('(', '{'): 9,
                 ('{', 'BOS'): 14, ('{', '('): 9, ('{', '{'): 14, ('}', '('): 14}

# mlp_1_2: reads (attn_0_3_outputs, attn_0_0_outputs); every other input gives 0
mlp_1_2_table = {('BOS', '{'): 15, ('BOS', '}'): 4, ('(', '('): 5, ('(', '}'): 5, (')', 'BOS'): 4,
                 (')', ')'): 4, (')', '}'): 4, ('{', '{'): 15, ('{', '}'): 12, ('}', ')'): 4,
                 ('}', '}'): 4}

# mlp_1_3: reads (attn_0_0_outputs, attn_0_2_outputs); every other input gives 1
mlp_1_3_table = {('BOS', 'BOS'): 4, ('BOS', '('): 3, ('BOS', ')'): 2, ('BOS', '}'): 4,
                 ('(', ')'): 14, ('(', '}'): 6, (')', 'BOS'): 4, (')', '('): 12, (')', ')'): 2,
                 (')', '{'): 13, (')', '}'): 2, ('{', 'BOS'): 3, ('{', '}'): 14, ('}', 'BOS'): 4,
                 ('}', '('): 13, ('}', ')'): 4, ('}', '{'): 12, ('}', '}'): 4}


def attn_2_0_pattern(key, query):
    """query: attn_0_0_outputs, key: num_attn_1_3_outputs"""
    return key == 0


def attn_2_1_pattern(key, query):
    """query: attn_0_0_outputs, key: num_attn_1_3_outputs"""
    return key == {')': 0, '}': 0}.get(query, 1)


def attn_2_2_pattern(key, query):
    """query: attn_0_0_outputs, key: num_attn_1_3_outputs"""
    return key == {')': 1, '}': 1}.get(query, 0)


def attn_2_3_pattern(key, query):
    """query: attn_1_1_outputs, key: num_attn_1_3_outputs"""
    return key == {2: 0, 3: 0, 6: 0, 14: 0}.get(query, 1)


def num_attn_2_0_pattern(key, query):
    """query: num_attn_1_2_outputs, key: mlp_0_3_outputs"""
    if query in {0, 1}:
        return key in {3, 11, 15}
    if query == 2:
        return key not in {4, 5}
    if query in {3, 8}:
        return key not in {4, 12}
    if query == 4:
        return key not in {0, 4, 5, 12}
    if query == 5:
        return key in {3, 5, 14}
    if query == 6:
        return key in {5, 15}
    if query == 7:
        return key in {0, 3, 11, 14}
    if query == 9:
        return key in {0, 3, 11, 15}
    if query == 11:
        return key not in {0, 3, 14}
    if query == 12:
        return key not in {0, 11, 14}
    if query == 15:
        return key != 4
    if query == 16:
        return key in {1, 3}
    return False


def num_attn_2_1_pattern(key, query):
    """query: mlp_0_0_outputs, key: mlp_0_0_outputs"""
    if query in {1, 16}:
        return key == 16
    if query == 6:
        return key in {1, 16}
    if query == 7:
        return key == 5
    if query == 14:
        return key in {5, 16}
    return key in {1, 7, 14, 16}


def num_attn_2_2_pattern(key, query):
    """query: num_attn_1_1_outputs, key: mlp_0_0_outputs"""
    if query == 5:
        return key in {1, 2, 4}
    if query == 6:
        return key in {1, 2, 4, 16}
    if query == 7:
        return key not in {4, 5, 6}
    if query == 8:
        return key not in {1, 5, 6}
    if query == 9:
        return key in {1, 2, 4, 6}
    if query == 13:
        return key in {2, 4, 6}
    return key in {2, 4}


def num_attn_2_3_pattern(key, query):
    """query: num_attn_1_2_outputs, key: mlp_0_0_outputs"""
    if query == 0:
        return key in {5, 7, 14}
    if query == 1:
        return key in {2, 4}
    if query == 2:
        return key not in {2, 6}
    if query == 3:
        return key not in {4, 5}
    if query == 4:
        return key in {1, 7, 14, 16}
    if query == 5:
        return key not in {4, 5, 6}
    if query == 6:
        return key not in {6, 16}
    if query == 7:
        return key != 2
    if query == 9:
        return key in {6, 7, 16}
    if query == 10:
        return key == 14
    if query == 11:
        return key != 4
    if query == 13:
        return key not in {1, 4, 5}
    if query == 14:
        return key in {6, 14, 16}
    if query == 15:
        return True
    return key not in {2, 4, 5}

# mlp_2_0: reads (attn_0_1_outputs, attn_0_3_outputs); every other input gives 4
mlp_2_0_table = {('BOS', '('): 12, ('(', '('): 12, ('(', ')'): 9, ('(', '}'): 12, (')', '('): 16,
                 ('{', '('): 12, ('{', ')'): 7, ('{', '{'): 7, ('}', '{'): 9}

# mlp_2_1: reads (attn_0_3_outputs, attn_0_1_outputs); every other input gives 5
mlp_2_1_table = {('(', 'BOS'): 12, (')', '{'): 7, ('{', '('): 12}

# mlp_2_2: reads (attn_0_0_outputs, attn_0_2_outputs); every other input gives 0
mlp_2_2_table = {('BOS', '('): 7, ('BOS', ')'): 2, ('BOS', '{'): 11, ('(', '('): 10, ('(', '{'): 4,
                 (')', '('): 5, (')', '{'): 11, (')', '}'): 2, ('{', '('): 4, ('{', '{'): 2,
                 ('{', '}'): 13, ('}', 'BOS'): 9, ('}', ')'): 9, ('}', '{'): 9}


classes = ('T', 'P', 'F')
classifier_bias = (-130, 87, -30)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'tokens': {'(': (-95, 19, 16), ')': (38, -27, -7), '{': (-100, 14, 19), '}': (38, -25, -8)},
    'positions': {2: (128, -106, -39), 6: (44, -37, -1), 7: (-127, 14, 27), 8: (21, -15, -5),
                  9: (-170, 13, 24), 10: (31, -33, 7), 11: (-152, 19, 18), 12: (30, -14, -8),
                  13: (-118, 32, 2), 14: (60, -3, -39), 15: (-123, 30, 1)},
    'attn_0_0_outputs': {'(': (-16, 2, 8), '{': (-25, 2, 9)},
    'attn_0_1_outputs': {'(': (8, 3, -2), ')': (30, -9, -1), '}': (26, -13, 1)},
    'attn_0_2_outputs': {'(': (-10, -4, 7), '{': (-11, -5, 8), '}': (7, -6, -2)},
    'attn_0_3_outputs': {'(': (-16, -2, 3), ')': (-13, -4, 1), '{': (-10, -2, 1)},
    'num_attn_0_0_outputs': {1: (-40, -2, 6), 2: (-12, -1, 6), 4: (-9, 1, 5), 5: (-7, -1, 5)},
    'num_attn_0_2_outputs': {2: (48, -16, -14), 3: (-112, 7, 12), 4: (23, -17, -7), 5: (-61, 2, 17),
                             6: (9, -10, 4)},
    'num_attn_0_3_outputs': {0: (-4, 7, 0), 4: (-121, 17, -3), 5: (-152, 25, -2),
                             6: (101, -120, 18), 7: (-101, -34, 60), 9: (-21, 1, 9)},
    'mlp_0_0_outputs': {4: (30, -13, -3), 5: (18, 0, -8), 16: (-61, -4, 11)},
    'mlp_0_1_outputs': {2: (-6, -3, 6), 5: (-33, 7, -9), 6: (-44, 7, -7)},
    'mlp_0_2_outputs': {3: (-29, 19, -14), 4: (23, 14, -22), 5: (-65, 22, -13), 6: (-47, 21, -10),
                        8: (23, 17, -24), 11: (-28, 17, -20), 12: (4, 19, -18), 14: (-62, 22, -14)},
    'mlp_0_3_outputs': {1: (-26, -5, 4), 3: (-45, -4, 11), 11: (-45, -4, 13), 14: (-21, -9, 10)},
    'attn_1_0_outputs': {4: (-63, -87, 92)},
    'attn_1_2_outputs': {4: (-73, -92, 103), 6: (-3, -3, 3)},
    'attn_1_3_outputs': {2: (-77, -67, 81), 12: (-6, 6, -2), 13: (11, -2, -1), 15: (46, -5, -22)},
    'num_attn_1_0_outputs': {0: (6, -2, -38), 1: (-2, 7, -13), 2: (-6, 8, -6), 3: (-4, 7, -3)},
    'num_attn_1_1_outputs': {1: (45, -47, 36), 2: (21, -42, 11), 3: (-7, 2, 3), 5: (-15, 11, -4),
                             6: (-17, 27, -19), 7: (-5, 18, -12), 8: (-100, 18, -1),
                             9: (-159, -9, 18), 10: (-140, -55, 53)},
    'num_attn_1_2_outputs': {0: (-141, 165, -148), 1: (-23, 76, -61), 2: (-55, 37, -15),
                             3: (-45, 19, -7), 4: (8, -2, -3), 5: (28, -16, 5), 6: (-7, 5, -1),
                             7: (47, -80, 42), 8: (38, -211, 74), 9: (-167, -133, 170),
                             10: (-162, -143, 93), 11: (-129, -91, 103)},
    'num_attn_1_3_outputs': {2: (-19, 19, -2), 3: (15, 12, -18), 4: (29, 11, -25), 5: (34, 15, -29),
                             6: (35, 11, -22), 7: (48, 8, -20), 8: (44, 7, -19), 9: (25, 3, -21),
                             10: (19, 5, -18), 11: (1, 6, -19), 12: (-25, -8, -34),
                             13: (-7, 6, -19), 14: (20, 18, -28), 15: (-15, 21, -52),
                             16: (-46, 53, -63)},
    'mlp_1_0_outputs': {5: (-48, -11, 17), 7: (-26, -19, 23), 9: (-18, -2, 8), 10: (-15, 5, 2),
                        15: (11, -5, 11)},
    'mlp_1_1_outputs': {7: (17, -10, 0), 9: (13, -10, 3), 14: (9, -11, 5)},
    'mlp_1_2_outputs': {4: (7, 1, -2), 5: (12, 1, -2), 12: (16, -11, 5), 15: (13, 2, -3)},
    'mlp_1_3_outputs': {2: (45, 7, -12), 3: (63, -6, -5), 4: (35, 0, -3), 6: (-1, 6, -1),
                        12: (74, 18, -29), 13: (59, 34, -46), 14: (61, -4, -10)},
    'attn_2_0_outputs': {2: (-83, -132, 150), 6: (2, 3, -2)},
    'attn_2_1_outputs': {4: (-88, -71, 81)},
    'attn_2_2_outputs': {4: (-58, -52, 63), 6: (6, 2, -3)},
    'attn_2_3_outputs': {4: (-64, -60, 71), 6: (6, 9, -10)},
    'num_attn_2_0_outputs': {1: (-18, 4, 1), 3: (-19, 3, 2), 4: (-10, -3, 4), 6: (-6, 11, -9),
                             7: (-12, 15, -11), 8: (8, 15, -13), 9: (7, 18, -16), 10: (4, 11, -26),
                             11: (6, 23, -20), 12: (-13, 22, -22), 13: (1, 18, -19)},
    'num_attn_2_1_outputs': {3: (-5, 3, -18), 4: (40, 7, -35), 5: (-33, 21, -31), 6: (-3, 21, -37),
                             7: (25, 22, -45), 8: (-193, 36, -13), 9: (-122, 18, -14),
                             11: (-65, 6, -29)},
    'num_attn_2_2_outputs': {1: (-28, -57, 88), 2: (-37, -70, 109), 3: (-40, -79, 121),
                             4: (-46, -88, 128), 5: (-63, -90, 133), 6: (-100, -84, 131),
                             7: (-67, -86, 132), 8: (-104, -88, 133), 9: (-41, -87, 132),
                             10: (-64, -86, 142), 11: (-50, -103, 138), 12: (-120, -109, 110),
                             13: (-35, -63, 132), 14: (-105, -78, 128)},
    'num_attn_2_3_outputs': {3: (23, -97, 66), 4: (79, -118, 44), 5: (-47, -3, 19),
                             6: (-99, -10, 31), 7: (-59, -22, 39), 8: (-33, -28, 34),
                             9: (6, -34, 35), 10: (-18, -36, 25), 11: (-55, -29, 31),
                             14: (-19, -68, 62), 15: (17, -22, 9)},
    'mlp_2_0_outputs': {7: (9, 7, -9), 9: (0, 3, -4), 12: (-4, 3, -3), 16: (3, 3, -4)},
    'mlp_2_1_outputs': {7: (-14, -9, 12), 12: (-12, -4, 4)},
    'mlp_2_2_outputs': {2: (-20, 6, -3), 4: (-63, 5, 3), 5: (-9, 7, -6), 7: (19, -8, 5),
                        9: (14, -11, 4), 10: (-11, 5, -2), 11: (6, -4, 3), 13: (17, 3, -9)},
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
    num_attn_0_0_outputs = count(positions, positions, num_attn_0_0_pattern)
    num_attn_0_1_outputs = count(tokens, tokens, num_attn_0_1_pattern)
    num_attn_0_2_outputs = count(tokens, positions, num_attn_0_2_pattern)
    num_attn_0_3_outputs = count(tokens, positions, num_attn_0_3_pattern)
    mlp_0_0_outputs = [mlp_0_0_table.get((attn_0_2_outputs[i], tokens[i]), 16) for i in range(n)]
    mlp_0_1_outputs = [mlp_0_1_table.get((attn_0_2_outputs[i], tokens[i]), 2) for i in range(n)]
    mlp_0_2_outputs = [mlp_0_2_table.get((tokens[i], attn_0_2_outputs[i]), 14) for i in range(n)]
    mlp_0_3_outputs = [mlp_0_3_table.get((tokens[i], attn_0_3_outputs[i]), 4) for i in range(n)]
    attn_1_0_outputs = attend(num_attn_0_1_outputs, attn_0_1_outputs, mlp_0_0_outputs, attn_1_0_pattern)
    attn_1_1_outputs = attend(num_attn_0_1_outputs, attn_0_1_outputs, mlp_0_1_outputs, attn_1_0_pattern)
    attn_1_2_outputs = attend(num_attn_0_1_outputs, attn_0_1_outputs, mlp_0_0_outputs, attn_1_0_pattern, order='first')
    attn_1_3_outputs = attend(num_attn_0_1_outputs, attn_0_1_outputs, mlp_0_1_outputs, attn_1_3_pattern)
    num_attn_1_0_outputs = count(mlp_0_1_outputs, attn_0_3_outputs, num_attn_1_0_pattern)
    num_attn_1_1_outputs = count(mlp_0_0_outputs, mlp_0_1_outputs, num_attn_1_1_pattern)
    num_attn_1_2_outputs = count(tokens, attn_0_3_outputs, num_attn_1_2_pattern)
    num_attn_1_3_outputs = count(mlp_0_2_outputs, mlp_0_2_outputs, num_attn_1_3_pattern)
    mlp_1_0_outputs = [mlp_1_0_table.get((attn_0_2_outputs[i], attn_0_1_outputs[i]), 2) for i in range(n)]
    mlp_1_1_outputs = [mlp_1_1_table.get((attn_0_0_outputs[i], attn_0_1_outputs[i]), 4) for i in range(n)]
    mlp_1_2_outputs = [mlp_1_2_table.get((attn_0_3_outputs[i], attn_0_0_outputs[i]), 0) for i in range(n)]
    mlp_1_3_outputs = [mlp_1_3_table.get((attn_0_0_outputs[i], attn_0_2_outputs[i]), 1) for i in range(n)]
    attn_2_0_outputs = attend(num_attn_1_3_outputs, attn_0_0_outputs, mlp_0_0_outputs, attn_2_0_pattern)
    attn_2_1_outputs = attend(num_attn_1_3_outputs, attn_0_0_outputs, mlp_0_0_outputs, attn_2_1_pattern)
    attn_2_2_outputs = attend(num_attn_1_3_outputs, attn_0_0_outputs, mlp_0_0_outputs, attn_2_2_pattern)
    attn_2_3_outputs = attend(num_attn_1_3_outputs, attn_1_1_outputs, mlp_0_0_outputs, attn_2_3_pattern)
    num_attn_2_0_outputs = count(mlp_0_3_outputs, num_attn_1_2_outputs, num_attn_2_0_pattern)
    num_attn_2_1_outputs = count(mlp_0_0_outputs, mlp_0_0_outputs, num_attn_2_1_pattern)
    num_attn_2_2_outputs = count(mlp_0_0_outputs, num_attn_1_1_outputs, num_attn_2_2_pattern)
    num_attn_2_3_outputs = count(mlp_0_0_outputs, num_attn_1_2_outputs, num_attn_2_3_pattern)
    mlp_2_0_outputs = [mlp_2_0_table.get((attn_0_1_outputs[i], attn_0_3_outputs[i]), 4) for i in range(n)]
    mlp_2_1_outputs = [mlp_2_1_table.get((attn_0_3_outputs[i], attn_0_1_outputs[i]), 5) for i in range(n)]
    mlp_2_2_outputs = [mlp_2_2_table.get((attn_0_0_outputs[i], attn_0_2_outputs[i]), 0) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
