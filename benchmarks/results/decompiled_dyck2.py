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
    if query in {4, 13, 15}:
        return key == 2
    if query in {5, 11}:
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
    if query in {4, 6, 9, 15}:
        return key == 3
    if query in {5, 7}:
        return key == 4
    if query in {8, 10, 12}:
        return key == 5
    if query == 14:
        return key == 8
    return key > query or key == 2


def attn_0_3_pattern(key, query):
    """query: positions, key: positions"""
    if query == 1:
        return True
    if query == 9:
        return key == 5
    if query == 11:
        return key == 4
    if query == 12:
        return key == 6
    if query == 15:
        return key == 2
    return key == query - 2


def num_attn_0_0_pattern(key, query):
    """query: tokens, key: positions"""
    if query == '(':
        return key not in {7, 8, 9, 10, 13}
    if query == ')':
        return key in {0, 2, 3, 4, 7}
    if query == '{':
        return key not in {2, 3, 4, 15}
    if query == '}':
        return key in {1, 3, 7, 12, 15}
    return key in {0, 2, 3, 4, 5, 8, 13}


def num_attn_0_1_pattern(key, query):
    """query: positions, key: tokens"""
    if query in {0, 4}:
        return key != '('
    if query in {3, 13, 14}:
        return key in {')', '}'}
    if query == 5:
        return key in {'BOS', ')'}
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
        return key != '('
    if query == 4:
        return key not in {')', '{'}
    if query in {5, 10}:
        return key not in {'(', '{'}
    if query == 7:
        return key == ')'
    if query == 8:
        return key in {'{', '}'}
    if query == 9:
        return key != 'BOS'
    if query == 11:
        return key in {'BOS', '('}
    if query == 13:
        return key not in {'BOS', '}'}
    if query == 14:
        return False
    if query == 15:
        return key == '{'
    return key == '}'


def num_attn_0_3_pattern(key, query):
    """query: tokens, key: tokens"""
    if query == 'BOS':
        return key not in {')', '}'}
    if query == ')':
        return key not in {'{', '}'}
    if query == '}':
        return key not in {'(', ')'}
    return key in {')', '}'}

# mlp_0_0: reads (tokens, attn_0_2_outputs); every other input gives 6
mlp_0_0_table = {('BOS', '}'): 2, ('(', 'BOS'): 10, ('(', '{'): 14, (')', '('): 13, (')', ')'): 2,
                 (')', '{'): 2, (')', '}'): 2, ('{', 'BOS'): 14, ('{', '('): 14, ('{', '{'): 5,
                 ('{', '}'): 10, ('}', '('): 2, ('}', ')'): 8, ('}', '{'): 10, ('}', '}'): 2}

# mlp_0_1: reads (attn_0_0_outputs, attn_0_1_outputs); every other input gives 4
mlp_0_1_table = {('BOS', 'BOS'): 9, ('BOS', '('): 14, ('BOS', '{'): 1, ('(', 'BOS'): 14,
                 ('(', '('): 5, ('(', ')'): 13, ('(', '{'): 8, (')', '('): 6, (')', ')'): 2,
                 (')', '{'): 2, (')', '}'): 12, ('{', 'BOS'): 7, ('{', '('): 7, ('{', ')'): 7,
                 ('{', '{'): 1, ('{', '}'): 13, ('}', ')'): 12, ('}', '{'): 6, ('}', '}'): 2}

# mlp_0_2: reads (attn_0_3_outputs, attn_0_0_outputs); every other input gives 6
mlp_0_2_table = {('BOS', 'BOS'): 11, ('BOS', '('): 1, ('BOS', ')'): 15, ('BOS', '{'): 12,
                 ('BOS', '}'): 11, ('(', '('): 1, ('(', '{'): 5, ('(', '}'): 5, (')', 'BOS'): 14,
                 (')', '('): 9, (')', ')'): 2, (')', '{'): 5, (')', '}'): 2, ('{', '('): 1,
                 ('{', ')'): 4, ('{', '{'): 8, ('}', 'BOS'): 11, ('}', '('): 14, ('}', ')'): 10,
                 ('}', '{'): 9, ('}', '}'): 2}

