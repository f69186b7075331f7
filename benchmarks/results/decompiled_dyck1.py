"""Transformer Program for 'dyck1', decompiled by weightsmith. Standalone: no imports.

run(tokens) -> one label per position; tokens[0] is normally 'BOS', at most 16 tokens.
Layers: 3; per layer 4 categorical heads, 4 numerical heads, 2 MLPs (3 of 30 modules unused and left out).
"""

VOCAB = ('BOS', '(', ')')
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


def count(keys, queries, pattern):
    """Numerical attention: how many key positions (BOS included) match each query."""
    n = len(keys)
    return [sum(1 for j in range(i + 1 if CAUSAL else n) if pattern(keys[j], q)) for i, q in enumerate(queries)]


def attn_0_0_pattern(key, query):
    """query: tokens, key: positions"""
    if query == '(':
        return key in {1, 7, 9}
    if query == ')':
        return key not in {1, 3, 13, 14, 15}
    return key not in {4, 5, 7, 8, 12, 13, 15}


def attn_0_1_pattern(key, query):
    """query: tokens, key: positions"""
    if query == '(':
        return key in {1, 3, 13}
    if query == ')':
        return key not in {1, 3, 15}
    return key in {2, 3, 6, 7, 11, 13, 15}


def attn_0_2_pattern(key, query):
    """query: tokens, key: positions"""
    if query == '(':
        return key in {1, 7}
    if query == ')':
        return key not in {1, 2, 3, 13, 15}
    return key in {3, 4, 9, 10, 11, 12, 14}


def attn_0_3_pattern(key, query):
    """query: positions, key: positions"""
    if query == 4:
        return key != 4
    if query == 5:
        return key == 3
    if query == 6:
        return key in {1, 3, 5}
    if query == 7:
        return key in {1, 2, 5}
    if query == 8:
        return key not in {3, 6, 8}
    if query == 9:
        return key in {1, 2, 4, 5}
    if query == 10:
        return key in {5, 6, 7, 9}
    if query == 11:
        return key not in {3, 5, 8, 9, 10}
    if query == 12:
        return key in {6, 8, 9, 10}
    if query == 13:
        return key in {4, 5, 6, 8}
    if query == 14:
        return key in {6, 8, 10, 11, 14}
    if query == 15:
        return key not in {1, 2, 3, 5, 13, 14, 15}
    return key == query


def num_attn_0_0_pattern(key, query):
    """query: positions, key: tokens"""
    if query == 0:
        return key != 'BOS'
    if query in {1, 6}:
        return key != '('
    if query in {2, 10, 15}:
        return key != ')'
    if query in {4, 5, 13, 14}:
        return key == '('
    if query == 9:
        return key == 'BOS'
    if query == 11:
        return True
    return False


def num_attn_0_1_pattern(key, query):
    """query: positions, key: positions"""
    if query in {1, 3}:
        return False
    if query == 5:
        return key in {1, 5}
    if query == 6:
        return key not in {2, 3}
    if query == 7:
        return key == 5
    if query == 8:
        return key not in {2, 5, 8}
    if query == 9:
        return key not in {2, 5, 7}
    if query == 10:
        return key not in {0, 3, 8}
    if query == 11:
        return key in {0, 1, 6, 10}
    if query == 12:
        return key != 1
    if query == 13:
        return key in {1, 2, 3, 4, 12}
    if query == 14:
        return key not in {11, 13}
    if query == 15:
        return key not in {0, 2, 5, 11}
    return key <= query and key != 4


def num_attn_0_2_pattern(key, query):
    """query: positions, key: tokens"""
    if query == 1:
        return key != '('
    if query == 2:
        return False
    if query in {3, 4, 6, 12, 15}:
        return key != ')'
    if query in {13, 14}:
        return key == ')'
    return key == '('


def num_attn_0_3_pattern(key, query):
    """query: tokens, key: positions"""
    if query == '(':
        return key in {2, 8}
    if query == ')':
        return key in {3, 4, 6, 13, 14, 15}
    return key not in {0, 2, 3, 5, 7, 10, 15}

# mlp_0_0: reads (attn_0_1_outputs, attn_0_2_outputs); every other input gives 2
mlp_0_0_table = {('BOS', '('): 16, ('(', 'BOS'): 16, ('(', '('): 16}

# mlp_0_1: reads (attn_0_0_outputs, attn_0_3_outputs); every other input gives 14
mlp_0_1_table = {('BOS', ')'): 2, ('(', ')'): 4, (')', 'BOS'): 2, (')', '('): 2, (')', ')'): 2}


