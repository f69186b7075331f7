"""The discrete Transformer Program: every choice fixed; the thing that is evaluated and decompiled.

Semantics (the decompilers reproduce exactly these; `DiscreteProgram.predict` is their definition):

- Variables are categorical. Each holds a *slot* per position, an integer in `range(n_values)`
  (`n_values = max(values, len(vocab), max_len + 1)`; `values` is the configured cardinality, wider
  variables let an MLP write a pair of values as one). `tokens` holds the vocabulary index, `positions` the
  index, and every module writes one new variable (the residual stream only grows).
- Layer l: first its attention heads read the variables written before layer l, then its MLPs read
  those and the heads' outputs.
- A categorical head (`attn_l_h`) reads a query, a key and a value variable and a boolean predicate
  matrix `predicate[query_slot, key_slot]`. Query position i looks at key positions j >= 1 (j <= i when
  causal) that match; it reads the value at the preferred match (smallest `match_rank(order)[i, j]`);
  with no match it reads position 0 (BOS). The head's `order` is the paper's "closest" (the nearest
  position, the left one first at equal distance) or, where the configuration allows it, "first" (the
  leftmost match) or "last" (the rightmost): "the first occurrence of my token" is one head with "first",
  and no head at all with "closest".
- A numerical head (`num_attn_l_h`) counts the matching key positions j (all j, BOS included; j <= i when
  causal): an unnormalised sum of `ones`, written as a categorical count 0..max_len. With
  `count_where` it also reads a value variable and counts only the positions whose value is in its set
  `where` (the paper sums a numerical variable; here the summed number is "value in a set", 0 or 1):
  "how many first occurrences rank above mine" is one such head. With `scopes`, each predicate cell also
  says where its matches count: at every key ("all"), only at keys j < i ("before") or j > i ("after");
  "keys smaller than mine, or equal to mine and before me" (a rank without ties) is one head.
- An MLP (`mlp_l_m`) reads two variables and writes `table[first_slot, second_slot]`.
- The classifier adds, in float64 and in variable order, `bias + sum_v classifier[v, slot_v]` over the
  variables it reads; the prediction is the first class with the largest score.
"""

from __future__ import annotations

import json
from dataclasses import MISSING, dataclass, field, fields, replace
from pathlib import Path
from typing import Optional, Sequence

import numpy as np
from safetensors.numpy import load_file, save_file

from weightsmith.rasp.typed_tokens import not_tokens, token_index, token_key

FORMAT = "weightsmith-transformer-program/1"
PREDICATE_KINDS = ("one_hot", "binary", "mixed")
ORDERS = ("closest", "first", "last")  # which matching key a categorical head reads (see `match_rank`)
SCOPES = ("all", "before", "after")  # which key positions a counting head's match counts (see `scope_mask`)