# mlp_0_3: reads (attn_0_0_outputs, tokens); every other input gives 1
mlp_0_3_table = {('BOS', 'BOS'): 5, ('BOS', ')'): 11, ('BOS', '}'): 8, ('(', '('): 3,
                 ('(', ')'): 11, ('(', '{'): 3, ('(', '}'): 2, (')', 'BOS'): 2, (')', '('): 7,
                 (')', ')'): 4, (')', '{'): 0, (')', '}'): 4, ('{', ')'): 2, ('{', '{'): 3,
                 ('{', '}'): 11, ('}', 'BOS'): 4, ('}', '('): 0, ('}', ')'): 4, ('}', '{'): 7,
                 ('}', '}'): 4}


def attn_1_0_pattern(key, query):
    """query: attn_0_2_outputs, key: num_attn_0_3_outputs"""
    return key == {'{': 0}.get(query, 2)


def attn_1_1_pattern(key, query):
    """query: tokens, key: num_attn_0_0_outputs"""
    return key == 2


def attn_1_2_pattern(key, query):
    """query: num_attn_0_1_outputs, key: num_attn_0_3_outputs"""
    return key == {0: 1, 3: 0, 5: 0, 6: 0}.get(query, 2)


def attn_1_3_pattern(key, query):
    """query: attn_0_2_outputs, key: num_attn_0_3_outputs"""
    return key == 2


def num_attn_1_0_pattern(key, query):
    """query: attn_0_2_outputs, key: tokens"""
    return key not in {'(', '{'}


def num_attn_1_1_pattern(key, query):
    """query: attn_0_0_outputs, key: num_attn_0_3_outputs"""
    if query == '(':
        return key not in {0, 1, 2, 3, 4, 15, 16}
    if query == ')':
        return key not in {2, 3, 4, 7, 8}
    if query == '{':
        return key not in {0, 1, 2, 3, 15, 16}
    if query == '}':
        return key not in {1, 2, 3, 4, 7}
    return key not in {1, 2, 3, 4, 7, 8}


def num_attn_1_2_pattern(key, query):
    """query: mlp_0_2_outputs, key: mlp_0_1_outputs"""
    if query == 2:
        return key in {2, 4, 8, 9, 14}
    if query == 4:
        return key not in {1, 7, 12}
    if query == 5:
        return key in {2, 4, 5, 8, 13}
    if query == 6:
        return key not in {6, 12}
    if query == 8:
        return key not in {1, 5, 6, 7}
    if query == 9:
        return key in {1, 2, 4, 7, 8}
    if query == 10:
        return key not in {6, 8, 9, 12}
    if query == 11:
        return key not in {5, 6}
    if query == 12:
        return key in {2, 4, 7, 12, 14}
    if query == 14:
        return key in {2, 4, 7, 9, 14}
    if query == 15:
        return key not in {2, 8, 9, 12, 13}
    return key not in {1, 5, 7, 8, 12}


def num_attn_1_3_pattern(key, query):
    """query: num_attn_0_1_outputs, key: mlp_0_3_outputs"""
    if query == 2:
        return key in {2, 3, 4, 5}
    if query == 3:
        return key not in {0, 1, 3}
    if query in {5, 8, 9}:
        return key in {2, 4}
    if query == 6:
        return key not in {2, 4}
    if query == 7:
        return key in {0, 2, 4}
    if query == 10:
        return key == 2
    if query == 11:
        return key not in {1, 8, 11}
    if query == 12:
        return True
    if query == 13:
        return key in {0, 4, 5, 11}
    if query == 14:
        return key != 1
    if query == 15:
        return key == 0
    if query == 16:
        return key not in {1, 3, 7}
    return key in {0, 2, 4, 11}

# mlp_1_0: reads (attn_0_2_outputs, attn_0_3_outputs); every other input gives 9
mlp_1_0_table = {('BOS', 'BOS'): 6, ('BOS', '('): 13, ('BOS', ')'): 4, ('BOS', '{'): 13,
                 ('BOS', '}'): 4, ('(', '('): 16, ('(', ')'): 12, ('(', '{'): 13, ('(', '}'): 6,
                 (')', '('): 0, (')', ')'): 4, (')', '}'): 16, ('{', 'BOS'): 12, ('{', '('): 13,
                 ('{', '{'): 13, ('{', '}'): 12, ('}', ')'): 16, ('}', '{'): 11, ('}', '}'): 4}

