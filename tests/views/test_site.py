"""The pages `batterykg views` writes from the seed graph: what they hold, where they are, what they link."""

from __future__ import annotations

import json
import re
from urllib.parse import quote

import pytest

from graph.folders import OutputLayout
from graph.store import EmbeddedStore
from graph.views import write_views
from graph.views.evidence import entity_details
from graph.views.site import ENTITY_PAGE_KINDS, site_data

BK = "https://w3id.org/battery-kg/id/"


def page_data(path) -> dict:
    text = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="view-data">(.*?)</script>', text, re.S)
                      .group(1))


def test_every_organisation_government_body_and_event_has_a_page(seed_views, seed_store):
    out, report = seed_views
    site = site_data(seed_store)
    expected = {n for n, d in site.entities.nodes(data=True) if d["kind"] in ENTITY_PAGE_KINDS}
    assert set(site.slugs) == expected
    names = {p.name for p in (out.views / "entities").glob("*.html")}
    assert {"exencell.html", "yibin-government.html", "world-power-battery-conference-2024.html",
            "dazhou-sodium-ion-signing-2024.html"} <= names
    assert len(names) == len(expected) == len(report.entities)


def test_the_ecosystem_view_draws_the_entity_network_with_one_edge_per_relation(seed_views, seed_store):
    out, _ = seed_views
    site = site_data(seed_store)
    data = page_data(out.views / "ecosystem.html")
    relations = {(min(str(u), str(v)), max(str(u), str(v)), d["relation"])
                 for u, v, d in site.entities.edges(data=True)}
    assert len(data["nodes"]) == site.entities.number_of_nodes()
    assert len(data["edges"]) == len(relations)
    exencell = next(n for n in data["nodes"] if n["label"] == "EXENCELL")
    assert exencell["kind"] == "Company" and exencell["url"] == "entities/exencell.html"


def test_the_partnership_view_colours_by_community_and_weighs_edges(seed_views):
    out, _ = seed_views
    data = page_data(out.views / "partnerships.html")
    assert data["colorBy"] == "group" and data["groups"]
    assert all("group" in n for n in data["nodes"])
    assert len({e["width"] for e in data["edges"]}) > 1  # widths follow the weights


def test_an_entity_page_shows_its_two_hop_neighbourhood_and_opens_on_it(seed_views):
    out, _ = seed_views
    data = page_data(out.views / "entities" / "exencell.html")
    labels = {n["label"] for n in data["nodes"]}
    assert {"EXENCELL", "ACE Battery", "Jeff You", "EXENCELL Mianyang Factory"} <= labels
    focus = data["nodes"][data["focus"]]
    assert focus["label"] == "EXENCELL"
    assert "EXENCELL — partner of — ACE Battery" in focus["facts"]
    headlines = {data["sources"][i]["headline"] for i in focus["sources"]}
    assert "Government Delegates from Chongqing Municipality and Sichuan Province Visited EXENCELL Mianyang " \
           "Factory" in headlines


def test_key_facts_give_dates_and_amounts(seed_store):
    details = entity_details(seed_store)
    project = next(d for d in details.values() if d.kind == "InvestmentProject")  # the Dazhou sodium-ion project
    assert any(f.startswith("planned investment: ") and "CNY" in f for f in project.key_facts)
    assert any(f.startswith("signing date: 2024-") for f in project.key_facts)


def test_the_index_page_says_what_the_graph_holds_and_links_everything(seed_views):
    out, report = seed_views
    text = out.index.read_text(encoding="utf-8")
    assert report.index == out.index
    for needle in ('href="views/ecosystem.html"', 'href="views/partnerships.html"',
                   'href="views/entities/exencell.html"', 'href="battery-kg.trig"', "<td>Company</td><td>12</td>",
                   "2024 World Power Battery Conference witnesses signing", "PageRank", "Betweenness",
                   "Community 0"):
        assert needle in text
    assert 'href="battery-kg.jsonld"' not in text  # only data files that exist are linked