@dataclass(frozen=True)
class ProgramConfig:
    vocab: tuple  # input tokens; vocab[0] is BOS
    classes: tuple  # output labels
    max_len: int
    layers: int
    cat_heads: int  # categorical heads per layer
    count_heads: int  # numerical (counting) heads per layer
    mlps: int  # MLPs per layer
    causal: bool = False
    predicate: str = "one_hot"  # "one_hot": each query value matches one key value; "binary": any set;
    # "mixed": one_hot for categorical heads, binary for numerical ones ("how many rank above me")
    orders: tuple = ("closest",)  # the match orders categorical heads choose from (the paper: closest only)
    values: int = 0  # variable cardinality; at least enough for tokens and counts (`n_values`)
    count_where: bool = False  # numerical heads count only positions whose value variable is in a learned set
    scopes: tuple = ("all",)  # per predicate cell of a counting head, where its matches count (the paper: all)

    def __post_init__(self) -> None:
        if self.predicate not in PREDICATE_KINDS:
            raise ValueError(f"predicate must be one of {PREDICATE_KINDS}, got {self.predicate!r}")
        if not self.orders or any(o not in ORDERS for o in self.orders) or len(set(self.orders)) != len(self.orders):
            raise ValueError(f"orders must be distinct names from {ORDERS}, got {self.orders!r}")
        if not self.scopes or any(s not in SCOPES for s in self.scopes) or len(set(self.scopes)) != len(self.scopes):
            raise ValueError(f"scopes must be distinct names from {SCOPES}, got {self.scopes!r}")
        if self.layers < 1 or min(self.cat_heads, self.count_heads, self.mlps, self.values) < 0:
            raise ValueError(f"layers must be >= 1 and head/MLP counts >= 0: {self}")
        if self.max_len < 1:
            raise ValueError(f"max_len must be >= 1 (BOS is a position), got {self.max_len!r}")
        if not self.classes:
            raise ValueError("classes is empty: a program needs at least one output label")
        # a repeated token encoded as its last index and a repeated label decoded as its first: silently
        for name, items in (("vocab", self.vocab), ("classes", self.classes)):
            keys = [token_key(item) for item in items]
            if len(set(keys)) < len(keys):
                repeated = next(item for item, key in zip(items, keys) if keys.count(key) > 1)
                raise ValueError(f"{name} holds {repeated!r} twice: {items!r}")

    @property
    def n_values(self) -> int:
        return max(self.values, len(self.vocab), self.max_len + 1)

    def binary_predicates(self) -> tuple[int, int]:
        """The heads [start, stop) of each layer whose predicates are binary (any set); the others are one-hot."""
        return {"one_hot": (self.heads, self.heads), "binary": (0, self.heads), "mixed": (self.cat_heads, self.heads)}[
            self.predicate]

    @property
    def heads(self) -> int:
        return self.cat_heads + self.count_heads

    def head_name(self, layer: int, head: int) -> str:
        if head < self.cat_heads:
            return f"attn_{layer}_{head}"
        return f"num_attn_{layer}_{head - self.cat_heads}"

    def variable_names(self) -> list[str]:
        names = ["tokens", "positions"]
        for layer in range(self.layers):
            names += [f"{self.head_name(layer, h)}_outputs" for h in range(self.heads)]
            names += [f"mlp_{layer}_{m}_outputs" for m in range(self.mlps)]
        return names

    def first_variable(self, layer: int) -> int:
        """Index of the first variable written by `layer` (= how many its heads may read)."""
        return 2 + layer * (self.heads + self.mlps)

    def to_json(self) -> dict:
        return {**self.__dict__, "vocab": list(self.vocab), "classes": list(self.classes), "orders": list(self.orders),
                "scopes": list(self.scopes)}

    @classmethod
    def from_json(cls, d: dict) -> "ProgramConfig":
        """The config a program.json holds, every field's type checked (a file may be damaged or hand-edited:
        `"causal": "yes"` was taken as true, and changed every prediction without a word)."""
        names = {f.name for f in fields(cls)}
        required = {f.name for f in fields(cls) if f.default is MISSING}
        if not isinstance(d, dict) or not required <= set(d) or not set(d) <= names:
            raise ValueError(f"config: expected the fields {sorted(required)} (and optionally "
                             f"{sorted(names - required)}), got {sorted(d) if isinstance(d, dict) else d!r}")
        for name, kind in _FIELD_TYPES.items():
            if name in d and not (type(d[name]) is kind or (kind is list and isinstance(d[name], list) and all(
                    isinstance(item, (str, int, float)) for item in d[name]))):
                raise ValueError(f"config: {name!r} must be {_TYPE_NAMES[kind]}, got {d[name]!r}")
        return cls(**{**d, "vocab": tuple(d["vocab"]), "classes": tuple(d["classes"]),
                      "orders": tuple(d.get("orders", ("closest",))), "scopes": tuple(d.get("scopes", ("all",)))})


_FIELD_TYPES = {"vocab": list, "classes": list, "max_len": int, "layers": int, "cat_heads": int, "count_heads": int,
                "mlps": int, "causal": bool, "predicate": str, "orders": list, "values": int, "count_where": bool,
                "scopes": list}
_TYPE_NAMES = {list: "a list of tokens (text, numbers or booleans)", int: "an int", bool: "true or false",
               str: "text"}


@dataclass
class Head:
    kind: str  # "cat" or "count"
    query: int  # variable indices
    key: int
    value: Optional[int]  # None for a counting head that counts every match
    predicate: np.ndarray  # bool [query slot, key slot]
    order: str = "closest"  # categorical heads: which match is read (`match_rank`)
    where: Optional[np.ndarray] = None  # counting heads with a value: bool [value slot], the slots counted
    scope: Optional[np.ndarray] = None  # counting heads: int [query slot, key slot], the SCOPES index of
    # where a match of those values counts (`scope_mask`); None: everywhere ("all")


@dataclass
class MLP:
    first: int
    second: int
    table: np.ndarray  # int64 [first slot, second slot] -> output slot


