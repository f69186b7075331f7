"""`make demo`: weightsmith in a few screens.

1. RASP programs from the library, run on example inputs, every intermediate shown.
2. The same programs compiled into transformers, checked against the interpreter on every input,
   with their sizes and residual-stream layouts.
3. Translation, grammaticality and sentiment: hand-written programs, compiled, with their traces.
"""

from __future__ import annotations

from rich.rule import Rule

from weightsmith import rasp
from weightsmith.library import get_program
from weightsmith.show.console import make_console, one_line_warnings
from weightsmith.show.trace_table import trace_table

console = make_console()

LANGUAGE_SHOWCASE = ("reverse", "sort", "hist", "dyck1")


def show_language() -> None:
    console.print(Rule("[bold]1. RASP programs, evaluated with every intermediate value"))
    console.print(
        "Each row is one s-op of the program; each column one position. The last row is the output.\n"
    )
    for name in LANGUAGE_SHOWCASE:
        entry = get_program(name)
        program = entry.build()
        example = list(entry.examples[0])
        console.print(f"[bold]{name}[/]: {entry.description}")
        console.print(trace_table(program, example, title=f"{name}({' '.join(map(str, example))})"))
        console.print()


COMPILER_SHOWCASE = ("reverse", "sort", "hist", "most_freq", "dyck1")


def show_compiler() -> None:
    from rich.table import Table

    from weightsmith.compiler import compile_rasp_to_model
    from weightsmith.model import summary
    from weightsmith.show.model_tables import layout_table
    from weightsmith.verify import verify

    console.print(Rule("[bold]2. The same programs, compiled into transformers and checked"))
    console.print(
        "Each program becomes the weights of a plain PyTorch transformer. `verify` runs the model and the "
        "interpreter on every input up to the max length and compares every output.\n"
    )
    table = Table(header_style="bold")
    for column in ("program", "layers", "heads", "d_model", "params", "compile", "inputs", "exact"):
        table.add_column(column, justify="right", no_wrap=True)
    for name in COMPILER_SHOWCASE:
        entry = get_program(name)
        compiled = compile_rasp_to_model(entry.build(), set(entry.vocab), entry.max_seq_len)
        report = verify(compiled, compiled.program, progress=False)
        size = summary(compiled.model)
        table.add_row(
            f"{name} (len ≤{entry.max_seq_len})", str(size["layers"]), str(size["heads"]),
            str(size["d_model"]), f"{size['parameters']:,}", f"{compiled.compile_seconds * 1000:.1f} ms",
            f"all {report.n_checked:,}" if report.exhaustive else f"{report.n_checked:,}",
            "[green]100%[/]" if report.ok else f"[red]{report.n_mismatches} wrong[/]",
        )
    console.print(table)
    reverse = compile_rasp_to_model(get_program("reverse").build(), {"a", "b", "c"}, 5)
    console.print("\nreverse, compiled: which s-op lives where in the residual stream, sublayer by sublayer")
    console.print(layout_table(reverse.config))
    example = ["BOS", "a", "b", "c"]
    console.print(f"reverse model on {example}: {reverse.apply(example).decoded}\n")


NLP_SHOWCASE = (
    ("translation", "the small black cats do not eat the fish"),
    ("grammaticality", "the cats eats the fish ."),
    ("sentiment", "the food was not bad but the service was slow"),
)


# The translation program's plans are tuples; the demo shows its scalar intermediates only.
TRACE_COLUMNS = {"translation": ["class", "spoken_upto", "slot", "source_lemma", "subject", "next_french_word"]}


def show_nlp() -> None:
    from weightsmith.library import nlp
    from weightsmith.show.trace_table import nlp_trace_table
    from weightsmith.tasks.nlp.dictionary import MissingResource

    console.print(Rule("[bold]3. Hand-written language programs, compiled (no training)"))
    console.print(
        "English→French translation (a causal model, greedy decoding), grammaticality and sentiment: RASP\n"
        "programs compiled into transformers; the answers below come from the compiled models. The first run\n"
        "compiles and caches them (see weightsmith/library/nlp/README.md).\n"
    )
    answers = {
        "translation": nlp.translate,
        "grammaticality": lambda t: "grammatical" if nlp.is_grammatical(t) else "ungrammatical",
        "sentiment": nlp.sentiment,
    }
    for task, text in NLP_SHOWCASE:
        try:
            answer = answers[task](text)
        except MissingResource as err:  # the sentiment model's lexicon is built from Debian's dictionaries
            console.print(f"[bold]{task}[/]: skipped — {err}\n")
            continue
        console.print(f"[bold]{task}[/]: {text!r} → [bold green]{answer}[/]")
        console.print(nlp_trace_table(task, text, TRACE_COLUMNS.get(task)))
        console.print()


def main() -> None:
    one_line_warnings()
    show_language()
    show_compiler()
    show_nlp()


if __name__ == "__main__":
    main()
