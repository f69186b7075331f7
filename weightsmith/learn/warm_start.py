"""Start a Transformer Program from a program: a program of a related task as the initialisation.

Training from random logits has to discover every variable, predicate and table; a program that already
solves a related task (Dyck-1 for Dyck-2, hist for most-freq) knows some of them. `warm_start` writes a
`DiscreteProgram` into a relaxed `TransformerProgramModel` as confident logits: each choice the program
makes (which variable a module reads, a predicate's cells, an MLP's table entries, a match order)
gets `margin` over the alternatives, so the model discretises to the program, and gradient descent can
still move it where the new task needs something else.

The source program is embedded in the first layers, heads and MLPs of a target configuration at least as
large (its categorical heads at the target's first categorical heads of the same layer, its counting
heads at the first counting heads, its MLPs at the first MLPs); modules the source does not have keep their
random initialisation. Variables are renumbered accordingly. Slots keep their meaning only if the
source's vocabulary is a prefix of the target's (a token keeps its slot), which is checked. The classifier
is copied by class name where `classifier=True` (the classes mean the same: T/P/F for Dyck-1 and Dyck-2),
else left at zero (hist's counts are not most-freq's tokens).
"""

from __future__ import annotations

import torch

from weightsmith.learn.model import TransformerProgramModel
from weightsmith.learn.program import SCOPES, DiscreteProgram, ProgramConfig


class WarmStartError(ValueError):
    """The program does not fit into the model's configuration; the message says which part and why."""


def variable_map(source: ProgramConfig, target: ProgramConfig) -> list[int]:
    """For each source variable, its index among the target's variables."""
    out = [0, 1]
    for layer in range(source.layers):
        first = target.first_variable(layer)
        out += [first + h for h in range(source.cat_heads)]
        out += [first + target.cat_heads + h for h in range(source.count_heads)]
        out += [first + target.heads + m for m in range(source.mlps)]
    return out


def check_fits(source: ProgramConfig, target: ProgramConfig) -> None:
    for what in ("layers", "cat_heads", "count_heads", "mlps"):
        if getattr(source, what) > getattr(target, what):
            raise WarmStartError(f"the program has {getattr(source, what)} {what}, the model only {getattr(target, what)}")
    if tuple(target.vocab[: len(source.vocab)]) != tuple(source.vocab):
        raise WarmStartError(f"the program's vocabulary {list(source.vocab)} is not a prefix of the model's "
                             f"{list(target.vocab)}: its token slots would change meaning")
    if source.n_values > target.n_values:
        raise WarmStartError(f"the program's variables hold {source.n_values} values, the model's only {target.n_values}")
    if source.causal != target.causal:
        raise WarmStartError(f"the program is {'' if source.causal else 'not '}causal and the model is "
                             f"{'' if target.causal else 'not '}")
    if source.count_where != target.count_where:
        raise WarmStartError("the program and the model differ in count_where")
    if not set(source.orders) <= set(target.orders):
        raise WarmStartError(f"the program uses match orders {list(source.orders)}, the model offers {list(target.orders)}")
    if not set(source.scopes) <= set(target.scopes):
        raise WarmStartError(f"the program uses scopes {list(source.scopes)}, the model offers {list(target.scopes)}")
    src_binary, tgt_binary = _binary_heads(source), _binary_heads(target)
    for h in range(source.heads):
        if src_binary(h) != tgt_binary(_head_slot(source, target, h)):
            raise WarmStartError(f"head {source.head_name(0, h)}: its predicate is {'binary' if src_binary(h) else 'one-hot'} "
                                 f"in the program and not in the model ({target.predicate!r} predicates)")


def _binary_heads(config: ProgramConfig):
    start, stop = config.binary_predicates()
    return lambda h: start <= h < stop


def _head_slot(source: ProgramConfig, target: ProgramConfig, h: int) -> int:
    return h if h < source.cat_heads else target.cat_heads + (h - source.cat_heads)


def _confident(size: int, chosen: int, margin: float) -> torch.Tensor:
    row = torch.zeros(size)
    row[chosen] = margin
    return row


@torch.no_grad()
def warm_start(model: TransformerProgramModel, program: DiscreteProgram, margin: float = 8.0,
               classifier: bool = True) -> None:
    """Write `program` into `model`'s logits (module docstring): its discretisation then computes the
    program's variables; with `classifier` and the same classes and shape, its predictions too."""
    source, target = program.config, model.config
    check_fits(source, target)
    where = variable_map(source, target)
    k, ks = target.n_values, source.n_values
    binary = _binary_heads(source)
    for layer, (heads, mlps) in enumerate(zip(program.heads, program.mlps)):
        params = model.layers[layer]
        n_before = target.first_variable(layer)
        for h, head in enumerate(heads):
            t = _head_slot(source, target, h)
            reads = [head.query, head.key, head.value if head.value is not None else head.key]
            for role, variable in enumerate(reads):
                params.head_gates[t, role] = _confident(n_before, where[variable], margin)
            cells = torch.as_tensor(head.predicate, dtype=torch.bool)
            predicate = torch.full((k, k), -margin)
            predicate[:ks, :ks] = torch.where(cells, margin, -margin)
            if not binary(h):  # one-hot rows: the chosen key over every other slot
                predicate = torch.where(predicate > 0, margin, 0.0)
            params.predicates[t] = predicate
            if head.kind == "cat":
                params.order_gates[t] = _confident(len(target.orders), target.orders.index(head.order), margin)
            else:
                c = t - target.cat_heads
                if head.where is not None:
                    params.count_where[c] = -margin
                    params.count_where[c, :ks] = torch.where(torch.as_tensor(head.where), margin, -margin)
                chosen = torch.zeros(ks, ks, dtype=torch.long) if head.scope is None else torch.as_tensor(head.scope)
                scopes = torch.zeros(k, k, len(target.scopes))
                for s, name in enumerate(target.scopes):
                    scopes[:ks, :ks, s] = torch.where(chosen == SCOPES.index(name), margin, 0.0)
                params.scopes[c] = scopes
        for m, mlp in enumerate(mlps):
            params.mlp_gates[m, 0] = _confident(n_before + target.heads, where[mlp.first], margin)
            params.mlp_gates[m, 1] = _confident(n_before + target.heads, where[mlp.second], margin)
            table = torch.zeros(k, k, k)
            table[:ks, :ks] = torch.nn.functional.one_hot(torch.as_tensor(mlp.table), k).float() * margin
            params.mlp_tables[m] = table.view(k * k, k)
    if classifier:
        _copy_classifier(model, program, where)


def _copy_classifier(model: TransformerProgramModel, program: DiscreteProgram, where: list[int]) -> None:
    source, target = program.config, model.config
    classes = {c: i for i, c in enumerate(target.classes)}
    weights = torch.as_tensor(program.classifier, dtype=torch.float32) * torch.as_tensor(program.reads)[:, None, None]
    model.classifier.zero_()
    model.bias.zero_()
    for i, c in enumerate(source.classes):
        if c in classes:
            model.classifier[where, : source.n_values, classes[c]] = weights[:, :, i]
            model.bias[classes[c]] = float(program.bias[i])
