"""Analysis results as data: one run per network, written as RDF (the ``analysis`` graph) and CSV tables.

An :class:`AnalysisRun` holds the centrality and broker scores, the communities and the strongest ties of
one projection. :func:`analysis_graph` turns runs into RDF with the ontology's terms (``bkg:AnalysisRun``,
``bkg:Score`` with ``bkg:scoreOf``, ``bkg:measure``, ``bkg:network``, ``bkg:scoreValue``, ``bkg:rank``;
``bkg:Community`` with ``bkg:member`` and ``bkg:modularity``; ``prov:wasGeneratedBy`` each to its run).
IRIs are deterministic: the run is named by its network and parameters, a score by run, measure and entity,
so a rerun replaces, never duplicates. :func:`write_analysis` puts the graph into the store (named graph
``https://w3id.org/battery-kg/graph/analysis`` and the union default graph), into ``out/analysis.trig``, and
the tables into ``out/tables/``.

>>> import networkx as nx
>>> g = nx.Graph([("https://w3id.org/battery-kg/id/a", "https://w3id.org/battery-kg/id/b")])
>>> run = analyse(g, "partnership", measures=["degree"])
>>> rdf = analysis_graph([run])
>>> sorted({str(o).rsplit("#")[-1] for o in rdf.objects(None, RDF.type)})
['AnalysisRun', 'Community', 'Score']
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV

from ..namespace import ANALYSIS_GRAPH, BASE, BK, BKG
from .backend import simple_graph
from .brokers import articulation_points, bridges, broker_table
from .centrality import CENTRALITY_MEASURES, centrality_table
from .communities import Partition, communities, summarise_communities
from .partnerships import strongest_ties

__all__ = ["AnalysisRun", "analyse", "analysis_graph", "write_tables", "write_analysis", "ANALYSIS_BASE",
           "DEFAULT_MEASURES"]

ANALYSIS_BASE = BASE + "analysis/"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_DATETIME, _XSD_DOUBLE, _XSD_POSITIVE = URIRef(_XSD + "dateTime"), URIRef(_XSD + "double"), URIRef(
    _XSD + "positiveInteger")
DEFAULT_MEASURES = tuple(CENTRALITY_MEASURES)
#: Closeness is exact (a breadth-first search from every node, O(n m)); :func:`analyse` leaves it out above this
#: many nodes and says so in the run's parameters (``skipped``).
CLOSENESS_LIMIT = 20_000


@dataclass
class AnalysisRun:
    """Everything one analysis of one network found."""

    network: str
    parameters: dict
    centrality: list[dict]
    brokers: list[dict]
    partition: Partition
    communities: list[dict]
    ties: list[dict]
    articulation_points: list
    bridges: list
    started: dt.datetime
    ended: dt.datetime
    labels: dict = field(default_factory=dict)

    @property
    def iri(self) -> URIRef:
        digest = hashlib.sha1(json.dumps(self.parameters, sort_keys=True).encode()).hexdigest()[:10]
        return URIRef(f"{ANALYSIS_BASE}{self.network}-{digest}")

    def top(self, measure: str, n: int = 5) -> list[dict]:
        """The first ``n`` rows of a centrality measure."""
        return [row for row in self.centrality if row["measure"] == measure][:n]


def analyse(graph: nx.Graph, network: str, *, measures=DEFAULT_MEASURES, seed: int = 42,
            places: dict | None = None, parameters: dict | None = None, backend: str = "auto") -> AnalysisRun:
    """Run every measure on one projection: centrality, brokers, communities, strongest ties.

    ``parameters`` (the filters, say) are recorded with the run and name it; ``places`` feeds the community
    summaries (see :func:`~graph.analysis.communities.summarise_communities`). Closeness is skipped above
    :data:`CLOSENESS_LIMIT` nodes.
    """
    started = dt.datetime.now(dt.UTC).replace(microsecond=0)
    simple = simple_graph(graph)  # once, for every measure below (the ties keep their evidence from graph)
    skipped = [m for m in measures if m == "closeness" and simple.number_of_nodes() > CLOSENESS_LIMIT]
    measures = [m for m in measures if m not in skipped]
    params = {"measures": list(measures), "seed": seed, **(parameters or {})}
    if skipped:
        params["skipped"] = skipped
    partition = communities(simple, seed=seed, backend=backend)
    run = AnalysisRun(
        network=network,
        parameters=params,
        centrality=centrality_table(simple, measures, backend=backend),
        brokers=broker_table(simple),
        partition=partition,
        communities=summarise_communities(simple, partition, places=places),
        ties=strongest_ties(graph, top=None),
        articulation_points=articulation_points(simple),
        bridges=bridges(simple),
        started=started,
        ended=dt.datetime.now(dt.UTC).replace(microsecond=0),
        labels={n: d.get("label", str(n)) for n, d in graph.nodes(data=True)},
    )
    return run


def _key(node) -> str:
    text = str(node)
    if text.startswith(str(BK)) and "/" not in text[len(str(BK)):]:
        return text[len(str(BK)):]
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def analysis_graph(runs: list[AnalysisRun]) -> Graph:
    """The RDF of the runs (see the module docstring)."""
    g = Graph()
    for run in runs:
        r = run.iri
        g.add((r, RDF.type, BKG.AnalysisRun))
        g.add((r, RDFS.label, Literal(f"Analysis of the {run.network} network", lang="en")))
        g.add((r, BKG.network, Literal(run.network)))
        g.add((r, BKG.parameters, Literal(json.dumps(run.parameters, sort_keys=True))))
        g.add((r, PROV.startedAtTime, Literal(run.started.isoformat(), datatype=_XSD_DATETIME)))
        g.add((r, PROV.endedAtTime, Literal(run.ended.isoformat(), datatype=_XSD_DATETIME)))
        rows = [(row["measure"], row) for row in run.centrality] + \
               [(m, {"node": row["node"], "score": row[m], "rank": row["rank"] if m == "constraint" else None})
                for row in run.brokers for m in ("constraint", "effective_size")]
        ranks = {row["node"]: i for i, row in enumerate(sorted(run.brokers, key=lambda x: (-x["effective_size"],
                                                                                             x["label"])), 1)}
        for measure, row in rows:
            score = URIRef(f"{r}/{measure}/{_key(row['node'])}")
            rank = row["rank"] if row["rank"] is not None else ranks[row["node"]]
            g.add((score, RDF.type, BKG.Score))
            g.add((score, BKG.scoreOf, URIRef(str(row["node"]))))
            g.add((score, BKG.measure, Literal(measure)))
            g.add((score, BKG.network, Literal(run.network)))
            g.add((score, BKG.scoreValue, Literal(float(row["score"]), datatype=_XSD_DOUBLE)))
            g.add((score, BKG.rank, Literal(int(rank), datatype=_XSD_POSITIVE)))
            g.add((score, PROV.wasGeneratedBy, r))
        for summary, part in zip(run.communities, run.partition, strict=True):
            community = URIRef(f"{r}/community/{summary['community']}")
            g.add((community, RDF.type, BKG.Community))
            g.add((community, RDFS.label, Literal(
                f"Community {summary['community']} of the {run.network} network: "
                + ", ".join(summary["leading_members"][:3]), lang="en")))
            g.add((community, BKG.network, Literal(run.network)))
            g.add((community, BKG.modularity, Literal(float(run.partition.modularity), datatype=_XSD_DOUBLE)))
            g.add((community, PROV.wasGeneratedBy, r))
            for member in sorted(part, key=str):
                g.add((community, BKG.member, URIRef(str(member))))
    return g


_TABLE_COLUMNS = {
    "centrality": ["measure", "rank", "label", "kind", "score", "normalised", "node"],
    "brokers": ["rank", "label", "kind", "constraint", "effective_size", "articulation_point", "node"],
    "communities": ["community", "size", "kinds", "places", "leading_members", "members"],
    "ties": ["u_label", "v_label", "weight", "relations", "sources", "evidence", "u", "v"],
}


def _cell(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, list):
        return "; ".join(_evidence(v) if isinstance(v, dict) else str(v) for v in value)
    return str(value)


def _evidence(item: dict) -> str:
    via = f" via {item['via_label']}" if item.get("via_label") else ""
    return f"{item['relation']}{via} ({round(item['weight'], 6)}; {', '.join(item['sources'])})"


def table_csv(rows: list[dict], columns: list[str]) -> str:
    """Rows as CSV text with these columns (lists joined with ``; ``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c, "")) for c in columns])
    return buffer.getvalue()


