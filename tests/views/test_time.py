"""The year control of the ecosystem and partnership views, and an entity page's facts by year (Chromium).

The view of some years must be what the analysis projects for them (``entity_network`` and
``partnership_network`` with ``since``/``until``): edges dated by their event or project, else by their
earliest article.
"""

from __future__ import annotations

import pytest

from graph.analysis.projections import entity_network, partnership_network
from graph.views.evidence import label_map, relation_label

pytestmark = pytest.mark.browser

DRAWN = """() => {
    const view = window.kgView, byId = new Map(view.data.nodes.map(n => [n.id, n]));
    const edges = new Map(view.data.edges.map(e => [e.id, e]));
    return {
        nodes: view.nodes.getIds().map(id => [byId.get(id).iri, byId.get(id).year ?? null]),
        edges: view.edges.getIds().map(id => { const e = edges.get(id);
            return [byId.get(e.from).iri, e.relation, byId.get(e.to).iri, e.years || []]; }),
        counts: document.getElementById("counts").textContent,
        total: [view.data.nodes.length, view.data.edges.length],
    };
}"""


def slide(page, first: int, last: int) -> dict:
    """Move the two handles of the year control as a person would (input events), then read what is drawn."""
    page.evaluate("""([a, b]) => {
        for (const [id, value] of [["year-to", b], ["year-from", a]]) {
            const box = document.getElementById(id);
            box.value = value;
            box.dispatchEvent(new Event("input", { bubbles: true }));
        }
    }""", [first, last])
    return page.evaluate(DRAWN)


def test_the_ecosystem_of_some_years_is_what_the_analysis_projects_for_them(seed_views, seed_store, open_page):
    out, _ = seed_views
    page = open_page(out.views / "ecosystem.html").page
    assert page.locator("#time-control").is_visible()
    years = page.evaluate("window.kgView.data.years")
    everything = page.evaluate(DRAWN)
    assert len(everything["nodes"]) == everything["total"][0] and years == [2022, 2024]

    labels = label_map(seed_store)
    projected = entity_network(seed_store, since="2024-01-01", until="2024-12-31")
    expected = {(d["subject"], relation_label(d["predicate"], labels), d["object"])
                for *_, d in projected.edges(data=True) if d["date"]}
    shown = slide(page, 2024, 2024)
    dated = {(s, r, o) for s, r, o, y in shown["edges"] if y}
    assert dated == expected and len(expected) > 20
    ends = {iri for s, _, o in dated for iri in (s, o)}
    drawn = {iri for iri, _ in shown["nodes"]}
    assert ends <= drawn
    # nodes with dated facts show only in the years of those facts; the rest are places and the like,
    # shown through the places that contain them
    undated = {s for s, _, o, y in everything["edges"] if y} | {o for s, _, o, y in everything["edges"] if y}
    assert all(iri in ends or iri not in undated for iri in drawn)
    assert shown["counts"] == f"{len(shown['nodes'])} of {shown['total'][0]} nodes, {len(shown['edges'])} of " \
                              f"{shown['total'][1]} edges in 2024"
    assert page.locator("#year-label").inner_text() == "2024"


def test_nodes_appear_with_their_first_dated_fact(seed_views, open_page):
    out, _ = seed_views
    page = open_page(out.views / "ecosystem.html").page
    firsts = dict(page.evaluate(DRAWN)["nodes"])
    dated = {iri for iri, year in firsts.items() if year is not None}
    for last in (2022, 2023, 2024):
        shown = slide(page, 2022, last)
        drawn = {iri for iri, _ in shown["nodes"]}
        assert drawn & dated == {iri for iri in dated if firsts[iri] <= last}, last
        assert shown["counts"].endswith({2022: " in 2022", 2023: " in 2022–2023", 2024: " edges"}[last])
    assert len(slide(page, 2022, 2022)["nodes"]) < len(slide(page, 2022, 2023)["nodes"]) < firsts.__len__()


def test_the_partnerships_of_some_years_are_the_ties_the_analysis_counts_in_them(seed_views, seed_store,
                                                                               open_page):
    out, _ = seed_views
    page = open_page(out.views / "partnerships.html").page
    for first, last in ((2024, 2024), (2023, 2023)):
        projected = partnership_network(seed_store, since=str(first), until=str(last))
        shown = slide(page, first, last)
        assert {frozenset((s, o)) for s, _, o, _ in shown["edges"]} == {frozenset(e) for e in projected.edges}
        assert {iri for iri, _ in shown["nodes"]} == set(projected.nodes)
        assert shown["counts"].startswith(f"{projected.number_of_nodes()} of ")


def test_an_entity_page_lists_its_facts_by_year(seed_views, seed_store, open_page):
    from graph.views.site import site_data

    out, _ = seed_views
    site = site_data(seed_store)
    exencell = "https://w3id.org/battery-kg/id/exencell"
    detail = site.details[exencell]
    page = open_page(out.views / "entities" / "exencell.html").page
    listed = page.evaluate("""() => Array.from(document.querySelectorAll("#panel .by-year h4")).map(h =>
        [h.textContent, Array.from(h.nextElementSibling.querySelectorAll("li")).map(li => li.textContent)])""")
    assert [year for year, _ in listed] == sorted({str(y) for y in detail.fact_years if y}) + (
        ["undated"] if None in detail.fact_years else [])
    assert {(year, fact) for year, facts in listed for fact in facts} == {
        (str(y) if y else "undated", f) for f, y in zip(detail.facts, detail.fact_years, strict=True)}
    # dated as the analysis dates the relations: by their event or project, else their earliest article
    labels = label_map(seed_store)
    network = site.entities
    for *_, d in network.edges(exencell, data=True):
        if d["date"]:
            name = f"{network.nodes[d['subject']]['label']} — {relation_label(d['predicate'], labels)} — " \
                   f"{network.nodes[d['object']]['label']}"
            assert (d["date"][:4], name) in {(y, f) for y, facts in listed for f in facts}, name
