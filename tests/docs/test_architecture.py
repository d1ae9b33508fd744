"""Issue 18: docs/architecture.md maps every module of graph/, and the imports between them flow one way.

The import graph is grimp's (every ``import`` statement of the package, those inside functions included); a
package's ``__init__`` re-exporting its own modules is its flat front, not a dependency.
"""

from __future__ import annotations

import re
from pathlib import Path

import grimp
import networkx as nx
import pytest

import graph

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = Path(graph.__file__).resolve().parent
MAP = ROOT / "docs" / "architecture.md"

#: The layers of docs/architecture.md, lowest first: a module may import its own package and lower layers.
LAYERS = [
    ["errors", "namespace", "terms", "folders", "atomic", "names", "example_graphs"],
    ["sources", "facts", "synth", "freshness", "entities", "ontology_doc", "store"],
    ["build", "sparql", "ingest"],
    ["analysis", "stats"],
    ["views"],
    ["cli"],
    ["__main__"],
]
#: The one layer whose members may import each other (the vocabulary, terms and file locations).
CORE = 0
LAYER_OF = {name: level for level, names in enumerate(LAYERS) for name in names}


def modules_on_disk() -> set[str]:
    """Every module file of the package, as ``graph/…/name.py`` (data folders hold none)."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] in ("data", "ontology") or "__pycache__" in relative.parts:
            continue
        found.add("graph/" + relative.as_posix())
    return found


def modules_in_map() -> list[str]:
    """The module each line of the map's list names (``- `graph/…py` — …``)."""
    return re.findall(r"^- `(graph/[^`]+\.py)` — \S", MAP.read_text(encoding="utf-8"), flags=re.MULTILINE)


def test_every_module_has_a_line_in_the_map():
    missing = sorted(modules_on_disk() - set(modules_in_map()))
    assert not missing, f"modules without a line in docs/architecture.md: {missing}"


def test_every_line_of_the_map_names_a_module_that_exists():
    named = modules_in_map()
    assert len(named) == len(set(named)), "a module has two lines in docs/architecture.md"
    gone = sorted(set(named) - modules_on_disk())
    assert not gone, f"docs/architecture.md names modules that do not exist: {gone}"


def test_every_top_level_module_and_package_has_a_layer():
    tops = {p.split("/")[1].removesuffix(".py") for p in modules_on_disk()} - {"__init__"}
    assert tops == set(LAYER_OF), "the layers here and in docs/architecture.md must name every top-level module"
    table = MAP.read_text(encoding="utf-8")
    for name in LAYER_OF:
        assert f"`{name}`" in table or f"`{name}/`" in table, f"{name} is in no layer of docs/architecture.md"


@pytest.fixture(scope="module")
def imports() -> nx.DiGraph:
    """Module → module imports inside ``graph`` (a package's ``__init__`` → its own modules left out)."""
    found = grimp.build_graph("graph", cache_dir=None)
    edges = nx.DiGraph()
    for importer in found.modules:
        for imported in found.find_modules_directly_imported_by(importer):
            if importer == "graph" or imported.startswith(importer + "."):
                continue  # a package's front re-exporting its own modules
            edges.add_edge(importer, imported)
    return edges


def _top(module: str) -> str:
    return module.split(".")[1] if "." in module else module


def test_no_import_circle(imports):
    circles = [sorted(c) for c in nx.strongly_connected_components(imports) if len(c) > 1]
    assert not circles, f"modules that import each other round a circle: {circles}"


def test_no_lower_layer_imports_a_higher_one(imports):
    wrong = []
    for importer, imported in imports.edges:
        a, b = _top(importer), _top(imported)
        if a == b or a not in LAYER_OF or b not in LAYER_OF:
            continue
        if LAYER_OF[a] < LAYER_OF[b] or (LAYER_OF[a] == LAYER_OF[b] != CORE):
            wrong.append(f"{importer} → {imported}")
    assert not wrong, "imports against the layers of docs/architecture.md:\n" + "\n".join(sorted(wrong))


def test_the_circle_check_would_see_a_circle(imports):
    """The checks above look at real edges: the store is imported by the SPARQL front door, not the reverse."""
    assert imports.has_edge("graph.sparql.query", "graph.store.location")
    assert not nx.has_path(imports, "graph.store.base", "graph.sparql.query")
