"""Transformer Program for 'dyck2', decompiled by weightsmith. Standalone: no imports.

run(tokens) -> one label per position; tokens[0] is normally 'BOS', at most 16 tokens.
Layers: 3; per layer 4 categorical heads, 4 numerical heads, 4 MLPs (6 of 36 modules unused and left out).
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
mlp_0_0_table = {('BOS', '('): 13, ('BOS', ')'): 2, ('(', '('): 13, ('(', '{'): 13, (')', 'BOS'): 2,
                 ('{', '('): 13, ('{', '{'): 13, ('}', ')'): 2}

# mlp_0_1: reads (tokens, attn_0_3_outputs); every other input gives 4
mlp_0_1_table = {('BOS', 'BOS'): 0, ('BOS', '('): 5, ('BOS', '{'): 11, ('(', 'BOS'): 13,
                 ('(', '('): 13, ('(', ')'): 0, ('(', '{'): 12, ('(', '}'): 0, (')', 'BOS'): 2,
                 (')', '('): 5, (')', '}'): 2, ('{', 'BOS'): 13, ('{', '('): 13, ('{', ')'): 7,
                 ('{', '{'): 13, ('{', '}'): 0, ('}', 'BOS'): 2, ('}', ')'): 2, ('}', '{'): 5}

# mlp_0_2: reads (attn_0_3_outputs, tokens); every other input gives 0
mlp_0_2_table = {('BOS', ')'): 6, ('BOS', '}'): 6, ('(', ')'): 6, ('(', '}'): 4, (')', 'BOS'): 2,
                 (')', ')'): 6, ('{', ')'): 4, ('{', '}'): 6, ('}', 'BOS'): 4, ('}', '}'): 6}

# mlp_0_3: reads (attn_0_0_outputs, attn_0_2_outputs); every other input gives 2
mlp_0_3_table = {('BOS', 'BOS'): 15, ('BOS', '('): 16, ('BOS', '{'): 16, ('(', 'BOS'): 16,
                 ('(', '('): 16, ('(', ')'): 14, ('(', '{'): 15, ('(', '}'): 4, (')', '('): 14,
                 ('{', 'BOS'): 16, ('{', '('): 16, ('{', ')'): 13, ('{', '{'): 15, ('{', '}'): 14,
                 ('}', 'BOS'): 4, ('}', '('): 4, ('}', '{'): 14, ('}', '}'): 4}


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
mlp_1_0_table = {('(', '('): 10, ('(', '{'): 10, (')', ')'): 4, (')', '}'): 4, ('{', '('): 10,
                 ('{', '{'): 15, ('}', ')'): 4, ('}', '}'): 4}

# mlp_1_1: reads (attn_0_1_outputs, attn_0_0_outputs); every other input gives 3
mlp_1_1_table = {('BOS', 'BOS'): 1, ('BOS', '{'): 11, ('(', 'BOS'): 11, ('(', '('): 11,
                 (')', '('): 1, (')', ')'): 4, (')', '}'): 9, ('{', 'BOS'): 11, ('{', '('): 11,
                 ('{', ')'): 9, ('{', '{'): 11, ('}', '}'): 4}

# mlp_1_2: reads (attn_0_1_outputs, tokens); every other input gives 1
mlp_1_2_table = {('BOS', 'BOS'): 6, ('BOS', ')'): 4, ('BOS', '{'): 7, ('BOS', '}'): 4,
                 ('(', '('): 7, ('(', ')'): 5, ('(', '{'): 10, ('(', '}'): 4, (')', 'BOS'): 2,
                 (')', '('): 6, (')', ')'): 4, (')', '{'): 6, ('{', '{'): 7, ('{', '}'): 5,
                 ('}', 'BOS'): 4, ('}', '('): 6, ('}', '{'): 6, ('}', '}'): 2}

# mlp_1_3: reads (attn_0_0_outputs, attn_0_3_outputs); every other input gives 0
mlp_1_3_table = {('BOS', ')'): 2, ('BOS', '{'): 15, ('BOS', '}'): 2, ('(', '('): 15, (')', '}'): 2,
                 ('}', ')'): 2}


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

# mlp_2_0: reads (attn_0_3_outputs, attn_0_1_outputs); every other input gives 4
mlp_2_0_table = {('BOS', 'BOS'): 13, ('BOS', ')'): 12, ('BOS', '{'): 13, ('(', 'BOS'): 13,
                 ('(', '('): 13, ('(', '{'): 13, (')', 'BOS'): 12, (')', '}'): 12, ('{', '('): 13,
                 ('{', '{'): 13, ('}', 'BOS'): 1, ('}', ')'): 12}

# mlp_2_1: reads (attn_1_0_outputs, attn_0_1_outputs); every other input gives 11
mlp_2_1_table = {(2, '{'): 13, (4, 'BOS'): 13, (4, ')'): 13, (11, '}'): 13, (12, '('): 5,
                 (12, ')'): 13, (12, '}'): 13, (13, '('): 5, (13, ')'): 13, (13, '}'): 13}


classes = ('T', 'P', 'F')
classifier_bias = (-61, 23, 24)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'tokens': {')': (36, -37, 1), '{': (-52, 34, -4), '}': (36, -31, -1)},
    'positions': {2: (97, -54, -54), 4: (46, -30, -10), 6: (39, -23, -8), 8: (40, -23, -7),
                  10: (40, -22, -10), 12: (35, -22, -7), 14: (52, -33, -14)},
    'attn_0_0_outputs': {'(': (-10, 4, 3)},
    'attn_0_1_outputs': {'(': (-38, 10, 4), ')': (-1, -3, -1), '{': (-36, 10, 3)},
    'attn_0_2_outputs': {'(': (1, 4, -2), ')': (2, -4, 1), '}': (2, -9, 5)},
    'attn_0_3_outputs': {'(': (-1, 0, 4)},
    'num_attn_0_0_outputs': {0: (-2, 2, 1), 1: (-7, -4, 6)},
    'num_attn_0_1_outputs': {0: (-4, 1, 2), 1: (-5, -4, 6)},
    'num_attn_0_2_outputs': {0: (-3, 3, 0), 1: (-7, -6, 8)},
    'num_attn_0_3_outputs': {0: (-67, -11, 36), 1: (20, -5, -2), 2: (29, 10, -21), 3: (21, 15, -47),
                             4: (31, 31, -55), 5: (24, 30, -73), 6: (36, 53, -58)},
    'mlp_0_0_outputs': {4: (-4, 4, -2), 13: (-7, 3, 4)},
    'mlp_0_1_outputs': {2: (52, -24, 9), 4: (48, -19, 7), 5: (59, -14, -5), 12: (10, -12, 10),
                        13: (6, -10, 15)},
    'mlp_0_2_outputs': {6: (-8, -8, 7)},
    'mlp_0_3_outputs': {13: (2, 0, -1), 14: (3, 1, -3), 16: (1, -5, 4)},
    'attn_1_0_outputs': {13: (-3, 2, 1)},
    'attn_1_1_outputs': {2: (-6, -10, 10), 4: (-30, -24, 30), 12: (-4, 6, -2)},
    'attn_1_3_outputs': {'(': (-1, 2, -3)},
    'num_attn_1_0_outputs': {0: (-4, 8, -4), 1: (-5, -9, 10), 2: (-16, -22, 22), 3: (-8, -27, 36),
                             4: (-41, -68, 32)},
    'num_attn_1_1_outputs': {0: (-12, 15, -8), 1: (4, -16, 13), 2: (-4, -14, 20), 3: (-15, -29, 24),
                             4: (-18, -44, 19), 5: (-37, -68, 54)},
    'num_attn_1_2_outputs': {1: (-5, -9, 11), 2: (-17, 4, -4), 3: (-39, 9, -13), 4: (-40, 14, -17),
                             5: (-46, 17, -19), 6: (-41, 24, -4)},
    'num_attn_1_3_outputs': {0: (-5, 0, 4), 1: (-8, -6, 8), 2: (-16, -13, 6), 3: (-21, -25, 13),
                             4: (-37, -27, 7), 5: (-23, -4, 35), 6: (-34, -10, 12)},
    'mlp_1_0_outputs': {10: (-25, -2, 14), 15: (-19, -6, 16), 16: (-12, -4, 8)},
    'mlp_1_1_outputs': {3: (-4, 3, -2), 4: (1, -2, 0), 9: (1, 3, -4), 11: (-1, 2, 3)},
    'mlp_1_2_outputs': {4: (10, -1, -8), 5: (46, -15, -14), 6: (24, -15, -2), 7: (-7, 12, -14),
                        10: (0, 12, -16)},
    'mlp_1_3_outputs': {2: (-4, -2, 3), 15: (-4, -1, 5)},
    'attn_2_3_outputs': {2: (-66, -129, 126), 4: (-68, -118, 118)},
    'num_attn_2_0_outputs': {0: (-4, -7, 9), 1: (-14, 6, 1), 2: (-10, 7, 4), 3: (-7, 12, -4),
                             4: (-19, 22, -16), 5: (-48, 10, -16)},
    'num_attn_2_1_outputs': {0: (25, 39, -41), 1: (-46, -61, 66), 2: (-81, -69, 83)},
    'num_attn_2_2_outputs': {0: (0, 7, -4), 1: (-9, -8, 10), 2: (-22, -17, 7), 3: (-24, -19, 6),
                             4: (-17, -41, 54)},
    'num_attn_2_3_outputs': {0: (-11, 6, 1), 1: (-5, -12, 12), 2: (-2, -21, 22), 3: (2, -24, 42),
                             4: (-22, -54, 35), 5: (-18, -62, 60)},
    'mlp_2_0_outputs': {4: (-4, 7, -5), 12: (-4, 0, 0), 13: (-5, 6, -3)},
    'mlp_2_1_outputs': {11: (2, -3, 1), 13: (2, 1, -2)},
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
    mlp_0_2_outputs = [mlp_0_2_table.get((attn_0_3_outputs[i], tokens[i]), 0) for i in range(n)]
    mlp_0_3_outputs = [mlp_0_3_table.get((attn_0_0_outputs[i], attn_0_2_outputs[i]), 2) for i in range(n)]
    attn_1_0_outputs = attend(num_attn_0_3_outputs, attn_0_2_outputs, mlp_0_1_outputs, attn_1_0_pattern, order='first')
    attn_1_1_outputs = attend(num_attn_0_3_outputs, num_attn_0_1_outputs, mlp_0_1_outputs, attn_1_1_pattern)
    attn_1_3_outputs = attend(num_attn_0_3_outputs, num_attn_0_2_outputs, attn_0_2_outputs, attn_1_3_pattern, order='first')
    num_attn_1_0_outputs = count(attn_0_1_outputs, tokens, num_attn_1_0_pattern)
    num_attn_1_1_outputs = count(mlp_0_1_outputs, num_attn_0_2_outputs, num_attn_1_1_pattern)
    num_attn_1_2_outputs = count(mlp_0_1_outputs, num_attn_0_2_outputs, num_attn_1_2_pattern)
    num_attn_1_3_outputs = count(mlp_0_3_outputs, tokens, num_attn_1_3_pattern)
    mlp_1_0_outputs = [mlp_1_0_table.get((attn_0_3_outputs[i], attn_0_0_outputs[i]), 16) for i in range(n)]
    mlp_1_1_outputs = [mlp_1_1_table.get((attn_0_1_outputs[i], attn_0_0_outputs[i]), 3) for i in range(n)]
    mlp_1_2_outputs = [mlp_1_2_table.get((attn_0_1_outputs[i], tokens[i]), 1) for i in range(n)]
    mlp_1_3_outputs = [mlp_1_3_table.get((attn_0_0_outputs[i], attn_0_3_outputs[i]), 0) for i in range(n)]
    attn_2_3_outputs = attend(num_attn_0_3_outputs, attn_0_2_outputs, attn_1_0_outputs, attn_1_0_pattern, order='first')
    num_attn_2_0_outputs = count(mlp_0_1_outputs, num_attn_1_1_outputs, num_attn_2_0_pattern)
    num_attn_2_1_outputs = count(mlp_0_2_outputs, num_attn_0_0_outputs, num_attn_2_1_pattern)
    num_attn_2_2_outputs = count(mlp_1_0_outputs, mlp_1_2_outputs, num_attn_2_2_pattern)
    num_attn_2_3_outputs = count(mlp_0_1_outputs, attn_1_0_outputs, num_attn_2_3_pattern)
    mlp_2_0_outputs = [mlp_2_0_table.get((attn_0_3_outputs[i], attn_0_1_outputs[i]), 4) for i in range(n)]
    mlp_2_1_outputs = [mlp_2_1_table.get((attn_1_0_outputs[i], attn_0_1_outputs[i]), 11) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
