"""The pyvis Network behind every view (graph.views.Network): pyvis's API and semantics, without its flaws."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import networkx as nx
import pytest
from pyvis.network import Network as PyvisNetwork

from graph.errors import UsageError
from graph.views import Network, network_view
from graph.views.network import ASSET_NAMES, INLINE_CSP, SHARED_CSP, asset

HOSTILE = "<img src=x onerror=alert(1)>"


class CountingList(list):
    """A list that counts the membership tests and full scans made on it."""

    def __init__(self, *args):
        super().__init__(*args)
        self.contains = 0
        self.scans = 0

    def __contains__(self, item):
        self.contains += 1
        return super().__contains__(item)

    def __iter__(self):
        self.scans += 1
        return super().__iter__()


def instrumented(net):
    net.node_ids = CountingList(net.node_ids)
    net.edges = CountingList(net.edges)
    return net


def test_from_nx_adds_10000_nodes_without_a_single_list_scan():
    """pyvis's add_node tests `n_id not in self.node_ids` and add_edge walks every edge: 150 s for 10,000
    nodes. Ours answers from a dict and a set; the time itself is a benchmark figure (bench_views)."""
    g = nx.gnm_random_graph(10_000, 20_000, seed=1)
    net = instrumented(Network())
    net.from_nx(g)
    assert len(net.nodes) == 10_000 and len(net.edges) == 20_000
    assert net.node_ids.contains == 0
    assert net.edges.scans <= 1  # the set of joined pairs is read once, from the empty list


def test_pyvis_itself_scans_its_lists_on_every_add():
    """The counter above would see pyvis's scans: the test can fail."""
    net = instrumented(PyvisNetwork())
    net.from_nx(nx.path_graph(50))
    assert net.node_ids.contains >= 50 and net.edges.scans >= 49


def test_edges_changed_by_hand_are_still_known():
    net = Network()
    net.add_nodes([1, 2, 3])
    net.add_edge(1, 2)
    net.edges.append({"from": 2, "to": 3})  # as a pyvis user may do
    net.add_edge(3, 2)
    assert [(e["from"], e["to"]) for e in net.edges] == [(1, 2), (2, 3)]


def test_from_nx_keeps_pyvis_semantics_and_leaves_the_graph_alone():
    g = nx.Graph()
    g.add_edge("a", "b", weight=3, title="<b>tie</b>")
    g.add_edge("b", "c")
    g.add_node("d", size=4, label="Dee", color="red")
    before = nx.node_link_data(g, edges="links")
    net = Network()
    net.from_nx(g, node_size_transf=lambda s: s * 2, edge_weight_transf=lambda w: w + 1)
    assert nx.node_link_data(g, edges="links") == before  # pyvis wrote "size" into nodes and popped "weight"
    nodes = {n["id"]: n for n in net.nodes}
    assert [n["id"] for n in net.nodes] == ["a", "b", "c", "d"]  # the ends of each edge, then isolated nodes
    assert nodes["b"]["size"] == 20  # the transform applied once, not once per edge (pyvis: 40 for degree 2)
    assert (nodes["d"]["label"], nodes["d"]["color"], nodes["d"]["size"]) == ("Dee", "red", 8)
    assert nodes["a"]["label"] == "a" and nodes["a"]["shape"] == "dot"
    assert net.edges == [{"title": "<b>tie</b>", "width": 4, "from": "a", "to": "b"},
                         {"width": 2, "from": "b", "to": "c"}]
    scaled = Network()
    scaled.from_nx(g, edge_scaling=True)
    assert [e.get("value") for e in scaled.edges] == [3, 1]


