import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from weightsmith.modules.partition import (
    Hierarchy,
    flake_k,
    gomory_hu_modules,
    gomory_hu_tree,
    louvain_modules,
    numbered,
    spectral_modules,
)
from weightsmith.modules.scores import adjusted_rand, inside_share, modularity, ncut, normalized_mutual_information
from weightsmith.rasp.errors import InputError


def cliques(sizes=(4, 5, 3), inside=5.0, between=0.5) -> tuple[nx.Graph, dict]:
    """Dense cliques joined in a ring by single light edges: the modules are the cliques."""
    graph, truth, start = nx.Graph(), {}, 0
    for c, size in enumerate(sizes):
        members = [f"n{start + i}" for i in range(size)]
        for i, u in enumerate(members):
            truth[u] = c
            for v in members[i + 1:]:
                graph.add_edge(u, v, weight=inside)
        start += size
    firsts = [f"n{sum(sizes[:c])}" for c in range(len(sizes))]
    for a, b in zip(firsts, firsts[1:] + firsts[:1]):
        graph.add_edge(a, b, weight=between)
    return graph, truth


@pytest.mark.parametrize("method", [
    lambda g: gomory_hu_modules(g, 3), lambda g: spectral_modules(g, 3), louvain_modules,
    lambda g: flake_k(g, 3)[0]])
def test_every_method_finds_the_cliques(method):
    graph, truth = cliques()
    found = method(graph)
    assert adjusted_rand(truth, found) == 1.0
    assert normalized_mutual_information(truth, found) == pytest.approx(1.0)


def test_scores_of_the_true_partition():
    graph, truth = cliques(sizes=(3, 3), between=1.0)
    # two triangles (3 edges of 5 each) joined by one edge of 1 (the ring of two): cut 1, volume 2*15 + 1
    assert ncut(graph, truth) == pytest.approx(2 * 1 / 31)
    assert inside_share(graph, truth) == pytest.approx(30 / 31)
    assert modularity(graph, truth) == pytest.approx(nx.community.modularity(graph, [{"n0", "n1", "n2"},
                                                                                   {"n3", "n4", "n5"}]))


def test_hierarchy_cuts_are_nested_and_end_in_one_module():
    graph, _ = cliques()
    hierarchy = Hierarchy.from_tree(gomory_hu_tree(graph))
    previous = None
    for k in range(1, len(hierarchy.nodes) + 1):
        partition = hierarchy.cut(k)
        assert len(set(partition.values())) == k
        if previous is not None:  # each finer cut refines the coarser one
            assert all(len({previous[n] for n in group}) == 1
                       for group in _groups(partition))
        previous = partition


def _groups(partition):
    out = {}
    for node, m in partition.items():
        out.setdefault(m, []).append(node)
    return out.values()


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(0, 3), min_size=2, max_size=12), st.lists(st.integers(0, 3), min_size=2, max_size=12))
def test_ari_is_one_exactly_for_relabelled_equal_partitions(a, b):
    n = min(len(a), len(b))
    truth = {f"x{i}": a[i] for i in range(n)}
    relabelled = {f"x{i}": 7 - a[i] for i in range(n)}
    assert adjusted_rand(truth, relabelled) == pytest.approx(1.0)
    other = {f"x{i}": b[i] for i in range(n)}
    same = numbered([{x for x in truth if truth[x] == m} for m in set(a[:n])]) == \
        numbered([{x for x in other if other[x] == m} for m in set(b[:n])])
    assert (adjusted_rand(truth, other) == pytest.approx(1.0)) >= same


def test_ratio_cut_does_not_shave_off_single_nodes():
    # a pendant node hangs on clique 0 by a very light edge: the lightest tree edge cuts it off alone,
    # the ratio cut (cut value per node split off) separates the cliques
    graph, truth = cliques(sizes=(5, 5), between=1.0)
    graph.add_edge("n0", "pendant", weight=0.2)
    truth["pendant"] = 0
    assert sorted(map(len, _groups(gomory_hu_modules(graph, 2)))) == [1, 10]
    assert adjusted_rand(truth, gomory_hu_modules(graph, 2, cut="ratio")) == 1.0


@pytest.mark.parametrize("weight", [float("nan"), -1.0, float("inf"), None, "1"])
@pytest.mark.parametrize("method", [
    lambda g: gomory_hu_modules(g, 2), lambda g: gomory_hu_modules(g, 2, cut="ratio"), lambda g: gomory_hu_tree(g),
    lambda g: spectral_modules(g, 2), louvain_modules, lambda g: flake_k(g, 2)[0]])
def test_a_weight_that_is_not_a_finite_non_negative_number_is_refused(method, weight):
    # NaN and negative weights were partitioned without a word (a flow through capacity -1 is no cut)
    graph, _ = cliques(sizes=(3, 3))
    graph.add_edge("n1", "n4", weight=weight)
    with pytest.raises(InputError, match=r"edge \('n1', 'n4'\).*finite number >= 0"):
        method(graph)
    del graph["n1"]["n4"]["weight"]  # an edge without a weight: the same
    with pytest.raises(InputError, match=r"edge \('n1', 'n4'\) has no 'weight'"):
        method(graph)
