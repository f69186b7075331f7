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


def count(keys, queries, pattern):
    """Numerical attention: how many key positions (BOS included) match each query."""
    n = len(keys)
    return [sum(1 for j in range(i + 1 if CAUSAL else n) if pattern(keys[j], q)) for i, q in enumerate(queries)]


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
    return key == {3: 0, 4: 'EOS', 5: 0, 6: None, 7: None}.get(query, 'BOS')

# mlp_0_0: reads (attn_0_1_outputs, attn_0_2_outputs); every other input gives 1
mlp_0_0_table = {('BOS', 1): 4, ('BOS', 2): 7, ('BOS', 3): 5, ('BOS', 'EOS'): 2, (0, 2): 5,
                 (0, 3): 5, (0, 4): 8, (0, 'EOS'): 3, (1, 'BOS'): 2, (1, 1): 4, (1, 'EOS'): 8,
                 (2, 'BOS'): 7, (2, 2): 5, (2, 3): 5, (2, 'EOS'): 0, (3, 'BOS'): 5, (3, 1): 2,
                 (3, 2): 7, (3, 3): 5, (3, 'EOS'): 4, (4, 1): 2, (4, 2): 5, (4, 3): 5,
                 (4, 'EOS'): 6, ('EOS', 0): 3, ('EOS', 1): 8, ('EOS', 2): 0, ('EOS', 3): 4,
                 ('EOS', 4): 6, ('EOS', 'EOS'): 3}

# mlp_0_1: reads (attn_0_2_outputs, attn_0_3_outputs); every other input gives 0
mlp_0_1_table = {('BOS', 'BOS'): 6, ('BOS', 0): 5, ('BOS', 1): 6, ('BOS', 2): 1, ('BOS', 4): 7,
                 ('BOS', 'EOS'): 6, (0, 'BOS'): 2, (0, 0): 5, (0, 2): 3, (0, 3): 4, (0, 4): 2,
                 (0, 'EOS'): 5, (1, 'BOS'): 8, (1, 0): 8, (1, 2): 3, (1, 3): 4, (1, 4): 2,
                 (2, 'BOS'): 4, (2, 0): 5, (2, 2): 3, (2, 3): 4, (2, 4): 7, (2, 'EOS'): 3,
                 (3, 'BOS'): 7, (3, 0): 7, (3, 2): 3, (3, 3): 4, (3, 4): 2, (3, 'EOS'): 4,
                 (4, 'BOS'): 3, (4, 0): 8, (4, 2): 3, (4, 3): 4, (4, 4): 2, (4, 'EOS'): 2,
                 ('EOS', 'BOS'): 1, ('EOS', 0): 2, ('EOS', 1): 8, ('EOS', 2): 4, ('EOS', 4): 3,
                 ('EOS', 'EOS'): 6}


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
    return key == {3: 'EOS', 5: 'EOS'}.get(query, None)


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
mlp_2_0_table = {('BOS', 1): 6, ('BOS', 2): 5, ('BOS', 3): 0, ('BOS', 'EOS'): 0, (0, 'BOS'): 0,
                 (0, 0): 0, (0, 1): 6, (0, 2): 5, (0, 3): 5, (1, 'BOS'): 6, (1, 0): 8, (1, 1): 4,
                 (1, 2): 5, (1, 4): 8, (1, 'EOS'): 8, (2, 'BOS'): 5, (2, 0): 4, (2, 1): 6,
                 (2, 3): 0, (2, 4): 3, (2, 'EOS'): 2, (3, 0): 0, (3, 2): 5, (3, 3): 6, (3, 4): 8,
                 (3, 'EOS'): 3, (4, 0): 4, (4, 2): 4, (4, 4): 5, (4, 'EOS'): 4, ('EOS', 1): 8,
                 ('EOS', 2): 2, ('EOS', 3): 3, ('EOS', 4): 4, ('EOS', 'EOS'): 6}

# mlp_2_1: reads attn_0_1_outputs; every other input gives 4
mlp_2_1_table = {0: 2, 1: 8, 2: 5, 4: 0, 'EOS': 7}


