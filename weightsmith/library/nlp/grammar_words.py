"""The grammaticality model's vocabulary at dictionary scale: every word form of the built lexicon with the
one small class the grammar needs, and word ids ordered so that the class is a staircase (the reason is the
one `sentiment_words` gives: a categorical token costs a residual dimension per word, a number one
dimension, and `id → class` compiles to two hidden units per change of class).

A class says everything the grammar reads from a word, as a string of six fields:

    primary | readings | noun number | verb forms | initial sound | mark
    "N|N+V|sg|base|c|cnt"   ("book": a singular noun first, also a verb in its base form, a consonant sound,
                             countable)

- readings: the word's categories. Open ones: N (noun), V (verb), A (adjective), R (adverb); closed ones
  (determiners, pronouns, auxiliaries, …) are the tags of `CLOSED`. A word with several readings ("open",
  "light", "watch", "like", "her", "that") keeps them all; the program picks one from the neighbours.
- primary: the reading SemCor tags most often (used where the neighbours do not decide).
- noun number: sg, pl or sgpl (sheep); verb forms: any of base 3s past pp ing.
- initial sound: v (vowel) or c (consonant), for "a" / "an" ("an hour", "a university").
- mark: what a few rules read beyond the tag (`MARKS`), '-' for most words: a time adverb (yesterday: past,
  tomorrow: future), a modal's tense, a frequency adverb, "very", a preposition that cannot end a
  statement, the quantifiers of mass nouns ("a lot of", "much"), a verb taking a bare infinitive after its
  object ("i saw the man leave"), a relative pronoun; and "cnt" on a singular noun that is surely countable
  (the lexicon lists no plural identical to it: "book", not "coffee" or "person"), which "a lot of" and
  "much" cannot take ("kin" on a relative: countable too, and "my aunt husband" lacks its genitive); since the
  fifth round also an adverb of manner ("man": he opened slowly the door), a verb with two objects ("dit": she
  gave to me the keys), "a bit / a little" ("bit"), where / when / why ("wq": do you know where is …), the
  frequency adverbs that never follow a predicative adjective ("freq1": she is angry never) and "than"; since the
  sixth "name" (a proper noun: needs no determiner), "part" (a noun that takes a bare noun after "of": a cup of
  tea), "pposs" (mine, yours …: no noun after them), "let" (let / make: no "to" and no -ing after their object),
  "hardly", "well", "unitl" (for + years in the present simple: i know her for ten years), and "op" / "fact" joined to an
  adjective's mark (`ADJECTIVE_ORDER`: a lovely old house); since the seventh "when" (again, twice, once, today,
  tonight: never between a verb and its definite object), "cmp" on less / fewer / rather / earlier (comparatives
  "than" may follow), and "ly" joined to the mark of an adjective whose regular -ly adverb the lexicon lists
  (terrible: terribly; `ly_adverb`); since the eighth "cntw" on a singular noun that English uses as countable
  (`counted_by_use`: "view", "surprise", "sunset", which LemmInflect lists as plurals of themselves), read only where
  a countable noun cannot stand bare whatever its other senses (what lovely surprise !, such long day); since the
  ninth "tr" on the past = participle of a verb every WordNet sense of which takes an object (`object_only_verbs`:
  with no object after it, its "be" is missing: the train delayed by the snow); since the tenth "kinpl" on the
  plural of a relative (after a singular relative it lacks the genitive: my sister children); since the twelfth "lnk"
(joined to any other mark) on the forms of a verb that takes an adjective after it (`linking_verbs`: it tastes delicious; she sings
beautiful is an error); since the eighteenth "trp" on the past = participle of a verb that takes an object in its
commonest senses but not in all (`object_first_verbs`: the hills covered in heather; the river flooded), "fl"
(joined to any other mark) on the participles of a verb of feeling (`feeling_verbs`: the trip was interested) and
"th" on a noun that names no one who could feel (`feeling_nouns`); since the twentieth "thv" on the forms of a verb with
no other mark whose commonest sense has a thing for subject (`thing_verbs`: the guarantee lasts for two years),
"fla" (joined to any other mark) on an adjective whose adverb reading is only ever its -ly adverb's twin
(`flat_ly_adverbs`: she smiled sweet) and "pa" (joined to any other mark) on a participle whose adjective reading
comes from WordNet (`participle_adjective`).

Readings given back from resources (the ninth round): a verb first whose lemma WordNet lists as a noun gets the noun
reading the lexicon lacks or the 1/30 rule dropped (`_with_lost_noun`: the lift, a swim), and a form the rules below
call a learner's that WordNet's own text uses is English (`in_use`: knitted, brambles, seconds). Since the twentieth
round: a participle WordNet lists as an adjective gets that reading, taken only before a noun (`participle_adjective`:
the grilled sardines), a noun the lexicon lists with no plural gets its regular plural where that spelling is another
reading's form (`with_unlisted_plurals`: tins, bars), and a closed-list adverb its adjective reading from the wider
table (`weighed_adverb_readings`: the early train, the far end).

Which readings count: a reading whose lemma SemCor tags less than 1/30 as often as the word's most frequent
reading is dropped ("saw" is the past of "see", not the base of "to saw"; "found" is the past of "find").
LemmInflect lists an uncountable noun's plural as the singular ("the water are …" would pass), so a noun
form that is also its own plural is read as singular unless it is an invariant plural (`INVARIANT`).

Over-regularised forms of irregular words ("childs", "childrens", "mouses", "goed") are in the vocabulary with
the class BAD: the lexicon knows the irregular form, so it knows the regular one is not English. So are a verb's
spellings by the wrong rule (`misspelt_inflections`: visitted, stoped, makeing, losted, watchs): the forms the
lexicon lists for the verb say which rule it follows. Unknown, they would pass as wildcards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from weightsmith.library.nlp.tokenize import UNK, tokenize

RARE = 30  # a reading tagged less than 1/RARE as often as the word's commonest reading is dropped
EVIDENCE = 5  # ... when the commonest is tagged this often at least (a count of 1 against 0 says nothing)
INVARIANT = {"sheep": "sgpl", "fish": "sgpl", "deer": "sgpl", "species": "sgpl", "series": "sgpl",
             "aircraft": "sgpl", "salmon": "sgpl", "trout": "sgpl", "offspring": "sgpl", "data": "sgpl",
             "lot": "sgpl", "people": "pl", "police": "pl", "cattle": "pl", "clothes": "pl", "children": "pl",
             # nouns with no singular (pluralia tantum): LemmInflect lists some as their own lemma
             **{w: "pl" for w in ("glasses", "sunglasses", "scissors", "stairs", "pyjamas", "pajamas", "binoculars",
                                  "headphones", "earphones", "tweezers", "pliers", "belongings", "surroundings",
                                  "outskirts", "savings", "earnings", "congratulations", "groceries", "leftovers",
                                  "jeans", "trousers", "shorts", "tights", "goods", "thanks", "remains")}}
VOWEL_SOUND = ("hour", "honest", "honour", "honor", "heir")
CONSONANT_SOUND = ("uni", "use", "usu", "uten", "eu", "one", "once", "ufo", "uk", "ura")

# Closed-class words: their tags, the first one primary. Open readings of a closed word are dropped, except
# the ones listed in KEEP_OPEN ("like" is also a verb, "home" also a noun).
_GROUPS = {
    "DET_A": "a", "DET_AN": "an",
    "DET": "the my your his its our their no what which",
    "DET_SG": "every another", "DET_PL": "",
    # quantifiers: determiners that may also stand alone or before "of" (some of the apples, all the cats)
    "QDET": "some any all enough", "QDET_SG": "each much", "QDET_PL": "many several few both",
    "NOM_1S": "i", "NOM_3S": "he she", "NOM_PL": "we they", "YOU": "you", "IT": "it",
    "PRON": "something anything nothing everything someone somebody anyone anybody nobody everyone everybody "
            "mine yours hers ours theirs",
    "ACC": "me him us them myself yourself himself herself itself ourselves themselves yourselves",
    "WH": "who whom whose where why how",
    "PREP": "in on at from with without for of by about under over between behind near into through during "
            "across around against inside outside above below towards toward along among except than up down "
            "off out per like next before after until since beside beyond despite within past onto upon amongst via",
    "TO": "to", "AND": "and or nor", "BUT": "but",
    "SUB": "because if while although though whether unless whenever whereas",
    "BE_BASE": "be", "BE_AM": "am 'm", "BE_IS": "is", "BE_ARE": "are 're", "BE_WAS": "was", "BE_WERE": "were",
    "BE_PP": "been", "BE_ING": "being",
    "HAVE_BASE": "have 've", "HAVE_3S": "has", "HAVE_PAST": "had", "HAVE_ING": "having",
    "DO_BASE": "do", "DO_3S": "does", "DO_PAST": "did", "DO_PP": "done", "DO_ING": "doing",
    "MODAL": "will would shall can could should must may might wo ca 'll 'd",
    "NEG": "not n't", "NEVER": "never",
    "DEG": "very too really quite rather almost such",  # degree adverbs: before adjectives more than verbs
    "R": "also always often sometimes usually rarely seldom here now then today tomorrow yesterday tonight "
         "again already still just only so soon late early well together everywhere "
         "somewhere nowhere upstairs downstairs away back home yet ever once twice little "
         "far",
    "QR": "more most less least",  # adverbs that also quantify a noun (more light, most people)
    "NUM1": "one", "NUM": "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                          "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
                          "ninety hundred thousand million zero",
    "ORD": "first second third fourth fifth sixth seventh eighth ninth tenth last",
    "INTERJ": "yes please hello hi goodbye bye thanks wow oh ok okay",
    "CL_S": "'s", "POSS": "'",
    "END_DOT": ".", "END_Q": "?", "END_EXCL": "!", "COMMA": ", ; :",
    "HYPH": "-",  # joins a compound: my in - laws, twenty - five, a well - known actor
}
# words with more than one closed tag: the first is primary
_SEVERAL = {
    "this": ("DET_SG", "PRON"), "that": ("DET_SG", "PRON", "SUB"), "these": ("DET_PL", "PRON_PL"),
    "those": ("DET_PL", "PRON_PL"), "her": ("DET", "ACC"), "there": ("THERE", "R"), "when": ("WH", "SUB"),
    "what": ("WH", "DET"), "which": ("WH", "DET"), "no": ("DET", "INTERJ"), "one": ("NUM1", "PRON"),
    "so": ("DEG", "SUB"), "much": ("QDET_SG", "R", "PRON_ANY"), "before": ("PREP", "SUB"), "after": ("PREP", "SUB"),
    "until": ("PREP", "SUB"),
    "since": ("PREP", "SUB"), "'s": ("CL_S", "POSS"), "next": ("PREP", "ORD"),
    "may": ("MODAL", "N"),  # born in may
    "all": ("QDET", "PRON_ANY", "R"), "both": ("QDET_PL", "PRON_ANY", "R"), "each": ("QDET_SG", "PRON_ANY", "R"),  # we all went
    "opposite": ("PREP", "A"), "none": ("PRON_ANY",), "neither": ("QDET_SG", "PRON_ANY"),
    **{w: ("R", "N") for w in ("today", "tomorrow", "yesterday", "tonight", "back")},  # today is monday, my back
    # (the lexicon's closed table lists "other" as a determiner, so its open table drops it; it reads as an
    # adjective before a noun and stands alone as one: the other children, each other, the other one)
    "other": ("A", "N"), "others": ("N",),
}
NOUN_NUMBER = {"may": "sg", "back": "sg", "other": "sg", "others": "pl", "today": "sg", "tomorrow": "sg", "yesterday": "sg", "tonight": "sg",  # closed words with a noun reading the lexicon does not list
               # (and the plural quantifiers, plural as a subject too: both of my brothers live …)
               **{w: "pl" for w in _GROUPS["QDET_PL"].split()}}
# marks (see the module docstring): word → mark; verbs by lemma (every form of the lemma)
MARKS = {
    **{w: "past" for w in ("yesterday", "ago")}, "tomorrow": "fut", "last": "last", "next": "next",
    **{w: "mfut" for w in ("will", "'ll", "wo", "shall")}, **{w: "mpres" for w in ("can", "ca")},
    **{w: "freq" for w in ("often", "usually", "sometimes", "ever")},
    "hardly": "hardly",  # a frequency adverb that may stand before any- after a verb (he eats hardly anything)
    # (never, always, rarely, seldom do not follow a predicative adjective: the bus is late always)
    **{w: "freq1" for w in ("never", "always", "rarely", "seldom")},
    **{w: "also" for w in ("also", "already", "yet", "still")}, "very": "very", "how": "how",
    "during": "during",  # strict too, and a length of time may not follow it (during three weeks: for)
    **{w: "strict" for w in ("into", "between", "among", "amongst", "except", "per", "towards", "toward",
                              "onto", "upon", "via")},
    "than": "than",  # strict too; a subject pronoun may follow it (taller than i)
    "of": "of",  # strict too, and read by the rules on prepositions
    **{w: "p:" + w for w in ("from", "on", "about", "with", "to", "since", "in", "at", "by", "for")},  # prepositions the rules name
    "near": "near",  # near of, near from (and "next of": its mark "next")
    "front": "front",  # "in front" + a noun phrase lacks its "of" (park in front the shop)
    "as": "as",  # a countable noun after it wants a determiner, as after a preposition (she works as a waitress)
    **{w: "ofok" for w in ("out", "inside", "outside", "off", "up")},  # prepositions "of" may follow (out of)
    **{w: "neg" for w in ("no", "nothing", "nobody", "none", "nowhere")},  # negative words (with not, never)
    **{w: "cmp" for w in ("less", "fewer", "rather", "earlier")},  # comparatives the lexicon does not list as such (… than)
    "such": "such",  # (a countable singular after it wants "a": such a long day)
    "more": "more", "most": "most", "forward": "fwd", "used": "used", "the": "the",
    **{w: "month" for w in ("january", "february", "march", "april", "june", "july", "august", "september",
                            "october", "november", "december", "winter", "summer", "spring", "autumn")},  # (seasons too)
    **{w + s: "wday" for w in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
       for s in ("", "s")},  # (on mondays: in mondays is an error)
    **{w: "floor" for w in ("floor", "storey", "story")},
    **{w: "lot" for w in ("lot", "lots", "plenty")}, "much": "mass", "enough": "mass", **{w: "bit" for w in ("bit", "little")},
    **{w: "wq" for w in ("where", "when", "why")},  # question words an indirect question does not invert after
    # adverbs of time and repetition: like an adverb of manner, never between a verb and its object (we visited
    # again the museum, i met today my teacher); "yesterday" has its own mark ("past") and is read the same
    **{w: "when" for w in ("again", "twice", "once", "today", "tonight")},
    "well": "well",  # an adverb of manner (she speaks well english) that may stand after be (i am well)
    **{w: "pposs" for w in ("mine", "yours", "hers", "ours", "theirs")},  # no noun after them (ours passports)
    **{w: "rel" for w in ("who", "which", "that")},
    **{w: "part" for w in ("sort", "type", "piece", "cup", "glass", "bottle", "slice", "pair", "couple", "head",
                           "member", "change", "point", "state", "sense", "matter", "form", "brand", "means", "way",
                           "waste", "line", "word", "loss", "amount", "source", "pint", "bowl", "plate",
                           "packet", "jar", "tin", "bar", "loaf", "spoonful", "sheet", "drop", "kilo", "litre",
                           "liter", "peace", "piece")},
    # (nouns that stand bare in everyday place and time phrases: the centre of town, the end of term)
    **{w: "-" for w in ("town", "term", "school", "college", "church", "prison", "hospital", "class",
                        "bed", "sea", "land")},
}
# (a noun marked "part" takes a bare singular after "of": a kind of car, a cup of tea, a change of plan; any other
# noun wants a determiner there: the back of the cupboard, not "the back of cupboard")
# adjectives that take one preposition for their complement; the prepositions of COMPLEMENT_ERRORS other than
# theirs are errors right after them (afraid from, proud on, responsible of); for / in / at may start an
# adjunct after any adjective (afraid for him, happy in the garden) and are never one
# (the everyday adjective + preposition collocations of a learner's dictionary, not only those dev sets showed)
ADJECTIVE_COMPLEMENTS = {
    **{a: ("of",) for a in ("afraid", "scared", "frightened", "fond", "aware", "capable", "incapable", "full",
                            "jealous", "ashamed", "envious", "suspicious", "typical")},
    "short": ("of", "on", "with"), "independent": ("of", "from"),
    "proud": ("of", "!for"), "terrified": ("of", "by"), "guilty": ("of", "about"), "sure": ("of", "about"),
    "certain": ("of", "about"), "tired": ("of", "from", "with"), "sick": ("of", "with", "on"), "kind": ("of", "to", "with"),
    "responsible": ("for",), "interested": ("in",), "keen": ("on",), "married": ("to",), "similar": ("to",),
    "worried": ("about", "by"), "different": ("from", "to"), "dependent": ("on",), "absent": ("from",),
    **{a: ("to",) for a in ("allergic", "addicted", "related", "equal", "identical",
                            "opposed", "engaged")},
    "grateful": ("to", "for"), "rude": ("to", "about", "with"), "polite": ("to", "about", "with"), "close": ("to", "with", "by"),
    "famous": ("for", "with", "on", "from"), "ready": ("for", "with", "on"), "popular": ("with", "on"), "late": ("for", "with", "from"),
    "excited": ("about", "by"), "nervous": ("about", "of", "on"), "anxious": ("about",), "curious": ("about",),
    "crazy": ("about",), "passionate": ("about",), "enthusiastic": ("about",), "serious": ("about", "with"),
    "sorry": ("about",), "upset": ("about", "with", "by"), "angry": ("with", "about"), "annoyed": ("with", "about", "by"),
    "concerned": ("about", "with", "by"), "confident": ("about", "of", "with"), "surprised": ("by", "about"),
    "amazed": ("by",), "shocked": ("by", "about"), "impressed": ("with", "by"), "bored": ("with", "of", "by"),
    "pleased": ("with", "about", "by"), "satisfied": ("with", "by"), "disappointed": ("with", "about", "by"),
    "familiar": ("with", "to"), "busy": ("with", "on"), "crowded": ("with", "on"), "patient": ("with",),
    "obsessed": ("with", "by"), "involved": ("with",),
    "cross": ("with", "about"), "furious": ("with", "about", "at"), "embarrassed": ("about", "by"),
    "sensitive": ("to", "about"), "attached": ("to",), "devoted": ("to", "!for"), "committed": ("to",),
    "accustomed": ("to",), "loyal": ("to",), "harmful": ("to", "for"), "rich": ("in",),
    "generous": ("with", "to", "of"),
    # (after "!", prepositions that are errors after this adjective beyond COMPLEMENT_ERRORS: good in maths)
    **{a: ("at", "with", "to", "for", "of", "about", "on", "!in") for a in (
        "good", "bad", "brilliant", "excellent", "terrible", "awful", "hopeless", "useless", "clever", "talented")},
    # an -ing adjective says what causes a feeling: "by" and "about" belong to the -ed one (surprising by)
    **{a: ("of", "from", "on", "with", "to", "!by", "!about") for a in (
        "exciting", "surprising", "boring", "interesting", "tiring", "amazing", "annoying", "frightening",
        "embarrassing", "disappointing", "worrying", "confusing", "shocking", "terrifying", "relaxing")},
}
COMPLEMENT_ERRORS = ("of", "from", "on", "about", "with", "to")
# verbs by lemma: intransitive ones that take their object through a preposition (arrive at, listen to,
# belong to: "arrived the airport", "listened the teacher" are errors), prepositions a verb refuses
# (arrive to, discuss about, reach to, depend of), verbs that take -ing and not "to" (enjoy to swim), and
# verbs whose person comes after "to", never first (explained me the problem, suggested me to go)
# (the everyday collocations of a learner's dictionary: visit to, enter to, mention about, lack of, wait me,
# insist to, participate to, rely in, practise to swim …)
VERB_COMPLEMENTS = {"arrive": "intr/x:to", "listen": "intr", "belong": "intr", "complain": "intr",
                    "discuss": "x:about/x:on", "reach": "x:to/x:at", "depend": "x:of/x:from/x:in",
                    **{v: "intr" for v in ("apologise", "apologize", "reply", "respond", "happen", "cope")},
                    "participate": "intr/x:to/x:at/x:on", "insist": "intr/x:to/x:about/x:for",
                    "concentrate": "intr/x:at/x:to/x:in/x:about", "rely": "intr/x:in/x:to/x:at/x:of",
                    "consist": "intr/x:from/x:by", "care": "intr",
                    **{v: "x:to" for v in ("visit", "enter", "phone", "approach", "join", "tell", "ask", "email",
                                           "contact")},
                    "marry": "x:with", "resemble": "x:to/x:with", "lack": "x:of",
                    **{v: "x:about" for v in ("mention", "describe")}, "emphasise": "x:on", "emphasize": "x:on",
                    **{v: "x:toinf" for v in ("enjoy", "finish", "avoid", "mind", "practise", "practice", "imagine",
                                              "miss", "risk", "deny", "dislike", "fancy", "postpone")},
                    **{v: "x:acc" for v in ("explain", "say", "agree", "speak")}, "wait": "intr", "suggest": "x:acc/x:toinf"}
# verbs of state: not in the progressive (she is knowing the answer); by lemma, their -ing form
STATIVE = ("know", "understand", "believe", "want", "need", "prefer", "own", "seem", "recognize", "recognise",
           "contain", "consist", "deserve", "mean")
# uncountable nouns whose -s plural is a word the lexicon lists (informations, advices) but no English:
# learners' errors, BAD like "childs"
UNCOUNTABLE = ("information", "advice", "furniture", "homework", "housework", "luggage", "baggage", "equipment",
               "knowledge", "evidence", "research", "progress", "scenery", "machinery", "jewellery", "jewelry",
               "rubbish", "garbage", "feedback", "software", "cutlery", "clothing", "luck", "weather",
               "traffic", "music", "health")
# forms the lexicon lists for a rare sense (flied: baseball; hanged: executions; peoples: nations; payed: ropes) that
# everyday sentences use only as a learner's regular form of an irregular word: BAD like "goed"
EVERYDAY_BAD = ("flied", "hanged", "peoples", "mans", "payed", "moneys", "foots")
# plural units of time and measure: since two years (for), ten years old, two metres long
# adjectives by their place in a row before a noun: an opinion comes before size, age, shape and colour (a lovely
# old cottage, not "an old lovely cottage"); the everyday ones of a learner's grammar
ADJECTIVE_ORDER = {
    **{w: "op" for w in ("lovely", "beautiful", "nice", "pretty", "wonderful", "gorgeous", "charming", "delicious",
                         "horrible", "ugly", "terrible", "awful", "amazing", "fantastic", "excellent", "perfect", "cute",
                         "cosy", "cozy", "expensive", "cheap", "brilliant", "great", "friendly", "pleasant", "strange",
                         "weird", "stunning", "fabulous", "adorable", "elegant", "comfortable", "boring", "interesting",
                         "funny", "silly", "stupid", "lucky", "peaceful", "fine", "smart", "clever", "nasty",
                         "lovely", "delightful", "terrific", "superb", "awesome", "dreadful", "disgusting", "tasty")},
    **{w: "fact" for w in ("little", "small", "tiny", "big", "large", "huge", "old", "new", "young", "ancient",
                           "modern", "long", "short", "tall", "round", "square", "red", "blue", "green", "white",
                           "black", "brown", "yellow", "grey", "gray", "pink", "purple", "orange", "wooden", "plastic",
                           "woollen", "golden", "dark", "light")},
}
LONG_UNITS = ("years", "months", "decades", "ages")  # ("for two hours every evening" may be a habit)
UNITS = ("years", "months", "weeks", "days", "hours", "minutes", "ages", "decades", "centuries", "metres", "meters",
         "kilometres", "kilometers", "miles", "feet", "inches", "centimetres", "centimeters", "kilos", "grams")
# verbs with two objects ("she gave me the keys"): "gave to me the keys" puts the person in the wrong place
DOUBLE_OBJECT = ("give", "show", "send", "bring", "lend", "offer", "hand", "pass", "teach", "sell", "throw", "owe",
                 "promise", "pay")
# -ly adverbs that may stand between a verb and its object: they focus or comment (it costs nearly ten pounds, he
# ate only the bread, she is probably the best); the other -ly adverbs say how (he opened slowly the door)
FOCUS = ("only", "really", "nearly", "mostly", "mainly", "usually", "probably", "possibly", "certainly", "definitely",
         "actually", "exactly", "simply", "merely", "especially", "particularly", "approximately", "roughly",
         "literally", "basically", "obviously", "clearly", "apparently", "hopefully", "luckily", "unfortunately",
         "fortunately", "honestly", "seriously", "absolutely", "hardly", "barely", "scarcely", "early", "likely",
         "largely", "partly", "solely", "chiefly", "primarily", "generally", "normally", "typically", "originally",
         "eventually", "finally", "recently", "currently", "previously", "immediately", "directly", "personally",
         "naturally", "surely", "truly", "equally", "mainly", "presumably", "supposedly", "allegedly", "arguably")
# people named by their relation to someone: "my aunt husband" wants the genitive (my aunt 's husband)
KIN = ("mother", "father", "sister", "brother", "aunt", "uncle", "cousin", "husband", "wife", "son", "daughter",
       "grandmother", "grandfather", "grandma", "grandpa", "granny", "mum", "dad", "mom", "niece", "nephew", "friend",
       "neighbour", "neighbor", "boss", "boyfriend", "girlfriend", "grandson", "granddaughter", "partner", "flatmate",
       "roommate", "colleague", "stepmother", "stepfather", "fiance", "fiancee", "sibling", "parent", "child",
       "mate")
# (let / make take no -ing after their object either: let 's going, she made me waiting)
BARE_VERBS = {"let": "let", "make": "let", "see": "bare", "hear": "bare", "watch": "bare", "feel": "bare",
              "notice": "bare", "help": "help"}
# verbs whose object an adjective may follow (paint the room white, keep the food warm, like my tea hot); make,
# let, see … (BARE_VERBS) too
RESULT_VERBS = ("paint", "keep", "leave", "get", "find", "turn", "dye", "like", "want", "prefer", "wipe", "drive",
                "push", "pull", "call", "consider", "set", "colour", "color", "serve", "eat", "drink", "hold", "shut",
                "kick", "wash", "sweep", "scrub", "boil", "fry", "bake", "cut", "slice")
KEEP_OPEN = {"like": ("V",), "home": ("N",), "past": ("N", "A")}  # (in the past, the past week / half past six)
CLOSED: dict[str, tuple[str, ...]] = {}
for _tag, _words in _GROUPS.items():
    for _w in _words.split():
        CLOSED.setdefault(_w, (_tag,))
CLOSED |= {w: (tags[0], "PRON_ANY") for w, tags in CLOSED.items() if tags[0].startswith("QDET")}  # some of them
CLOSED |= _SEVERAL
OPEN = ("N", "V", "A", "R")
FORMS = ("base", "3s", "past", "pp", "ing")


@dataclass(frozen=True)
class WordClass:
    """The fields of a class string (see the module docstring)."""

    primary: str
    readings: tuple[str, ...]
    number: str  # sg | pl | sgpl | -
    forms: tuple[str, ...]  # verb forms
    sound: str  # v | c | - (not a word "a"/"an" can stand before)
    mark: str = "-"

    @property
    def name(self) -> str:
        return "|".join((self.primary, "+".join(self.readings), self.number, "+".join(self.forms) or "-",
                         self.sound, self.mark))

    @property
    def rule_mark(self) -> str:
        """The mark without the parts one rule reads alone (LINKING, BARE_AFTER, FEELING, THING, FLAT_LY,
        PARTICIPLE_ADJECTIVE, TIME_NOUN): what every other reader compares (feel: "bare", look: the noun's "cnt",
        school: "cnt")."""
        return "/".join(p for p in self.mark.split("/") if p not in (
            LINKING, BARE_AFTER, FEELING, THING, FLAT_LY, PARTICIPLE_ADJECTIVE, TIME_NOUN)) or "-"

    @staticmethod
    def parse(name: str) -> "WordClass":
        primary, readings, number, forms, sound, mark = name.split("|")
        return WordClass(primary, tuple(readings.split("+")), number, tuple(forms.split("+")) if forms != "-" else (),
                         sound, mark)


UNK_CLASS = WordClass("UNK", ("UNK",), "-", (), "-")
BAD_CLASS = WordClass("BAD", ("BAD",), "-", (), "-")


def sound(word: str) -> str:
    if word.startswith(CONSONANT_SOUND):
        return "c"
    return "v" if word[0] in "aeiou" or word.startswith(VOWEL_SOUND) else "c"


def _open_class(readings: list[tuple[str, str, str, int]], word: str) -> WordClass | None:
    """The class of an open-class word from its (lemma, pos, tag, SemCor count) readings."""
    top = max(count for *_, count in readings)
    kept = [r for r in readings if r[3] * RARE >= top or top < EVIDENCE]
    pos_letter = {"noun": "N", "verb": "V", "adj": "A", "adv": "R"}
    count_by: dict[str, int] = {}
    for _lemma, pos, _tag, count in kept:
        letter = pos_letter[pos]
        count_by[letter] = max(count_by.get(letter, -1), count)
    nouns = {(lemma, tag): count for lemma, pos, tag, count in kept if pos == "noun"}
    number = "-"
    if nouns:
        # one lemma listed as both: an uncountable noun ("water"); two lemmas ("eggs" the plural of "egg",
        # and a rare lemma "eggs"): the commoner one
        same_lemma = {lemma for lemma, tag in nouns if (lemma, "sg") in nouns and (lemma, "pl") in nouns}
        number = INVARIANT.get(word) or ("sg" if same_lemma else max(nouns, key=lambda k: (nouns[k], k[1]))[1])
        # (read as singular, yet the plural of another lemma: a noun of either number, the woods, my feelings)
        if number == "sg" and any(tag == "pl" and lemma not in same_lemma for lemma, tag in nouns):
            number = "sgpl"
    forms = tuple(f for f in FORMS if any(pos == "verb" and tag == f for _l, pos, tag, _c in kept))
    if "ing" in forms and "N" not in count_by:  # every -ing form is also a gerund: the dining room, needs cutting
        count_by["N"], number = -1, "sg"
    letters = tuple(x for x in OPEN if x in count_by)
    primary = max(letters, key=lambda x: (count_by[x], -OPEN.index(x)))
    return WordClass(primary, letters, number, forms, sound(word))


def regular_plural(noun: str) -> str:
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    return noun + "s"


def _regular_past(verb: str) -> tuple[str, ...]:
    """The regular past a learner would write: walked, and for a verb ending in consonant-vowel-consonant the
    doubled one too (forgetted, swimmed)."""
    if verb.endswith("e"):
        return (verb + "d",)
    if verb.endswith("y") and verb[-2:-1] not in ("a", "e", "i", "o", "u"):
        return (verb[:-1] + "ied",)
    doubled = (verb + verb[-1] + "ed",) if _ends_cvc(verb) else ()
    return (verb + "ed", *doubled)


def misspelt_inflections(verb: str, forms: dict[str, tuple[str, ...]]) -> set[str]:
    """The -ed / -ing forms a learner spells by the wrong rule, read off the forms the lexicon lists for `verb`
    (its spelling decides, not a guess at stress): a final consonant doubled where English does not double it
    (startted, visitting, openned) or left single where it does (stoped, runing, swiming), a silent e kept before
    -ing (makeing, writeing) or dropped and the consonant doubled (comming, writting), and -ed on an irregular
    past or participle (losted, boughted, forgotted: the past's). Forms English has (planed, hoping) are taken out by the
    caller."""
    past, ing = forms.get("past", ()), forms.get("ing", ())
    out = set()
    last = verb[-1]
    if last not in "aeiouwxy":
        single, double = (verb + "ed", verb + "ing"), (verb + last + "ed", verb + last + "ing")
        listed = set(past) | set(ing)
        if not listed & set(double) and listed & set(single) and last != "l":
            out |= set(double)  # visitting, startted (not travelled, labelled: British English doubles an l)
        if listed & set(double) and not listed & set(single):
            out |= set(single)  # stoped, runing
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe", "ie")) and len(verb) > 2:
        out.add(verb + "ing")  # makeing
        stem = verb[:-1]
        if stem[-1] not in "aeiouwxy" and stem[-2:-1] in tuple("aeiou"):
            out.add(stem + stem[-1] + "ing")  # comming, writting
    for form in past:
        if not form.endswith("ed"):
            out |= set(_regular_past(form))  # losted, forgotted, boughted
    return out


def _ends_cvc(word: str) -> bool:
    vowels = "aeiou"
    return (len(word) >= 3 and word[-1] not in vowels + "wxy" and word[-2] in vowels and word[-3] not in vowels)


def syllables(word: str) -> int:
    """Vowel groups, less a silent final e (nice: 1, expensive: 3): enough to tell one-syllable adjectives."""
    groups = sum(1 for i, ch in enumerate(word) if ch in "aeiouy" and (i == 0 or word[i - 1] not in "aeiouy"))
    return max(1, groups - (word.endswith("e") and not word.endswith(("le", "ee")) and groups > 1))


def _regular_degree(adjective: str) -> tuple[str, str]:
    """The -er / -est forms a learner would write (expensiver, expensivest, gooder, baddest)."""
    stem = adjective[:-1] if adjective.endswith("e") else adjective
    if adjective.endswith("y") and adjective[-2:-1] not in ("a", "e", "i", "o", "u"):
        stem = adjective[:-1] + "i"
    elif _ends_cvc(adjective) and syllables(adjective) == 1:
        stem = adjective + adjective[-1]
    return stem + "er", stem + "est"


def synthetic(entry) -> bool:
    """Whether an adjective or adverb lemma compares with -er / -est only ("more old", "the most good" are
    errors): one syllable with a one-word comparative (old, hard, nice), or an irregular comparative (good,
    bad, far), or two syllables ending in -y (easy, happy: "more easy" is a learner's error; not -ly: "more
    friendly" is English)."""
    comparative = entry.forms.get("cmp", ())
    if not comparative or any(" " in c for c in comparative):
        return False
    lemma = entry.lemma
    if syllables(lemma) == 2 and lemma.endswith("y") and not lemma.endswith("ly"):
        return comparative[0] == lemma[:-1] + "ier"
    return syllables(entry.lemma) == 1 or not comparative[0].startswith(entry.lemma[:-1] if entry.lemma.endswith(
        ("e", "y")) else entry.lemma)


def over_regularised(lexicon) -> set[str]:
    """Forms a learner builds by rule that English does not have: regular forms of irregular nouns, verbs and
    adjectives the lexicon knows as no word (childs, goed, forgetted, gooder, expensivest, and -s / -ed after a
    consonant + y: babys, studys, tryed; an adjective of
    three syllables or more has no -er form), and plurals of uncountable or invariant nouns that the
    lexicon lists as nothing else (informations, homeworks, deers)."""
    out = set()
    for entry in lexicon.english.values():
        if entry.pos == "noun" and entry.forms.get("pl") and entry.count >= 1:
            guess = regular_plural(entry.lemma)
            if guess not in entry.forms["pl"]:
                out.add(guess)  # childs
                out |= {plural + "s" for plural in entry.forms["pl"] if not plural.endswith("s")}  # childrens
        if entry.pos == "verb" and entry.forms.get("past") and entry.count >= 1:
            out |= {guess for guess in _regular_past(entry.lemma) if guess not in entry.forms["past"]}
        if entry.pos == "adj" and entry.count >= 1 and entry.lemma.isalpha():
            comparative = entry.forms.get("cmp", ())
            irregular = comparative and synthetic(entry) and syllables(entry.lemma) > 1 or (
                comparative and not comparative[0].startswith(entry.lemma[:2]))
            if irregular or (not comparative and syllables(entry.lemma) >= 3):
                out |= set(_regular_degree(entry.lemma))
        # (a verb's spelling errors for every verb: tidy, a verb SemCor never tags, is everyday)
        common = entry.count >= 1 or entry.pos == "verb"
        if entry.pos in ("noun", "verb") and common and entry.lemma.endswith("y") and entry.lemma[-2:-1] not in "aeiou":
            out.add(entry.lemma + "s")  # babys, citys, studys, worrys (consonant + y takes -ies)
            if entry.pos == "verb":
                out.add(entry.lemma + "ed")  # emptyed, studyed, tryed
        if entry.pos == "adj" and entry.count >= 1 and entry.lemma.isalpha():
            out.add(entry.lemma + "s")  # beautifuls (an adjective has no plural)
        if entry.pos in ("noun", "verb") and common and entry.lemma.endswith(("s", "x", "z", "ch", "sh")):
            out.add(entry.lemma + "s")  # boxs, watchs, fixs, washs (a hissing end takes -es)
        if entry.pos == "verb" and entry.lemma.isalpha():
            out |= misspelt_inflections(entry.lemma, entry.forms)
    out = {w for w in out if w not in lexicon.forms and w not in lexicon.closed and w.isalpha()}
    # plurals in -fs of nouns whose plural is -ves (leafs, knifes, wifes): LemmInflect lists some beside -ves
    for entry in lexicon.english.values():
        plurals = entry.forms.get("pl", ()) if entry.pos == "noun" else ()
        if entry.lemma.endswith(("f", "fe")) and any(p.endswith("ves") for p in plurals) and entry.lemma not in (
                "scarf", "hoof", "dwarf", "wharf", "roof"):
            guess = entry.lemma + "s"
            if all(pos == "noun" for _, pos, _ in lexicon.forms.get(guess, [])):
                out.add(guess)
    out |= {"haved", "hased", "doed", "dided", "beed", "haveing", "doeing"}  # the auxiliaries' regular forms
    plain = set(UNCOUNTABLE) | {w for w, n in INVARIANT.items() if n == "sgpl" and w not in ("fish", "lot")}
    for noun in plain:
        guess = regular_plural(noun)
        if all((lemma, pos, tag) == (noun, "noun", "pl") for lemma, pos, tag in lexicon.forms.get(guess, [])):
            out.add(guess)
    return out


def with_participles(lexicon) -> dict[str, list[tuple[str, str, str]]]:
    """Every form's readings, where a regular verb's past form is also its participle (LemmInflect lists
    a participle only where it differs: "walked" is past and pp, "went" only past)."""
    past_is_pp = {lemma for (lemma, pos), e in lexicon.english.items() if pos == "verb" and "pp" not in e.forms}
    past_is_pp |= {"get"}  # "has got" (British) beside "has gotten"
    # (a British past in -t beside a regular one is a participle too: has learnt, was burnt, has spelt)
    past_is_pp |= {lemma for (lemma, pos), e in lexicon.english.items() if pos == "verb" and any(
        past.endswith("ed") for past in e.forms.get("past", ())) and any(
        past.endswith("t") for past in e.forms.get("past", ()))}
    return {word: analyses + [(lemma, pos, "pp") for lemma, pos, tag in analyses
                              if pos == "verb" and tag == "past" and lemma in past_is_pp]
            for word, analyses in lexicon.forms.items()}


def classify(lexicon) -> dict[str, WordClass]:
    """Every single-token word form the built lexicon knows for grammaticality (its main table and the wider
    one, `Lexicon.for_task`), with its class; BAD forms; UNK. A form the main table knows to be wrong stays
    BAD when a rarer lemma of the wider table has it too: "wolfs" (to wolf) and "gooses" (to goose) are
    read as the plurals people get wrong, not as verbs."""
    bad = over_regularised(lexicon)
    lexicon = lexicon.for_task("grammaticality")
    bad |= over_regularised(lexicon)
    forms = with_participles(lexicon)
    english = in_use(bad, wordnet_texts()) - set(EVERYDAY_BAD) - irregular_plurals(lexicon)
    bad -= english
    forms |= {w: r for w in english if w not in forms and (r := regular_readings(w, lexicon))}
    forms = with_unlisted_plurals(forms, lexicon)
    table: dict[str, WordClass] = {}
    for word, analyses in forms.items():
        if tokenize(word) != [word] or word in CLOSED:
            continue
        table[word] = _with_lost_noun(_open_class([(lemma, pos, tag, lexicon.english[lemma, pos].count)
                                                   for lemma, pos, tag in analyses], word), word, analyses, lexicon)
    for word, tags in CLOSED.items():
        # (an adverb of the closed list keeps the lexicon's adjective reading: a little dog, the late train, the
        # far side, an only child)
        extra = KEEP_OPEN.get(word, ("A",) if tags == ("R",) else ())
        readings = forms.get(word) or (weighed_adverb_readings(word, lexicon) if tags == ("R",) else [])
        analyses = [(lemma, pos, tag, lexicon.english[lemma, pos].count)
                    for lemma, pos, tag in readings if {"noun": "N", "verb": "V", "adj": "A"}.get(pos) in extra]
        open_part = _open_class(analyses, word) if analyses else None
        readings = tags + (open_part.readings if open_part else ())
        before_a_noun = tags[0] in ("NUM", "NUM1", "ORD", "R")  # "an eight", "an old": the sound matters
        table[word] = WordClass(tags[0], readings, open_part.number if open_part else NOUN_NUMBER.get(word, "-"),
                                open_part.forms if open_part else (), sound(word) if before_a_noun else "-")
    compared = {e.lemma for e in lexicon.english.values() if e.pos in ("adj", "adv") and synthetic(e)}
    adverbs = {e.lemma for e in lexicon.english.values() if e.pos == "adv"}
    with_ly = {e.lemma for e in lexicon.english.values() if e.pos == "adj" and ly_adverb(e.lemma) in adverbs}
    to_object, object_only, object_first = to_object_verbs(), object_only_verbs(), object_first_verbs()
    table = {w: replace(c, mark=_mark(w, c, forms.get(w, []), compared, with_ly, to_object, object_only,
                                      object_first))
             for w, c in table.items()}
    used_counted = counted_by_use(forms, wordnet_texts())
    table = {w: replace(c, mark="cntw") if c.mark == "-" and c.number == "sg" and "N" in c.readings and w in used_counted
             else c for w, c in table.items()}
    countable = {w for w, c in table.items() if c.mark == "cnt"}
    bare_after = bare_after_preposition(countable, wordnet_texts())
    table = {w: replace(c, mark=f"cnt/{BARE_AFTER}") if w in countable and w in bare_after else c
             for w, c in table.items()}
    # (joined to the mark a verb has: feel keeps "bare", look the noun's "cnt")
    linking = linking_verbs()
    table = {w: _joined(c, LINKING) if "V" in c.readings and any(
        pos == "verb" and lemma in linking for lemma, pos, _ in forms.get(w, [])) else c for w, c in table.items()}
    # a participle of a verb of feeling ("fl") and a noun that names no one who could feel it ("th"): the
    # interested / interesting rule (the trip was interested)
    feeling, feelers = feeling_verbs(), feeling_nouns()
    table = {w: _joined(c, FEELING) if "pp" in c.forms and any(
        pos == "verb" and lemma in feeling for lemma, pos, _ in forms.get(w, [])) else c for w, c in table.items()}
    # a verb whose commonest sense has a thing for its subject ("thv": the guarantee lasts for two years; a verb
    # with no other mark, which other rules compare whole)
    things = thing_verbs()
    table = {w: replace(c, mark=THING_VERB) if c.primary == "V" and c.mark == "-" and (lemmas := {
        lemma for lemma, pos, _ in forms.get(w, []) if pos == "verb"}) and lemmas <= things else c
             for w, c in table.items()}
    # an adjective whose adverb reading only ever stands for its -ly adverb ("fla": she smiled sweet)
    flat = flat_ly_adverbs()
    table = {w: _joined(c, FLAT_LY) if w in flat and "R" in c.readings and "ly" in c.mark.split("/") else c
             for w, c in table.items()}
    nouns, adjectives = wordnet_words("noun"), wordnet_words("adj")
    table = {w: _joined(c, THING) if c.primary == "N" and (lemmas := {
        lemma for lemma, pos, _ in forms.get(w, []) if pos == "noun"}) and lemmas <= nouns and not lemmas & feelers
             else c for w, c in table.items()}
    # a noun that names a time in one of its commonest senses: "last" / "next" before it is a time phrase (next week)
    times = time_nouns()
    table = {w: _joined(c, TIME_NOUN) if "N" in c.readings and any(
        pos == "noun" and lemma in times for lemma, pos, _ in forms.get(w, [])) else c for w, c in table.items()}
    # a body of people by its commonest sense (staff, personnel, workforce) agrees with a verb of either number
    personnel = personnel_nouns()
    table = {w: replace(c, number="sgpl") if c.primary == "N" and c.number == "sg" and any(
        pos == "noun" and tag == "sg" and lemma in personnel for lemma, pos, tag in forms.get(w, [])) else c
             for w, c in table.items()}
    # a participle WordNet lists as an adjective stands before its noun as one (the grilled sardines, a signed
    # contract, the ruined mill), as the participles the lexicon lists as adjectives do (closed, delayed)
    table = {w: participle_adjective(c) if w in adjectives else c for w, c in table.items()}
    # a superlative may head its noun phrase (my youngest is …, the best is yet to come): a noun reading too
    table = {w: replace(c, readings=(*c.readings, "N"), number="sg") if c.primary == "A" and "N" not in c.readings
             and "deg" in c.mark.split("/") else c for w, c in table.items()}
    table |= {w: BAD_CLASS for w in (*bad, *EVERYDAY_BAD)}
    table[UNK] = UNK_CLASS
    return table


def weighed_adverb_readings(word: str, lexicon) -> list[tuple[str, str, str]]:
    """A closed-list adverb's readings in the wider table, which the task's view drops for a word the closed table
    knows (`Lexicon.for_task`): the adjective and adverb entries of its own lemma, when that table lists both and
    the adjective passes the 1/RARE test against the adverb (`_open_class`). "early" (adjective 119 SemCor tags,
    adverb 26) and "far" (26, 125) keep their adjective: the early train, the far end; "still", whose adverb the
    wider table does not list, keeps none (it could not be weighed, and "she still lives here" would read an
    adjective before a noun-verb word)."""
    listed = [(word, pos, tag) for pos in ("adj", "adv") if (entry := lexicon.english.get((word, pos)))
              for tag, spelt in entry.forms.items() if word in spelt]
    if {pos for _, pos, _ in listed} != {"adj", "adv"}:
        return []
    kept = _open_class([(lemma, pos, tag, lexicon.english[lemma, pos].count) for lemma, pos, tag in listed],
                       word).readings
    return [r for r in listed if r[1] == "adj" and "A" in kept]


# countability by use: a singular noun that WordNet's glosses and examples (1.8M words of English) put after
# "a / an / every / each / another" (next to it or one word before it) at least COUNTED_SHARE as often as bare
# (after no determiner, possessive or "of", two words back included, and before no noun), and at least
# COUNTED_MIN times: the evidence LemmInflect lacks (it lists "view" and "surprise" as plurals of themselves,
# like "coffee"). Measured on everyday nouns: countable ones 0.31-0.81 (surprise, sunset 0.31; dog 0.62, van
# 0.42), mass ones 0.01-0.28 (music 0.02, weather 0.05, coffee 0.14, air 0.19, space 0.28)
INDEFINITE = ("a", "an", "every", "each", "another")
_NOT_BARE = INDEFINITE + ("the", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their",
                          "some", "any", "no", "which", "what", "whose", "of", "one")
COUNTED_SHARE = 0.3
COUNTED_MIN = 3


def counted_by_use(forms: dict[str, list[tuple[str, str, str]]], texts) -> set[str]:
    """The singular noun forms (of `forms`, word → (lemma, pos, tag) readings) that `texts` (lines of English)
    use as countable: see COUNTED_SHARE."""
    singular = {w for w, analyses in forms.items() if any(p == "noun" and t == "sg" for _, p, t in analyses)}
    nouns = {w for w, analyses in forms.items() if any(p == "noun" for _, p, _ in analyses)}
    counted: dict[str, int] = {}
    bare: dict[str, int] = {}
    for line in texts:
        words = ["", ""] + re.findall(r"[a-z]+", line.lower()) + [""]
        for i in range(2, len(words) - 1):
            w = words[i]
            if w not in singular:
                continue
            if words[i - 1] in INDEFINITE or words[i - 2] in INDEFINITE:
                counted[w] = counted.get(w, 0) + 1
            elif words[i - 1] not in _NOT_BARE and words[i - 2] not in _NOT_BARE and words[i + 1] not in nouns:
                bare[w] = bare.get(w, 0) + 1
    return {w for w, n in counted.items() if n >= COUNTED_MIN and n >= COUNTED_SHARE * (n + bare.get(w, 0))}


# a countable noun English puts bare after a preposition (at school, in bed, on foot, on strike, in town): WordNet's
# glosses and examples put it right after a preposition at least BARE_AFTER_SHARE of the times they put it after a
# preposition and a determiner (or a possessive). Measured: window 0.02, kitchen 0.05, table 0.13, street 0.14, city
# 0.16; church 0.22, foot 0.33, town 0.44, school 0.53, bed 0.54, work 0.68 (hospital 0.03: WordNet's English is
# American, "in the hospital")
BARE_AFTER_SHARE = 0.2
BARE_AFTER = "pb"  # the part of a countable noun's mark that says so


def bare_after_preposition(nouns: set[str], texts) -> set[str]:
    """The nouns of `nouns` that `texts` (lines of English) put bare right after a preposition: see BARE_AFTER_SHARE."""
    prepositions = {w for w, tags in CLOSED.items() if "PREP" in tags}
    bare: dict[str, int] = {}
    determined: dict[str, int] = {}
    for line in texts:
        words = ["", ""] + re.findall(r"[a-z]+", line.lower())
        for i in range(2, len(words)):
            if words[i] not in nouns:
                continue
            if words[i - 1] in prepositions:
                bare[words[i]] = bare.get(words[i], 0) + 1
            elif words[i - 2] in prepositions and words[i - 1] in _NOT_BARE:
                determined[words[i]] = determined.get(words[i], 0) + 1
    return {w for w, n in bare.items() if n >= BARE_AFTER_SHARE * (n + determined.get(w, 0))}


# a form the rules above call a learner's (a regular form of an irregular word, -s on an adjective) that WordNet's
# glosses and examples (1.8M words) use at least IN_USE_MIN times is English: knitted (16), brambles (5), seconds
# (15), lasts (13), americans (58); the learners' forms are used at most once there (babys, leafs) or never (childs,
# goed, informations)
IN_USE_MIN = 4


def in_use(words: set[str], texts) -> set[str]:
    """The words of `words` that `texts` (lines of English) use at least IN_USE_MIN times."""
    seen: dict[str, int] = {}
    for line in texts:
        for w in re.findall(r"[a-z]+", line.lower()):
            if w in words:
                seen[w] = seen.get(w, 0) + 1
    return {w for w, n in seen.items() if n >= IN_USE_MIN}


def irregular_plurals(lexicon) -> set[str]:
    """The regular plurals of the nouns whose plural the lexicon lists as another word (loafs: loaves; polices: police):
    a learner's plural even where a verb of the same spelling is English (he loafs about)."""
    plurals = {e.lemma: e.forms.get("pl", ()) for e in lexicon.english.values() if e.pos == "noun"}
    return {regular_plural(n) for n, pl in plurals.items()
            if pl and regular_plural(n) not in pl and (n not in pl or n in INVARIANT)}


def with_unlisted_plurals(forms: dict[str, list[tuple[str, str, str]]], lexicon) -> dict[str, list[tuple[str, str, str]]]:
    """`forms` with the regular plural of every noun lemma the lexicon lists with no plural, where that spelling is
    already a form of another reading (tins, bars, tops: LemmInflect lists "tin" as a mass noun only, and "tins" as
    the verb's -s form): a plural noun reading beside it, which the 1/RARE rule then weighs like any other."""
    out = dict(forms)
    for entry in lexicon.english.values():
        if entry.pos == "noun" and not entry.forms.get("pl") and (plural := regular_plural(entry.lemma)) in forms and (
                entry.lemma, "noun", "pl") not in forms[plural]:
            out[plural] = out[plural] + [(entry.lemma, "noun", "pl")]
    return out


def regular_readings(word: str, lexicon) -> list[tuple[str, str, str]]:
    """What a regular form the lexicon does not list is: the plural of a noun lemma (brambles), the past and
    participle of a verb lemma (knitted)."""
    out = [(e.lemma, "noun", "pl") for e in lexicon.english.values() if e.pos == "noun" and regular_plural(e.lemma) == word]
    for e in lexicon.english.values():
        if e.pos == "verb" and word in _regular_past(e.lemma):
            out += [(e.lemma, "verb", "past"), (e.lemma, "verb", "pp")]
    return out


# a verb's noun reading that the lexicon lacks (WordNet lists the noun: a spill, a cough, a swim, a pinch) or that
# the 1/RARE rule dropped (the lift: 1 noun use in SemCor against 54 verb ones) is given back to a verb of fewer
# than LOST_NOUN_MAX uses; a very common verb's rare noun (a go, the see, in the know) is no everyday noun, and
# reading it as one would hide "i want go"
LOST_NOUN_MAX = 100


def _with_lost_noun(c: WordClass, word: str, analyses: list[tuple[str, str, str]], lexicon) -> WordClass:
    """The class with the singular noun reading of a verb first's base form that WordNet lists as a noun (see
    LOST_NOUN_MAX). (Not the -s form: "a cat that sleeps", "the tap drips" would read a plural noun.)"""
    if c.primary != "V" or "N" in c.readings:
        return c
    if not any(lemma == word and pos == "verb" and tag == "base" and lexicon.english[lemma, pos].count < LOST_NOUN_MAX
               for lemma, pos, tag in analyses) or word not in wordnet_words("noun"):
        return c
    return replace(c, readings=tuple(r for r in OPEN if r in (*c.readings, "N")), number="sg")


@lru_cache(maxsize=None)
def wordnet_words(pos: str) -> frozenset[str]:
    """WordNet's single-word lemmas of a class ("noun", "adj", …)."""
    from weightsmith.tasks.nlp.dictionary import english, sources

    return frozenset(w for w, kinds in english.wordnet_lemmas(sources.path("wordnet").parent).items() if pos in kinds)


PARTICIPLE_ADJECTIVE = "pa"  # the part of a mark that says the adjective reading is a participle's (read alone)


def participle_adjective(c: WordClass) -> WordClass:
    """A verb first's participle with an adjective reading joined, marked PARTICIPLE_ADJECTIVE (the lexicon drops the
    rare adjective of a participle, or never lists it: grilled, signed, ruined, scrambled, written); other
    classes unchanged. The reading is taken only before a noun (`grammar.resolve`): everywhere else the word reads as
    the participle it was, and its neighbours see it as one."""
    if c.primary != "V" or "pp" not in c.forms or "A" in c.readings:
        return c
    return _joined(replace(c, readings=tuple(r for r in OPEN if r in (*c.readings, "A"))), PARTICIPLE_ADJECTIVE)


def to_object_verbs() -> set[str]:
    """Verb lemmas whose object takes "to" before the verb after it (asked him to close, want me to study): WordNet
    lists frame 24 ("Somebody ----s somebody to INFINITIVE") for one of their senses and frame 25 ("Somebody ----s
    somebody INFINITIVE") for none, and they are not of BARE_VERBS (see, hear, feel: perception verbs, which WordNet
    gives frame 24 and not 25)."""
    return {w for w, f in verb_frames().items() if 24 in f and 25 not in f and w not in BARE_VERBS}


# WordNet's verb frames with an object (Somebody ----s something, Something ----s somebody, … somebody to INFINITIVE);
# the others have none (Something ----s, Somebody ----s PP, Somebody ----s Adjective, … that CLAUSE)
OBJECT_FRAMES = frozenset((5, 8, 9, 10, 11, 14, 15, 16, 17, 18, 19, 20, 21, 24, 25, 30, 31))


def object_only_verbs() -> set[str]:
    """Verb lemmas every sense of which WordNet frames with an object (delay, exhaust, scare, cancel, injure,
    postpone, situate: 5,588 of 11,529): with no object after it, such a verb's past is its participle, and its
    clause lacks "be" (the train delayed by the snow, i scared of dogs)."""
    return {w for w, f in verb_frames().items() if f <= OBJECT_FRAMES}


# how many of a lemma's commonest senses must take an object for `object_first_verbs`; and WordNet's frame of a thing
# acting by itself (Something ----s: the fog lifted, the ice melted), which no sense SemCor counts may have
OBJECT_SENSES = 2
BY_ITSELF_FRAME = 1


def object_first_verbs() -> set[str]:
    """Verb lemmas that take an object in their OBJECT_SENSES commonest senses and that no sense SemCor counts
    (index.verb's tagged senses) frames as a thing acting by itself: a superset of `object_only_verbs` (cover,
    shock, locate, crowd, flood; not lift: "the fog lifted" is a sense SemCor counts). A rarer sense may still take
    no object (the river flooded), so such a past is read as a participle lacking its "be" only before a phrase that
    a participle takes (the hills covered in heather, our hotel located near the beach)."""
    return {w for w, s in verb_senses().items() if s.frames[:OBJECT_SENSES]
            and all(f and f <= OBJECT_FRAMES for f in s.frames[:OBJECT_SENSES])
            and not any(BY_ITSELF_FRAME in f for f in s.frames[:s.counted])}


@lru_cache(maxsize=1)
def synset_frames() -> dict[str, dict[str, frozenset[int]]]:
    """Verb synset offset → each of its words → the numbers of the frames WordNet lists for that word there
    (data.verb)."""
    from weightsmith.tasks.nlp.dictionary import sources

    synsets: dict[str, dict[str, frozenset[int]]] = {}
    with open(sources.path("wordnet").parent / "data.verb", encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split("|")[0].split()
            count = int(fields[3], 16)
            words = [fields[4 + 2 * i].lower() for i in range(count)]
            i = 4 + 2 * count
            i += 1 + 4 * int(fields[i])  # pointers
            frames: dict[str, set[int]] = {}
            for k in range(int(fields[i]) if i < len(fields) else 0):  # frames: "+ frame word"
                frame, which = int(fields[i + 2 + 3 * k]), int(fields[i + 3 + 3 * k], 16)
                for j, word in enumerate(words):
                    if which in (0, j + 1):
                        frames.setdefault(word, set()).add(frame)
            synsets[fields[0]] = {w: frozenset(f) for w, f in frames.items()}
    return synsets


@lru_cache(maxsize=1)
def verb_frames() -> dict[str, frozenset[int]]:
    """Verb lemma → the numbers of the frames WordNet lists for any of its senses (data.verb)."""
    frames: dict[str, set[int]] = {}
    for words in synset_frames().values():
        for word, numbers in words.items():
            frames.setdefault(word, set()).update(numbers)
    return {w: frozenset(f) for w, f in frames.items()}


# WordNet's frames with an adjective after the verb (Something ----s Adjective/Noun, Somebody ----s Adjective), read in
# a lemma's LINKING_SENSES commonest senses: 27 one-word lemmas (look, feel, seem, sound, smell, taste, become, get,
# go, grow, stay, remain, appear, prove, stand, behave, act …); in any sense 77, with play, drive, work and wash,
# after which an adjective is a learner's adverb (she played brilliant)
LINKING_FRAMES = frozenset((6, 7))
LINKING_SENSES = 2
LINKING = "lnk"  # the part of a mark that says so


@dataclass(frozen=True)
class VerbSenses:
    """A verb lemma's senses in WordNet: the frames of each, commonest first (index.verb lists a lemma's senses by
    their frequency), and how many of the first have a count in SemCor (the others were never seen tagged)."""
    frames: tuple[frozenset[int], ...]
    counted: int


@lru_cache(maxsize=1)
def verb_senses() -> dict[str, VerbSenses]:
    """Verb lemma → its senses (index.verb, each sense's frames from data.verb)."""
    from weightsmith.tasks.nlp.dictionary import sources

    synsets, senses = synset_frames(), {}
    with open(sources.path("wordnet").parent / "index.verb", encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split()
            lemma, count, pointers = fields[0], int(fields[2]), int(fields[3])
            offsets = fields[6 + pointers:6 + pointers + count]
            senses[lemma] = VerbSenses(tuple(synsets.get(o, {}).get(lemma, frozenset()) for o in offsets),
                                       int(fields[5 + pointers]))
    return senses


@lru_cache(maxsize=1)
def linking_verbs() -> frozenset[str]:
    """Verb lemmas that take an adjective after them (LINKING_FRAMES in one of their LINKING_SENSES commonest
    senses)."""
    return frozenset(w for w, s in verb_senses().items() if any(LINKING_FRAMES & f for f in s.frames[:LINKING_SENSES]))


# the interested / interesting rule: a verb of feeling is one whose commonest WordNet sense is filed under verb.emotion
# and framed "Something ----s somebody", not "Somebody ----s something" (interest, bore, excite, disappoint, shock,
# scare: the thing causes the feeling, so its participle describes the one who feels; not admire, adore, enjoy, whose
# subject feels); a noun that could feel is one whose commonest or next sense falls under a person, an animal or a group
EMOTION_FILE = 37  # verb.emotion, WordNet's lexicographer file number
CAUSER_FRAME = 10  # Something ----s somebody
FEELER_FRAME = 8  # Somebody ----s something (admire, adore: that sense's subject feels)
FEELERS = ("person.n.01", "animal.n.01", "group.n.01")
FEELER_SENSES = 2  # the senses read, commonest first (as LINKING_SENSES)
FEELING = "fl"  # the part of a participle's mark that says so
THING = "th"  # the part of a noun's mark that says so


@lru_cache(maxsize=1)
def feeling_verbs() -> frozenset[str]:
    """Verb lemmas whose commonest sense is a feeling something causes in somebody (EMOTION_FILE, CAUSER_FRAME and
    not FEELER_FRAME)."""
    from weightsmith.tasks.nlp.dictionary import sources

    files = {}
    with open(sources.path("wordnet").parent / "data.verb", encoding="utf-8", errors="replace") as f:
        for line in f:
            if not line.startswith(" "):
                fields = line.split()
                files[fields[0]] = int(fields[1])
    synsets, verbs = synset_frames(), set()
    with open(sources.path("wordnet").parent / "index.verb", encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split()
            lemma, first = fields[0], fields[6 + int(fields[3])]
            frames = synsets.get(first, {}).get(lemma, frozenset())
            if files[first] == EMOTION_FILE and CAUSER_FRAME in frames and FEELER_FRAME not in frames:
                verbs.add(lemma)
    return frozenset(verbs)


# "last" / "next" before a noun make a time phrase that wants a past or a non-past verb (we met last week, we will
# meet next week) only when the noun names a time: "the people next door", "the party next door" name a place. A noun
# names a time when one of its TIME_SENSES commonest WordNet senses is filed under noun.time (week, night, summer,
# monday, term, weekend; not door)
TIME_FILE = 28  # noun.time, WordNet's lexicographer file number
TIME_SENSES = 2
TIME_NOUN = "tm"  # the part of a noun's mark that says so


@lru_cache(maxsize=1)
def time_nouns() -> frozenset[str]:
    """Noun lemmas one of whose TIME_SENSES commonest senses is filed under noun.time (TIME_FILE)."""
    from weightsmith.tasks.nlp.dictionary import english, sources

    folder = sources.path("wordnet").parent
    files = {fields[0]: int(fields[1]) for fields in english._synsets(folder, "data.noun")}
    _, senses = english._noun_graph(folder)
    return frozenset(lemma for lemma, offsets in senses.items() if any(
        files.get(o) == TIME_FILE for o in offsets[:TIME_SENSES]))


@lru_cache(maxsize=1)
def feeling_nouns() -> frozenset[str]:
    """Noun lemmas one of whose FEELER_SENSES commonest senses falls under one of FEELERS (WordNet's hypernyms):
    a fan is a device first and a devotee next, and "the fans were excited" is English."""
    from weightsmith.tasks.nlp.dictionary import english, sources

    return frozenset(english.nouns_under(sources.path("wordnet").parent, {"feeler": FEELERS}, FEELER_SENSES))


# an adjective the lexicon lists as an adverb too is spared by the adjective-for-adverb rule (work hard, drive fast,
# arrive late): English uses it as one. Unless every WordNet sense of the adverb is one of its own -ly adverb (sweet:
# "sweetly, sweet"; quick: "promptly, quickly, quick"; bad, quiet, loud, sharp): then the adverb reading is the -ly
# adverb's informal twin, where the learners' data mark an error (she smiled sweet); hard, late, fast, slow ("the
# clock runs slow"), deep ("the river runs deep"), tight, close, fine, wide have a sense of their own
FLAT_LY = "fla"  # the part of a mark that says so


@lru_cache(maxsize=1)
def flat_ly_adverbs() -> frozenset[str]:
    """Adverb lemmas every WordNet sense of which (index.adv) holds their regular -ly adverb (`ly_adverb`) as well
    (data.adv)."""
    from weightsmith.tasks.nlp.dictionary import english, sources

    folder = sources.path("wordnet").parent
    synsets = {fields[0]: {w.lower() for w in fields[4:4 + 2 * int(fields[3], 16):2]}
               for fields in english._synsets(folder, "data.adv")}
    out = set()
    with open(folder / "index.adv", encoding="utf-8", errors="replace") as f:
        for line in f:
            if not line.startswith(" "):
                fields = line.split()
                lemma, count, pointers = fields[0], int(fields[2]), int(fields[3])
                offsets = fields[6 + pointers:6 + pointers + count]
                if offsets and all(ly_adverb(lemma) in synsets.get(o, ()) for o in offsets):
                    out.add(lemma)
    return frozenset(out)


# WordNet's verb frames whose subject is a thing (Something ----s, It is ----ing, Something ----s something …)
THING_FRAMES = frozenset((1, 3, 4, 5, 6, 10, 11, 12, 34, 35))
THING_VERB = "thv"  # the part of a mark that says so


@lru_cache(maxsize=1)
def thing_verbs() -> frozenset[str]:
    """Verb lemmas whose commonest WordNet sense has only frames with a thing for subject (last: "Something ----s
    something"): in the present simple with "for" + years they state a fact (the guarantee lasts for two years)."""
    return frozenset(w for w, s in verb_senses().items() if s.frames and s.frames[0] and s.frames[0] <= THING_FRAMES)


# a body of people (WordNet's "force, personnel: group of people willing to obey orders") is spoken of as the people
# in it: the staff are friendly, the staff is small
PERSONNEL = "personnel.n.01"


@lru_cache(maxsize=1)
def personnel_nouns() -> frozenset[str]:
    """Noun lemmas whose commonest sense falls under PERSONNEL (staff, personnel, workforce, army, navy; police and
    troops, already plural)."""
    from weightsmith.tasks.nlp.dictionary import english, sources

    return frozenset(english.nouns_under(sources.path("wordnet").parent, {"personnel": (PERSONNEL,)}))


def _joined(c: WordClass, part: str) -> WordClass:
    """The class with `part` joined to its mark."""
    return replace(c, mark=part if c.mark == "-" else f"{c.mark}/{part}")


def wordnet_texts():
    """The glosses and quoted examples of WordNet's data files (installed with the lexicon's WordNet)."""
    from weightsmith.tasks.nlp.dictionary import sources

    folder = sources.path("wordnet").parent
    for pos in ("noun", "verb", "adj", "adv"):
        with open(folder / f"data.{pos}", encoding="utf-8", errors="replace") as f:
            for line in f:
                if not line.startswith(" ") and "|" in line:
                    yield line.split("|", 1)[1]


def is_name(word: str) -> bool:
    """Whether LemmInflect knows the word only as a proper noun (paris, spain, monday, anna): a name needs no
    determiner, so it is no countable singular. (The built lexicon comes from LemmInflect, so it is installed
    wherever this vocabulary is built.)"""
    import lemminflect

    return not lemminflect.getAllInflections(word, upos="NOUN") and bool(
        lemminflect.getAllInflections(word.capitalize(), upos="PROPN"))


def ly_adverb(adjective: str) -> str:
    """The adverb English derives from an adjective by rule (quick → quickly, easy → easily, terrible → terribly,
    basic → basically)."""
    if adjective.endswith("y") and len(adjective) > 2:
        return adjective[:-1] + "ily"
    if adjective.endswith("le") and len(adjective) > 3:
        return adjective[:-1] + "y"
    if adjective.endswith("ic"):
        return adjective + "ally"
    return adjective + "ly"


def _mark(word: str, c: WordClass, analyses: list[tuple[str, str, str]], compared: set[str] = frozenset(),
          with_ly: set[str] = frozenset(), to_object: set[str] = frozenset(),
          object_only: set[str] = frozenset(), object_first: set[str] = frozenset()) -> str:
    """The word's mark (`_plain_mark`), and for an adjective of `ADJECTIVE_ORDER` its place in a row of adjectives
    ("op": an opinion, "fact": size, age, colour …), and "ly" for an adjective first whose -ly adverb the lexicon
    knows (terrible: terribly), joined by "/"."""
    parts = [p for p in _verb_mark(word, c, analyses, compared, to_object, object_only, object_first).split("/") if p != "-"]
    if "A" in c.readings and word in ADJECTIVE_ORDER:
        parts.append(ADJECTIVE_ORDER[word])
    if c.primary == "A" and word in with_ly and not {"cnt", "kin", "name", "unc"} & set(parts):
        parts.append("ly")
    return "/".join(parts) or "-"


def _verb_mark(word: str, c: WordClass, analyses: list[tuple[str, str, str]], compared: set[str] = frozenset(),
               to_object: set[str] = frozenset(), object_only: set[str] = frozenset(),
               object_first: set[str] = frozenset()) -> str:
    """`_plain_mark`, and "toobj" joined to the mark of a verb first whose lemma is of `to_object_verbs` (a bare verb
    after its object is an error: she asked him close the window); "tr" for a past that is also a participle, of
    verbs all of `object_only_verbs` (with no object it needs "be": the match cancelled because of the rain); "trp"
    for such a past of verbs all of `object_first_verbs` and not all of `object_only_verbs` (read only before a
    preposition: the hills covered in heather; the river flooded .)."""
    plain = _plain_mark(word, c, analyses, compared)
    if c.primary == "V" and (plain in ("-", "res", "dit") or plain.startswith("x:")) and any(
            pos == "verb" and lemma in to_object for lemma, pos, _ in analyses):
        return "toobj" if plain == "-" else plain + "/toobj"
    verbs = {lemma for lemma, pos, _ in analyses if pos == "verb"}
    if (plain == "-" or plain.startswith("c:")) and "V" in c.readings and {"past", "pp"} <= set(c.forms) and verbs \
            and verbs <= object_first:
        part = "tr" if verbs <= object_only else "trp"
        return part if plain == "-" else f"{plain}/{part}"  # (c:of/tr: scared of, with the adjective's complement)
    return plain


def _plain_mark(word: str, c: WordClass, analyses: list[tuple[str, str, str]],
                compared: set[str] = frozenset()) -> str:
    """The word's mark: listed (`MARKS`), from its verb lemma (`BARE_VERBS`, `VERB_COMPLEMENTS`); for an
    adjective or adverb its complement ("c:of", `ADJECTIVE_COMPLEMENTS`) and degree ("syn": compares with
    -er only, `synthetic`; "deg": a comparative or superlative form), joined by "/"; "unit" for a plural unit
    of time or measure ("unitl" for years, months …: `LONG_UNITS`); "stat" for a verb of state; or "cnt" for a
    singular noun no lemma lists as a plural too (the lexicon lists "coffee" and "person" as plurals of themselves)."""
    if word in MARKS:
        return MARKS[word]
    verb_lemmas = [lemma for lemma, pos, _ in analyses if pos == "verb"]
    if c.primary == "V" and any(pos == "verb" and tag == "ing" and lemma in STATIVE for lemma, pos, tag in analyses):
        return "stat"
    bare = next((BARE_VERBS[lemma] for lemma in verb_lemmas if lemma in BARE_VERBS), None)
    if bare and "V" in c.readings:
        return bare
    complement = next((VERB_COMPLEMENTS[lemma] for lemma in verb_lemmas if lemma in VERB_COMPLEMENTS), None)
    if complement and "V" in c.readings:
        return complement
    if "V" in c.readings and c.primary == "V" and any(lemma in DOUBLE_OBJECT for lemma in verb_lemmas):
        return "dit"
    if "V" in c.readings and c.primary not in ("N", "A", "R") and any(lemma in RESULT_VERBS for lemma in verb_lemmas):
        return "res"
    if c.primary == "R" and word.endswith("ly") and word not in FOCUS:
        return "man"  # an adverb of manner (slowly, carefully)
    if word in ADJECTIVE_COMPLEMENTS or c.primary in ("A", "R"):
        degree = "cmp" if any(pos in ("adj", "adv") and tag == "cmp" for _, pos, tag in analyses) else \
            "deg" if any(pos in ("adj", "adv") and tag == "sup" for _, pos, tag in analyses) else \
            "syn" if any(pos in ("adj", "adv") and tag == "base" and lemma in compared for lemma, pos, tag in analyses) \
            else ""
        parts = ["c:" + "+".join(ADJECTIVE_COMPLEMENTS[word])] if word in ADJECTIVE_COMPLEMENTS else []
        if parts or degree:
            return "/".join(parts + [degree] if degree else parts)
    if word in UNITS:
        return "unitl" if word in LONG_UNITS else "unit"
    # (not a gerund of a verb first, nor today / tonight: she is busy cooking, it is cold today)
    if c.number == "sg" and not any(pos == "noun" and tag == "pl" for _, pos, tag in analyses) and not (
            c.primary in ("V", "R") and "ing" in c.forms or c.primary == "R"):
        # (a name needs no determiner: the capital of france is paris, my favourite city is london)
        return "name" if is_name(word) else "kin" if word in KIN else "cnt"  # (a relative is countable too)
    if word in UNCOUNTABLE:
        return "unc"  # an advice, a furniture
    if c.primary == "N" and c.number == "pl" and any(pos == "noun" and tag == "pl" and lemma in KIN
                                                     for lemma, pos, tag in analyses):
        return "kinpl"  # relatives: after a relative they lack its genitive (my sister children)
    return "-"


@dataclass(frozen=True)
class GrammarVocabulary:
    """Words in id order, each word's class name, and the id of UNK."""

    words: tuple[str, ...]
    classes: tuple[str, ...]
    ids: dict[str, int]

    def encode(self, words: list[str]) -> list[int]:
        unk = self.ids[UNK]
        return [self.ids.get(w, unk) for w in words]

    def class_of(self, word: str) -> WordClass:
        return WordClass.parse(self.classes[self.ids.get(word, self.ids[UNK])])


@lru_cache(maxsize=1)
def vocabulary() -> GrammarVocabulary:
    """The vocabulary from the built lexicon (`tasks.nlp.dictionary`, built at set-up)."""
    from weightsmith.tasks.nlp import dictionary

    table = {w: c.name for w, c in classify(dictionary.load()).items()}
    words = tuple(sorted(table, key=lambda w: (table[w], w)))
    return GrammarVocabulary(words, tuple(table[w] for w in words), {w: i for i, w in enumerate(words)})
