"""Readable at a glance (Chromium): at the zoom a page opens with, no two node names overlap, and no name of
an edge covers a node's name. The boxes are vis-network's own, measured where it drew the labels."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

#: Where vis-network drew each label in the last frame, in page pixels: nodes and edges whose label was drawn
#: (big enough at this zoom) inside the network's area.
LABEL_BOXES = """() => {
    const view = window.kgView, net = view.network, area = document.getElementById("network").getBoundingClientRect();
    net.redraw();
    const scale = net.getScale();
    function box(item, kind) {
        const options = item.options, module = item.labelModule;
        if (!options.label || !module || !module.size || !module.size.width) { return null; }
        if (module.fontOptions.size * scale < options.scaling.label.drawThreshold - 1) { return null; }
        const s = module.size, a = net.canvasToDOM({x: s.left, y: s.top});
        const b = net.canvasToDOM({x: s.left + s.width, y: s.top + s.height});
        const r = {kind: kind, id: String(item.id), text: String(options.label),
                   left: area.left + a.x, top: area.top + a.y, right: area.left + b.x, bottom: area.top + b.y};
        const inside = r.right > area.left && r.left < area.right && r.bottom > area.top && r.top < area.bottom;
        return inside ? r : null;
    }
    const nodes = view.nodes.getIds().map(id => box(net.body.nodes[id], "node")).filter(Boolean);
    const edges = view.edges.getIds().map(id => box(net.body.edges[id], "edge")).filter(Boolean);
    return {nodes: nodes, edges: edges};
}"""


def overlapping(boxes_a, boxes_b=None, tolerance: float = 0.5) -> list[tuple[str, str]]:
    found = []
    pairs = ((a, b) for i, a in enumerate(boxes_a) for b in boxes_a[i + 1:]) if boxes_b is None else \
        ((a, b) for a in boxes_a for b in boxes_b)
    for a, b in pairs:
        if min(a["right"], b["right"]) - max(a["left"], b["left"]) > tolerance and \
                min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > tolerance:
            found.append((a["text"], b["text"]))
    return found


def test_no_two_node_names_overlap_in_any_seed_view(seed_views, open_page, screenshots):
    out, report = seed_views
    opened = open_page(report.views[0])
    measured = 0
    for path in [*report.views, *report.entities]:
        if path != report.views[0]:
            opened.page.goto(path.as_uri())
            opened.page.wait_for_function("window.kgView && window.kgView.ready", timeout=30_000)
        boxes = opened.page.evaluate(LABEL_BOXES)
        assert overlapping(boxes["nodes"]) == [], path.name
        assert overlapping(boxes["edges"], boxes["nodes"]) == [], path.name  # an edge's name over a node's
        assert overlapping(boxes["edges"]) == [], path.name
        measured += len(boxes["nodes"])
    assert measured > 10 * len(report.entities)  # the names were drawn, and measured


def test_the_two_governments_of_the_partnership_view_no_longer_cover_each_other(seed_views, open_page):
    out, _ = seed_views
    page = open_page(out.views / "partnerships.html").page
    boxes = {b["text"]: b for b in page.evaluate(LABEL_BOXES)["nodes"]}
    sichuan = boxes["People's Government of Sichuan Province"]
    chongqing = boxes["People's Government of Chongqing Municipality"]
    assert overlapping([sichuan, chongqing]) == []


def test_the_measure_sees_overlaps_when_there_are_some(tmp_path, open_page):
    """Two nodes on the same spot with physics off and the separation undone: the measure must report them."""
    import networkx as nx

    from graph.views import network_view

    g = nx.Graph()
    g.add_node("a", label="Same place one", kind="Company")
    g.add_node("b", label="Same place two", kind="Company")
    net = network_view(g, title="t", pos={"a": (0.0, 0.0), "b": (5.0, 3.0)})
    net.toggle_physics(False)
    net.write_html(str(tmp_path / "apart.html"))
    page = open_page(tmp_path / "apart.html").page
    assert overlapping(page.evaluate(LABEL_BOXES)["nodes"]) == []  # moved apart when the page opened
    page.evaluate("window.kgView.network.moveNode(1, 5, 3); window.kgView.network.moveNode(0, 0, 0)")
    assert overlapping(page.evaluate(LABEL_BOXES)["nodes"]) == [("Same place one", "Same place two")]