def test_an_undirected_pair_is_kept_once_unless_edges_have_their_own_ids():
    net = Network()
    net.add_nodes(["a", "b"])
    net.add_edge("a", "b")
    net.add_edge("b", "a")
    assert len(net.edges) == 1
    net.add_edge("a", "b", id="second", label="partner of")
    assert len(net.edges) == 2
    directed = Network(directed=True)
    directed.add_nodes(["a", "b"])
    directed.add_edge("a", "b")
    directed.add_edge("b", "a")
    assert [(e["from"], e["to"], e["arrows"]) for e in directed.edges] == [("a", "b", "to"), ("b", "a", "to")]


def test_add_nodes_takes_lists_of_values_and_number_like_names():
    net = Network()
    net.add_nodes(["1", "b"], label=["one", "bee"], size=[5, 6])
    assert [(n["id"], n["label"], n["size"]) for n in net.nodes] == [(1, "one", 5), ("b", "bee", 6)]
    with pytest.raises(UsageError, match="invalid argument 'bogus'"):
        net.add_nodes(["x"], bogus=[1])
    with pytest.raises(UsageError, match="2 values for 1 nodes"):
        net.add_nodes(["x"], label=["a", "b"])


def test_mistakes_are_usage_errors_that_name_the_cause():
    net = Network()
    net.add_node("a")
    with pytest.raises(UsageError, match="non existent node 'b'"):
        net.add_edge("a", "b")
    with pytest.raises(UsageError, match="a node id is a str or an int"):
        net.add_node(("a", 1))
    with pytest.raises(UsageError, match="loads nothing from a CDN"):
        Network(cdn_resources="remote")
    with pytest.raises(UsageError, match="offline template"):
        net.set_template("/tmp/mine.html")
    with pytest.raises(UsageError, match=r"\.html file"):
        net.write_html("view.txt")


def test_pyvis_option_methods_write_the_options_the_page_passes_to_vis_network():
    net = Network()
    net.barnes_hut(gravity=-3000, spring_length=95)
    net.show_buttons(filter_=["physics"])
    net.toggle_physics(False)
    net.set_edge_smooth("discrete")
    options = net.page_data()["options"]
    assert options["physics"]["solver"] == "barnesHut" and options["physics"]["enabled"] is False
    assert options["physics"]["barnesHut"]["gravitationalConstant"] == -3000
    assert options["configure"] == {"enabled": True, "filter": ["physics"]}
    assert options["edges"]["smooth"]["type"] == "discrete"
    net.set_options('var options = {"physics": {"enabled": true}, "interaction": {"dragNodes": false}}')
    net.toggle_physics(False)  # pyvis's own toggle_physics fails on options set from text
    assert net.page_data()["options"] == {"physics": {"enabled": False}, "interaction": {"dragNodes": False}}


def loads(page: str) -> list[tuple]:
    """Every attribute through which an element of the page would load something."""
    found = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.extend((tag, name, value) for name, value in attrs
                         if name in ("src", "href", "srcset", "data", "poster", "action") and value)

    Parser().feed(page)
    return found


def test_a_lone_network_writes_one_self_contained_file(tmp_path):
    net = Network(heading=HOSTILE)
    net.add_node(1, label=HOSTILE, title='<a href="javascript:alert(1)">x</a>')
    net.add_node(2)
    net.add_edge(1, 2, title="<b>edge</b>")
    net.write_html(str(tmp_path / "alone.html"))
    page = (tmp_path / "alone.html").read_text(encoding="utf-8")
    assert loads(page) == [] and sorted(p.name for p in tmp_path.iterdir()) == ["alone.html"]
    assert f'content="{INLINE_CSP}"' in page and "default-src 'none'" in INLINE_CSP
    assert asset("vis-network.min.js")[:2000] in page and asset("view.js") in page
    assert HOSTILE not in page and "<b>edge</b>" not in page  # titles and labels travel as escaped JSON
    assert "bootstrap" not in page and "tom-select" not in page


