"""The hand-coded language tasks: translate, grammar, sentiment."""

from __future__ import annotations

from typing import List

import typer

from weightsmith.cli.common import app, console, fail, rounding_advice

# what checks a language model on its first (compiling) run: its user has no program of theirs to verify against
CHECKED = "benchmarks/nlp.py compares the compiled model with the interpreter on the shipped corpora (docs/nlp.md)"


def nlp_command(task: str, text: str, trace: bool, answer) -> None:
    from weightsmith.library import nlp
    from weightsmith.tasks.nlp.dictionary import MissingResource

    try:
        with rounding_advice(CHECKED):
            result = answer(text)
    except (ValueError, MissingResource) as err:  # bad text; or the lexicon's sources are not installed
        fail(str(err))
    except nlp.TranslationStopped as err:  # good text the program has no answer for: its bug, not the user's
        fail(str(err), code=1)
    unknown = nlp.unknown_words(text, task)
    if unknown:  # the answer is about the sentence with these read as UNK: say so, apart from the answer
        typer.echo(f"warning: not in the {task} lexicon (read as UNK): {', '.join(unknown)}", err=True)
    if trace:
        from weightsmith.show.trace_table import nlp_trace_table

        console.print(nlp_trace_table(task, text))
    console.print(result)


def _translate(text: str) -> str:
    from weightsmith.library import nlp

    return nlp.translate(text)


def _translate_tu(text: str) -> str:
    from weightsmith.library import nlp

    return nlp.translate(text, you="tu")


def _grammaticality(text: str) -> str:
    from weightsmith.library import nlp

    return "grammatical" if nlp.is_grammatical(text) else "ungrammatical"


def _sentiment(text: str) -> str:
    from weightsmith.library import nlp

    return nlp.sentiment(text)


NLP_TASKS = {"translation": _translate, "grammaticality": _grammaticality, "sentiment": _sentiment}
TRACE_OPTION = typer.Option(False, "--trace", help="Also print the program's key intermediate values.")
# the words of a sentence typed unquoted are one text, as `run sentiment the film was good` reads them (`sentiment
# good bad` was refused as "unexpected extra argument (bad)")
TEXT_ARGUMENT = typer.Argument(..., help="An English sentence, quoted or as words: `sentiment not bad at all`.")


@app.command()
def translate(text: List[str] = TEXT_ARGUMENT, trace: bool = TRACE_OPTION,
              tu: bool = typer.Option(False, "--tu", help="Translate 'you' as tu (default: vous).")) -> None:
    """Translate English to French with the causal translation program (greedy decoding): the
    dictionary-scale one when the lexicon is built (interpreter), else the compiled 394-word one."""
    nlp_command("translation", " ".join(text), trace, _translate_tu if tu else _translate)


@app.command()
def grammar(text: List[str] = TEXT_ARGUMENT, trace: bool = TRACE_OPTION) -> None:
    """Judge whether a sentence is grammatical, with the compiled grammaticality transformer."""
    nlp_command("grammaticality", " ".join(text), trace, _grammaticality)


@app.command()
def sentiment(text: List[str] = TEXT_ARGUMENT, trace: bool = TRACE_OPTION) -> None:
    """Classify a sentence as positive, negative or neutral, with the compiled sentiment transformer."""
    nlp_command("sentiment", " ".join(text), trace, _sentiment)
