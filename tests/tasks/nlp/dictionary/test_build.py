"""The lexicon built from the installed dictionaries: size, inflections, word classes, French, sentiment."""

import json
from collections import Counter

import pytest

from weightsmith.tasks.nlp import dictionary
from weightsmith.tasks.nlp.dictionary import build, freedict, sources, tables
from weightsmith.tasks.nlp.dictionary.apertium import Analysis, PivotCandidate
from weightsmith.tasks.nlp.dictionary.build import (
    _Chooser, closed_class_verbs, fingerprint, pivot_french, place_names, read_overrides, respelled,
)


def test_at_least_3000_lemmas_for_every_task(built):
    _, lexicon = built
    for task in tables.TASKS:
        assert len(lexicon.lemmas(task)) >= 3000, task


def test_every_inflected_form_is_a_reading_irregular_ones_too(built):
    _, lexicon = built
    assert ("child", "noun", "pl") in lexicon.analyses("children")
    assert ("go", "verb", "past") in lexicon.analyses("went") and ("go", "verb", "pp") in lexicon.analyses("gone")
    assert ("happy", "adj", "cmp") in lexicon.analyses("happier")
    assert ("eat", "verb", "3s") in lexicon.analyses("eats")
    assert lexicon.analyses("eated") == []


def test_words_with_several_classes_keep_every_class(built):
    _, lexicon = built
    classes = {w: {pos for _, pos, _ in lexicon.analyses(w)} for w in ("open", "light", "close", "like", "water")}
    assert {"verb", "adj"} <= classes["open"] and {"noun", "adj", "verb"} <= classes["light"]
    assert {"verb", "adj"} <= classes["close"] and {"verb", "prep"} <= classes["like"]
    assert {"noun", "verb"} <= classes["water"]
    french = {(w, p): lexicon.translations[w, p].french for w, p in [("light", "noun"), ("light", "adj"),
                                                                      ("open", "verb"), ("open", "adj")]}
    assert french == {("light", "noun"): "lumière", ("light", "adj"): "léger", ("open", "verb"): "ouvrir",
                      ("open", "adj"): "ouvert"}


def test_overrides_win_and_the_dictionary_never_gives_its_first_sense_blindly(built):
    _, lexicon = built
    for (english, pos), (french, gender) in read_overrides().items():
        t = lexicon.translations[english, pos]
        assert (t.french, t.gender, t.source) == (french, gender, "override")
    cat = lexicon.translations["cat", "noun"]
    assert (cat.french, cat.gender, cat.forms["pl"]) == ("chat", "m", "chats")
    # not overridden: chosen from FreeDict by class and back-translation
    assert lexicon.translations["see", "verb"].french == "voir"
    assert lexicon.translations["window", "noun"].gender == "f"


def test_french_verbs_are_conjugated_with_their_auxiliary(built):
    _, lexicon = built
    assert lexicon.verbs["manger"].present[3] == "mangeons"
    assert lexicon.verbs["aller"].auxiliary == "être" and lexicon.verbs["aller"].future[0] == "irai"
    assert lexicon.verbs["ouvrir"].participle == ("ouvert", "ouverts", "ouverte", "ouvertes")
    assert lexicon.conjugation("se lever").auxiliary == "être" == lexicon.conjugation("arriver").auxiliary
    assert lexicon.conjugation("se lever").present[0] == "lève"
    for t in lexicon.translations.values():
        if t.pos == "verb" and (" " not in t.french or t.french.startswith("se ")):
            assert lexicon.conjugation(t.french) is not None, t


def test_sentiment_scores_and_modifiers(built):
    _, lexicon = built
    s = lexicon.sentiment
    assert s["good"].score > 0 > s["bad"].score and s["excellent"].score > 0 > s["terrible"].score
    assert s["very"].role == "intensifier" and s["slightly"].role == "diminisher"
    assert s["not"].role == s["never"].role == s["n't"].role == "negator"
    assert "table" not in s  # a word with no rating is neutral


def test_unknown_words_depend_on_the_task(built):
    _, lexicon = built
    words = ["the", "child", "'s", "book", "is", "zzxq", "."]
    assert lexicon.unknown_words(words, "grammaticality") == ["zzxq"]
    assert lexicon.unknown_words(["happier", "happier"], "sentiment") == []


