from weightsmith.library.nlp.tokenize import UNK, detokenize, tokenize, with_unknowns


def test_tokenize_lowers_and_splits_punctuation_and_negation():
    assert tokenize("The cat doesn't eat, really!") == ["the", "cat", "does", "n't", "eat", ",", "really", "!"]
    assert tokenize("  ") == []


def test_unknown_words_become_unk_and_are_remembered():
    t = with_unknowns(["the", "zebra", "eats", "kiwis"], {"the", "eats"})
    assert t.model_input == ["the", UNK, "eats", UNK] and t.unknown == ["zebra", "kiwis"]



def test_a_word_known_only_at_its_place_stays_itself_there():
    t = with_unknowns(["we", "rely", "on", "rely"], {"we", "on"}, known_here={1, 2})
    assert t.model_input == ["we", "rely", "on", UNK] and t.unknown == ["rely"]


def test_detokenize_joins_elisions_and_punctuation():
    assert detokenize(["j'", "aime", "l'", "arbre", "."]) == "j'aime l'arbre."
