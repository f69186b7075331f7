"""Models where researchers work: TransformerLens and ONNX exports, and ground-truth circuits.

    from weightsmith.export import to_hooked_transformer, decode_logits, hook_labels, circuit_of
    hooked = to_hooked_transformer(compiled.model)          # a transformer_lens.HookedTransformer
    logits, cache = hooked.run_with_cache(compiled.model.encode([["BOS", "a", "b"]]))
    circuit_of(compiled).write("circuit.json")              # which heads/units/dims compute which s-op

The exports need the optional `export` extra (TransformerLens, ONNX, onnxruntime); importing this
package does not, and a call without it raises MissingExtra naming the extra.
"""

from weightsmith.export.circuits import Circuit, Component, SOpNode, UnitRange, circuit_of
from weightsmith.export.extras import MissingExtra
from weightsmith.export.hooks import hook_labels, markdown_table
from weightsmith.export.onnx import export_onnx, run_onnx
from weightsmith.export.transformer_lens import (
    decode_logits,
    hooked_config,
    load_hooked_transformer,
    save_hooked_transformer,
    to_hooked_transformer,
)

__all__ = [
    "Circuit",
    "Component",
    "MissingExtra",
    "SOpNode",
    "UnitRange",
    "circuit_of",
    "decode_logits",
    "export_onnx",
    "hook_labels",
    "hooked_config",
    "load_hooked_transformer",
    "markdown_table",
    "run_onnx",
    "save_hooked_transformer",
    "to_hooked_transformer",
]
