"""Circuit discovery scored against ground truth: activation patching on the compiled library programs.

    .venv/bin/python benchmarks/circuits.py            # writes benchmarks/results/circuits.json
    .venv/bin/python benchmarks/circuits.py --pairs 64 # a smoke run

InterpBench (Gupta et al. 2024) scores circuit-discovery methods on models with known circuits by
edge-level AUROC: each method gives every candidate edge a score, and the AUROC says how well the
scores rank the true edges above the others (1.0 perfect, 0.5 chance). Our compiled models know their
circuits exactly (`weightsmith.export.circuits`, from the compiler's records), so the same protocol
needs no training. This scores one simple method, implemented here:

- **Resample activation patching.** Pairs (clean, corrupted) of random inputs of the same length
  (`--pairs` per program, seed 0; lengths uniform in 1..max_seq_len, tokens uniform over the vocab).
  *Node* score of a head or an MLP: its output is replaced by its output on the corrupted input (the
  rest recomputed from the clean run). *Edge* score of A -> B (B a head, an MLP or the read-out): only
  B's input sees A's corrupted output (clean residual - A's clean output + A's corrupted output), the
  rest of the model clean, B's effect propagated downstream (ACDC's edge ablation). The metric is the
  mean L1 change of the output read-out (the unembedded output dimensions) per real position.
- **Candidates.** Nodes: every head and MLP of the model. Edges: every pair (A, B) of components with
  A in an earlier sublayer than B (the embedding first), plus every A -> output. Truth: the circuit's
  `component_edges` and nodes (an MLP of erasers only is not in the circuit; erasers' reads are not
  edges). A second edge AUROC counts the `eraser_edges` as true too: erasers do read what they clear,
  so patching can see them, but they compute nothing of the program. AUROC is the Mann-Whitney statistic (ties count one half); `null` when one class is empty.

Known limits of the method, not of the truth: patching with inputs of the same length never changes
`indices` or `length`, so an edge that only carries them scores 0 (it is still a true edge). And
dimension reuse misleads edge patching: when a dead s-op's dimensions are erased and handed to a new
tenant, swapping the writer's direct contribution at a later receiver is no longer cancelled by the
eraser, so e.g. `embed -> output` scores high though the tokens were erased long before. The run is
therefore repeated on models compiled with `reuse=False` (no erasers; wider residual).
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import time
from pathlib import Path

import torch

from weightsmith.compiler import compile_program
from weightsmith.export.circuits import EMBED, OUTPUT, circuit_of, head_name, mlp_name, sublayer_of
from weightsmith.library import PROGRAMS

RESULTS = Path(__file__).resolve().parent / "results" / "circuits.json"


class Decomposed:
    """The model's forward pass with every component's output kept apart, on a batch of ids (no PAD),
    built from the model's own head and MLP modules. `run(patch)` recomputes it with some components'
    outputs (or some components' inputs) replaced; checked equal to `model(ids)` before use."""

    def __init__(self, model, ids: torch.Tensor):
        self.model, self.ids = model, ids
        T = ids.shape[1]
        self.masked = torch.zeros(1, 1, T, dtype=torch.bool)
        if model.config.causal:
            self.masked = torch.ones(T, T, dtype=torch.bool).triu(diagonal=1)[None]

    def run(self, replace_output: dict | None = None, replace_input: dict | None = None):
        """(read-out, outputs): `replace_output[name]` is used as that component's output;
        `replace_input[name] = (sender, sender_output)` feeds that component a residual in which the
        sender's output is swapped for the given one."""
        replace_output, replace_input = replace_output or {}, replace_input or {}
        model, T = self.model, self.ids.shape[1]
        outputs = {EMBED: replace_output.get(EMBED, model.token_embed[self.ids] + model.pos_embed[:T])}
        x = outputs[EMBED]

        def input_of(name, x):
            if name not in replace_input:
                return x
            sender, value = replace_input[name]
            return x - outputs[sender] + value

        for i, layer in enumerate(model.layers):
            x_in, total = x, x
            for h, head in enumerate(layer.heads):
                name = head_name(i, h)
                out = head(input_of(name, x_in), self.masked)
                outputs[name] = replace_output.get(name, out)
                total = total + outputs[name]
            x = total
            if layer.mlp is not None:
                name = mlp_name(i)
                out = layer.mlp(input_of(name, x))
                outputs[name] = replace_output.get(name, out)
                x = x + outputs[name]
        return input_of(OUTPUT, x)[..., model.config.output_dims], outputs


def effect(clean_readout: torch.Tensor, readout: torch.Tensor) -> float:
    """Mean L1 change of the read-out per real position (BOS's slot excluded)."""
    return float((readout - clean_readout)[:, 1:].abs().sum(-1).mean())


def auroc(scores: list[float], truth: list[bool]) -> float | None:
    positives = [s for s, t in zip(scores, truth) if t]
    negatives = [s for s, t in zip(scores, truth) if not t]
    if not positives or not negatives:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def score_program(name: str, pairs: int, seed: int, reuse: bool) -> dict:
    spec = PROGRAMS[name]
    compiled = compile_program(spec.build(), spec.vocab, spec.max_seq_len, reuse=reuse)
    model, circuit = compiled.model, circuit_of(compiled)
    components = [EMBED] + [head_name(i, h) for i, layer in enumerate(model.layers) for h in range(len(layer.heads))] \
        + [mlp_name(i) for i, layer in enumerate(model.layers) if layer.mlp is not None]
    components.sort(key=sublayer_of)
    candidates = [(a, b) for a in components for b in components if sublayer_of(a) < sublayer_of(b)]
    candidates += [(a, OUTPUT) for a in components]
    nodes = [c for c in components if c != EMBED]

    rng = random.Random(seed)
    by_length: dict[int, list] = {}
    for _ in range(pairs):
        n = rng.randint(1, spec.max_seq_len)
        by_length.setdefault(n, []).append(tuple([model.config.bos] + [rng.choice(spec.vocab) for _ in range(n)]
                                                 for _ in range(2)))
    node_scores, edge_scores = dict.fromkeys(nodes, 0.0), dict.fromkeys(candidates, 0.0)
    with torch.no_grad():
        for length, batch in by_length.items():
            weight = len(batch) / pairs
            clean = Decomposed(model, model.encode([c for c, _ in batch]))
            corrupt = Decomposed(model, model.encode([k for _, k in batch]))
            clean_readout, clean_out = clean.run()
            torch.testing.assert_close(clean_readout, model(clean.ids)[..., model.config.output_dims], rtol=0, atol=0)
            _, corrupt_out = corrupt.run()
            for node in nodes:
                readout, _ = clean.run(replace_output={node: corrupt_out[node]})
                node_scores[node] += weight * effect(clean_readout, readout)
            for sender, receiver in candidates:
                readout, _ = clean.run(replace_input={receiver: (sender, corrupt_out[sender])})
                edge_scores[sender, receiver] += weight * effect(clean_readout, readout)
    true_edges = set(circuit.component_edges)
    with_erasers = [e in true_edges or e in set(circuit.eraser_edges) for e in candidates]
    true_nodes = set(circuit.nodes())
    edge_truth = [e in true_edges for e in candidates]
    node_truth = [n in true_nodes for n in nodes]
    missed = [list(e) for e, t in zip(candidates, edge_truth) if t and edge_scores[e] == 0]
    return {
        "program": name, "reuse": reuse, "d_model": model.config.d_model, "layers": len(model.layers), "components": len(nodes),
        "edges_true": sum(edge_truth), "edges_candidate": len(candidates),
        "edge_auroc": auroc([edge_scores[e] for e in candidates], edge_truth),
        "edge_auroc_erasers_true": auroc([edge_scores[e] for e in candidates], with_erasers),
        "eraser_edges": len(circuit.eraser_edges),
        "nodes_true": sum(node_truth), "nodes_candidate": len(nodes),
        "node_auroc": auroc([node_scores[n] for n in nodes], node_truth),
        "true_edges_scoring_zero": missed,
        "edge_scores": {f"{a}->{b}": edge_scores[a, b] for a, b in candidates},
        "node_scores": node_scores,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=512, help="(clean, corrupted) pairs per program")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.set_num_threads(1)
    start = time.perf_counter()
    results = {}
    for reuse in (True, False):
        results["reuse" if reuse else "no_reuse"] = _report(
            [score_program(name, args.pairs, args.seed, reuse) for name in PROGRAMS],
            "compiled as usual (dead residual dimensions erased and reused)" if reuse
            else "compiled with reuse=False (every s-op keeps its own dimensions, no erasers)")
    seconds = time.perf_counter() - start
    print(f"{seconds:.1f} s")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({
        "protocol": {"method": "resample activation patching (node: output swap; edge: receiver-input swap)",
                     "metric": "mean L1 change of the output read-out per real position",
                     "pairs_per_program": args.pairs, "seed": args.seed,
                     "corruption": "a random input of the same length, tokens uniform over the vocab"},
        **results, "seconds": round(seconds, 1), "machine": platform.platform(), "torch": torch.__version__,
    }, indent=1) + "\n")
    print(f"wrote {RESULTS}")
    return 0