def test_tables_read_back_equal_and_load_reuses_them(built):
    folder, lexicon = built
    again = tables.read(folder)
    assert again.english == lexicon.english and again.translations == lexicon.translations
    assert again.verbs == lexicon.verbs and again.sentiment == lexicon.sentiment
    assert again.classifier == lexicon.classifier
    assert dictionary.load(folder) is lexicon


def test_tables_built_by_other_code_are_rebuilt(built):
    """`built` loaded a folder with another builder's fingerprint and an empty translations table."""
    folder, lexicon = built
    assert json.loads((folder / "manifest.json").read_text())["fingerprint"] == fingerprint()
    assert ("cat", "noun") in lexicon.translations and ("cat", "noun") in tables.read(folder).translations


def test_cognates_cover_nouns_the_dictionaries_lack_and_skip_english_quoted_in_french(built):
    """campus, marathon, detective: nouns FreeDict has no French for, which French writes alike (but for accents);
    council and lab are English words that French text quotes (wordfreq counts them as French), signer a
    French verb, bout and venue false friends FreeDict translates otherwise, anna a name: none is taken; nor is
    sang (sing's past: it has a reading) or parking (park's -ing form)."""
    _, lexicon = built
    french = {w: lexicon.translations[w, "noun"] for w in ("campus", "marathon", "detective", "episode")}
    assert {w: t.french for w, t in french.items()} == {
        "campus": "campus", "marathon": "marathon", "detective": "détective", "episode": "épisode"}
    assert {t.gender for t in french.values()} == {"m"}  # le campus, l'épisode (borrowed nouns: masculine)
    assert {t.source for t in french.values()} == {"cognate"}
    for word in ("council", "lab", "signer", "bristol", "sang", "parking", "bout", "venue", "anna"):
        assert (word, "noun") not in lexicon.translations or lexicon.translations[word, "noun"].source != "cognate"
    assert {pos for _, pos, _ in lexicon.analyses("sang")} == {"verb"}


def test_cognates_reach_nouns_english_writes_about_once_in_a_million_words(built):
    """glacier, safari, dune, ingredient (English zipf 3-4) waited for a read-out that takes more words (round
    12b): a gender FreeDict knows is kept (la dune), an accent is restored (ingrédient)."""
    _, lexicon = built
    french = {w: lexicon.translations[w, "noun"] for w in ("glacier", "safari", "dune", "ingredient")}
    assert {w: (t.french, t.gender, t.source) for w, t in french.items()} == {
        "glacier": ("glacier", "m", "cognate"), "safari": ("safari", "m", "cognate"),
        "dune": ("dune", "f", "cognate"), "ingredient": ("ingrédient", "m", "cognate")}


def test_a_cognate_leaves_the_classifiers_readings_as_the_wider_table_gives_them(built):
    """A form the main table knows keeps only its readings there for grammaticality and sentiment, so a cognate
    takes the forms the classifiers' wider table lists for it (marshall: its plural reading too) and is not
    taken where a form is another lemma's there (archives: archive's plural and third person)."""
    _, lexicon = built
    grammar = lexicon.for_task("grammaticality")
    assert {("archive", "noun", "pl"), ("archive", "verb", "3s")} <= set(grammar.analyses("archives"))
    assert ("archives", "noun") not in lexicon.translations
    assert lexicon.translations["marshall", "noun"].source == "cognate"
    assert set(grammar.analyses("marshall")) == set(lexicon.analyses("marshall")) == {
        ("marshall", "noun", "sg"), ("marshall", "noun", "pl")}


def test_an_adverb_without_french_takes_its_adjectives_with_ment(built):
    """politely, terribly: adverbs FreeDict has no French for, which French makes from the adjective WordNet names
    (polite → poli → poliment); the spelling French writes is the commoner one (précisément, not précisement); an adverb
    WordNet ties to no adjective (hardly: not "in a hard manner") gets none, nor one rarer than once in a million
    English words (abjectly: the read-out's room)."""
    _, lexicon = built
    made = {w: lexicon.translations[w, "adv"] for w in ("politely", "terribly", "accurately", "carefully")}
    assert {w: (t.french, t.source) for w, t in made.items()} == {
        "politely": ("poliment", "derived"), "terribly": ("terriblement", "derived"),
        "accurately": ("précisément", "derived"), "carefully": ("prudemment", "derived")}
    for word in ("hardly", "abjectly"):
        assert (word, "adv") not in lexicon.translations or lexicon.translations[word, "adv"].source != "derived"
    assert lexicon.analyses("politely") == [("politely", "adv", "base")]  # (moved from the wider table)


