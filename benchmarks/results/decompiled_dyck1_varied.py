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
        return key not in {1, 3, 13, 14}
    return key not in {4, 5, 7, 8, 12, 13, 15}


def attn_0_1_pattern(key, query):
    """query: tokens, key: positions"""
    if query == '(':
        return key in {1, 3, 13, 14}
    if query == ')':
        return key not in {1, 3, 7, 11, 14, 15}
    return key in {2, 3, 6, 7, 11, 13, 15}


def attn_0_2_pattern(key, query):
    """query: tokens, key: positions"""
    if query == '(':
        return key in {1, 7}
    if query == ')':
        return key not in {1, 2, 3, 7, 11, 15}
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
        return key in {1, 6, 10}
    if query == 12:
        return key != 1
    if query == 13:
        return key in {1, 2, 3, 4, 12}
    if query == 14:
        return key != 13
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
mlp_0_0_table = {('BOS', '('): 16, ('(', 'BOS'): 16, ('(', '('): 15, ('(', ')'): 4}

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
        return key not in {0, 1, 3, 9, 14}
    return key in {0, 1, 2, 16}


def attn_1_3_pattern(key, query):
    """query: attn_0_2_outputs, key: num_attn_0_2_outputs"""
    if query == '(':
        return key in {2, 16}
    if query == ')':
        return key in {2, 4, 5, 8, 10}
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
    return key in {2, 4}

# mlp_1_0: reads (attn_1_1_outputs, attn_1_2_outputs); every other input gives 13
mlp_1_0_table = {('BOS', 'BOS'): 16, ('BOS', '('): 12, ('(', 'BOS'): 6, ('(', '('): 12}

# mlp_1_1: reads (attn_1_3_outputs, attn_1_2_outputs); every other input gives 0
mlp_1_1_table = {('BOS', 'BOS'): 15, ('BOS', '('): 4, ('(', '('): 1, ('(', ')'): 8, (')', 'BOS'): 8,
                 (')', '('): 13, (')', ')'): 12}


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
        return key in {2, 3}
    if query == ')':
        return key in {3, 4, 8, 12, 13, 16}
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
    if query in {1, 2, 3, 4}:
        return key != 14
    if query in {5, 11, 13}:
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
mlp_2_0_table = {('(', ')'): 14, (')', 'BOS'): 10, (')', '('): 14, (')', ')'): 14}

# mlp_2_1: reads attn_2_3_outputs; every other input gives 5
mlp_2_1_table = {'(': 9, ')': 0}


