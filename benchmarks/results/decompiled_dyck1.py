"""Transformer Program for 'dyck1', decompiled by weightsmith. Standalone: no imports.

run(tokens) -> one label per position; tokens[0] is normally 'BOS', at most 16 tokens.
Layers: 3; per layer 4 categorical heads, 4 numerical heads, 2 MLPs (0 of 30 modules unused and left out).
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


def count(keys, queries, pattern, where=None):
    """Numerical attention: how many key positions (BOS included) match each query (only positions j with
    where[j] true, if given)."""
    n = len(keys)
    counted = where or [True] * n
    return [sum(1 for j in range(i + 1 if CAUSAL else n) if counted[j] and pattern(keys[j], q))
            for i, q in enumerate(queries)]


def attn_0_0_pattern(key, query):
    """query: tokens, key: positions"""
    if query == '(':
        return key in {1, 7, 9, 15}
    if query == ')':
        return key not in {1, 3, 7, 13, 14}
    return key not in {4, 5, 7, 8, 12, 13, 15}


def attn_0_1_pattern(key, query):
    """query: tokens, key: positions"""
    if query == '(':
        return key in {1, 3, 9, 11, 13, 14}
    if query == ')':
        return key not in {1, 3, 14, 15}
    return key in {2, 3, 6, 7, 11, 13, 15}


def attn_0_2_pattern(key, query):
    """query: tokens, key: positions"""
    if query == '(':
        return key in {1, 7}
    if query == ')':
        return key not in {1, 2, 3, 9, 12, 15}
    return key in {3, 4, 9, 10, 11, 12, 14}


def attn_0_3_pattern(key, query):
    """query: positions, key: positions"""
    if query == 4:
        return True
    if query == 5:
        return key in {3, 4}
    if query == 6:
        return key in {1, 3, 5}
    if query == 7:
        return key in {1, 2}
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
        return key in {4, 5, 6, 8, 12}
    if query == 14:
        return key in {6, 8, 10, 11, 14}
    if query == 15:
        return key not in {1, 2, 3, 5, 13, 15}
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
    if query == 4:
        return key != 4
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
        return key in {0, 1, 2, 6, 10}
    if query == 13:
        return key in {1, 2, 3, 4, 12}
    if query == 14:
        return key not in {11, 13}
    if query == 15:
        return key not in {0, 2, 5, 11}
    return key <= query


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
mlp_0_0_table = {('BOS', '('): 16, ('(', 'BOS'): 16, ('(', '('): 16, ('(', ')'): 4, (')', '('): 8,
                 (')', ')'): 8}

# mlp_0_1: reads (attn_0_0_outputs, attn_0_3_outputs); every other input gives 14
mlp_0_1_table = {('BOS', ')'): 2, ('(', ')'): 4, (')', 'BOS'): 2, (')', '('): 8, (')', ')'): 2}


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
        return key not in {0, 1, 3, 8, 9, 14}
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
        return key in {2, 8}
    return key != 14


def num_attn_1_3_pattern(key, query):
    """query: attn_0_2_outputs, key: mlp_0_0_outputs"""
    return key != 16

# mlp_1_0: reads (attn_1_1_outputs, attn_1_2_outputs); every other input gives 13
mlp_1_0_table = {('BOS', 'BOS'): 16, ('BOS', '('): 12, ('(', 'BOS'): 6, ('(', '('): 0}

# mlp_1_1: reads (attn_1_3_outputs, attn_1_2_outputs); every other input gives 1
mlp_1_1_table = {('BOS', 'BOS'): 15, ('BOS', '('): 4, ('(', 'BOS'): 8, ('(', ')'): 8,
                 (')', 'BOS'): 8, (')', '('): 13}


def attn_2_0_pattern(key, query):
    """query: attn_0_0_outputs, key: num_attn_1_2_outputs"""
    if query == '(':
        return key in {2, 3}
    if query == ')':
        return key in {3, 4, 14, 16}
    return key in {2, 3, 14, 16}


def attn_2_1_pattern(key, query):
    """query: attn_0_2_outputs, key: num_attn_1_2_outputs"""
    if query == '(':
        return key in {2, 3}
    if query == ')':
        return key in {2, 3, 4, 12, 13}
    return key in {2, 3, 16}


def attn_2_2_pattern(key, query):
    """query: attn_0_2_outputs, key: num_attn_1_2_outputs"""
    if query == '(':
        return key in {2, 3, 4}
    if query == ')':
        return key in {3, 10, 12, 13, 16}
    return key in {2, 3, 16}


def attn_2_3_pattern(key, query):
    """query: attn_0_2_outputs, key: num_attn_1_2_outputs"""
    if query == '(':
        return key in {2, 3}
    if query == ')':
        return key in {0, 2, 3, 4, 13, 16}
    return key in {2, 3, 4, 16}


def num_attn_2_0_pattern(key, query):
    """query: num_attn_1_1_outputs, key: mlp_0_1_outputs"""
    if query in {1, 2, 3, 4, 10}:
        return key != 14
    if query in {5, 13}:
        return False
    if query == 7:
        return key != 8
    if query in {8, 9, 14}:
        return key in {2, 8}
    return key == 2


def num_attn_2_1_pattern(key, query):
    """query: attn_1_2_outputs, key: tokens"""
    return key == {'BOS': '(', ')': '('}.get(query, query)


def num_attn_2_2_pattern(key, query):
    """query: num_attn_1_2_outputs, key: mlp_1_0_outputs"""
    if query == 0:
        return key not in {6, 13}
    if query in {2, 3}:
        return key != 13
    if query in {7, 11}:
        return key in {12, 16}
    if query == 8:
        return key in {6, 12}
    if query == 9:
        return key not in {6, 12}
    if query == 10:
        return key in {12, 13}
    if query == 14:
        return key == 12
    if query == 15:
        return key == 6
    if query == 16:
        return False
    return key not in {0, 13}


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

# mlp_2_1: reads attn_2_3_outputs; every other input gives 0
mlp_2_1_table = {'BOS': 5}


classes = ('T', 'P', 'F')
classifier_bias = (-2416, -2655, 259)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'tokens': {'(': (-536, 344, 381), ')': (206, -357, 47)},
    'positions': {9: (-867, 719, 206), 12: (1078, -1285, 57), 13: (-1092, -498, 994),
                  14: (131, -363, 97), 15: (-358, -1327, 931)},
    'attn_0_0_outputs': {'(': (-121, 1208, -398), ')': (401, 609, -590)},
    'attn_0_1_outputs': {'(': (-85, 866, -123), ')': (379, 857, -717)},
    'attn_0_2_outputs': {'(': (-716, 924, -19), ')': (-357, 555, -261)},
    'attn_0_3_outputs': {'(': (-197, -192, 384), ')': (-162, 80, 44)},
    'num_attn_0_0_outputs': {1: (-407, 851, 52), 4: (1260, -1369, -396), 6: (1759, -1748, 216),
                             7: (24, -1234, 730), 8: (-1455, 388, 804), 9: (-242, 979, -660),
                             10: (-158, 956, -863), 11: (-136, 1270, -1359), 12: (-682, 607, 95),
                             13: (-135, 1031, -1290)},
    'num_attn_0_1_outputs': {1: (-1459, 991, 609), 5: (-409, -157, 368), 7: (-867, 719, 206),
                             8: (495, 190, -475), 12: (-358, -1327, 931), 13: (614, -861, 77)},
    'num_attn_0_2_outputs': {3: (-932, -647, 1033), 5: (-266, 932, -258), 6: (-2070, 2575, -324),
                             7: (1220, -389, -477), 8: (-1923, 936, 874), 9: (-906, 2427, -647),
                             10: (-751, 553, 424), 11: (-647, 859, 76), 12: (-656, 1649, -905),
                             13: (-641, 1741, -1212), 14: (-640, 2434, -1952)},
    'num_attn_0_3_outputs': {2: (-625, 29, 398), 3: (462, -701, 119), 4: (-1833, 1558, 269),
                             5: (724, -762, -90), 6: (-413, 1789, -684)},
    'mlp_0_0_outputs': {4: (-264, 497, -816), 8: (321, 239, -1020)},
    'mlp_0_1_outputs': {4: (-874, 1319, -2), 8: (-119, -314, 257), 14: (-396, 240, 427)},
    'attn_1_0_outputs': {'(': (-376, -780, 798), ')': (-424, -862, 864)},
    'attn_1_1_outputs': {'(': (-376, -780, 798), ')': (-424, -862, 864)},
    'attn_1_2_outputs': {'(': (-1352, 1034, 916), ')': (-854, 597, 663)},
    'attn_1_3_outputs': {')': (-57, -341, 134)},
    'num_attn_1_0_outputs': {1: (-204, 1592, -553), 2: (-69, 784, -541), 3: (23, 735, -770),
                             4: (428, 1359, -1133), 5: (115, 552, -418), 6: (-706, -937, 926),
                             7: (-1137, -2111, 1762), 8: (-638, -3203, 2036)},
    'num_attn_1_1_outputs': {5: (234, 49, -65), 6: (46, 909, -475), 7: (15, 2285, -1512),
                             8: (-135, 2018, -1364), 9: (-76, 1824, -1402), 10: (19, 2303, -2182),
                             11: (47, 2366, -2403), 12: (46, 2840, -2875), 13: (47, 2370, -2405)},
    'num_attn_1_2_outputs': {3: (432, 832, -399), 4: (844, 76, -117), 5: (546, -736, 586),
                             6: (317, -1270, 1032), 7: (47, -1361, 1182), 8: (-212, -1480, 1406),
                             9: (-363, -1256, 1365), 10: (-370, -1683, 1563),
                             11: (-1032, -1701, 1913), 12: (-2, -2571, 1834),
                             13: (-4, -1026, 1035)},
    'num_attn_1_3_outputs': {4: (-244, 1812, -1022), 5: (684, 1552, -1520), 6: (526, 1375, -1262),
                             7: (492, -342, -136), 8: (-219, -991, 660), 9: (-417, -1152, 845),
                             10: (-663, -1557, 1185), 11: (-844, -1800, 1379),
                             12: (-1215, -1899, 1630), 13: (-345, -2432, 1444),
                             15: (-306, -324, 315), 16: (-301, -353, 327)},
    'mlp_1_0_outputs': {12: (-629, 304, 325), 13: (-120, -203, 164)},
    'mlp_1_1_outputs': {4: (-311, 437, -250), 8: (156, 163, -163), 13: (-749, 10, 443),
                        15: (895, -603, -682)},
    'attn_2_0_outputs': {')': (-330, -810, 762)},
    'attn_2_1_outputs': {')': (-397, -830, 824)},
    'attn_2_2_outputs': {'(': (-45, -732, 881), ')': (-7, -972, 862)},
    'attn_2_3_outputs': {'(': (-351, -585, 678), ')': (-398, -831, 824)},
    'num_attn_2_0_outputs': {4: (324, -400, -64), 5: (141, -535, 127), 6: (-159, -496, 255),
                             7: (-539, -310, 384), 8: (-458, -583, 478), 9: (-738, -805, 799),
                             10: (-732, -735, 835), 11: (383, -941, 220), 12: (571, -1107, 191),
                             13: (507, -912, 150)},
    'num_attn_2_1_outputs': {3: (-12, -792, 586), 4: (206, -446, 199), 5: (234, 49, -65),
                             6: (46, 909, -475), 7: (15, 2285, -1512), 8: (-135, 2018, -1364),
                             9: (-76, 1824, -1402), 10: (19, 2303, -2182), 11: (47, 2366, -2403),
                             12: (46, 2840, -2875), 13: (47, 2370, -2405), 14: (50, 1028, -911),
                             15: (52, 1080, -976)},
    'num_attn_2_2_outputs': {1: (-62, -295, 180), 3: (373, -468, 92), 5: (276, 166, -229),
                             6: (335, 495, -411), 7: (590, 408, -521), 8: (251, 695, -578),
                             9: (230, 742, -626), 10: (50, 836, -585), 11: (-69, 843, -344),
                             12: (-662, 1109, -12), 13: (151, 510, -295), 14: (-264, 971, -242),
                             15: (-7, 809, -339), 16: (0, 427, -199)},
    'num_attn_2_3_outputs': {3: (1012, -1097, 674), 4: (1157, -2527, 1561), 5: (-433, -1214, 1845),
                             6: (-748, 833, 983), 7: (-45, -903, 1423), 8: (1659, -2536, 1381),
                             9: (-29, -3137, 2630), 11: (-7, -1005, 1426), 13: (-18, 972, -625),
                             14: (-222, -207, 914), 15: (-27, 1040, -453), 16: (-3, 667, -286)},
    'mlp_2_0_outputs': {9: (-247, -470, 497), 10: (249, -18, 22), 11: (-104, 373, -327),
                        14: (-272, -681, 616)},
    'mlp_2_1_outputs': {5: (398, 831, -824)},
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
    mlp_1_1_outputs = [mlp_1_1_table.get((attn_1_3_outputs[i], attn_1_2_outputs[i]), 1) for i in range(n)]
    attn_2_0_outputs = attend(num_attn_1_2_outputs, attn_0_0_outputs, attn_1_1_outputs, attn_2_0_pattern)
    attn_2_1_outputs = attend(num_attn_1_2_outputs, attn_0_2_outputs, attn_1_0_outputs, attn_2_1_pattern)
    attn_2_2_outputs = attend(num_attn_1_2_outputs, attn_0_2_outputs, attn_1_2_outputs, attn_2_2_pattern)
    attn_2_3_outputs = attend(num_attn_1_2_outputs, attn_0_2_outputs, attn_1_1_outputs, attn_2_3_pattern)
    num_attn_2_0_outputs = count(mlp_0_1_outputs, num_attn_1_1_outputs, num_attn_2_0_pattern)
    num_attn_2_1_outputs = count(tokens, attn_1_2_outputs, num_attn_2_1_pattern)
    num_attn_2_2_outputs = count(mlp_1_0_outputs, num_attn_1_2_outputs, num_attn_2_2_pattern)
    num_attn_2_3_outputs = count(tokens, num_attn_1_1_outputs, num_attn_2_3_pattern)
    mlp_2_0_outputs = [mlp_2_0_table.get((attn_2_2_outputs[i], attn_2_0_outputs[i]), 7) for i in range(n)]
    mlp_2_1_outputs = [mlp_2_1_table.get(attn_2_3_outputs[i], 0) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