def test_a_local_network_loads_its_scripts_from_files_beside_it(tmp_path):
    net = Network(cdn_resources="local", assets_href="shared/")
    net.add_node(1)
    net.write_html(str(tmp_path / "page.html"))
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert sorted(value for _, _, value in loads(page)) == ["shared/view.css", "shared/view.js",
                                                           "shared/vis-network.min.js"]
    assert f'content="{SHARED_CSP}"' in page and "'unsafe-inline'" not in SHARED_CSP.split("style-src")[0]
    assert sorted(p.name for p in (tmp_path / "shared").iterdir()) == sorted(ASSET_NAMES)
    assert len(page.encode()) < 10_000


def test_the_vis_network_script_is_pyviss_own():
    from importlib.resources import files

    import pyvis

    shipped = files(pyvis) / "lib" / "vis-9.1.2" / "vis-network.min.js"
    assert asset("vis-network.min.js") == shipped.read_text(encoding="utf-8")
    assert re.search(r"@version 9\.1\.2", asset("vis-network.min.js"))


def test_a_view_is_a_pyvis_network():
    g = nx.Graph([("a", "b")])
    net = network_view(g, title="t")
    assert isinstance(net, PyvisNetwork) and net.num_nodes() == 2 and net.num_edges() == 1
    assert net.neighbors(0) == {1}
    data = json.loads(json.dumps(net.page_data()))
    assert [n["label"] for n in data["nodes"]] == ["a", "b"] and data["edges"][0]["from"] == 0


def test_json_that_json_cannot_hold_is_written_as_json_can():
    net = Network()
    net.add_node(1, extra={"set": {3, 1}, "nan": float("nan")})
    data = json.loads(re.search(r'id="view-data">(.*?)</script>', net.generate_html(), re.S).group(1))
    assert data["nodes"][0]["extra"] == {"set": [1, 3], "nan": None}


def test_from_nx_gives_what_pyvis_gives():
    """Same nodes, same edges, same order, same attributes (on a graph pyvis handles in reasonable time)."""
    g = nx.les_miserables_graph()
    theirs, ours = PyvisNetwork(), Network()
    theirs.from_nx(g.copy())
    ours.from_nx(g)
    assert ours.nodes == theirs.nodes and ours.edges == theirs.edges and ours.node_ids == theirs.node_ids


def test_the_physics_helpers_can_be_called_again_and_after_set_options():
    theirs = PyvisNetwork()
    theirs.barnes_hut()
    with pytest.raises(TypeError, match="not callable"):  # pyvis replaced its class with the first instance
        theirs.barnes_hut()
    net = Network()
    for _ in range(2):
        net.barnes_hut(gravity=-100)
        net.repulsion(node_distance=90)
        net.hrepulsion()
        net.force_atlas_2based(gravity=-70)
    physics = net.options_dict()["physics"]
    assert physics["solver"] == "forceAtlas2Based" and physics["repulsion"]["nodeDistance"] == 90
    net.set_options('{"physics": {"enabled": true}}')
    net.repulsion(node_distance=50)
    assert net.options_dict()["physics"] == {"enabled": True, "solver": "repulsion", "repulsion": {
        "nodeDistance": 50, "centralGravity": 0.2, "springLength": 200, "springConstant": 0.05, "damping": 0.09}}


def test_a_network_shows_itself_in_a_notebook_as_its_self_contained_page_in_a_frame():
    """The last value of a notebook cell: Jupyter calls ``_repr_html_`` (docs/views.md, notebook 03)."""
    import html

    net = Network(height="300px", heading=HOSTILE, cdn_resources="local")
    net.add_node("a", label=HOSTILE)
    shown = net._repr_html_()
    assert shown.startswith('<iframe srcdoc="') and "height:300px" in shown
    assert "<script" not in shown and HOSTILE not in shown  # the whole page is one escaped attribute
    page = html.unescape(shown.split('srcdoc="', 1)[1].split('" sandbox=', 1)[0])
    assert "<script src" not in page and INLINE_CSP in page  # self-contained whatever cdn_resources says
