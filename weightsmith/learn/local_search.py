"""Discrete local search: after gradient training, improve the program one edit at a time.

The relaxation lands in programs that are nearly right: the right variables read, some predicate cells
or table entries wrong (a most-freq program ranks tokens by count, but a few (count, count) cells miscount).
Gradient descent cannot move them any more (every choice is saturated at the end of annealing), but the
discrete program is cheap to evaluate, and one edit changes only the examples where the edited cell is
used. So: hill climbing on training accuracy over single edits, each scored exactly on the examples it
can affect, the classifier fixed (refit between sweeps):

- a categorical head's predicate row (one-hot: query value a now matches key value b) or order;
- a binary predicate cell: off, or on with one of the counting scopes; a `count_where` slot (toggled);
- an MLP table entry (any output value).

An edit is kept when it raises the number of correct training positions (screened first on every
`SCREEN`-th training example: most edits help nowhere, and a quarter of the examples says so four times
faster; an edit that passes is then scored on all of them); sweeps go over the live modules
in evaluation order until a sweep finds nothing or the time budget is spent. Nothing here changes the
kind of program: the result is evaluated, pruned, decompiled and compiled as before. It is kept only if
it is better on validation than the program it started from (the test set is never looked at).
"""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass
from typing import Callable, Iterator, Optional

import numpy as np
from tqdm.auto import tqdm

from weightsmith.learn.program import MLP, SCOPES, DiscreteProgram, Head, key_positions, module_output
from weightsmith.learn.readout import refit_readout
from weightsmith.learn.train import Encoded

Edit = Callable[[object], Optional[object]]  # the current module -> the edited one (None: no change)
SCREEN = 4


@dataclass(frozen=True)
class SearchReport:
    train_before: float
    train_after: float
    val_before: float
    val_after: float
    edits: int  # edits kept
    sweeps: int
    kept: bool  # whether the searched program replaced the one it started from
    seconds: float


class _Climber:
    """The program's variables and correct positions on the training set, kept current as edits are
    accepted; scores edits."""

    def __init__(self, program: DiscreteProgram, data: Encoded):
        self.program, self.data = program, data
        self.allowed = np.ascontiguousarray(key_positions(program.config, data.lengths, data.ids.shape[1]))
        self.valid = np.arange(data.ids.shape[1])[None, :] < data.lengths[:, None]
        self.labelled = data.targets >= 0
        self.refresh()

    def refresh(self) -> None:
        self.modules = self.program.modules()
        self.values = self.program.variables(self.data.ids, self.data.lengths)
        self.correct = self._correct(self.program.scores_of(self.values), slice(None))

    def _correct(self, scores: np.ndarray, rows) -> np.ndarray:
        """Correct positions per example."""
        return ((scores.argmax(-1) == self.data.targets[rows]) & self.labelled[rows]).sum(-1)

    def gain(self, index: int, edited: object, rows: np.ndarray) -> int:
        """How many more training positions are right with module `index` replaced by `edited`, computed on
        the examples `rows` (the only ones the edit can change): the edited module and every module
        downstream of a changed variable are evaluated again there."""
        rows = np.flatnonzero(rows)
        if not len(rows):
            return 0
        subset: dict[int, np.ndarray] = {}

        class Values:  # the variables on `rows`, gathered when first read
            def __getitem__(_, v: int) -> np.ndarray:
                if v not in subset:
                    subset[v] = self.values[v][rows]
                return subset[v]

        values, allowed, changed = Values(), self.allowed[rows], {}
        for position, (out, module) in enumerate(self.modules):
            if position == index:
                module = edited
            elif position < index or not any(v in changed for v in self.program.inputs_of(module)):
                continue
            new = module_output(module, values, allowed)
            if not np.array_equal(new, values[out]):
                changed[out] = subset[out] = new
            elif position == index:
                return 0
        if not any(self.program.reads[v] for v in changed):
            return 0
        scores = self.program.scores_of(values)  # summed in the program's order: the same floats, the same ties
        return int(self._correct(scores, rows).sum() - self.correct[rows].sum())

    def replace(self, index: int, module: object) -> None:
        self.program = self.program.with_module(index, module)
        self.refresh()

    def _somewhere(self, variable: int, slot: int) -> np.ndarray:
        """Examples where `variable` holds `slot` at some position."""
        return ((self.values[variable] == slot) & self.valid).any(-1)

    def _present(self, variable: int) -> list[int]:
        """The slots `variable` holds somewhere in the training inputs: the only ones an edit can matter for."""
        return np.unique(self.values[variable][self.valid]).tolist()

    def edits(self, index: int) -> Iterator[tuple[Edit, np.ndarray]]:
        """(edit, examples it can change) for module `index`."""
        config = self.program.config
        module = self.modules[index][1]
        if isinstance(module, MLP):
            for a in self._present(module.first):
                first = (self.values[module.first] == a) & self.valid
                for b in self._present(module.second):
                    rows = (first & (self.values[module.second] == b)).any(-1)
                    if rows.any():
                        for c in range(config.n_values):
                            yield (lambda m, a=a, b=b, c=c: _set_entry(m, a, b, c)), rows
            return
        start, stop = config.binary_predicates()
        binary = start <= index % (config.heads + config.mlps) < stop
        everywhere = self.valid.any(-1)
        if module.kind == "cat" and len(config.orders) > 1:
            for order in config.orders:
                yield (lambda m, order=order: _set_order(m, order)), everywhere
        if module.where is not None:
            for s in self._present(module.value):
                yield (lambda m, s=s: _toggle_where(m, s)), self._somewhere(module.value, s)
        for a in self._present(module.query):
            queried = self._somewhere(module.query, a)
            for b in self._present(module.key):
                if not binary:
                    yield (lambda m, a=a, b=b: _set_row(m, a, b)), queried
                    continue
                rows = queried & self._somewhere(module.key, b)
                # a cell is off, or on with one of the configured scopes (switching a cell on tries each)
                scopes = [None] if module.scope is None else [SCOPES.index(name) for name in config.scopes]
                for on, scope in [(False, None)] + [(True, scope) for scope in scopes]:
                    yield (lambda m, a=a, b=b, on=on, scope=scope: _set_cell(m, a, b, on, scope)), rows


