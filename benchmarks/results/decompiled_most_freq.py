"""Transformer Program for 'most_freq', decompiled by weightsmith. Standalone: no imports.

run(tokens) -> one label per position; tokens[0] is normally 'BOS', at most 8 tokens.
Layers: 3; per layer 4 categorical heads, 4 numerical heads, 4 MLPs (6 of 36 modules unused and left out).
"""

VOCAB = ('BOS', 0, 1, 2, 3, 4, 5)
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
    """query: positions, key: positions; None: no key"""
    return key == {1: None, 2: 1, 3: 2, 5: 6, 6: 7, 7: 4}.get(query, 5)


def attn_0_1_pattern(key, query):
    """query: positions, key: positions"""
    return key == {0: 5, 4: 6, 5: 7, 7: 5}.get(query, query + 1)


def attn_0_2_pattern(key, query):
    """query: positions, key: positions"""
    return key == {1: 4, 2: 1, 5: 7, 6: 7}.get(query, query - 4)


def attn_0_3_pattern(key, query):
    """query: positions, key: positions; None: no key"""
    return key == {0: 5, 1: 1, 5: 7, 6: 7, 7: 6}.get(query, None)


def num_attn_0_0_pattern(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {0: 0, 1: 4, 6: 5, 7: None}.get(query, 1)


def num_attn_0_1_pattern(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {0: 0, 1: 0, 2: 'BOS', 6: None, 7: None}.get(query, 4)


def num_attn_0_2_pattern(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {0: 0, 1: 'BOS', 6: None, 7: 0}.get(query, 2)


def num_attn_0_3_pattern(key, query):
    """query: positions, key: tokens; None: no key"""
    return key == {0: 0, 1: 'BOS', 7: None}.get(query, 3)

# mlp_0_0: reads (attn_0_1_outputs, positions); every other input gives 3
mlp_0_0_table = {('BOS', 0): 4, ('BOS', 1): 1, ('BOS', 6): 1, ('BOS', 7): 4, (0, 0): 4, (0, 1): 4,
                 (0, 4): 5, (0, 5): 4, (0, 6): 4, (0, 7): 1, (1, 0): 1, (1, 1): 6, (1, 2): 5,
                 (1, 3): 5, (1, 6): 4, (1, 7): 4, (2, 0): 1, (2, 1): 1, (2, 5): 5, (2, 6): 5,
                 (2, 7): 4, (3, 0): 8, (3, 1): 8, (3, 2): 4, (3, 3): 5, (3, 5): 5, (3, 6): 8,
                 (3, 7): 4, (4, 0): 5, (4, 1): 6, (4, 2): 4, (4, 6): 6, (4, 7): 5, (5, 0): 4,
                 (5, 1): 4, (5, 4): 5, (5, 5): 4, (5, 6): 5, (5, 7): 6}

# mlp_0_1: reads (tokens, attn_0_1_outputs); every other input gives 7
mlp_0_1_table = {('BOS', 1): 6, ('BOS', 2): 6, ('BOS', 3): 5, ('BOS', 4): 4, ('BOS', 5): 8,
                 (0, 0): 4, (0, 3): 4, (1, 1): 5, (1, 2): 3, (1, 3): 4, (1, 5): 3, (2, 'BOS'): 3,
                 (2, 0): 3, (2, 2): 1, (2, 3): 4, (3, 'BOS'): 4, (3, 0): 1, (3, 1): 4, (3, 2): 4,
                 (3, 4): 4, (3, 5): 4, (4, 3): 1, (4, 4): 8, (5, 'BOS'): 6, (5, 0): 6, (5, 1): 6,
                 (5, 2): 6, (5, 3): 6, (5, 4): 6, (5, 5): 4}

# mlp_0_2: reads (attn_0_1_outputs, attn_0_0_outputs); every other input gives 7
mlp_0_2_table = {('BOS', 0): 8, ('BOS', 1): 8, ('BOS', 3): 8, ('BOS', 5): 8, (0, 0): 4, (0, 3): 8,
                 (0, 5): 5, (1, 'BOS'): 8, (1, 0): 5, (1, 2): 8, (1, 3): 8, (1, 5): 8,
                 (2, 'BOS'): 8, (2, 0): 8, (2, 1): 8, (2, 3): 8, (2, 5): 8, (3, 1): 8, (3, 3): 3,
                 (3, 5): 8, (4, 5): 5, (5, 'BOS'): 8, (5, 0): 8, (5, 1): 8, (5, 2): 8, (5, 3): 8,
                 (5, 4): 5}


def attn_1_0_pattern(key, query):
    """query: positions, key: positions"""
    return key == {1: 1, 2: 2, 6: 6, 7: 5}.get(query, query + 7)


def attn_1_1_pattern(key, query):
    """query: positions, key: num_attn_0_0_outputs"""
    return key == {1: 0, 2: 2, 6: 7, 7: 7}.get(query, 8)


def attn_1_2_pattern(key, query):
    """query: positions, key: positions; None: no key"""
    return key == {1: 1, 3: None, 4: None, 5: 6}.get(query, 7)


def attn_1_3_pattern(key, query):
    """query: positions, key: num_attn_0_2_outputs"""
    return key == {0: 5, 1: 1, 2: 2, 6: 7, 7: 2}.get(query, 8)


def num_attn_1_0_pattern(key, query):
    """query: attn_0_0_outputs, key: tokens; None: no key"""
    return key == {2: None}.get(query, 2)


def num_attn_1_1_pattern(key, query):
    """query: attn_0_2_outputs, key: tokens; None: no key"""
    return key == {'BOS': 5, 0: 'BOS', 3: 'BOS', 5: 5}.get(query, None)


def num_attn_1_2_pattern(key, query):
    """query: attn_0_0_outputs, key: tokens; None: no key"""
    return key == {1: None}.get(query, 1)


def num_attn_1_3_pattern(key, query):
    """query: positions, key: tokens"""
    return key == {1: 5, 2: 'BOS', 6: 'BOS'}.get(query, 4)

# mlp_1_0: reads (tokens, attn_0_0_outputs); every other input gives 8
mlp_1_0_table = {('BOS', 'BOS'): 7, ('BOS', 0): 7, ('BOS', 1): 6, ('BOS', 2): 7, ('BOS', 3): 7,
                 ('BOS', 5): 7, (0, 'BOS'): 7, (0, 0): 6, (0, 1): 2, (0, 3): 7, (0, 4): 7,
                 (0, 5): 7, (1, 'BOS'): 7, (1, 1): 7, (1, 2): 4, (1, 5): 1, (2, 1): 4, (2, 2): 1,
                 (3, 1): 2, (4, 0): 1, (4, 1): 4, (4, 4): 2, (4, 5): 1, (5, 'BOS'): 7, (5, 0): 7,
                 (5, 4): 7, (5, 5): 3}

# mlp_1_1: reads (tokens, attn_0_1_outputs); every other input gives 7
mlp_1_1_table = {('BOS', 1): 0, ('BOS', 2): 0, ('BOS', 3): 6, ('BOS', 4): 6, (0, 0): 3, (0, 2): 0,
                 (0, 3): 0, (0, 4): 0, (1, 1): 0, (1, 2): 0, (1, 3): 6, (1, 4): 0, (2, 'BOS'): 0,
                 (2, 0): 0, (2, 1): 6, (2, 2): 4, (2, 3): 6, (2, 4): 6, (2, 5): 6, (3, 2): 6,
                 (3, 3): 5, (3, 4): 6, (3, 5): 6, (4, 'BOS'): 6, (4, 2): 6, (4, 3): 6, (4, 4): 3,
                 (5, 'BOS'): 6, (5, 1): 6, (5, 2): 6, (5, 3): 0, (5, 4): 0, (5, 5): 0}


def attn_2_0_pattern(key, query):
    """query: positions, key: num_attn_1_1_outputs"""
    return key == {0: 6, 1: 3, 2: 2, 3: 8, 4: 8}.get(query, 7)


def attn_2_1_pattern(key, query):
    """query: positions, key: positions; None: no key"""
    return key == {1: 1, 4: 5, 5: 6, 6: 6, 7: 7}.get(query, None)


def attn_2_2_pattern(key, query):
    """query: positions, key: num_attn_0_0_outputs"""
    return key == {1: 3, 5: 7, 6: 1, 7: 7}.get(query, 8)


def attn_2_3_pattern(key, query):
    """query: positions, key: num_attn_0_3_outputs"""
    return key == {1: 3, 2: 2, 3: 8, 4: 8}.get(query, 7)


def num_attn_2_0_pattern(key, query):
    """query: attn_0_0_outputs, key: tokens; None: no key"""
    return key == {3: None}.get(query, 3)


def num_attn_2_1_pattern(key, query):
    """query: attn_0_0_outputs, key: tokens; None: no key"""
    return key == {0: None, 1: 1, 3: 3, 4: 4}.get(query, 'BOS')


def num_attn_2_2_pattern(key, query):
    """query: attn_1_3_outputs, key: tokens"""
    return key == {0: 2, 1: 2, 2: 'BOS', 3: 2, 4: 2, 5: 2}.get(query, query)


def num_attn_2_3_pattern(key, query):
    """query: attn_0_2_outputs, key: tokens"""
    return key == {4: 'BOS'}.get(query, 4)

# mlp_2_3: reads (attn_0_1_outputs, attn_0_0_outputs); every other input gives 8
mlp_2_3_table = {('BOS', 5): 1, (0, 0): 3, (0, 1): 1, (0, 2): 1, (0, 3): 1, (0, 5): 7, (1, 0): 1,
                 (1, 1): 1, (1, 4): 3, (1, 5): 7, (2, 2): 7, (2, 5): 1, (3, 0): 1, (3, 2): 1,
                 (3, 3): 1, (3, 5): 7, (4, 3): 3, (4, 4): 1, (4, 5): 1, (5, 'BOS'): 7, (5, 0): 7,
                 (5, 1): 7, (5, 2): 1, (5, 3): 7, (5, 4): 1}


classes = (0, 1, 2, 3, 4, 5)
classifier_bias = (-517, 146, 138, -40, 175, 26)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'tokens': {0: (94, -42, -37, -62, -22, -23), 1: (-36, 92, -40, -36, -62, 19),
               2: (-54, -29, 98, -39, -41, 0), 3: (-32, -36, -55, 94, -55, 8),
               4: (-30, -64, -19, -46, 90, 15), 5: (-22, -11, -37, -29, -7, 10)},
    'positions': {1: (-40, 78, -172, -27, 40, 136), 2: (67, 32, 1, -1, -72, -2),
                  3: (-6, -28, 22, 20, 38, -26), 4: (-25, -19, 9, 22, 35, -4),
                  6: (-102, -184, 404, -87, -192, 78)},
    'attn_0_0_outputs': {0: (103, -52, -28, -31, 7, 13), 1: (-117, 486, -106, -68, -170, -124),
                         2: (23, -63, 187, -4, -98, -65), 3: (-39, -56, -13, 131, 20, -31),
                         4: (-24, -51, -26, -68, 137, -19)},
    'attn_0_1_outputs': {0: (97, -1, -9, -22, -8, -44), 1: (7, 86, -7, -15, -6, -23),
                         2: (17, -15, 93, -16, -25, -37), 3: (14, -20, -15, 85, 9, -36),
                         4: (-27, -30, -29, -4, 70, -21)},
    'attn_0_2_outputs': {0: (86, 26, 10, 19, 19, -106), 1: (-35, 103, -49, -56, -60, 149),
                         2: (-38, -54, 90, -49, -48, 140), 3: (-45, -9, 18, 173, 1, -86),
                         4: (-117, -80, -86, -100, 124, 158), 5: (-24, -71, -30, -35, -57, 65)},
    'attn_0_3_outputs': {0: (159, -15, -76, -2, -55, -26), 1: (-30, 99, -32, -22, -12, 44),
                         2: (-93, -49, 157, -33, -35, 61), 3: (-82, -50, -41, 171, -22, 23),
                         4: (-74, -23, -19, -64, 156, -29), 5: (-72, -36, -35, -74, -32, 100)},
    'num_attn_0_0_outputs': {0: (27, 41, 18, 80, -174, 40), 1: (-27, 160, -18, 12, -105, -4),
                             2: (61, -500, 24, -35, 320, 44), 3: (-42, -1752, -47, -96, 834, -41),
                             4: (-142, -2748, -207, -304, 945, -111)},
    'num_attn_0_1_outputs': {0: (-137, 15, 2, 13, 75, 106), 1: (-217, 8, -2, -10, 0, 192),
                             2: (362, 51, -12, 4, -331, -372),
                             3: (1429, -50, -40, -48, -440, -1353),
                             4: (1216, 13, -95, -125, -800, -1290)},
    'num_attn_0_2_outputs': {0: (63, 32, -429, 97, -48, 19), 1: (-52, -39, 146, 17, -23, -32),
                             2: (31, 33, -405, 75, 100, 82), 3: (-24, -16, -1584, 31, 43, 38),
                             4: (-33, 34, -2145, 94, 111, 48)},
    'num_attn_0_3_outputs': {0: (61, 82, 84, -589, -60, 82), 1: (-30, -13, -60, 234, -130, -27),
                             2: (92, 72, 80, -535, 268, 92), 3: (-13, 0, -5, -1051, 622, -42),
                             4: (-60, -28, -112, -2072, 920, -75)},
    'mlp_0_0_outputs': {3: (59, -1, -116, 37, 6, 20), 4: (66, -1, -92, -16, -48, 48),
                        5: (75, -28, -121, 14, -4, 43), 6: (-48, 90, -100, -22, 54, 12),
                        8: (40, 60, -140, 80, -3, -13)},
    'mlp_0_1_outputs': {3: (-6, 5, 60, -18, 0, -10), 4: (-32, 24, 39, -1, 15, -19),
                        5: (22, -127, 35, -9, 33, -14), 6: (-79, -57, -2, -78, -83, 155),
                        7: (0, 0, 41, -36, 2, -26), 8: (20, 44, 63, 5, -150, 38)},
    'mlp_0_2_outputs': {4: (-161, 38, 67, 13, 37, 59), 5: (3, -34, -1, -16, -34, 37),
                        7: (11, -11, 40, 28, -17, -9), 8: (10, 0, 14, -2, -41, 39)},
    'attn_1_0_outputs': {1: (75, -60, 9, 4, -3, 2), 2: (-139, 208, -6, -17, -13, -26)},
    'attn_1_1_outputs': {1: (83, 8, -19, -63, 16, -2), 2: (-113, -19, 40, 66, 17, -23),
                         3: (-96, 44, 8, 145, -103, 28)},
    'attn_1_2_outputs': {0: (90, -15, 3, -3, -27, 11), 1: (5, 92, -16, 12, -30, -4),
                         2: (18, -29, 107, -22, -16, 7), 3: (12, -6, -10, 126, -47, -2),
                         4: (-30, -23, -31, 0, 50, 28), 5: (-59, -37, -65, -5, -46, 105)},
    'attn_1_3_outputs': {0: (153, 38, -76, -14, -19, -37), 1: (120, 60, -66, -44, 18, -45),
                         2: (-11, -92, 244, -90, -30, -84), 3: (170, 37, -82, 16, 10, -54),
                         4: (96, -9, -87, -53, 39, -14), 5: (63, -30, -112, -45, -18, 15)},
    'num_attn_1_0_outputs': {0: (-10, 15, -137, -13, 74, 42), 1: (23, 14, -36, 0, -5, 21),
                             2: (5, 1, 352, -35, -84, -47), 3: (-308, -327, 964, -351, -383, -381),
                             4: (-121, -190, 1175, -223, -276, -226)},
    'num_attn_1_1_outputs': {0: (74, 81, 75, 81, 72, -314), 1: (-36, -9, -28, -29, -16, 81),
                             2: (89, 90, 59, 80, 87, -183), 3: (118, 189, 144, 173, 202, -413),
                             4: (26, 77, 44, 61, 79, -405)},
    'num_attn_1_2_outputs': {0: (33, -489, 39, 6, 159, 41), 1: (6, -65, -19, 17, 46, 11),
                             2: (-57, 469, -38, 33, -382, -26),
                             3: (-187, 1202, -223, -131, -1149, -168),
                             4: (-207, 1599, -213, 34, -1248, -196)},
    'num_attn_1_3_outputs': {0: (101, 4, -7, 2, 52, -73), 1: (154, 14, 3, 20, 18, -192),
                             2: (-363, -86, -46, -73, -313, 467),
                             3: (-1624, -159, -145, -173, -461, 1213),
                             4: (-1379, -368, -219, -250, -758, 1040)},
    'mlp_1_0_outputs': {2: (16, 9, 70, 8, -101, 1), 3: (61, 35, 136, 104, 39, -381),
                        4: (-5, 5, 65, 27, -34, -13), 6: (-348, 29, 121, 56, 35, 31),
                        7: (18, -52, 54, 9, -50, -2), 8: (0, -27, 69, 7, -37, -18)},
    'mlp_1_1_outputs': {3: (-59, 10, -17, -6, -17, 46), 4: (-5, 27, -98, -5, -22, 12),
                        5: (4, 16, 15, -156, -19, 42), 6: (-27, 1, -7, -20, -31, 40),
                        7: (-21, -11, -23, -28, -31, 40)},
    'attn_2_0_outputs': {0: (-30, -68, -60, -63, 22, 260), 1: (-57, -22, -40, -79, -9, 273),
                         2: (-74, -85, -11, -61, -30, 299), 3: (-46, -124, -55, 7, -47, 303),
                         4: (-122, -82, -43, -31, -20, 268), 5: (-60, -93, -69, -43, -78, 247)},
    'attn_2_1_outputs': {0: (87, -12, -40, 7, -5, -16), 1: (-25, 93, 6, 10, -8, -14),
                         2: (-14, 25, 77, 0, -24, -10), 3: (4, 13, -32, 96, -14, -26),
                         4: (-14, -2, -24, -12, 80, -34), 5: (-36, -35, -46, -31, -41, 89)},
    'attn_2_2_outputs': {1: (525, -33, -87, -24, -70, -111), 2: (713, -216, -121, -117, -54, -28),
                         3: (420, -28, -43, -148, 44, -27)},
    'attn_2_3_outputs': {0: (-14, -60, -124, 409, -68, -81), 1: (-109, -24, -121, 428, -102, -53),
                         2: (-97, -55, -8, 423, -96, -94), 3: (-31, -121, -115, 387, -66, -61),
                         4: (-48, -98, -133, 436, -38, -98), 5: (-129, -109, -103, 406, -72, -56)},
    'num_attn_2_0_outputs': {0: (30, -21, -19, -93, 106, 11), 1: (6, -14, 27, -84, 57, 13),
                             2: (-65, -79, -79, 423, -282, -67),
                             3: (-185, -218, -201, 635, -810, -136),
                             4: (-55, -167, -180, 1230, -1084, -155)},
    'num_attn_2_1_outputs': {1: (0, -16, -9, -35, 56, -3), 2: (11, 47, 23, 54, -238, 49),
                             3: (7, 18, 10, 81, -802, 94), 4: (17, -49, 22, 78, -1062, -17)},
    'num_attn_2_2_outputs': {1: (-14, 5, -17, 7, 8, 11), 2: (-209, -131, 334, -70, -64, -35),
                             3: (-20, -280, 168, -149, -19, -104)},
    'num_attn_2_3_outputs': {0: (59, 83, 71, 69, -769, 53), 1: (-28, -23, -29, -11, 97, -24),
                             2: (-142, -7, -34, -23, 339, -150),
                             3: (-115, -62, -110, -59, 16, -140)},
    'mlp_2_3_outputs': {3: (-53, 29, 20, 46, -3, -36), 7: (-12, -1, -27, 19, 0, 21),
                        8: (2, 16, 27, 30, 8, -28)},
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
    attn_0_3_outputs = attend(positions, positions, tokens, attn_0_3_pattern)
    num_attn_0_0_outputs = count(tokens, positions, num_attn_0_0_pattern)
    num_attn_0_1_outputs = count(tokens, positions, num_attn_0_1_pattern)
    num_attn_0_2_outputs = count(tokens, positions, num_attn_0_2_pattern)
    num_attn_0_3_outputs = count(tokens, positions, num_attn_0_3_pattern)
    mlp_0_0_outputs = [mlp_0_0_table.get((attn_0_1_outputs[i], positions[i]), 3) for i in range(n)]
    mlp_0_1_outputs = [mlp_0_1_table.get((tokens[i], attn_0_1_outputs[i]), 7) for i in range(n)]
    mlp_0_2_outputs = [mlp_0_2_table.get((attn_0_1_outputs[i], attn_0_0_outputs[i]), 7) for i in range(n)]
    attn_1_0_outputs = attend(positions, positions, num_attn_0_0_outputs, attn_1_0_pattern, order='last')
    attn_1_1_outputs = attend(num_attn_0_0_outputs, positions, num_attn_0_3_outputs, attn_1_1_pattern, order='last')
    attn_1_2_outputs = attend(positions, positions, tokens, attn_1_2_pattern)
    attn_1_3_outputs = attend(num_attn_0_2_outputs, positions, tokens, attn_1_3_pattern, order='last')
    num_attn_1_0_outputs = count(tokens, attn_0_0_outputs, num_attn_1_0_pattern)
    num_attn_1_1_outputs = count(tokens, attn_0_2_outputs, num_attn_1_1_pattern)
    num_attn_1_2_outputs = count(tokens, attn_0_0_outputs, num_attn_1_2_pattern)
    num_attn_1_3_outputs = count(tokens, positions, num_attn_1_3_pattern)
    mlp_1_0_outputs = [mlp_1_0_table.get((tokens[i], attn_0_0_outputs[i]), 8) for i in range(n)]
    mlp_1_1_outputs = [mlp_1_1_table.get((tokens[i], attn_0_1_outputs[i]), 7) for i in range(n)]
    attn_2_0_outputs = attend(num_attn_1_1_outputs, positions, tokens, attn_2_0_pattern, order='last')
    attn_2_1_outputs = attend(positions, positions, tokens, attn_2_1_pattern)
    attn_2_2_outputs = attend(num_attn_0_0_outputs, positions, attn_1_1_outputs, attn_2_2_pattern, order='first')
    attn_2_3_outputs = attend(num_attn_0_3_outputs, positions, tokens, attn_2_3_pattern, order='last')
    num_attn_2_0_outputs = count(tokens, attn_0_0_outputs, num_attn_2_0_pattern)
    num_attn_2_1_outputs = count(tokens, attn_0_0_outputs, num_attn_2_1_pattern)
    num_attn_2_2_outputs = count(tokens, attn_1_3_outputs, num_attn_2_2_pattern)
    num_attn_2_3_outputs = count(tokens, attn_0_2_outputs, num_attn_2_3_pattern)
    mlp_2_3_outputs = [mlp_2_3_table.get((attn_0_1_outputs[i], attn_0_0_outputs[i]), 8) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