classes = ('T', 'P', 'F')
classifier_bias = (-264, -364, 161)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'tokens': {'(': (-469, 34, 88), ')': (156, -59, -60)},
    'positions': {5: (-407, 338, -115), 7: (-943, 317, -73), 9: (-818, 266, -129),
                  11: (-558, 36, 51), 12: (246, -214, 28), 13: (-625, -171, 249),
                  14: (258, -302, 103), 15: (-492, -155, 203)},
    'attn_0_0_outputs': {'(': (-111, 105, -60), ')': (36, 40, -38)},
    'attn_0_1_outputs': {'(': (-109, 66, -27), ')': (33, 95, -87)},
    'attn_0_2_outputs': {'(': (-152, 179, -176), ')': (-24, 179, -202)},
    'attn_0_3_outputs': {'(': (39, -14, 15), ')': (-29, 33, -39)},
    'num_attn_0_0_outputs': {1: (-452, 80, -58), 4: (208, -278, -134), 6: (54, -370, 33),
                             7: (12, -65, 52), 8: (-405, 65, 12), 9: (-244, 10, -1),
                             11: (-7, 82, -132), 12: (-448, 21, -29), 13: (55, 33, -66)},
    'num_attn_0_1_outputs': {3: (169, -31, 6), 5: (81, -14, 40), 7: (-292, 31, -9),
                             12: (190, -103, 86), 14: (199, -42, 14)},
    'num_attn_0_2_outputs': {2: (-43, -7, 67), 3: (-336, 37, -40), 4: (374, 33, -154),
                             5: (54, -25, 35), 6: (-873, 90, 45), 7: (109, -235, 101),
                             8: (-947, 67, 122), 9: (-377, 39, 16), 10: (-122, -41, 74),
                             11: (-39, -76, 45), 12: (-14, 118, -97), 13: (-12, 83, -49)},
    'num_attn_0_3_outputs': {1: (-39, 134, -117), 2: (-160, -7, 15), 3: (-50, -70, 77),
                             4: (-425, 23, -14), 5: (38, -193, 27), 6: (-392, 118, -105)},
    'mlp_0_0_outputs': {4: (-97, 14, 5), 15: (-84, -86, 113)},
    'mlp_0_1_outputs': {4: (-144, 53, -11), 8: (-10, -49, 56), 14: (-88, -30, 53)},
    'attn_1_0_outputs': {'(': (-107, -99, 102)},
    'attn_1_1_outputs': {'(': (-129, -124, 130), ')': (-171, -122, 116)},
    'attn_1_2_outputs': {'(': (-368, 158, 26), ')': (-128, 139, 31)},
    'attn_1_3_outputs': {'(': (80, -25, -31), ')': (-30, -83, 71)},
    'num_attn_1_0_outputs': {1: (-60, 40, 108), 2: (-68, 1, 131), 3: (-83, 5, 132),
                             5: (-146, -29, 183), 6: (-336, -181, 375), 7: (-779, -311, 552),
                             8: (-439, -556, 751), 9: (-508, -347, 603)},
    'num_attn_1_1_outputs': {2: (104, -158, 37), 3: (-91, -345, 248), 4: (73, -284, 78),
                             5: (-52, 37, -104), 6: (-87, 120, -159), 7: (-171, 292, -288),
                             8: (-534, 250, -266), 9: (-567, 259, -312), 10: (-451, 340, -396),
                             11: (-375, 432, -488), 12: (-319, 394, -449), 13: (-171, 420, -475)},
    'num_attn_1_2_outputs': {2: (-325, 99, 58), 4: (268, -120, -63), 5: (238, -274, 261),
                             6: (162, -304, 339), 7: (-65, -285, 349), 8: (-232, -287, 382),
                             9: (-159, -298, 393), 10: (-197, -338, 391), 11: (-422, -352, 418),
                             12: (-290, -366, 414), 13: (-63, -351, 437), 14: (57, -281, 442)},
    'num_attn_1_3_outputs': {3: (-98, 29, 9), 4: (-233, 151, -117), 5: (115, 101, -75),
                             6: (202, -65, -79), 7: (195, -125, 133), 8: (-35, -140, 168),
                             9: (-35, -159, 175), 10: (-182, -168, 161), 11: (-197, -180, 222),
                             12: (-249, -217, 234), 13: (-215, -231, 258), 14: (-210, -589, 597)},
    'mlp_1_0_outputs': {12: (-229, -6, 10), 13: (-13, 11, 2), 16: (137, -148, -28)},
    'mlp_1_1_outputs': {1: (-30, -40, 41), 4: (-49, 41, -42), 8: (68, 18, -76), 12: (-14, -12, 15),
                        13: (-256, -33, 37), 15: (167, -144, -48)},
    'attn_2_0_outputs': {'(': (-102, -210, 206), ')': (-165, -190, 184)},
    'attn_2_1_outputs': {')': (-150, -184, 174)},
    'attn_2_2_outputs': {'(': (-37, -53, 118), ')': (23, -70, 115)},
    'attn_2_3_outputs': {'(': (-113, -88, 88), ')': (-196, -255, 251)},
    'num_attn_2_0_outputs': {1: (-155, 249, -237), 2: (-12, 125, -121), 3: (-47, 120, -90),
                             4: (-28, 87, -81), 6: (148, 32, -39), 7: (-172, 41, -33),
                             9: (-145, -5, 39), 10: (-128, -35, 33), 11: (-72, -34, -16),
                             12: (40, -19, 23)},
    'num_attn_2_1_outputs': {2: (418, 59, -288), 4: (342, -34, -244), 5: (240, 358, -496),
                             6: (220, 523, -630), 7: (123, 743, -798), 8: (-340, 774, -816),
                             9: (-455, 812, -891), 10: (-357, 887, -999), 11: (-444, 1016, -1129),
                             12: (-66, 1062, -1172), 13: (21, 1007, -1120), 14: (144, 560, -672),
                             15: (225, 591, -704)},
    'num_attn_2_2_outputs': {1: (-27, -241, 254), 4: (14, 153, -183), 5: (50, 183, -226),
                             6: (72, 210, -237), 7: (210, 178, -243), 8: (127, 193, -238),
                             9: (177, 178, -248), 10: (158, 187, -253), 11: (23, 171, -229),
                             12: (-6, 202, -231), 13: (134, 163, -239), 14: (-31, 166, -274),
                             15: (48, 159, -258)},
    'num_attn_2_3_outputs': {1: (-264, 108, 77), 2: (-219, 97, 53), 3: (158, -174, 104),
                             4: (-78, -194, 379), 5: (-76, -255, 284), 6: (-528, -153, 252),
                             7: (-50, -237, 259), 8: (293, -412, 269), 9: (65, -924, 893),
                             11: (70, -389, 344), 13: (39, -229, 239), 14: (-136, -167, 196),
                             15: (-21, -240, 186), 16: (-139, -293, 292)},
    'mlp_2_0_outputs': {10: (79, 21, -33), 14: (-42, -181, 169)},
    'mlp_2_1_outputs': {5: (93, -13, 4), 9: (0, -95, 82)},
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
    mlp_1_1_outputs = [mlp_1_1_table.get((attn_1_3_outputs[i], attn_1_2_outputs[i]), 0) for i in range(n)]
    attn_2_0_outputs = attend(num_attn_1_2_outputs, attn_0_0_outputs, attn_1_1_outputs, attn_2_0_pattern)
    attn_2_1_outputs = attend(num_attn_1_2_outputs, attn_0_2_outputs, attn_1_0_outputs, attn_2_1_pattern)
    attn_2_2_outputs = attend(num_attn_1_2_outputs, attn_0_2_outputs, attn_1_2_outputs, attn_2_2_pattern)
    attn_2_3_outputs = attend(num_attn_1_2_outputs, attn_0_2_outputs, attn_1_1_outputs, attn_2_3_pattern)
    num_attn_2_0_outputs = count(mlp_0_1_outputs, num_attn_1_1_outputs, num_attn_2_0_pattern)
    num_attn_2_1_outputs = count(tokens, attn_1_2_outputs, num_attn_2_1_pattern)
    num_attn_2_2_outputs = count(mlp_1_0_outputs, num_attn_1_2_outputs, num_attn_2_2_pattern)
    num_attn_2_3_outputs = count(tokens, num_attn_1_1_outputs, num_attn_2_3_pattern)
    mlp_2_0_outputs = [mlp_2_0_table.get((attn_2_2_outputs[i], attn_2_0_outputs[i]), 7) for i in range(n)]
    mlp_2_1_outputs = [mlp_2_1_table.get(attn_2_3_outputs[i], 5) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