def test_views_are_byte_identical_across_runs_and_hash_seeds(cli, seed_output, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for folder, seed in ((first, "1"), (second, "2")):
        done = cli("views", "--quiet", "--store", str(seed_output.store), "--out", str(folder),
                   env={"PYTHONHASHSEED": seed})
        assert done.returncode == 0, done.stderr
    files = sorted(p.relative_to(first) for p in first.rglob("*.html"))
    assert len(files) > 3 and files == sorted(p.relative_to(second) for p in second.rglob("*.html"))
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


HOSTILE = "<img src=x onerror=alert(1)>"


def hostile_store() -> EmbeddedStore:
    """A company whose name is markup, stated by an article whose headline is markup."""
    from graph.example_graphs import SMALL_EXAMPLE

    quads = SMALL_EXAMPLE.decode().replace('"Acme"@en', json.dumps(HOSTILE) + "@en") \
        .replace('"Acme teams up"', json.dumps("</script><script>alert(2)</script>"))
    store = EmbeddedStore.create(None)
    store.load_nquads(quads.encode())
    return store


def test_hostile_names_are_escaped_on_every_page(tmp_path):
    out = OutputLayout(tmp_path)
    report = write_views(hostile_store(), out)
    assert (out.views / "entities" / "acme.html").exists()
    for path in [report.index, *report.views, *report.entities]:
        text = path.read_text(encoding="utf-8")
        assert HOSTILE not in text, path
        assert "<script>alert(2)" not in text, path
    assert "&lt;img src=x onerror=alert(1)&gt;" in report.index.read_text(encoding="utf-8")


def test_stale_entity_pages_are_removed(tmp_path):
    out = OutputLayout(tmp_path)
    (out.views / "entities").mkdir(parents=True)
    (out.views / "entities" / "gone.html").write_text("old")
    write_views(hostile_store(), out)
    assert not (out.views / "entities" / "gone.html").exists()


def test_cli_writes_the_views_and_exits_2_without_a_built_graph(cli, seed_output, tmp_path):
    missing = cli("views", "--out", str(tmp_path / "nothing"))
    assert missing.returncode == 2 and "batterykg build" in missing.stderr
    done = cli("views", "--store", str(seed_output.store), "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert "entity pages" in done.stdout
    assert (tmp_path / "out" / "index.html").exists() and (tmp_path / "out" / "views" / "ecosystem.html").exists()


def test_batterykg_run_writes_the_views_after_the_build():
    from graph.cli.run import RUN_STAGES
    from graph.cli.views import views_stage

    assert views_stage in RUN_STAGES


@pytest.mark.parametrize("height", [400])
def test_views_render_inline_in_a_notebook(height):
    import networkx as nx

    from graph.views import display_view

    shown = display_view(nx.path_graph(3), title=HOSTILE, height=height)
    assert shown.data.startswith("<iframe srcdoc=\"") and f"height:{height}px" in shown.data
    assert HOSTILE not in shown.data and "<script" not in shown.data  # the whole page is one escaped attribute


def test_entity_pages_can_be_capped_to_the_most_central(seed_store, tmp_path):
    report = write_views(seed_store, OutputLayout(tmp_path), entity_pages=3)
    site = site_data(seed_store, entity_pages=3)
    eligible = [n for n, d in site.entities.nodes(data=True) if d["kind"] in ENTITY_PAGE_KINDS]
    top = sorted(eligible, key=lambda n: (-site.pagerank[n], n))[:3]
    assert sorted(p.stem for p in report.entities) == sorted(site.slugs[n] for n in top)
    assert f"(the 3 of {len(eligible)} with the highest PageRank)" in report.index.read_text(encoding="utf-8")


def test_a_neighbourhood_keeps_the_entity_its_neighbours_then_the_second_hop():
    import networkx as nx

    from graph.views.site import Neighbourhoods, induced_subgraph

    g = nx.MultiGraph([("a", "b"), ("b", "c"), ("c", "d"), ("a", "e")])
    g.add_edge("a", "b", key="second relation")
    around = Neighbourhoods(g, {"c": 1.0, "e": 0.5})
    assert around.of("a", limit=10) == (["a", "e", "b", "c"], 2, False)  # by score, then by name
    assert around.of("a", limit=2) == (["a", "e"], 2, True)
    assert around.of("a", limit=3) == (["a", "e", "b"], 2, True)  # "c", the second hop, left out
    sub = induced_subgraph(g, ["a", "b", "c"])
    assert sub.number_of_edges("a", "b") == 2 and sub.number_of_edges("b", "c") == 1  # parallel relations kept


@pytest.mark.slow
def test_a_hub_page_keeps_its_most_central_neighbours_and_says_so(tmp_path):
    """A star of 400: the hub's page draws the limit, its own relations first, and says what it left out."""
    import json

    from graph.views.site import ENTITY_EDGE_LIMIT, NEIGHBOURHOOD_LIMIT

    bk, bkg = "https://w3id.org/battery-kg/id/", "https://w3id.org/battery-kg/ontology#"
    quads = [f"<{bk}hub> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{bkg}Conference> ."]
    for i in range(400):
        quads.append(f"<{bk}c{i}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{bkg}Company> .")
        quads.append(f"<{bk}hub> <https://schema.org/attendee> <{bk}c{i}> <https://w3id.org/battery-kg/source/s/a{i}> .")
        quads.append(f"<https://w3id.org/battery-kg/source/s/a{i}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{bkg}Assertion> .")
    store = EmbeddedStore.create(None)
    store.load_nquads("\n".join(quads).encode())
    report = write_views(store, OutputLayout(tmp_path))
    data = page_data(tmp_path / "views" / "entities" / "hub.html")
    assert len(data["nodes"]) == NEIGHBOURHOOD_LIMIT and len(data["edges"]) == NEIGHBOURHOOD_LIMIT - 1 <= ENTITY_EDGE_LIMIT
    assert f"(the {NEIGHBOURHOOD_LIMIT} most central, of its 400 neighbours and theirs)" in data["subtitle"]
    assert all(data["focus"] in (e["from"], e["to"]) for e in data["edges"])
    assert len(report.entities) == 401 and json.dumps(data)  # every entity has its page


def test_cli_refuses_a_negative_page_count(cli, seed_output, tmp_path):
    done = cli("views", "--entity-pages", "-5", "--store", str(seed_output.store), "--out", str(tmp_path))
    assert done.returncode == 2 and "--entity-pages" in done.stderr


def test_index_links_entities_without_a_page_to_the_ecosystem_view_opened_on_them(seed_store, tmp_path):
    text = write_views(seed_store, OutputLayout(tmp_path), entity_pages=2).index.read_text(encoding="utf-8")
    assert "shanghai.html" not in text  # not among the two most central
    shanghai = re.search(r'<a href="([^"]+)"[^>]*>Shanghai</a>', text).group(1)
    assert shanghai == "views/ecosystem.html#node=" + quote(BK + "shanghai", safe="")


def test_every_entity_has_a_page_linked_from_the_index(seed_views):
    out, _ = seed_views
    text = out.index.read_text(encoding="utf-8")
    assert re.search(r'<a href="views/entities/exencell.html">EXENCELL</a>', text)
    assert re.search(r'<a href="views/entities/shanghai.html">Shanghai</a>', text)


@pytest.mark.parametrize(("url", "linked"), [("https://example.org/acme", True), ("javascript:alert(1)", False)])
def test_index_links_an_article_headline_to_its_url_only_for_http(tmp_path, url, linked):
    from graph.example_graphs import SMALL_EXAMPLE

    quads = SMALL_EXAMPLE.decode() + f'<https://w3id.org/battery-kg/source/s1> <https://schema.org/url> "{url}" .\n'
    store = EmbeddedStore.create(None)
    store.load_nquads(quads.encode())
    text = write_views(store, OutputLayout(tmp_path)).index.read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)" rel="noreferrer">Acme teams up</a>', text)
    assert links == ([url] if linked else [])
    assert "Acme teams up" in text


def test_index_lists_the_most_recent_sources_when_there_are_many(seed_store, tmp_path, monkeypatch):
    from graph.views import site

    monkeypatch.setattr(site, "INDEX_SOURCE_LIMIT", 2)
    text = write_views(seed_store, OutputLayout(tmp_path)).index.read_text(encoding="utf-8")
    assert "The 2 most recent of 5 articles." in text
    assert "2024-09-03" in text and "2023-11-02" not in text


def test_sentences_name_their_article_its_publisher_and_date(seed_views):
    out, _ = seed_views
    data = page_data(out.views / "ecosystem.html")
    yibin = {(s["publisher"], s["date"]) for s in data["sources"] if s["source"].startswith("004_")}
    assert yibin == {("GlobeNewswire", "2024-09-03")}  # the article without a headline is still named


def test_pages_of_a_chinese_name_are_utf8(tmp_path):
    from graph.example_graphs import SMALL_EXAMPLE

    store = EmbeddedStore.create(None)
    store.load_nquads(SMALL_EXAMPLE.decode().replace('"Beta Corp"@en', '"宁德时代"@en').encode())
    report = write_views(store, OutputLayout(tmp_path))
    for path in [report.index, *report.views, *report.entities]:
        assert "宁德时代".encode() in path.read_bytes(), path.name


def data_bytes(path) -> int:
    text = path.read_text(encoding="utf-8")
    return len(re.search(r'<script type="application/json" id="view-data">(.*?)</script>', text, re.S)
               .group(1).encode())


def test_pages_share_one_copy_of_the_scripts_and_weigh_little_more_than_their_data(seed_views):
    from graph.views.network import ASSET_NAMES, asset

    out, report = seed_views
    assert sorted(p.name for p in report.assets) == sorted(ASSET_NAMES)
    assert (out.views / "assets" / "vis-network.min.js").read_text(encoding="utf-8") == asset("vis-network.min.js")
    for path in [*report.views, *report.entities]:
        text = path.read_text(encoding="utf-8")
        prefix = "../" if path.parent.name == "entities" else ""
        assert f'<script src="{prefix}assets/vis-network.min.js"></script>' in text, path.name
        assert "vis-network" not in text.split("</head>")[1] and "function" not in text.split("</head>")[0]
        assert path.stat().st_size - data_bytes(path) <= 150_000, path.name


def test_a_self_contained_site_inlines_everything_in_each_page(seed_store, tmp_path):
    report = write_views(seed_store, OutputLayout(tmp_path), self_contained=True)
    assert report.assets == [] and not (tmp_path / "views" / "assets").exists()
    for path in [*report.views, *report.entities]:
        text = path.read_text(encoding="utf-8")
        assert "<script src" not in text and "<link" not in text and "@version 9.1.2" in text, path.name


def test_cli_writes_a_self_contained_site_on_request(cli, seed_output, tmp_path):
    done = cli("views", "--self-contained", "--store", str(seed_output.store), "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "every page self-contained" in done.stdout
    assert "<script src" not in (tmp_path / "views" / "ecosystem.html").read_text(encoding="utf-8")
