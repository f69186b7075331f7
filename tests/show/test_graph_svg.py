"""The layered program graph that `weightsmith draw` and the explorer draw."""

from weightsmith import rasp
from weightsmith.show.graph_svg import KIND_COLOURS, program_graph, save_picture, to_svg


def test_a_loop_program_is_drawn_with_its_loop_as_a_node():
    """`draw` of a loop program failed with "no annotation 'encoding' on Loop(cd)"."""
    loop = rasp.Loop(state={"x": rasp.Map(lambda t: t, rasp.tokens)},
                     step=lambda s: {"x": rasp.Map(lambda v: max(v - 1, 0), s["x"])},
                     halt=lambda s: rasp.Map(lambda v: v == 0, s["x"]), max_steps=5).named("cd")
    graph = program_graph(loop["x"].named("out"))
    kinds = {node.label: node.kind for node in graph.nodes}
    assert kinds["cd"] == "loop" and kinds["out"] == "categorical" and kinds["tokens"] == "input"
    assert KIND_COLOURS["loop"] in to_svg(graph)


def test_missing_folders_of_the_path_are_created_like_every_writer(tmp_path):
    # model save, the exports and decompile_to_python create them; this raised FileNotFoundError
    path = tmp_path / "new" / "deeper" / "double.svg"
    save_picture(program_graph(rasp.Map(lambda t: 2 * t, rasp.tokens).named("double")), path)
    assert "double" in path.read_text()
