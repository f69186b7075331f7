"""Transformer Program for 'reverse', decompiled by weightsmith. Standalone: no imports.

run(tokens) -> one label per position; tokens[0] is normally 'BOS', at most 8 tokens.
Layers: 3; per layer 4 categorical heads, 4 numerical heads, 2 MLPs (1 of 30 modules unused and left out).
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


def count(keys, queries, pattern, where=None):
    """Numerical attention: how many key positions (BOS included) match each query (only positions j with
    where[j] true, if given)."""
    n = len(keys)
    counted = where or [True] * n
    return [sum(1 for j in range(i + 1 if CAUSAL else n) if counted[j] and pattern(keys[j], q))
            for i, q in enumerate(queries)]


def attn_0_0_pattern(key, query):
    """query: positions, key: positions"""
    return key == {0: 1, 5: 2, 6: 1, 7: 4}.get(query, query + 3)


def attn_0_1_pattern(key, query):
    """query: positions, key: positions"""
    return key == {0: 1, 1: 6, 2: 7, 3: 4, 4: 2, 6: 1}.get(query, query - 3)


def attn_0_2_pattern(key, query):
    """query: positions, key: positions"""
    return key == {0: 1, 2: 5, 4: 3, 5: 2, 6: 1, 7: 7}.get(query, query + 4)


def attn_0_3_pattern(key, query):
    """query: positions, key: positions"""
    return key == {1: 6, 3: 7, 4: 7, 6: 1, 7: 4}.get(query, query + 2)


def num_attn_0_0_pattern(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {0: 0, 3: None, 5: None, 6: 'EOS', 7: None}.get(query, 3)


def num_attn_0_1_pattern(key, query):
    """query: tokens, key: tokens"""
    return key == {'BOS': 'EOS', 1: 0, 2: 0, 3: 0, 4: 0, 'EOS': 'BOS'}.get(query, query)


def num_attn_0_2_pattern(key, query):
    """query: tokens, key: positions"""
    return key == {'BOS': 1, 2: 3, 3: 4, 4: 0, 'EOS': 6}.get(query, 2)


def num_attn_0_3_pattern(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {2: 4, 3: 0, 4: 'EOS', 5: 0, 6: None, 7: None}.get(query, 'BOS')

# mlp_0_0: reads (attn_0_1_outputs, attn_0_2_outputs); every other input gives 1
mlp_0_0_table = {('BOS', 1): 4, ('BOS', 2): 7, ('BOS', 3): 5, ('BOS', 'EOS'): 2, (0, 2): 5,
                 (0, 3): 5, (0, 4): 8, (0, 'EOS'): 3, (1, 'BOS'): 2, (1, 1): 4, (1, 'EOS'): 8,
                 (2, 'BOS'): 7, (2, 2): 5, (2, 3): 5, (2, 'EOS'): 0, (3, 'BOS'): 5, (3, 1): 2,
                 (3, 2): 7, (3, 3): 5, (3, 'EOS'): 4, (4, 1): 2, (4, 2): 5, (4, 3): 5,
                 (4, 'EOS'): 6, ('EOS', 0): 3, ('EOS', 1): 8, ('EOS', 2): 0, ('EOS', 3): 4,
                 ('EOS', 4): 6, ('EOS', 'EOS'): 3}

# mlp_0_1: reads (attn_0_2_outputs, attn_0_3_outputs); every other input gives 0
mlp_0_1_table = {('BOS', 'BOS'): 6, ('BOS', 0): 5, ('BOS', 1): 6, ('BOS', 4): 7, ('BOS', 'EOS'): 6,
                 (0, 'BOS'): 2, (0, 0): 5, (0, 2): 3, (0, 3): 4, (0, 4): 2, (0, 'EOS'): 5,
                 (1, 'BOS'): 8, (1, 0): 8, (1, 2): 3, (1, 3): 4, (1, 4): 2, (2, 'BOS'): 4,
                 (2, 0): 5, (2, 2): 3, (2, 3): 4, (2, 4): 7, (2, 'EOS'): 3, (3, 'BOS'): 7,
                 (3, 0): 7, (3, 2): 3, (3, 3): 4, (3, 4): 2, (3, 'EOS'): 4, (4, 'BOS'): 3,
                 (4, 0): 8, (4, 2): 3, (4, 3): 4, (4, 4): 2, (4, 'EOS'): 2, ('EOS', 0): 2,
                 ('EOS', 1): 8, ('EOS', 2): 4, ('EOS', 4): 3, ('EOS', 'EOS'): 6}


def attn_1_0_pattern(key, query):
    """query: positions, key: positions"""
    return key == {0: 1, 1: 6, 2: 7, 3: 7, 6: 1}.get(query, query - 4)


def attn_1_1_pattern(key, query):
    """query: positions, key: attn_0_0_outputs"""
    return key == {0: 1, 1: 'BOS', 2: 'BOS', 4: 0, 6: 1}.get(query, 'EOS')


def attn_1_2_pattern(key, query):
    """query: positions, key: attn_0_1_outputs; None: no key"""
    return key == {0: 'BOS', 1: 'EOS', 5: 'EOS', 7: 3}.get(query, None)


def attn_1_3_pattern(key, query):
    """query: num_attn_0_0_outputs, key: num_attn_0_2_outputs"""
    return key == {5: 6}.get(query, 0)


def num_attn_1_0_pattern(key, query):
    """query: positions, key: attn_0_1_outputs"""
    return key == {5: 'EOS', 6: 'EOS', 7: 'EOS'}.get(query, 3)


def num_attn_1_1_pattern(key, query):
    """query: mlp_0_0_outputs, key: tokens; None: no key"""
    return key == {0: 'BOS', 1: 'EOS', 4: 4, 6: 'EOS', 8: 3}.get(query, None)


def num_attn_1_2_pattern(key, query):
    """query: positions, key: attn_0_1_outputs"""
    return key == {6: 'BOS'}.get(query, 1)


def num_attn_1_3_pattern(key, query):
    """query: attn_0_0_outputs, key: tokens"""
    return key == {'BOS': 1, 0: 1, 1: 'EOS', 2: 'BOS', 3: 'EOS', 4: 'EOS'}.get(query, query)

# mlp_1_0: reads attn_0_0_outputs; every other input gives 4
mlp_1_0_table = {'BOS': 3, 0: 7, 2: 8, 3: 5, 4: 0}

# mlp_1_1: reads (attn_1_0_outputs, attn_0_2_outputs); every other input gives 4
mlp_1_1_table = {('BOS', 'BOS'): 0, ('BOS', 0): 6, ('BOS', 1): 7, ('BOS', 2): 8, ('BOS', 4): 1,
                 (0, 'BOS'): 6, (0, 1): 1, (0, 2): 0, (0, 3): 7, (0, 4): 3, (0, 'EOS'): 0,
                 (1, 'BOS'): 7, (1, 0): 1, (1, 2): 7, (1, 3): 3, (1, 4): 2, (1, 'EOS'): 2,
                 (2, 'BOS'): 2, (2, 0): 0, (2, 2): 1, (2, 3): 6, (2, 'EOS'): 7, (3, 0): 1,
                 (3, 1): 1, (3, 2): 8, (3, 3): 3, (3, 4): 5, (3, 'EOS'): 8, (4, 'BOS'): 1,
                 (4, 0): 0, (4, 1): 2, (4, 3): 8, (4, 4): 0, ('EOS', 'BOS'): 0, ('EOS', 0): 0,
                 ('EOS', 1): 2, ('EOS', 2): 7, ('EOS', 3): 8, ('EOS', 4): 2}


def attn_2_0_pattern(key, query):
    """query: positions, key: attn_0_2_outputs; None: no key"""
    return key == {1: 4, 2: None, 3: 'EOS', 4: 'EOS', 5: 4, 6: None}.get(query, 'BOS')


def attn_2_1_pattern(key, query):
    """query: positions, key: attn_0_1_outputs"""
    return key == {1: 'EOS', 2: 2, 5: 'EOS', 6: 4}.get(query, 'BOS')


def attn_2_2_pattern(key, query):
    """query: positions, key: num_attn_0_0_outputs"""
    return key == {0: 0, 2: 8, 3: 0, 6: 4}.get(query, 6)


def attn_2_3_pattern(key, query):
    """query: positions, key: attn_0_0_outputs; None: no key"""
    return key == {2: 'BOS', 3: 'EOS', 5: 'EOS'}.get(query, None)


def num_attn_2_0_pattern(key, query):
    """query: positions, key: tokens"""
    return key == {6: 'EOS'}.get(query, 2)


def num_attn_2_1_pattern(key, query):
    """query: mlp_1_1_outputs, key: attn_1_1_outputs; None: no key"""
    return key == {0: None, 5: None, 6: 'EOS'}.get(query, 1)


def num_attn_2_3_pattern(key, query):
    """query: attn_0_2_outputs, key: tokens"""
    return key == {'BOS': 4, 0: 4, 1: 4, 2: 4, 3: 4, 'EOS': 4}.get(query, query)

# mlp_2_0: reads (attn_0_2_outputs, attn_0_0_outputs); every other input gives 1
mlp_2_0_table = {('BOS', 1): 6, ('BOS', 2): 5, ('BOS', 3): 8, ('BOS', 'EOS'): 8, (0, 'BOS'): 8,
                 (0, 0): 8, (0, 1): 6, (0, 2): 5, (0, 3): 5, (1, 'BOS'): 6, (1, 0): 8, (1, 1): 4,
                 (1, 2): 5, (1, 4): 8, (1, 'EOS'): 8, (2, 'BOS'): 5, (2, 0): 4, (2, 1): 6,
                 (2, 3): 8, (2, 4): 3, (2, 'EOS'): 2, (3, 0): 8, (3, 2): 5, (3, 3): 6, (3, 4): 8,
                 (3, 'EOS'): 3, (4, 0): 4, (4, 2): 4, (4, 4): 5, (4, 'EOS'): 4, ('EOS', 1): 8,
                 ('EOS', 2): 2, ('EOS', 3): 3, ('EOS', 4): 4, ('EOS', 'EOS'): 6}

# mlp_2_1: reads attn_0_1_outputs; every other input gives 4
mlp_2_1_table = {0: 2, 1: 8, 2: 5, 4: 0, 'EOS': 7}


classes = (0, 1, 2, 3, 4)
classifier_bias = (-63, -18, 7, -107, -37)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'positions': {1: (-2, -3, 8, -6, 2), 4: (6, 10, -5, -15, 9), 5: (-18, -1, -4, 37, -29)},
    'attn_0_0_outputs': {0: (20, -20, -11, -7, -8), 1: (-11, 19, -11, -14, -19),
                         3: (-6, -10, -11, 10, -5), 4: (-4, -17, -11, -7, 19)},
    'attn_0_1_outputs': {0: (9, -10, -15, 4, 4), 1: (-6, 8, -14, 1, -4), 2: (-4, -7, -2, 14, 0),
                         3: (-13, -7, -25, 23, -8), 4: (-4, -3, -14, 7, 7),
                         'EOS': (3, -2, -4, 15, -6)},
    'attn_0_2_outputs': {0: (22, 2, -14, -19, -25), 1: (3, 23, -9, -24, -29),
                         2: (-13, -1, 25, -57, -1), 3: (-20, -12, -17, 19, -26),
                         4: (-4, -12, -25, -30, 30)},
    'attn_0_3_outputs': {0: (23, -4, -11, -16, -39), 1: (-27, 18, -4, -19, -10),
                         2: (-27, -21, 27, -23, -11), 3: (-7, -38, 12, 12, 0),
                         4: (-14, -6, -31, -18, 29), 'EOS': (4, -2, -1, -10, 19)},
    'num_attn_0_0_outputs': {0: (8, 12, 8, -47, 12), 1: (-9, -15, -16, 34, -15),
                             2: (-15, -20, -20, 30, -24), 3: (-17, -23, -24, 26, -25),
                             4: (-16, -29, -20, 24, -27)},
    'num_attn_0_1_outputs': {0: (-51, 15, 10, 18, 15), 1: (29, -13, -6, -11, -12),
                             2: (26, -20, -10, -13, -19), 3: (24, -21, -12, -14, -31)},
    'num_attn_0_2_outputs': {0: (27, 14, 25, -52, 38), 1: (-1, 0, -3, 6, -2)},
    'num_attn_0_3_outputs': {1: (2, -1, -3, 0, 0)},
    'mlp_0_0_outputs': {1: (52, 56, -51, 47, 25), 2: (46, 32, -43, 60, 45), 3: (99, 5, -92, 1, -9),
                        4: (25, 38, -70, 77, 24), 5: (53, 56, -45, 32, 44),
                        6: (13, -8, -88, 11, 82), 7: (51, 70, -59, 38, 45),
                        8: (25, 84, -70, 15, -8)},
    'mlp_0_1_outputs': {2: (-36, -47, 13, 27, 62), 3: (1, -41, 57, 30, -32),
                        4: (2, -41, -24, 80, -11), 5: (45, -72, 6, 12, -9),
                        6: (10, -36, 22, 53, 18), 7: (37, -25, 31, 14, 38),
                        8: (47, -66, 32, 47, 42)},
    'attn_1_0_outputs': {0: (52, -64, -46, -40, -49), 1: (-62, 59, -63, -31, -71),
                         2: (-54, -54, 50, -47, -40), 3: (-52, -47, -51, 53, -49),
                         4: (-48, -63, -48, -49, 57), 'EOS': (1, -1, -5, 13, -12)},
    'attn_1_1_outputs': {0: (-6, -2, 3, -10, 14), 3: (-14, -13, -13, 19, -14),
                         'EOS': (-44, 10, 15, 23, 18)},
    'attn_1_2_outputs': {0: (35, -33, -31, -20, -14), 1: (-29, 32, -27, -32, -13),
                         2: (-23, -29, 30, -32, -15), 3: (-24, -22, -19, 24, -13),
                         4: (-12, -26, -27, -31, 36)},
    'attn_1_3_outputs': {2: (-2, -4, 2, 2, -7), 3: (-1, -9, -9, 12, -8)},
    'num_attn_1_0_outputs': {1: (-3, 1, 1, -10, 3), 2: (-3, -2, 5, -11, 6), 4: (7, 2, 16, -25, 23)},
    'num_attn_1_1_outputs': {0: (9, -2, -4, 1, -2), 1: (-7, 1, 2, 0, 2), 3: (9, 10, -6, -6, -15),
                             4: (-7, 20, -10, -8, -19)},
    'num_attn_1_2_outputs': {1: (11, -23, 10, 0, 9), 2: (5, -21, 9, -1, 10), 3: (5, -15, 3, -3, 10),
                             4: (19, -36, 18, 7, 30), 5: (34, -38, 19, 13, 32),
                             6: (16, -23, 0, 4, 26)},
    'num_attn_1_3_outputs': {0: (18, -67, 26, 22, 18), 1: (-10, 20, -10, -6, -7),
                             2: (-17, 25, -15, -17, -19), 3: (-26, 32, -18, -26, -22),
                             4: (-4, 38, -20, -51, -32)},
    'mlp_1_0_outputs': {3: (4, 17, 11, 7, -19), 4: (7, 24, 8, 1, -23), 5: (-2, 7, 0, 17, -24),
                        7: (24, -3, 0, 0, -27), 8: (-2, 11, 18, 6, -24)},
    'mlp_1_1_outputs': {1: (5, 9, -22, 12, -1), 2: (-50, 50, -37, -38, 31),
                        4: (-17, 13, 12, -6, -5), 5: (-26, -16, -22, 36, -33),
                        6: (8, -14, 7, -5, -23), 7: (-18, 15, 16, -21, -12),
                        8: (-21, -13, -6, 25, -5)},
    'attn_2_0_outputs': {1: (-10, 10, -12, 4, -23), 2: (-5, -11, 8, 3, -18),
                         'EOS': (1, -6, -15, -5, 7)},
    'attn_2_1_outputs': {0: (29, -32, -13, -23, -20), 1: (-23, 22, -11, -29, -21),
                         2: (-21, -32, 33, -33, -21), 3: (-24, -33, -14, 31, -27),
                         4: (-25, -25, -15, -25, 33)},
    'attn_2_2_outputs': {1: (-20, 20, -17, -7, -25), 2: (-19, -5, 14, -6, -22),
                         3: (-14, -7, -16, 23, -30), 4: (-19, -1, -16, -3, 10)},
    'attn_2_3_outputs': {0: (52, -57, -44, -18, -69), 1: (-66, 56, -53, -28, -65),
                         2: (-39, -55, 46, -45, -39), 3: (-42, -45, -45, 53, -42),
                         4: (-64, -50, -48, -26, 54)},
    'num_attn_2_0_outputs': {0: (17, 19, -52, 15, 18), 1: (-13, -12, 29, -15, -14),
                             2: (-13, -21, 27, -22, -16), 3: (-14, -25, 23, -24, -14),
                             4: (-17, -23, 20, -20, -13)},
    'num_attn_2_1_outputs': {2: (0, -12, 4, 7, 3), 4: (-3, -12, 4, 13, 12), 5: (6, -27, 19, 32, 19),
                             6: (14, -28, 20, 29, 21)},
    'num_attn_2_3_outputs': {0: (11, 15, 7, 15, -51), 1: (-9, -11, -5, -9, 35),
                             2: (-17, -21, -10, -16, 33), 3: (-16, -23, -11, -17, 23)},
    'mlp_2_0_outputs': {2: (-38, -32, 43, -42, -39), 3: (-53, -29, -21, 48, -51),
                        4: (-25, 0, -7, -5, 24), 5: (10, 8, 7, -32, -2), 6: (-14, 4, -5, 6, 3),
                        8: (-8, 9, 0, 4, -15)},
    'mlp_2_1_outputs': {2: (13, -7, -1, -3, -3), 4: (2, 0, 12, 2, -9), 5: (0, -4, 12, 7, -7),
                        7: (7, 1, 10, 8, -13), 8: (-2, 11, 0, -6, -11)},
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
    attn_0_0_outputs = attend(positions, positions, tokens, attn_0_0_pattern, order='last')
    attn_0_1_outputs = attend(positions, positions, tokens, attn_0_1_pattern, order='last')
    attn_0_2_outputs = attend(positions, positions, tokens, attn_0_2_pattern, order='last')
    attn_0_3_outputs = attend(positions, positions, tokens, attn_0_3_pattern, order='last')
    num_attn_0_0_outputs = count(tokens, positions, num_attn_0_0_pattern)
    num_attn_0_1_outputs = count(tokens, tokens, num_attn_0_1_pattern)
    num_attn_0_2_outputs = count(positions, tokens, num_attn_0_2_pattern)
    num_attn_0_3_outputs = count(tokens, positions, num_attn_0_3_pattern)
    mlp_0_0_outputs = [mlp_0_0_table.get((attn_0_1_outputs[i], attn_0_2_outputs[i]), 1) for i in range(n)]
    mlp_0_1_outputs = [mlp_0_1_table.get((attn_0_2_outputs[i], attn_0_3_outputs[i]), 0) for i in range(n)]
    attn_1_0_outputs = attend(positions, positions, tokens, attn_1_0_pattern, order='last')
    attn_1_1_outputs = attend(attn_0_0_outputs, positions, tokens, attn_1_1_pattern, order='first')
    attn_1_2_outputs = attend(attn_0_1_outputs, positions, tokens, attn_1_2_pattern, order='first')
    attn_1_3_outputs = attend(num_attn_0_2_outputs, num_attn_0_0_outputs, attn_0_3_outputs, attn_1_3_pattern,
                              order='first')
    num_attn_1_0_outputs = count(attn_0_1_outputs, positions, num_attn_1_0_pattern)
    num_attn_1_1_outputs = count(tokens, mlp_0_0_outputs, num_attn_1_1_pattern)
    num_attn_1_2_outputs = count(attn_0_1_outputs, positions, num_attn_1_2_pattern)
    num_attn_1_3_outputs = count(tokens, attn_0_0_outputs, num_attn_1_3_pattern)
    mlp_1_0_outputs = [mlp_1_0_table.get(attn_0_0_outputs[i], 4) for i in range(n)]
    mlp_1_1_outputs = [mlp_1_1_table.get((attn_1_0_outputs[i], attn_0_2_outputs[i]), 4) for i in range(n)]
    attn_2_0_outputs = attend(attn_0_2_outputs, positions, tokens, attn_2_0_pattern, order='first')
    attn_2_1_outputs = attend(attn_0_1_outputs, positions, tokens, attn_2_1_pattern, order='first')
    attn_2_2_outputs = attend(num_attn_0_0_outputs, positions, attn_1_1_outputs, attn_2_2_pattern, order='last')
    attn_2_3_outputs = attend(attn_0_0_outputs, positions, tokens, attn_2_3_pattern, order='first')
    num_attn_2_0_outputs = count(tokens, positions, num_attn_2_0_pattern)
    num_attn_2_1_outputs = count(attn_1_1_outputs, mlp_1_1_outputs, num_attn_2_1_pattern)
    num_attn_2_3_outputs = count(tokens, attn_0_2_outputs, num_attn_2_3_pattern)
    mlp_2_0_outputs = [mlp_2_0_table.get((attn_0_2_outputs[i], attn_0_0_outputs[i]), 1) for i in range(n)]
    mlp_2_1_outputs = [mlp_2_1_table.get(attn_0_1_outputs[i], 4) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
