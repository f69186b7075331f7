"""One self-contained HTML page that shows a model computing on one input: `weightsmith explore`.

The page holds everything inline (data as JSON, a small script, SVG drawn here), so it opens from disk
with no server and no network. What it shows, all read from the model itself (so it works the same for a
compiled program and for a saved folder whose program is unknown):

- the s-op graph with the layer schedule: each s-op in the column of the sublayer that writes it, an edge
  from every s-op a head or MLP reads (non-zero input weights on its dimensions) to every s-op it writes
  (non-zero output weights);
- the trace: each s-op's value per position, read out of the residual stream (and, given the program,
  the interpreter's value beside it, flagged where they differ);
- the residual stream after every sublayer as a heatmap, a row per labelled dimension;
- every head's attention pattern (query x key);
- every MLP as a table: per position, the values of the s-ops it reads and of those it writes.

Clicking an s-op (in the graph, the trace or a heatmap row label) highlights where it lives: its
dimensions in the heatmap, the heads and MLPs that read or write it, its node and row.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from typing import Optional, Sequence

import numpy as np
import torch

from weightsmith import rasp
from weightsmith.model.reading import (compact_sops, nonzero_columns, read_sops, snapshot_labels, sop_names,
                                       sublayer_name)
from weightsmith.model.transformer import Transformer
from weightsmith.show.graph_svg import LayeredGraph, Node, to_svg
from weightsmith.show.trace_table import cell_text

MAX_HEATMAP_DIMS = 600  # wider residual streams show only the dimensions that are ever non-zero on this input


@dataclass(frozen=True)
class Component:
    """A head or an MLP: which s-ops it reads and writes, by non-zero weights on their dimensions."""

    id: str
    name: str
    layer: int
    head: Optional[int]  # None: the layer's MLP
    reads: list[str]
    writes: list[str]


def owner(label: str) -> str:
    """The s-op a residual label belongs to: "sort:3" and the compiler's helper "sort[1/(w+1)]:num" both
    belong to sort."""
    name = label.rpartition(":")[0]
    return name.partition("[")[0] if name.endswith("]") else name


def _names(labels: list[str], mask: np.ndarray, known: set[str]) -> list[str]:
    found: dict[str, None] = {}
    for d in np.flatnonzero(mask):
        name = owner(labels[d])
        if name in known:
            found.setdefault(name)
    return list(found)


def components(model: Transformer) -> list[Component]:
    labels = snapshot_labels(model.config)
    known = set(sop_names(model.config))
    d = model.config.d_model
    out = []
    for i, layer in enumerate(model.layers):
        before, after = labels[2 * i], labels[2 * i + 1]
        for h, head in enumerate(layer.heads):
            out.append(Component(f"L{i}H{h}", f"layer {i} head {h}", i, h,
                                 _names(before, nonzero_columns(d, head.W_Q.T, head.W_K.T, head.W_V.T), known),
                                 _names(after, nonzero_columns(d, head.W_O), known)))
        if layer.mlp is not None:
            out.append(Component(f"L{i}M", f"layer {i} MLP", i, None,
                                 _names(labels[2 * i + 1], nonzero_columns(d, layer.mlp.W_in.T), known),
                                 _names(labels[2 * i + 2], nonzero_columns(d, layer.mlp.W_out), known)))
    return out


def _value(v) -> str:
    return cell_text(v, digits=4)


def exploration(model: Transformer, tokens: Sequence, program: Optional[rasp.SOp] = None) -> dict:
    """Everything the page shows, as JSON-ready data (`tokens` without BOS)."""
    config = model.config
    full = [config.bos, *tokens]
    with torch.inference_mode():
        ids = model.encode([full])
        _, residuals = model(ids, return_residuals=True)
    readings = read_sops(model, full)
    comps = components(model)
    writer = {r.label: r.sublayer for r in readings}
    # tokens and indices are written by the embedding; everything else by its sublayer
    graph_nodes = [Node(r.label, r.label, r.sublayer, "numerical" if r.numerical else
                        ("input" if r.sublayer == 0 else "categorical"), sublayer_name(r.sublayer)) for r in readings]
    edges = sorted({(a, b) for c in comps for a in c.reads for b in c.writes if a in writer and b in writer and a != b})
    columns = [sublayer_name(k) for k in range(1 + max(writer.values(), default=0))]
    graph = LayeredGraph(graph_nodes, edges, columns)

    interpreted = {}
    if program is not None:
        interpreted = {label: [_value(v) for v in entry.value] for label, entry in rasp.trace(program, list(tokens)).items()
                       if entry.encoding is not None}
    trace = [{"label": r.label, "sublayer": sublayer_name(r.sublayer), "numerical": r.numerical,
              "values": [_value(v) for v in r.values[1:]], "interpreter": interpreted.get(r.label)} for r in readings]

    labels = snapshot_labels(config)
    stack = torch.stack([x[0] for x in residuals]).double().cpu().numpy()  # [snapshots, T, d]
    shown = np.arange(config.d_model)
    if config.d_model > MAX_HEATMAP_DIMS:
        shown = np.flatnonzero(np.abs(stack).max(axis=(0, 1)) > 0)[:MAX_HEATMAP_DIMS]
    heatmaps = [{"name": sublayer_name(k), "labels": [labels[k][d] for d in shown],
                 "owners": [owner(labels[k][d]) for d in shown],
                 "values": np.round(stack[k][:, shown].T, 4).tolist()} for k in range(len(residuals))]

    heads, mlps = [], []
    masked = (ids == model._token_ids[config.pad])[:, None, :]
    if config.causal:
        T = ids.shape[1]
        masked = masked | torch.ones(T, T, dtype=torch.bool).triu(diagonal=1)
    by_label = {r.label: r for r in readings}
    for c in comps:
        if c.head is None:
            rows = [{"position": p, "reads": {s: _value(by_label[s].values[p]) for s in c.reads if s in by_label},
                     "writes": {s: _value(by_label[s].values[p]) for s in c.writes if s in by_label}}
                    for p in range(len(full))]
            mlps.append({"id": c.id, "name": c.name, "reads": c.reads, "writes": c.writes, "rows": rows})
            continue
        head = model.layers[c.layer].heads[c.head]
        x = residuals[2 * c.layer]
        with torch.inference_mode():
            scores = (x @ head.W_Q) @ (x @ head.W_K).transpose(-1, -2)
            pattern = torch.softmax(scores.masked_fill(masked, float("-inf")), dim=-1)[0]
        heads.append({"id": c.id, "name": c.name, "reads": c.reads, "writes": c.writes,
                      "pattern": np.round(pattern.double().cpu().numpy(), 4).tolist()})

    return {"title": "", "tokens": [str(t) for t in full], "graph_svg": to_svg(graph), "trace": trace,
            "unread": compact_sops(config), "heatmaps": heatmaps, "heads": heads, "mlps": mlps,
            "summary": {"layers": len(config.layers), "d_model": config.d_model, "causal": config.causal,
                        "output": config.output_label,
                        "parameters": sum(p.numel() for p in model.parameters())}}


def explore_html(model: Transformer, tokens: Sequence, program: Optional[rasp.SOp] = None, title: str = "") -> str:
    """The page: one HTML document with its data, style and script inline."""
    data = exploration(model, tokens, program)
    data["title"] = title or f"{model.config.output_label}({' '.join(map(str, tokens))})"
    # "</" inside the inline script would end it; "\u002f" is "/" to both JSON and JavaScript
    payload = json.dumps(data).replace("</", "<\\u002f")
    return _PAGE.replace("__TITLE__", escape(data["title"])).replace("__DATA__", payload)


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>weightsmith: __TITLE__</title>
<style>
body { font-family: sans-serif; margin: 16px; color: #222; }
h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 28px; border-bottom: 1px solid #ddd; }
.scroll { overflow-x: auto; }
table.values { border-collapse: collapse; font-size: 12px; }
table.values td, table.values th { border: 1px solid #ddd; padding: 2px 6px; text-align: center; }
table.values td.sop { text-align: left; cursor: pointer; color: #1f5fa8; }
td.differs { background: #fbd0d0; }
.node.hl rect, rect.hl { stroke: #d62728 !important; stroke-width: 3px !important; }
tr.hl td { background: #fff3b0; }
.card { display: inline-block; vertical-align: top; margin: 6px; padding: 6px; border: 1px solid #ddd; }
.card.hl { border: 3px solid #d62728; }
.card h3 { font-size: 13px; margin: 0 0 4px 0; }
.node { cursor: pointer; }
text.rowlabel { cursor: pointer; }
text.rowlabel.hl { fill: #d62728; font-weight: bold; }
</style></head>
<body>
<h1>__TITLE__</h1>
<p id="summary"></p>
<h2>Program graph (columns: the sublayer that writes each s-op)</h2>
<div class="scroll" id="graph"></div>
<h2>Trace: each s-op per position, read from the residual stream</h2>
<div class="scroll" id="trace"></div>
<h2>Residual stream</h2>
<label>after <select id="snapshot"></select></label>
<div class="scroll" id="heatmap"></div>
<h2>Attention patterns (rows: queries, columns: keys)</h2>
<div id="heads"></div>
<h2>MLPs: what each reads and writes, per position</h2>
<div id="mlps"></div>
<script>
const DATA = __DATA__;
const SVG = "http://www.w3.org/2000/svg";
function el(tag, attrs, text) {
  const e = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}
function colour(v, scale) {
  const t = Math.max(-1, Math.min(1, v / scale));
  const r = t < 0 ? 255 : Math.round(255 * (1 - t)), b = t > 0 ? 255 : Math.round(255 * (1 + t));
  const g = Math.round(255 * (1 - Math.abs(t)));
  return `rgb(${r},${g},${b})`;
}
function heat(matrix, rowLabels, colLabels, owners, cell) {
  const left = rowLabels ? 170 : 30, top = 40, w = cell, h = cell;
  const rows = matrix.length, cols = rows ? matrix[0].length : 0;
  const svg = el("svg:svg", {width: left + cols * w + 10, height: top + rows * h + 10, "font-size": "10"});
  const scale = Math.max(1e-9, ...matrix.flat().map(Math.abs));
  colLabels.forEach((c, j) => svg.appendChild(el("svg:text", {x: left + j * w + w / 2, y: top - 6,
    "text-anchor": "middle"}, c)));
  matrix.forEach((row, i) => {
    if (rowLabels) {
      const t = el("svg:text", {x: left - 4, y: top + i * h + h * 0.75, "text-anchor": "end", class: "rowlabel",
        "data-owner": owners[i]}, rowLabels[i]);
      t.addEventListener("click", () => select(owners[i]));
      svg.appendChild(t);
    }
    row.forEach((v, j) => {
      const r = el("svg:rect", {x: left + j * w, y: top + i * h, width: w - 1, height: h - 1, fill: colour(v, scale),
        "data-owner": owners ? owners[i] : ""});
      r.appendChild(el("svg:title", {}, `${rowLabels ? rowLabels[i] : "query " + i} / ${colLabels[j]}: ${v}`));
      svg.appendChild(r);
    });
  });
  return svg;
}
function table(header, rows) {
  const t = el("table", {class: "values"});
  const tr = el("tr"); header.forEach(h => tr.appendChild(el("th", {}, h))); t.appendChild(tr);
  rows.forEach(r => t.appendChild(r));
  return t;
}
function select(sop) {
  document.querySelectorAll(".hl").forEach(e => e.classList.remove("hl"));
  document.querySelectorAll(`[data-node="${CSS.escape(sop)}"]`).forEach(e => e.classList.add("hl"));
  document.querySelectorAll(`[data-owner="${CSS.escape(sop)}"]`).forEach(e => e.classList.add("hl"));
  document.querySelectorAll(`[data-sop="${CSS.escape(sop)}"]`).forEach(e => e.classList.add("hl"));
  document.querySelectorAll(".card").forEach(c => {
    if ((c.dataset.touches || "").split(" ").includes(sop)) c.classList.add("hl");
  });
  document.getElementById("selected").textContent = sop;
}
const s = DATA.summary;
document.getElementById("summary").innerHTML = `${s.layers} layers, d_model ${s.d_model}, ${s.parameters.toLocaleString()}
  parameters, ${s.causal ? "causal" : "bidirectional"} attention; output <b id="output"></b>.
  Selected s-op: <b id="selected">none</b> (click one).`;
document.getElementById("output").textContent = s.output;  // a label is text: "<i>x</i>" is not markup
const graph = document.getElementById("graph");
graph.innerHTML = DATA.graph_svg;
graph.querySelectorAll(".node").forEach(n => n.addEventListener("click", () => select(n.dataset.node)));
const positions = DATA.tokens.slice(1);
const traceRows = DATA.trace.map(t => {
  const tr = el("tr", {"data-sop": t.label});
  const name = el("td", {class: "sop"}, t.label + (t.numerical ? " #" : ""));
  name.addEventListener("click", () => select(t.label));
  tr.appendChild(name); tr.appendChild(el("td", {}, t.sublayer));
  t.values.forEach((v, j) => {
    const want = t.interpreter ? t.interpreter[j] : undefined;
    const td = el("td", want !== undefined && want !== v ? {class: "differs", title: "interpreter: " + want} : {}, v);
    tr.appendChild(td);
  });
  return tr;
});
document.getElementById("trace").appendChild(table(["s-op", "written by", ...positions], traceRows));
if (DATA.unread.length) document.getElementById("trace").appendChild(el("p", {},
  "not shown (compact codes, whose table is the compiler's): " + DATA.unread.join(", ")));
const pick = document.getElementById("snapshot");
DATA.heatmaps.forEach((m, k) => pick.appendChild(el("option", {value: k}, m.name)));
function showHeatmap(k) {
  const m = DATA.heatmaps[k], box = document.getElementById("heatmap");
  box.innerHTML = "";
  box.appendChild(heat(m.values, m.labels, DATA.tokens, m.owners, 16));
  const chosen = document.getElementById("selected").textContent;
  if (chosen !== "none") select(chosen);
}
pick.addEventListener("change", () => showHeatmap(pick.value));
pick.value = DATA.heatmaps.length - 1; showHeatmap(DATA.heatmaps.length - 1);
const heads = document.getElementById("heads");
DATA.heads.forEach(h => {
  const card = el("div", {class: "card", "data-touches": [...h.reads, ...h.writes].join(" ")});
  card.appendChild(el("h3", {}, `${h.name}: reads ${h.reads.join(", ") || "-"}; writes ${h.writes.join(", ") || "-"}`));
  card.appendChild(heat(h.pattern, null, DATA.tokens, null, 18));
  heads.appendChild(card);
});
const mlps = document.getElementById("mlps");
DATA.mlps.forEach(m => {
  const card = el("div", {class: "card", "data-touches": [...m.reads, ...m.writes].join(" ")});
  card.appendChild(el("h3", {}, `${m.name}: ${m.reads.join(", ") || "-"} → ${m.writes.join(", ") || "-"}`));
  const rows = m.rows.map(r => {
    const tr = el("tr"); tr.appendChild(el("td", {}, DATA.tokens[r.position]));
    m.reads.forEach(x => tr.appendChild(el("td", {}, r.reads[x])));
    m.writes.forEach(x => tr.appendChild(el("td", {}, r.writes[x])));
    return tr;
  });
  card.appendChild(table(["token", ...m.reads, ...m.writes.map(w => "→ " + w)], rows));
  mlps.appendChild(card);
});
</script>
</body></html>
"""
