"""Transformer Program for 'reverse', decompiled by weightsmith. Standalone: no imports.

run(tokens) -> one label per position; tokens[0] is normally 'BOS', at most 8 tokens.
Layers: 3; per layer 4 categorical heads, 4 numerical heads, 2 MLPs (0 of 30 modules unused and left out).
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


def num_attn_2_2_pattern(key, query):
    """query: num_attn_1_2_outputs, key: num_attn_0_3_outputs"""
    return key == {0: 5, 1: 7, 3: 7, 4: 6, 7: 0}.get(query, 8)


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
classifier_bias = (-402, -52, -129, -589, -347)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'tokens': {0: (-74, 41, 47, -23, 96), 1: (71, -107, 111, 1, 66), 2: (11, 95, -116, 48, 26),
               4: (43, 36, 33, -13, -89)},
    'positions': {1: (-33, -25, 82, -1, -3), 3: (-19, -43, -53, 163, -10),
                  4: (56, 73, -65, -97, 54), 5: (-105, 62, 39, 128, -238)},
    'attn_0_0_outputs': {0: (96, -113, -72, -51, 9), 1: (-74, 111, -79, -98, -95),
                         2: (-47, -10, 28, -7, -10), 3: (-12, -66, -78, 42, 16),
                         4: (-29, -109, -78, -29, 117), 'EOS': (29, -37, 19, -12, 24)},
    'attn_0_1_outputs': {0: (88, -69, -131, -26, 1), 1: (-61, 49, -75, -16, -23),
                         2: (-44, -36, -14, 70, -2), 3: (-108, -50, -182, 152, -63),
                         4: (-21, -9, -107, 21, 41), 'EOS': (15, -47, -27, 115, -43)},
    'attn_0_2_outputs': {0: (123, 17, -131, -87, -121), 1: (31, 125, -115, -125, -161),
                         2: (-93, -23, 162, -333, 12), 3: (-114, -125, -104, 138, -149),
                         4: (-40, -65, -252, -168, 211), 'EOS': (84, 13, 0, -74, -13)},
    'attn_0_3_outputs': {0: (124, 79, -138, -42, -324), 1: (-239, 210, -101, -109, -192),
                         2: (-172, -73, 141, -183, -74), 3: (-27, -277, 132, 92, -17),
                         4: (-77, 69, -380, -38, 149), 'EOS': (59, 168, -154, -160, 87)},
    'num_attn_0_0_outputs': {0: (55, 48, 48, -251, 58), 1: (-67, -49, -93, 152, -64),
                             2: (-105, -103, -125, 165, -112), 3: (-113, -162, -136, 167, -133),
                             4: (-93, -236, -146, 155, -68)},
    'num_attn_0_1_outputs': {0: (-245, 67, 50, 90, 79), 1: (110, -46, -26, -55, -51),
                             2: (132, -106, -56, -84, -62), 3: (154, -163, -65, -99, -162),
                             4: (147, -254, -99, -30, -161)},
    'num_attn_0_2_outputs': {0: (303, 262, 158, -467, 342), 1: (-14, -12, -16, 61, -19)},
    'num_attn_0_3_outputs': {2: (-52, 33, 24, 53, 8), 3: (-93, 48, 51, 61, 140),
                             4: (-118, 92, 126, 55, 166)},
    'mlp_0_0_outputs': {1: (266, 415, -326, 282, 180), 2: (289, 260, -307, 358, 290),
                        3: (558, 102, -577, -4, 51), 4: (240, 223, -431, 474, 207),
                        5: (305, 449, -324, 178, 297), 6: (113, -98, -554, 61, 557),
                        7: (365, 515, -457, 254, 321), 8: (135, 613, -516, 36, -21)},
    'mlp_0_1_outputs': {1: (279, -131, 78, 125, 171), 2: (-217, -389, 255, 243, 374),
                        3: (31, -388, 520, 226, -288), 4: (27, -299, -162, 583, -97),
                        5: (299, -559, 122, 160, -77), 6: (80, -258, 245, 358, 75),
                        7: (268, -224, 282, 146, 193), 8: (333, -508, 317, 390, 283)},
    'attn_1_0_outputs': {0: (289, -467, -210, -208, -234), 1: (-348, 361, -410, -152, -500),
                         2: (-339, -378, 319, -235, -224), 3: (-320, -293, -235, 318, -313),
                         4: (-300, -378, -250, -301, 324), 'EOS': (-9, -43, -6, 104, -90)},
    'attn_1_1_outputs': {0: (46, -136, -92, -94, -8), 1: (-203, 141, -81, -81, -103),
                         2: (-240, -16, 119, 26, -171), 3: (-229, -180, -153, 271, -145),
                         4: (-146, -108, -85, -87, 159), 'EOS': (-422, 109, 165, 206, 181)},
    'attn_1_2_outputs': {0: (306, -247, -316, -193, -143), 1: (-191, 243, -310, -257, 11),
                         2: (-157, -141, 188, -242, -136), 3: (-148, -154, -172, 169, -88),
                         4: (-135, -206, -271, -174, 286)},
    'attn_1_3_outputs': {0: (30, -80, 12, 52, -89), 1: (-43, 18, -19, 48, -108),
                         2: (-26, -51, 58, 10, -91), 3: (-63, -84, -49, 136, -111),
                         4: (-51, -41, -13, 47, 12)},
    'num_attn_1_0_outputs': {1: (36, -65, 40, -69, 47), 2: (35, -37, 78, -121, 70),
                             3: (82, -42, 145, -150, 152), 4: (96, -19, 188, -197, 194),
                             5: (123, -9, 229, -220, 308), 6: (175, 58, 169, -232, 236),
                             7: (-15, 11, 253, -126, 58)},
    'num_attn_1_1_outputs': {0: (48, 1, -34, -2, -14), 3: (21, 72, -17, -44, -102),
                             4: (-34, 165, -51, -66, -189)},
    'num_attn_1_2_outputs': {1: (86, -152, 59, -1, 108), 2: (24, -108, 63, -31, 80),
                             3: (57, -124, 51, -21, 142), 4: (147, -241, 160, 24, 236),
                             5: (208, -248, 158, 36, 279)},
    'num_attn_1_3_outputs': {0: (55, -292, 186, 100, 79), 1: (-33, 86, -62, -25, -31),
                             2: (-22, 115, -89, -93, -100), 3: (-16, 129, -138, -124, -76),
                             4: (52, 293, -399, -368, -105)},
    'mlp_1_0_outputs': {3: (29, 109, 78, 29, -117), 4: (28, 143, 71, -7, -143),
                        5: (17, 43, 0, 71, -101), 7: (125, -4, 6, -22, -108),
                        8: (-18, 99, 106, 22, -127)},
    'mlp_1_1_outputs': {1: (0, 72, -168, 92, -24), 2: (-262, 326, -294, -241, 184),
                        3: (5, 98, -87, 16, -53), 4: (-66, 32, 89, -29, -9),
                        5: (-129, -54, -304, 192, -118), 6: (90, -52, -12, -65, -113),
                        7: (-82, 7, 130, -95, -57), 8: (-126, -111, -97, 183, 35)},
    'attn_2_0_outputs': {0: (56, -89, -42, 61, -134), 1: (-90, 85, -109, 16, -143),
                         2: (-42, -112, 82, 20, -145), 3: (-32, -80, -104, 102, -109),
                         4: (-17, -76, -85, 16, 50), 'EOS': (-39, -44, -82, -53, 68)},
    'attn_2_1_outputs': {0: (104, -159, 50, -166, -20), 1: (-104, 93, 60, -225, -110),
                         2: (-99, -181, 260, -199, -118), 3: (-114, -167, 32, 110, -148),
                         4: (-52, -149, 17, -164, 136), 'EOS': (-86, -372, 361, -191, -137)},
    'attn_2_2_outputs': {0: (-12, 48, -54, -2, -24), 1: (-32, 74, -85, -31, -47),
                         2: (-87, 71, 3, -23, -93), 3: (-65, 37, -79, 59, -127),
                         4: (-37, 58, -68, -24, -10)},
    'attn_2_3_outputs': {0: (213, -206, -180, -17, -341), 1: (-309, 247, -270, -19, -294),
                         2: (-178, -330, 241, -143, -182), 3: (-190, -215, -250, 261, -144),
                         4: (-303, -172, -247, -7, 214)},
    'num_attn_2_0_outputs': {0: (50, 101, -281, 79, 43), 1: (-42, -51, 133, -61, -48),
                             2: (-39, -152, 163, -134, -46), 3: (-54, -218, 161, -197, -32),
                             4: (-74, -249, 140, -141, -22)},
    'num_attn_2_1_outputs': {2: (-46, 61, -47, -10, -37), 3: (-105, 57, -39, 7, -26),
                             4: (-146, 107, -127, 5, -80), 5: (-190, -100, 167, 205, 121),
                             6: (-98, -98, 130, 184, 67)},
    'num_attn_2_2_outputs': {0: (3, 4, -5, -1, 8)},
    'num_attn_2_3_outputs': {0: (34, 78, 34, 69, -242), 1: (-34, -38, -17, -45, 141),
                             2: (-31, -163, -59, -76, 199), 3: (-50, -202, -120, -113, 179),
                             4: (-35, -302, -64, -128, 159)},
    'mlp_2_0_outputs': {1: (101, -131, -3, -64, 109), 2: (-305, -385, 393, -379, -131),
                        3: (-449, -286, -125, 310, -252), 4: (-79, -110, -12, -137, 280),
                        5: (169, -85, 165, -265, 26), 6: (-18, -63, 45, -64, 97),
                        8: (-297, 154, -42, -265, -69)},
    'mlp_2_1_outputs': {2: (109, -60, -24, -47, -40), 4: (5, -7, 87, 34, -54),
                        5: (-23, -27, 93, 49, -43), 7: (36, -38, 80, 94, -84),
                        8: (-40, 58, 32, -37, -64)},
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
    num_attn_2_2_outputs = count(num_attn_0_3_outputs, num_attn_1_2_outputs, num_attn_2_2_pattern)
    num_attn_2_3_outputs = count(tokens, attn_0_2_outputs, num_attn_2_3_pattern)
    mlp_2_0_outputs = [mlp_2_0_table.get((attn_0_2_outputs[i], attn_0_0_outputs[i]), 1) for i in range(n)]
    mlp_2_1_outputs = [mlp_2_1_table.get(attn_0_1_outputs[i], 4) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
