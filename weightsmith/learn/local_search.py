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

Single edits cannot add a step to the program: a variable nothing reads yet helps nobody, and a module
switched to read it loses what it read before. So each sweep first tries compound edits
(`_Climber.fresh_filters`): a counting head that no module reads becomes a fresh count (query = key = one
variable, key == query, one scope), a live counting head of a later layer counts only where that count
holds one slot (or any other), and the categorical heads reading the filtered count re-choose their
predicate rows (`_Climber.repair`); the best such compound is kept if it gains. On most-freq, ranks
of positions by count become ranks of distinct tokens ("count only where my token occurred 0 times
before"): a trained program went from 80.6% to 90.2% training accuracy in one compound edit (7 s), and
to 97.4% after the single edits that follow.

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
    seconds: float  # wall time
    cpu_seconds: float = 0.0  # this process's CPU time (what a budget on a shared machine counts)


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
        self.correct = self._correct(self.program.scores_of(self.values), slice(None)).sum(-1)  # per example

    def _correct(self, scores: np.ndarray, rows) -> np.ndarray:
        """Correct positions [examples, L]."""
        return (scores.argmax(-1) == self.data.targets[rows]) & self.labelled[rows]

    def gain(self, index: int, edited: object, rows: np.ndarray) -> int:
        """How many more training positions are right with module `index` replaced by `edited`, computed on
        the examples `rows` (the only ones the edit can change)."""
        return self.compound_gain({index: edited}, rows)

    def compound_gain(self, changes: dict[int, object], rows: np.ndarray) -> int:
        rows = np.flatnonzero(rows)
        outcome = self.outcome(changes, rows)
        return 0 if outcome is None else int(outcome[0].sum() - self.correct[rows].sum())

    def outcome(self, changes: dict[int, object], rows: np.ndarray) -> Optional[tuple[np.ndarray, dict]]:
        """(correct positions [len(rows), L], the variables that changed) with the modules at the indices of
        `changes` replaced, on the examples `rows` (indices); None when no variable the classifier reads
        changes. The replaced modules and every module downstream of a changed variable are evaluated again
        there, nothing else."""
        if not len(rows):
            return None
        subset: dict[int, np.ndarray] = {}

        class Values:  # the variables on `rows`, gathered when first read
            def __getitem__(_, v: int) -> np.ndarray:
                if v not in subset:
                    subset[v] = self.values[v][rows]
                return subset[v]

        values, allowed, changed, first = Values(), self.allowed[rows], {}, min(changes)
        for position, (out, module) in enumerate(self.modules):
            if position in changes:
                module = changes[position]
            elif position < first or not any(v in changed for v in self.program.inputs_of(module)):
                continue
            new = module_output(module, values, allowed)
            if not np.array_equal(new, values[out]):
                changed[out] = subset[out] = new
            elif position in changes and len(changes) == 1:  # an edit that changes nothing here changes nothing
                return None
        if not any(self.program.reads[v] for v in changed):
            return None
        scores = self.program.scores_of(values)  # summed in the program's order: the same floats, the same ties
        return self._correct(scores, rows), changed

    def accept(self, changes: dict[int, object], rows: np.ndarray) -> bool:
        """Makes `changes` part of the program if they gain on the examples `rows` (a mask, the only ones
        they can change); returns whether they did. The variables and correct positions are updated on
        `rows` from the outcome that scored the changes, not recomputed everywhere (most-freq: 12 ms against
        320 ms, and a sweep accepts ~100 edits)."""
        rows = np.flatnonzero(rows)
        outcome = self.outcome(changes, rows)
        if outcome is None or outcome[0].sum() <= self.correct[rows].sum():
            return False
        for index, module in changes.items():
            self.program = self.program.with_module(index, module)
        self.modules = self.program.modules()
        correct, changed = outcome
        for v, new in changed.items():
            self.values[v][rows] = new
        self.correct[rows] = correct.sum(-1)
        return True

    def fresh_filters(self) -> Iterator[tuple[dict[int, object], list[int]]]:
        """Compound edits (changes by module index, and the categorical heads to `repair` after them): a
        counting head no module reads (the classifier may) becomes a fresh count (query = key = one variable,
        key == query, one scope for every cell), and a live counting head of a later layer counts only the
        positions where that fresh variable holds one slot (or any other slot). Neither half helps alone: the
        fresh count is read by nothing, and a filter on an existing variable changes what the readers of the
        filtered count see without giving them anything better to read."""
        config, k = self.program.config, self.program.config.n_values
        per_layer = config.heads + config.mlps
        live = self.program.live_variables()
        counting = [(i, out, m) for i, (out, m) in enumerate(self.modules) if isinstance(m, Head) and m.kind == "count"]
        read_by_modules = {v for out, m in self.modules if live[out] for v in self.program.inputs_of(m)}
        slots: dict[tuple[int, str], list[int]] = {}  # the slots a fresh count (u, scope) holds: one per pair
        for index, out, head in counting:
            if not live[out]:
                continue
            # the categorical heads that read the filtered count and feed only the classifier
            readers = [c for c, (o, m) in enumerate(self.modules) if isinstance(m, Head) and m.kind == "cat"
                       and live[o] and o not in read_by_modules and out in (m.query, m.key)]
            if not readers:
                continue
            for unused, unused_out, _ in counting:
                if unused_out in read_by_modules or unused // per_layer >= index // per_layer:
                    continue
                for u in range(config.first_variable(unused // per_layer)):
                    for scope in config.scopes:
                        fresh = Head("count", u, u, None, np.eye(k, dtype=bool),
                                     scope=None if config.scopes == ("all",) else np.full((k, k), SCOPES.index(scope)))
                        if (u, scope) not in slots:
                            output = module_output(fresh, self.values, self.allowed)
                            slots[u, scope] = np.unique(output[self.valid]).tolist()
                        for slot in slots[u, scope]:
                            for inside in (True, False):
                                where = (np.arange(k) == slot) == inside
                                filtered = dataclasses.replace(head, value=unused_out, where=where)
                                yield {unused: fresh, index: filtered}, readers

    def repair(self, changes: dict[int, object], readers: list[int], rows: np.ndarray) -> dict[int, object]:
        """`changes` with each categorical head in `readers` re-choosing its predicate rows, in turn: for each
        query slot, the key slot that makes the most of the positions holding that query slot right (on the
        examples `rows`, indices), everything else fixed. The readers feed only the classifier, so a row
        changes only the positions that query it."""
        outcome = self.outcome(changes, rows)
        if outcome is None:
            return changes
        changes = dict(changes)
        values = [outcome[1].get(v, self.values[v][rows]) for v in range(len(self.values))]
        allowed, k, targets = self.allowed[rows], self.program.config.n_values, self.data.targets[rows]
        for c in readers:
            head, out = self.modules[c][1], self.modules[c][0]
            own = self.program.classifier[out] * self.program.reads[out]  # its rows, if the classifier reads it
            others = self.program.scores_of(values) - own[values[out]]
            query = values[head.query]
            right = np.zeros((k, k))  # [query slot, key slot]: positions right with that row
            for b in range(k):
                every_row_b = dataclasses.replace(head, predicate=np.repeat(np.arange(k)[None] == b, k, 0))
                scores = others + own[module_output(every_row_b, values, allowed)]
                correct = (scores.argmax(-1) == targets) & self.labelled[rows]
                right[:, b] = np.bincount(query[correct], minlength=k)[:k]
            predicate = head.predicate.copy()
            for a in np.unique(query).tolist():
                if right[a].max() > right[a][predicate[a]].max(initial=-1):
                    predicate[a] = np.arange(k) == right[a].argmax()
            changes[c] = dataclasses.replace(head, predicate=predicate)
            values[out] = module_output(changes[c], values, allowed)
        return changes

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


def _fresh_filter(climber: _Climber, screen: np.ndarray, out_of_time: Callable[[], bool]) -> int:
    """Keeps the compound edit of `_Climber.fresh_filters` that, with its readers repaired, gains most on the
    screened training examples, if it gains on all of them; returns how many it kept (0 or 1). The best
    rather than the first: the candidates are few (tens), and a first hit can be a weak filter that
    blocks the strong one (most-freq: 83.0% against 90.2% training accuracy, 86.3% against 97.4% after the
    single edits that follow)."""
    screened = np.flatnonzero(screen)
    best, best_gain = None, 0
    for changes, readers in climber.fresh_filters():
        if out_of_time():
            break
        changes = climber.repair(changes, readers, screened)
        gain = climber.compound_gain(changes, screen)
        if gain > best_gain:
            best, best_gain = changes, gain
    return int(best is not None and climber.accept(best, np.ones_like(screen)))


def local_search(
    program: DiscreteProgram, train: Encoded, val: Encoded, *, seconds: float, balance_lengths: bool = False,
    reserve: float = 0.0, progress: bool = False, clock: Callable[[], float] = time.perf_counter,
) -> tuple[DiscreteProgram, SearchReport]:
    """`program` improved by single edits on training accuracy for at most about `seconds`, the classifier
    refit after every sweep that changed something (the last sweep included: edits stop `reserve` seconds
    before the budget ends, and at least as early as the longest refit so far, so the refit after them
    fits); returned only if better on validation (ties: on training) than `program`, which is never
    modified. `seconds` is read on `clock` (wall time; `time.process_time` counts this process's CPU
    time, so that other jobs on a shared machine do not shorten the search)."""
    start, cpu_start, clock_start = time.perf_counter(), time.process_time(), clock()
    before = (val.accuracy(program), train.accuracy(program))
    current, edits, sweeps = program, 0, 0
    bar = tqdm(desc="local search", unit="sweep", disable=not progress)

    def out_of_time() -> bool:
        return clock() - clock_start + reserve >= seconds

    while not out_of_time():
        sweeps += 1
        climber = _Climber(current, train)
        screen = np.arange(len(train.ids)) % SCREEN == 0
        found = _fresh_filter(climber, screen, out_of_time)
        live = climber.program.live_variables()
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
                if climber.accept({index: edited}, rows):
                    found += 1
        edits += found
        if not found:
            break
        refit_start = clock()
        current, _ = refit_readout(climber.program, train, val, balance_lengths=balance_lengths)
        reserve = max(reserve, clock() - refit_start)
        bar.update()
        bar.set_postfix(train=f"{train.accuracy(current):.4f}", edits=edits)
    bar.close()
    after = (val.accuracy(current), train.accuracy(current))
    kept = after > before
    report = SearchReport(before[1], after[1], before[0], after[0], edits, sweeps, kept, time.perf_counter() - start,
                          time.process_time() - cpu_start)
    return (current if kept else program), report
