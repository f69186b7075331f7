"""The README's pictures, drawn from the benchmarks' own JSON (nothing is measured here).

    python benchmarks/plots.py      # writes docs/img/transformer_programs.png, vs_tracr.png, weight_attention.png

Needs matplotlib (the `plots` extra). Run it after a benchmark changes its results.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
IMG = ROOT / "docs" / "img"


def _save(fig, name: str) -> Path:
    """Lay out, write under docs/img and close a figure (pyplot keeps every open figure alive)."""
    fig.tight_layout()
    path = IMG / name
    fig.savefig(path)
    plt.close(fig)
    return path


def transformer_programs() -> Path:
    """Test accuracy on the paper's own protocol (its data, labels and metric), ours beside the paper's."""
    rows = [r for r in json.loads((RESULTS / "transformer_programs.json").read_text())
            if r.get("paper_accuracy") is not None]
    order = ["reverse", "hist", "double_hist", "sort", "most_freq", "dyck1", "dyck2", "induction"]
    rows.sort(key=lambda r: order.index(r["task"]) if r["task"] in order else len(order))
    x = np.arange(len(rows))
    fig, ax = plt.subplots(figsize=(8, 3.4), dpi=110)
    ours = ax.bar(x - 0.2, [r["test_accuracy"] for r in rows], 0.4, label="weightsmith", color="#1f77b4")
    ax.bar(x + 0.2, [r["paper_accuracy"] for r in rows], 0.4, label="paper (Friedman et al. 2023)", color="#bbbbbb")
    ax.bar_label(ours, fmt="%.1f", fontsize=7, padding=1)
    ax.set_xticks(x, [r["task"] for r in rows], fontsize=8)
    ax.set_ylim(50, 103)
    ax.set_ylabel("test accuracy, %")
    ax.set_title("Transformer Programs on the paper's protocol (its data, labels, metric)", fontsize=9)
    ax.legend(fontsize=8, loc="lower left")
    return _save(fig, "transformer_programs.png")


def vs_tracr() -> Path:
    """Per program compiled by both: our size and compile time as a fraction of Tracr's (log scale)."""
    data = json.loads((RESULTS / "vs_tracr.json").read_text())
    rows = [r for r in data["rows"] if r.get("tracr") and "ratios" in r]
    names = [f"{r['program']} v{r['vocab_size']} n{r['max_seq_len']}" for r in rows]
    fig, ax = plt.subplots(figsize=(9, 3.6), dpi=110)
    x = np.arange(len(rows))
    for offset, key, label, colour in ((-0.27, "d_model", "d_model", "#1f77b4"), (0, "params", "parameters", "#ff7f0e"),
                                       (0.27, "compile_speedup", "compile time", "#2ca02c")):
        values = [r["ratios"][key] for r in rows]
        values = [1 / v for v in values] if key == "compile_speedup" else values
        ax.bar(x + offset, values, 0.27, label=label, color=colour)
    ax.axhline(1, color="black", linewidth=0.8)
    ax.set_yscale("log")
    ax.set_xticks(x, names, rotation=70, fontsize=7)
    ax.set_ylabel("weightsmith / Tracr")
    means = data["geometric_means"]
    ax.set_title(f"Compiled by both: weightsmith's size and compile time as a fraction of Tracr's (geometric means: "
                 f"d_model {means['d_model']:.2f}, parameters {means['params']:.2f}, compile 1/{means['compile_speedup']:.1f})",
                 fontsize=8)
    ax.legend(fontsize=8, loc="lower left", ncols=3)
    return _save(fig, "vs_tracr.png")


def weight_attention() -> Path:
    """Accuracy (mean of the four tasks) against training steps and CPU seconds, every arm: the mean of its
    seeds, with the band from the worst to the best seed."""
    data = json.loads((RESULTS / "weight_attention.json").read_text())
    arms = list(dict.fromkeys(r["kind"] for r in data["runs"]))
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.8), dpi=110, sharey=True)
    for i, arm in enumerate(arms):
        runs = [r for r in data["runs"] if r["kind"] == arm]
        length = min(len(r["curve"]) for r in runs)
        accuracy = np.array([[np.mean(list(c["accuracy"].values())) for c in r["curve"][:length]] for r in runs])
        style = {"color": plt.cm.tab10(i), "linestyle": "-" if arm.startswith("sets") else "--"}
        for ax, key in zip(axes, ("step", "cpu_seconds")):
            x = np.mean([[c[key] for c in r["curve"][:length]] for r in runs], axis=0)
            ax.plot(x, accuracy.mean(0), label=arm, marker=".", markersize=3, linewidth=1.2, **style)
            ax.fill_between(x, accuracy.min(0), accuracy.max(0), color=style["color"], alpha=0.15, linewidth=0)
    axes[0].set_xscale("symlog", linthresh=10)
    axes[0].set_xlim(left=0)
    axes[0].set_xlabel("training step (symlog)")
    axes[1].set_xlabel("CPU seconds of training (one thread)")
    axes[0].set_ylabel("held-out accuracy, mean of 4 tasks")
    axes[0].legend(fontsize=7, loc="lower right")
    fig.suptitle("Attention over weights on reverse / sort / hist / most_freq chosen by a task token "
                 f"(mean of {data['seeds']} seeds, band: min-max; dashed: pre-LN d=64, solid: weight sets)", fontsize=8)
    return _save(fig, "weight_attention.png")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.parse_args()
    IMG.mkdir(parents=True, exist_ok=True)
    for made in (transformer_programs(), vs_tracr(), weight_attention()):
        print(f"wrote {made.relative_to(ROOT)}")