def attn_1_0_pattern(key, query):
    """query: attn_0_0_outputs, key: num_attn_0_2_outputs"""
    if query == 'BOS':
        return key in {2, 15}
    return key in {2, 16}


def attn_1_1_pattern(key, query):
    """query: attn_0_0_outputs, key: num_attn_0_2_outputs"""
    return key == 2


def attn_1_2_pattern(key, query):
    """query: tokens, key: num_attn_0_2_outputs"""
    if query == '(':
        return key in {1, 2}
    if query == ')':
        return key not in {0, 1, 3, 9, 14}
    return key in {0, 1, 2, 16}


def attn_1_3_pattern(key, query):
    """query: attn_0_2_outputs, key: num_attn_0_2_outputs"""
    if query == '(':
        return key in {2, 16}
    if query == ')':
        return key in {2, 4, 5}
    return key in {2, 15}


def num_attn_1_0_pattern(key, query):
    """query: attn_0_0_outputs, key: num_attn_0_2_outputs"""
    if query == '(':
        return key in {2, 3, 4, 11, 13}
    return key in {2, 3, 4}


def num_attn_1_1_pattern(key, query):
    """query: attn_0_3_outputs, key: tokens"""
    return key == {'BOS': '(', ')': '('}.get(query, query)


def num_attn_1_2_pattern(key, query):
    """query: attn_0_0_outputs, key: mlp_0_1_outputs"""
    if query == ')':
        return key == 2
    return key != 14


def num_attn_1_3_pattern(key, query):
    """query: attn_0_2_outputs, key: mlp_0_0_outputs"""
    return key == 2

# mlp_1_0: reads (attn_1_1_outputs, attn_1_2_outputs); every other input gives 13
mlp_1_0_table = {('BOS', 'BOS'): 16, ('BOS', '('): 12, ('(', 'BOS'): 6, ('(', '('): 12}

# mlp_1_1: reads (attn_1_3_outputs, attn_1_2_outputs); every other input gives 8
mlp_1_1_table = {('BOS', '('): 4, ('BOS', ')'): 11, (')', '('): 13, (')', ')'): 2}


def attn_2_0_pattern(key, query):
    """query: attn_0_0_outputs, key: num_attn_1_2_outputs"""
    if query == '(':
        return key in {2, 3}
    if query == ')':
        return key in {3, 4, 14, 16}
    return key in {2, 3, 14, 16}


def attn_2_2_pattern(key, query):
    """query: attn_0_2_outputs, key: num_attn_1_2_outputs"""
    if query == '(':
        return key in {2, 3}
    if query == ')':
        return key in {3, 4, 12, 13, 16}
    return key in {2, 3, 16}


def attn_2_3_pattern(key, query):
    """query: attn_0_2_outputs, key: num_attn_1_2_outputs"""
    if query == '(':
        return key in {2, 3}
    if query == ')':
        return key in {0, 2, 3, 4, 13, 16}
    return key in {2, 3, 4, 16}


def num_attn_2_1_pattern(key, query):
    """query: attn_1_2_outputs, key: tokens"""
    return key == {'BOS': '(', ')': '('}.get(query, query)


def num_attn_2_2_pattern(key, query):
    """query: num_attn_1_2_outputs, key: mlp_1_0_outputs"""
    if query in {0, 7, 11}:
        return key in {12, 16}
    if query == 8:
        return key in {6, 12}
    if query == 9:
        return key in {13, 16}
    if query == 10:
        return key in {12, 13}
    if query == 14:
        return key == 12
    if query == 15:
        return key == 6
    if query == 16:
        return False
    return key != 13


def num_attn_2_3_pattern(key, query):
    """query: num_attn_1_1_outputs, key: tokens"""
    if query in {1, 2, 7, 8}:
        return key != '('
    if query == 5:
        return key == '('
    if query == 6:
        return key != ')'
    if query == 9:
        return key != 'BOS'
    if query in {10, 11}:
        return True
    if query in {12, 13}:
        return False
    return key == ')'

# mlp_2_0: reads (attn_2_2_outputs, attn_2_0_outputs); every other input gives 7
mlp_2_0_table = {('BOS', 'BOS'): 11, ('(', '('): 9, ('(', ')'): 14, (')', 'BOS'): 10,
                 (')', '('): 14, (')', ')'): 14}


