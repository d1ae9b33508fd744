"""Network analysis of the projections of :mod:`graph.analysis.projections`: centrality, brokers, communities,
partnerships, paths, and the results written back as RDF and tables.

>>> import networkx as nx
>>> import graph.analysis as ga
>>> g = nx.path_graph(["a", "b", "c"])
>>> ga.betweenness(g)["b"], ga.articulation_points(g)
(1.0, ['b'])
"""

from __future__ import annotations

from .backend import EXACT_BETWEENNESS_LIMIT, IGRAPH_THRESHOLD, simple_graph
from .brokers import articulation_points, bridges, broker_table, constraint, effective_size
from .centrality import (
    CENTRALITY_MEASURES,
    betweenness,
    centrality,
    centrality_table,
    closeness,
    degree,
    eigenvector,
    pagerank,
    rank_scores,
    weighted_degree,
)
from .communities import Partition, communities, summarise_communities
from .partnerships import LINK_PREDICTORS, recommend_partners, strongest_ties
from .paths import ConnectionPath, Hop, Statement, connection_paths
from .results import AnalysisRun, analyse, analysis_graph, write_analysis, write_tables

__all__ = [
    "IGRAPH_THRESHOLD",
    "EXACT_BETWEENNESS_LIMIT",
    "simple_graph",
    "degree",
    "weighted_degree",
    "betweenness",
    "closeness",
    "eigenvector",
    "pagerank",
    "centrality",
    "centrality_table",
    "rank_scores",
    "CENTRALITY_MEASURES",
    "constraint",
    "effective_size",
    "articulation_points",
    "bridges",
    "broker_table",
    "communities",
    "summarise_communities",
    "Partition",
    "strongest_ties",
    "recommend_partners",
    "LINK_PREDICTORS",
    "connection_paths",
    "ConnectionPath",
    "Hop",
    "Statement",
    "AnalysisRun",
    "analyse",
    "analysis_graph",
    "write_analysis",
    "write_tables",
]