# mlp_1_1: reads (attn_0_1_outputs, attn_0_2_outputs); every other input gives 3
mlp_1_1_table = {('BOS', ')'): 12, ('BOS', '{'): 14, ('(', ')'): 10, ('(', '{'): 6, ('(', '}'): 8,
                 (')', 'BOS'): 12, (')', '('): 16, (')', '{'): 12, ('{', 'BOS'): 14, ('{', '('): 14,
                 ('{', ')'): 8, ('{', '{'): 12, ('{', '}'): 11, ('}', ')'): 6}

# mlp_1_2: reads (attn_0_1_outputs, attn_0_0_outputs); every other input gives 2
mlp_1_2_table = {('BOS', '('): 6, (')', '('): 9, ('{', '{'): 5, ('}', '{'): 6}

# mlp_1_3: reads (attn_0_0_outputs, tokens); every other input gives 2
mlp_1_3_table = {('BOS', 'BOS'): 11, ('BOS', '('): 12, ('BOS', '{'): 14, ('(', 'BOS'): 7,
                 ('(', '('): 3, ('(', ')'): 15, ('(', '{'): 13, (')', 'BOS'): 3, (')', '('): 3,
                 (')', '{'): 14, (')', '}'): 0, ('{', 'BOS'): 3, ('{', '('): 12, ('{', '{'): 14,
                 ('{', '}'): 15, ('}', '('): 3, ('}', ')'): 3, ('}', '{'): 5, ('}', '}'): 4}


def attn_2_0_pattern(key, query):
    """query: num_attn_0_1_outputs, key: num_attn_1_2_outputs"""
    return key == {1: 1, 2: 1, 4: 1, 6: 1, 7: 3, 9: 3, 10: 3}.get(query, 2)


def attn_2_1_pattern(key, query):
    """query: attn_1_2_outputs, key: num_attn_1_1_outputs"""
    return key == {')': 1}.get(query, 2)


def attn_2_2_pattern(key, query):
    """query: num_attn_0_1_outputs, key: num_attn_1_2_outputs"""
    return key == {1: 1, 2: 1, 3: 1, 5: 1, 8: 3, 10: 4}.get(query, 2)


def num_attn_2_0_pattern(key, query):
    """query: num_attn_0_3_outputs, key: mlp_1_3_outputs"""
    if query == 0:
        return key in {3, 5, 7, 11, 15}
    if query == 1:
        return key not in {0, 2, 13, 14}
    if query == 2:
        return key in {5, 12, 15}
    if query == 3:
        return key in {3, 5, 7, 12, 15}
    if query == 4:
        return key in {3, 5, 15}
    if query == 5:
        return key in {11, 13, 14}
    if query == 6:
        return key in {4, 14}
    if query == 8:
        return key in {11, 14, 15}
    if query == 10:
        return key in {3, 5, 7, 15}
    if query == 11:
        return False
    if query == 12:
        return key in {7, 12, 14, 15}
    if query == 13:
        return key in {0, 3, 7, 11}
    if query == 14:
        return key not in {0, 2, 4}
    if query == 15:
        return key not in {2, 5, 14}
    if query == 16:
        return key not in {0, 13}
    return key not in {2, 4, 12}


def num_attn_2_1_pattern(key, query):
    """query: attn_1_1_outputs, key: mlp_0_3_outputs"""
    if query == 4:
        return key in {3, 11}
    if query == 11:
        return key in {0, 1, 3}
    return key in {8, 11}


def num_attn_2_2_pattern(key, query):
    """query: mlp_1_0_outputs, key: num_attn_0_3_outputs"""
    if query == 0:
        return key in {1, 2, 3, 4, 15, 16}
    if query == 6:
        return key in {1, 2, 3, 4, 14, 15, 16}
    if query == 9:
        return key in {1, 2, 3, 4, 16}
    if query in {11, 16}:
        return key in {1, 2, 3, 4, 5, 14, 15, 16}
    if query == 13:
        return key in {1, 2, 3, 4, 5, 16}
    return key in {1, 2, 3, 4, 6, 15, 16}