def _set_order(head: Head, order: str) -> Optional[Head]:
    return None if head.order == order else dataclasses.replace(head, order=order)


def _set_entry(mlp: MLP, a: int, b: int, c: int) -> Optional[MLP]:
    if mlp.table[a, b] == c:
        return None
    table = mlp.table.copy()
    table[a, b] = c
    return dataclasses.replace(mlp, table=table)


def _set_row(head: Head, a: int, b: int) -> Optional[Head]:
    if head.predicate[a, b] and head.predicate[a].sum() == 1:
        return None
    predicate = head.predicate.copy()
    predicate[a] = False
    predicate[a, b] = True
    return dataclasses.replace(head, predicate=predicate)


def _set_cell(head: Head, a: int, b: int, on: bool, scope: Optional[int]) -> Optional[Head]:
    """Cell (a, b) switched on (with `scope`, when the head has scopes) or off."""
    same_scope = scope is None or head.scope[a, b] == scope
    if head.predicate[a, b] == on and (same_scope or not on):
        return None
    predicate = head.predicate.copy()
    predicate[a, b] = on
    scopes = head.scope
    if not same_scope and on:
        scopes = scopes.copy()
        scopes[a, b] = scope
    return dataclasses.replace(head, predicate=predicate, scope=scopes)


def _toggle_where(head: Head, slot: int) -> Head:
    where = head.where.copy()
    where[slot] = not where[slot]
    return dataclasses.replace(head, where=where)


def local_search(
    program: DiscreteProgram, train: Encoded, val: Encoded, *, seconds: float, balance_lengths: bool = False,
    progress: bool = False,
) -> tuple[DiscreteProgram, SearchReport]:
    """`program` improved by single edits on training accuracy for at most about `seconds` (then the
    classifier is refit once more), the classifier refit after every sweep that changed something; returned
    only if better on validation (ties: on training) than `program`, which is never modified."""
    start = time.perf_counter()
    before = (val.accuracy(program), train.accuracy(program))
    current, edits, sweeps = program, 0, 0
    bar = tqdm(desc="local search", unit="sweep", disable=not progress)

    def out_of_time() -> bool:
        return time.perf_counter() - start >= seconds

    while not out_of_time():
        sweeps += 1
        climber, found = _Climber(current, train), 0
        live = current.live_variables()
        screen = np.arange(len(train.ids)) % SCREEN == 0
        for index, (out, _) in enumerate(climber.modules):
            if out_of_time():
                break
            if not live[out]:
                continue
            # generated as they are tried (an accepted edit changes only this module's output, never the
            # inputs the remaining edits and their example rows are computed from)
            for edit, rows in climber.edits(index):
                if out_of_time():
                    break
                edited = edit(climber.modules[index][1])
                if edited is None or climber.gain(index, edited, rows & screen) <= 0:
                    continue
                if climber.gain(index, edited, rows) > 0:
                    climber.replace(index, edited)
                    found += 1
        edits += found
        if not found:
            break
        current, _ = refit_readout(climber.program, train, val, balance_lengths=balance_lengths)
        bar.update()
        bar.set_postfix(train=f"{train.accuracy(current):.4f}", edits=edits)
    bar.close()
    after = (val.accuracy(current), train.accuracy(current))
    kept = after > before
    report = SearchReport(before[1], after[1], before[0], after[0], edits, sweeps, kept, time.perf_counter() - start)
    return (current if kept else program), report
