"""When a function on finitely many points is linear - then it needs no hidden units.

The compiler tabulates every function on the values that can occur, so "linear" is a finite check:
a line through all points (`affine`), a plane (`plane`: every LinearSequenceMap), or a sum g(x) + h(y)
on the argument pairs that occur (`additive_split`). Equality is up to 1e-9 relative, the rounding of
the float64 arithmetic that produced the values.
"""

from __future__ import annotations

from typing import Any

import numpy as np

TOLERANCE = 1e-9


def affine(xs: list[float], ys: list[float]) -> tuple[float, float] | None:
    """(a, b) with y = a*x + b at every point, if there is such a line."""
    if not xs:
        return 0.0, 0.0
    if len(xs) == 1:
        return 0.0, ys[0]
    i, j = int(np.argmin(xs)), int(np.argmax(xs))
    a = (ys[j] - ys[i]) / (xs[j] - xs[i])
    b = ys[i] - a * xs[i]
    scale = max(1.0, max(abs(y) for y in ys))
    if all(abs(a * x + b - y) <= TOLERANCE * scale for x, y in zip(xs, ys)):
        return a, b
    return None


def plane(points: list[tuple[float, float]] | np.ndarray, zs: list[float]) -> tuple[float, float, float] | None:
    """(a, b, c) with z = a*x + b*y + c at every point (pairs, or an [n, 2] float64 array), if there is such a plane."""
    xy = np.array(points, dtype=np.float64).reshape(-1, 2)
    A = np.column_stack([xy, np.ones(len(xy))])
    z = np.array(zs, dtype=np.float64)
    solution, *_ = np.linalg.lstsq(A, z, rcond=None)
    a, b, c = (float(round(v, 12)) for v in solution)
    scale = max(1.0, float(np.abs(z).max()))
    if np.all(np.abs(A @ np.array([a, b, c]) - z) <= TOLERANCE * scale):
        return a, b, c
    return None


def additive_split(pairs: list[tuple], results: list[float]) -> tuple[dict, dict] | None:
    """g, h with f(x, y) = g(x) + h(y) on every pair that occurs, if they exist.

    The pairs form a bipartite graph; along a spanning forest g and h are forced (up to one free
    constant per component, set by g(root) = 0), and every other pair checks them.
    """
    by_x: dict[Any, list[int]] = {}
    by_y: dict[Any, list[int]] = {}
    for i, (x, y) in enumerate(pairs):
        by_x.setdefault(x, []).append(i)
        by_y.setdefault(y, []).append(i)
    g: dict[Any, float] = {}
    h: dict[Any, float] = {}
    for root in by_x:
        if root in g:
            continue
        g[root] = 0.0
        stack = [("x", root)]
        while stack:
            side, v = stack.pop()
            for i in (by_x if side == "x" else by_y)[v]:
                x, y = pairs[i]
                if side == "x" and y not in h:
                    h[y] = results[i] - g[x]
                    stack.append(("y", y))
                elif side == "y" and x not in g:
                    g[x] = results[i] - h[y]
                    stack.append(("x", x))
    scale = max([1.0] + [abs(r) for r in results])
    if all(abs(g[x] + h[y] - r) <= TOLERANCE * scale for (x, y), r in zip(pairs, results)):
        return g, h
    return None
