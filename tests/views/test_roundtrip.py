"""A view is a pyvis Network (Chromium): change it with pyvis's own methods, write it, open it, and the
changes are there; it loads nothing from anywhere, on disk or served by `batterykg serve`."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.analysis.projections import entity_network
from graph.views import Network, network_view

pytestmark = pytest.mark.browser

READY = "window.kgView && window.kgView.ready"


def test_pyvis_methods_change_the_view_drawn_in_the_browser(seed_store, tmp_path, open_page, screenshots):
    net = network_view(entity_network(seed_store), title="round trip", size_measure="none")
    net.show_buttons(filter_=["physics"])
    net.barnes_hut(gravity=-3000, spring_length=95)
    net.toggle_physics(False)
    net.set_edge_smooth("discrete")
    net.toggle_drag_nodes(False)
    net.write_html(str(tmp_path / "round-trip.html"))
    opened = open_page(tmp_path / "round-trip.html")
    page = opened.page
    physics = page.evaluate("window.kgView.network.physics.options")
    assert physics["enabled"] is False and physics["solver"] == "barnesHut"
    assert (physics["barnesHut"]["gravitationalConstant"], physics["barnesHut"]["springLength"]) == (-3000, 95)
    assert page.evaluate("Object.values(window.kgView.network.body.edges)[0].options.smooth.type") == "discrete"
    assert page.evaluate("window.kgView.network.interactionHandler.options.dragNodes") is False
    # show_buttons: vis-network's configurator, for the physics only
    config = page.locator("#config")
    assert config.is_visible() and "barnesHut" in config.inner_text() and "gravitationalConstant" in config.inner_text()
    assert "nodes" not in [h.lower() for h in config.locator(".vis-configuration.vis-config-header").all_inner_texts()]
    # physics off: the nodes stay where the page put them
    before = page.evaluate("window.kgView.network.getPositions()")
    page.wait_for_timeout(300)
    assert page.evaluate("window.kgView.network.getPositions()") == before
    page.screenshot(path=str(screenshots / "round-trip.png"))
    assert opened.errors == [] and opened.external == []


def test_options_set_as_text_reach_vis_network(tmp_path, open_page):
    """set_options takes what the configurator's "generate options" prints (pyvis's workflow)."""
    net = network_view(nx.path_graph(4), title="options")
    net.set_options("""var options = {"physics": {"enabled": false},
                       "interaction": {"dragNodes": false, "hover": true, "zoomView": false}}""")
    net.write_html(str(tmp_path / "options.html"))
    page = open_page(tmp_path / "options.html").page
    assert page.evaluate("window.kgView.network.interactionHandler.options.zoomView") is False
    assert page.evaluate("window.kgView.network.physics.options.enabled") is False


def test_a_plain_pyvis_network_shows_its_titles_as_text(tmp_path, open_page):
    net = Network(heading="<i>plain</i>")
    net.add_node(1, label="One", title='<a href="javascript:alert(1)">click</a>\nsecond line')
    net.add_node(2, label="<b>Two</b>", group=1)
    net.add_edge(1, 2, title="<img src=x onerror=alert(2)>")
    net.write_html(str(tmp_path / "plain.html"))
    opened = open_page(tmp_path / "plain.html")
    page = opened.page
    page.evaluate("window.kgView.select(1)")
    assert page.locator("#panel .title-text").inner_text() == '<a href="javascript:alert(1)">click</a>\nsecond line'
    assert page.locator("#heading").inner_text() == "<i>plain</i>"
    assert page.locator("main a[href^=javascript], main img, main b, main i").count() == 0
    assert opened.dialogs == [] and opened.errors == [] and opened.external == []


BLOCKED = """async () => {
    const seen = [];
    document.addEventListener("securitypolicyviolation", e => seen.push(e.blockedURI));
    let fetched = "no";
    try { await fetch("http://127.0.0.1:9/data.json"); fetched = "yes"; } catch (e) { fetched = "refused"; }
    const img = new Image(); img.src = "https://example.org/pixel.png";
    const script = document.createElement("script"); script.src = "https://example.org/x.js";
    document.head.appendChild(script);
    await new Promise(r => setTimeout(r, 300));
    return {fetched: fetched, blocked: seen};
}"""


@pytest.mark.parametrize("self_contained", [True, False], ids=["self-contained", "site"])
def test_the_content_security_policy_lets_no_request_leave_the_page(seed_views, tmp_path, open_page,
                                                                   self_contained):
    out, report = seed_views
    if self_contained:
        path = tmp_path / "alone.html"
        network_view(nx.path_graph(3), title="alone").write_html(str(path))
    else:
        path = report.entities[0]
    opened = open_page(path)
    result = opened.page.evaluate(BLOCKED)
    assert result["fetched"] == "refused"
    assert {"http://127.0.0.1:9/data.json", "https://example.org/pixel.png",
            "https://example.org/x.js"} <= set(result["blocked"])
    assert opened.external == []  # the policy stopped them before any request was made


def test_the_site_is_served_by_batterykg_serve_with_its_shared_scripts(served_views, browser, seed_views):
    import httpx

    _, report = seed_views
    for name in ("vis-network.min.js", "view.js"):
        answer = httpx.get(served_views + f"views/assets/{name}")
        assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/javascript")
    assert httpx.get(served_views + "views/assets/view.css").headers["content-type"].startswith("text/css")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        for path in ["views/ecosystem.html", "views/partnerships.html",
                     f"views/entities/{report.entities[0].name}"]:
            page.goto(served_views + path)
            page.wait_for_function(READY, timeout=30_000)
            assert page.evaluate("window.kgView.nodes.length") > 1, path
        assert errors == []
        assert all(url.startswith(served_views) for url in requests), requests
        assert served_views + "views/assets/vis-network.min.js" in requests
    finally:
        page.close()


def test_a_view_says_what_it_left_out_under_its_heading(tmp_path, open_page):
    notice = "This view shows the 2 entities with the highest PageRank of 3 <b>and</b> …"
    network_view(nx.path_graph(2), title="cut", notice=notice).write_html(str(tmp_path / "cut.html"))
    page = open_page(tmp_path / "cut.html").page
    assert page.locator("#notice").is_visible() and page.locator("#notice").inner_text() == notice