def write_tables(runs: list[AnalysisRun], folder: Path) -> list[Path]:
    """``<table>-<network>.csv`` for centrality, brokers, communities and ties of every run."""
    from ..atomic import write_text

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for run in runs:
        tables = {"centrality": run.centrality, "brokers": run.brokers, "communities": run.communities,
                  "ties": run.ties}
        for name, rows in tables.items():
            path = folder / f"{name}-{run.network}.csv"
            write_text(path, table_csv(rows, _TABLE_COLUMNS[name]))
            written.append(path)
    return written


def write_analysis(runs: list[AnalysisRun], output, *, store=None) -> dict[str, Path]:
    """Write the runs: the analysis graph into ``output.root / "analysis.trig"`` and into the store, the tables
    into ``output.tables``.

    ``store`` is a writable :class:`~graph.store.EmbeddedStore`; by default the store at ``output.store`` is
    opened for writing (no other process may hold it then). A remote store is not written to: load
    ``analysis.trig`` into it.
    """
    from ..atomic import write_text
    from ..serialize import to_trig
    from ..store import EmbeddedStore

    rdf = analysis_graph(runs)
    dataset = Dataset()
    target = dataset.graph(ANALYSIS_GRAPH)
    for triple in rdf:
        target.add(triple)
    trig = Path(output.root) / "analysis.trig"
    write_text(trig, to_trig(dataset))
    ntriples = rdf.serialize(format="nt", encoding="utf-8")
    own = store is None
    if own:
        try:
            store = EmbeddedStore.create(output.store)
        except OSError as exc:  # another process holds the store (a server, say)
            from ..errors import StoreError

            raise StoreError(f"cannot write the analysis graph into {output.store}: {exc}; the graph is in {trig}, "
                             "load it into the store when it is free") from exc
    try:
        store.add_graph(str(ANALYSIS_GRAPH), ntriples)
    finally:
        if own:
            store.close()
    written = {"analysis": trig}
    for path in write_tables(runs, output.tables):
        written[path.stem] = path
    return written
