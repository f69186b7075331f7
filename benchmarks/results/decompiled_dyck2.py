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


def count(keys, queries, pattern):
    """Numerical attention: how many key positions (BOS included) match each query."""
    n = len(keys)
    return [sum(1 for j in range(i + 1 if CAUSAL else n) if pattern(keys[j], q)) for i, q in enumerate(queries)]


def attn_0_0_pattern(key, query):
    """query: tokens, key: positions"""
    return key == {'BOS': 7, ')': 2, '}': 2}.get(query, 1)


def attn_0_1_pattern(key, query):
    """query: positions, key: positions"""
    if query == 1:
        return True
    if query == 2:
        return key == 2
    if query == 5:
        return key == 5
    if query == 7:
        return False
    if query in {9, 11, 13}:
        return key == 1
    if query == 15:
        return key == 14
    return key == query - 2 and key != 1


def attn_0_2_pattern(key, query):
    """query: positions, key: positions"""
    if query == 1:
        return True
    if query == 2:
        return key == 2
    if query in {4, 6}:
        return key == 3
    if query == 8:
        return key == 5
    if query == 10:
        return key == 4
    if query == 12:
        return key == 11
    if query == 13:
        return key == 7
    if query == 15:
        return key == 15
    return key > query or key == 13


def attn_0_3_pattern(key, query):
    """query: positions, key: positions"""
    if query == 1:
        return True
    return key == query - 1


def num_attn_0_0_pattern(key, query):
    """query: tokens, key: tokens; None: no key"""
    return key == {'(': None, '{': None, '}': '{'}.get(query, '(')


def num_attn_0_1_pattern(key, query):
    """query: tokens, key: positions"""
    return key == {'(': 5, '{': 5, '}': 13}.get(query, 7)


def num_attn_0_2_pattern(key, query):
    """query: tokens, key: positions"""
    return key == {'BOS': 1, ')': 14, '}': 14}.get(query, 8)


