"""The views in a real browser (Debian's chromium, headless): offline, escaped, searchable, clickable."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.atomic import write_text
from graph.views import network_html
from graph.views.render import DEFAULT_TOP_N, LIST_LIMIT, SOURCE_LIMIT

pytestmark = pytest.mark.browser

HOSTILE = "<img src=x onerror=alert(1)>"
READY = "window.kgView && window.kgView.ready"


def drawn_counts(page) -> tuple[int, int]:
    return tuple(page.evaluate("[window.kgView.nodes.length, window.kgView.edges.length]"))


def node_id(page, label: str) -> int:
    return page.evaluate("label => window.kgView.data.nodes.find(n => n.label === label).id", label)


def node_at(page, ident: int) -> tuple[float, float]:
    """Where the network draws the node, in page pixels."""
    return tuple(page.evaluate("""id => {
        const view = window.kgView, at = view.network.canvasToDOM(view.network.getPositions([id])[id]);
        const box = document.getElementById('network').getBoundingClientRect();
        return [box.left + at.x, box.top + at.y];
    }""", ident))


def edge_middle(page, ident: int) -> tuple[float, float]:
    """The middle of a drawn edge (on its curve), in page pixels."""
    return tuple(page.evaluate("""id => {
        const view = window.kgView, edge = view.network.body.edges[id];
        const at = view.network.canvasToDOM(edge.edgeType.getPoint(0.5));
        const box = document.getElementById('network').getBoundingClientRect();
        return [box.left + at.x, box.top + at.y];
    }""", ident))


def click_node(page, ident: int) -> None:
    page.mouse.click(*node_at(page, ident))


def hover(page, x: float, y: float):
    """Move onto a point (from just beside it, so the network sees the move) and wait for the tooltip."""
    page.mouse.move(x - 3, y - 3)
    page.mouse.move(x, y)
    tooltip = page.locator("#tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    return tooltip.inner_text()


def test_every_page_loads_offline_without_errors(seed_views, open_page, screenshots):
    out, report = seed_views
    pages = [*report.views, *report.entities]
    opened = open_page(pages[0])
    for path in pages:  # one tab for all pages: the errors and requests of each are checked before the next
        if path != pages[0]:
            opened.page.goto(path.as_uri())
            opened.page.wait_for_function(READY, timeout=30_000)
        assert opened.errors == [], path.name
        assert opened.external == [], path.name
        data_nodes, data_edges = opened.page.evaluate(
            "[window.kgView.data.nodes.length, window.kgView.data.edges.length]")
        assert drawn_counts(opened.page) == (data_nodes, data_edges), path.name
        if path in report.views or path.name == "exencell.html":
            opened.page.screenshot(path=str(screenshots / f"{path.stem}.png"))
    opened.page.goto(report.index.as_uri())
    assert opened.errors == [] and opened.external == []
    assert opened.page.locator("h1").inner_text().startswith("battery-kg")
    opened.page.screenshot(path=str(screenshots / "index.png"), full_page=True)


def test_the_ecosystem_view_draws_every_entity_and_relation(seed_views, seed_store, open_page):
    from graph.views.site import site_data

    out, _ = seed_views
    site = site_data(seed_store)
    relations = {(min(str(u), str(v)), max(str(u), str(v)), d["relation"])
                 for u, v, d in site.entities.edges(data=True)}
    opened = open_page(out.views / "ecosystem.html")
    assert drawn_counts(opened.page) == (site.entities.number_of_nodes(), len(relations))
    assert opened.page.locator("#legend label").count() == len({d["kind"] for _, d in site.entities.nodes(data=True)})


def test_searching_by_name_selects_the_node_and_shows_its_facts(seed_views, open_page):
    out, _ = seed_views
    opened = open_page(out.views / "ecosystem.html")
    page = opened.page
    page.fill("#search", "exencell")
    page.press("#search", "Enter")
    assert page.evaluate("window.kgView.network.getSelectedNodes()") == [node_id(page, "EXENCELL")]
    assert page.locator("#panel h2").inner_text() == "EXENCELL"
    page.fill("#search", "no such company")
    page.press("#search", "Enter")
    assert "no match" in page.locator("#search-status").inner_text()


def test_clicking_a_node_shows_its_facts_and_sources_and_highlights_its_neighbours(seed_views, open_page):
    out, _ = seed_views
    page = open_page(out.views / "ecosystem.html").page
    ident = node_id(page, "Tecloman")
    click_node(page, ident)
    panel = page.locator("#panel")
    assert panel.locator("h2").inner_text() == "Tecloman"
    assert "EXENCELL — partner of — Tecloman" in panel.inner_text()
    assert "Government Delegates from Chongqing Municipality and Sichuan Province Visited EXENCELL" in \
        panel.inner_text()
    dimmed = page.evaluate("""id => window.kgView.nodes.get().filter(n => n.color.background.startsWith('rgba'))
                              .map(n => n.id)""", ident)
    neighbours = page.evaluate("""id => window.kgView.data.edges.filter(e => e.from === id || e.to === id)
                                  .flatMap(e => [e.from, e.to])""", ident)
    assert ident not in dimmed and not set(neighbours) & set(dimmed) and dimmed


def test_filtering_by_class_hides_that_class(seed_views, open_page):
    out, _ = seed_views
    page = open_page(out.views / "ecosystem.html").page
    companies = page.evaluate("window.kgView.data.nodes.filter(n => n.kind === 'Company').length")
    total = drawn_counts(page)[0]
    page.locator("#legend input[value=Company]").uncheck()
    assert drawn_counts(page)[0] == total - companies


def test_an_entity_page_opens_on_its_entity_with_facts_and_sources(seed_views, open_page):
    out, _ = seed_views
    page = open_page(out.views / "entities" / "dazhou-sodium-ion-signing-2024.html").page
    panel = page.locator("#panel").inner_text()
    assert page.locator("#panel h2").inner_text().startswith("Signing ceremony of the Dazhou sodium-ion")
    assert "start date: 2024-02-20" in panel
    assert "Sichuan plans to build a comprehensive sodium ion battery industry project" in panel


def test_a_hostile_label_is_shown_as_text_and_runs_nothing(tmp_path, open_page, screenshots):
    g = nx.MultiGraph()
    # pyvis inserted every tooltip as HTML once one of them held "href"
    link = '<a href="javascript:alert(7)">a link</a>'
    g.add_node("x", label=HOSTILE, kind="Company", size=1.0, key_facts=["<b onmouseover=alert(3)>bold</b>", link],
               sources=[{"source": "s1", "headline": "</script><script>alert(2)</script>", "date": "2024-01-05",
                         "text": "<svg onload=alert(4)>"}])
    g.add_node("y", label="Plain", kind="City", size=0.1, url="javascript:alert(5)")
    g.add_edge("x", "y", relation="<i>location</i>")
    path = tmp_path / "hostile.html"
    write_text(path, network_html(g, title=HOSTILE, links=[("bad", "javascript:alert(6)"), ("ok", "index.html")]))
    opened = open_page(path)
    page = opened.page
    page.fill("#search", "<img")
    page.press("#search", "Enter")
    tooltip = hover(page, *node_at(page, node_id(page, HOSTILE)))
    assert HOSTILE in tooltip and link in tooltip and "<svg onload=alert(4)>" in tooltip
    assert page.locator("#tooltip a, #tooltip b, #tooltip svg").count() == 0
    click_node(page, node_id(page, HOSTILE))
    page.mouse.move(5, 5)
    page.wait_for_timeout(100)
    assert page.locator("#panel h2").inner_text() == HOSTILE
    assert page.locator("#heading").inner_text() == HOSTILE
    assert page.title() == HOSTILE
    assert "</script><script>alert(2)</script>" in page.locator("#panel").inner_text()
    assert page.locator("main img, main svg, main b, main i").count() == 0
    assert page.locator("#links a").all_inner_texts() == ["ok"]
    page.evaluate("window.kgView.select(window.kgView.data.nodes.find(n => n.label === 'Plain').id)")
    assert page.locator("#panel a[href^='javascript']").count() == 0
    page.evaluate(f"window.kgView.select({node_id(page, HOSTILE)})")
    page.screenshot(path=str(screenshots / "hostile.png"))
    assert opened.dialogs == [] and opened.errors == [] and opened.external == []


def test_a_large_view_has_physics_off_and_a_top_n_control(tmp_path, open_page):
    g = nx.gnm_random_graph(1500, 3000, seed=3)
    for n in g.nodes:
        g.nodes[n].update(label=f"Entity {n}", kind="Company", size=float(n))
    path = tmp_path / "large.html"
    write_text(path, network_html(g, title="large"))
    page = open_page(path).page
    assert page.evaluate("window.kgView.network.physics.options.enabled") is False
    assert drawn_counts(page)[0] == DEFAULT_TOP_N
    assert page.locator("#top-control").is_visible()
    page.fill("#top-n", "1500")
    page.press("#top-n", "Enter")
    page.locator("#top-n").dispatch_event("change")
    assert drawn_counts(page)[0] == 1500
    page.fill("#top-n", "100")
    page.locator("#top-n").dispatch_event("change")
    # a node outside the top 100 is found and shown with its neighbours, all in sight
    page.fill("#search", "Entity 3")
    page.press("#search", "Enter")
    selected = page.evaluate("window.kgView.network.getSelectedNodes()")
    assert selected == [node_id(page, "Entity 3")]
    assert drawn_counts(page)[0] > 100
    box = page.locator("#network").bounding_box()
    for neighbour in [3, *g[3]]:
        x, y = node_at(page, node_id(page, f"Entity {neighbour}"))
        assert box["x"] <= x <= box["x"] + box["width"] and box["y"] <= y <= box["y"] + box["height"], neighbour


def test_hovering_a_node_shows_a_tooltip_with_key_facts_and_sources(seed_views, open_page):
    out, _ = seed_views
    page = open_page(out.views / "ecosystem.html").page
    text = hover(page, *node_at(page, node_id(page, "Comprehensive sodium-ion battery industry project in Dazhou")))
    assert "InvestmentProject" in text
    assert "planned investment: 11,500,000,000 CNY" in text and "signing date: 2024-02-20" in text
    assert "Sichuan plans to build a comprehensive sodium ion battery industry project" in text
    # the sentence under its article: headline, publisher, date
    assert "Sichuan plans to build a comprehensive sodium ion battery industry project — Seetao, 2024-02-21" in text


def test_hovering_an_edge_names_its_relation_and_its_source_sentence(seed_views, open_page):
    out, _ = seed_views
    page = open_page(out.views / "ecosystem.html").page
    jeff, exencell = node_id(page, "Jeff You"), node_id(page, "EXENCELL")
    edge = page.evaluate("([a, b]) => window.kgView.data.edges.find(e => e.from === a && e.to === b).id",
                         [jeff, exencell])
    text = hover(page, *edge_middle(page, edge))
    assert text.splitlines()[0] == "works for"
    assert "Jeff You → EXENCELL" in text
    assert "Government Delegates from Chongqing Municipality and Sichuan Province Visited EXENCELL Mianyang " \
           "Factory — EXENCELL, 2024-01-05" in " ".join(text.split())


def test_relations_read_in_the_direction_they_are_stated(seed_views, open_page):
    out, _ = seed_views
    page = open_page(out.views / "entities" / "exencell.html").page
    relations = page.locator("#panel .by-year").inner_text()
    assert "Jeff You — works for — EXENCELL" in relations
    assert "EXENCELL — partner of — Tecloman" in relations
    assert "EXENCELL Mianyang Factory — operator — EXENCELL" in relations
    # the other end of a relation links to it
    page.locator("#panel .by-year a", has_text="Tecloman").first.click()
    assert page.locator("#panel h2").inner_text() == "Tecloman"


def test_an_index_link_opens_the_ecosystem_view_on_that_entity(seed_store, tmp_path, open_page):
    from graph.folders import OutputLayout
    from graph.views import write_views

    report = write_views(seed_store, OutputLayout(tmp_path), entity_pages=2)  # Shanghai gets no page
    opened = open_page(report.index, wait=False)
    page = opened.page
    page.get_by_role("link", name="Shanghai", exact=True).first.click()
    page.wait_for_url("**/views/ecosystem.html#node=*")
    page.wait_for_function(READY, timeout=30_000)
    assert page.url.split("#")[0].endswith("views/ecosystem.html")
    assert page.evaluate("window.kgView.network.getSelectedNodes()") == [node_id(page, "Shanghai")]
    assert page.locator("#panel h2").inner_text() == "Shanghai"
    assert opened.errors == [] and opened.external == []


def test_a_hub_says_how_many_facts_and_sentences_it_left_out(tmp_path, open_page):
    g = nx.Graph()
    g.add_node("hub", label="Hub", kind="GovernmentBody", facts=[f"Hub — governs — place {i}" for i in range(100)],
               sources=[{"source": f"s{i}", "headline": f"Article {i}", "date": "2024-01-01", "text": f"Sentence {i}."}
                        for i in range(40)])
    g.add_node("leaf", label="Leaf", kind="City")
    g.add_edge("hub", "leaf", relation="governs")
    path = tmp_path / "hub.html"
    write_text(path, network_html(g, title="hub"))
    page = open_page(path).page
    page.evaluate(f"window.kgView.select({node_id(page, 'Hub')})")
    panel = page.locator("#panel").inner_text()
    assert f"… and {100 - LIST_LIMIT} more facts" in panel and f"… and {40 - SOURCE_LIMIT} more sentences" in panel


def test_every_page_of_a_hostile_graph_shows_its_text_and_runs_nothing(tmp_path, open_page):
    from graph.folders import OutputLayout
    from graph.views import write_views

    from .test_site import hostile_store

    report = write_views(hostile_store(), OutputLayout(tmp_path))
    opened = open_page(report.index, wait=False)
    page = opened.page
    assert HOSTILE in page.locator("body").inner_text()
    for path in [*report.views, *report.entities]:
        page.goto(path.as_uri())
        page.wait_for_function(READY, timeout=30_000)
        page.evaluate(f"window.kgView.search({HOSTILE!r})")
        assert page.locator("#panel h2").inner_text() == HOSTILE, path.name
        if path in report.entities:  # a page lists the sentences of its own entity and its relations
            page.evaluate("window.kgView.select(window.kgView.data.focus)")
        assert "</script><script>alert(2)</script>" in page.locator("#panel").inner_text(), path.name
        if path.name == "acme.html":  # the hostile entity's own page: its name is the heading and the title
            assert page.locator("#heading").inner_text() == page.title() == f"{HOSTILE} — battery-kg"
    assert page.locator("main img, #panel script").count() == 0
    assert opened.dialogs == [] and opened.errors == [] and opened.external == []


def test_a_chinese_name_is_shown_as_written(tmp_path, open_page):
    g = nx.Graph()
    g.add_node("catl", label="宁德时代", kind="Company")
    path = tmp_path / "catl.html"
    write_text(path, network_html(g, title="宁德时代"))
    page = open_page(path).page
    page.fill("#search", "宁德")
    page.press("#search", "Enter")
    assert page.locator("#panel h2").inner_text() == "宁德时代" and page.title() == "宁德时代"


def test_a_view_renders_inside_a_notebook_iframe(tmp_path, open_page):
    from graph.views import display_view

    g = nx.Graph()
    g.add_node("a", label=HOSTILE, kind="Company")
    g.add_node("b", label="B", kind="City")
    g.add_edge("a", "b", relation="location")
    path = tmp_path / "notebook.html"
    write_text(path, "<!DOCTYPE html><html><body>" + display_view(g, title="inline").data + "</body></html>")
    opened = open_page(path, wait=False)
    frame = opened.page.frame_locator("iframe")
    frame.locator("body[data-ready=true]").wait_for(timeout=30_000)
    assert frame.locator("#counts").inner_text() == "2 of 2 nodes, 1 of 1 edges"
    assert opened.errors == [] and opened.dialogs == [] and opened.external == []
