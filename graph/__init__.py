"""battery-kg: a knowledge graph of the battery and energy-storage ecosystem.

A flat public API over the modules, in the manner of networkx::

    >>> import graph
    >>> report = graph.build(out=__import__("tempfile").mkdtemp())
    >>> result = graph.query("SELECT (COUNT(*) AS ?n) WHERE { ?s a bkg:Company }",
    ...                      graph.open_store(report.outputs["store"]))
    >>> int(result.rows[0][0]) > 5
    True
"""

from __future__ import annotations

from .analysis import (
    analyse,
    articulation_points,
    betweenness,
    bridges,
    broker_table,
    centrality,
    centrality_table,
    closeness,
    communities,
    connection_paths,
    constraint,
    degree,
    effective_size,
    eigenvector,
    pagerank,
    recommend_partners,
    strongest_ties,
    weighted_degree,
    write_analysis,
)
from .analysis.projections import (
    ACTOR_KINDS,
    entity_network,
    organisation_event_network,
    organisation_place_network,
    partnership_network,
    read_network_data,
)
from .build import BuildReport, assemble, build
from .entities import resolve_entity
from .errors import (
    DataNotConformError,
    KGError,
    NotBuiltError,
    ParseError,
    QueryError,
    StoreError,
    UnknownEntityError,
    UsageError,
)
from .ingest import Extractor, accept, evaluate, ingest_article, read_article, reject
from .layout import DataLayout, OutputLayout
from .namespace import BK, BKG, PREFIXES
from .sources import Source, load_sources
from .sparql import list_saved, load_saved, query, run_saved
from .store import EmbeddedStore, QueryResult, RemoteStore, open_store
from .synth import SynthSummary, synthesize
from .views import Network, display_view, network_html, network_view, write_views

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

# Later modules (analysis, views, sparql, ingest) extend the public API here.
