"""Transformer Program for 'reverse', decompiled by weightsmith. Standalone: no imports.

run(tokens) -> one label per position; tokens[0] is normally 'BOS', at most 8 tokens.
Layers: 3; per layer 4 categorical heads, 4 numerical heads, 2 MLPs (3 of 30 modules unused and left out).
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

# mlp_1_0: reads attn_0_0_outputs; every other input gives 4
mlp_1_0_table = {'BOS': 3, 0: 7, 2: 0, 3: 5, 4: 0}

# mlp_1_1: reads (attn_1_0_outputs, attn_0_2_outputs); every other input gives 4
mlp_1_1_table = {('BOS', 'BOS'): 0, ('BOS', 0): 6, ('BOS', 1): 7, ('BOS', 2): 8, ('BOS', 4): 1,
                 (0, 'BOS'): 6, (0, 1): 1, (0, 2): 0, (0, 3): 7, (0, 4): 3, (0, 'EOS'): 0,
                 (1, 'BOS'): 7, (1, 0): 1, (1, 2): 7, (1, 3): 3, (1, 4): 2, (1, 'EOS'): 2,
                 (2, 'BOS'): 2, (2, 0): 0, (2, 2): 1, (2, 3): 6, (2, 'EOS'): 7, (3, 0): 1,
                 (3, 1): 1, (3, 2): 8, (3, 3): 3, (3, 4): 0, (3, 'EOS'): 8, (4, 'BOS'): 1,
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
    return key == {0: None, 6: 'EOS'}.get(query, 1)


def num_attn_2_3_pattern(key, query):
    """query: attn_0_2_outputs, key: tokens"""
    return key == {'BOS': 4, 0: 4, 1: 4, 2: 4, 3: 4, 'EOS': 4}.get(query, query)

# mlp_2_0: reads (attn_0_2_outputs, attn_0_0_outputs); every other input gives 1
mlp_2_0_table = {('BOS', 1): 6, ('BOS', 2): 5, ('BOS', 3): 7, ('BOS', 'EOS'): 7, (0, 'BOS'): 8,
                 (0, 0): 8, (0, 1): 6, (0, 2): 5, (0, 3): 5, (1, 'BOS'): 6, (1, 0): 8, (1, 1): 4,
                 (1, 2): 5, (1, 4): 8, (1, 'EOS'): 8, (2, 'BOS'): 5, (2, 0): 4, (2, 1): 6,
                 (2, 3): 7, (2, 4): 3, (2, 'EOS'): 2, (3, 0): 8, (3, 2): 5, (3, 3): 6, (3, 4): 8,
                 (3, 'EOS'): 3, (4, 0): 4, (4, 2): 4, (4, 4): 5, (4, 'EOS'): 4, ('EOS', 1): 8,
                 ('EOS', 2): 2, ('EOS', 3): 3, ('EOS', 4): 4, ('EOS', 'EOS'): 6}

# mlp_2_1: reads attn_0_1_outputs; every other input gives 0
mlp_2_1_table = {'BOS': 4, 0: 2, 3: 4}


classes = (0, 1, 2, 3, 4)
classifier_bias = (-2, 503, 461, -510, -1299)
# Per variable, value -> weights added to the scores; values not listed add nothing.
classifier_weights = {
    'positions': {1: (54, -29, 139, -142, 6), 2: (83, 36, -4, -148, 46),
                  3: (-226, -94, -208, 725, -145), 4: (64, 135, -29, -183, 17),
                  5: (-175, -207, -193, 745, -173)},
    'attn_0_0_outputs': {0: (203, 41, -91, -21, -61), 1: (-117, 363, -128, -203, -159),
                         4: (-167, -27, -40, -113, 240), 'EOS': (-22, 76, 33, -50, -20)},
    'attn_0_1_outputs': {0: (137, -176, 46, 67, -35), 1: (-126, 234, -66, -98, -155),
                         2: (-236, -30, 231, 98, -109), 3: (-96, -138, -141, 360, -122),
                         4: (-67, -11, -53, -35, 100)},
    'attn_0_2_outputs': {0: (1296, -394, -358, -364, -742), 1: (-14, 936, -490, -842, -375),
                         2: (150, -126, 845, -1281, 23), 3: (-3, -416, -433, 602, -60),
                         4: (168, -474, -843, -360, 936), 'EOS': (158, 132, -127, 89, -144)},
    'attn_0_3_outputs': {0: (429, -66, -127, 130, -508), 1: (-330, 392, -106, -76, -124),
                         2: (-48, -53, 334, -351, 35), 3: (-28, -795, 99, 587, -81),
                         4: (-22, -94, -553, 128, 309)},
    'num_attn_0_0_outputs': {0: (128, 130, 106, -685, 119), 1: (-85, -91, -81, 271, -70),
                             2: (-190, -216, -137, 322, -177), 3: (-269, -314, -246, 375, -144),
                             4: (-316, -535, -421, 127, -392)},
    'num_attn_0_1_outputs': {1: (271, -74, -44, -70, -64), 2: (330, -247, -151, -239, -182),
                             3: (246, -316, -202, -323, -251), 4: (48, -595, -249, -476, -256)},
    'num_attn_0_2_outputs': {1: (-44, -24, -64, 187, -36)},
    'mlp_0_0_outputs': {1: (231, 520, -1165, 373, 104), 2: (249, 328, -1062, 440, 164),
                        3: (1350, 422, -1450, -12, -74), 4: (163, 240, -1230, 935, -48),
                        5: (321, 595, -1181, 228, 174), 6: (-57, -40, -1526, 190, 1266),
                        7: (271, 608, -1223, 324, 148), 8: (157, 922, -1241, 268, -39)},
    'mlp_0_1_outputs': {1: (-108, -703, 14, 733, 79), 2: (-815, -806, 203, 598, 689),
                        3: (-267, -723, 861, 680, -479), 4: (-133, -650, -433, 1218, -42),
                        5: (34, -733, 50, 497, 188), 6: (9, -812, 109, 585, 150),
                        7: (-35, -590, 480, 110, 57), 8: (184, -1322, 213, 819, 250)},
    'attn_1_0_outputs': {0: (962, -281, -338, -168, -267), 1: (-166, 954, -766, -266, -457),
                         2: (-145, -737, 974, -60, -530), 3: (-326, -464, -292, 871, -352),
                         4: (-358, -591, -330, -412, 984)},
    'attn_1_1_outputs': {0: (154, 33, -101, 19, 48), 1: (-20, 97, -51, -75, -36),
                         3: (-13, -1, -82, 189, -69), 4: (-60, -38, -72, -26, 151),
                         'EOS': (-153, 121, -80, 45, 54)},
    'attn_1_2_outputs': {0: (509, -120, -193, -84, -151), 1: (-258, 588, -378, -243, -156),
                         2: (-183, -159, 421, -213, -50), 3: (-138, -136, -203, 421, -191),
                         4: (-203, -121, -309, -174, 441)},
    'attn_1_3_outputs': {0: (69, -76, -28, 13, 59), 3: (-86, -41, -1, 145, 31),
                         4: (-49, -1, -136, 77, 83)},
    'num_attn_1_0_outputs': {2: (48, 33, 95, -92, 134), 3: (-63, -50, 3, -261, 85),
                             4: (-216, -202, -138, -508, -103)},
    'num_attn_1_2_outputs': {4: (-244, -233, -75, -89, -87)},
    'num_attn_1_3_outputs': {1: (-86, 284, -88, -125, -74), 2: (-135, 399, -149, -207, -175),
                             3: (-270, 242, -463, -489, -485)},
    'mlp_1_0_outputs': {3: (-5, -8, 53, -59, 50), 4: (39, -76, 59, -16, 24),
                        5: (-2, -28, 47, -119, 129), 7: (-33, -72, 127, -83, 55)},
    'mlp_1_1_outputs': {1: (79, 344, 0, 169, -553), 2: (-379, 713, -428, -432, 422),
                        4: (19, 153, 58, -201, 83), 6: (-439, 67, 67, 91, 58),
                        7: (-179, -319, 312, 0, 208), 8: (-57, -107, -508, 562, 166)},
    'attn_2_0_outputs': {0: (187, 15, -91, -8, -68), 1: (-46, 112, -12, -52, -102),
                         3: (-32, -51, -9, 141, -55)},
    'attn_2_1_outputs': {0: (148, 23, 17, -31, 2), 1: (8, 153, -11, -155, -28),
                         3: (51, -65, -81, 168, -45), 4: (-27, -52, 79, -73, 122),
                         'EOS': (-5, -11, 146, -103, 46)},
    'attn_2_2_outputs': {0: (146, 41, -8, -74, -10), 'EOS': (64, -183, 40, 31, 103)},
    'attn_2_3_outputs': {0: (447, -138, -54, -54, -168), 1: (-218, 484, -240, -193, -218),
                         2: (-133, -241, 438, -173, -136), 3: (-179, -286, -199, 482, -113),
                         4: (-239, -219, -232, -128, 465)},
    'num_attn_2_0_outputs': {1: (-257, -277, 1038, -276, -232), 2: (-302, -360, 1031, -486, -287),
                             3: (-462, -755, 866, -669, -467), 4: (-443, -521, 1039, -568, -164)},
    'num_attn_2_1_outputs': {2: (60, -105, 14, 58, 16), 3: (-184, -316, -130, -44, -89),
                             4: (-113, -423, -104, -82, -119), 5: (-50, -507, -76, 107, 16),
                             6: (227, -571, -60, -72, 96)},
    'num_attn_2_3_outputs': {1: (-217, -237, -143, -238, 1230), 2: (-285, -325, -226, -385, 1333),
                             3: (-371, -449, -241, -471, 1340), 4: (-299, -570, -168, -639, 1263)},
    'mlp_2_0_outputs': {2: (-222, -70, 454, -42, -128), 3: (-242, -95, -85, 578, -154),
                        4: (-137, -88, 14, -58, 234), 5: (-28, 18, 132, -20, -92),
                        6: (-99, -35, 15, 45, 53), 7: (-105, -25, -34, 76, -32),
                        8: (-307, 83, 84, 108, 17)},
    'mlp_2_1_outputs': {2: (22, 16, -16, -84, 25), 4: (64, 32, -11, -60, 79)},
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
    mlp_0_0_outputs = [mlp_0_0_table.get((attn_0_1_outputs[i], attn_0_2_outputs[i]), 1) for i in range(n)]
    mlp_0_1_outputs = [mlp_0_1_table.get((attn_0_2_outputs[i], attn_0_3_outputs[i]), 0) for i in range(n)]
    attn_1_0_outputs = attend(positions, positions, tokens, attn_1_0_pattern, order='last')
    attn_1_1_outputs = attend(attn_0_0_outputs, positions, tokens, attn_1_1_pattern, order='first')
    attn_1_2_outputs = attend(attn_0_1_outputs, positions, tokens, attn_1_2_pattern, order='first')
    attn_1_3_outputs = attend(num_attn_0_2_outputs, num_attn_0_0_outputs, attn_0_3_outputs, attn_1_3_pattern, order='first')
    num_attn_1_0_outputs = count(attn_0_1_outputs, positions, num_attn_1_0_pattern)
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
    mlp_2_1_outputs = [mlp_2_1_table.get(attn_0_1_outputs[i], 0) for i in range(n)]
    variables = locals()  # the classifier reads them by name
    return [classify(variables, i) for i in range(n)]
