"""The one transformer architecture, its config, and its folder format (safetensors + JSON).

    from weightsmith.model import Transformer, ModelConfig, LayerConfig, HeadConfig, save, load, summary
    model = load("out/")
    model.run(["BOS", "a", "b"])      # decoded outputs, BOS's slot first
    generate(model.use_sparse(), ["a"], stop={"EOS"})  # greedy decoding, keys/values cached (causal)
"""

from weightsmith.model.config import HeadConfig, LayerConfig, LoopConfig, ModelConfig
from weightsmith.model.generate import Generated, generate
from weightsmith.model.files import ModelFolderError, UncheckedModelWarning, load, read_program_source, save
from weightsmith.model.summary import ResidualStage, loop_description, residual_layout, summary
from weightsmith.model.transformer import OutputOutOfRange, Transformer

__all__ = [
    "HeadConfig",
    "LayerConfig",
    "LoopConfig",
    "ModelConfig",
    "Generated",
    "ModelFolderError",
    "OutputOutOfRange",
    "ResidualStage",
    "Transformer",
    "UncheckedModelWarning",
    "generate",
    "load",
    "loop_description",
    "read_program_source",
    "residual_layout",
    "save",
    "summary",
]
