"""Transformer Program for 'dyck2', decompiled by weightsmith. Standalone: no imports.

run(tokens) -> one label per position; tokens[0] is normally 'BOS', at most 16 tokens.
Layers: 3; per layer 4 categorical heads, 4 numerical heads, 4 MLPs (4 of 36 modules unused and left out).
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


def count(keys, queries, pattern):
    """Numerical attention: how many key positions (BOS included) match each query."""
    n = len(keys)
    return [sum(1 for j in range(i + 1 if CAUSAL else n) if pattern(keys[j], q)) for i, q in enumerate(queries)]


def attn_0_0_pattern(key, query):
    """query: positions, key: positions"""
    if query == 1:
        return True
    if query == 3:
        return key == 3
    if query == 5:
        return key == 5
    if query == 7:
        return key == 7
    if query in {9, 11, 13}:
        return key == 1
    if query == 10:
        return key == 6
    if query == 15:
        return key == 15
    return key == query - 2


def attn_0_1_pattern(key, query):
    """query: positions, key: positions"""
    if query == 1:
        return True
    if query == 2:
        return key == 2
    if query in {3, 7, 9, 11, 13}:
        return key == 1
    if query == 15:
        return key == 15
    return key == query - 1 and key != 4


def attn_0_2_pattern(key, query):
    """query: tokens, key: positions"""
    return key == {'BOS': 3, ')': 2, '}': 4}.get(query, 1)


def attn_0_3_pattern(key, query):
    """query: positions, key: positions"""
    if query == 1:
        return True
    return key == query - 1


def num_attn_0_0_pattern(key, query):
    """query: tokens, key: positions"""
    return key == {'(': 5, ')': 14, '{': 1, '}': 8}.get(query, 2)


def num_attn_0_1_pattern(key, query):
    """query: positions, key: positions; None: no key"""
    return key == {3: 2, 5: 0, 7: 7, 9: 7, 11: 6, 13: 8, 15: 2}.get(query, None)


def num_attn_0_2_pattern(key, query):
    """query: tokens, key: positions"""
    return key == {'BOS': 7, ')': 13, '}': 13}.get(query, 5)


def num_attn_0_3_pattern(key, query):
    """query: tokens, key: tokens; None: no key"""
    return key == {')': '(', '{': None, '}': '{'}.get(query, 'BOS')

# mlp_0_0: reads (attn_0_3_outputs, attn_0_0_outputs); every other input gives 4
mlp_0_0_table = {('BOS', '('): 13, ('(', '('): 13, ('(', '{'): 13, ('{', '('): 13, ('{', '{'): 13,
                 ('}', '('): 9, ('}', '{'): 9}

# mlp_0_1: reads (tokens, attn_0_3_outputs); every other input gives 4
mlp_0_1_table = {('BOS', 'BOS'): 0, ('BOS', '('): 5, ('BOS', '{'): 11, ('(', 'BOS'): 13,
                 ('(', '('): 13, ('(', ')'): 0, ('(', '{'): 12, ('(', '}'): 0, (')', 'BOS'): 2,
                 (')', '('): 5, (')', '}'): 2, ('{', 'BOS'): 13, ('{', '('): 13, ('{', ')'): 7,
                 ('{', '{'): 13, ('{', '}'): 0, ('}', 'BOS'): 2, ('}', ')'): 2, ('}', '{'): 5}

# mlp_0_2: reads (attn_0_3_outputs, tokens); every other input gives 6
mlp_0_2_table = {('BOS', 'BOS'): 7, ('BOS', '('): 0, ('BOS', '{'): 10, ('(', 'BOS'): 10,
                 ('(', '('): 3, ('(', '{'): 10, ('(', '}'): 4, (')', 'BOS'): 2, (')', '('): 0,
                 (')', '{'): 0, (')', '}'): 0, ('{', 'BOS'): 10, ('{', '('): 7, ('{', ')'): 4,
                 ('{', '{'): 9, ('}', 'BOS'): 4, ('}', '('): 10, ('}', ')'): 13, ('}', '{'): 0}

# mlp_0_3: reads (attn_0_0_outputs, attn_0_2_outputs); every other input gives 16
mlp_0_3_table = {('BOS', 'BOS'): 15, ('BOS', ')'): 2, ('BOS', '}'): 2, ('(', ')'): 14,
                 ('(', '{'): 12, ('(', '}'): 4, (')', 'BOS'): 2, (')', '('): 14, (')', ')'): 2,
                 (')', '{'): 2, (')', '}'): 2, ('{', '{'): 15, ('{', '}'): 14, ('}', 'BOS'): 4,
                 ('}', '('): 4, ('}', ')'): 2, ('}', '{'): 14, ('}', '}'): 4}


def attn_1_0_pattern(key, query):
    """query: attn_0_2_outputs, key: num_attn_0_3_outputs"""
    return key == 0


def attn_1_1_pattern(key, query):
    """query: num_attn_0_1_outputs, key: num_attn_0_3_outputs"""
    return key == {0: 1, 2: 1, 6: 1, 7: 1, 8: 1, 12: 1, 13: 1, 14: 1}.get(query, 0)


def attn_1_3_pattern(key, query):
    """query: num_attn_0_2_outputs, key: num_attn_0_3_outputs"""
    return key == query - 16 or key == 0


def num_attn_1_0_pattern(key, query):
    """query: tokens, key: attn_0_1_outputs; None: no key"""
    return key == {'(': None, ')': ')', '{': None}.get(query, '}')


def num_attn_1_1_pattern(key, query):
    """query: num_attn_0_2_outputs, key: mlp_0_1_outputs; None: no key"""
    return key == {2: 2, 9: 2, 12: 7, 13: 7, 14: None, 15: 7, 16: 12}.get(query, 4)


def num_attn_1_2_pattern(key, query):
    """query: num_attn_0_2_outputs, key: mlp_0_1_outputs; None: no key"""
    return key == {2: 11, 3: 12, 4: None, 5: 11, 9: 12, 13: 12, 14: 12, 15: 11,
                   16: 12}.get(query, 13)


def num_attn_1_3_pattern(key, query):
    """query: tokens, key: mlp_0_3_outputs"""
    return key == {'BOS': 4, '}': 4}.get(query, 2)

# mlp_1_0: reads (attn_0_3_outputs, attn_0_0_outputs); every other input gives 16
mlp_1_0_table = {('BOS', 'BOS'): 0, ('BOS', '('): 1, ('BOS', ')'): 3, ('BOS', '{'): 14,
                 ('(', 'BOS'): 1, ('(', '('): 10, ('(', ')'): 3, ('(', '{'): 10, (')', '('): 1,
                 (')', ')'): 4, (')', '{'): 7, (')', '}'): 4, ('{', 'BOS'): 0, ('{', '('): 10,
                 ('{', '{'): 15, ('{', '}'): 11, ('}', '('): 7, ('}', ')'): 4, ('}', '{'): 1,
                 ('}', '}'): 4}

# mlp_1_1: reads (attn_0_1_outputs, attn_0_0_outputs); every other input gives 4
mlp_1_1_table = {('BOS', 'BOS'): 1, ('BOS', ')'): 7, ('BOS', '{'): 11, ('BOS', '}'): 3,
                 ('(', 'BOS'): 11, ('(', '('): 11, ('(', ')'): 12, ('(', '}'): 16, (')', '('): 1,
                 (')', '}'): 9, ('{', 'BOS'): 11, ('{', '('): 11, ('{', ')'): 9, ('{', '{'): 11,
                 ('{', '}'): 3, ('}', '('): 8, ('}', ')'): 13, ('}', '{'): 12}

# mlp_1_2: reads (attn_0_1_outputs, tokens); every other input gives 6
mlp_1_2_table = {('BOS', '('): 1, ('BOS', ')'): 4, ('BOS', '{'): 7, ('BOS', '}'): 4,
                 ('(', 'BOS'): 0, ('(', '('): 7, ('(', ')'): 5, ('(', '{'): 10, ('(', '}'): 4,
                 (')', 'BOS'): 2, (')', ')'): 4, (')', '}'): 8, ('{', 'BOS'): 1, ('{', '('): 1,
                 ('{', ')'): 0, ('{', '{'): 7, ('{', '}'): 5, ('}', 'BOS'): 4, ('}', ')'): 0,
                 ('}', '}'): 2}

# mlp_1_3: reads (attn_0_0_outputs, attn_0_3_outputs); every other input gives 0
mlp_1_3_table = {('BOS', ')'): 2, ('BOS', '{'): 15, ('BOS', '}'): 2, ('(', 'BOS'): 3,
                 ('(', '('): 15, ('(', ')'): 1, ('(', '{'): 14, ('(', '}'): 7, (')', 'BOS'): 16,
                 (')', '('): 11, (')', ')'): 4, (')', '}'): 2, ('{', 'BOS'): 1, ('{', '('): 7,
                 ('{', ')'): 5, ('{', '{'): 5, ('{', '}'): 1, ('}', ')'): 2, ('}', '}'): 4}


def attn_2_0_pattern(key, query):
    """query: attn_0_1_outputs, key: num_attn_1_2_outputs"""
    return key == 0


def attn_2_2_pattern(key, query):
    """query: num_attn_0_0_outputs, key: num_attn_0_3_outputs"""
    return key == query - 16 or key == 0


def num_attn_2_0_pattern(key, query):
    """query: num_attn_1_1_outputs, key: mlp_0_1_outputs"""
    return key == {1: 13, 8: 13, 11: 11, 12: 0, 13: 11, 15: 13, 16: 7}.get(query, 12)


def num_attn_2_1_pattern(key, query):
    """query: num_attn_0_0_outputs, key: mlp_0_2_outputs"""
    return key == {2: 2, 3: 2}.get(query, 4)


def num_attn_2_2_pattern(key, query):
    """query: mlp_1_2_outputs, key: mlp_1_0_outputs; None: no key"""
    return key == {2: None}.get(query, 4)


def num_attn_2_3_pattern(key, query):
    """query: attn_1_0_outputs, key: mlp_0_1_outputs"""
    return key == {0: 2, 5: 2, 7: 2, 11: 2, 12: 2, 13: 2}.get(query, query)

# mlp_2_0: reads (attn_0_3_outputs, attn_0_1_outputs); every other input gives 12
mlp_2_0_table = {('BOS', 'BOS'): 13, ('BOS', '{'): 13, ('(', 'BOS'): 13, ('(', '('): 13,
                 ('(', ')'): 7, ('(', '{'): 13, ('(', '}'): 4, (')', '('): 8, (')', '{'): 3,
                 ('{', 'BOS'): 4, ('{', '('): 13, ('{', ')'): 4, ('{', '{'): 13, ('{', '}'): 4,
                 ('}', 'BOS'): 1, ('}', '('): 16, ('}', '{'): 10}

# mlp_2_1: reads (attn_1_0_outputs, attn_0_1_outputs); every other input gives 2
mlp_2_1_table = {(0, 'BOS'): 11, (0, '('): 8, (0, ')'): 9, (0, '}'): 11, (2, 'BOS'): 9,
                 (2, ')'): 11, (2, '{'): 13, (2, '}'): 9, (4, 'BOS'): 13, (4, ')'): 13,
                 (4, '}'): 11, (5, 'BOS'): 11, (5, '('): 16, (5, ')'): 11, (5, '}'): 11,
                 (7, '('): 9, (7, ')'): 7, (7, '{'): 16, (7, '}'): 11, (11, '('): 8, (11, '}'): 13,
                 (12, 'BOS'): 8, (12, '('): 5, (12, ')'): 13, (12, '{'): 8, (12, '}'): 13,
                 (13, '('): 5, (13, ')'): 13, (13, '{'): 1, (13, '}'): 13}


classes = ('T', 'P', 'F')
classifier_bias = (-429, -279, 377)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'tokens': {')': (43, -72, 8), '{': (-71, 56, 18), '}': (24, -78, 29)},
    'positions': {6: (49, -87, 17), 7: (-193, 37, 130), 8: (40, -92, 22), 9: (-81, -13, 56),
                  10: (50, -114, 24), 11: (-77, -41, 70), 12: (35, -130, 44), 13: (-68, -29, 51),
                  14: (153, -188, 10)},
    'attn_0_0_outputs': {'(': (-116, 42, 81), ')': (-88, 43, 48), '{': (-111, 27, 90),
                         '}': (-100, 8, 76)},
    'attn_0_1_outputs': {'(': (49, -53, 15), ')': (120, -112, -11), '{': (60, -56, 8),
                         '}': (110, -137, 10)},
    'attn_0_2_outputs': {'(': (-24, 61, -17), ')': (-16, 31, -13), '{': (-21, 57, -16),
                         '}': (-28, -37, 33)},
    'attn_0_3_outputs': {'(': (-18, -6, 34), '{': (-16, -8, 35), '}': (-35, 1, 20)},
    'num_attn_0_0_outputs': {1: (-21, -25, 30)},
    'num_attn_0_1_outputs': {0: (64, -62, -20), 1: (-127, 23, 68)},
    'num_attn_0_2_outputs': {0: (4, 9, 2), 1: (-51, -24, 44)},
    'num_attn_0_3_outputs': {0: (-163, -37, 159), 1: (-3, -66, 52), 2: (59, -8, -51),
                             3: (82, 84, -125), 4: (105, 146, -174), 5: (137, 198, -217),
                             6: (127, 215, -218), 7: (152, 213, -225), 8: (-202, 191, -11)},
    'mlp_0_0_outputs': {9: (18, 23, -17), 13: (7, -30, 40)},
    'mlp_0_1_outputs': {2: (138, -173, 9), 4: (59, -194, 74), 5: (175, -95, -75), 12: (25, -67, 45),
                        13: (31, -67, 44)},
    'mlp_0_2_outputs': {0: (-69, 53, 11), 3: (-67, -3, 78), 6: (63, -40, -32), 7: (-73, 15, 53),
                        9: (-70, 27, 38), 13: (51, -69, -2)},
    'mlp_0_3_outputs': {4: (20, 22, -29), 12: (-28, -5, 43), 14: (-1, 32, -21), 15: (-38, -3, 48)},
    'attn_1_0_outputs': {2: (-194, -212, 204), 7: (14, 68, -38), 13: (-4, 50, -14)},
    'attn_1_1_outputs': {4: (-280, -228, 267), 12: (-52, 57, 12)},
    'attn_1_3_outputs': {'(': (61, 94, -73), '{': (47, 106, -72)},
    'num_attn_1_0_outputs': {0: (55, 103, -81), 2: (17, -64, 37), 3: (-28, -129, 85),
                             4: (-66, -214, 143), 5: (-14, -214, 115)},
    'num_attn_1_1_outputs': {0: (-34, 154, -131), 1: (36, -116, 52), 2: (0, -102, 60),
                             3: (-43, -186, 127), 4: (-71, -259, 174), 5: (-132, -246, 193)},
    'num_attn_1_2_outputs': {1: (40, -174, 113), 2: (-14, -12, 33), 3: (-60, 105, -29),
                             4: (-64, 171, -98), 5: (-96, 231, -136), 6: (-144, 263, -148),
                             7: (-230, 265, -127), 8: (-444, 89, 141)},
    'num_attn_1_3_outputs': {0: (69, 79, -70), 1: (54, 40, -46), 2: (38, 49, -43),
                             3: (15, 29, -20)},
    'mlp_1_0_outputs': {1: (-76, 22, 66), 3: (-104, 33, 84), 4: (-90, 9, 67), 7: (-114, 48, 58),
                        10: (-121, -5, 122), 11: (-109, 28, 94), 16: (-97, 10, 73)},
    'mlp_1_1_outputs': {3: (-14, 15, -5), 4: (-26, -48, 36), 7: (-135, -12, 117), 8: (26, -39, 5),
                        9: (-26, -1, 19), 11: (-62, 22, 39), 12: (8, -12, 0), 13: (13, 11, -14),
                        16: (-24, 7, 14)},
    'mlp_1_2_outputs': {1: (-63, 87, -16), 4: (9, 17, -15), 5: (74, -73, 13), 6: (-117, -39, 85),
                        7: (-61, 95, -25), 8: (73, -107, -4), 10: (-59, 102, -32)},
    'mlp_1_3_outputs': {1: (-26, 12, 22), 2: (-31, -21, 27), 5: (-34, 3, 37), 7: (-38, -7, 29),
                        14: (-27, -19, 32), 15: (-4, -24, 48)},
    'attn_2_0_outputs': {0: (-6, 19, 2)},
    'attn_2_2_outputs': {0: (32, 22, -45), 1: (10, 30, -32), 4: (-70, -108, 89), 7: (-9, 36, -9),
                         10: (-21, 58, -24), 15: (-7, 31, -7)},
    'attn_2_3_outputs': {0: (32, 22, -45), 4: (-69, -67, 68), 7: (7, 34, -19), 13: (-2, 25, -7)},
    'num_attn_2_0_outputs': {0: (-8, -97, 70), 2: (5, 54, -51), 3: (-11, 113, -70),
                             4: (-163, 134, -20), 5: (-276, 80, 66)},
    'num_attn_2_1_outputs': {0: (86, 212, -221), 1: (-209, -357, 317), 2: (-183, -316, 270),
                             3: (-148, -260, 216)},
    'num_attn_2_2_outputs': {0: (86, 95, -115), 1: (11, 85, -48), 4: (-50, -124, 95),
                             5: (-82, -104, 95)},
    'num_attn_2_3_outputs': {0: (-35, 100, -82), 2: (2, -128, 67), 3: (-14, -250, 139),
                             4: (-86, -318, 205), 5: (-91, -320, 207)},
    'mlp_2_0_outputs': {3: (1, 55, -73), 4: (26, -12, -36), 7: (130, -61, -54), 8: (-58, 78, -39),
                        10: (-19, 92, -79), 12: (84, 69, -125), 13: (51, 53, -82),
                        16: (-17, 42, -49)},
    'mlp_2_1_outputs': {2: (-40, -95, 61), 5: (20, -16, 5), 7: (7, -70, 40), 8: (-7, 22, -48),
                        9: (29, -50, 33), 11: (14, -79, 25), 13: (39, -28, -12), 16: (36, -41, 29)},
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
    attn_0_2_outputs = attend(positions, tokens, tokens, attn_0_2_pattern, order='first')
    attn_0_3_outputs = attend(positions, positions, tokens, attn_0_3_pattern)
    num_attn_0_0_outputs = count(positions, tokens, num_attn_0_0_pattern)
    num_attn_0_1_outputs = count(positions, positions, num_attn_0_1_pattern)
    num_attn_0_2_outputs = count(positions, tokens, num_attn_0_2_pattern)
    num_attn_0_3_outputs = count(tokens, tokens, num_attn_0_3_pattern)
    mlp_0_0_outputs = [mlp_0_0_table.get((attn_0_3_outputs[i], attn_0_0_outputs[i]), 4) for i in range(n)]
    mlp_0_1_outputs = [mlp_0_1_table.get((tokens[i], attn_0_3_outputs[i]), 4) for i in range(n)]
    mlp_0_2_outputs = [mlp_0_2_table.get((attn_0_3_outputs[i], tokens[i]), 6) for i in range(n)]
    mlp_0_3_outputs = [mlp_0_3_table.get((attn_0_0_outputs[i], attn_0_2_outputs[i]), 16) for i in range(n)]
    attn_1_0_outputs = attend(num_attn_0_3_outputs, attn_0_2_outputs, mlp_0_1_outputs, attn_1_0_pattern, order='first')
    attn_1_1_outputs = attend(num_attn_0_3_outputs, num_attn_0_1_outputs, mlp_0_1_outputs, attn_1_1_pattern)
    attn_1_3_outputs = attend(num_attn_0_3_outputs, num_attn_0_2_outputs, attn_0_2_outputs, attn_1_3_pattern, order='first')
    num_attn_1_0_outputs = count(attn_0_1_outputs, tokens, num_attn_1_0_pattern)
    num_attn_1_1_outputs = count(mlp_0_1_outputs, num_attn_0_2_outputs, num_attn_1_1_pattern)
    num_attn_1_2_outputs = count(mlp_0_1_outputs, num_attn_0_2_outputs, num_attn_1_2_pattern)
    num_attn_1_3_outputs = count(mlp_0_3_outputs, tokens, num_attn_1_3_pattern)
    mlp_1_0_outputs = [mlp_1_0_table.get((attn_0_3_outputs[i], attn_0_0_outputs[i]), 16) for i in range(n)]
    mlp_1_1_outputs = [mlp_1_1_table.get((attn_0_1_outputs[i], attn_0_0_outputs[i]), 4) for i in range(n)]
    mlp_1_2_outputs = [mlp_1_2_table.get((attn_0_1_outputs[i], tokens[i]), 6) for i in range(n)]
    mlp_1_3_outputs = [mlp_1_3_table.get((attn_0_0_outputs[i], attn_0_3_outputs[i]), 0) for i in range(n)]
    attn_2_0_outputs = attend(num_attn_1_2_outputs, attn_0_1_outputs, mlp_1_3_outputs, attn_2_0_pattern, order='first')
    attn_2_2_outputs = attend(num_attn_0_3_outputs, num_attn_0_0_outputs, mlp_1_0_outputs, attn_2_2_pattern, order='first')
    attn_2_3_outputs = attend(num_attn_0_3_outputs, attn_0_2_outputs, attn_1_0_outputs, attn_1_0_pattern, order='first')
    num_attn_2_0_outputs = count(mlp_0_1_outputs, num_attn_1_1_outputs, num_attn_2_0_pattern)
    num_attn_2_1_outputs = count(mlp_0_2_outputs, num_attn_0_0_outputs, num_attn_2_1_pattern)
    num_attn_2_2_outputs = count(mlp_1_0_outputs, mlp_1_2_outputs, num_attn_2_2_pattern)
    num_attn_2_3_outputs = count(mlp_0_1_outputs, attn_1_0_outputs, num_attn_2_3_pattern)
    mlp_2_0_outputs = [mlp_2_0_table.get((attn_0_3_outputs[i], attn_0_1_outputs[i]), 12) for i in range(n)]
    mlp_2_1_outputs = [mlp_2_1_table.get((attn_1_0_outputs[i], attn_0_1_outputs[i]), 2) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