def _report(rows: list[dict], title: str) -> dict:
    """Print one table; the summary and rows for the JSON."""

    def show(value):
        return "  —  " if value is None else f"{value:.3f}"

    print(title)
    print(f"{'program':<18} {'edges true/cand':>15} {'edge AUROC':>10} {'+erasers':>8} {'nodes true/cand':>15} "
          f"{'node AUROC':>10}  true edges scoring 0")
    for r in rows:
        print(f"{r['program']:<18} {r['edges_true']:>7}/{r['edges_candidate']:<7} {show(r['edge_auroc']):>10} "
              f"{show(r['edge_auroc_erasers_true']):>8} "
              f"{r['nodes_true']:>7}/{r['nodes_candidate']:<7} {show(r['node_auroc']):>10}  "
              f"{', '.join('->'.join(e) for e in r['true_edges_scoring_zero']) or '-'}")
    edge = [r["edge_auroc"] for r in rows if r["edge_auroc"] is not None]
    node = [r["node_auroc"] for r in rows if r["node_auroc"] is not None]
    erasers = [r["edge_auroc_erasers_true"] for r in rows if r["edge_auroc_erasers_true"] is not None]
    summary = {"mean_edge_auroc": sum(edge) / len(edge), "programs_with_edge_auroc": len(edge),
               "mean_edge_auroc_erasers_true": sum(erasers) / len(erasers),
               "mean_node_auroc": sum(node) / len(node) if node else None, "programs_with_node_auroc": len(node)}
    print(f"mean edge AUROC {summary['mean_edge_auroc']:.3f} over {len(edge)} programs "
          f"({summary['mean_edge_auroc_erasers_true']:.3f} with eraser edges true); mean node AUROC "
          f"{show(summary['mean_node_auroc'])} over {len(node)} programs (the others have no negatives)\n")
    return {"summary": summary, "programs": rows}


if __name__ == "__main__":
    raise SystemExit(main())
