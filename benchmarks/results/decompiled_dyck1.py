"""Transformer Program for 'dyck1', decompiled by weightsmith. Standalone: no imports.

run(tokens) -> one label per position; tokens[0] is normally 'BOS', at most 16 tokens.
Layers: 3; per layer 4 categorical heads, 4 numerical heads, 2 MLPs (1 of 30 modules unused and left out).
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
        return key in {1, 7}
    if query == ')':
        return key not in {3, 4, 6, 13, 15}
    return key not in {4, 5, 7, 8, 12, 13, 15}


def attn_0_1_pattern(key, query):
    """query: tokens, key: positions"""
    if query == '(':
        return key in {1, 9}
    if query == ')':
        return key not in {1, 3, 15}
    return key in {2, 3, 6, 7, 11, 13, 15}


def attn_0_2_pattern(key, query):
    """query: tokens, key: positions"""
    if query == '(':
        return key in {1, 9, 15}
    if query == ')':
        return key not in {1, 3, 15}
    return key in {3, 4, 9, 10, 11, 12, 14}


def attn_0_3_pattern(key, query):
    """query: tokens, key: positions"""
    if query == '(':
        return key in {1, 3, 9}
    if query == ')':
        return key not in {1, 2, 3, 15}
    return key not in {3, 5, 8, 9, 11}


def num_attn_0_0_pattern(key, query):
    """query: positions, key: tokens"""
    if query in {0, 15}:
        return key != 'BOS'
    if query == 1:
        return key != '('
    if query == 3:
        return key == ')'
    if query in {4, 11}:
        return key != ')'
    if query in {5, 6, 12}:
        return key == '('
    if query in {8, 13}:
        return True
    if query == 14:
        return key == 'BOS'
    return False


def num_attn_0_1_pattern(key, query):
    """query: tokens, key: positions"""
    if query == '(':
        return key in {6, 9, 11, 13, 14, 15}
    if query == ')':
        return key not in {3, 5, 6, 8, 9, 10, 11}
    return key in {3, 4, 6, 8, 10, 11, 12, 14}


def num_attn_0_2_pattern(key, query):
    """query: positions, key: tokens"""
    if query == 1:
        return True
    if query in {3, 15}:
        return key != '('
    if query in {4, 5}:
        return key != ')'
    if query == 9:
        return key == 'BOS'
    if query in {11, 12, 13, 14}:
        return False
    return key == '('


def num_attn_0_3_pattern(key, query):
    """query: positions, key: tokens"""
    if query == 1:
        return key != '('
    if query == 2:
        return False
    if query == 3:
        return key == ')'
    if query in {4, 5, 11}:
        return key != ')'
    if query in {8, 9, 10, 13}:
        return True
    if query == 12:
        return key == 'BOS'
    if query == 15:
        return key != 'BOS'
    return key == '('

# mlp_0_0: reads (attn_0_0_outputs, attn_0_2_outputs); every other input gives 2
mlp_0_0_table = {('BOS', '('): 15, ('(', 'BOS'): 15, ('(', '('): 15, (')', '('): 3}

# mlp_0_1: reads (attn_0_0_outputs, attn_0_3_outputs); every other input gives 14
mlp_0_1_table = {('BOS', 'BOS'): 0, ('BOS', ')'): 16, ('(', ')'): 12, (')', 'BOS'): 16,
                 (')', '('): 12, (')', ')'): 16}


def attn_1_0_pattern(key, query):
    """query: tokens, key: num_attn_0_0_outputs"""
    if query == '(':
        return key in {0, 1, 2}
    if query == ')':
        return key not in {0, 1, 3, 4, 7, 12, 13}
    return key in {0, 1, 2, 16}


def attn_1_1_pattern(key, query):
    """query: attn_0_0_outputs, key: num_attn_0_0_outputs"""
    if query == '(':
        return key in {1, 16}
    if query == ')':
        return key not in {3, 4, 6, 8, 9, 12, 13, 15}
    return key in {0, 1, 2, 12, 16}


def attn_1_2_pattern(key, query):
    """query: attn_0_2_outputs, key: num_attn_0_0_outputs"""
    if query == ')':
        return key in {2, 4, 5, 6, 16}
    return key in {1, 2, 16}


def attn_1_3_pattern(key, query):
    """query: attn_0_0_outputs, key: num_attn_0_0_outputs"""
    if query == ')':
        return key in {2, 5, 12, 13, 16}
    return key in {2, 16}


def num_attn_1_0_pattern(key, query):
    """query: num_attn_0_2_outputs, key: positions"""
    if query == 0:
        return key in {2, 4, 7, 9, 10, 12, 13}
    if query == 1:
        return key in {2, 6, 7, 8, 9, 10, 14}
    if query == 2:
        return key in {2, 3, 6, 7, 8}
    if query == 3:
        return key in {1, 8, 13, 14, 15}
    if query == 4:
        return key not in {0, 6, 12, 13}
    if query == 5:
        return key not in {2, 7, 8, 9, 10, 11}
    if query == 6:
        return key not in {1, 7, 13}
    if query == 7:
        return key in {1, 2, 9, 10, 13, 14}
    if query == 8:
        return key in {1, 4, 6, 8, 10, 11, 14}
    if query == 10:
        return key not in {0, 4, 8, 11, 14}
    if query == 11:
        return key not in {1, 3, 9, 10, 11, 12}
    if query == 12:
        return key in {8, 10}
    if query == 13:
        return key in {0, 3, 5, 6, 11, 12, 14}
    if query == 14:
        return key not in {0, 10, 12, 13, 14, 15}
    if query == 15:
        return key not in {0, 1, 2, 3, 4, 7, 15}
    if query == 16:
        return key not in {1, 4, 5, 7, 8, 9}
    return key == query - 6 or key == 13


def num_attn_1_1_pattern(key, query):
    """query: num_attn_0_3_outputs, key: tokens; None: no key"""
    return key == {11: None, 14: None}.get(query, '(')


def num_attn_1_2_pattern(key, query):
    """query: attn_0_3_outputs, key: num_attn_0_0_outputs"""
    if query == '(':
        return key in {0, 2, 6, 16}
    if query == ')':
        return key in {2, 4, 6}
    return key in {0, 2, 6, 11}


def num_attn_1_3_pattern(key, query):
    """query: attn_0_1_outputs, key: mlp_0_1_outputs"""
    if query == '(':
        return key != 14
    return key in {12, 16}

# mlp_1_0: reads (attn_1_1_outputs, attn_1_2_outputs); every other input gives 2
mlp_1_0_table = {('(', 'BOS'): 12, ('(', '('): 3, ('(', ')'): 7, (')', '('): 11, (')', ')'): 7}

# mlp_1_1: reads (attn_1_3_outputs, attn_1_1_outputs); every other input gives 2
mlp_1_1_table = {('BOS', 'BOS'): 0, ('BOS', '('): 1, ('(', 'BOS'): 0, ('(', '('): 0, (')', ')'): 10}


def attn_2_0_pattern(key, query):
    """query: attn_0_3_outputs, key: num_attn_1_3_outputs"""
    if query == '(':
        return key in {2, 3}
    if query == ')':
        return key in {2, 3, 4, 10, 11, 13, 15, 16}
    return key in {2, 3, 16}


def attn_2_1_pattern(key, query):
    """query: attn_0_0_outputs, key: num_attn_1_3_outputs"""
    if query == '(':
        return key in {2, 3, 10}
    if query == ')':
        return key in {2, 3, 11, 16}
    return key in {2, 3, 16}


def attn_2_2_pattern(key, query):
    """query: attn_0_0_outputs, key: num_attn_1_3_outputs"""
    if query == '(':
        return key in {2, 3}
    return key in {2, 3, 13, 16}


def attn_2_3_pattern(key, query):
    """query: attn_0_1_outputs, key: num_attn_1_3_outputs"""
    if query == '(':
        return key in {2, 3, 16}
    if query == ')':
        return key in {2, 3, 4, 15, 16}
    return key in {1, 2, 3, 16}


def num_attn_2_0_pattern(key, query):
    """query: attn_1_1_outputs, key: tokens"""
    return key == {'BOS': ')', '(': ')'}.get(query, query)


def num_attn_2_1_pattern(key, query):
    """query: attn_1_0_outputs, key: tokens"""
    return key == {'BOS': '(', ')': '('}.get(query, query)


def num_attn_2_2_pattern(key, query):
    """query: attn_1_0_outputs, key: num_attn_0_3_outputs"""
    if query == '(':
        return key in {2, 3, 11, 16}
    if query == ')':
        return key in {2, 3, 6, 16}
    return key in {2, 3, 10, 16}


def num_attn_2_3_pattern(key, query):
    """query: attn_1_1_outputs, key: mlp_0_0_outputs"""
    return key != 15

# mlp_2_1: reads (attn_2_0_outputs, attn_2_2_outputs); every other input gives 2
mlp_2_1_table = {('BOS', '('): 11, ('BOS', ')'): 3, ('(', '('): 7, ('(', ')'): 3, (')', 'BOS'): 4,
                 (')', '('): 4}


classes = ('T', 'P', 'F')
classifier_bias = (-1731, -317, 1139)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'tokens': {'(': (-634, 39, 198), ')': (331, -57, -164)},
    'positions': {6: (223, -99, -96), 7: (-1460, 296, 134), 9: (-962, -32, 305),
                  10: (43, -285, 196), 11: (-890, 60, 200), 12: (225, -121, -10),
                  13: (-408, 50, 84), 14: (739, -159, -228), 15: (-258, 292, -183)},
    'attn_0_0_outputs': {'(': (-88, 23, -12), ')': (35, 72, -102)},
    'attn_0_1_outputs': {'(': (-69, 174, -167), ')': (25, -8, -51)},
    'attn_0_2_outputs': {'(': (-127, 76, -59), ')': (23, -4, -48)},
    'attn_0_3_outputs': {'(': (-163, 1, 55), ')': (-214, -245, 264)},
    'num_attn_0_0_outputs': {1: (92, 13, -13), 3: (412, -128, -67), 6: (547, -722, -57),
                             7: (-975, 156, 1), 10: (60, 164, -214), 15: (108, 40, -103)},
    'num_attn_0_1_outputs': {3: (888, -246, 47), 4: (826, -151, -41), 5: (813, -129, -62),
                             6: (851, -189, -11), 7: (733, -238, 42), 8: (929, -146, -65),
                             9: (835, -130, -61)},
    'num_attn_0_2_outputs': {4: (90, -96, 35), 5: (118, -133, 67), 6: (-606, 98, -28),
                             7: (-184, -83, 99), 8: (-33, 254, -215)},
    'num_attn_0_3_outputs': {1: (-181, 105, -84), 3: (257, -350, -147), 4: (-787, 472, -327),
                             5: (-448, 54, -9), 7: (-137, 72, -98), 8: (-419, 109, -112),
                             9: (-268, 81, -65), 12: (-294, 237, -246), 14: (-302, 61, -134),
                             15: (-155, 198, 1)},
    'mlp_0_0_outputs': {3: (-114, 58, -55), 15: (-23, -13, 27)},
    'mlp_0_1_outputs': {12: (-88, 107, -104), 14: (-62, -41, 78), 16: (-9, 101, -93)},
    'attn_1_0_outputs': {'(': (117, 114, -37), ')': (-123, 53, 30)},
    'attn_1_1_outputs': {'(': (-76, 38, -40), ')': (-29, 55, -63)},
    'attn_1_2_outputs': {'(': (-81, 144, -84), ')': (-51, 111, -79)},
    'attn_1_3_outputs': {')': (-170, -223, 211)},
    'num_attn_1_0_outputs': {5: (-304, -61, 33), 6: (-55, -48, 18), 7: (14, -3, -33),
                             9: (-470, 87, 8), 13: (-23, -258, 26)},
    'num_attn_1_1_outputs': {4: (187, -185, 26), 6: (149, -74, -15), 7: (73, -118, 33),
                             8: (-183, 32, -67), 9: (-322, 42, -134), 10: (-216, 10, -114),
                             11: (77, -104, -19)},
    'num_attn_1_2_outputs': {1: (-182, -238, 278), 2: (-328, -392, 452), 3: (-507, -402, 497),
                             4: (-537, -471, 574), 5: (-923, -473, 574), 6: (-592, -472, 573),
                             7: (-637, -654, 785), 8: (-585, -1001, 1133), 9: (-543, -711, 814),
                             10: (-359, -661, 757), 11: (-470, -609, 682)},
    'num_attn_1_3_outputs': {2: (140, 132, -146), 6: (195, -94, 67), 7: (35, -219, 199),
                             8: (-325, -250, 278), 9: (-255, -342, 306), 10: (-460, -438, 299),
                             11: (-472, -491, 390), 12: (-504, -592, 443), 13: (-315, -699, 666),
                             14: (-509, -715, 686), 15: (-588, -728, 711), 16: (-30, -1010, 992)},
    'mlp_1_0_outputs': {3: (172, -9, 16), 7: (-32, 86, -59), 11: (-97, 15, 0), 12: (177, -160, 72)},
    'mlp_1_1_outputs': {1: (-203, 191, -182), 2: (-118, 68, -84), 10: (-94, 251, -249)},
    'attn_2_0_outputs': {'(': (89, 27, -47), ')': (99, -66, 25)},
    'attn_2_1_outputs': {'(': (-53, 96, -95), ')': (-202, -273, 266)},
    'attn_2_2_outputs': {'(': (-57, -99, 81), ')': (19, -150, 99)},
    'attn_2_3_outputs': {'(': (-49, 54, -45), ')': (-161, -107, 92)},
    'num_attn_2_0_outputs': {1: (-39, -520, 522), 2: (-209, -451, 513), 3: (-239, -308, 306),
                             4: (457, -459, 239), 5: (525, -562, 296), 6: (125, -533, 409),
                             7: (482, -1094, 727), 8: (-343, -1614, 1447), 9: (-661, -1089, 1175),
                             10: (-813, -1019, 933)},
    'num_attn_2_1_outputs': {1: (1177, 398, -745), 2: (870, 720, -807), 3: (845, 685, -794),
                             4: (1147, 734, -942), 5: (1235, 1206, -1352), 6: (1025, 1490, -1523),
                             7: (935, 1708, -1675), 8: (102, 1786, -1591), 9: (-668, 1676, -1666),
                             10: (-521, 1624, -1683), 11: (231, 1751, -1804),
                             12: (285, 1706, -1783), 13: (579, 1873, -1940),
                             14: (842, 2056, -1845)},
    'num_attn_2_2_outputs': {0: (372, 519, -663), 1: (271, 387, -459), 2: (52, 239, -234),
                             3: (-200, 56, -6), 4: (-428, -499, 527), 5: (-368, -350, 392),
                             6: (-221, -261, 294), 7: (-187, -333, 364)},
    'num_attn_2_3_outputs': {1: (45, 390, -376), 2: (115, 351, -332), 4: (182, 110, -121),
                             5: (151, 21, -25), 6: (294, -74, 50), 7: (-12, -93, 120),
                             8: (-209, -119, 180), 9: (-141, -216, 235), 10: (-394, -417, 218),
                             11: (-424, -391, 437), 12: (-516, -563, 486), 13: (-386, -724, 629),
                             14: (-526, -716, 742), 15: (-270, -876, 915), 16: (15, -722, 713)},
    'mlp_2_1_outputs': {3: (-77, -16, 13), 4: (-81, -48, 43), 7: (-143, -121, 130),
                        11: (-146, 22, 3)},
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
    attn_0_3_outputs = attend(positions, tokens, tokens, attn_0_3_pattern)
    num_attn_0_0_outputs = count(tokens, positions, num_attn_0_0_pattern)
    num_attn_0_1_outputs = count(positions, tokens, num_attn_0_1_pattern)
    num_attn_0_2_outputs = count(tokens, positions, num_attn_0_2_pattern)
    num_attn_0_3_outputs = count(tokens, positions, num_attn_0_3_pattern)
    mlp_0_0_outputs = [mlp_0_0_table.get((attn_0_0_outputs[i], attn_0_2_outputs[i]), 2) for i in range(n)]
    mlp_0_1_outputs = [mlp_0_1_table.get((attn_0_0_outputs[i], attn_0_3_outputs[i]), 14) for i in range(n)]
    attn_1_0_outputs = attend(num_attn_0_0_outputs, tokens, attn_0_1_outputs, attn_1_0_pattern)
    attn_1_1_outputs = attend(num_attn_0_0_outputs, attn_0_0_outputs, attn_0_0_outputs, attn_1_1_pattern)
    attn_1_2_outputs = attend(num_attn_0_0_outputs, attn_0_2_outputs, attn_0_0_outputs, attn_1_2_pattern)
    attn_1_3_outputs = attend(num_attn_0_0_outputs, attn_0_0_outputs, tokens, attn_1_3_pattern)
    num_attn_1_0_outputs = count(positions, num_attn_0_2_outputs, num_attn_1_0_pattern)
    num_attn_1_1_outputs = count(tokens, num_attn_0_3_outputs, num_attn_1_1_pattern)
    num_attn_1_2_outputs = count(num_attn_0_0_outputs, attn_0_3_outputs, num_attn_1_2_pattern)
    num_attn_1_3_outputs = count(mlp_0_1_outputs, attn_0_1_outputs, num_attn_1_3_pattern)
    mlp_1_0_outputs = [mlp_1_0_table.get((attn_1_1_outputs[i], attn_1_2_outputs[i]), 2) for i in range(n)]
    mlp_1_1_outputs = [mlp_1_1_table.get((attn_1_3_outputs[i], attn_1_1_outputs[i]), 2) for i in range(n)]
    attn_2_0_outputs = attend(num_attn_1_3_outputs, attn_0_3_outputs, attn_1_2_outputs, attn_2_0_pattern)
    attn_2_1_outputs = attend(num_attn_1_3_outputs, attn_0_0_outputs, attn_1_3_outputs, attn_2_1_pattern)
    attn_2_2_outputs = attend(num_attn_1_3_outputs, attn_0_0_outputs, attn_1_1_outputs, attn_2_2_pattern)
    attn_2_3_outputs = attend(num_attn_1_3_outputs, attn_0_1_outputs, attn_1_0_outputs, attn_2_3_pattern)
    num_attn_2_0_outputs = count(tokens, attn_1_1_outputs, num_attn_2_0_pattern)
    num_attn_2_1_outputs = count(tokens, attn_1_0_outputs, num_attn_2_1_pattern)
    num_attn_2_2_outputs = count(num_attn_0_3_outputs, attn_1_0_outputs, num_attn_2_2_pattern)
    num_attn_2_3_outputs = count(mlp_0_0_outputs, attn_1_1_outputs, num_attn_2_3_pattern)
    mlp_2_1_outputs = [mlp_2_1_table.get((attn_2_0_outputs[i], attn_2_2_outputs[i]), 2) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
