"""Transformer Program for 'sort', decompiled by weightsmith. Standalone: no imports.

run(tokens) -> one label per position; tokens[0] is normally 'BOS', at most 8 tokens.
Layers: 3; per layer 4 categorical heads, 4 numerical heads, 4 MLPs (3 of 36 modules unused and left out).
"""

VOCAB = ('BOS', 0, 1, 2, 3, 4, 'EOS')
MAX_LEN = 8
CAUSAL = False

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
    """query: positions, key: tokens"""
    return key == {1: 0, 2: 1, 3: 1, 5: 4, 6: 4, 7: 2}.get(query, 3)


def attn_0_1_pattern(key, query):
    """query: positions, key: tokens"""
    return key == {1: 0, 2: 0, 3: 1, 4: 2, 6: 4, 7: 2}.get(query, 3)


def attn_0_2_pattern(key, query):
    """query: positions, key: tokens"""
    return key == {1: 0, 2: 1, 3: 2, 4: 2, 6: 4, 7: 0}.get(query, 3)


def attn_0_3_pattern(key, query):
    """query: positions, key: tokens"""
    return key == {1: 0, 2: 1, 3: 1, 4: 2, 6: 4, 7: 2}.get(query, 3)


def num_attn_0_0_pattern(key, query):
    """query: positions, key: tokens"""
    return key == {0: 1, 3: 4, 4: 4, 5: 4, 6: 2}.get(query, 0)


