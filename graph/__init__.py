"""battery-kg: a knowledge graph of the battery and energy-storage ecosystem.

A flat public API over the modules, in the manner of networkx::

    >>> import graph
    >>> report = graph.build(out=__import__("tempfile").mkdtemp())
    >>> result = graph.query("SELECT (COUNT(*) AS ?n) WHERE { ?s a bkg:Company }",
    ...                      graph.open_store(report.outputs["store"]))
    >>> int(result.rows[0][0]) > 5
    True

Each name is imported when it is first used (PEP 562), so ``import graph`` and ``batterykg --help`` do not pay for
pySHACL, networkx, numpy or pyvis until a command needs them.
"""

from __future__ import annotations

import importlib
import sys
import types

__version__ = "0.1.0"

__all__ = [
    "build",
    "assemble",
    "BuildReport",
    "query",
    "QueryResult",
    "open_store",
    "EmbeddedStore",
    "RemoteStore",
    "run_saved",
    "list_saved",
    "load_saved",
    "load_sources",
    "Source",
    "DataLayout",
    "OutputLayout",
    "BK",
    "BKG",
    "PREFIXES",
    "KGError",
    "ParseError",
    "DataNotConformError",
    "NotBuiltError",
    "QueryError",
    "StoreError",
    "UnknownEntityError",
    "UsageError",
    "Network",
    "network_view",
    "network_html",
    "write_views",
    "display_view",
    "resolve_entity",
    "entity_network",
    "partnership_network",
    "organisation_event_network",
    "organisation_place_network",
    "read_network_data",
    "degree",
    "weighted_degree",
    "betweenness",
    "closeness",
    "eigenvector",
    "pagerank",
    "centrality",
    "centrality_table",
    "constraint",
    "effective_size",
    "articulation_points",
    "bridges",
    "broker_table",
    "communities",
    "strongest_ties",
    "recommend_partners",
    "connection_paths",
    "ACTOR_KINDS",
    "analyse",
    "write_analysis",
    "Extractor",
    "ingest_article",
    "read_article",
    "accept",
    "reject",
    "evaluate",
    "synthesize",
    "SynthSummary",
]

#: Where each public name lives (package-relative module → its names).
_SOURCES = {
    "analysis": (
        "analyse", "articulation_points", "betweenness", "bridges", "broker_table", "centrality",
        "centrality_table", "closeness", "communities", "connection_paths", "constraint", "degree",
        "effective_size", "eigenvector", "pagerank", "recommend_partners", "strongest_ties", "weighted_degree",
        "write_analysis",
    ),
    "analysis.projections": (
        "ACTOR_KINDS", "entity_network", "organisation_event_network", "organisation_place_network",
        "partnership_network", "read_network_data",
    ),
    "build": ("BuildReport", "assemble", "build"),
    "entities": ("resolve_entity",),
    "errors": (
        "DataNotConformError", "KGError", "NotBuiltError", "ParseError", "QueryError", "StoreError",
        "UnknownEntityError", "UsageError",
    ),
    "folders": ("DataLayout", "OutputLayout"),
    "ingest": ("Extractor", "accept", "evaluate", "ingest_article", "read_article", "reject"),
    "namespace": ("BK", "BKG", "PREFIXES"),
    "sources": ("Source", "load_sources"),
    "sparql": ("list_saved", "load_saved", "query", "run_saved"),
    "store": ("EmbeddedStore", "QueryResult", "RemoteStore", "open_store"),
    "synth": ("SynthSummary", "synthesize"),
    "views": ("Network", "display_view", "network_html", "network_view", "write_views"),
}
_HOME = {name: module for module, names in _SOURCES.items() for name in names}


def __getattr__(name: str):
    """The public name ``name``, imported on first use (then kept); a sub-package by its name too."""
    module = _HOME.get(name)
    if module is None:
        if name.startswith("_"):
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        try:
            return importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    setattr(sys.modules[__name__], name, value)
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOME))


class _FlatFront(types.ModuleType):
    """The ``graph`` module: ``graph.build`` stays the function ``build`` when the ``graph.build`` package loads.

    Importing a sub-package sets it as an attribute of its parent; with eager imports the function, imported
    afterwards, took the name back. Loaded lazily, the package would come later and shadow the function.
    """

    def __setattr__(self, name: str, value) -> None:
        if name in _HOME and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _FlatFront
