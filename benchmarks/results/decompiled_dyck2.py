"""Transformer Program for 'dyck2', decompiled by weightsmith. Standalone: no imports.

run(tokens) -> one label per position; tokens[0] is normally 'BOS', at most 16 tokens.
Layers: 3; per layer 4 categorical heads, 4 numerical heads, 4 MLPs (3 of 36 modules unused and left out).
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
        return key == 2
    if query in {9, 11}:
        return False
    if query == 13:
        return key == 5
    if query == 15:
        return key == 15
    return key == query - 1 and key != 6


def attn_0_1_pattern(key, query):
    """query: positions, key: positions"""
    if query == 1:
        return True
    if query in {7, 9, 13}:
        return key == 1
    if query == 11:
        return key == 7
    if query == 15:
        return key == 15
    return key == query - 2 and key != 1


def attn_0_2_pattern(key, query):
    """query: positions, key: positions"""
    if query == 1:
        return True
    return key == query - 1


def attn_0_3_pattern(key, query):
    """query: tokens, key: positions"""
    return key == {'BOS': 15, ')': 4, '}': 2}.get(query, 1)


def num_attn_0_0_pattern(key, query):
    """query: tokens, key: positions"""
    return key == {'(': 13, ')': 2, '{': 11, '}': 3}.get(query, 6)


def num_attn_0_1_pattern(key, query):
    """query: positions, key: positions; None: no key"""
    return key == {2: 0, 4: 3, 6: 1, 7: 5, 8: 3, 9: 3, 10: 3, 11: 1, 12: 0, 13: 2,
                   14: 13}.get(query, None)


def num_attn_0_2_pattern(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {0: '}', 1: '{', 3: '(', 4: '(', 5: '{', 6: '(', 7: '{', 8: '{', 9: '{',
                   11: 'BOS'}.get(query, None)


def num_attn_0_3_pattern(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {2: ')', 4: '}', 5: '}', 6: ')', 8: '}', 9: 'BOS', 12: 'BOS',
                   14: 'BOS'}.get(query, None)

# mlp_0_0: reads (attn_0_3_outputs, attn_0_2_outputs); every other input gives 0
mlp_0_0_table = {('BOS', ')'): 4, ('BOS', '}'): 4, ('(', '}'): 4, (')', 'BOS'): 4, (')', ')'): 4,
                 (')', '}'): 4, ('{', ')'): 2, ('}', 'BOS'): 4, ('}', ')'): 4, ('}', '}'): 4}

# mlp_0_1: reads (attn_0_2_outputs, tokens); every other input gives 12
mlp_0_1_table = {('BOS', 'BOS'): 14, ('BOS', ')'): 9, ('BOS', '}'): 9, ('(', 'BOS'): 1,
                 ('(', ')'): 9, ('(', '}'): 2, (')', 'BOS'): 2, (')', '('): 0, (')', ')'): 7,
                 (')', '{'): 0, (')', '}'): 7, ('{', 'BOS'): 9, ('{', ')'): 2, ('{', '}'): 9,
                 ('}', 'BOS'): 4, ('}', '('): 0, ('}', ')'): 7, ('}', '{'): 0, ('}', '}'): 7}

# mlp_0_2: reads (tokens, attn_0_0_outputs); every other input gives 1
mlp_0_2_table = {('BOS', ')'): 2, ('BOS', '{'): 10, ('BOS', '}'): 4, ('(', '('): 10, ('(', ')'): 13,
                 ('(', '{'): 10, ('(', '}'): 13, (')', '('): 6, (')', ')'): 4, (')', '{'): 2,
                 (')', '}'): 4, ('{', '('): 10, ('{', ')'): 13, ('{', '{'): 10, ('{', '}'): 13,
                 ('}', '('): 2, ('}', ')'): 4, ('}', '{'): 6, ('}', '}'): 4}

# mlp_0_3: reads (attn_0_2_outputs, tokens); every other input gives 4
mlp_0_3_table = {('BOS', 'BOS'): 0, ('BOS', '('): 14, ('BOS', ')'): 2, ('BOS', '{'): 10,
                 ('(', 'BOS'): 5, ('(', '('): 5, ('(', ')'): 8, ('(', '{'): 5, (')', '('): 15,
                 (')', '{'): 8, ('{', 'BOS'): 13, ('{', '('): 5, ('{', ')'): 2, ('{', '{'): 5,
                 ('{', '}'): 8, ('}', '('): 15, ('}', ')'): 2, ('}', '{'): 15}


def attn_1_0_pattern(key, query):
    """query: num_attn_0_0_outputs, key: num_attn_0_1_outputs"""
    return key == query - 16 or key == 0


def attn_1_2_pattern(key, query):
    """query: attn_0_3_outputs, key: num_attn_0_1_outputs"""
    return key == 0


def attn_1_3_pattern(key, query):
    """query: attn_0_1_outputs, key: num_attn_0_1_outputs"""
    return key == 0


def num_attn_1_0_pattern(key, query):
    """query: attn_0_3_outputs, key: mlp_0_3_outputs"""
    return key == {')': 2, '{': 2}.get(query, 4)


def num_attn_1_1_pattern(key, query):
    """query: attn_0_3_outputs, key: mlp_0_1_outputs; None: no key"""
    return key == {')': 7, '}': None}.get(query, 2)


def num_attn_1_2_pattern(key, query):
    """query: mlp_0_1_outputs, key: mlp_0_1_outputs; None: no key"""
    return key == {0: 14, 2: None, 12: 1, 14: 2}.get(query, 12)


def num_attn_1_3_pattern(key, query):
    """query: mlp_0_1_outputs, key: mlp_0_2_outputs"""
    return key == {0: 2, 12: 13, 14: 13}.get(query, 4)

# mlp_1_0: reads (attn_0_1_outputs, attn_0_0_outputs); every other input gives 5
mlp_1_0_table = {(')', 'BOS'): 4, (')', ')'): 4, (')', '}'): 4, ('}', ')'): 4, ('}', '}'): 4}

# mlp_1_1: reads (attn_0_1_outputs, attn_0_0_outputs); every other input gives 4
mlp_1_1_table = {('(', 'BOS'): 14, ('(', '('): 14, ('(', '{'): 14, ('{', 'BOS'): 12, ('{', '('): 14}

# mlp_1_2: reads (attn_0_1_outputs, attn_0_0_outputs); every other input gives 2
mlp_1_2_table = {('(', '('): 15, ('(', '{'): 15, (')', ')'): 4, (')', '}'): 4, ('{', '('): 15,
                 ('{', '{'): 15, ('}', '}'): 4}

# mlp_1_3: reads attn_0_1_outputs; every other input gives 0
mlp_1_3_table = {')': 4}


def attn_2_0_pattern(key, query):
    """query: attn_0_1_outputs, key: num_attn_1_2_outputs"""
    return key == 0


def attn_2_2_pattern(key, query):
    """query: num_attn_0_1_outputs, key: num_attn_1_2_outputs"""
    return key == query - 16 or key == 0


def attn_2_3_pattern(key, query):
    """query: num_attn_0_0_outputs, key: num_attn_1_2_outputs"""
    return key == query - 16 or key == 0


def num_attn_2_0_pattern(key, query):
    """query: attn_1_2_outputs, key: mlp_0_1_outputs"""
    return key == {'}': 4}.get(query, 2)


def num_attn_2_1_pattern(key, query):
    """query: mlp_1_0_outputs, key: mlp_1_0_outputs"""
    return key == {5: 4}.get(query, query)


def num_attn_2_2_pattern(key, query):
    """query: attn_1_3_outputs, key: mlp_0_1_outputs; None: no key"""
    return key == {4: 4, 8: 7, 13: None, 15: 7}.get(query, 2)

# mlp_2_0: reads (attn_0_1_outputs, attn_0_2_outputs); every other input gives 0
mlp_2_0_table = {('(', ')'): 5, ('(', '}'): 9, (')', '}'): 9}

# mlp_2_1: reads (attn_0_3_outputs, attn_0_2_outputs); every other input gives 13
mlp_2_1_table = {(')', '}'): 12}

# mlp_2_2: reads (attn_0_2_outputs, attn_0_1_outputs); every other input gives 3
mlp_2_2_table = {('BOS', ')'): 14, ('BOS', '}'): 14, (')', 'BOS'): 14, (')', ')'): 14,
                 (')', '}'): 14, ('{', ')'): 5, ('}', 'BOS'): 14, ('}', ')'): 14, ('}', '{'): 13,
                 ('}', '}'): 14}


classes = ('T', 'P', 'F')
classifier_bias = (-220, 99, 21)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'tokens': {'(': (-156, 69, 15), ')': (93, -83, -3), '{': (-156, 62, 18), '}': (97, -81, -3)},
    'positions': {2: (186, -65, -121), 4: (115, -54, -38), 6: (105, -46, -32), 8: (94, -42, -27),
                  9: (-229, 37, 58), 10: (100, -53, -27), 12: (106, -56, -28), 14: (131, -89, -28),
                  15: (-188, 18, 58)},
    'attn_0_0_outputs': {'(': (-92, 14, 17), ')': (-4, -17, 6), '{': (-93, 10, 17)},
    'attn_0_1_outputs': {'(': (-34, 12, 4), ')': (21, -20, 0), '{': (-55, 15, 4)},
    'attn_0_2_outputs': {'}': (6, -4, -5)},
    'attn_0_3_outputs': {')': (27, 1, -15), '{': (-14, -13, 16)},
    'num_attn_0_0_outputs': {0: (9, -19, 20), 1: (-23, 11, 0)},
    'num_attn_0_1_outputs': {1: (-4, -8, 10)},
    'num_attn_0_2_outputs': {0: (-5, -9, 14), 1: (-11, -6, 12)},
    'num_attn_0_3_outputs': {0: (-19, 5, 7), 2: (6, -39, 22), 3: (2, -105, 23), 4: (43, -179, 89)},
    'mlp_0_0_outputs': {2: (-11, -7, 4), 4: (-11, -4, 2)},
    'mlp_0_1_outputs': {7: (189, -128, 63), 9: (187, -127, 66)},
    'mlp_0_2_outputs': {4: (8, 17, -14), 6: (99, -22, -43), 10: (24, 17, -18), 13: (-15, -19, 15)},
    'mlp_0_3_outputs': {2: (28, -55, 33), 4: (30, -50, 28)},
    'attn_1_0_outputs': {4: (-5, -17, 19)},
    'attn_1_3_outputs': {4: (-21, -17, 25), 8: (11, 35, -37), 15: (15, 34, -36)},
    'num_attn_1_0_outputs': {1: (-11, -35, 33), 2: (-22, -53, 37), 3: (-47, -93, 48),
                             4: (-80, -136, 38), 5: (-80, -88, 95)},
    'num_attn_1_1_outputs': {0: (-2, 19, -12), 1: (-18, -20, 24), 2: (-39, -51, 36),
                             3: (-39, -91, 31), 4: (-78, -76, 79)},
    'num_attn_1_2_outputs': {0: (-71, -13, 41), 1: (-1, -45, 40), 3: (-52, 146, -119),
                             4: (-90, 177, -170), 5: (-120, 190, -206), 6: (-114, 226, -211),
                             7: (-153, 203, -182)},
    'num_attn_1_3_outputs': {0: (-15, 18, -6), 1: (-15, -17, 20), 2: (-21, -49, 25),
                             3: (-54, -111, 18), 4: (-33, -71, 66)},
    'mlp_1_0_outputs': {5: (-9, -24, 18)},
    'mlp_1_1_outputs': {12: (3, -11, 5), 14: (-3, -4, 16)},
    'mlp_1_2_outputs': {4: (5, -13, 9), 15: (-145, 10, 27)},
    'mlp_1_3_outputs': {4: (4, -9, -7)},
    'attn_2_0_outputs': {'(': (-7, 5, -3), ')': (-32, -162, 148), '{': (-7, 2, -2),
                         '}': (-35, -137, 126)},
    'attn_2_1_outputs': {5: (3, 9, -8), 15: (-4, 15, -12)},
    'attn_2_2_outputs': {5: (3, 8, -6)},
    'attn_2_3_outputs': {2: (-79, -120, 130), 4: (-86, -143, 151), 5: (-4, 13, -5),
                         8: (3, -29, 21)},
    'num_attn_2_0_outputs': {0: (39, 77, -73), 1: (-91, -97, 114), 2: (-145, -137, 165)},
    'num_attn_2_1_outputs': {0: (-6, 14, -4), 1: (-24, -14, 21), 2: (-43, -46, 39),
                             3: (-75, -94, 37), 4: (-113, -117, 75), 5: (-136, -131, 98)},
    'num_attn_2_2_outputs': {0: (-3, 16, -10), 1: (-15, -16, 20), 2: (-12, -35, 33),
                             3: (-55, -51, 35), 4: (-54, -87, 51), 5: (-149, -101, 19),
                             6: (-237, -18, 100)},
    'mlp_2_0_outputs': {5: (6, 7, -10), 9: (-16, -5, 11)},
    'mlp_2_1_outputs': {13: (-13, -15, 19)},
    'mlp_2_2_outputs': {5: (-4, 6, -3), 13: (6, 2, -3), 14: (-4, -5, 4)},
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
    attn_0_3_outputs = attend(positions, tokens, tokens, attn_0_3_pattern)
    num_attn_0_0_outputs = count(positions, tokens, num_attn_0_0_pattern)
    num_attn_0_1_outputs = count(positions, positions, num_attn_0_1_pattern)
    num_attn_0_2_outputs = count(tokens, positions, num_attn_0_2_pattern)
    num_attn_0_3_outputs = count(tokens, positions, num_attn_0_3_pattern)
    mlp_0_0_outputs = [mlp_0_0_table.get((attn_0_3_outputs[i], attn_0_2_outputs[i]), 0) for i in range(n)]
    mlp_0_1_outputs = [mlp_0_1_table.get((attn_0_2_outputs[i], tokens[i]), 12) for i in range(n)]
    mlp_0_2_outputs = [mlp_0_2_table.get((tokens[i], attn_0_0_outputs[i]), 1) for i in range(n)]
    mlp_0_3_outputs = [mlp_0_3_table.get((attn_0_2_outputs[i], tokens[i]), 4) for i in range(n)]
    attn_1_0_outputs = attend(num_attn_0_1_outputs, num_attn_0_0_outputs, mlp_0_3_outputs, attn_1_0_pattern)
    attn_1_2_outputs = attend(num_attn_0_1_outputs, attn_0_3_outputs, attn_0_3_outputs, attn_1_2_pattern)
    attn_1_3_outputs = attend(num_attn_0_1_outputs, attn_0_1_outputs, mlp_0_3_outputs, attn_1_3_pattern)
    num_attn_1_0_outputs = count(mlp_0_3_outputs, attn_0_3_outputs, num_attn_1_0_pattern)
    num_attn_1_1_outputs = count(mlp_0_1_outputs, attn_0_3_outputs, num_attn_1_1_pattern)
    num_attn_1_2_outputs = count(mlp_0_1_outputs, mlp_0_1_outputs, num_attn_1_2_pattern)
    num_attn_1_3_outputs = count(mlp_0_2_outputs, mlp_0_1_outputs, num_attn_1_3_pattern)
    mlp_1_0_outputs = [mlp_1_0_table.get((attn_0_1_outputs[i], attn_0_0_outputs[i]), 5) for i in range(n)]
    mlp_1_1_outputs = [mlp_1_1_table.get((attn_0_1_outputs[i], attn_0_0_outputs[i]), 4) for i in range(n)]
    mlp_1_2_outputs = [mlp_1_2_table.get((attn_0_1_outputs[i], attn_0_0_outputs[i]), 2) for i in range(n)]
    mlp_1_3_outputs = [mlp_1_3_table.get(attn_0_1_outputs[i], 0) for i in range(n)]
    attn_2_0_outputs = attend(num_attn_1_2_outputs, attn_0_1_outputs, attn_0_3_outputs, attn_2_0_pattern)
    attn_2_1_outputs = attend(num_attn_1_2_outputs, attn_0_1_outputs, attn_1_0_outputs, attn_2_0_pattern)
    attn_2_2_outputs = attend(num_attn_1_2_outputs, num_attn_0_1_outputs, attn_1_3_outputs, attn_2_2_pattern)
    attn_2_3_outputs = attend(num_attn_1_2_outputs, num_attn_0_0_outputs, mlp_0_3_outputs, attn_2_3_pattern)
    num_attn_2_0_outputs = count(mlp_0_1_outputs, attn_1_2_outputs, num_attn_2_0_pattern)
    num_attn_2_1_outputs = count(mlp_1_0_outputs, mlp_1_0_outputs, num_attn_2_1_pattern)
    num_attn_2_2_outputs = count(mlp_0_1_outputs, attn_1_3_outputs, num_attn_2_2_pattern)
    mlp_2_0_outputs = [mlp_2_0_table.get((attn_0_1_outputs[i], attn_0_2_outputs[i]), 0) for i in range(n)]
    mlp_2_1_outputs = [mlp_2_1_table.get((attn_0_3_outputs[i], attn_0_2_outputs[i]), 13) for i in range(n)]
    mlp_2_2_outputs = [mlp_2_2_table.get((attn_0_2_outputs[i], attn_0_1_outputs[i]), 3) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