def test_kinship_compounds_take_their_kin_words_french_with_beau_belle_or_arriere(built):
    """WordNet's kinship compounds, French by rule from their kin word (mother-in-law → belle-mère, great-grandson →
    arrière-petit-fils); not a great-aunt (grand-tante), nor fraud-in-law (fraud is no relative). They are
    translations without a word form of the tables: the tokenizer splits them, so grammaticality and sentiment read
    them as before."""
    _, lexicon = built
    got = {w: (lexicon.translations[w, "noun"].french, lexicon.translations[w, "noun"].gender)
           for w in ("great-grandmother", "mother-in-law", "brother-in-law", "great-grandson")}
    assert got == {"great-grandmother": ("arrière-grand-mère", "f"), "mother-in-law": ("belle-mère", "f"),
                   "brother-in-law": ("beau-frère", "m"), "great-grandson": ("arrière-petit-fils", "m")}
    assert ("great-aunt", "noun") not in lexicon.translations and ("fraud-in-law", "noun") not in lexicon.translations
    assert not set(got) & set(lexicon.for_task("grammaticality").forms)


def test_a_verb_spelled_like_a_closed_class_word_gives_french_to_the_forms_nobody_else_reads(built):
    """"last" is an ordinal to the grammar and "please" an interjection, so the builder skipped both words whole and
    "the film lasted two hours" had an unknown word. Their verbs take French now, for the forms no other table
    reads: lasted (lasts is also last's noun plural to the classifiers, last the ordinal, lasting an adjective;
    the translator's own vocabulary reads lasts as the verb). The classifiers read every form as before."""
    _, lexicon = built
    assert {w: lexicon.translations[w, "verb"].french for w in ("last", "please")} == {"last": "durer",
                                                                                         "please": "plaire"}
    assert lexicon.analyses("lasted") == [("last", "verb", "past")] and lexicon.analyses("pleases") == [
        ("please", "verb", "3s")]
    assert set(lexicon.analyses("last")) == {("last", "ord", "closed"), ("last", "adj", "base")}
    assert set(lexicon.for_task("grammaticality").analyses("lasts")) == {("last", "noun", "pl"), ("last", "verb", "3s")}


def test_only_a_frequent_verb_of_a_closed_class_word_takes_french():
    """A verb SemCor tags fewer than MIN_COUNT times keeps none (FreeDict's French for such a verb reads the word's
    other sense: still → abattre), nor does a word without a verb class, or one whose verb has no French."""
    classes = {"last": {"adj", "verb", "noun"}, "still": {"adv", "verb"}, "near": {"adj", "verb"}, "over": {"adv"}}
    counts = Counter({("last", "verb"): 26, ("still", "verb"): 2, ("near", "verb"): 9})
    chooser = _Chooser({"last": ["dernier", "durer"], "still": ["abattre"]},
                       {"durer": [freedict.FrenchHeadword("verb", None, ("last", "endure"))],
                        "dernier": [freedict.FrenchHeadword("adj", None, ("last",))]},
                       {"durer": None, "abattre": None})
    assert closed_class_verbs(["last", "near", "over", "still"], classes, counts, chooser) == {"last": "durer"}


def test_places_french_names_as_english_does_are_names_and_exonyms_are_not(built):
    """dijon, calais, grenoble: WordNet's towns, which French writes as English does, are names carried through
    (masculine, as names.tsv's cities); frankfurt, antwerp and pisa are francfort, anvers and pise in French, so
    they stay unknown, as does bath (a common noun too) and london (names.tsv's: londres)."""
    _, lexicon = built
    made = {w: lexicon.translations[w, "noun"] for w in ("dijon", "calais", "grenoble")}
    assert {w: (t.french, t.gender, t.source) for w, t in made.items()} == {
        w: (w, "m", "name") for w in ("dijon", "calais", "grenoble")}
    for word in ("frankfurt", "antwerp", "pisa", "bath", "london"):
        assert (word, "noun") not in lexicon.translations or lexicon.translations[word, "noun"].source != "name"
    assert set(lexicon.for_task("grammaticality").analyses("dijon")) == set(lexicon.analyses("dijon"))


