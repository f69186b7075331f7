"""English→French translation, grammaticality and sentiment, as hand-written RASP programs compiled to
transformers. No training: every weight comes from a program in this package.

    from weightsmith.library import nlp
    nlp.translate("the small black cats do not eat the fish")   # 'les petits chats noirs ne mangent pas le poisson'
    nlp.is_grammatical("the cats eats the fish .")              # False
    nlp.sentiment("the food was not bad but the service was slow")  # 'negative'
    nlp.sentiment("we leave at six tomorrow")                   # 'neutral'
    nlp.trace_sentiment("the food was not bad")                 # every intermediate value, by name

Text is tokenised here (lower-case, punctuation split, "n't" split off); a word the lexicon does not know
becomes UNK and takes a documented path: translation writes it as UNK, read as a masculine singular
noun, and puts the original word back in the output text; grammaticality (~74k word forms of the built
lexicon, read as word ids: see `grammar`; the 394-word program where the lexicon's resources are missing)
reads it as a wildcard singular name;
sentiment (positive, negative or neutral; ~64k word forms of the built lexicon,
read as word ids: see `sentiment_words`) gives it no polarity. Nothing crashes on an unknown word.

The functions run the *compiled* models (see `models.py` for where they are cached and how to rebuild
them); `backend="interpreter"` (or WEIGHTSMITH_NLP_BACKEND=interpreter) runs the RASP programs instead.
"""

from __future__ import annotations

import dataclasses

from weightsmith import rasp
from weightsmith.library.nlp import dictionary_translation, models
from weightsmith.library.nlp.models import TASKS, build, model_folder
from weightsmith.library.nlp.tokenize import SENTENCE_END, UNK, Tokens, detokenize, is_word, tokenize, with_unknowns
from weightsmith.library.nlp.translation import EOS, SEP
from weightsmith.library.nlp.translation_words import numerals_back
from weightsmith.model.generate import STOP, UNDEFINED, generate

# The intermediate values worth showing in a trace, in reading order.
HIGHLIGHTS = {
    "sentiment": ["resolved", "modifier", "negated", "vote", "counted_vote",
                  "positive_mass", "negative_mass", "sentiment"],
    # the dictionary-scale program's names first, then the 394-word program's (a trace shows those it has)
    "grammaticality": ["tag", "subject", "governor", "verb_agreement", "bad_order", "bad_det", "inverted",
                       "role", "bad_end", "number_of_my_noun", "bad_det_number", "subject_person", "finite_form",
                       "bad_agreement", "grammaticality"],
    # (the dictionary-scale translator's resolved / plan at a position are those of the word before it)
    "translation": ["resolved", "plan", "class", "reading_4", "spoken_upto", "french_so_far", "carrier_plan", "slot",
                    "entry", "source_lemma", "subject", "form_code", "next_french_word"],
}


def _words(text: str, task: str) -> list[str]:
    """The text's tokens, or a clear error: empty text has no answer, nor has punctuation or symbols alone
    ("...", "?!", an emoji: the programs would read them as a sentence and answer it), and a text longer
    than the model's positions is refused by its size, without echoing it back."""
    words = tokenize(text)
    if not words:
        raise ValueError("the text is empty: give a sentence")
    if not any(is_word(w) for w in words):
        raise ValueError("the text has no words, only punctuation or symbols: give a sentence")
    words = _one_final_mark(words)
    limit = models.serving(task).max_seq_len
    if len(words) > limit:
        raise ValueError(f"the text has {len(words)} tokens; the {task} model reads at most {limit}")
    return words


def _one_final_mark(words: list[str]) -> list[str]:
    """A sentence ends with one mark: people write "great!!!", "really?!" or "not sure..." for emphasis, while
    the programs (and every corpus and held-out set) read one final . ? or !, so a run of them read as it is
    made "the food was great!!" ungrammatical. The run becomes one mark; a "?" in it keeps the question."""
    end = len(words)
    while end and words[end - 1] in SENTENCE_END:
        end -= 1
    run = words[end:]
    if len(run) < 2:
        return words
    return words[:end] + ["?" if "?" in run else "!" if "!" in run else "."]


def unknown_words(text: str, task: str) -> list[str]:
    """The words of `text` that the task's lexicon does not know, in order (each once).

    The models read them as UNK (see the package docstring for what each task does with UNK), so an answer
    about a sentence with unknown words is an answer about a different sentence: the CLI prints them to
    stderr, and callers should check them.
    """
    if task not in TASKS:
        raise ValueError(f"no language task {task!r}: choose one of {', '.join(TASKS)}")
    return list(dict.fromkeys(model_tokens(tokenize(text), task).unknown))


def model_tokens(words: list[str], task: str) -> Tokens:
    """The words as the task's program reads them, each unknown one as UNK: the one place that decides which
    words are unknown, so `translate` and `unknown_words` agree. The dictionary-scale translator also knows a
    word where its vocabulary merges it into a multi-word expression ("rely" in "we rely on you", not in
    "we rely"): that merge happens after this replacement, so it must see the words themselves."""
    t = models.serving(task)
    merged = dictionary_translation.vocabulary().in_phrases(words) if t is models.DICTIONARY_TRANSLATION else set()
    return with_unknowns(words, t.known_words, merged)


class TranslationStopped(RuntimeError):
    """Greedy decoding ended without EOS (at some step the translation program spoke no word), or with EOS
    before any word. The input was fine (it is not a ValueError); the program has no answer for it, which is a
    bug of the program, so the message carries the English and the French made so far, to reproduce it."""