@dataclass
class DiscreteProgram:
    config: ProgramConfig
    heads: list[list[Head]]  # per layer
    mlps: list[list[MLP]]  # per layer
    classifier: np.ndarray  # float64 [variable, slot, class]
    bias: np.ndarray  # float64 [class]
    reads: np.ndarray = field(default=None)  # bool [variable]: which variables the classifier reads

    def __post_init__(self) -> None:
        if self.reads is None:
            self.reads = np.ones(len(self.config.variable_names()), dtype=bool)

    # ------------------------------------------------------------------------------ structure
    def modules(self) -> list[tuple[int, object]]:
        """(output variable index, Head or MLP) in evaluation order."""
        out, index = [], 2
        for layer in range(self.config.layers):
            for module in [*self.heads[layer], *self.mlps[layer]]:
                out.append((index, module))
                index += 1
        return out

    def with_module(self, index: int, module: "Head | MLP") -> "DiscreteProgram":
        """A copy with the module at `index` (in `modules()` order) replaced; this program is unchanged."""
        layer, slot = divmod(index, self.config.heads + self.config.mlps)
        heads, mlps = [list(h) for h in self.heads], [list(m) for m in self.mlps]
        if slot < self.config.heads:
            heads[layer][slot] = module
        else:
            mlps[layer][slot - self.config.heads] = module
        return replace(self, heads=heads, mlps=mlps)

    def with_classes(self, classes: Sequence) -> "DiscreteProgram":
        """A copy whose classifier scores `classes` (a superset of this program's, in any order): a class
        this program does not score starts with zero weights and bias, for the read-out refit to fit
        (`train_task`'s `defer_labels` trains without some classes, then adds them)."""
        own = token_index(self.config.classes)
        missing = not_tokens(self.config.classes, classes)
        if missing:
            raise ValueError(f"with_classes: the classes {missing!r} would be dropped")
        classifier = np.zeros(self.classifier.shape[:2] + (len(classes),))
        bias = np.zeros(len(classes))
        for j, c in enumerate(classes):
            if token_key(c) in own:
                classifier[..., j], bias[j] = self.classifier[..., own[token_key(c)]], self.bias[own[token_key(c)]]
        return replace(self, config=replace(self.config, classes=tuple(classes)), classifier=classifier, bias=bias)

    def inputs_of(self, module: object) -> list[int]:
        if isinstance(module, Head):
            return [module.query, module.key] + ([] if module.value is None else [module.value])
        return [module.first, module.second]

    def live_variables(self) -> np.ndarray:
        """Variables that influence the prediction: read by the classifier or by a live module."""
        live = self.reads.copy()
        for index, module in reversed(self.modules()):
            if live[index]:
                live[self.inputs_of(module)] = True
        return live

    # ------------------------------------------------------------------------------ semantics
    def variables(self, ids: np.ndarray, lengths: np.ndarray) -> list[np.ndarray]:
        """Every variable's slots [B, L], in order (padding positions hold meaningless slots)."""
        allowed = key_positions(self.config, lengths, ids.shape[1])
        values = [ids, np.broadcast_to(np.arange(ids.shape[1])[None, :], ids.shape)]
        for _, module in self.modules():
            values.append(module_output(module, values, allowed))
        return values

    def scores(self, ids: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        return self.scores_of(self.variables(ids, lengths))

    def scores_of(self, values: Sequence[np.ndarray]) -> np.ndarray:
        """Class scores [..., C] from every variable's slots (arrays of one shape): the bias, then each read
        variable's weights added in variable order, in float64 (the order the decompilers keep)."""
        total = np.broadcast_to(self.bias, (*np.shape(values[0]), len(self.bias))).copy()
        for v in np.flatnonzero(self.reads):
            total = total + self.classifier[v][values[v]]
        return total

    def predict_ids(self, ids: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Class indices [B, L] (first maximum, as Python's `max` finds it)."""
        return self.scores(ids, lengths).argmax(-1)

    def predict(self, inputs: Sequence[Sequence]) -> list[list]:
        """Predicted labels for each input, one per position."""
        ids, lengths = encode_inputs(self.config, inputs)
        classes = self.config.classes
        return [[classes[c] for c in row[:n]] for row, n in zip(self.predict_ids(ids, lengths), lengths)]

    # ----------------------------------------------------------------------------- value sets
    def value_sets(self) -> list[list[int]]:
        """The slots each variable can hold on some input (sound over-approximation), sorted."""
        cfg = self.config
        sets: list[set[int]] = [set(range(len(cfg.vocab))), set(range(cfg.max_len))]
        for _, module in self.modules():
            if isinstance(module, MLP):
                sets.append({int(module.table[a, b]) for a in sets[module.first] for b in sets[module.second]})
            elif module.kind == "count":
                sets.append(set(range(cfg.max_len + 1)))
            else:
                sets.append(set(sets[module.value]))
        return [sorted(s) for s in sets]

    def domain_is_token(self) -> list[bool]:
        """Whether each variable holds input tokens (its slots are vocabulary indices)."""
        token = [True, False]
        for _, module in self.modules():
            token.append(isinstance(module, Head) and module.kind == "cat" and token[module.value])
        return token

    # ---------------------------------------------------------------------------------- files
    def save(self, folder: str | Path) -> None:
        """`program.safetensors` (arrays) + `program.json` (structure); no pickle."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        tensors = {"classifier": self.classifier, "bias": self.bias, "reads": self.reads.astype(np.uint8)}
        structure = []
        for layer in range(self.config.layers):
            heads = []
            for h, head in enumerate(self.heads[layer]):
                tensors[f"layer{layer}.head{h}.predicate"] = head.predicate.astype(np.uint8)
                if head.where is not None:
                    tensors[f"layer{layer}.head{h}.where"] = head.where.astype(np.uint8)
                if head.scope is not None:
                    tensors[f"layer{layer}.head{h}.scope"] = head.scope.astype(np.uint8)
                heads.append({"kind": head.kind, "query": head.query, "key": head.key, "value": head.value,
                              "order": head.order})
            mlps = []
            for m, mlp in enumerate(self.mlps[layer]):
                tensors[f"layer{layer}.mlp{m}.table"] = mlp.table.astype(np.int64)
                mlps.append({"first": mlp.first, "second": mlp.second})
            structure.append({"heads": heads, "mlps": mlps})
        save_file({k: np.ascontiguousarray(v) for k, v in tensors.items()}, str(folder / "program.safetensors"))
        meta = {"format": FORMAT, "config": self.config.to_json(), "layers": structure}
        (folder / "program.json").write_text(json.dumps(meta, indent=1))

    @classmethod
    def load(cls, folder: str | Path) -> "DiscreteProgram":
        """The program `save` wrote. Every field and array is checked against the config before use: a damaged
        or hand-edited folder is a ValueError naming it and what is wrong, never a program that answers
        otherwise (a variable index out of range, a table slot past the variables' values, a NaN weight)."""
        folder = Path(folder)
        try:
            meta = json.loads((folder / "program.json").read_text())
        except (OSError, ValueError) as err:
            raise ValueError(f"{folder} is not a saved Transformer Program: {err}") from err
        if not isinstance(meta, dict) or meta.get("format") != FORMAT:
            found = meta.get("format") if isinstance(meta, dict) else type(meta).__name__
            raise ValueError(f"{folder}/program.json has format {found!r}, expected {FORMAT!r}")
        try:
            tensors = load_file(str(folder / "program.safetensors"))
        except Exception as err:  # noqa: BLE001 - safetensors raises its own error type
            raise ValueError(f"{folder}/program.safetensors cannot be read: {err}") from err
        try:
            return _from_files(meta, _Arrays(tensors))
        except ValueError as err:
            raise ValueError(f"{folder} is not a valid saved Transformer Program: {err}") from None


def _from_files(meta: dict, arrays: "_Arrays") -> DiscreteProgram:
    """The program program.json and its arrays describe, each field checked against the config."""
    if not isinstance(meta.get("config"), dict) or not isinstance(meta.get("layers"), list):
        raise ValueError("program.json needs a 'config' object and a 'layers' list")
    config = ProgramConfig.from_json(meta["config"])
    n, variables = config.n_values, len(config.variable_names())
    if len(meta["layers"]) != config.layers:
        raise ValueError(f"program.json lists {len(meta['layers'])} layers, its config's 'layers' is {config.layers}")
    heads, mlps = [], []
    for layer, entry in enumerate(meta["layers"]):
        readable = config.first_variable(layer)  # the variables a module of this layer may read
        if not (isinstance(entry, dict) and isinstance(entry.get("heads"), list) and isinstance(entry.get("mlps"), list)
                and len(entry["heads"]) == config.heads and len(entry["mlps"]) == config.mlps):
            raise ValueError(f"layer {layer}: expected {config.heads} 'heads' and {config.mlps} 'mlps'")
        layer_heads = []
        for i, h in enumerate(entry["heads"]):
            name, kind = f"layer{layer}.head{i}", "cat" if i < config.cat_heads else "count"
            if not isinstance(h, dict) or h.get("kind") != kind or h.get("order", "closest") not in ORDERS:
                raise ValueError(f"{name}: expected 'kind' {kind!r} (its config has {config.cat_heads} categorical "
                                 f"heads a layer) and an 'order' from {ORDERS}, got {h!r}")
            query, key = _variable(h, "query", name, readable), _variable(h, "key", name, readable)
            value = None if kind == "count" and h.get("value") is None else _variable(h, "value", name, readable)
            counted = kind == "count" and value is not None
            layer_heads.append(Head(
                kind, query, key, value, arrays.take(f"{name}.predicate", (n, n), 2).astype(bool), h.get("order", "closest"),
                _optional_bool(arrays.take(f"{name}.where", (n,), 2, optional=not counted)),
                _optional_int(arrays.take(f"{name}.scope", (n, n), len(SCOPES), optional=True) if kind == "count" else None)))
        heads.append(layer_heads)
        mlps.append([MLP(_variable(m, "first", f"layer{layer}.mlp{i}", readable + config.heads),
                         _variable(m, "second", f"layer{layer}.mlp{i}", readable + config.heads),
                         arrays.take(f"layer{layer}.mlp{i}.table", (n, n), n).astype(np.int64))
                     for i, m in enumerate(entry["mlps"])])
    program = DiscreteProgram(config, heads, mlps, arrays.take("classifier", (variables, n, len(config.classes))),
                              arrays.take("bias", (len(config.classes),)),
                              arrays.take("reads", (variables,), 2).astype(bool))
    arrays.check_all_taken()
    return program


def _variable(entry: object, name: str, module: str, readable: int) -> int:
    """A module's input variable index from program.json: an int the module may read (an earlier variable)."""
    index = entry.get(name) if isinstance(entry, dict) else None
    if type(index) is not int or not 0 <= index < readable:
        raise ValueError(f"{module}: {name!r} must be a variable index in 0..{readable - 1}, got {index!r}")
    return index


class _Arrays:
    """A folder's arrays, each taken once with its shape and values checked; any left over is an error."""

    def __init__(self, tensors: dict[str, np.ndarray]) -> None:
        self.tensors, self.taken = tensors, set()

    def take(self, name: str, shape: tuple, bound: Optional[int] = None, optional: bool = False) -> Optional[np.ndarray]:
        """Array `name` of `shape`: integers in 0..bound-1, or (bound None) finite floats."""
        if name not in self.tensors:
            if optional:
                return None
            raise ValueError(f"array {name!r} is missing from program.safetensors")
        array = self.tensors[name]
        self.taken.add(name)
        if array.shape != shape:
            raise ValueError(f"array {name!r} has shape {list(array.shape)}, its config implies {list(shape)}")
        if bound is None:
            if array.dtype.kind != "f" or not np.isfinite(array).all():
                raise ValueError(f"array {name!r} must hold finite floats ({array.dtype})")
        elif array.dtype.kind not in "biu" or (array.size and not (0 <= array.min() and array.max() < bound)):
            raise ValueError(f"array {name!r} must hold integers in 0..{bound - 1} ({array.dtype}, "
                             f"{array.min() if array.size else '-'}..{array.max() if array.size else '-'})")
        return array

    def check_all_taken(self) -> None:
        extra = sorted(set(self.tensors) - self.taken)
        if extra:
            raise ValueError(f"program.safetensors holds arrays its program.json does not use: {extra}")


def key_positions(config: ProgramConfig, lengths: np.ndarray, width: int) -> np.ndarray:
    """bool [B, query position, key position]: the keys a query may look at (within the input; j <= i when
    causal)."""
    valid = np.arange(width)[None, :] < lengths[:, None]
    allowed = np.broadcast_to(valid[:, None, :], (len(lengths), width, width))
    return allowed & np.tri(width, dtype=bool)[None] if config.causal else allowed


def module_output(module: "Head | MLP", values: Sequence[np.ndarray], allowed: np.ndarray) -> np.ndarray:
    """The slots [B, L] one module writes, given the variables before it (`values`, indexable by variable)
    and `key_positions`: the semantics of the module docstring."""
    if isinstance(module, MLP):
        return module.table[values[module.first], values[module.second]]
    width = allowed.shape[-1]
    query, key = values[module.query][:, :, None], values[module.key][:, None, :]
    match = module.predicate[query, key] & allowed
    if module.kind == "count":
        if module.scope is not None:
            match = match & scope_masks(width)[module.scope[query, key], np.arange(width)[:, None], np.arange(width)]
        if module.value is not None:
            match = match & module.where[values[module.value]][:, None, :]
        return match.sum(-1)
    score = np.where(match, 4 * width - match_rank(module.order, width)[None], -1)  # > 0: a match
    score[:, :, 0] = 0  # BOS: chosen when nothing matches
    return np.take_along_axis(values[module.value], score.argmax(-1), axis=1)


def counts_some(head: Head, sets: Sequence[Sequence[int]]) -> bool:
    """Whether a counting head's `where` leaves out a value its value variable can hold (`sets`, from
    `DiscreteProgram.value_sets`); if not, it counts every matching position, as a plain count does."""
    return head.value is not None and not all(head.where[s] for s in sets[head.value])


def _optional_bool(array: Optional[np.ndarray]) -> Optional[np.ndarray]:
    return None if array is None else array.astype(bool)


def _optional_int(array: Optional[np.ndarray]) -> Optional[np.ndarray]:
    return None if array is None else array.astype(np.int64)


def encode_inputs(config: ProgramConfig, inputs: Sequence[Sequence]) -> tuple[np.ndarray, np.ndarray]:
    """Token index arrays [B, max_len] (padding 0, never attended to) and lengths [B]; checks the input."""
    index = token_index(config.vocab)
    ids = np.zeros((len(inputs), config.max_len), dtype=np.int64)
    lengths = np.zeros(len(inputs), dtype=np.int64)
    for b, xs in enumerate(inputs):
        if not 1 <= len(xs) <= config.max_len:
            raise ValueError(f"input {b} has length {len(xs)}; lengths 1..{config.max_len} are allowed: {xs!r}")
        if token_key(xs[0]) != token_key(config.vocab[0]):  # else the program reads the first token as BOS
            raise ValueError(f"input {b} starts with {xs[0]!r}, not the BOS token {config.vocab[0]!r}: {xs!r}")
        for i, t in enumerate(xs):
            if token_key(t) not in index:
                raise ValueError(f"input {b}, position {i}: token {t!r} is not in the vocabulary {config.vocab!r}")
            ids[b, i] = index[token_key(t)]
        lengths[b] = len(xs)
    return ids, lengths


def encode_targets(config: ProgramConfig, targets: Sequence[Sequence]) -> np.ndarray:
    """Class indices [B, max_len]; -100 where there is no target (None) and at padding."""
    index = token_index(config.classes)
    out = np.full((len(targets), config.max_len), -100, dtype=np.int64)
    for b, ys in enumerate(targets):
        for i, y in enumerate(ys):
            if y is not None:
                if token_key(y) not in index:
                    raise ValueError(f"target {b}, position {i}: label {y!r} is not a class {config.classes!r}")
                out[b, i] = index[token_key(y)]
    return out


def tie_break_rank(width: int) -> np.ndarray:
    """rank[i, j]: the order in which query i prefers matching keys j: itself, then i-1, i+1, i-2, ..."""
    i = np.arange(width)[:, None]
    j = np.arange(width)[None, :]
    return np.where(j <= i, 2 * (i - j) - (j < i), 2 * (j - i))


def match_rank(order: str, width: int) -> np.ndarray:
    """rank[i, j]: how query i prefers matching keys j (smallest first), for a head's `order`."""
    if order == "closest":
        return tie_break_rank(width)
    j = np.broadcast_to(np.arange(width)[None, :], (width, width))
    if order == "first":
        return j.copy()
    if order == "last":
        return width - 1 - j
    raise ValueError(f"order must be one of {ORDERS}, got {order!r}")


def scope_mask(scope: str, width: int) -> np.ndarray:
    """mask[i, j]: whether a counting head with `scope` at query position i counts key position j."""
    i = np.arange(width)[:, None]
    j = np.arange(width)[None, :]
    if scope == "all":
        return np.ones((width, width), dtype=bool)
    if scope == "before":
        return j < i
    if scope == "after":
        return j > i
    raise ValueError(f"scope must be one of {SCOPES}, got {scope!r}")


def scope_masks(width: int) -> np.ndarray:
    """bool [scope, query position, key position]: `scope_mask` of every scope, in SCOPES order."""
    return np.stack([scope_mask(scope, width) for scope in SCOPES])
