"""The expression DAG of a program: every sub-expression once, children before parents."""

from __future__ import annotations

from typing import Sequence

from weightsmith.rasp.expr import RASPExpr


def topological_order(program: RASPExpr) -> list[RASPExpr]:
    """All expressions reachable from `program`, each once (by identity), dependencies first."""
    return [e for e, _ in with_children(program)]


def with_children(program: RASPExpr) -> list[tuple[RASPExpr, Sequence[RASPExpr]]]:
    """`topological_order` with each expression's children beside it: `children` is a property that
    builds a tuple on every read, so a walker that needs them gets the ones this walk read."""
    if not isinstance(program, RASPExpr):
        raise TypeError(f"expected a RASP expression (s-op or selector), got {type(program).__name__} {program!r}")
    order: list[tuple[RASPExpr, Sequence[RASPExpr]]] = []
    done: set[int] = set()
    # An entry's children are None until it is expanded; an expanded entry is emitted once all of its
    # children (pushed above it) are.
    stack: list[tuple[RASPExpr, Sequence[RASPExpr] | None]] = [(program, None)]
    while stack:
        expr, children = stack.pop()
        if id(expr) in done:
            continue
        if children is not None:
            done.add(id(expr))
            order.append((expr, children))
            continue
        children = expr.children
        stack.append((expr, children))
        for child in reversed(children):
            if id(child) not in done:
                stack.append((child, None))
    return order
