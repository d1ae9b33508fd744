"""The page writer: self-contained, escaped, deterministic, fast, one edge per relation."""

from __future__ import annotations

import json
import re
import time

import networkx as nx
import pytest

from graph.views import network_html, script_json, view_data
from graph.views.render import DEFAULT_TOP_N, LARGE_VIEW, LIST_LIMIT, PHYSICS_LIMIT, SOURCE_LIMIT

HOSTILE = "<img src=x onerror=alert(1)>"


def page_data(page: str) -> dict:
    """The JSON a page draws, read back the way the browser reads it."""
    text = re.search(r'<script type="application/json" id="view-data">(.*?)</script>', page, re.S).group(1)
    return json.loads(text)


def script_elements(page: str) -> list[str]:
    """The type of each <script> element, as an HTML parser sees them."""
    from html.parser import HTMLParser

    found = []

    class Scripts(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "script":
                found.append(dict(attrs).get("type") or "")

    Scripts().feed(page)
    return found


def two_companies() -> nx.MultiGraph:
    g = nx.MultiGraph()
    g.add_node("a", label=HOSTILE, kind="Company", size=0.6,
               sources=[{"source": "s1", "headline": "</script><script>alert(2)</script>", "date": "2024-01-05",
                         "text": "A said <!-- \u2028 --> hello & bye"}])
    g.add_node("b", label="Beta", kind="GovernmentBody", size=0.4)
    g.add_edge("a", "b", relation="partner of", sources=["s1"])
    g.add_edge("a", "b", relation="signed agreement with", sources=["s2"])
    g.add_edge("b", "a", relation="partner of", sources=["s3"])  # the same relation again: merged
    return g


def test_script_json_cannot_close_the_script_element_and_round_trips():
    value = {"t": "</script><!-- \u2028\u2029 & >"}
    text = script_json(value)
    assert "<" not in text and ">" not in text and "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == value


def test_article_text_never_appears_as_markup_in_the_page():
    page = network_html(two_companies(), title=HOSTILE)
    assert HOSTILE not in page
    assert "<script>alert(2)" not in page
    assert script_elements(page) == ["", "application/json", ""]  # no element closed or opened by the data
    data = page_data(page)
    assert data["nodes"][0]["label"] == HOSTILE
    assert data["sources"][0]["headline"] == "</script><script>alert(2)</script>"


def test_parallel_edges_are_kept_one_per_relation():
    data = view_data(two_companies(), title="t")
    assert sorted(e["relation"] for e in data["edges"]) == ["partner of", "signed agreement with"]
    partner = next(e for e in data["edges"] if e["relation"] == "partner of")
    assert sorted(data["sources"][i]["source"] for i in partner["sources"]) == ["s1", "s3"]


def test_the_page_is_self_contained():
    page = network_html(two_companies(), title="t")
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", page, re.I)
    assert "cdn" not in page.lower() and "bootstrap" not in page.lower() and "tom-select" not in page.lower()
    assert "default-src 'none'" in page  # the Content-Security-Policy forbids any fetch


def test_same_graph_gives_byte_identical_pages():
    assert network_html(two_companies(), title="t") == network_html(two_companies(), title="t")


def test_legend_lists_each_class_with_its_colour_and_shape():
    data = view_data(two_companies(), title="t")
    assert [(c["kind"], c["shape"], c["count"]) for c in data["classes"]] == [
        ("Company", "dot", 1), ("GovernmentBody", "square", 1)]


def test_node_size_follows_the_centrality():
    data = view_data(two_companies(), title="t")
    sizes = {n["label"]: n["size"] for n in data["nodes"]}
    assert sizes[HOSTILE] > sizes["Beta"]


def test_small_views_settle_with_physics_large_ones_have_physics_off_and_top_n():
    small = view_data(nx.path_graph(PHYSICS_LIMIT), title="t")
    assert small["options"]["physics"]["enabled"] is True and small["freeze"] is True and small["topN"] is None
    assert small["options"]["physics"]["solver"] == "forceAtlas2Based"
    large = view_data(nx.path_graph(LARGE_VIEW + 1), title="t")
    assert large["options"]["physics"]["enabled"] is False and large["topN"] == DEFAULT_TOP_N
    assert len({(n["x"], n["y"]) for n in large["nodes"]}) > LARGE_VIEW // 2  # a real, precomputed layout


def test_color_by_group_gives_each_community_a_legend_entry():
    g = nx.Graph()
    g.add_node(1, kind="Company", group=0)
    g.add_node(2, kind="Company", group=1)
    data = view_data(g, title="t", color_by="group")
    assert [(x["id"], x["count"]) for x in data["groups"]] == [(0, 1), (1, 1)]
    with pytest.raises(ValueError):
        view_data(g, title="t", color_by="size")


@pytest.mark.slow
def test_writing_a_view_grows_linearly_not_quadratically():
    """pyvis's add_node/add_edge took 150 s for 10,000 nodes; ours is linear, about 1 s (bench_views.py).

    A ratio of times is robust on a busy machine, where absolute times are not: four times the nodes may
    take at most about eight times as long (quadratic would be sixteen).
    """

    def seconds(n: int) -> float:
        g = nx.gnm_random_graph(n, 2 * n, seed=1)
        nx.set_node_attributes(g, "Company", "kind")
        best = float("inf")
        for _ in range(2):
            started = time.perf_counter()
            page = network_html(g, title=f"{n}")
            best = min(best, time.perf_counter() - started)
        assert len(page_data(page)["nodes"]) == n
        return best

    network_html(nx.path_graph(2), title="warm-up")
    small, large = seconds(1_500), seconds(6_000)
    assert large < 8 * small + 0.5, f"1,500 nodes: {small:.2f} s; 6,000 nodes: {large:.2f} s"
    assert large < 15, f"{large:.2f} s for 6,000 nodes"


def a_hub(facts: int = 100, sentences: int = 40) -> nx.Graph:
    g = nx.Graph()
    g.add_node("hub", label="Hub", kind="GovernmentBody", facts=[f"Hub — governs — place {i}" for i in range(facts)],
               sources=[{"source": f"s{i}", "headline": f"Article {i}", "date": "2024-01-01", "text": f"Sentence {i}."}
                        for i in range(sentences)])
    g.add_node("leaf", label="Leaf", kind="City")
    g.add_edge("hub", "leaf", relation="governs",
               sources=[{"source": f"s{i}", "text": f"Sentence {i}."} for i in range(sentences)])
    return g


def test_a_hub_lists_its_first_facts_and_sentences_and_says_how_many_it_left_out():
    hub = next(n for n in view_data(a_hub(), title="t")["nodes"] if n["label"] == "Hub")
    assert len(hub["facts"]) == LIST_LIMIT and len(hub["sources"]) == SOURCE_LIMIT
    assert hub["omitted"] == {"facts": 100 - LIST_LIMIT, "sources": 40 - SOURCE_LIMIT}
    edge = view_data(a_hub(), title="t")["edges"][0]
    assert len(edge["sources"]) == SOURCE_LIMIT and edge["omitted"] == {"sources": 40 - SOURCE_LIMIT}


def test_the_node_a_page_is_about_lists_all_its_facts_and_sentences():
    data = view_data(a_hub(), title="t", focus="hub")
    hub = data["nodes"][data["focus"]]
    assert len(hub["facts"]) == 100 and len(hub["sources"]) == 40 and "omitted" not in hub


def test_a_hub_does_not_make_pages_heavy():
    """Without the limits, every page showing a 2,000-fact hub carried all its facts and sentences."""
    small, large = (len(network_html(a_hub(n, n), title="t")) for n in (50, 2_000))
    assert large - small < 5_000


def test_pages_are_utf8_whatever_the_locale(tmp_path):
    from graph.atomic import write_text

    g = nx.Graph()
    g.add_node("catl", label="宁德时代 (CATL)", kind="Company")
    path = tmp_path / "page.html"
    write_text(path, network_html(g, title="宁德时代"))
    raw = path.read_bytes()
    assert b'<meta charset="utf-8">' in raw[:200]
    assert "宁德时代 (CATL)".encode() in raw and page_data(raw.decode("utf-8"))["title"] == "宁德时代"
