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
mlp_0_0_table = {('BOS', '('): 16, ('(', 'BOS'): 16, ('(', '('): 15}

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
    return key == 2

# mlp_1_0: reads (attn_1_1_outputs, attn_1_2_outputs); every other input gives 13
mlp_1_0_table = {('BOS', 'BOS'): 16, ('BOS', '('): 12, ('(', 'BOS'): 6, ('(', '('): 12}

# mlp_1_1: reads (attn_1_3_outputs, attn_1_2_outputs); every other input gives 0
mlp_1_1_table = {('BOS', '('): 4, ('BOS', ')'): 11, ('(', '('): 1, ('(', ')'): 8, (')', 'BOS'): 8,
                 (')', '('): 13, (')', ')'): 2}


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
        return key in {3, 4, 12, 13, 16}
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
mlp_2_0_table = {('(', '('): 9, ('(', ')'): 14, (')', 'BOS'): 10, (')', '('): 14, (')', ')'): 14}

# mlp_2_1: reads attn_2_3_outputs; every other input gives 5
mlp_2_1_table = {'(': 9, ')': 0}


classes = ('T', 'P', 'F')
classifier_bias = (-175, -216, -114)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'tokens': {'(': (-51, 40, 32), ')': (20, -40, 7)},
    'positions': {9: (-82, 98, 1), 10: (44, 27, -48), 12: (128, -116, -18), 13: (-103, -52, 96),
                  14: (13, -86, 36), 15: (-42, -129, 96)},
    'attn_0_0_outputs': {'(': (-1, 102, -35), ')': (33, 59, -51)},
    'attn_0_1_outputs': {'(': (-2, 79, -5), ')': (32, 75, -59)},
    'attn_0_2_outputs': {'(': (-61, 75, 10), ')': (-33, 52, -21)},
    'attn_0_3_outputs': {'(': (-20, -5, 29), ')': (-14, -5, 10)},
    'num_attn_0_0_outputs': {1: (-40, 94, -2), 4: (120, -135, -39), 6: (181, -187, 28),
                             7: (8, -143, 80), 8: (-177, 23, 112), 9: (-39, 85, -47),
                             10: (-24, 78, -67), 11: (-16, 135, -153), 13: (-16, 53, -79),
                             14: (-15, 154, -192)},
    'num_attn_0_1_outputs': {1: (-142, 89, 65), 4: (-25, -4, 20), 5: (-17, -43, 36),
                             7: (-82, 98, 1), 8: (44, 27, -48), 12: (45, -124, 41),
                             13: (13, -86, 36)},
    'num_attn_0_2_outputs': {3: (-90, -59, 104), 5: (-24, 99, -31), 6: (-206, 241, -14),
                             7: (118, -32, -49), 8: (-197, 120, 79), 9: (-92, 225, -53),
                             10: (-76, 75, 32), 11: (-66, 73, 25), 13: (-66, 135, -76),
                             14: (-65, 237, -191)},
    'num_attn_0_3_outputs': {3: (40, -60, 10), 4: (-172, 115, 45), 5: (94, -73, -25),
                             6: (-54, 117, -26)},
    'mlp_0_0_outputs': {15: (-22, -11, 72)},
    'mlp_0_1_outputs': {4: (-43, 72, 3)},
    'attn_1_0_outputs': {'(': (-38, -72, 77), ')': (-41, -83, 84)},
    'attn_1_1_outputs': {'(': (-38, -72, 77), ')': (-41, -83, 84)},
    'attn_1_2_outputs': {'(': (-131, 94, 98), ')': (-84, 63, 63)},
    'attn_1_3_outputs': {')': (-17, -16, 10)},
    'num_attn_1_0_outputs': {1: (-12, 141, -56), 2: (10, 85, -81), 3: (10, 75, -84),
                             4: (52, 122, -112), 6: (-71, -77, 82), 7: (-160, -192, 186),
                             8: (-73, -256, 173), 9: (-50, -177, 118)},
    'num_attn_1_1_outputs': {2: (49, -8, -33), 6: (5, 70, -35), 7: (-6, 229, -147),
                             8: (-16, 198, -133), 9: (-19, 160, -110), 10: (-7, 202, -184),
                             11: (3, 266, -283), 12: (3, 311, -332), 13: (4, 221, -231)},
    'num_attn_1_2_outputs': {3: (76, 58, -49), 4: (125, 0, -40), 5: (68, -114, 71),
                             6: (26, -139, 108), 7: (-12, -124, 120), 8: (-43, -140, 145),
                             9: (-47, -119, 135), 10: (-15, -145, 131), 11: (-91, -143, 167),
                             12: (-78, -132, 153), 13: (0, -89, 93), 15: (0, -83, 89)},
    'num_attn_1_3_outputs': {5: (41, 91, -93), 6: (59, 3, -44), 7: (28, -66, 17), 8: (-49, -39, 50),
                             9: (-27, -68, 50), 10: (-54, -91, 81), 11: (-88, -67, 84),
                             12: (-51, -119, 89), 13: (-38, -152, 96), 14: (-30, -50, 40)},
    'mlp_1_1_outputs': {1: (-33, -49, 44), 2: (-6, -5, 5), 4: (-43, 31, -16), 8: (34, 21, -31),
                        11: (-37, -34, 36), 13: (-88, -27, 68)},
    'attn_2_0_outputs': {'(': (-32, -48, 60), ')': (-32, -81, 76)},
    'attn_2_1_outputs': {'(': (-36, -49, 63), ')': (-38, -83, 81)},
    'attn_2_2_outputs': {'(': (-20, -47, 77), ')': (-21, -62, 73)},
    'attn_2_3_outputs': {'(': (-36, -49, 63), ')': (-38, -83, 81)},
    'num_attn_2_0_outputs': {1: (-5, 53, -60), 2: (30, 5, -23), 5: (5, -52, 26), 6: (20, -84, 33),
                             7: (-42, -52, 51), 8: (-57, -58, 66), 9: (-61, -112, 100),
                             10: (-18, -111, 76), 11: (3, -120, 65), 12: (10, -133, 69),
                             13: (12, -136, 75), 14: (30, -165, 79), 15: (30, -154, 67)},
    'num_attn_2_1_outputs': {2: (49, -8, -33), 5: (31, 1, -9), 6: (5, 70, -35), 7: (-6, 229, -147),
                             8: (-16, 198, -133), 9: (-19, 160, -110), 10: (-7, 202, -184),
                             11: (3, 266, -283), 12: (3, 311, -332), 13: (4, 221, -231)},
    'num_attn_2_2_outputs': {1: (-5, -26, 15), 3: (43, -37, -1), 4: (-16, 75, -19),
                             5: (34, 41, -45), 6: (16, 70, -46), 7: (58, 41, -51), 8: (26, 56, -45),
                             9: (40, 53, -52), 10: (4, 79, -49), 11: (-10, 63, -15),
                             12: (-48, 91, -5), 13: (33, 18, -28), 14: (-41, 61, -1)},
    'num_attn_2_3_outputs': {2: (9, -10, 87), 3: (94, -112, 72), 4: (102, -199, 132),
                             5: (-37, -121, 177), 6: (-65, 45, 109), 7: (-4, -67, 126),
                             8: (179, -271, 139), 9: (-3, -323, 267), 13: (-1, 100, -67),
                             14: (-48, 13, 72), 15: (-9, 83, -19), 16: (-1, 2, 47)},
    'mlp_2_0_outputs': {9: (-25, -59, 54), 10: (10, 14, -4), 14: (-26, -59, 55)},
    'mlp_2_1_outputs': {5: (38, 83, -81), 9: (2, 34, -18)},
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
