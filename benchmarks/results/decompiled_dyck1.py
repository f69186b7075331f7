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

# mlp_1_1: reads (attn_1_3_outputs, attn_1_2_outputs); every other input gives 8
mlp_1_1_table = {('BOS', 'BOS'): 15, ('BOS', '('): 4, ('BOS', ')'): 11, ('(', 'BOS'): 0,
                 ('(', '('): 1, (')', '('): 13, (')', ')'): 2}


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

# mlp_2_1: reads attn_2_3_outputs; every other input gives 5
mlp_2_1_table = {'(': 9, ')': 0}


classes = ('T', 'P', 'F')
classifier_bias = (-73, -121, 9)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'tokens': {'(': (-17, 10, 13), ')': (6, -10, 1)},
    'positions': {9: (-26, 29, 1), 10: (17, 7, -16), 12: (35, -30, -6), 13: (-32, -14, 29),
                  14: (2, -27, 13), 15: (-15, -39, 30)},
    'attn_0_0_outputs': {'(': (1, 37, -13), ')': (14, 18, -17)},
    'attn_0_1_outputs': {'(': (0, 27, 0), ')': (14, 25, -21)},
    'attn_0_2_outputs': {'(': (-24, 31, 1), ')': (-13, 18, -6)},
    'num_attn_0_0_outputs': {4: (39, -47, -10), 6: (53, -63, 13), 7: (4, -40, 21), 8: (-40, 5, 26),
                             9: (-11, 30, -19), 10: (-8, 25, -21), 11: (-6, 39, -43),
                             14: (-6, 48, -61)},
    'num_attn_0_1_outputs': {1: (-45, 26, 22), 4: (-10, 1, 7), 5: (-5, -14, 11), 7: (-26, 29, 1),
                             8: (17, 7, -16), 12: (11, -35, 13), 13: (2, -27, 13)},
    'num_attn_0_2_outputs': {3: (-33, -11, 34), 5: (-14, 37, -5), 6: (-64, 77, -1), 7: (28, -6, -8),
                             8: (-58, 37, 25), 9: (-30, 64, -9), 10: (-29, 32, 12),
                             11: (-27, 36, 5), 12: (-27, 54, -19), 13: (-27, 43, -14),
                             14: (-27, 80, -58)},
    'num_attn_0_3_outputs': {2: (-16, -3, 13), 3: (12, -13, 0), 4: (-51, 35, 13), 5: (26, -15, -9),
                             6: (-18, 37, -8)},
    'mlp_0_0_outputs': {15: (-9, -2, 23)},
    'mlp_0_1_outputs': {4: (-16, 32, -2), 8: (-2, -1, 3), 14: (-12, 15, 9)},
    'attn_1_0_outputs': {'(': (-16, -22, 26), ')': (-17, -25, 29)},
    'attn_1_1_outputs': {'(': (-16, -22, 26), ')': (-17, -25, 29)},
    'attn_1_2_outputs': {'(': (-44, 34, 33), ')': (-31, 20, 26)},
    'attn_1_3_outputs': {')': (-5, -5, 3)},
    'num_attn_1_0_outputs': {1: (2, 63, -25), 2: (8, 44, -35), 3: (9, 38, -37), 4: (29, 50, -48),
                             5: (21, 22, -25), 6: (-4, -24, 18), 7: (-26, -60, 48),
                             8: (-14, -55, 37)},
    'num_attn_1_1_outputs': {5: (10, 1, -4), 6: (4, 23, -14), 7: (4, 66, -46), 8: (-2, 62, -43),
                             9: (-3, 50, -35), 10: (-2, 65, -58), 11: (1, 84, -89),
                             12: (1, 103, -110), 13: (1, 72, -76)},
    'num_attn_1_2_outputs': {2: (3, 48, -31), 3: (19, 46, -40), 4: (29, 28, -35), 5: (20, -3, -9),
                             6: (8, -13, 3), 7: (0, -11, 7), 8: (-7, -18, 14), 9: (-6, -11, 10),
                             10: (1, -23, 11), 11: (-15, -25, 21), 12: (-10, -23, 17)},
    'num_attn_1_3_outputs': {5: (9, 26, -25), 6: (11, 5, -11), 7: (10, -20, 4), 8: (-11, -15, 14),
                             9: (-9, -21, 16), 10: (-13, -31, 24), 11: (-24, -23, 25),
                             12: (-18, -37, 29), 13: (-14, -47, 31)},
    'mlp_1_0_outputs': {12: (-18, 9, 10), 13: (-5, -5, 5)},
    'mlp_1_1_outputs': {1: (-13, -11, 14), 2: (-3, -3, 3), 4: (-15, 11, -6), 8: (4, 12, -10),
                        11: (-14, -14, 14), 13: (-24, -7, 18), 15: (26, -25, -21)},
    'attn_2_0_outputs': {'(': (-14, -16, 21), ')': (-14, -23, 25)},
    'attn_2_1_outputs': {'(': (-15, -16, 22), ')': (-16, -24, 26)},
    'attn_2_2_outputs': {'(': (-7, -16, 27), ')': (-7, -23, 26)},
    'attn_2_3_outputs': {'(': (-15, -16, 22), ')': (-16, -24, 26)},
    'num_attn_2_0_outputs': {1: (2, 14, -21), 3: (12, 0, -10), 5: (6, -20, 5), 6: (3, -25, 9),
                             8: (-18, -11, 16), 9: (-22, -27, 28), 10: (-5, -27, 18),
                             11: (6, -31, 11), 12: (11, -37, 13), 13: (13, -39, 14),
                             14: (20, -56, 19)},
    'num_attn_2_1_outputs': {2: (15, 3, -13), 5: (10, 1, -4), 6: (4, 23, -14), 7: (4, 66, -46),
                             8: (-2, 62, -43), 9: (-3, 50, -35), 10: (-2, 65, -58),
                             11: (1, 84, -89), 12: (1, 103, -110), 13: (1, 72, -76),
                             14: (1, 34, -32)},
    'num_attn_2_2_outputs': {5: (14, 7, -12), 6: (11, 20, -15), 7: (20, 16, -18), 8: (12, 21, -18),
                             9: (11, 22, -19), 10: (2, 29, -18), 11: (-2, 26, -8), 12: (-7, 30, -7),
                             14: (-9, 24, -5), 15: (-2, 20, -8), 16: (0, 11, -5)},
    'num_attn_2_3_outputs': {3: (33, -35, 18), 4: (36, -64, 38), 5: (-8, -36, 51), 6: (-19, 15, 32),
                             7: (0, -20, 37), 8: (48, -83, 46), 9: (-1, -98, 80), 13: (0, 30, -19),
                             15: (-2, 26, -6), 16: (0, -1, 17)},
    'mlp_2_1_outputs': {5: (16, 24, -26), 9: (1, 8, -4)},
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
    attn_2_1_outputs = attend(num_attn_1_2_outputs, attn_0_2_outputs, attn_1_0_outputs, attn_2_1_pattern)
    attn_2_2_outputs = attend(num_attn_1_2_outputs, attn_0_2_outputs, attn_1_2_outputs, attn_2_2_pattern)
    attn_2_3_outputs = attend(num_attn_1_2_outputs, attn_0_2_outputs, attn_1_1_outputs, attn_2_3_pattern)
    num_attn_2_0_outputs = count(mlp_0_1_outputs, num_attn_1_1_outputs, num_attn_2_0_pattern)
    num_attn_2_1_outputs = count(tokens, attn_1_2_outputs, num_attn_2_1_pattern)
    num_attn_2_2_outputs = count(mlp_1_0_outputs, num_attn_1_2_outputs, num_attn_2_2_pattern)
    num_attn_2_3_outputs = count(tokens, num_attn_1_1_outputs, num_attn_2_3_pattern)
    mlp_2_1_outputs = [mlp_2_1_table.get(attn_2_3_outputs[i], 5) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