classes = (0, 1, 2, 3, 4)
classifier_bias = (-29, -1, -7, -45, -23)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'tokens': {0: (-6, 4, 3, -2, 7), 1: (5, -8, 8, 0, 6), 2: (0, 6, -8, 3, 1)},
    'positions': {1: (-2, -2, 6, 0, 0), 2: (3, 2, -2, -3, 2), 3: (-2, -3, -2, 12, -1),
                  4: (5, 4, -4, -6, 4), 5: (-6, 5, 0, 9, -15)},
    'attn_0_0_outputs': {0: (7, -9, -5, -3, 0), 1: (-4, 7, -4, -7, -5), 2: (-4, -2, 3, 0, 0),
                         3: (-1, -5, -6, 4, 1), 4: (-2, -8, -5, -2, 8), 'EOS': (2, -3, 1, 0, 2)},
    'attn_0_1_outputs': {0: (7, -6, -8, -2, -1), 1: (-3, 3, -5, -1, -2), 2: (-3, -3, 0, 5, -1),
                         3: (-7, -4, -11, 11, -6), 4: (-1, -2, -7, 1, 3),
                         'EOS': (1, -3, -1, 7, -3)},
    'attn_0_2_outputs': {0: (10, -1, -8, -8, -9), 1: (3, 8, -7, -9, -11), 2: (-5, -2, 11, -24, 1),
                         3: (-8, -9, -7, 9, -10), 4: (-3, -6, -16, -12, 15),
                         'EOS': (5, 0, 1, -5, -1)},
    'attn_0_3_outputs': {0: (8, 3, -7, -3, -20), 1: (-17, 13, -5, -8, -11),
                         2: (-11, -8, 12, -15, -4), 3: (-2, -20, 9, 7, -1), 4: (-5, 2, -23, -3, 10),
                         'EOS': (4, 9, -9, -10, 7)},
    'num_attn_0_0_outputs': {0: (4, 4, 4, -18, 4), 1: (-4, -4, -7, 11, -5), 2: (-7, -8, -9, 12, -9),
                             3: (-7, -12, -10, 12, -10), 4: (-6, -16, -9, 10, -6)},
    'num_attn_0_1_outputs': {0: (-18, 5, 4, 7, 6), 1: (8, -4, -2, -4, -4), 2: (10, -7, -5, -6, -6),
                             3: (11, -11, -6, -6, -12), 4: (10, -16, -8, -1, -12)},
    'num_attn_0_2_outputs': {0: (20, 16, 12, -32, 24), 1: (-1, -1, -1, 4, -1)},
    'num_attn_0_3_outputs': {1: (2, 0, -1, 0, -1), 2: (-4, 2, 2, 4, 1), 3: (-7, 4, 4, 5, 10)},
    'mlp_0_0_outputs': {1: (20, 26, -23, 21, 14), 2: (20, 16, -20, 26, 22), 3: (40, 5, -40, 1, 1),
                        4: (17, 13, -31, 36, 13), 5: (22, 28, -21, 13, 22), 6: (8, -7, -39, 4, 40),
                        7: (25, 34, -31, 19, 24), 8: (9, 41, -36, 4, -3)},
    'mlp_0_1_outputs': {1: (19, -10, 4, 11, 11), 2: (-16, -25, 15, 17, 25),
                        3: (1, -26, 33, 17, -20), 4: (0, -21, -11, 41, -8), 5: (20, -35, 5, 10, -6),
                        6: (4, -17, 15, 26, 5), 7: (16, -15, 18, 12, 13), 8: (22, -34, 20, 27, 18)},
    'attn_1_0_outputs': {0: (20, -29, -17, -16, -16), 1: (-24, 25, -28, -12, -32),
                         2: (-23, -25, 21, -16, -16), 3: (-22, -20, -18, 22, -21),
                         4: (-21, -24, -18, -20, 23), 'EOS': (-1, -3, 0, 7, -5)},
    'attn_1_1_outputs': {0: (5, -11, -5, -8, -3), 1: (-14, 10, -5, -6, -8),
                         2: (-17, -3, 10, 2, -14), 3: (-16, -13, -11, 19, -12),
                         4: (-11, -9, -5, -7, 11), 'EOS': (-32, 9, 12, 14, 13)},
    'attn_1_2_outputs': {0: (20, -17, -21, -13, -10), 1: (-15, 17, -20, -16, 0),
                         2: (-11, -10, 14, -17, -10), 3: (-12, -11, -13, 13, -7),
                         4: (-10, -11, -18, -12, 19)},
    'attn_1_3_outputs': {0: (1, -4, 1, 3, -5), 2: (-1, -3, 3, 1, -5), 3: (-3, -5, -4, 8, -6),
                         4: (-3, -2, -1, 3, 0)},
    'num_attn_1_0_outputs': {1: (1, -3, 3, -5, 3), 2: (1, -2, 4, -8, 5), 3: (4, -1, 9, -10, 10),
                             4: (5, 0, 11, -13, 13), 5: (6, 1, 14, -14, 19),
                             6: (11, 5, 9, -16, 17)},
    'num_attn_1_1_outputs': {0: (4, -1, -3, 0, -1), 1: (-3, 0, 2, 1, 1), 3: (1, 6, -2, -2, -8),
                             4: (-3, 13, -5, -4, -15)},
    'num_attn_1_2_outputs': {1: (5, -11, 4, 0, 6), 2: (0, -7, 4, -2, 4), 3: (2, -7, 2, -2, 7),
                             4: (8, -15, 9, 1, 14), 5: (13, -16, 8, 2, 16)},
    'num_attn_1_3_outputs': {0: (5, -22, 13, 8, 6), 1: (-3, 6, -4, -2, -3), 2: (-2, 9, -6, -7, -8),
                             3: (-3, 11, -8, -11, -7), 4: (-1, 21, -21, -28, -10),
                             5: (-11, 22, -7, -14, -9)},
    'mlp_1_0_outputs': {3: (2, 8, 5, 2, -8), 4: (2, 10, 5, 0, -10), 5: (1, 3, -1, 6, -7),
                        7: (9, -1, 0, -1, -8), 8: (-2, 6, 8, 2, -8)},
    'mlp_1_1_outputs': {1: (0, 4, -10, 7, -4), 2: (-20, 23, -18, -18, 13), 3: (1, 8, -7, 2, -6),
                        4: (-4, 3, 6, -3, -1), 5: (-12, -6, -18, 15, -10), 6: (4, -2, 1, -4, -8),
                        7: (-7, 1, 10, -7, -4), 8: (-10, -7, -6, 14, 1)},
    'attn_2_0_outputs': {0: (5, -7, -4, 3, -10), 1: (-6, 6, -8, 1, -9), 2: (-3, -8, 5, 1, -9),
                         3: (-2, -6, -8, 8, -8), 4: (0, -7, -6, 0, 5), 'EOS': (-3, -5, -7, -4, 7)},
    'attn_2_1_outputs': {0: (9, -11, 1, -11, -4), 1: (-8, 7, 1, -15, -8), 2: (-7, -13, 17, -14, -9),
                         3: (-9, -13, 0, 9, -11), 4: (-5, -10, -1, -12, 10),
                         'EOS': (-6, -25, 24, -15, -9)},
    'attn_2_2_outputs': {0: (1, 2, -5, 0, -4), 1: (-3, 6, -7, -2, -5), 2: (-6, 3, 1, -1, -7),
                         3: (-5, 1, -6, 6, -10), 4: (-5, 3, -6, -1, 1)},
    'attn_2_3_outputs': {0: (15, -16, -12, -2, -22), 1: (-20, 16, -17, -3, -19),
                         2: (-14, -22, 17, -10, -12), 3: (-14, -16, -17, 19, -12),
                         4: (-21, -11, -16, -2, 15)},
    'num_attn_2_0_outputs': {0: (4, 7, -21, 6, 4), 1: (-3, -4, 10, -5, -4),
                             2: (-3, -10, 12, -11, -4), 3: (-5, -13, 11, -14, -3),
                             4: (-6, -12, 9, -10, -2)},
    'num_attn_2_1_outputs': {2: (-3, 4, -4, 0, -3), 4: (-11, 7, -9, 1, -5),
                             5: (-11, -8, 10, 16, 10), 6: (-3, -7, 5, 13, 5)},
    'num_attn_2_3_outputs': {0: (3, 5, 3, 5, -17), 1: (-2, -3, -2, -3, 11),
                             2: (-4, -10, -5, -6, 14), 3: (-5, -12, -9, -8, 12),
                             4: (-4, -17, -5, -9, 10)},
    'mlp_2_0_outputs': {1: (8, -8, -1, -6, 6), 2: (-20, -25, 27, -29, -13),
                        3: (-30, -21, -11, 22, -19), 4: (-6, -7, -2, -12, 21),
                        5: (13, -5, 9, -19, 1), 6: (0, -6, 2, -4, 6), 8: (-20, 14, -7, -20, -9)},
    'mlp_2_1_outputs': {2: (8, -4, -1, -3, -4), 4: (0, 1, 6, 3, -4), 5: (-2, -1, 7, 4, -4),
                        7: (2, -1, 6, 6, -6), 8: (-2, 5, 2, -2, -5)},
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
    attn_1_3_outputs = attend(num_attn_0_2_outputs, num_attn_0_0_outputs, attn_0_3_outputs, attn_1_3_pattern, order='first')
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
