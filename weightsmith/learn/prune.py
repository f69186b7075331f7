"""Pruning a discrete program before decompiling: shorter programs, same behaviour where it was measured.

Steps 1, 2 and 4 are kept only if accuracy on the given data (training + validation, never test) does
not drop; step 3 changes no prediction on any input.

1. The classifier stops reading a variable (last variables first); a module whose output then reaches
   no prediction is dead and the decompilers leave it out (`DiscreteProgram.live_variables`).
2. `quantise`: the classifier's weights and bias become integers `round(w * scale)`, for the smallest
   `scale` in `SCALES` that keeps the accuracy (if none does, the most accurate one). Integers print
   short, and their sums are exact in any order: a compiled unembedding equals them, and step 3 may
   regroup them.
3. `simplify`, exact, to a fixpoint: a module that computes the same variable as an earlier one is
   dropped and its readers read the earlier one (`merge_duplicates`); MLP output values that no reader
   tells apart become one value (`merge_values`); each read variable's commonest classifier row moves
   into the bias, so most rows are zero, and a variable whose rows are all equal is a constant and no
   longer read (`centre_classifier`).
4. `drop_rows`: classifier rows are set to zero one at a time while accuracy holds; then `simplify` again.
The pruned program is a program in its own right: its accuracy is the one reported, and decompiled code
equals it exactly.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from typing import Optional

import numpy as np

from weightsmith.compiler.errors import ClassifierTooLarge
from weightsmith.learn.program import MLP, DiscreteProgram, Head, counts_some, scope_masks
from weightsmith.learn.to_transformer import compile_program
from weightsmith.learn.train import Encoded

SCALES = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)  # classifier quantisation: weights round(w * scale)
EXACT = 2.0**53  # integers below this are exact in float64 (and their sums, while below it)


@dataclass(frozen=True)
class PruneReport:
    accuracy_before: float
    accuracy_after: float
    reads_before: int
    reads_after: int
    live_modules_before: int
    live_modules_after: int
    scale: int  # classifier weights and bias are round(w * scale)
    modules_merged: int  # live modules dropped as duplicates of earlier ones
    values_merged: int  # MLP output values merged into others that no reader tells apart
    rows_dropped: int  # classifier rows set to zero
    constants: int  # read variables whose rows became all equal: folded into the bias


def _live_modules(program: DiscreteProgram) -> int:
    return int(program.live_variables()[2:].sum())


class _Scorer:
    """Every variable's value at the labelled positions of `data`, computed once: the accuracy of programs
    that differ from `program` only in their classifier (scored by `DiscreteProgram.scores_of`)."""

    def __init__(self, program: DiscreteProgram, data: list[Encoded]):
        values, targets = [], []
        for d in data:
            labelled = d.targets >= 0
            values.append(np.stack([v[labelled] for v in program.variables(d.ids, d.lengths)]))
            targets.append(d.targets[labelled])
        self.values, self.targets = np.concatenate(values, axis=1), np.concatenate(targets)
        if not len(self.targets):
            raise ValueError("pruning needs data with at least one target")

    def accuracy(self, program: DiscreteProgram) -> float:
        predicted = program.scores_of(self.values).argmax(-1)
        return int((predicted == self.targets).sum()) / len(self.targets)


def quantise(program: DiscreteProgram, scale: int) -> DiscreteProgram:
    """The classifier's weights and bias as integers round(w * scale) (float64 arrays)."""
    return dataclasses.replace(program, classifier=np.round(program.classifier * scale),
                               bias=np.round(program.bias * scale))


def _require_integers(program: DiscreteProgram) -> None:
    """Regrouping a sum of floats can change it; of integers below 2**53, it cannot."""
    for name, array in (("classifier", program.classifier), ("bias", program.bias)):
        bad = np.argwhere(array != np.round(array))
        if len(bad):
            where = tuple(int(i) for i in bad[0])
            variable = f" (variable {program.config.variable_names()[where[0]]!r})" if name == "classifier" else ""
            raise ValueError(f"exact simplification needs integer classifier weights (quantise first): "
                             f"{name}{list(where)}{variable} = {float(array[where])!r}")
    bound = score_bound(dataclasses.replace(program, reads=np.ones_like(program.reads)))
    if bound >= EXACT / 2:  # merging may add two rows
        raise ValueError(f"classifier weights too large to sum exactly in float64 (|scores| up to {bound:g})")