def num_attn_2_3_pattern(key, query):
    """query: num_attn_0_1_outputs, key: mlp_0_3_outputs"""
    if query == 0:
        return key in {2, 4, 5}
    if query == 1:
        return key in {2, 4, 5, 8}
    if query == 2:
        return key in {2, 4, 8}
    if query == 4:
        return key not in {0, 8, 11}
    if query == 5:
        return key in {1, 2, 4, 5}
    if query == 6:
        return key in {1, 2, 4}
    if query == 8:
        return True
    if query == 9:
        return key not in {1, 3, 7}
    if query in {10, 11}:
        return key in {2, 3, 4, 8}
    if query == 14:
        return key == 2
    if query == 15:
        return key not in {3, 11}
    if query == 16:
        return key in {2, 3, 4}
    return key in {2, 4}

# mlp_2_0: reads (attn_1_2_outputs, attn_1_3_outputs); every other input gives 14
mlp_2_0_table = {('BOS', 'BOS'): 3, ('BOS', '('): 12, ('(', 'BOS'): 2, ('(', '('): 11,
                 ('{', 'BOS'): 12}

# mlp_2_1: reads (tokens, attn_1_0_outputs); every other input gives 10
mlp_2_1_table = {('BOS', ')'): 13, ('BOS', '}'): 6, ('(', '}'): 6, (')', 'BOS'): 13, (')', '('): 8,
                 (')', ')'): 13, (')', '{'): 6, ('{', ')'): 6, ('{', '{'): 6, ('}', 'BOS'): 2,
                 ('}', '('): 11, ('}', '{'): 5, ('}', '}'): 13}

# mlp_2_2: reads (attn_2_2_outputs, attn_1_0_outputs); every other input gives 0
mlp_2_2_table = {(0, 'BOS'): 16, (0, '('): 4, (0, ')'): 16, (2, 'BOS'): 16, (2, '}'): 16,
                 (3, '('): 12, (4, 'BOS'): 4, (4, ')'): 16, (5, 'BOS'): 16, (5, ')'): 16,
                 (7, ')'): 16, (7, '{'): 12, (8, 'BOS'): 16, (8, ')'): 16, (8, '{'): 4,
                 (8, '}'): 16, (11, 'BOS'): 16, (11, ')'): 16}

# mlp_2_3: reads (attn_1_0_outputs, attn_1_3_outputs); every other input gives 0
mlp_2_3_table = {('BOS', 'BOS'): 7, ('(', 'BOS'): 6, ('(', '('): 2, ('(', '{'): 5, ('{', 'BOS'): 16,
                 ('{', '('): 13, ('{', '{'): 10, ('{', '}'): 6}