def num_attn_0_1_pattern(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {1: 'BOS', 4: None, 5: None, 6: None, 7: 1}.get(query, 0)


def num_attn_0_2_pattern(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {0: 1, 1: 2, 2: 1, 6: None}.get(query, 0)


def num_attn_0_3_pattern(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {1: None, 2: 4, 3: 4, 4: 3, 5: 1}.get(query, 0)

# mlp_0_0: reads (positions, attn_0_0_outputs); every other input gives 2
mlp_0_0_table = {(0, 3): 4, (3, 'BOS'): 4, (3, 3): 4, (3, 'EOS'): 7, (4, 'BOS'): 4, (4, 2): 4,
                 (4, 3): 4, (4, 'EOS'): 4, (5, 'BOS'): 7, (5, 0): 7, (5, 2): 7, (5, 3): 7,
                 (5, 4): 7, (6, 2): 4, (6, 3): 4, (6, 4): 7, (6, 'EOS'): 7, (7, 4): 4}

# mlp_0_1: reads (attn_0_3_outputs, positions); every other input gives 2
mlp_0_1_table = {('BOS', 0): 5, ('BOS', 1): 7, ('BOS', 2): 8, ('BOS', 3): 4, ('BOS', 4): 0,
                 ('BOS', 5): 5, (0, 0): 7, (0, 1): 0, (0, 4): 8, (0, 5): 0, (1, 1): 7, (1, 2): 0,
                 (1, 3): 8, (1, 4): 5, (1, 5): 5, (2, 1): 7, (2, 2): 0, (2, 3): 4, (2, 4): 0,
                 (2, 5): 5, (2, 6): 0, (3, 0): 0, (3, 1): 7, (3, 2): 7, (3, 4): 4, (3, 5): 5,
                 (3, 6): 5, (4, 0): 0, (4, 1): 0, (4, 2): 8, (4, 3): 8, (4, 4): 4, (4, 5): 5,
                 (4, 6): 5, (4, 7): 4, ('EOS', 0): 5, ('EOS', 1): 7, ('EOS', 2): 8, ('EOS', 3): 0,
                 ('EOS', 4): 0, ('EOS', 5): 5, ('EOS', 6): 5}

# mlp_0_2: reads positions; every other input gives 0
mlp_0_2_table = {1: 1, 2: 3, 4: 8, 5: 7, 6: 5, 7: 2}

# mlp_0_3: reads positions; every other input gives 0
mlp_0_3_table = {1: 1, 2: 7, 5: 3, 6: 8}


def attn_1_0_pattern(key, query):
    """query: positions, key: tokens"""
    return key == {1: 0, 2: 2, 3: 2, 6: 4, 7: 0}.get(query, 'EOS')


def attn_1_1_pattern(key, query):
    """query: positions, key: num_attn_0_0_outputs"""
    return key == {1: 2, 2: 3, 3: 3, 4: 1, 7: 1}.get(query, 0)


def attn_1_2_pattern(key, query):
    """query: positions, key: tokens"""
    return key == {0: 'BOS', 1: 1, 2: 0, 6: 3, 7: 2}.get(query, 'EOS')


def attn_1_3_pattern(key, query):
    """query: positions, key: attn_0_2_outputs"""
    return key == {2: 0, 3: 2, 4: 0, 5: 4, 6: 3}.get(query, 'BOS')


def num_attn_1_0_pattern(key, query):
    """query: mlp_0_2_outputs, key: num_attn_0_2_outputs"""
    return key == {1: 1, 2: 1, 3: 2, 7: 4}.get(query, 3)


def num_attn_1_1_pattern(key, query):
    """query: mlp_0_3_outputs, key: tokens"""
    return key == 3


def num_attn_1_2_pattern(key, query):
    """query: mlp_0_3_outputs, key: tokens"""
    return key == 2


def num_attn_1_3_pattern(key, query):
    """query: positions, key: num_attn_0_3_outputs"""
    return key == {0: 3, 4: 2, 5: 3, 6: 7, 7: 2}.get(query, query - 1)

# mlp_1_0: reads positions; every other input gives 2
mlp_1_0_table = {0: 5, 1: 3, 2: 3, 6: 5}

# mlp_1_1: reads (attn_1_2_outputs, positions); every other input gives 2
mlp_1_1_table = {('BOS', 0): 5, ('BOS', 1): 5, ('BOS', 2): 4, ('BOS', 3): 4, ('BOS', 4): 4,
                 ('BOS', 5): 4, ('BOS', 6): 5, (0, 1): 3, (0, 2): 0, (0, 3): 7, (0, 4): 0,
                 (1, 0): 3, (1, 1): 3, (1, 3): 4, (1, 4): 4, (1, 5): 0, (1, 6): 7, (2, 0): 0,
                 (2, 1): 3, (2, 2): 3, (2, 4): 4, (2, 5): 4, (2, 6): 0, (3, 0): 7, (3, 1): 5,
                 (3, 2): 0, (3, 3): 4, (3, 5): 4, (3, 6): 0, (4, 0): 5, (4, 1): 5, (4, 2): 4,
                 (4, 3): 0, (4, 4): 0, (4, 5): 7, (4, 6): 7, ('EOS', 1): 5, ('EOS', 2): 0,
                 ('EOS', 3): 0, ('EOS', 4): 4, ('EOS', 6): 7}

# mlp_1_2: reads (positions, attn_0_0_outputs); every other input gives 0
mlp_1_2_table = {(0, 'BOS'): 3, (0, 0): 3, (0, 1): 1, (0, 2): 1, (0, 3): 1, (1, 'BOS'): 1,
                 (1, 0): 2, (1, 3): 1, (1, 4): 1, (1, 'EOS'): 2, (2, 'BOS'): 3, (2, 0): 3,
                 (2, 1): 3, (2, 2): 3, (2, 3): 1, (3, 0): 3, (3, 3): 1, (4, 0): 3, (5, 'BOS'): 8,
                 (5, 0): 1, (5, 1): 1, (5, 2): 8, (5, 3): 8, (5, 4): 8, (5, 'EOS'): 8,
                 (6, 'BOS'): 2, (6, 0): 1, (6, 1): 1, (6, 2): 8, (6, 3): 2, (6, 'EOS'): 1,
                 (7, 'BOS'): 2, (7, 0): 2, (7, 1): 2, (7, 2): 2, (7, 3): 2, (7, 4): 2,
                 (7, 'EOS'): 2}

# mlp_1_3: reads (positions, attn_0_1_outputs); every other input gives 0
mlp_1_3_table = {(0, 0): 2, (0, 1): 2, (1, 'BOS'): 8, (1, 0): 2, (1, 1): 8, (1, 2): 8, (1, 3): 2,
                 (1, 4): 2, (1, 'EOS'): 2, (2, 'BOS'): 7, (2, 0): 7, (2, 3): 5, (2, 4): 7,
                 (2, 'EOS'): 7, (3, 'BOS'): 5, (3, 0): 8, (3, 3): 7, (3, 4): 7, (4, 'BOS'): 3,
                 (4, 0): 7, (4, 1): 7, (4, 2): 3, (4, 4): 7, (4, 'EOS'): 1, (5, 0): 8, (5, 1): 5,
                 (6, 'BOS'): 2, (6, 0): 2, (6, 1): 2, (6, 4): 1, (6, 'EOS'): 1, (7, 'BOS'): 2,
                 (7, 0): 2, (7, 1): 2, (7, 2): 2, (7, 3): 2, (7, 4): 3, (7, 'EOS'): 2}


def attn_2_0_pattern(key, query):
    """query: num_attn_1_3_outputs, key: num_attn_1_0_outputs"""
    return key == {0: 2, 3: 1, 4: 1, 7: 1, 8: 1}.get(query, 0)


def attn_2_3_pattern(key, query):
    """query: num_attn_1_0_outputs, key: num_attn_1_1_outputs"""
    return key == {0: 2, 4: 0, 6: 0}.get(query, 1)


def num_attn_2_0_pattern(key, query):
    """query: mlp_0_2_outputs, key: tokens"""
    return key == {5: 'EOS'}.get(query, 1)


def num_attn_2_1_pattern(key, query):
    """query: attn_1_0_outputs, key: tokens"""
    return key == {'BOS': 0, 2: 0, 3: 0, 4: 0, 'EOS': 0}.get(query, query)


def num_attn_2_2_pattern(key, query):
    """query: attn_1_0_outputs, key: tokens"""
    return key == {'BOS': 1, 0: 1, 2: 1, 3: 1, 4: 1, 'EOS': 1}.get(query, query)


def num_attn_2_3_pattern(key, query):
    """query: mlp_1_0_outputs, key: mlp_1_2_outputs"""
    return key == {5: 3}.get(query, 2)

# mlp_2_0: reads (positions, attn_2_0_outputs); every other input gives 7
mlp_2_0_table = {(0, 0): 1, (1, 'BOS'): 1, (1, 0): 1, (1, 1): 1, (1, 2): 1, (2, 4): 3,
                 (4, 'BOS'): 1, (4, 3): 1, (5, 'BOS'): 3, (5, 1): 3}

# mlp_2_1: reads (positions, attn_2_3_outputs); every other input gives 6
mlp_2_1_table = {(0, 2): 2, (0, 3): 2, (0, 4): 2, (0, 'EOS'): 2, (4, 'BOS'): 2, (4, 2): 2,
                 (4, 3): 2, (4, 'EOS'): 2, (5, 2): 2, (5, 3): 2, (5, 4): 2, (5, 'EOS'): 2,
                 (6, 'BOS'): 2, (6, 1): 2, (6, 2): 2, (6, 3): 2, (6, 4): 2, (6, 'EOS'): 2,
                 (7, 'EOS'): 2}

# mlp_2_3: reads (positions, attn_1_0_outputs); every other input gives 8
mlp_2_3_table = {(0, 'BOS'): 4, (0, 0): 6, (0, 1): 6, (0, 3): 4, (0, 4): 4, (0, 'EOS'): 4,
                 (1, 'BOS'): 6, (1, 0): 6, (1, 1): 6, (1, 2): 6, (1, 3): 6, (1, 'EOS'): 6,
                 (2, 'BOS'): 3, (2, 2): 1, (3, 'BOS'): 3, (3, 0): 4, (3, 3): 3, (3, 'EOS'): 3,
                 (4, 1): 3, (5, 'BOS'): 3, (5, 0): 3, (5, 1): 3, (5, 2): 3, (5, 4): 4,
                 (5, 'EOS'): 3, (6, 1): 4, (6, 2): 4, (6, 4): 4, (7, 'BOS'): 4, (7, 0): 6,
                 (7, 1): 6, (7, 2): 1, (7, 4): 4, (7, 'EOS'): 4}


classes = (0, 1, 2, 3, 4)
classifier_bias = (-148, -52, 20, 44, 22)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'positions': {2: (8, 15, 7, -10, -15), 3: (-11, 13, 13, 2, -15), 4: (-12, -6, 4, 9, 0),
                  5: (-23, -19, 0, 11, 13)},
    'attn_0_1_outputs': {0: (27, 15, 1, -13, -21), 1: (12, 3, 3, -3, -7)},
    'attn_0_2_outputs': {2: (0, 4, 2, -1, -3)},
    'attn_0_3_outputs': {1: (3, 2, -1, -2, 0)},
    'num_attn_0_0_outputs': {0: (-1, 16, 11, -1, -20), 1: (-2, 1, 4, 0, -1),
                             2: (-3, -48, -20, 1, 30), 3: (-32, -69, -46, 3, 33),
                             4: (-6, -40, -51, 6, 51)},
    'num_attn_0_1_outputs': {0: (-25, -25, -2, 11, 15), 1: (-9, 15, 6, -2, -3),
                             2: (44, -9, -31, -48, -49), 3: (90, -76, -51, -71, -78),
                             4: (48, -35, -27, -26, -37)},
    'num_attn_0_2_outputs': {0: (-29, -31, -11, 6, 24), 2: (0, 34, 10, -17, -41),
                             3: (15, 44, -3, -53, -104), 4: (78, 22, -22, -81, -124),
                             5: (136, 3, -49, -84, -120), 6: (107, -26, 8, -50, -100)},
    'num_attn_0_3_outputs': {3: (-40, -11, 6, 14, -9), 4: (-45, -24, 6, 13, -10),
                             5: (-36, 8, -5, -10, 0)},
    'mlp_0_0_outputs': {4: (-16, -9, -4, 2, 15), 7: (-27, -14, -8, 3, 23)},
    'mlp_0_1_outputs': {2: (-2, 9, 4, 7, -13), 4: (0, 9, 3, 2, -8), 5: (-19, -8, -7, 1, 15),
                        7: (14, 18, 4, -6, -17), 8: (11, 10, 4, 0, -13)},
    'mlp_0_2_outputs': {1: (16, -5, -7, -1, -1), 5: (-19, -20, -18, 0, 33),
                        7: (-22, -18, -10, 8, 20), 8: (-5, -19, -8, 6, 17)},
    'mlp_0_3_outputs': {1: (35, 3, -1, -9, -17), 3: (-15, -9, -2, 1, 11), 7: (16, 6, 0, -7, -8),
                        8: (-7, -9, -4, 1, 8)},
    'attn_1_0_outputs': {0: (28, -17, -3, -5, 1)},
    'attn_1_1_outputs': {0: (11, 5, 3, -2, -8)},
    'attn_1_2_outputs': {2: (1, 8, 5, 1, -8)},
    'attn_1_3_outputs': {2: (3, 5, 2, 0, -2), 3: (2, 3, 1, -1, -2), 4: (-4, 3, 2, -1, -1)},
    'num_attn_1_0_outputs': {1: (11, 21, 11, -5, -15), 2: (11, 29, 8, -1, -28),
                             3: (31, 25, -12, -30, -60), 4: (39, 20, -15, -37, -64)},
    'num_attn_1_1_outputs': {0: (15, 11, -1, -56, 25), 1: (-3, -3, -1, 5, -1),
                             2: (-20, -17, 5, 28, -20), 3: (-42, -22, 9, 40, -49),
                             4: (-52, -31, 16, 57, -79), 5: (-46, -37, 16, 85, -83)},
    'num_attn_1_2_outputs': {0: (-3, -17, -82, 0, 44), 1: (0, 0, -4, 3, 0),
                             2: (14, 12, 30, -14, -64), 3: (10, 13, 57, -24, -112),
                             4: (-32, 44, 93, -31, -150), 5: (-74, 17, 132, -28, -125),
                             6: (-21, -22, 111, -19, -110)},
    'num_attn_1_3_outputs': {1: (-5, 10, 9, 0, -7), 2: (-10, 25, 17, 4, -22),
                             3: (-25, 27, 7, -10, -39), 4: (-26, 33, 6, -16, -51),
                             5: (-41, 46, 8, -15, -68), 6: (-61, 53, 11, 2, -44),
                             7: (-62, 48, 2, -41, -18)},
    'mlp_1_0_outputs': {3: (47, 23, 4, -20, -35)},
    'mlp_1_1_outputs': {2: (6, 0, -7, -6, 7), 3: (13, 5, -8, -12, 5), 4: (4, -2, -4, -3, 5),
                        5: (12, 5, 9, -11, -4), 7: (0, -5, -9, -5, 13)},
    'mlp_1_2_outputs': {1: (15, 5, 0, -4, -9), 2: (9, -17, -9, 10, 1), 3: (5, 4, -2, -6, 1),
                        8: (-14, -5, -2, 4, 5)},
    'mlp_1_3_outputs': {1: (19, -4, -14, -20, 22), 2: (38, 2, -3, -7, -6), 3: (20, 8, 0, -9, -2),
                        5: (23, 11, 2, -8, -6), 7: (21, 13, 4, -7, -8), 8: (20, 31, 5, -14, -17)},
    'num_attn_2_0_outputs': {0: (-16, -62, -11, 13, 30), 1: (-2, -4, 4, 2, -1),
                             2: (18, 23, 1, -23, -40), 3: (20, 34, -14, -64, -100),
                             4: (19, 69, -13, -78, -100), 5: (15, 104, -26, -56, -115)},
    'num_attn_2_1_outputs': {1: (55, 31, 10, -11, -33), 2: (74, 40, 10, -21, -60),
                             3: (41, 48, -3, -47, -79), 4: (100, 79, 6, -69, -141),
                             5: (152, 110, 34, -59, -181), 6: (139, 22, 1, -57, -124)},
    'num_attn_2_2_outputs': {0: (-20, -71, -11, 9, 35), 1: (-2, 0, 2, 1, 0),
                             2: (28, 28, 0, -25, -56), 3: (30, 34, -15, -56, -88),
                             4: (51, 76, 9, -58, -128), 5: (44, 100, 26, -54, -146)},
    'num_attn_2_3_outputs': {0: (-28, -16, -2, 7, 12), 1: (1, 4, 3, 0, -4),
                             2: (21, 9, -4, -17, -30), 3: (27, 6, -16, -39, -59)},
    'mlp_2_0_outputs': {3: (-10, -5, 2, 5, 4), 7: (-1, 3, 2, 2, -4)},
    'mlp_2_1_outputs': {6: (2, 3, 5, 2, -6)},
    'mlp_2_3_outputs': {3: (-1, -10, -1, 3, 6), 4: (-4, -10, -7, -6, 17), 6: (21, -8, -1, -4, -6),
                        8: (-1, -7, -2, 2, 4)},
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
    attn_0_0_outputs = attend(tokens, positions, tokens, attn_0_0_pattern)
    attn_0_1_outputs = attend(tokens, positions, tokens, attn_0_1_pattern)
    attn_0_2_outputs = attend(tokens, positions, tokens, attn_0_2_pattern)
    attn_0_3_outputs = attend(tokens, positions, tokens, attn_0_3_pattern)
    num_attn_0_0_outputs = count(tokens, positions, num_attn_0_0_pattern)
    num_attn_0_1_outputs = count(tokens, positions, num_attn_0_1_pattern)
    num_attn_0_2_outputs = count(tokens, positions, num_attn_0_2_pattern)
    num_attn_0_3_outputs = count(tokens, positions, num_attn_0_3_pattern)
    mlp_0_0_outputs = [mlp_0_0_table.get((positions[i], attn_0_0_outputs[i]), 2) for i in range(n)]
    mlp_0_1_outputs = [mlp_0_1_table.get((attn_0_3_outputs[i], positions[i]), 2) for i in range(n)]
    mlp_0_2_outputs = [mlp_0_2_table.get(positions[i], 0) for i in range(n)]
    mlp_0_3_outputs = [mlp_0_3_table.get(positions[i], 0) for i in range(n)]
    attn_1_0_outputs = attend(tokens, positions, tokens, attn_1_0_pattern)
    attn_1_1_outputs = attend(num_attn_0_0_outputs, positions, tokens, attn_1_1_pattern)
    attn_1_2_outputs = attend(tokens, positions, attn_0_3_outputs, attn_1_2_pattern)
    attn_1_3_outputs = attend(attn_0_2_outputs, positions, tokens, attn_1_3_pattern)
    num_attn_1_0_outputs = count(num_attn_0_2_outputs, mlp_0_2_outputs, num_attn_1_0_pattern)
    num_attn_1_1_outputs = count(tokens, mlp_0_3_outputs, num_attn_1_1_pattern)
    num_attn_1_2_outputs = count(tokens, mlp_0_3_outputs, num_attn_1_2_pattern)
    num_attn_1_3_outputs = count(num_attn_0_3_outputs, positions, num_attn_1_3_pattern)
    mlp_1_0_outputs = [mlp_1_0_table.get(positions[i], 2) for i in range(n)]
    mlp_1_1_outputs = [mlp_1_1_table.get((attn_1_2_outputs[i], positions[i]), 2) for i in range(n)]
    mlp_1_2_outputs = [mlp_1_2_table.get((positions[i], attn_0_0_outputs[i]), 0) for i in range(n)]
    mlp_1_3_outputs = [mlp_1_3_table.get((positions[i], attn_0_1_outputs[i]), 0) for i in range(n)]
    attn_2_0_outputs = attend(num_attn_1_0_outputs, num_attn_1_3_outputs, tokens, attn_2_0_pattern)
    attn_2_3_outputs = attend(num_attn_1_1_outputs, num_attn_1_0_outputs, tokens, attn_2_3_pattern)
    num_attn_2_0_outputs = count(tokens, mlp_0_2_outputs, num_attn_2_0_pattern)
    num_attn_2_1_outputs = count(tokens, attn_1_0_outputs, num_attn_2_1_pattern)
    num_attn_2_2_outputs = count(tokens, attn_1_0_outputs, num_attn_2_2_pattern)
    num_attn_2_3_outputs = count(mlp_1_2_outputs, mlp_1_0_outputs, num_attn_2_3_pattern)
    mlp_2_0_outputs = [mlp_2_0_table.get((positions[i], attn_2_0_outputs[i]), 7) for i in range(n)]
    mlp_2_1_outputs = [mlp_2_1_table.get((positions[i], attn_2_3_outputs[i]), 6) for i in range(n)]
    mlp_2_3_outputs = [mlp_2_3_table.get((positions[i], attn_1_0_outputs[i]), 8) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
