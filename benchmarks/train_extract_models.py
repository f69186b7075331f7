"""Train the GPT-2 models that `benchmarks/extract.py` decompiles, and ship them under benchmarks/models/.

For each task: `weightsmith.extract.train.search` (smallest configuration first, stop at the first whose
whole-sequence accuracy on lengths 101-150 reaches 0.92, or when the task's wall-clock budget is spent);
the best model found is saved to benchmarks/models/<task>/ (Hugging Face config.json + model.safetensors,
and training.json with the accuracies and this command). One CPU thread per process (on a shared 2-core
machine more threads only contend).

    python benchmarks/train_extract_models.py majority sort --budget 600
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import torch

from weightsmith.extract.tasks import TASKS, get_task
from weightsmith.extract.train import search, save

MODELS = Path(__file__).parent / "models"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tasks", nargs="*", default=list(TASKS))
    parser.add_argument("--budget", type=float, default=600.0, help="seconds of search per task")
    parser.add_argument("--max-steps", type=int, default=5000)
    parser.add_argument("--eval-size", type=int, default=200, help="sequences per test bin")
    args = parser.parse_args()
    torch.set_num_threads(1)
    from transformers.utils import logging

    logging.set_verbosity_error()
    for name in args.tasks:
        task = get_task(name)
        model, result, tried = search(task, args.budget, max_steps=args.max_steps, eval_size=args.eval_size,
                                      log=lambda line: print(line, flush=True))
        command = f"python benchmarks/train_extract_models.py {name} --budget {args.budget:g} " \
                  f"--max-steps {args.max_steps} --eval-size {args.eval_size}"
        save(model, result, MODELS / name, command)
        summary = {"task": name, "chosen": result.arch.name, "accuracy": result.accuracy,
                   "generalises": result.generalises,
                   "tried": [{"arch": r.arch.name, "steps": r.steps, "seconds": round(r.seconds, 1),
                              "accuracy": r.accuracy} for r in tried]}
        (MODELS / name / "search.json").write_text(json.dumps(summary, indent=2) + "\n")
        print(json.dumps(summary), flush=True)


if __name__ == "__main__":
    sys.exit(main())