classes = ('T', 'P', 'F')
classifier_bias = (-2475, 2489, -3264)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'tokens': {'(': (-897, 177, 103), ')': (417, -187, -38), '{': (-958, 193, 97),
               '}': (331, -179, -9)},
    'positions': {2: (1298, -1143, -337), 4: (1516, -632, 67), 5: (-1326, 152, 141),
                  6: (781, -389, 173), 7: (-1795, -35, 286), 8: (71, -135, 30), 9: (-1256, 230, 52),
                  10: (476, 15, -214), 11: (-1914, 287, 4), 12: (-122, 80, -173),
                  13: (-1738, 315, 98), 14: (-70, -66, -226), 15: (-1105, 179, 76)},
    'attn_0_0_outputs': {')': (59, -117, 60), '}': (93, -5, -71)},
    'attn_0_1_outputs': {'(': (-489, 344, 290), ')': (-185, 309, 245), '{': (-511, 356, 289),
                         '}': (-268, 283, 262)},
    'attn_0_2_outputs': {'{': (-204, 3, 31)},
    'attn_0_3_outputs': {'(': (-788, 388, 280), ')': (-120, 312, 250), '{': (-856, 351, 327),
                         '}': (-163, 258, 284)},
    'num_attn_0_0_outputs': {3: (-149, 137, -3), 4: (21, 129, -21), 5: (-520, 165, -16),
                             6: (-324, 164, -46), 7: (-586, 132, -9), 8: (-456, 142, 4),
                             11: (-563, -37, -11)},
    'num_attn_0_1_outputs': {1: (-538, -36, 116), 2: (-732, -112, 169), 3: (-1133, -94, 288),
                             4: (824, -53, -85), 5: (-1209, 241, -17), 6: (-341, 225, -129),
                             7: (817, -895, 226), 8: (-1042, -639, 741)},
    'num_attn_0_2_outputs': {1: (357, 81, -76), 2: (356, 111, -26), 3: (384, 72, -63),
                             4: (267, 66, 28), 6: (1076, -209, 4), 7: (-1114, 392, 477),
                             9: (-1021, 124, -37), 10: (-251, 123, -123), 11: (-85, 66, -125)},
    'num_attn_0_3_outputs': {1: (160, -1439, 1642), 2: (-530, -1609, 1768), 3: (1285, -1790, 1692),
                             4: (-887, -1668, 1863), 5: (1470, -1792, 1664),
                             6: (-1005, -1622, 1841), 7: (1108, -1979, 1834),
                             8: (-620, -1613, 1886), 9: (1110, -2084, 1794),
                             10: (-730, -1654, 1909), 11: (1251, -2032, 1391),
                             12: (-1239, -1637, 1729), 13: (1022, -1974, 1506),
                             14: (-17, -1915, 1843), 15: (1561, -1601, 1304)},
    'mlp_0_0_outputs': {5: (-345, 92, -45), 6: (-467, 117, -76), 8: (-39, 140, -125),
                        10: (-243, 50, -38), 13: (75, 38, -39), 14: (-247, 85, -72)},
    'mlp_0_1_outputs': {2: (298, -47, -14), 4: (454, -53, -19), 6: (323, -43, -40),
                        12: (380, -60, -2), 13: (502, -7, -92)},
    'mlp_0_2_outputs': {2: (182, -17, -10), 4: (-96, 20, -24), 5: (13, -135, 142),
                        6: (1156, 59, -207), 8: (-906, -52, 104), 9: (378, -84, 45),
                        10: (530, 136, -188), 14: (527, -30, -9)},
    'mlp_0_3_outputs': {2: (300, 104, -108), 3: (121, 42, -7), 4: (574, 10, -71), 7: (95, 3, -28),
                        11: (515, 4, -58)},
    'attn_1_0_outputs': {'(': (-43, 18, -10)},
    'attn_1_1_outputs': {3: (182, 186, -287)},
    'attn_1_2_outputs': {'(': (-67, 37, -31), '{': (51, 59, -47)},
    'attn_1_3_outputs': {'(': (-99, 17, -8), ')': (-391, -684, 756), '}': (-607, -758, 820)},
    'num_attn_1_0_outputs': {2: (-931, 356, -47), 3: (-110, -175, 344), 4: (-800, -222, 424),
                             5: (82, -453, 551), 6: (362, -696, 681), 7: (443, -783, 722),
                             8: (268, -427, 428), 9: (-50, -1510, 1558), 10: (-343, -1630, 1604),
                             11: (-163, -1427, 1480), 12: (181, -1265, 1244)},
    'num_attn_1_1_outputs': {1: (197, -95, 112), 3: (315, -60, 69), 5: (422, -5, -1),
                             6: (537, 25, -51), 7: (561, 70, -111), 8: (674, 93, -134),
                             9: (656, 152, -214), 10: (828, 150, -271), 11: (771, 149, -359),
                             12: (611, 129, -349), 13: (832, 484, -416)},
    'num_attn_1_2_outputs': {2: (-44, 6, 212), 3: (-473, -1, 286), 4: (-431, -35, 313),
                             5: (-588, -25, 322), 6: (-595, -74, 365), 7: (-594, -92, 400),
                             8: (-835, -128, 448), 9: (-800, -162, 434), 10: (-1062, -132, 425),
                             11: (-1101, -217, 403), 12: (-1276, -159, 482), 13: (-889, -302, 596)},
    'num_attn_1_3_outputs': {1: (-51, -449, 453), 2: (219, -488, 555), 3: (449, -577, 613),
                             4: (457, -585, 582), 5: (309, -579, 577), 6: (408, -676, 633),
                             7: (280, -616, 641), 8: (-50, -547, 580), 9: (-64, -429, 501),
                             10: (-369, -503, 405), 11: (-853, -426, 375), 12: (-2381, -417, 402),
                             13: (-2844, -410, 444), 14: (-2126, -69, 821),
                             15: (-2092, -681, 1112)},
    'mlp_1_0_outputs': {4: (243, 154, -126), 11: (234, 105, -98), 12: (299, 204, -205),
                        13: (376, 278, -234), 16: (497, 242, -244)},
    'mlp_1_1_outputs': {6: (51, 51, -69), 8: (98, -97, 76), 10: (370, 28, -100), 11: (692, 9, -114),
                        12: (158, 5, -32), 14: (60, 24, -43), 16: (7, -66, 30)},
    'mlp_1_2_outputs': {5: (-311, 39, -26), 6: (150, 9, -65), 9: (-29, -52, 24)},
    'mlp_1_3_outputs': {3: (221, -98, 60), 4: (27, -87, 89), 14: (-134, -19, 18),
                        15: (166, -44, -1)},
    'attn_2_0_outputs': {2: (-187, -872, 589), 3: (-24, 64, -54), 5: (174, 0, -25)},
    'attn_2_1_outputs': {2: (-1030, -237, 767), 5: (82, 157, -160), 11: (141, 99, -117)},
    'attn_2_2_outputs': {2: (-433, -1083, 1109), 3: (94, 26, -36), 4: (240, -110, 46),
                         7: (95, 20, -17)},
    'num_attn_2_0_outputs': {1: (-573, 4, -3), 2: (-194, -19, 19), 6: (-100, 40, -59),
                             7: (37, 72, -90), 8: (146, 128, -156), 9: (208, 89, -201),
                             10: (51, 55, -328), 11: (151, 162, -259), 12: (180, 195, -260),
                             13: (-36, 217, -319), 14: (568, 304, -302), 15: (456, 221, -442),
                             16: (63, 238, -277)},
    'num_attn_2_1_outputs': {0: (-1397, -2106, 1712), 1: (-881, -451, 652), 2: (-289, -139, 228),
                             3: (253, 125, -82), 4: (662, 330, -329), 5: (1025, 385, -611),
                             6: (1003, 626, -958), 7: (1108, 528, -1321)},
    'num_attn_2_2_outputs': {1: (504, 359, -402), 2: (867, 219, -296), 3: (350, 142, -168),
                             4: (272, -22, -6), 5: (160, -171, 169), 6: (91, -355, 335),
                             7: (-242, -490, 503), 8: (-534, -574, 672), 9: (-983, -644, 783),
                             10: (-1502, -717, 702), 11: (-2269, -653, 642), 12: (-1643, -620, 605),
                             13: (-1165, -406, 391), 14: (-397, -364, 348)},
    'num_attn_2_3_outputs': {1: (-662, -575, 683), 2: (-1128, -627, 881), 3: (-1129, -584, 915),
                             4: (-1111, -577, 927), 5: (-996, -524, 875), 6: (-1099, -490, 864),
                             7: (-1337, -443, 865), 8: (-1442, -410, 872), 9: (-2669, -504, 916),
                             10: (-2614, -620, 890), 11: (-2335, -738, 852),
                             12: (-2062, -722, 1063), 13: (-3563, -534, 972),
                             14: (-2613, -446, 838), 15: (-2039, -442, 811)},
    'mlp_2_0_outputs': {3: (-99, -9, 32), 11: (-109, -9, 13), 12: (-64, 51, -39),
                        14: (-87, 20, -4)},
    'mlp_2_1_outputs': {5: (79, 14, -30), 6: (-82, 21, 5), 8: (114, 28, -49), 10: (-424, 46, -31),
                        11: (-144, 64, -39), 13: (65, 56, -60)},
    'mlp_2_2_outputs': {4: (205, -145, 42), 12: (45, -58, 68), 16: (-181, -23, 82)},
    'mlp_2_3_outputs': {2: (283, 241, -299), 5: (764, 213, -283), 6: (307, 264, -328),
                        7: (365, 245, -309), 10: (292, 211, -281), 13: (338, 168, -223),
                        16: (531, 229, -311)},
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
    attn_0_3_outputs = attend(positions, positions, tokens, attn_0_3_pattern, order='first')
    num_attn_0_0_outputs = count(positions, tokens, num_attn_0_0_pattern)
    num_attn_0_1_outputs = count(tokens, positions, num_attn_0_1_pattern)
    num_attn_0_2_outputs = count(tokens, positions, num_attn_0_2_pattern)
    num_attn_0_3_outputs = count(tokens, tokens, num_attn_0_3_pattern)
    mlp_0_0_outputs = [mlp_0_0_table.get((tokens[i], attn_0_2_outputs[i]), 6) for i in range(n)]
    mlp_0_1_outputs = [mlp_0_1_table.get((attn_0_0_outputs[i], attn_0_1_outputs[i]), 4) for i in range(n)]
    mlp_0_2_outputs = [mlp_0_2_table.get((attn_0_3_outputs[i], attn_0_0_outputs[i]), 6) for i in range(n)]
    mlp_0_3_outputs = [mlp_0_3_table.get((attn_0_0_outputs[i], tokens[i]), 1) for i in range(n)]
    attn_1_0_outputs = attend(num_attn_0_3_outputs, attn_0_2_outputs, tokens, attn_1_0_pattern, order='first')
    attn_1_1_outputs = attend(num_attn_0_0_outputs, tokens, mlp_0_3_outputs, attn_1_1_pattern, order='first')
    attn_1_2_outputs = attend(num_attn_0_3_outputs, num_attn_0_1_outputs, tokens, attn_1_2_pattern, order='first')
    attn_1_3_outputs = attend(num_attn_0_3_outputs, attn_0_2_outputs, tokens, attn_1_3_pattern, order='first')
    num_attn_1_0_outputs = count(tokens, attn_0_2_outputs, num_attn_1_0_pattern)
    num_attn_1_1_outputs = count(num_attn_0_3_outputs, attn_0_0_outputs, num_attn_1_1_pattern)
    num_attn_1_2_outputs = count(mlp_0_1_outputs, mlp_0_2_outputs, num_attn_1_2_pattern)
    num_attn_1_3_outputs = count(mlp_0_3_outputs, num_attn_0_1_outputs, num_attn_1_3_pattern)
    mlp_1_0_outputs = [mlp_1_0_table.get((attn_0_2_outputs[i], attn_0_3_outputs[i]), 9) for i in range(n)]
    mlp_1_1_outputs = [mlp_1_1_table.get((attn_0_1_outputs[i], attn_0_2_outputs[i]), 3) for i in range(n)]
    mlp_1_2_outputs = [mlp_1_2_table.get((attn_0_1_outputs[i], attn_0_0_outputs[i]), 2) for i in range(n)]
    mlp_1_3_outputs = [mlp_1_3_table.get((attn_0_0_outputs[i], tokens[i]), 2) for i in range(n)]
    attn_2_0_outputs = attend(num_attn_1_2_outputs, num_attn_0_1_outputs, mlp_0_3_outputs, attn_2_0_pattern,
                              order='first')
    attn_2_1_outputs = attend(num_attn_1_1_outputs, attn_1_2_outputs, mlp_0_3_outputs, attn_2_1_pattern)
    attn_2_2_outputs = attend(num_attn_1_2_outputs, num_attn_0_1_outputs, mlp_0_3_outputs, attn_2_2_pattern,
                              order='first')
    num_attn_2_0_outputs = count(mlp_1_3_outputs, num_attn_0_3_outputs, num_attn_2_0_pattern)
    num_attn_2_1_outputs = count(mlp_0_3_outputs, attn_1_1_outputs, num_attn_2_1_pattern)
    num_attn_2_2_outputs = count(num_attn_0_3_outputs, mlp_1_0_outputs, num_attn_2_2_pattern)
    num_attn_2_3_outputs = count(mlp_0_3_outputs, num_attn_0_1_outputs, num_attn_2_3_pattern)
    mlp_2_0_outputs = [mlp_2_0_table.get((attn_1_2_outputs[i], attn_1_3_outputs[i]), 14) for i in range(n)]
    mlp_2_1_outputs = [mlp_2_1_table.get((tokens[i], attn_1_0_outputs[i]), 10) for i in range(n)]
    mlp_2_2_outputs = [mlp_2_2_table.get((attn_2_2_outputs[i], attn_1_0_outputs[i]), 0) for i in range(n)]
    mlp_2_3_outputs = [mlp_2_3_table.get((attn_1_0_outputs[i], attn_1_3_outputs[i]), 0) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
