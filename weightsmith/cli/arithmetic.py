"""`weightsmith add` and `weightsmith multiply`: arithmetic by compiled transformers."""

from __future__ import annotations

import typer

from weightsmith.cli.common import NEGATIVE_NUMBERS, app, console, fail


def _arithmetic(operation: str, a: int, b: int, digits: int, causal: bool, trace: bool) -> None:
    from rich.table import Table

    from weightsmith.library import arithmetic

    if causal and trace:  # else the table would show another model than the one that answered
        fail("--trace reads the encoder adder's residual stream; the causal adder has no trace: drop --causal or --trace")
    try:
        if operation == "add":
            result = arithmetic.add(a, b, digits=digits, causal=causal)
            rows = arithmetic.trace_add(a, b, digits) if trace else []
        else:
            result = arithmetic.multiply(a, b, digits=digits)
            rows = arithmetic.trace_multiply(a, b, digits) if trace else []
    except ValueError as err:
        fail(str(err))
    if rows:
        table = Table(title=f"{operation} {a} {b}: per digit, least significant first", header_style="bold")
        for column in rows[0]:
            table.add_column(column.replace("_", " "), justify="right")
        for row in rows:
            table.add_row(*(str(v) for v in row.values()))
        console.print(table)
    console.print(result)


OPERAND = typer.Argument(..., help="A non-negative integer.")


@app.command(context_settings=NEGATIVE_NUMBERS)
def add(
    a: int = OPERAND,
    b: int = OPERAND,
    digits: int = typer.Option(10, help="Digits per operand the compiled adder takes (1..40)."),
    causal: bool = typer.Option(False, "--causal", help="Use the autoregressive adder (one digit per step)."),
    trace: bool = typer.Option(False, "--trace", help="Show each column, its carry in and its digit, as read "
                               "from the encoder adder's residual stream (not with --causal)."),
) -> None:
    """Add two numbers with a compiled transformer (exact; nothing is added in Python)."""
    _arithmetic("add", a, b, digits, causal, trace)


@app.command(context_settings=NEGATIVE_NUMBERS)
def multiply(
    a: int = OPERAND,
    b: int = OPERAND,
    digits: int = typer.Option(4, help="Digits per operand the compiled multiplier takes (1..8)."),
    trace: bool = typer.Option(False, "--trace", help="Show the column sums, their normalisation and the carries."),
) -> None:
    """Multiply two numbers with a compiled transformer (exact; nothing is multiplied in Python)."""
    _arithmetic("multiply", a, b, digits, False, trace)