def test_a_place_name_needs_french_to_write_it_at_least_as_much_as_english():
    """The rule alone: English must write the name at least once in 3 million words, French at least as often."""
    assert place_names(["dijon", "munich", "frankfurt", "pisa", "pocatello"]) == ["dijon", "munich"]


def test_a_cognate_among_the_dictionarys_words_is_chosen_unless_french_uses_it_much_less(built):
    """FreeDict lists aggraver after agacer and indigner for aggravate, guider after diriger, ballon after aérostat:
    the cognate is the word a translator reaches for. Not where French writes it ten times less than the word the
    dictionary's order picks: then it is another sense's word (german → germain, as in cousin germain; bulb →
    bulbe, a plant's, beside ampoule)."""
    _, lexicon = built
    pairs = [("aggravate", "verb"), ("guide", "verb"), ("balloon", "noun"), ("german", "adj"), ("bulb", "noun")]
    assert [lexicon.translations[p].french for p in pairs] == ["aggraver", "guider", "ballon", "allemand", "ampoule"]


def test_a_masculine_noun_is_chosen_over_its_feminine_whatever_the_dictionarys_order(built):
    """FreeDict gives ambassadrice before ambassadeur and admiratrice before admirateur: the lemma is the
    masculine (-eur / -rice as ami / amie), as the references' unmarked gender is."""
    _, lexicon = built
    assert [lexicon.translations[w, "noun"].french for w in ("ambassador", "admirer", "friend")] == [
        "ambassadeur", "admirateur", "ami"]


def test_the_dictionarys_misspelt_accents_are_written_as_french_writes_them(built):
    """FreeDict writes receptionniste, edition, experimenté: French writes each at least ten times as often with
    its accents. A word that loses an accent so is another word (maïs → mais, sûr → sur, rythmé → rythme): kept."""
    _, lexicon = built
    french = {(w, p): lexicon.translations[w, p].french for w, p in [
        ("receptionist", "noun"), ("edition", "noun"), ("expert", "adj"), ("corn", "noun"), ("reliable", "adj"),
        ("rhythmic", "adj")]}
    assert list(french.values()) == ["réceptionniste", "édition", "expérimenté", "maïs", "sûr", "rythmé"]
    assert lexicon.translations["expert", "adj"].forms["fpl"] == "expérimentées"


def test_the_chooser_prefers_a_frequent_cognate_and_the_masculine():
    """The choice on a small dictionary: every candidate translates back; the cognate wins over earlier senses
    unless French writes it ten times less (germain beside allemand); a feminine loses to its masculine even
    where the English word stands first among its translations."""
    pytest.importorskip("wordfreq")
    back = {word: [freedict.FrenchHeadword(pos, None, english)] for word, pos, english in [
        ("agacer", "verb", ("annoy", "aggravate")), ("indigner", "verb", ("aggravate",)),
        ("aggraver", "verb", ("worsen", "aggravate")), ("allemand", "adj", ("german",)),
        ("germain", "adj", ("german",)), ("ambassadrice", "noun", ("ambassador",)),
        ("ambassadeur", "noun", ("envoy", "ambassador"))]}
    chooser = _Chooser({"aggravate": ["agacer", "indigner", "aggraver"], "german": ["allemand", "germain"],
                        "ambassador": ["ambassadrice", "ambassadeur"]}, back,
                       {"agacer": None, "indigner": None, "aggraver": None})
    assert [chooser.choose(w, p) for w, p in [("aggravate", "verb"), ("german", "adj"), ("ambassador", "noun")]] == [
        "aggraver", "allemand", "ambassadeur"]


def test_a_respelling_needs_french_to_write_it_far_more_and_to_mean_the_same_word():
    pytest.importorskip("wordfreq")
    back = {"tâche": [freedict.FrenchHeadword("noun", "f", ("task", "job"))],
            "édition": [freedict.FrenchHeadword("noun", "f", ("edition",))]}
    assert respelled("edition", "edition", back) == "édition"
    assert respelled("receptionniste", "receptionist", back) == "réceptionniste"
    assert respelled("tache", "stain", back) == "tache"  # tâche is a task, not a stain
    assert respelled("maïs", "corn", back) == "maïs"  # mais has fewer accents: another word
    assert respelled("salle de bains", "bathroom", back) == "salle de bains"


