"""Transformer Program for 'reverse', decompiled by weightsmith. Standalone: no imports.

run(tokens) -> one label per position; tokens[0] is normally 'BOS', at most 8 tokens.
Layers: 3; per layer 4 categorical heads, 4 numerical heads, 2 MLPs (4 of 30 modules unused and left out).
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
    return key == {0: 1, 1: 5, 2: 5, 3: 7, 5: 2, 6: 1}.get(query, query - 1)


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


def num_attn_1_2_pattern(key, query):
    """query: positions, key: attn_0_1_outputs"""
    return key == {6: 'BOS'}.get(query, 1)


def num_attn_1_3_pattern(key, query):
    """query: attn_0_0_outputs, key: tokens"""
    return key == {'BOS': 1, 0: 1, 1: 'EOS', 2: 'BOS', 3: 'EOS', 4: 'EOS'}.get(query, query)

# mlp_1_1: reads (attn_1_0_outputs, attn_0_2_outputs); every other input gives 4
mlp_1_1_table = {('BOS', 'BOS'): 0, ('BOS', 0): 6, ('BOS', 1): 7, ('BOS', 2): 8, ('BOS', 4): 1,
                 (0, 'BOS'): 6, (0, 1): 1, (0, 2): 0, (0, 3): 7, (0, 4): 3, (0, 'EOS'): 0,
                 (1, 'BOS'): 7, (1, 0): 1, (1, 2): 7, (1, 3): 3, (1, 4): 2, (1, 'EOS'): 2,
                 (2, 'BOS'): 2, (2, 0): 0, (2, 2): 1, (2, 3): 6, (2, 'EOS'): 7, (3, 0): 1,
                 (3, 1): 1, (3, 2): 8, (3, 3): 3, (3, 4): 0, (3, 'EOS'): 8, (4, 'BOS'): 1,
                 (4, 0): 0, (4, 1): 2, (4, 3): 8, (4, 4): 0, ('EOS', 'BOS'): 0, ('EOS', 0): 0,
                 ('EOS', 1): 2, ('EOS', 2): 7, ('EOS', 3): 8, ('EOS', 4): 2}


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
    return key == {0: None, 6: 'EOS'}.get(query, 1)


def num_attn_2_3_pattern(key, query):
    """query: attn_0_2_outputs, key: tokens"""
    return key == {'BOS': 4, 0: 4, 1: 4, 2: 4, 3: 4, 'EOS': 4}.get(query, query)

# mlp_2_0: reads (attn_0_2_outputs, attn_0_0_outputs); every other input gives 1
mlp_2_0_table = {('BOS', 'BOS'): 6, ('BOS', 1): 6, ('BOS', 2): 5, ('BOS', 3): 0, ('BOS', 'EOS'): 0,
                 (0, 'BOS'): 0, (0, 0): 0, (0, 1): 6, (0, 2): 5, (0, 3): 5, (1, 'BOS'): 6,
                 (1, 0): 8, (1, 1): 4, (1, 2): 5, (1, 4): 8, (1, 'EOS'): 8, (2, 'BOS'): 5,
                 (2, 0): 4, (2, 1): 6, (2, 3): 0, (2, 4): 3, (2, 'EOS'): 2, (3, 0): 0, (3, 2): 5,
                 (3, 3): 6, (3, 4): 8, (3, 'EOS'): 3, (4, 0): 4, (4, 2): 4, (4, 4): 5,
                 (4, 'EOS'): 4, ('EOS', 1): 8, ('EOS', 2): 2, ('EOS', 3): 3, ('EOS', 4): 4,
                 ('EOS', 'EOS'): 6}

# mlp_2_1: reads attn_0_1_outputs; every other input gives 4
mlp_2_1_table = {0: 2, 2: 5, 'EOS': 7}


classes = (0, 1, 2, 3, 4)
classifier_bias = (-314, -34, 48, -543, -466)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'tokens': {0: (-51, 28, 17, -13, 56), 1: (49, -59, 42, 2, 40), 4: (54, 35, 6, -4, -57)},
    'positions': {2: (44, 10, -17, -53, -34), 3: (-5, -24, -43, 112, -25), 4: (6, 38, -12, -34, 13),
                  5: (-50, -13, 39, 116, -96)},
    'attn_0_0_outputs': {0: (68, -44, -35, -34, -25), 1: (-59, 106, -66, -77, -117),
                         3: (-15, -23, -9, 46, -39), 4: (-31, -51, -31, -52, 57)},
    'attn_0_1_outputs': {0: (38, -24, -29, -2, 3), 1: (-27, 50, -36, -13, -34),
                         3: (-30, -4, -41, 63, -16), 4: (-10, 3, -27, -1, 19),
                         'EOS': (-19, -5, -37, 75, -49)},
    'attn_0_2_outputs': {0: (113, 0, -43, -37, -85), 1: (12, 80, -35, -83, -39),
                         2: (-12, 25, 91, -166, 15), 3: (-17, -48, -28, 84, -34),
                         4: (11, -20, -128, -63, 134), 'EOS': (26, 28, -18, -21, -3)},
    'attn_0_3_outputs': {0: (111, -13, -55, -30, -188), 1: (-90, 103, -46, -22, -34),
                         2: (-95, -56, 130, -58, -74), 3: (-55, -165, 5, 132, -13),
                         4: (-75, -14, -174, -55, 138), 'EOS': (-28, 3, -9, -5, 50)},
    'num_attn_0_0_outputs': {0: (15, 19, 22, -188, 19), 1: (-20, -30, -30, 62, -33),
                             2: (-16, -35, -38, 59, -41), 3: (-17, -32, -48, 55, -26)},
    'num_attn_0_1_outputs': {0: (-374, 24, -1, 15, 19), 1: (25, -9, 9, -10, -7),
                             2: (41, -37, -17, -33, -20), 3: (55, -55, -29, -42, -60),
                             4: (43, -72, -61, -18, -66)},
    'num_attn_0_2_outputs': {0: (169, 76, 102, -148, 154), 1: (-8, -6, -11, 44, -11)},
    'num_attn_0_3_outputs': {3: (-82, -3, 24, 13, 57), 4: (-66, 32, 50, 21, 84)},
    'mlp_0_0_outputs': {1: (274, 318, -439, 372, 56), 2: (288, 256, -423, 403, 86),
                        3: (640, 121, -598, -11, -30), 4: (250, 297, -471, 447, 62),
                        5: (294, 330, -443, 344, 66), 6: (65, -62, -508, 139, 502),
                        7: (310, 380, -491, 363, 86), 8: (272, 393, -439, 294, 11)},
    'mlp_0_1_outputs': {1: (103, -155, 9, 131, 92), 2: (-75, -197, 71, 161, 243),
                        3: (29, -189, 242, 179, -87), 4: (45, -161, -58, 357, 19),
                        5: (243, -361, -50, 29, -141), 6: (70, -189, 67, 188, 71),
                        7: (80, -136, 83, 98, 100), 8: (129, -286, 94, 204, 97)},
    'attn_1_0_outputs': {0: (238, -201, -131, -140, -140), 1: (-163, 247, -152, -76, -216),
                         2: (-147, -172, 213, -127, -114), 3: (-209, -158, -125, 234, -166),
                         4: (-173, -244, -90, -145, 254), 'EOS': (-80, 9, -95, 122, -172)},
    'attn_1_1_outputs': {1: (-40, 21, -22, -28, -30), 2: (-59, 18, 6, 56, -72),
                         3: (-48, -53, -49, 91, -38), 'EOS': (-136, 28, 55, 72, 78)},
    'attn_1_2_outputs': {0: (155, -96, -125, -105, -74), 1: (-110, 160, -165, -113, -29),
                         2: (-99, -81, 114, -108, -53), 3: (-85, -108, -113, 142, -111),
                         4: (-98, -152, -134, -89, 159)},
    'attn_1_3_outputs': {1: (-10, 18, -14, 1, -23), 2: (-7, -6, 30, -1, -33),
                         3: (-19, -19, -38, 80, -58)},
    'num_attn_1_0_outputs': {1: (12, -6, 8, -25, 14), 2: (6, -5, 23, -37, 24),
                             3: (8, -22, 37, -66, 34), 4: (25, -49, 38, -129, 59),
                             5: (25, -58, 62, -103, 52), 6: (97, -30, 95, -156, 124)},
    'num_attn_1_2_outputs': {1: (57, -88, 59, 14, 64), 2: (23, -69, 44, -2, 41),
                             3: (13, -67, 26, -1, 49), 4: (41, -145, 72, -26, 117),
                             5: (61, -175, 61, 3, 122)},
    'num_attn_1_3_outputs': {0: (9, -246, 41, 16, 13), 1: (-9, 43, -29, -18, -11),
                             2: (-9, 68, -38, -40, -42), 3: (-47, 68, -75, -67, -91),
                             4: (37, 130, -127, -125, -45)},
    'mlp_1_1_outputs': {1: (20, 36, -75, 18, -8), 2: (-197, 134, -305, -403, 29),
                        4: (-12, 29, 24, -23, 10), 6: (22, -1, -9, -15, -50),
                        7: (-16, 28, 3, -13, 1), 8: (-12, -39, -36, 52, 26)},
    'attn_2_1_outputs': {0: (72, -69, -5, -75, -44), 1: (-45, 64, -26, -79, -74),
                         2: (-49, -91, 111, -80, -57), 3: (-68, -84, -12, 82, -58),
                         4: (-52, -96, -36, -66, 91)},
    'attn_2_2_outputs': {0: (47, -13, -33, -2, -62), 1: (-33, 57, -41, -8, -41),
                         3: (-44, -5, -46, 68, -78), 4: (-47, -6, -32, 4, 43),
                         'EOS': (26, -62, 34, 24, 32)},
    'attn_2_3_outputs': {0: (173, -114, -107, -35, -178), 1: (-157, 194, -168, -56, -186),
                         2: (-109, -169, 161, -126, -92), 3: (-135, -129, -138, 169, -95),
                         4: (-184, -153, -158, -51, 190)},
    'num_attn_2_0_outputs': {1: (-25, -39, 327, -38, -23), 2: (-24, -76, 332, -75, -21),
                             3: (-40, -115, 310, -110, -18), 4: (-34, -101, 338, -83, 10),
                             5: (-31, -143, 297, -89, 23)},
    'num_attn_2_1_outputs': {2: (-12, -12, 18, 15, 0), 3: (-33, -16, -18, 19, -12),
                             4: (-68, -28, -25, 1, -6), 5: (-39, -51, 76, 58, 89),
                             6: (8, -95, 60, 9, 31)},
    'num_attn_2_3_outputs': {1: (-17, -40, 1, -26, 339), 2: (-23, -69, -7, -39, 363),
                             3: (-21, -80, -19, -45, 358), 4: (-21, -55, -13, -76, 338),
                             5: (-22, -62, 30, -64, 343)},
    'mlp_2_0_outputs': {1: (53, -37, -20, -24, 36), 2: (-96, -134, 145, -126, -102),
                        3: (-168, -76, -78, 152, -126), 4: (-34, -66, -19, -45, 109),
                        5: (72, -17, 35, -86, 20), 6: (18, -36, 2, -20, 35),
                        8: (-65, 64, -13, -99, -70)},
    'mlp_2_1_outputs': {4: (-30, 9, 14, 21, 0), 5: (-17, -11, 28, 22, -6),
                        7: (-39, -6, 4, 91, -53)},
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
    num_attn_1_2_outputs = count(attn_0_1_outputs, positions, num_attn_1_2_pattern)
    num_attn_1_3_outputs = count(tokens, attn_0_0_outputs, num_attn_1_3_pattern)
    mlp_1_1_outputs = [mlp_1_1_table.get((attn_1_0_outputs[i], attn_0_2_outputs[i]), 4) for i in range(n)]
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
