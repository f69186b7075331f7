"""The picture of a weight graph coloured by module."""

import networkx as nx
import pytest

pytest.importorskip("matplotlib", reason="pictures need the `plots` extra")

from weightsmith.modules.picture import draw_modules  # noqa: E402


def test_missing_folders_of_the_path_are_created_like_every_writer(tmp_path):
    # model save, the exports and decompile_to_python create them; this raised FileNotFoundError
    graph = nx.Graph()
    graph.add_edge("a", "b", weight=1.0)
    graph.add_edge("b", "c", weight=0.5)
    path = tmp_path / "new" / "deeper" / "modules.svg"
    draw_modules(graph, {"a": 0, "b": 0, "c": 1}, path)
    assert path.read_text().startswith("<?xml")