def _candidate(word: str, tags: tuple[str, ...], *spanish: str) -> PivotCandidate:
    return PivotCandidate(Analysis(word, tags), spanish)


def test_the_pivot_takes_the_french_its_chain_agrees_on_and_drops_a_word_whose_senses_disagree():
    """One French word, or the one more Spanish lemmas reach than any other, is taken; a tie is not (shift: cambio →
    changement, turno → tour). A French word FreeDict knows must translate back (rely → confiar → confier, which
    FreeDict reads entrust); a verb must be one Verbiste conjugates; a noun needs a gender; an adverb is one word."""
    fra_eng = {"confier": [freedict.FrenchHeadword("verb", None, ("entrust", "confide"))],
               "vigne": [freedict.FrenchHeadword("noun", "f", ("vine", "vineyard"))]}
    gender = {"vigne": "f", "changement": "m", "tour": "m", "conseil": "m"}.get
    noun = ("<n>", "<m>", "<sg>")
    assert pivot_french("vineyard", "noun", [_candidate("vigne", noun, "viña")], set(), fra_eng, gender) == ("vigne", "f")
    assert pivot_french("shift", "noun", [_candidate("changement", noun, "cambio"), _candidate("tour", noun, "turno")],
                        set(), fra_eng, gender) is None
    assert pivot_french("council", "noun", [_candidate("conseil", noun, "consejo", "concejo"),
                                            _candidate("tour", noun, "turno")], set(), fra_eng, gender) == ("conseil", "m")
    assert pivot_french("rely", "verb", [_candidate("confier", ("<vblex>",), "confiar")], {"confier"}, fra_eng, gender) is None
    assert pivot_french("ban", "verb", [_candidate("interdire", ("<vblex>",), "prohibir")], set(), fra_eng, gender) is None
    assert pivot_french("ban", "verb", [_candidate("interdire", ("<vblex>",), "prohibir")], {"interdire"}, fra_eng,
                        gender, returning={"interdire"}) == ("interdire", None)
    assert pivot_french("snowman", "noun", [_candidate("bonhomme de neige", noun, "muñeco")], set(), fra_eng, gender) is None
    assert pivot_french("slow", "verb", [_candidate("arriérer", ("<vblex>",), "retrasar")], {"arriérer"}, fra_eng,
                        gender) is None  # (French hardly writes it: a rare sense's word)
    assert pivot_french("henceforth", "adv", [_candidate("d'ores et déjà", ("<adv>",), "de ahora en adelante")], set(),
                        fra_eng, gender) is None


def test_a_pivot_verb_needs_one_french_verb_whose_chain_walks_back():
    """A verb's chain that the reverse dictionaries do not walk back went through another sense (rely → confiar →
    confier, whose confiar is English trust; FreeDict's confier says trust, a synonym of rely, so the back-check alone
    takes it); and a verb is taken only when its chain reaches one French verb, where a noun takes the one most
    Spanish lemmas reach."""
    fra_eng = {"confier": [freedict.FrenchHeadword("verb", None, ("entrust", "trust"))]}
    rely = [_candidate("confier", ("<vblex>",), "confiar")]
    assert pivot_french("rely", "verb", rely, {"confier"}, fra_eng, {}.get, {"rely", "trust"}) is None
    assert pivot_french("rely", "verb", rely, {"confier"}, fra_eng, {}.get, {"rely", "trust"},
                        returning={"confier"}) == ("confier", None)
    two = [_candidate("résoudre", ("<vblex>",), "resolver", "solucionar"), _candidate("décider", ("<vblex>",), "decidir")]
    assert pivot_french("resolve", "verb", two, {"résoudre", "décider"}, {}, {}.get,
                        returning={"résoudre", "décider"}) is None
    assert pivot_french("resolve", "verb", two[:1], {"résoudre"}, {}, {}.get, returning={"résoudre"}) == ("résoudre", None)