def score_bound(program: DiscreteProgram) -> float:
    """An upper bound on every partial sum of a score: |bias| plus the largest |weight| of each read variable."""
    rows = np.abs(program.classifier[program.reads])
    return float(np.abs(program.bias).max(initial=0) + rows.max(axis=(1, 2), initial=0).sum())


def _remap(module: Head | MLP, alias: list[int]) -> Head | MLP:
    if isinstance(module, Head):
        return dataclasses.replace(module, query=alias[module.query], key=alias[module.key],
                                   value=None if module.value is None else alias[module.value])
    return dataclasses.replace(module, first=alias[module.first], second=alias[module.second])


def relevant_cells(head: Head, sets: list[list[int]], causal: bool) -> np.ndarray:
    """bool [query value, key value] over the values the head's inputs can hold (`sets`): the predicate
    cells that can decide something. A categorical head never reads position 0, so when its key is
    `positions` the key value 0 cannot matter; when query and key are both `positions`, only the pairs
    the head may compare can (a causal head never looks ahead; a counting head counts only its scope)."""
    qs, ks = np.array(sets[head.query]), np.array(sets[head.key])
    cells = np.ones((len(qs), len(ks)), dtype=bool)
    if head.key == 1:
        cells[:, ks == 0] = head.kind != "cat"
        if head.query == 1:
            if head.scope is not None:  # a cell whose scope leaves out the one pair of positions it compares
                masks = scope_masks(max(qs.max(), ks.max()) + 1)
                cells &= masks[head.scope[np.ix_(qs, ks)], qs[:, None], ks[None, :]]
            if causal:
                cells &= ks[None, :] <= qs[:, None]
    return cells


def _signature(module: Head | MLP, sets: list[list[int]], is_token: list[bool], causal: bool) -> tuple:
    """Equal signatures => the modules compute the same variable (on the values their inputs can hold)."""
    if isinstance(module, MLP):
        xs, ys = sets[module.first], sets[module.second]
        sub = module.table[np.ix_(xs, ys)]
        if module.first == module.second:
            inputs, outputs = (module.first,), module.table[xs, xs]
        elif (sub == sub[:, :1]).all():  # depends on the first input only
            inputs, outputs = (module.first,), sub[:, 0]
        elif (sub == sub[:1, :]).all():
            inputs, outputs = (module.second,), sub[0, :]
        elif module.first < module.second:
            inputs, outputs = (module.first, module.second), sub
        else:  # the same table with its inputs swapped
            inputs, outputs = (module.second, module.first), sub.T
        if (outputs == outputs.flat[0]).all():
            return ("constant", int(outputs.flat[0]), False)
        return ("mlp", inputs, outputs.tobytes())
    if module.kind == "cat" and len(sets[module.value]) == 1:  # every position reads the same value
        return ("constant", sets[module.value][0], is_token[module.value])
    sub = module.predicate[np.ix_(sets[module.query], sets[module.key])] & relevant_cells(module, sets, causal)
    order: Optional[str] = module.order
    if module.kind == "count" or (module.key == 1 and (sub.sum(1) <= 1).all()):
        order = None  # counts ignore it; at most one position matches a query when keys are positions
    value, where = module.value, b""
    if module.kind == "count":  # one that counts every position is a plain count
        value, where = (value, module.where[sets[value]].tobytes()) if counts_some(module, sets) else (None, b"")
    scope = b""  # where each matching cell counts, when not everywhere
    if module.scope is not None:
        cells = np.where(sub, module.scope[np.ix_(sets[module.query], sets[module.key])], 0)
        scope = cells.tobytes() if cells.any() else b""
    return ("head", module.kind, module.query, module.key, value, order, sub.tobytes(), where, scope)


def merge_duplicates(program: DiscreteProgram) -> tuple[DiscreteProgram, int]:
    """Drops every module that computes the same variable as an earlier one: its readers read the earlier
    variable and its classifier rows are added to the earlier's. Exact; returns how many live modules
    were dropped. One pass suffices: a module's inputs are renamed before it is compared."""
    _require_integers(program)
    sets = program.value_sets()  # a duplicate's value set equals its original's, so these stay valid
    is_token = program.domain_is_token()  # (and so does its domain)
    live = program.live_variables()
    classifier = np.where(program.reads[:, None, None], program.classifier, 0.0)  # unread rows: never summed
    reads = program.reads.copy()
    alias = list(range(len(reads)))
    heads = [list(layer) for layer in program.heads]
    mlps = [list(layer) for layer in program.mlps]
    seen: dict[tuple, int] = {}
    merged, index = 0, 2
    for layer in range(program.config.layers):
        for modules in (heads[layer], mlps[layer]):
            for position, module in enumerate(modules):
                module = modules[position] = _remap(module, alias)
                original = seen.setdefault(_signature(module, sets, is_token, program.config.causal), index)
                if original != index:
                    alias[index] = original
                    merged += int(live[index])
                    classifier[original] += classifier[index]
                    classifier[index] = 0.0
                    reads[original] |= reads[index]
                    reads[index] = False
                index += 1
    return dataclasses.replace(program, heads=heads, mlps=mlps, classifier=classifier, reads=reads), merged