def num_attn_0_3_pattern(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {0: None, 3: None, 4: ')', 5: None, 6: ')', 7: None, 8: ')', 9: None,
                   15: None}.get(query, 'BOS')

# mlp_0_0: reads (tokens, attn_0_3_outputs); every other input gives 0
mlp_0_0_table = {('BOS', ')'): 2, ('BOS', '}'): 4, ('(', 'BOS'): 6, ('(', '('): 6, ('(', ')'): 12,
                 ('(', '{'): 6, ('(', '}'): 6, (')', 'BOS'): 12, (')', '('): 12, (')', ')'): 12,
                 (')', '{'): 4, (')', '}'): 12, ('{', 'BOS'): 6, ('{', '('): 6, ('{', ')'): 6,
                 ('{', '{'): 6, ('}', '('): 4}

# mlp_0_1: reads (tokens, attn_0_3_outputs); every other input gives 4
mlp_0_1_table = {('BOS', 'BOS'): 0, ('BOS', '('): 3, ('BOS', '{'): 1, ('BOS', '}'): 2,
                 ('(', 'BOS'): 3, ('(', '('): 9, ('(', ')'): 6, ('(', '{'): 9, ('(', '}'): 0,
                 (')', '('): 12, (')', '{'): 2, ('{', 'BOS'): 0, ('{', '('): 9, ('{', ')'): 0,
                 ('{', '{'): 9, ('{', '}'): 0, ('}', '('): 2, ('}', '{'): 7}

# mlp_0_2: reads (attn_0_0_outputs, attn_0_3_outputs); every other input gives 0
mlp_0_2_table = {('BOS', '}'): 2, ('(', '}'): 10, (')', 'BOS'): 2, (')', ')'): 2, (')', '{'): 2,
                 (')', '}'): 2, ('{', ')'): 10, ('}', 'BOS'): 2, ('}', ')'): 2, ('}', '{'): 14}

# mlp_0_3: reads (attn_0_0_outputs, attn_0_2_outputs); every other input gives 4
mlp_0_3_table = {('BOS', 'BOS'): 10, ('BOS', '('): 10, ('BOS', ')'): 2, ('BOS', '{'): 10,
                 ('(', 'BOS'): 16, ('(', '('): 16, ('(', ')'): 12, ('(', '{'): 16, ('(', '}'): 2,
                 (')', 'BOS'): 2, (')', '('): 10, ('{', 'BOS'): 16, ('{', '('): 16, ('{', ')'): 2,
                 ('{', '{'): 16, ('{', '}'): 12, ('}', 'BOS'): 2, ('}', '{'): 12}


def attn_1_0_pattern(key, query):
    """query: num_attn_0_1_outputs, key: num_attn_0_3_outputs"""
    return key == {5: 13}.get(query, 0)


def attn_1_1_pattern(key, query):
    """query: attn_0_1_outputs, key: num_attn_0_0_outputs"""
    return key == {')': 1, '}': 1}.get(query, 0)


def attn_1_2_pattern(key, query):
    """query: positions, key: num_attn_0_3_outputs"""
    return key == {14: 12, 15: 10}.get(query, 0)


def attn_1_3_pattern(key, query):
    """query: positions, key: num_attn_0_3_outputs"""
    return key == query - 16 or key == 0


def num_attn_1_0_pattern(key, query):
    """query: positions, key: mlp_0_3_outputs; None: no key"""
    return key == {2: 2, 3: 2, 5: 2, 6: 2, 9: None, 12: None, 13: None, 14: 12,
                   15: None}.get(query, 4)


def num_attn_1_1_pattern(key, query):
    """query: mlp_0_0_outputs, key: tokens; None: no key"""
    return key == {0: '{', 4: None, 12: '('}.get(query, 'BOS')


def num_attn_1_2_pattern(key, query):
    """query: tokens, key: attn_0_3_outputs; None: no key"""
    return key == {'(': None, ')': ')', '{': None}.get(query, '}')


def num_attn_1_3_pattern(key, query):
    """query: mlp_0_1_outputs, key: mlp_0_3_outputs"""
    return key == {4: 4}.get(query, 2)

# mlp_1_0: reads attn_0_0_outputs; every other input gives 15
mlp_1_0_table = {'}': 4}

# mlp_1_1: reads (attn_0_3_outputs, attn_0_1_outputs); every other input gives 1
mlp_1_1_table = {('(', 'BOS'): 10, ('(', '('): 10, ('(', '{'): 6, ('(', '}'): 9, (')', ')'): 2,
                 (')', '}'): 2, ('{', 'BOS'): 11, ('{', '('): 6, ('{', '{'): 6, ('}', ')'): 2,
                 ('}', '{'): 9, ('}', '}'): 2}

# mlp_1_2: reads (attn_0_3_outputs, tokens); every other input gives 2
mlp_1_2_table = {('BOS', 'BOS'): 0, ('BOS', '('): 3, ('BOS', '{'): 3, ('(', 'BOS'): 3,
                 ('(', '('): 3, ('(', ')'): 5, ('(', '{'): 8, ('(', '}'): 4, (')', 'BOS'): 4,
                 (')', '('): 3, (')', '{'): 7, ('{', 'BOS'): 12, ('{', '('): 1, ('{', ')'): 4,
                 ('{', '{'): 0, ('{', '}'): 5, ('}', '('): 11, ('}', '{'): 0}

# mlp_1_3: reads (attn_0_0_outputs, attn_0_2_outputs); every other input gives 11
mlp_1_3_table = {('BOS', '}'): 4, (')', 'BOS'): 4, (')', ')'): 6, (')', '{'): 4, ('}', 'BOS'): 4,
                 ('}', '}'): 4}


def attn_2_0_pattern(key, query):
    """query: attn_0_1_outputs, key: num_attn_0_0_outputs"""
    return key == 0


def attn_2_1_pattern(key, query):
    """query: attn_0_0_outputs, key: num_attn_1_1_outputs"""
    return key == 0


def num_attn_2_0_pattern(key, query):
    """query: attn_1_0_outputs, key: mlp_1_2_outputs"""
    return key == {'BOS': 2, '{': 2}.get(query, 4)


def num_attn_2_1_pattern(key, query):
    """query: attn_0_2_outputs, key: mlp_0_0_outputs"""
    return key == {'{': 2}.get(query, 4)


def num_attn_2_2_pattern(key, query):
    """query: attn_1_0_outputs, key: mlp_1_1_outputs; None: no key"""
    return key == {'}': None}.get(query, 2)


def num_attn_2_3_pattern(key, query):
    """query: attn_1_0_outputs, key: mlp_0_1_outputs"""
    return key == {'(': 4, '}': 4}.get(query, 2)

# mlp_2_0: reads (attn_0_2_outputs, attn_0_1_outputs); every other input gives 6
mlp_2_0_table = {('BOS', '('): 9, ('(', 'BOS'): 9, ('(', '('): 5, ('(', ')'): 9, ('(', '{'): 5,
                 ('{', 'BOS'): 5, ('{', '('): 5}

# mlp_2_1: reads (attn_0_3_outputs, attn_0_1_outputs); every other input gives 5
mlp_2_1_table = {('BOS', ')'): 3, ('BOS', '}'): 3, ('(', ')'): 13, ('(', '{'): 7, ('(', '}'): 8,
                 (')', '('): 4, (')', ')'): 2, (')', '}'): 3, ('{', 'BOS'): 8, ('{', '('): 7,
                 ('{', ')'): 13, ('{', '{'): 7, ('{', '}'): 8, ('}', ')'): 3, ('}', '{'): 13,
                 ('}', '}'): 3}

# mlp_2_2: reads (attn_0_1_outputs, attn_0_2_outputs); every other input gives 7
mlp_2_2_table = {('(', '{'): 9, ('{', '('): 9, ('{', '{'): 9}

# mlp_2_3: reads (attn_0_1_outputs, attn_1_0_outputs); every other input gives 2
mlp_2_3_table = {(')', 'BOS'): 10, (')', '{'): 10, ('{', 'BOS'): 12, ('{', '}'): 10}


classes = ('T', 'P', 'F')
classifier_bias = (-317, 86, 193)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'tokens': {')': (153, -124, -10), '{': (-301, 115, 30), '}': (190, -152, 4)},
    'positions': {2: (657, -455, -241), 4: (348, -225, -55), 5: (-549, 129, 87),
                  6: (238, -138, -43), 8: (170, -54, -56), 10: (118, -72, -18), 11: (-654, 109, 77),
                  12: (113, -95, -1), 13: (-666, 108, 74), 14: (145, -115, -23),
                  15: (-523, 117, 37)},
    'attn_0_0_outputs': {'(': (-8, 16, -2)},
    'attn_0_1_outputs': {'(': (-150, 50, 5), ')': (72, 25, -62), '{': (-106, 35, 10),
                         '}': (82, 38, -78)},
    'attn_0_2_outputs': {'(': (14, 35, -26), ')': (28, -26, 5), '{': (27, 32, -27)},
    'attn_0_3_outputs': {'(': (-82, 16, 18), ')': (42, 3, -26), '}': (58, -7, -21)},
    'num_attn_0_0_outputs': {0: (-366, 6, 90), 1: (110, -39, -7), 2: (173, 68, -152),
                             3: (149, 109, -219), 4: (191, 177, -210), 5: (211, 237, -243),
                             6: (173, 243, -256)},
    'num_attn_0_1_outputs': {0: (-32, 24, 1), 1: (1, -17, 22)},
    'num_attn_0_2_outputs': {0: (-13, 21, -5), 1: (-45, -15, 28)},
    'num_attn_0_3_outputs': {0: (-102, 5, 40), 2: (46, -65, 17), 3: (68, -150, 86),
                             4: (51, -347, 161)},
    'mlp_0_1_outputs': {4: (165, -60, -2), 12: (169, -10, -55)},
    'mlp_0_2_outputs': {2: (-3, 4, -7), 10: (-64, 12, 5), 14: (11, -8, -9)},
    'mlp_0_3_outputs': {16: (-10, 13, 23)},
    'attn_1_0_outputs': {')': (-40, -360, 311), '}': (-65, -145, 134)},
    'attn_1_1_outputs': {4: (-30, -34, 33), 9: (-35, 21, -13)},
    'attn_1_2_outputs': {4: (-15, -17, 17), 7: (20, -13, 3)},
    'attn_1_3_outputs': {4: (-7, -26, 19)},
    'num_attn_1_0_outputs': {0: (-36, 12, 11), 2: (-47, -54, 15), 3: (-32, -38, 52),
                             4: (-121, -98, 13)},
    'num_attn_1_1_outputs': {1: (-26, 43, -22), 2: (-28, 33, -13), 3: (-16, 62, -70),
                             4: (6, 105, -76), 5: (-58, 84, -137), 6: (12, 128, -116)},
    'num_attn_1_2_outputs': {0: (-11, 57, -37), 1: (-41, -43, 51), 2: (-50, -134, 107),
                             3: (-118, -286, 114), 4: (-71, -258, 245), 5: (-116, -422, 249),
                             6: (-186, -524, 272)},
    'num_attn_1_3_outputs': {0: (-30, 8, 15), 1: (-34, -13, 23), 2: (-50, -52, 25),
                             3: (-162, -172, -79), 4: (-108, -130, 54), 5: (-83, -82, 123)},
    'mlp_1_0_outputs': {15: (-23, -2, 14)},
    'mlp_1_1_outputs': {2: (-34, 10, 11), 6: (-115, 21, 45), 9: (-16, 14, -9), 10: (-25, 2, 39),
                        11: (-29, -29, 40)},
    'mlp_1_2_outputs': {2: (-38, 9, -21)},
    'mlp_1_3_outputs': {6: (-12, 7, -3), 11: (29, 0, -13)},
    'attn_2_0_outputs': {1: (-22, 15, -13), 3: (-33, 2, 0)},
    'attn_2_1_outputs': {2: (-466, -582, 619), 4: (-617, -833, 910)},
    'num_attn_2_0_outputs': {0: (15, 150, -135), 1: (-45, -62, 69), 2: (-13, -116, 108),
                             3: (23, -142, 181), 4: (-66, -270, 125), 5: (-81, -331, 150),
                             6: (-36, -302, 282), 7: (-225, -472, 296)},
    'num_attn_2_1_outputs': {0: (21, 90, -80)},
    'num_attn_2_2_outputs': {1: (-31, -35, 42), 2: (-53, -69, 65), 3: (-153, -99, 55)},
    'num_attn_2_3_outputs': {0: (-41, 59, -33), 1: (-46, -72, 80), 2: (-20, -116, 102),
                             3: (182, -7, 284), 4: (115, -171, 203), 5: (-5, -292, 260),
                             6: (-33, -355, 224), 7: (-306, -569, 182)},
    'mlp_2_0_outputs': {6: (67, 8, -41), 9: (31, 13, -25)},
    'mlp_2_1_outputs': {3: (-2, 7, -6), 4: (152, 32, -91), 5: (-205, 74, -21), 7: (-250, 45, 16),
                        8: (121, 24, -72), 13: (120, 39, -89)},
    'mlp_2_2_outputs': {9: (-11, -2, 15)},
    'mlp_2_3_outputs': {10: (18, 16, -24), 12: (-9, 2, -4)},
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
    attn_0_1_outputs = attend(positions, positions, tokens, attn_0_1_pattern)
    attn_0_2_outputs = attend(positions, positions, tokens, attn_0_2_pattern)
    attn_0_3_outputs = attend(positions, positions, tokens, attn_0_3_pattern)
    num_attn_0_0_outputs = count(tokens, tokens, num_attn_0_0_pattern)
    num_attn_0_1_outputs = count(positions, tokens, num_attn_0_1_pattern)
    num_attn_0_2_outputs = count(positions, tokens, num_attn_0_2_pattern)
    num_attn_0_3_outputs = count(tokens, positions, num_attn_0_3_pattern)
    mlp_0_0_outputs = [mlp_0_0_table.get((tokens[i], attn_0_3_outputs[i]), 0) for i in range(n)]
    mlp_0_1_outputs = [mlp_0_1_table.get((tokens[i], attn_0_3_outputs[i]), 4) for i in range(n)]
    mlp_0_2_outputs = [mlp_0_2_table.get((attn_0_0_outputs[i], attn_0_3_outputs[i]), 0) for i in range(n)]
    mlp_0_3_outputs = [mlp_0_3_table.get((attn_0_0_outputs[i], attn_0_2_outputs[i]), 4) for i in range(n)]
    attn_1_0_outputs = attend(num_attn_0_3_outputs, num_attn_0_1_outputs, attn_0_2_outputs, attn_1_0_pattern)
    attn_1_1_outputs = attend(num_attn_0_0_outputs, attn_0_1_outputs, mlp_0_1_outputs, attn_1_1_pattern)
    attn_1_2_outputs = attend(num_attn_0_3_outputs, positions, mlp_0_1_outputs, attn_1_2_pattern)
    attn_1_3_outputs = attend(num_attn_0_3_outputs, positions, mlp_0_1_outputs, attn_1_3_pattern)
    num_attn_1_0_outputs = count(mlp_0_3_outputs, positions, num_attn_1_0_pattern)
    num_attn_1_1_outputs = count(tokens, mlp_0_0_outputs, num_attn_1_1_pattern)
    num_attn_1_2_outputs = count(attn_0_3_outputs, tokens, num_attn_1_2_pattern)
    num_attn_1_3_outputs = count(mlp_0_3_outputs, mlp_0_1_outputs, num_attn_1_3_pattern)
    mlp_1_0_outputs = [mlp_1_0_table.get(attn_0_0_outputs[i], 15) for i in range(n)]
    mlp_1_1_outputs = [mlp_1_1_table.get((attn_0_3_outputs[i], attn_0_1_outputs[i]), 1) for i in range(n)]
    mlp_1_2_outputs = [mlp_1_2_table.get((attn_0_3_outputs[i], tokens[i]), 2) for i in range(n)]
    mlp_1_3_outputs = [mlp_1_3_table.get((attn_0_0_outputs[i], attn_0_2_outputs[i]), 11) for i in range(n)]
    attn_2_0_outputs = attend(num_attn_0_0_outputs, attn_0_1_outputs, mlp_1_2_outputs, attn_2_0_pattern)
    attn_2_1_outputs = attend(num_attn_1_1_outputs, attn_0_0_outputs, mlp_1_2_outputs, attn_2_1_pattern)
    num_attn_2_0_outputs = count(mlp_1_2_outputs, attn_1_0_outputs, num_attn_2_0_pattern)
    num_attn_2_1_outputs = count(mlp_0_0_outputs, attn_0_2_outputs, num_attn_2_1_pattern)
    num_attn_2_2_outputs = count(mlp_1_1_outputs, attn_1_0_outputs, num_attn_2_2_pattern)
    num_attn_2_3_outputs = count(mlp_0_1_outputs, attn_1_0_outputs, num_attn_2_3_pattern)
    mlp_2_0_outputs = [mlp_2_0_table.get((attn_0_2_outputs[i], attn_0_1_outputs[i]), 6) for i in range(n)]
    mlp_2_1_outputs = [mlp_2_1_table.get((attn_0_3_outputs[i], attn_0_1_outputs[i]), 5) for i in range(n)]
    mlp_2_2_outputs = [mlp_2_2_table.get((attn_0_1_outputs[i], attn_0_2_outputs[i]), 7) for i in range(n)]
    mlp_2_3_outputs = [mlp_2_3_table.get((attn_0_1_outputs[i], attn_1_0_outputs[i]), 2) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