def translate(text: str, backend: str | None = None, you: str = "vous") -> str:
    """English text → French text, by greedy decoding with the causal translation model.

    With the built lexicon this is the dictionary-scale translator (`dictionary_translation`; "you" is
    `vous` by default, `you="tu"` gives tu / ton / ta / tes); without it, the 394-word one (vous only)."""
    tokens = model_tokens(_words(text, "translation"), "translation")
    french = translate_tokens(tokens.model_input, backend, you)
    if not french:  # an empty string would read as a translation ("the the the the" gave one)
        raise TranslationStopped(f"the translation model gave no French word for {text.strip()!r} (EOS at once)")
    unknown = iter(tokens.unknown)
    return detokenize(next(unknown, UNK) if w == UNK else w for w in french)


def translate_tokens(english: list[str], backend: str | None = None, you: str = "vous") -> list[str]:
    """Greedy decoding: feed `english SEP french-so-far`, append the predicted word, stop at EOS. A compiled
    model that reads words runs each new word as one position, keeping the earlier ones' keys and values
    (`weightsmith.model.generate`); otherwise the whole input is rerun at each step."""
    t = models.serving("translation")
    if you != "vous" and t is not models.DICTIONARY_TRANSLATION:
        raise ValueError("only the dictionary-scale translator (it needs the built lexicon) translates you as tu")
    limit = t.max_seq_len
    compiled = you == "vous" and models.backend(backend, t.default_backend) == "compiled"
    if compiled and not hasattr(t.module, "encode") and len(english) + 1 <= limit:
        made = generate(models.compiled_model(t.name), [*english, SEP], stop={EOS})
        french, end = made.tokens, {STOP: EOS, UNDEFINED: None}.get(made.end, "")
    else:
        french, end = _translate_by_reruns(t, english, backend, you)
    if end == EOS:  # a form of several words ("salle de bains") is one position for the model
        return numerals_back(english, [token for word in french for token in word.split(" ")])
    if end is None:
        raise TranslationStopped(f"the translation model gave no word after {' '.join(english + [SEP] + french)!r}")
    raise ValueError(
        f"the sentence is too long to translate: English and French together need more than {limit} "
        f"positions (so far: {' '.join(english)} → {' '.join(french)})"
    )


def _translate_by_reruns(t: models.Task, english: list[str], backend: str | None,
                         you: str) -> tuple[list[str], str | None]:
    """Greedy decoding by running the whole input at each step: the French words, and the last word the
    model gave (EOS, None) or "" where the input reached the model's positions first."""
    french: list[str] = []
    while len(english) + 1 + len(french) <= t.max_seq_len:
        xs = english + [SEP] + french
        if you == "vous":
            word = models.run(t.name, [xs], backend)[0][-1]
        else:  # the tu program is not compiled: it runs in the interpreter
            word = rasp.evaluate(dictionary_translation.program(you), t.encode(xs))[-1]
        if word == EOS or word is None:
            return french, word
        french.append(word)
    return french, ""


def _sentence(text: str, name: str) -> list[str]:
    words = _words(text, name)
    if not words or words[-1] not in SENTENCE_END:
        words.append(".")  # a sentence without final punctuation is read as ending with '.'
    return model_tokens(words, name).model_input


def is_grammatical(text: str, backend: str | None = None) -> bool:
    """Whether the sentence is grammatical, read from the classifier's last position."""
    return _classify(text, "grammaticality", backend) == "grammatical"


def sentiment(text: str, backend: str | None = None) -> str:
    """'positive', 'negative' or 'neutral', read from the classifier's last position."""
    return _classify(text, "sentiment", backend)


def _classify(text: str, name: str, backend: str | None) -> str:
    return models.run(models.serving(name).name, [_sentence(text, name)], backend)[0][-1]


def trace(name: str, text: str) -> dict[str, rasp.TraceEntry]:
    """Every named intermediate value of a task's program on `text` (the interpreter's trace).

    For translation the input is the English, SEP and the whole French translation, so the values at
    each French position show how the next word was chosen.
    """
    t = models.serving(name)
    shown = None
    if name == "translation":
        tokens = model_tokens(_words(text, name), name).model_input
        xs = tokens + [SEP] + translate_tokens(tokens)
        if t is models.DICTIONARY_TRANSLATION:  # its positions: a multi-word expression or French form is one
            french, _ = _translate_by_reruns(t, tokens, "interpreter", "vous")
            xs = tokens + [SEP] + french
            shown = dictionary_translation.model_words(tokens) + [SEP] + french
    else:
        xs = _sentence(text, name)
    entries = rasp.trace(t.program(), t.encode(xs))
    # a program that reads word ids shows the words it was given, not their ids
    return entries | {"tokens": dataclasses.replace(entries["tokens"], value=list(shown or xs))}


def trace_sentiment(text: str) -> dict[str, rasp.TraceEntry]:
    """The sentiment program's intermediate values (word polarity, negation scope, votes) on `text`."""
    return trace("sentiment", text)


__all__ = [
    "HIGHLIGHTS", "TASKS", "TranslationStopped", "build", "detokenize", "is_grammatical", "model_folder", "model_tokens", "sentiment",
    "tokenize", "trace", "trace_sentiment", "translate", "translate_tokens", "unknown_words",
]
