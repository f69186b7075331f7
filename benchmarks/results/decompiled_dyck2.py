"""Transformer Program for 'dyck2', decompiled by weightsmith. Standalone: no imports.

run(tokens) -> one label per position; tokens[0] is normally 'BOS', at most 16 tokens.
Layers: 3; per layer 4 categorical heads, 4 numerical heads, 4 MLPs (0 of 36 modules unused and left out).
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
mlp_1_0_table = {('BOS', 'BOS'): 4, ('BOS', '('): 15, ('BOS', '{'): 13, ('BOS', '}'): 4,
                 ('(', 'BOS'): 13, ('(', '('): 9, ('(', ')'): 8, ('(', '{'): 15, ('(', '}'): 7,
                 (')', 'BOS'): 12, (')', '('): 13, (')', ')'): 10, (')', '}'): 13, ('{', 'BOS'): 10,
                 ('{', '('): 15, ('{', ')'): 5, ('{', '{'): 9, ('{', '}'): 5, ('}', '('): 4,
                 ('}', '{'): 13}

# mlp_1_1: reads (attn_0_0_outputs, attn_0_1_outputs); every other input gives 2
mlp_1_1_table = {('BOS', 'BOS'): 14, ('BOS', ')'): 4, ('BOS', '{'): 14, ('BOS', '}'): 4,
                 ('(', 'BOS'): 6, ('(', '('): 14, ('(', ')'): 7, ('(', '{'): 9, (')', 'BOS'): 4,
                 (')', '('): 13, (')', ')'): 4, (')', '}'): 4, ('{', 'BOS'): 14, ('{', '('): 9,
                 ('{', '{'): 14, ('{', '}'): 13, ('}', 'BOS'): 4, ('}', '('): 14}

# mlp_1_2: reads (attn_0_3_outputs, attn_0_0_outputs); every other input gives 4
mlp_1_2_table = {('BOS', '{'): 15, ('{', 'BOS'): 10, ('{', '{'): 15}

# mlp_1_3: reads (attn_0_0_outputs, attn_0_2_outputs); every other input gives 4
mlp_1_3_table = {('BOS', '('): 3, ('BOS', ')'): 2, ('BOS', '{'): 10, ('(', 'BOS'): 1,
                 ('(', '('): 10, ('(', ')'): 14, ('(', '{'): 1, ('(', '}'): 1, (')', '('): 12,
                 (')', ')'): 2, (')', '{'): 13, (')', '}'): 2, ('{', 'BOS'): 3, ('{', '('): 1,
                 ('{', ')'): 1, ('{', '{'): 10, ('{', '}'): 14, ('}', '('): 13, ('}', '{'): 12}


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

# mlp_2_0: reads (attn_0_1_outputs, attn_0_3_outputs); every other input gives 0
mlp_2_0_table = {('BOS', 'BOS'): 4, ('BOS', '('): 12, ('(', '('): 12, ('(', ')'): 9, ('(', '{'): 2,
                 ('(', '}'): 12, (')', '('): 16, (')', ')'): 14, (')', '{'): 4, (')', '}'): 14,
                 ('{', '('): 12, ('{', ')'): 7, ('{', '{'): 7, ('}', 'BOS'): 4, ('}', '{'): 9,
                 ('}', '}'): 4}

# mlp_2_1: reads (attn_0_3_outputs, attn_0_1_outputs); every other input gives 1
mlp_2_1_table = {('BOS', '('): 5, ('BOS', '}'): 5, ('(', 'BOS'): 12, ('(', '('): 2, (')', 'BOS'): 2,
                 (')', '('): 9, (')', ')'): 6, (')', '{'): 7, ('{', 'BOS'): 15, ('{', '('): 12,
                 ('{', '{'): 5, ('}', 'BOS'): 5, ('}', '('): 15, ('}', '}'): 5}

# mlp_2_2: reads (attn_0_0_outputs, attn_0_2_outputs); every other input gives 0
mlp_2_2_table = {('BOS', '('): 7, ('BOS', ')'): 2, ('BOS', '}'): 14, ('(', '('): 10, ('(', '{'): 4,
                 ('(', '}'): 14, (')', '}'): 2, ('{', '('): 4, ('{', '{'): 2, ('}', 'BOS'): 9,
                 ('}', ')'): 9, ('}', '{'): 9}

# mlp_2_3: reads attn_0_1_outputs; every other input gives 2
mlp_2_3_table = {'BOS': 8, ')': 6, '}': 6}


classes = ('T', 'P', 'F')
classifier_bias = (-321, 62, 45)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'tokens': {'(': (-51, 24, 27), ')': (27, -35, 0), '{': (-55, 19, 34), '}': (17, -27, 2)},
    'positions': {9: (-62, -8, 44), 10: (34, -57, 18), 12: (-7, -56, 35), 13: (-63, -17, 43),
                  14: (73, -66, -7), 15: (-70, -1, 37)},
    'attn_0_0_outputs': {'(': (-3, -22, 11), ')': (41, -45, -9), '{': (-7, -23, 15),
                         '}': (42, -38, -14)},
    'attn_0_1_outputs': {'(': (22, 12, -17), '{': (18, 10, -11), '}': (34, -15, -17)},
    'attn_0_2_outputs': {'(': (-14, 1, 20), '{': (-16, 1, 22), '}': (-7, -21, 15)},
    'attn_0_3_outputs': {'(': (-32, 1, 22), ')': (-25, -25, 22), '{': (-21, 1, 15),
                         '}': (-31, -23, 24)},
    'num_attn_0_0_outputs': {1: (-47, 45, 13), 2: (-16, -5, 15), 3: (-24, 17, 12), 5: (-25, -8, 19),
                             7: (-25, -22, 29)},
    'num_attn_0_1_outputs': {2: (12, -64, 95), 3: (34, -66, 65), 4: (40, -57, 51), 5: (61, -59, 38),
                             6: (62, -57, 37), 7: (41, -49, 45), 8: (45, -53, 46),
                             9: (-10, -28, 62), 10: (-11, -28, 62), 11: (-6, -31, 61),
                             12: (-5, -24, 56), 13: (0, -24, 54), 14: (1, -30, 56)},
    'num_attn_0_2_outputs': {0: (7, 11, -12), 1: (-27, 5, 26), 2: (65, -46, -39), 3: (-113, 33, 58),
                             4: (64, -55, -23), 5: (-92, 5, 51), 6: (35, -42, 0), 8: (8, -10, 4),
                             9: (-56, -4, 41), 13: (-63, -17, 43)},
    'num_attn_0_3_outputs': {0: (-41, 41, 9), 3: (76, -41, -54), 4: (-112, 75, 29),
                             5: (-196, 105, 43), 6: (198, -278, 33), 7: (-172, -79, 130),
                             9: (-13, 2, 11)},
    'mlp_0_0_outputs': {4: (33, -31, -6), 5: (24, -16, -12), 14: (-59, 14, 30), 16: (-46, 15, 30)},
    'mlp_0_1_outputs': {2: (-4, -25, 15), 3: (1, 1, 9), 4: (39, -31, -11), 5: (-66, 45, 22),
                        13: (-41, 14, 26), 15: (-1, -28, 16)},
    'mlp_0_3_outputs': {1: (-63, 21, 39), 3: (-64, 15, 50), 4: (-17, 20, -4), 11: (-60, 8, 47)},
    'attn_1_0_outputs': {4: (-49, -54, 52), 6: (6, 21, -17), 7: (7, 15, -11), 16: (3, 23, -16)},
    'attn_1_1_outputs': {1: (6, 21, -17), 4: (-104, -99, 103), 5: (7, 15, -11), 13: (3, 23, -16)},
    'attn_1_2_outputs': {6: (6, 21, -17), 7: (27, 31, -39), 16: (8, 17, -13)},
    'attn_1_3_outputs': {2: (-84, -89, 86), 12: (-3, 15, -5), 13: (22, -9, -7), 15: (66, 4, -38)},
    'num_attn_1_0_outputs': {1: (-17, -2, 12), 2: (-29, -12, 22), 3: (-23, -24, 24),
                             4: (-24, -31, 28), 5: (24, -67, 22), 6: (-40, -81, 61),
                             7: (-38, -89, 64)},
    'num_attn_1_1_outputs': {1: (92, -56, -3), 4: (-24, 68, -15), 5: (-29, 80, -31),
                             6: (-33, 143, -70), 7: (-1, 121, -67), 8: (-56, 140, -44),
                             9: (-57, 69, -2), 10: (-10, -70, 41)},
    'num_attn_1_2_outputs': {1: (64, 54, -91), 2: (-9, 70, -37), 3: (-68, 82, -4), 4: (49, 26, -42),
                             5: (84, 0, -48), 6: (-1, 97, -55), 7: (28, -74, 33),
                             8: (143, -316, 120), 9: (-163, -169, 168)},
    'num_attn_1_3_outputs': {2: (7, 47, 0), 3: (53, 39, -43), 4: (71, 39, -56), 5: (60, 53, -65),
                             6: (55, 42, -45), 7: (60, 30, -47), 8: (50, 30, -39), 9: (11, 38, -23),
                             10: (-12, 45, -12), 11: (-44, 53, -4), 12: (5, 41, -19),
                             13: (-41, 49, -1), 14: (5, 64, -36), 15: (-29, 114, -41),
                             16: (5, 174, -105)},
    'mlp_1_0_outputs': {4: (65, -21, -27), 5: (-51, -56, 55), 7: (-45, -81, 64), 8: (-52, -77, 67),
                        9: (-14, -23, 40), 10: (7, -9, -1), 12: (-49, -24, 48), 13: (32, -17, -1),
                        15: (-7, -33, 44)},
    'mlp_1_1_outputs': {4: (27, -59, 16), 6: (-45, -23, 36), 7: (41, -28, -9), 9: (9, -20, 15),
                        13: (31, -39, 6), 14: (8, -23, 20)},
    'mlp_1_2_outputs': {10: (-62, 50, -16), 15: (-5, 12, -12)},
    'mlp_1_3_outputs': {2: (55, 9, -40), 3: (70, -23, -4), 4: (44, -9, -23), 10: (34, -30, 25),
                        12: (81, 26, -82), 13: (79, 58, -116), 14: (85, -21, -40)},
    'attn_2_0_outputs': {2: (-55, -93, 78), 6: (24, 49, -65)},
    'attn_2_1_outputs': {2: (-87, -103, 96), 4: (-67, -94, 83), 6: (14, 37, -38)},
    'attn_2_2_outputs': {4: (-79, -68, 74), 6: (16, 42, -43)},
    'attn_2_3_outputs': {4: (-85, -99, 95), 6: (18, 36, -41)},
    'num_attn_2_0_outputs': {3: (-26, 15, 13), 4: (0, -1, 11), 5: (-8, 35, -8), 6: (-1, 39, -20),
                             7: (-12, 52, -23), 8: (18, 46, -37), 9: (19, 55, -42),
                             10: (25, 59, -47), 11: (21, 70, -51), 12: (-4, 81, -43),
                             13: (6, 76, -45), 14: (2, 169, -105)},
    'num_attn_2_1_outputs': {1: (56, -63, 16), 2: (-24, -22, 46), 3: (-36, -7, 42),
                             4: (40, -14, -21), 5: (-75, 50, 14), 6: (-15, 37, -17),
                             7: (61, 26, -52), 8: (-327, 138, 96)},
    'num_attn_2_2_outputs': {1: (-1, -97, 101), 2: (-25, -139, 145), 3: (-25, -181, 164),
                             4: (-26, -211, 178), 5: (-66, -211, 193), 6: (-69, -196, 189),
                             7: (-93, -190, 204), 8: (-96, -200, 208), 9: (-42, -213, 190),
                             10: (-63, -223, 206), 11: (-25, -259, 205), 12: (-73, -212, 202),
                             13: (-52, -187, 176), 14: (-45, -208, 181)},
    'num_attn_2_3_outputs': {1: (-41, -135, 138), 2: (-51, -102, 120), 3: (-8, -176, 147),
                             4: (121, -244, 126), 5: (-77, -5, 78), 6: (-116, -1, 118),
                             7: (-119, -29, 132), 8: (-55, -57, 102), 9: (3, -86, 85),
                             10: (-13, -65, 82), 11: (-61, -44, 99), 12: (-142, -17, 135),
                             13: (63, -95, 29), 14: (-57, -175, 177), 15: (131, -124, -8)},
    'mlp_2_0_outputs': {2: (65, 12, -49), 4: (51, 0, -32), 7: (33, 31, -35), 9: (41, 9, -31),
                        12: (20, 27, -21), 14: (10, 36, -30), 16: (38, 18, -36)},
    'mlp_2_1_outputs': {2: (4, 8, 0), 5: (4, -4, 0), 6: (-2, -9, 4), 7: (-13, -21, 24),
                        9: (-24, -23, 36), 12: (-50, 1, 29), 15: (-52, 13, 22)},
    'mlp_2_2_outputs': {2: (-27, 39, 1), 4: (-63, 15, 32), 7: (7, -8, 28), 9: (35, -47, 3),
                        10: (-29, 40, 0), 14: (-43, 32, 10)},
    'mlp_2_3_outputs': {6: (-4, -15, 10), 8: (-28, -6, 24)},
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
    mlp_1_1_outputs = [mlp_1_1_table.get((attn_0_0_outputs[i], attn_0_1_outputs[i]), 2) for i in range(n)]
    mlp_1_2_outputs = [mlp_1_2_table.get((attn_0_3_outputs[i], attn_0_0_outputs[i]), 4) for i in range(n)]
    mlp_1_3_outputs = [mlp_1_3_table.get((attn_0_0_outputs[i], attn_0_2_outputs[i]), 4) for i in range(n)]
    attn_2_0_outputs = attend(num_attn_1_3_outputs, attn_0_0_outputs, mlp_0_0_outputs, attn_2_0_pattern)
    attn_2_1_outputs = attend(num_attn_1_3_outputs, attn_0_0_outputs, mlp_0_0_outputs, attn_2_1_pattern)
    attn_2_2_outputs = attend(num_attn_1_3_outputs, attn_0_0_outputs, mlp_0_0_outputs, attn_2_2_pattern)
    attn_2_3_outputs = attend(num_attn_1_3_outputs, attn_1_1_outputs, mlp_0_0_outputs, attn_2_3_pattern)
    num_attn_2_0_outputs = count(mlp_0_3_outputs, num_attn_1_2_outputs, num_attn_2_0_pattern)
    num_attn_2_1_outputs = count(mlp_0_0_outputs, mlp_0_0_outputs, num_attn_2_1_pattern)
    num_attn_2_2_outputs = count(mlp_0_0_outputs, num_attn_1_1_outputs, num_attn_2_2_pattern)
    num_attn_2_3_outputs = count(mlp_0_0_outputs, num_attn_1_2_outputs, num_attn_2_3_pattern)
    mlp_2_0_outputs = [mlp_2_0_table.get((attn_0_1_outputs[i], attn_0_3_outputs[i]), 0) for i in range(n)]
    mlp_2_1_outputs = [mlp_2_1_table.get((attn_0_3_outputs[i], attn_0_1_outputs[i]), 1) for i in range(n)]
    mlp_2_2_outputs = [mlp_2_2_table.get((attn_0_0_outputs[i], attn_0_2_outputs[i]), 0) for i in range(n)]
    mlp_2_3_outputs = [mlp_2_3_table.get(attn_0_1_outputs[i], 2) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
