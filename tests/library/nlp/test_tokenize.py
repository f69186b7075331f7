from weightsmith.library.nlp.tokenize import UNK, detokenize, tokenize, with_unknowns


def test_tokenize_lowers_and_splits_punctuation_and_negation():
    assert tokenize("The cat doesn't eat, really!") == ["the", "cat", "does", "n't", "eat", ",", "really", "!"]
    assert tokenize("  ") == []


def test_a_number_keeps_its_decimal_point_clock_colon_and_thousands_commas():
    # "it costs 3.5 euros" was read as the sentence "it costs 3." and then "5 euros"
    assert tokenize("It costs 3.5 euros.") == ["it", "costs", "3.5", "euros", "."]
    assert tokenize("We leave at 5:30, with 1,000 or 12,500.75 euros") == \
        ["we", "leave", "at", "5:30", ",", "with", "1,000", "or", "12,500.75", "euros"]
    # a comma separates thousands only before three digits; a mark with no digit after it ends the number
    assert tokenize("1,2,3 and 2,50 and 1,5000") == ["1", ",", "2", ",", "3", "and", "2", ",", "50", "and", "1", ",",
                                                     "5000"]
    assert tokenize("at 5. 5: 5pm 10/10") == ["at", "5", ".", "5", ":", "5pm", "10", "/", "10"]


def test_unknown_words_become_unk_and_are_remembered():
    t = with_unknowns(["the", "zebra", "eats", "kiwis"], {"the", "eats"})
    assert t.model_input == ["the", UNK, "eats", UNK] and t.unknown == ["zebra", "kiwis"]



def test_a_word_known_only_at_its_place_stays_itself_there():
    t = with_unknowns(["we", "rely", "on", "rely"], {"we", "on"}, known_here={1, 2})
    assert t.model_input == ["we", "rely", "on", UNK] and t.unknown == ["rely"]


def test_detokenize_joins_elisions_and_punctuation():
    assert detokenize(["j'", "aime", "l'", "arbre", "."]) == "j'aime l'arbre."


def test_text_is_read_as_people_see_it():
    # "İstanbul" lower-cases to "i" + a combining dot: it was "i" (read as the pronoun: "je"), the dot, "stanbul"
    assert tokenize("İstanbul is big") == ["i\u0307stanbul", "is", "big"]
    assert tokenize("the cafe\u0301 was nice") == tokenize("the café was nice") == ["the", "café", "was", "nice"]
    # an emoji and its modifiers are one symbol (❤️ was "❤" and an invisible variation selector)
    assert tokenize("I ❤\ufe0f it 👍🏻 👨\u200d👩\u200d👧") == ["i", "❤\ufe0f", "it", "👍🏻", "👨\u200d👩\u200d👧"]
    # invisible characters were tokens, unknown words shown as blanks
    assert tokenize("the cat\x00 sleeps\ufeff") == tokenize("the\u200bcat sle\u00adeps") == ["the", "cat", "sleeps"]
