"""Transformer Program for 'dyck2', decompiled by weightsmith. Standalone: no imports.

run(tokens) -> one label per position; tokens[0] is normally 'BOS', at most 16 tokens.
Layers: 3; per layer 4 categorical heads, 4 numerical heads, 4 MLPs (2 of 36 modules unused and left out).
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
    if query == 12:
        return key == 7
    if query == 15:
        return key == 2
    return key == query - 1


def attn_0_1_pattern(key, query):
    """query: positions, key: positions"""
    if query == 1:
        return True
    if query == 3:
        return key == 1
    if query in {4, 7, 15}:
        return key == 2
    if query in {5, 11, 13}:
        return key == 3
    if query == 10:
        return key == 4
    if query == 14:
        return key == 12
    return key == query - 4


def attn_0_2_pattern(key, query):
    """query: positions, key: positions"""
    if query == 1:
        return True
    if query in {4, 6, 7}:
        return key == 3
    if query in {5, 13}:
        return key == 4
    if query in {8, 10, 12}:
        return key == 5
    if query == 14:
        return key == 11
    return key > query or key == 2


def attn_0_3_pattern(key, query):
    """query: tokens, key: positions; None: no key"""
    return key == {'BOS': None, ')': 4, '}': 2}.get(query, 1)


def num_attn_0_0_pattern(key, query):
    """query: tokens, key: positions"""
    if query == '(':
        return key not in {3, 6, 7, 8}
    if query == ')':
        return key in {0, 2, 4, 5, 7, 12}
    if query == '{':
        return key not in {1, 3, 4, 7, 11, 15}
    if query == '}':
        return key in {1, 3, 7, 9, 12, 15}
    return key in {0, 2, 3, 4, 5, 8, 13}


def num_attn_0_1_pattern(key, query):
    """query: positions, key: tokens"""
    if query == 0:
        return key != '('
    if query in {3, 13, 14}:
        return key in {')', '}'}
    if query == 4:
        return key == ')'
    if query == 5:
        return key in {'BOS', '}'}
    if query in {6, 7}:
        return key not in {')', '}'}
    if query == 8:
        return key in {'(', '{'}
    if query == 15:
        return key == '}'
    return key not in {'(', '{'}


def num_attn_0_2_pattern(key, query):
    """query: positions, key: tokens"""
    if query == 0:
        return key != ')'
    if query == 1:
        return key not in {'BOS', '('}
    if query == 2:
        return key == ')'
    if query == 3:
        return key not in {'BOS', '{'}
    if query == 4:
        return key not in {')', '{'}
    if query in {6, 7}:
        return key in {')', '}'}
    if query in {8, 14}:
        return False
    if query == 9:
        return True
    if query == 11:
        return key in {'BOS', '('}
    if query == 12:
        return key == '}'
    if query == 13:
        return key not in {'{', '}'}
    if query == 15:
        return key == '('
    return key not in {'(', '{'}


def num_attn_0_3_pattern(key, query):
    """query: tokens, key: tokens"""
    if query == 'BOS':
        return key not in {')', '}'}
    if query == ')':
        return key not in {'{', '}'}
    if query == '}':
        return key not in {'(', ')'}
    return key in {')', '}'}

# mlp_0_0: reads (tokens, attn_0_2_outputs); every other input gives 2
mlp_0_0_table = {('BOS', 'BOS'): 3, ('BOS', '('): 6, ('BOS', ')'): 6, ('BOS', '{'): 6,
                 ('(', 'BOS'): 10, ('(', '('): 0, ('(', ')'): 10, ('(', '{'): 11, ('(', '}'): 0,
                 (')', 'BOS'): 4, (')', '('): 9, (')', '}'): 11, ('{', 'BOS'): 6, ('{', '('): 9,
                 ('{', ')'): 0, ('{', '{'): 0, ('{', '}'): 10, ('}', 'BOS'): 4, ('}', ')'): 11,
                 ('}', '{'): 10}

# mlp_0_1: reads (attn_0_0_outputs, attn_0_1_outputs); every other input gives 4
mlp_0_1_table = {('BOS', 'BOS'): 13, ('BOS', '('): 3, ('BOS', '{'): 1, ('(', 'BOS'): 5,
                 ('(', '('): 5, ('(', ')'): 0, ('(', '{'): 8, ('(', '}'): 16, (')', '('): 11,
                 (')', ')'): 15, (')', '{'): 2, (')', '}'): 12, ('{', 'BOS'): 7, ('{', '('): 7,
                 ('{', ')'): 16, ('{', '{'): 1, ('{', '}'): 11, ('}', 'BOS'): 6, ('}', ')'): 0,
                 ('}', '{'): 11, ('}', '}'): 2}

# mlp_0_2: reads (attn_0_3_outputs, attn_0_0_outputs); every other input gives 7
mlp_0_2_table = {('BOS', 'BOS'): 11, ('BOS', ')'): 13, ('BOS', '{'): 12, ('BOS', '}'): 2,
                 ('(', 'BOS'): 14, ('(', '('): 12, ('(', ')'): 6, ('(', '{'): 1, ('(', '}'): 4,
                 (')', 'BOS'): 9, (')', '('): 9, (')', ')'): 13, (')', '{'): 12, (')', '}'): 4,
                 ('{', 'BOS'): 6, ('{', ')'): 4, ('{', '}'): 6, ('}', 'BOS'): 6, ('}', ')'): 10,
                 ('}', '{'): 13, ('}', '}'): 2}

# mlp_0_3: reads (attn_0_0_outputs, tokens); every other input gives 3
mlp_0_3_table = {('BOS', 'BOS'): 5, ('BOS', ')'): 15, ('BOS', '}'): 8, ('(', 'BOS'): 11,
                 ('(', ')'): 11, ('(', '}'): 2, (')', 'BOS'): 15, (')', '('): 7, (')', ')'): 4,
                 (')', '{'): 0, (')', '}'): 7, ('{', 'BOS'): 15, ('{', ')'): 2, ('{', '}'): 11,
                 ('}', 'BOS'): 15, ('}', '('): 0, ('}', ')'): 7, ('}', '{'): 7, ('}', '}'): 4}


def attn_1_0_pattern(key, query):
    """query: attn_0_2_outputs, key: num_attn_0_3_outputs"""
    return key == {'(': 0}.get(query, 2)


def attn_1_1_pattern(key, query):
    """query: tokens, key: num_attn_0_3_outputs"""
    return key == {'}': 2}.get(query, 1)


def attn_1_2_pattern(key, query):
    """query: num_attn_0_1_outputs, key: num_attn_0_3_outputs"""
    return key == {3: 0, 8: 3}.get(query, 2)


def attn_1_3_pattern(key, query):
    """query: attn_0_2_outputs, key: num_attn_0_3_outputs"""
    return key == 2


def num_attn_1_0_pattern(key, query):
    """query: attn_0_2_outputs, key: tokens"""
    return key not in {'(', '{'}


def num_attn_1_1_pattern(key, query):
    """query: attn_0_0_outputs, key: num_attn_0_3_outputs"""
    if query == '(':
        return key not in {0, 1, 2, 3, 15, 16}
    if query == ')':
        return key not in {2, 3, 4, 7, 8, 10}
    if query == '{':
        return key not in {0, 1, 2, 3, 16}
    if query == '}':
        return key not in {1, 2, 3, 4, 7, 8}
    return key not in {1, 2, 3, 4, 7, 8, 15}


def num_attn_1_2_pattern(key, query):
    """query: mlp_0_2_outputs, key: mlp_0_1_outputs"""
    if query == 2:
        return key in {4, 5, 8, 11, 15}
    if query == 4:
        return key in {0, 2, 3, 5, 6, 8}
    if query == 6:
        return key not in {1, 6, 11, 12}
    if query == 7:
        return key not in {1, 3, 5, 11, 13, 16}
    if query == 9:
        return key not in {0, 1, 5, 6, 11, 12}
    if query == 10:
        return key not in {3, 6, 12}
    if query == 11:
        return key not in {5, 15, 16}
    if query == 12:
        return key in {2, 7, 12, 15, 16}
    if query == 13:
        return key not in {3, 5, 6, 7, 11}
    if query == 14:
        return key in {0, 2, 4, 11, 13, 15}
    return key in {2, 4, 6, 13, 16}


def num_attn_1_3_pattern(key, query):
    """query: num_attn_0_1_outputs, key: mlp_0_3_outputs"""
    if query == 2:
        return key in {2, 5}
    if query == 3:
        return key not in {3, 15}
    if query == 4:
        return key not in {0, 3, 5, 7}
    if query in {5, 8, 9}:
        return key in {2, 4, 15}
    if query == 6:
        return key not in {2, 4, 15}
    if query == 10:
        return key in {4, 15}
    if query == 11:
        return key in {3, 4, 7}
    if query == 12:
        return key != 0
    if query == 13:
        return key not in {3, 8}
    if query == 14:
        return key not in {0, 3, 5}
    if query == 15:
        return key == 0
    if query == 16:
        return key not in {3, 5, 7, 8}
    return key in {2, 4, 8, 15}

# mlp_1_1: reads (attn_0_1_outputs, attn_0_2_outputs); every other input gives 2
mlp_1_1_table = {('BOS', '('): 13, ('BOS', ')'): 4, ('(', ')'): 10, ('(', '{'): 6, ('(', '}'): 8,
                 (')', '('): 13, (')', ')'): 4, ('{', ')'): 8, ('{', '}'): 11, ('}', ')'): 11,
                 ('}', '{'): 16}

# mlp_1_2: reads (attn_0_3_outputs, attn_0_0_outputs); every other input gives 2
mlp_1_2_table = {('BOS', 'BOS'): 11, ('BOS', '('): 13, ('(', '('): 13, ('(', ')'): 10,
                 ('(', '{'): 11, ('(', '}'): 11, (')', '{'): 12, ('{', ')'): 12, ('{', '{'): 13,
                 ('{', '}'): 9, ('}', '{'): 7}

# mlp_1_3: reads (attn_0_0_outputs, tokens); every other input gives 2
mlp_1_3_table = {('BOS', 'BOS'): 12, ('BOS', '('): 12, ('BOS', '{'): 6, ('(', 'BOS'): 12,
                 ('(', '('): 3, ('(', ')'): 15, ('(', '{'): 13, (')', 'BOS'): 4, (')', '('): 5,
                 (')', '{'): 0, (')', '}'): 0, ('{', 'BOS'): 3, ('{', '('): 12, ('{', '{'): 0,
                 ('{', '}'): 6, ('}', '('): 9, ('}', ')'): 12, ('}', '{'): 8}


def attn_2_0_pattern(key, query):
    """query: num_attn_0_1_outputs, key: num_attn_1_2_outputs"""
    return key == {1: 0, 2: 1, 4: 3, 6: 1, 7: 3}.get(query, 2)


def attn_2_1_pattern(key, query):
    """query: attn_1_2_outputs, key: num_attn_1_1_outputs"""
    return key == {')': 0, '}': 1}.get(query, 2)


def attn_2_2_pattern(key, query):
    """query: num_attn_0_1_outputs, key: num_attn_1_2_outputs"""
    return key == {0: 1, 1: 1, 2: 1, 3: 1, 5: 1, 8: 3}.get(query, 2)


def num_attn_2_0_pattern(key, query):
    """query: num_attn_0_3_outputs, key: mlp_1_3_outputs"""
    if query == 0:
        return key not in {2, 3, 4, 12, 13}
    if query == 1:
        return key in {3, 6, 8, 9, 15}
    if query == 2:
        return key not in {0, 2, 4, 12, 13}
    if query == 3:
        return key not in {2, 4, 13}
    if query == 4:
        return key in {3, 13, 15}
    if query == 5:
        return key not in {0, 2, 3, 4, 12}
    if query == 6:
        return key in {5, 6, 13, 15}
    if query == 7:
        return key not in {2, 4, 12}
    if query == 8:
        return key in {0, 6, 8, 15}
    if query == 10:
        return key in {5, 6, 8, 9, 15}
    if query == 12:
        return key in {3, 6, 9, 12, 15}
    if query == 13:
        return key not in {0, 2, 12, 13, 15}
    if query == 14:
        return key not in {0, 2, 4, 13}
    if query == 15:
        return key not in {0, 2, 3, 13, 15}
    if query == 16:
        return key not in {0, 2, 12, 13}
    return key not in {2, 4, 12, 13}


def num_attn_2_1_pattern(key, query):
    """query: attn_1_1_outputs, key: mlp_0_3_outputs"""
    if query == '}':
        return key in {3, 8, 11}
    return key in {8, 11, 15}


def num_attn_2_2_pattern(key, query):
    """query: mlp_0_0_outputs, key: num_attn_0_3_outputs"""
    if query == 0:
        return key in {1, 2, 3, 4, 6, 16}
    if query == 2:
        return key in {1, 2, 3, 4, 16}
    if query in {4, 9}:
        return key in {1, 2, 3, 4}
    if query == 6:
        return key in {1, 2, 3, 4, 6, 14, 16}
    if query == 11:
        return key in {1, 2, 3, 4, 14, 16}
    return key in {1, 2, 3, 4, 5, 16}


def num_attn_2_3_pattern(key, query):
    """query: num_attn_0_1_outputs, key: mlp_0_3_outputs"""
    if query in {2, 3, 6}:
        return key in {2, 4, 8, 15}
    if query == 4:
        return key not in {0, 8, 11}
    if query in {7, 12}:
        return key in {2, 4, 15}
    if query == 8:
        return True
    if query == 9:
        return key != 5
    if query == 10:
        return key not in {7, 8, 11}
    if query in {11, 13}:
        return key not in {0, 5, 7, 11}
    if query == 14:
        return key in {2, 15}
    if query == 15:
        return key not in {0, 11}
    if query == 16:
        return key in {2, 3, 4, 15}
    return key not in {0, 3, 7, 11}

# mlp_2_0: reads (attn_1_2_outputs, attn_1_3_outputs); every other input gives 4
mlp_2_0_table = {('BOS', 'BOS'): 15, ('BOS', '{'): 16, ('(', 'BOS'): 16, ('(', '('): 14,
                 ('(', '{'): 10, ('(', '}'): 10, (')', ')'): 14, (')', '}'): 14, ('{', 'BOS'): 12,
                 ('{', '('): 9, ('{', ')'): 14, ('{', '{'): 12, ('}', ')'): 14, ('}', '}'): 14}

# mlp_2_1: reads (attn_2_0_outputs, attn_1_0_outputs); every other input gives 0
mlp_2_1_table = {(0, 'BOS'): 6, (0, '('): 10, (0, ')'): 6, (0, '}'): 6, (2, '('): 8, (2, '{'): 6,
                 (3, ')'): 6, (3, '{'): 11, (4, 'BOS'): 8, (4, '('): 11, (4, ')'): 10, (4, '{'): 8,
                 (5, ')'): 6, (7, ')'): 11, (8, 'BOS'): 8, (8, '('): 8, (8, ')'): 6, (8, '}'): 6,
                 (11, 'BOS'): 7, (11, ')'): 6, (11, '}'): 6, (15, '('): 8, (15, ')'): 6}

# mlp_2_2: reads (attn_2_2_outputs, attn_1_0_outputs); every other input gives 16
mlp_2_2_table = {(0, 'BOS'): 12, (0, '('): 5, (0, '{'): 12, (2, 'BOS'): 7, (2, ')'): 6, (2, '{'): 5,
                 (3, '('): 4, (3, '{'): 6, (4, 'BOS'): 6, (4, '('): 5, (4, '{'): 10, (4, '}'): 6,
                 (5, 'BOS'): 10, (5, '('): 12, (5, '{'): 2, (7, '('): 5, (7, '{'): 9, (7, '}'): 6,
                 (8, '('): 5, (8, '{'): 4, (11, 'BOS'): 7, (11, '('): 9, (11, '{'): 1, (15, '('): 1,
                 (15, '{'): 1, (15, '}'): 6}

# mlp_2_3: reads (attn_1_0_outputs, attn_1_3_outputs); every other input gives 0
mlp_2_3_table = {('BOS', 'BOS'): 14, ('BOS', '('): 7, ('(', 'BOS'): 2, ('(', '('): 10,
                 ('(', '{'): 5, (')', '('): 5, ('{', 'BOS'): 7, ('{', '('): 5, ('{', '{'): 10,
                 ('{', '}'): 5, ('}', '{'): 5}


classes = ('T', 'P', 'F')
classifier_bias = (-1125, 405, -474)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'tokens': {'(': (-299, 32, 48), ')': (116, -33, -26), '{': (-304, 32, 51),
               '}': (102, -33, -19)},
    'positions': {2: (575, -539, -91), 4: (395, -173, 29), 5: (-445, 21, 61), 6: (293, -147, 48),
                  7: (-566, -1, 77), 8: (108, -52, 6), 9: (-486, 62, 22), 10: (94, 12, -60),
                  11: (-688, 97, -2), 12: (6, 46, -79), 13: (-777, 135, 17), 14: (55, -16, -58),
                  15: (-789, 86, 12)},
    'attn_0_0_outputs': {'(': (21, -9, 7), ')': (-10, -20, 12), '}': (-7, -16, 1)},
    'attn_0_1_outputs': {'(': (-119, 98, 61), ')': (-70, 83, 51), '{': (-81, 97, 58),
                         '}': (-93, 73, 69)},
    'attn_0_2_outputs': {'(': (-15, 18, -11), ')': (-5, -11, -1)},
    'attn_0_3_outputs': {'(': (-95, -11, 16), ')': (-92, -31, 26), '{': (-96, -12, 19),
                         '}': (-100, -32, 26)},
    'num_attn_0_0_outputs': {2: (-29, -11, 38), 4: (-32, 17, 15), 5: (-48, 23, 10),
                             6: (-111, 21, 15), 8: (-89, 8, 37), 9: (-120, 10, 38),
                             10: (-293, 31, 17)},
    'num_attn_0_1_outputs': {1: (138, -38, 32), 2: (4, -37, 26), 3: (-462, 9, 61), 4: (243, 4, -69),
                             5: (-617, 77, -16), 6: (-218, 64, -11), 7: (214, -233, 73),
                             8: (-20, -237, 254)},
    'num_attn_0_2_outputs': {3: (59, 3, 0), 4: (60, 2, 17), 6: (432, -80, -53), 7: (-462, 63, 65),
                             10: (-113, 6, -7)},
    'num_attn_0_3_outputs': {1: (173, -491, 536), 2: (-58, -559, 601), 3: (447, -625, 584),
                             4: (-188, -558, 608), 5: (476, -621, 570), 6: (-162, -565, 634),
                             7: (418, -643, 582), 8: (-132, -544, 654), 9: (429, -668, 548),
                             10: (-198, -539, 639), 11: (461, -713, 507), 12: (-431, -553, 629),
                             13: (405, -659, 491), 14: (141, -601, 590), 15: (520, -607, 428)},
    'mlp_0_0_outputs': {2: (100, -51, 38), 9: (131, -41, 31), 10: (190, 0, -23),
                        11: (139, -40, 27)},
    'mlp_0_1_outputs': {2: (-14, -5, 13), 7: (-75, 1, 12), 8: (-17, -1, 14), 15: (13, -11, 7)},
    'mlp_0_2_outputs': {2: (-66, -3, 8), 4: (-59, 6, -5), 6: (-5, 12, -30), 12: (-79, 4, 1)},
    'mlp_0_3_outputs': {3: (22, -10, 18), 4: (107, -5, -11), 7: (93, -30, 23), 11: (44, -46, 51)},
    'attn_1_0_outputs': {'(': (9, 8, -7), '{': (-2, 4, -3)},
    'attn_1_1_outputs': {'(': (-34, -15, 21), '{': (12, -18, 23), '}': (-213, -139, 214)},
    'attn_1_2_outputs': {'(': (-8, 6, -4), '{': (-2, 10, -6)},
    'attn_1_3_outputs': {'(': (-11, 7, -7), ')': (-180, -215, 271), '}': (-160, -241, 259)},
    'num_attn_1_0_outputs': {2: (-495, 156, -58), 3: (-31, -1, 27), 4: (-190, -43, 94),
                             5: (147, -134, 126), 6: (128, -183, 158), 7: (121, -185, 151),
                             8: (62, -97, 86), 9: (75, -432, 410), 10: (70, -441, 400),
                             11: (85, -411, 381), 12: (105, -344, 320)},
    'num_attn_1_1_outputs': {1: (-39, -59, 69), 2: (-82, -50, 64), 3: (-78, -75, 83),
                             4: (-85, -73, 77), 5: (-79, -68, 72), 6: (-78, -66, 62),
                             7: (-71, -69, 63), 8: (-40, -66, 53), 9: (-68, -48, 34),
                             10: (-13, -60, 34), 12: (-80, -52, 5)},
    'num_attn_1_2_outputs': {2: (-34, 12, 4), 3: (-54, 10, 15), 4: (-20, 0, 22), 5: (-86, -3, 32),
                             6: (-80, -4, 28), 7: (-56, -8, 34), 8: (-98, -9, 37),
                             9: (-115, -26, 46), 10: (-156, -16, 40), 11: (-111, -39, 34),
                             12: (-59, -31, 38), 13: (-314, -32, 89), 14: (-166, 5, 92)},
    'num_attn_1_3_outputs': {1: (164, -56, 49), 2: (223, -77, 65), 3: (153, -101, 91),
                             4: (64, -82, 95), 5: (145, -63, 62), 6: (164, -92, 87),
                             7: (-120, -93, 98), 8: (-31, -95, 119), 9: (91, -70, 84),
                             10: (28, -70, 29), 11: (23, -52, 8), 12: (-372, -37, 0),
                             13: (-459, -38, 3), 14: (-403, 69, 87), 15: (-487, -41, 111)},
    'mlp_1_1_outputs': {4: (-40, -1, 6), 6: (-30, 15, -12), 8: (-24, -4, 8), 10: (38, 10, -27),
                        11: (41, 9, -22), 13: (30, 7, -15), 16: (62, 33, -50)},
    'mlp_1_2_outputs': {7: (-8, 35, -36), 9: (39, 10, -23), 10: (11, 6, -22), 11: (-30, 10, -8),
                        12: (-21, 10, -14), 13: (77, 0, -12)},
    'mlp_1_3_outputs': {2: (-1, -17, 14), 5: (-103, 23, -21), 8: (-98, 32, -32), 13: (-88, 7, -3)},
    'attn_2_0_outputs': {2: (-43, -58, 77), 3: (-38, -17, 23), 4: (1, -44, 43), 5: (14, -28, 22),
                         7: (-23, -14, 18), 11: (22, -20, 12)},
    'attn_2_1_outputs': {2: (-211, -101, 145), 4: (-26, -81, 97), 5: (22, 40, -42),
                         11: (28, 20, -27)},
    'attn_2_2_outputs': {2: (79, -80, 82), 3: (14, 3, -3)},
    'num_attn_2_0_outputs': {1: (40, 73, -63), 2: (114, 69, -76), 3: (88, 67, -79),
                             4: (100, 68, -76), 5: (122, 68, -81), 6: (164, 60, -86),
                             7: (145, 70, -93), 8: (157, 74, -100), 9: (120, 76, -106),
                             10: (127, 61, -139), 11: (156, 82, -123), 12: (114, 87, -117),
                             13: (273, 88, -136), 14: (304, 150, -177), 15: (283, 122, -191)},
    'num_attn_2_1_outputs': {1: (300, 426, -273), 2: (373, 512, -388), 3: (511, 582, -475),
                             4: (618, 615, -531), 5: (670, 636, -570), 6: (741, 633, -639),
                             7: (699, 621, -625), 8: (649, 739, -679)},
    'num_attn_2_2_outputs': {1: (216, 11, -15), 2: (150, -11, 23), 3: (124, -43, 66),
                             4: (33, -78, 118), 5: (-19, -119, 170), 6: (-127, -149, 214),
                             7: (-210, -180, 263), 8: (-358, -186, 308), 9: (-288, -223, 314),
                             10: (-269, -265, 304), 11: (-324, -241, 282), 12: (-621, -225, 275),
                             13: (-447, -233, 285), 14: (-360, -237, 287), 15: (-56, -393, 443)},
    'num_attn_2_3_outputs': {1: (-122, -70, 74), 2: (-190, -50, 95), 3: (-156, -51, 98),
                             4: (-114, -47, 94), 5: (-194, -27, 86), 6: (-279, -10, 102),
                             7: (-336, -6, 100), 8: (-456, 14, 116), 9: (-611, -31, 123),
                             10: (-749, -63, 113), 11: (-493, -98, 96), 12: (-608, -71, 157),
                             13: (-794, -55, 136), 14: (-732, -26, 102)},
    'mlp_2_0_outputs': {9: (-131, 40, -14), 10: (-139, 46, -32), 12: (3, 39, -41),
                        14: (-17, 34, -30), 15: (-27, 44, -39), 16: (-86, 56, -56)},
    'mlp_2_1_outputs': {6: (16, -12, 19), 7: (-1, -4, 6), 8: (-38, 18, -9), 10: (17, -12, 11),
                        11: (10, 8, -8)},
    'mlp_2_2_outputs': {2: (-13, 2, 2), 4: (-72, 3, -1), 5: (-3, 4, -2), 6: (2, -3, 3),
                        7: (35, 21, -24), 9: (81, 8, -17), 10: (62, 7, -17), 12: (-3, 11, -11),
                        16: (33, 31, -35)},
    'mlp_2_3_outputs': {2: (44, 15, -48), 5: (89, 7, -29), 7: (98, 14, -47), 10: (69, 1, -35),
                        14: (65, 1, -32)},
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
    attn_0_1_outputs = attend(positions, positions, tokens, attn_0_1_pattern, order='first')
    attn_0_2_outputs = attend(positions, positions, tokens, attn_0_2_pattern, order='first')
    attn_0_3_outputs = attend(positions, tokens, tokens, attn_0_3_pattern, order='first')
    num_attn_0_0_outputs = count(positions, tokens, num_attn_0_0_pattern)
    num_attn_0_1_outputs = count(tokens, positions, num_attn_0_1_pattern)
    num_attn_0_2_outputs = count(tokens, positions, num_attn_0_2_pattern)
    num_attn_0_3_outputs = count(tokens, tokens, num_attn_0_3_pattern)
    mlp_0_0_outputs = [mlp_0_0_table.get((tokens[i], attn_0_2_outputs[i]), 2) for i in range(n)]
    mlp_0_1_outputs = [mlp_0_1_table.get((attn_0_0_outputs[i], attn_0_1_outputs[i]), 4) for i in range(n)]
    mlp_0_2_outputs = [mlp_0_2_table.get((attn_0_3_outputs[i], attn_0_0_outputs[i]), 7) for i in range(n)]
    mlp_0_3_outputs = [mlp_0_3_table.get((attn_0_0_outputs[i], tokens[i]), 3) for i in range(n)]
    attn_1_0_outputs = attend(num_attn_0_3_outputs, attn_0_2_outputs, tokens, attn_1_0_pattern, order='first')
    attn_1_1_outputs = attend(num_attn_0_3_outputs, tokens, attn_0_1_outputs, attn_1_1_pattern, order='first')
    attn_1_2_outputs = attend(num_attn_0_3_outputs, num_attn_0_1_outputs, tokens, attn_1_2_pattern, order='first')
    attn_1_3_outputs = attend(num_attn_0_3_outputs, attn_0_2_outputs, tokens, attn_1_3_pattern, order='first')
    num_attn_1_0_outputs = count(tokens, attn_0_2_outputs, num_attn_1_0_pattern)
    num_attn_1_1_outputs = count(num_attn_0_3_outputs, attn_0_0_outputs, num_attn_1_1_pattern)
    num_attn_1_2_outputs = count(mlp_0_1_outputs, mlp_0_2_outputs, num_attn_1_2_pattern)
    num_attn_1_3_outputs = count(mlp_0_3_outputs, num_attn_0_1_outputs, num_attn_1_3_pattern)
    mlp_1_1_outputs = [mlp_1_1_table.get((attn_0_1_outputs[i], attn_0_2_outputs[i]), 2) for i in range(n)]
    mlp_1_2_outputs = [mlp_1_2_table.get((attn_0_3_outputs[i], attn_0_0_outputs[i]), 2) for i in range(n)]
    mlp_1_3_outputs = [mlp_1_3_table.get((attn_0_0_outputs[i], tokens[i]), 2) for i in range(n)]
    attn_2_0_outputs = attend(num_attn_1_2_outputs, num_attn_0_1_outputs, mlp_0_3_outputs, attn_2_0_pattern,
                              order='first')
    attn_2_1_outputs = attend(num_attn_1_1_outputs, attn_1_2_outputs, mlp_0_3_outputs, attn_2_1_pattern)
    attn_2_2_outputs = attend(num_attn_1_2_outputs, num_attn_0_1_outputs, mlp_0_3_outputs, attn_2_2_pattern,
                              order='first')
    num_attn_2_0_outputs = count(mlp_1_3_outputs, num_attn_0_3_outputs, num_attn_2_0_pattern)
    num_attn_2_1_outputs = count(mlp_0_3_outputs, attn_1_1_outputs, num_attn_2_1_pattern)
    num_attn_2_2_outputs = count(num_attn_0_3_outputs, mlp_0_0_outputs, num_attn_2_2_pattern)
    num_attn_2_3_outputs = count(mlp_0_3_outputs, num_attn_0_1_outputs, num_attn_2_3_pattern)
    mlp_2_0_outputs = [mlp_2_0_table.get((attn_1_2_outputs[i], attn_1_3_outputs[i]), 4) for i in range(n)]
    mlp_2_1_outputs = [mlp_2_1_table.get((attn_2_0_outputs[i], attn_1_0_outputs[i]), 0) for i in range(n)]
    mlp_2_2_outputs = [mlp_2_2_table.get((attn_2_2_outputs[i], attn_1_0_outputs[i]), 16) for i in range(n)]
    mlp_2_3_outputs = [mlp_2_3_table.get((attn_1_0_outputs[i], attn_1_3_outputs[i]), 0) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
