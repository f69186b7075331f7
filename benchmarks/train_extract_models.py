"""Train the GPT-2 models that `benchmarks/extract.py` decompiles, and ship those that length-generalise.

For each task: `weightsmith.extract.train.search` (smallest configuration first, stop at the first whose
whole-sequence accuracy on lengths 101-150 reaches 0.92, or when the task's budget of CPU seconds is
spent). A model that generalises is saved to benchmarks/models/<task>/ (Hugging Face config.json +
model.safetensors, training.json with its accuracies and this command, search.json with every attempt);
one that does not is not shipped. Every attempt, failed or not, is appended to
benchmarks/results/extract_training.json (configuration, steps, CPU seconds, accuracy per bin). One CPU
thread per process (on a shared 2-core machine more threads only contend).

    python benchmarks/train_extract_models.py dyck2 tomita7 --budget 200
    python benchmarks/train_extract_models.py parity --budget 40      # a negative control
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import torch

from weightsmith.extract.tasks import TASKS, get_task
from weightsmith.extract.train import parse_arch, save, search, search_order

HERE = Path(__file__).parent
MODELS = HERE / "models"
RECORD = HERE / "results" / "extract_training.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tasks", nargs="*", default=list(TASKS))
    parser.add_argument("--budget", type=float, default=300.0, help="CPU seconds of search per task")
    parser.add_argument("--max-steps", type=int, default=5000, help="steps per configuration at most")
    parser.add_argument("--eval-size", type=int, default=200, help="sequences per test bin")
    parser.add_argument("--eval-every", type=int, default=3000, help="steps between in-distribution checks "
                        "(training stops at the first that scores 1.0; the anchor checks every 3000)")
    parser.add_argument("--from-arch", default=None, help="start the search order at this configuration "
                        "(e.g. 2l1h16d), the smaller ones skipped (say why in the record)")
    parser.add_argument("--arch", default=None, help="train only this configuration, e.g. 4l2h64d (the anchor's "
                        "size for a task; it need not be in the search order): the whole budget goes to it")
    parser.add_argument("--save-to", type=Path, default=None, help="also save the best model here even if it does "
                        "not generalise (to study it, e.g. extract from a negative control; not shipped)")
    args = parser.parse_args()
    if args.arch and args.from_arch:
        parser.error("--arch and --from-arch exclude each other")
    torch.set_num_threads(1)
    from transformers.utils import logging

    logging.set_verbosity_error()
    for name in args.tasks:
        task = get_task(name)
        archs = search_order(task)
        if args.from_arch:
            names = [a.name for a in archs]
            if args.from_arch not in names:
                parser.error(f"--from-arch {args.from_arch}: not in the search order {', '.join(names)}")
            archs = archs[names.index(args.from_arch):]
        if args.arch:
            archs = (parse_arch(args.arch),)
        model, result, tried = search(task, args.budget, archs, max_steps=args.max_steps, eval_size=args.eval_size,
                                      eval_every=args.eval_every,
                                      log=lambda line: print(line, flush=True))
        command = f"python benchmarks/train_extract_models.py {name} --budget {args.budget:g} " \
                  f"--max-steps {args.max_steps} --eval-size {args.eval_size} --eval-every {args.eval_every}" + \
                  (f" --from-arch {args.from_arch}" if args.from_arch else "") + \
                  (f" --arch {args.arch}" if args.arch else "")
        summary = {"task": name, "budget_cpu_seconds": args.budget, "command": command,
                   "chosen": result.arch.name, "accuracy": result.accuracy, "generalises": result.generalises,
                   "shipped": result.generalises, "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                   "tried": [{"arch": r.arch.name, "lr": r.arch.lr, "steps": r.steps,
                              "cpu_seconds": round(r.cpu_seconds, 1), "seconds": round(r.seconds, 1),
                              "accuracy": r.accuracy, "generalises": r.generalises} for r in tried]}
        if result.generalises:
            save(model, result, MODELS / name, command)
            (MODELS / name / "search.json").write_text(json.dumps(summary, indent=2) + "\n")
        if args.save_to:
            save(model, result, args.save_to / name, command)
        runs = json.loads(RECORD.read_text()) if RECORD.exists() else []
        RECORD.parent.mkdir(parents=True, exist_ok=True)
        RECORD.write_text(json.dumps([*runs, summary], indent=2) + "\n")
        print(json.dumps(summary), flush=True)


if __name__ == "__main__":
    sys.exit(main())