def test_words_freedict_lacks_take_french_through_apertiums_spanish(built):
    """victory, unemployment, airline, code (WordNet's words FreeDict has no French for) take the French the pivot
    agrees on, with the French side's gender (le chômage, la compagnie aérienne), and so do words English writes less
    than 10 times in a million but more than PIVOT_MIN_ENGLISH_ZIPF (carnival, honesty: le carnaval, l'honnêteté);
    an adjective the grammar reads too (regional) keeps its readings. A word with French in another class gains none
    (call: the overrides' verb, house: their noun), nor does a name (christmas, names.tsv's: père noël, avant noël),
    so it reads as it did; nor a word one of whose forms a lemma with French has (reading, read's -ing; mixed, mix's
    past; scare, whose scared is an adjective with French), nor a verb whose chain does not walk back (rely,
    collapse), nor the British spelling of a verb with French (recognise, which the translator reads as recognize).
    Left out too: shift (cambio, turno disagree), goodness (avantage: FreeDict's advantage), vineyard (English writes
    it less than PIVOT_MIN_ENGLISH_ZIPF), civic (civics would become a learner's plural)."""
    if sources.pivot_missing():
        pytest.skip("Apertium pivot not installed: " + "; ".join(sources.pivot_missing()))
    _, lexicon = built
    made = {key: lexicon.translations[key] for key in
            [("victory", "noun"), ("unemployment", "noun"), ("airline", "noun"), ("code", "noun"), ("regional", "adj"),
             ("carnival", "noun"), ("honesty", "noun")]}
    assert {key: (t.french, t.gender, t.source) for key, t in made.items()} == {
        ("victory", "noun"): ("victoire", "f", "pivot"), ("unemployment", "noun"): ("chômage", "m", "pivot"),
        ("airline", "noun"): ("compagnie aérienne", "f", "pivot"), ("code", "noun"): ("code", "m", "pivot"),
        ("regional", "adj"): ("régional", None, "pivot"), ("carnival", "noun"): ("carnaval", "m", "pivot"),
        ("honesty", "noun"): ("honnêteté", "f", "pivot")}
    assert made["airline", "noun"].forms["pl"] == "compagnies aériennes"
    assert lexicon.translations["call", "verb"].source == "override" and ("call", "noun") not in lexicon.translations
    for key in [("house", "verb"), ("christmas", "noun"), ("shift", "noun"), ("goodness", "noun"), ("vineyard", "noun"),
                ("civic", "adj"), ("reading", "noun"), ("mixed", "adj"), ("scare", "verb"), ("rely", "verb"),
                ("collapse", "verb"), ("recognise", "verb")]:
        assert key not in lexicon.translations
    assert ("civic", "adj") not in lexicon.english and ("civic", "adj") in lexicon.for_task("grammaticality").english


def test_without_apertium_the_build_says_in_one_line_what_is_missing_and_adds_no_pivot_word(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(sources.ROOT_VARIABLE, str(tmp_path))
    assert build.pivot([("vineyard", "noun")], set(), {}, lambda w: None, {}) == []
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "without the Apertium pivot" in err and "apt-get install apertium-en-es" in err


def test_load_reads_a_folder_once_and_again_when_it_is_rebuilt_or_edited(built, tmp_path):
    """`load` re-read and re-parsed the tables on every call (about a second each); now once per folder, but
    a folder rebuilt (a new one renamed into place, as `tables.write` publishes) or edited is read anew."""
    import os
    import shutil

    folder, _ = built
    copy, fresh = tmp_path / "copy", tmp_path / "fresh"
    shutil.copytree(folder, copy)
    first = dictionary.load(copy)
    assert dictionary.load(copy) is first and ("cat", "noun") in first.translations

    shutil.copytree(folder, fresh)
    rows = (fresh / "translations.tsv").read_text(encoding="utf-8").splitlines(keepends=True)
    (fresh / "translations.tsv").write_text("".join(r for r in rows if not r.startswith("cat\tnoun\t")), encoding="utf-8")
    shutil.rmtree(copy)
    os.rename(fresh, copy)
    rebuilt = dictionary.load(copy)
    assert ("cat", "noun") not in rebuilt.translations and dictionary.load(copy) is rebuilt

    with open(copy / "translations.tsv", "a", encoding="utf-8") as table:  # edited in place
        table.write("cat\tnoun\tchat\tm\tpl=chats\tfreedict\n")
    assert ("cat", "noun") in dictionary.load(copy).translations
