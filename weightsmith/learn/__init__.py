"""Transformer Programs (Friedman, Wettig, Chen 2023): transformers trained to *be* programs.

    from weightsmith.learn import train_task, decompile_to_python, decompile_to_rasp
    run = train_task("sort", layers=3, heads=8, mlps=4, epochs=60, seed=0, out_dir="out/sort")
    decompile_to_python(run.program, "sort_program.py")   # standalone module: run(tokens)
    sop = decompile_to_rasp(run.program)                  # weightsmith RASP, same labels

Modules: `program` (the discrete program and its exact semantics), `model` (the relaxed, trainable
model and `discretise`), `train` (annealed training, selection on the discretised program), `readout`
(the classifier refit), `local_search` (single edits after training), `prune`, `to_python`, `to_rasp`,
`to_transformer` (the program compiled back into an ordinary transformer), `train_task` (task name ->
files on disk).
"""

from weightsmith.learn.local_search import SearchReport, local_search
from weightsmith.learn.model import TransformerProgramModel, discretise
from weightsmith.learn.program import DiscreteProgram, ProgramConfig
from weightsmith.learn.prune import prune
from weightsmith.learn.to_python import decompile_to_python, python_source
from weightsmith.learn.to_rasp import decompile_to_rasp
from weightsmith.learn.to_transformer import compile_program, predict
from weightsmith.learn.train import Encoded, TrainResult, TrainSettings, train
from weightsmith.learn.train_task import TaskResult, train_task

__all__ = [
    "DiscreteProgram", "Encoded", "ProgramConfig", "SearchReport", "TaskResult", "TrainResult", "TrainSettings",
    "TransformerProgramModel", "compile_program", "decompile_to_python", "decompile_to_rasp", "discretise",
    "local_search", "predict", "prune", "python_source", "train", "train_task",
]