classes = ('T', 'P', 'F')
classifier_bias = (-1365, -77, 1568)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'tokens': {'(': (-979, 109, 376)},
    'positions': {7: (-2353, 1295, -433), 8: (103, 601, -604), 9: (-1487, 831, -301),
                  10: (687, -188, -281), 11: (-935, 75, 274), 12: (880, -717, 77),
                  13: (-870, -666, 977), 14: (872, -1146, 463), 15: (-518, -505, 695)},
    'attn_0_0_outputs': {'(': (-31, 90, -61), ')': (-11, -68, 18)},
    'attn_0_1_outputs': {')': (10, -3, -60)},
    'attn_0_2_outputs': {'(': (-20, 64, -34), ')': (5, -29, -44)},
    'num_attn_0_0_outputs': {1: (-29, 26, 37), 3: (-521, 396, -106), 6: (235, -302, 126),
                             7: (-173, -6, 77)},
    'num_attn_0_1_outputs': {1: (392, -166, 200), 2: (456, -221, 171), 3: (527, -212, 94),
                             4: (499, -244, 138), 5: (498, -235, 126), 7: (570, -302, 155),
                             8: (629, -280, 118), 12: (611, -466, 212), 13: (602, -378, 177)},
    'num_attn_0_2_outputs': {2: (-56, -172, 220), 4: (1142, -7, -451), 7: (477, -435, 153),
                             8: (-898, 41, 403), 9: (-133, -82, 105)},
    'num_attn_0_3_outputs': {2: (44, -48, 79), 3: (-38, -30, 73), 4: (-69, -6, 37)},
    'mlp_0_1_outputs': {14: (-83, -20, 53)},
    'attn_1_0_outputs': {'(': (-63, -106, 114), ')': (-511, -308, 381)},
    'attn_1_1_outputs': {'(': (-150, -206, 226)},
    'attn_1_3_outputs': {')': (-49, -127, 87)},
    'num_attn_1_0_outputs': {2: (-529, -196, 452), 3: (-588, -130, 427), 4: (-444, -171, 400),
                             5: (-553, -206, 461), 6: (-938, -541, 878), 7: (-1263, -707, 1133),
                             8: (-1256, -943, 1351), 9: (-1590, -813, 1364)},
    'num_attn_1_1_outputs': {3: (-322, -180, -153), 5: (-167, 259, -598), 6: (-276, 304, -590),
                             7: (-701, 699, -807), 8: (-634, 687, -866), 9: (-1191, 667, -995),
                             10: (-1356, 740, -1084), 11: (-1498, 754, -1092),
                             13: (-684, 910, -1246)},
    'num_attn_1_2_outputs': {1: (-80, -274, 367), 4: (-38, -478, 485), 5: (-14, -523, 523),
                             6: (-146, -543, 582), 7: (-109, -570, 595), 8: (-167, -569, 605),
                             9: (-240, -600, 688), 10: (-325, -788, 677), 11: (-265, -835, 484),
                             12: (-448, -947, 647), 13: (-56, -978, 1096), 14: (212, -500, 934)},
    'num_attn_1_3_outputs': {4: (-214, -271, 375), 5: (-221, -320, 422), 7: (-293, -506, 604),
                             8: (-313, -514, 617), 9: (-333, -583, 673), 10: (-534, -709, 621),
                             11: (-270, -652, 697), 12: (-564, -684, 692), 13: (-457, -893, 1002),
                             14: (-683, -980, 1032), 15: (-1262, -1012, 1080),
                             16: (-171, -864, 926)},
    'mlp_1_0_outputs': {12: (-35, -5, 22)},
    'mlp_1_1_outputs': {4: (39, -59, 45), 8: (26, -59, 48), 11: (-28, -74, 78), 13: (-49, -79, 83)},
    'attn_2_0_outputs': {'(': (-43, -120, 100), ')': (-315, -621, 589)},
    'attn_2_3_outputs': {'(': (-85, -140, 136)},
    'num_attn_2_1_outputs': {1: (1169, 402, -1264), 2: (1090, 788, -1614), 3: (667, 686, -1335),
                             4: (1005, 910, -1629), 5: (1002, 1544, -2167), 6: (956, 1918, -2473),
                             7: (475, 2502, -2847), 8: (146, 2782, -3069), 9: (-740, 2881, -3314),
                             10: (-978, 2929, -3494), 11: (-1773, 3089, -3656),
                             12: (-260, 3426, -3981), 13: (84, 3260, -3826),
                             14: (579, 1951, -2515)},
    'num_attn_2_2_outputs': {3: (282, 222, -369), 4: (398, 353, -546), 5: (519, 515, -728),
                             6: (502, 621, -817), 7: (543, 664, -869), 8: (568, 668, -885),
                             9: (493, 670, -887), 10: (470, 685, -936), 11: (530, 675, -913),
                             12: (609, 664, -866), 13: (691, 575, -915), 14: (407, 527, -1108),
                             15: (253, 576, -979)},
    'num_attn_2_3_outputs': {1: (-542, 504, 44), 3: (564, -517, 293), 4: (465, -967, 728),
                             5: (-232, -662, 753), 6: (-1091, -256, 649), 7: (-146, -316, 398),
                             8: (907, -834, 439), 9: (317, -1486, 1363), 11: (270, -895, 718),
                             12: (-103, -843, 738), 13: (137, -598, 637), 14: (328, -403, 515),
                             15: (345, -683, 469), 16: (-573, -593, 590)},
    'mlp_2_0_outputs': {9: (-3, -36, 28), 10: (17, 94, -97), 11: (-13, 40, -33),
                        14: (45, -116, 77)},
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
    attn_0_0_outputs = attend(positions, tokens, tokens, attn_0_0_pattern)
    attn_0_1_outputs = attend(positions, tokens, tokens, attn_0_1_pattern)
    attn_0_2_outputs = attend(positions, tokens, tokens, attn_0_2_pattern)
    attn_0_3_outputs = attend(positions, positions, tokens, attn_0_3_pattern)
    num_attn_0_0_outputs = count(tokens, positions, num_attn_0_0_pattern)
    num_attn_0_1_outputs = count(positions, positions, num_attn_0_1_pattern)
    num_attn_0_2_outputs = count(tokens, positions, num_attn_0_2_pattern)
    num_attn_0_3_outputs = count(positions, tokens, num_attn_0_3_pattern)
    mlp_0_0_outputs = [mlp_0_0_table.get((attn_0_1_outputs[i], attn_0_2_outputs[i]), 2) for i in range(n)]
    mlp_0_1_outputs = [mlp_0_1_table.get((attn_0_0_outputs[i], attn_0_3_outputs[i]), 14) for i in range(n)]
    attn_1_0_outputs = attend(num_attn_0_2_outputs, attn_0_0_outputs, tokens, attn_1_0_pattern)
    attn_1_1_outputs = attend(num_attn_0_2_outputs, attn_0_0_outputs, tokens, attn_1_1_pattern)
    attn_1_2_outputs = attend(num_attn_0_2_outputs, tokens, tokens, attn_1_2_pattern)
    attn_1_3_outputs = attend(num_attn_0_2_outputs, attn_0_2_outputs, attn_0_2_outputs, attn_1_3_pattern)
    num_attn_1_0_outputs = count(num_attn_0_2_outputs, attn_0_0_outputs, num_attn_1_0_pattern)
    num_attn_1_1_outputs = count(tokens, attn_0_3_outputs, num_attn_1_1_pattern)
    num_attn_1_2_outputs = count(mlp_0_1_outputs, attn_0_0_outputs, num_attn_1_2_pattern)
    num_attn_1_3_outputs = count(mlp_0_0_outputs, attn_0_2_outputs, num_attn_1_3_pattern)
    mlp_1_0_outputs = [mlp_1_0_table.get((attn_1_1_outputs[i], attn_1_2_outputs[i]), 13) for i in range(n)]
    mlp_1_1_outputs = [mlp_1_1_table.get((attn_1_3_outputs[i], attn_1_2_outputs[i]), 8) for i in range(n)]
    attn_2_0_outputs = attend(num_attn_1_2_outputs, attn_0_0_outputs, attn_1_1_outputs, attn_2_0_pattern)
    attn_2_2_outputs = attend(num_attn_1_2_outputs, attn_0_2_outputs, attn_1_2_outputs, attn_2_2_pattern)
    attn_2_3_outputs = attend(num_attn_1_2_outputs, attn_0_2_outputs, attn_1_1_outputs, attn_2_3_pattern)
    num_attn_2_1_outputs = count(tokens, attn_1_2_outputs, num_attn_2_1_pattern)
    num_attn_2_2_outputs = count(mlp_1_0_outputs, num_attn_1_2_outputs, num_attn_2_2_pattern)
    num_attn_2_3_outputs = count(tokens, num_attn_1_1_outputs, num_attn_2_3_pattern)
    mlp_2_0_outputs = [mlp_2_0_table.get((attn_2_2_outputs[i], attn_2_0_outputs[i]), 7) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