def centre_classifier(program: DiscreteProgram) -> tuple[DiscreteProgram, int]:
    """Moves each read variable's commonest row (over the values it can hold) into the bias, so that row
    and its equals become zero; a variable left with only zero rows is a constant and is no longer read.
    Rows of values a variable cannot hold are set to zero. Exact; returns how many reads were folded."""
    _require_integers(program)
    sets = program.value_sets()
    classifier, bias, reads = program.classifier.copy(), program.bias.copy(), program.reads.copy()
    folded = 0
    for v in np.flatnonzero(reads):
        rows = classifier[v, sets[v]]
        common = np.array(Counter(map(tuple, rows.tolist())).most_common(1)[0][0])
        classifier[v] = 0.0
        classifier[v, sets[v]] = rows - common
        bias = bias + common
        if not classifier[v].any():
            reads[v] = False
            folded += 1
    return dataclasses.replace(program, classifier=classifier, bias=bias, reads=reads), folded


def drop_rows(program: DiscreteProgram, data: list[Encoded], reference: float) -> tuple[DiscreteProgram, int]:
    """Sets classifier rows to zero (after `centre_classifier`, the value then counts as the variable's
    commonest one) one at a time, the most helpful first, keeping each while the accuracy on `data` stays
    >= `reference`. Integer weights: the scores are updated in place, exactly. Returns the rows dropped."""
    _require_integers(program)
    scorer, sets, classifier = _Scorer(program, data), program.value_sets(), program.classifier.copy()
    scores = program.scores_of(scorer.values)
    correct = scores.argmax(-1) == scorer.targets
    right, total = int(correct.sum()), len(correct)

    def without(v: int, slot: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
        at = np.flatnonzero(scorer.values[v] == slot)
        new = scores[at] - classifier[v, slot]
        now_correct = new.argmax(-1) == scorer.targets[at]
        return at, new, now_correct, int(now_correct.sum()) - int(correct[at].sum())

    rows = [(v, slot) for v in np.flatnonzero(program.reads) for slot in sets[v] if classifier[v, slot].any()]
    rows.sort(key=lambda row: -without(*row)[3])
    dropped = 0
    for v, slot in rows:
        at, new, now_correct, gain = without(v, slot)
        if (right + gain) / total >= reference:
            scores[at], correct[at], right = new, now_correct, right + gain
            classifier[v, slot] = 0.0
            dropped += 1
    return dataclasses.replace(program, classifier=classifier), dropped


def merge_values(program: DiscreteProgram) -> tuple[DiscreteProgram, int]:
    """Output values of an MLP that nothing downstream tells apart become one value (the one its table
    gives most often): same classifier row, same rows (or columns) in the tables and predicates of the
    modules that read it. Skipped when a categorical head reads the MLP as its value (it would pass the
    values on). Later MLPs first, so that earlier ones see their readers merged. Exact; returns how many
    values were merged away."""
    heads, mlps = [list(layer) for layer in program.heads], [list(layer) for layer in program.mlps]
    program = dataclasses.replace(program, heads=heads, mlps=mlps)
    cfg, merged = program.config, 0
    for layer in reversed(range(cfg.layers)):
        for m in reversed(range(len(mlps[layer]))):
            index, module = cfg.first_variable(layer) + cfg.heads + m, mlps[layer][m]
            live, sets = program.live_variables(), program.value_sets()
            readers = [r for i, r in program.modules() if live[i] and index in program.inputs_of(r)]
            if not live[index] or any(isinstance(r, Head) and r.value == index for r in readers):
                continue
            views: dict[int, list[bytes]] = {x: [] for x in sets[index]}
            for x, view in views.items():
                if program.reads[index]:
                    view.append(program.classifier[index, x].tobytes())
                for r in readers:
                    if isinstance(r, MLP) and r.first == r.second:
                        view.append(r.table[x, x].tobytes())
                    elif isinstance(r, MLP):
                        row = r.table[x, sets[r.second]] if r.first == index else r.table[sets[r.first], x]
                        view.append(row.tobytes())
                    else:  # per cell: 0 no match, else 1 + the scope it counts in
                        cells = r.predicate * (1 + (0 if r.scope is None else r.scope))
                        view += [cells[x, sets[r.key]].tobytes()] if r.query == index else []
                        view += [cells[sets[r.query], x].tobytes()] if r.key == index else []
            groups: dict[tuple, list[int]] = {}
            for x, view in views.items():
                groups.setdefault(tuple(view), []).append(x)
            if len(groups) == len(views):
                continue
            xs, ys = sets[module.first], sets[module.second]
            outputs = module.table[xs, xs] if module.first == module.second else module.table[np.ix_(xs, ys)]
            given = Counter(outputs.flat)
            mapping = np.arange(cfg.n_values)
            for group in groups.values():
                mapping[group] = max(group, key=lambda x: (given[x], -x))
            mlps[layer][m] = dataclasses.replace(module, table=mapping[module.table])
            merged += len(views) - len(groups)
    return program, merged


def simplify(program: DiscreteProgram) -> tuple[DiscreteProgram, int, int, int]:
    """`merge_duplicates`, `merge_values` and `centre_classifier` until none changes anything.
    Returns the program, the modules merged, the values merged and the reads folded."""
    totals = [0, 0, 0]
    while True:
        program, modules = merge_duplicates(program)
        program, values = merge_values(program)
        program, folded = centre_classifier(program)
        totals = [t + n for t, n in zip(totals, (modules, values, folded))]
        if modules == values == folded == 0:
            return program, *totals


def prune_reads(program: DiscreteProgram, data: list[Encoded]) -> DiscreteProgram:
    """Step 1: the classifier stops reading each variable (last first) whose removal keeps the accuracy."""
    scorer = _Scorer(program, data)
    base = scorer.accuracy(program)
    pruned = dataclasses.replace(program, reads=program.reads.copy())
    for v in reversed(np.flatnonzero(pruned.reads)):
        pruned.reads[v] = False
        if scorer.accuracy(pruned) < base:
            pruned.reads[v] = True
    return pruned


def choose_scale(program: DiscreteProgram, data: list[Encoded]) -> tuple[int, float]:
    """Step 2: the smallest scale in `SCALES` whose `quantise`d program is as accurate as `program` (if
    none is, the most accurate, the smallest of those), and that accuracy. Only scales whose classifier
    the compiler can still make exact are tried (larger integers stop fitting float32 at some scale:
    `ClassifierTooLarge`); `prune` checks the final program again, since centring can widen the scores."""
    scorer = _Scorer(program, data)
    reference, accuracies = scorer.accuracy(program), {}
    for scale in SCALES:
        quantised = quantise(program, scale)
        if accuracies and not _classifier_compiles(quantised):
            break
        accuracies[scale] = scorer.accuracy(quantised)
        if accuracies[scale] >= reference:
            return scale, accuracies[scale]
    best = max(accuracies, key=lambda s: (accuracies[s], -s))
    return best, accuracies[best]


def _classifier_compiles(program: DiscreteProgram) -> bool:
    try:
        compile_program(program)
    except ClassifierTooLarge:
        return False
    return True


def prune(program: DiscreteProgram, data: list[Encoded]) -> tuple[DiscreteProgram, PruneReport]:
    """The steps of the module docstring, in order; `data`: the training and validation splits."""
    pruned = prune_reads(program, data)
    scale, accuracy = choose_scale(pruned, data)
    while True:
        simple, *counts = simplify(quantise(pruned, scale))
        sparse, dropped = drop_rows(simple, data, accuracy)
        simple, *more = simplify(sparse)
        if scale == SCALES[0] or _classifier_compiles(simple):
            break
        # Centring moves a row into the bias and can widen the scores past what the compiler keeps
        # exact (it did on a most-freq program); the next smaller scale narrows them again.
        scale = SCALES[SCALES.index(scale) - 1]
        accuracy = _Scorer(pruned, data).accuracy(quantise(pruned, scale))
    merged, values, folded = (a + b for a, b in zip(counts, more))
    report = PruneReport(_Scorer(program, data).accuracy(program), _Scorer(simple, data).accuracy(simple),
                         int(program.reads.sum()), int(simple.reads.sum()), _live_modules(program),
                         _live_modules(simple), scale, merged, values, dropped, folded)
    return simple, report
