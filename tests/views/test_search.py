"""Finding things (Chromium): search by every name — label, aliases, Chinese name — prefix matches first;
a failed search clears the selection and says so; the Chinese name beside the English one."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.atomic import write_text
from graph.folders import OutputLayout
from graph.store import EmbeddedStore
from graph.views import network_html, write_views

pytestmark = pytest.mark.browser


def selected_label(page) -> str | None:
    ids = page.evaluate("window.kgView.network.getSelectedNodes()")
    if not ids:
        return None
    return page.evaluate("id => window.kgView.data.nodes.find(n => n.id === id).label", ids[0])


def search(page, text: str) -> None:
    page.fill("#search", text)
    page.press("#search", "Enter")


def test_prefix_matches_come_first_then_word_starts_then_anywhere(tmp_path, open_page):
    g = nx.Graph()
    # the more central a node, the larger its size: without the tiers, the most central would win
    g.add_node("inside", label="Kayibin Materials", kind="Company", size=1.0)
    g.add_node("word", label="Sichuan Yibin Holdings", kind="Company", size=0.8)
    g.add_node("prefix", label="Yibin Municipal Government", kind="GovernmentBody", size=0.1)
    g.add_node("other", label="Yibin City", kind="City", size=0.2)
    g.add_edges_from([("inside", "word"), ("word", "prefix"), ("prefix", "other")])
    path = tmp_path / "search.html"
    write_text(path, network_html(g, title="search"))
    page = open_page(path).page
    search(page, "yib")
    assert selected_label(page) == "Yibin City"  # a prefix match, the more central of the two
    search(page, "yibin mun")
    assert selected_label(page) == "Yibin Municipal Government"
    search(page, "yibin h")
    assert selected_label(page) == "Sichuan Yibin Holdings"  # a word of the name starts with it
    search(page, "ayib")
    assert selected_label(page) == "Kayibin Materials"  # only inside a word


def test_a_failed_search_clears_the_selection_and_says_no_match(seed_views, open_page):
    out, _ = seed_views
    page = open_page(out.views / "ecosystem.html").page
    search(page, "exencell")
    assert selected_label(page) == "EXENCELL" and page.locator("#panel h2").inner_text() == "EXENCELL"
    search(page, "no such company")
    assert selected_label(page) is None
    assert page.locator("#search-status").inner_text() == "no match for “no such company”"
    assert page.locator("#panel h2").count() == 0 and "Click a node" in page.locator("#panel").inner_text()
    dimmed = page.evaluate("window.kgView.nodes.get().filter(n => n.color.background.startsWith('rgba')).length")
    assert dimmed == 0  # the previous neighbourhood is no longer highlighted
    search(page, "Tecloman")
    assert page.locator("#search-status").inner_text() == ""


def test_an_alias_finds_its_entity_before_names_that_merely_start_with_it(seed_views, open_page):
    out, _ = seed_views
    page = open_page(out.views / "ecosystem.html").page
    search(page, "Sichuan")  # the alias of "Sichuan Province"; other names start with "Sichuan"
    assert selected_label(page) == "Sichuan Province"
    assert "also: Sichuan" in page.locator("#panel").inner_text()


def chinese_store() -> EmbeddedStore:
    """The small example (Acme: 阿克米, also "ACME Ltd") and a second company with a Chinese name only."""
    from graph.example_graphs import SMALL_EXAMPLE

    extra = ('<https://w3id.org/battery-kg/id/beta> <http://www.w3.org/2000/01/rdf-schema#label> "贝塔"@zh-Hans '
             "<https://w3id.org/battery-kg/graph/registry> .\n"
             '<https://w3id.org/battery-kg/id/beta> <http://www.w3.org/2000/01/rdf-schema#label> "贝塔"@zh-Hans .\n')
    store = EmbeddedStore.create(None)
    store.load_nquads(SMALL_EXAMPLE + extra.encode())
    return store


def test_chinese_names_are_searched_and_shown_beside_the_english_ones(tmp_path, open_page):
    report = write_views(chinese_store(), OutputLayout(tmp_path))
    for path in [*report.views, tmp_path / "views" / "entities" / "beta.html"]:
        page = open_page(path).page
        search(page, "阿克")
        assert selected_label(page) == "Acme", path.name
        assert page.locator("#panel .zh-name").inner_text() == "阿克米"
        assert page.locator("#panel .zh-name [lang=zh]").count() == 1
        search(page, "acme ltd")
        assert selected_label(page) == "Acme", path.name
        search(page, "贝塔")
        assert selected_label(page) == "Beta Corp", path.name
        # the tooltip: the English name, then the Chinese one
        box = page.evaluate("""id => { const v = window.kgView, at = v.network.canvasToDOM(v.network.getPositions([id])[id]);
            const r = document.getElementById('network').getBoundingClientRect(); return [r.left + at.x, r.top + at.y]; }""",
                            page.evaluate("window.kgView.data.nodes.find(n => n.label === 'Acme').id"))
        page.mouse.move(box[0] - 3, box[1] - 3)
        page.mouse.move(*box)
        page.locator("#tooltip").wait_for(state="visible", timeout=5_000)
        assert page.locator("#tooltip .tip-title").inner_text() == "Acme 阿克米", path.name
