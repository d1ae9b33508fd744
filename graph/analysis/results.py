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
from itertools import groupby, islice
from pathlib import Path

import networkx as nx
from rdflib import RDF, RDFS, Dataset, Graph, URIRef
from rdflib.namespace import PROV

from ..namespace import ANALYSIS_GRAPH, BASE, BK, BKG
from .backend import paused_gc, simple_graph
from .brokers import articulation_points, bridges, broker_table
from .centrality import CENTRALITY_MEASURES, centrality_table, estimated_measures
from .communities import Partition, communities, summarise_communities
from .partnerships import strongest_ties

__all__ = ["AnalysisRun", "analyse", "analysis_graph", "write_tables", "write_analysis", "ANALYSIS_BASE",
           "DEFAULT_MEASURES"]

ANALYSIS_BASE = BASE + "analysis/"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_DATETIME, _XSD_DOUBLE, _XSD_POSITIVE = _XSD + "dateTime", _XSD + "double", _XSD + "positiveInteger"
DEFAULT_MEASURES = tuple(CENTRALITY_MEASURES)
#: :func:`analyse` leaves closeness out above this many nodes and says so in the run's parameters (``skipped``);
#: ``None``, the default, never: above :data:`~graph.analysis.centrality.EXACT_CLOSENESS_LIMIT` nodes it is
#: estimated from pivots, at the cost of a sampled betweenness.
CLOSENESS_LIMIT: int | None = None
#: Above this many nodes, a run keeps only the first :data:`KEPT_TOP` scores of each measure for the analysis
#: graph and the first :data:`KEPT_TOP` strongest ties (a national network has 100,000 nodes: every score of
#: every measure is 6 million triples, every tie with its evidence half a gigabyte of CSV). The run's
#: parameters say so (``kept_top``); the centrality and broker CSV tables keep every row.
KEPT_ALL_LIMIT = 2_000
KEPT_TOP = 10_000


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
    :data:`CLOSENESS_LIMIT` nodes. The measures estimated from a sample (betweenness and closeness on big
    graphs) are recorded in the parameters (``estimated``: the sample size and seed of each).
    """
    with paused_gc():
        started = dt.datetime.now(dt.UTC).replace(microsecond=0)
        # once, for every measure below and a multigraph's ties (a simple graph's ties keep their evidence)
        simple = simple_graph(graph)
        n = simple.number_of_nodes()
        skipped = [m for m in measures if m == "closeness" and CLOSENESS_LIMIT is not None and n > CLOSENESS_LIMIT]
        measures = [m for m in measures if m not in skipped]
        params = {"measures": list(measures), "seed": seed, **(parameters or {})}
        if skipped:
            params["skipped"] = skipped
        estimated = estimated_measures(n, measures)
        if estimated:
            params["estimated"] = estimated
        kept = KEPT_TOP if n > KEPT_ALL_LIMIT else None
        if kept:
            params["kept_top"] = kept
        partition = communities(simple, seed=seed, backend=backend)
        run = AnalysisRun(
            network=network,
            parameters=params,
            centrality=centrality_table(simple, measures, backend=backend),
            brokers=broker_table(simple),
            partition=partition,
            communities=summarise_communities(simple, partition, places=places),
            ties=strongest_ties(simple if graph.is_multigraph() else graph, top=kept),
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


def _string(text: str, *, lang: str | None = None, datatype: str | None = None) -> str:
    """A literal in N-Triples: JSON's string escapes are N-Triples' (quotes, backslashes, line breaks, control
    characters), so hostile text stays data."""
    quoted = json.dumps(str(text), ensure_ascii=False)
    return f"{quoted}@{lang}" if lang else f"{quoted}^^<{datatype}>" if datatype else quoted


_RDF_TYPE, _RDFS_LABEL = str(RDF.type), str(RDFS.label)
_PROV = str(PROV)


def analysis_ntriples(runs: list[AnalysisRun]) -> bytes:
    """The RDF of the runs (see the module docstring) as N-Triples, in a fixed order: each run, its scores
    measure by measure in rank order, its communities.

    Written as text, not as terms: a national graph has millions of scores, seven triples each.
    """
    with paused_gc():
        lines: list[str] = []
        add = lines.append
        bkg = str(BKG)
        for run in runs:
            r = f"<{run.iri}>"
            network = _string(run.network)
            add(f"{r} <{_RDF_TYPE}> <{bkg}AnalysisRun> .\n"
                f"{r} <{_RDFS_LABEL}> {_string(f'Analysis of the {run.network} network', lang='en')} .\n"
                f"{r} <{bkg}network> {network} .\n"
                f"{r} <{bkg}parameters> {_string(json.dumps(run.parameters, sort_keys=True))} .\n"
                f"{r} <{_PROV}startedAtTime> {_string(run.started.isoformat(), datatype=_XSD_DATETIME)} .\n"
                f"{r} <{_PROV}endedAtTime> {_string(run.ended.isoformat(), datatype=_XSD_DATETIME)} .\n")
            kept = run.parameters.get("kept_top")
            by_size = sorted(run.brokers, key=lambda x: (-x["effective_size"], x["label"]))
            # brokers come ranked by constraint; effective size is ranked by its position in by_size
            rows = [(m, row) for m, group in groupby(run.centrality, key=lambda row: row["measure"])
                    for row in islice(group, kept)] + \
                   [(m, {"node": row["node"], "score": row[m], "rank": row["rank"] if m == "constraint" else i})
                    for m, ordered in (("constraint", run.brokers), ("effective_size", by_size))
                    for i, row in enumerate(islice(ordered, kept), 1)]
            # the same seven triples for every score, from one template
            template = (f"<{{score}}> <{_RDF_TYPE}> <{bkg}Score> .\n"
                        f"<{{score}}> <{bkg}scoreOf> <{{node}}> .\n"
                        f"<{{score}}> <{bkg}measure> {{measure}} .\n"
                        f"<{{score}}> <{bkg}network> {network} .\n"
                        f"<{{score}}> <{bkg}scoreValue> \"{{value}}\"^^<{_XSD_DOUBLE}> .\n"
                        f"<{{score}}> <{bkg}rank> \"{{rank}}\"^^<{_XSD_POSITIVE}> .\n"
                        f"<{{score}}> <{_PROV}wasGeneratedBy> {r} .\n")
            measures: dict[str, str] = {}
            for measure, row in rows:
                if measure not in measures:
                    measures[measure] = _string(measure)
                add(template.format(score=f"{run.iri}/{measure}/{_key(row['node'])}", node=row["node"],
                                    measure=measures[measure], value=float(row["score"]), rank=int(row["rank"])))
            modularity = _string(float(run.partition.modularity), datatype=_XSD_DOUBLE)
            for summary, part in zip(run.communities, run.partition, strict=True):
                community = f"<{run.iri}/community/{summary['community']}>"
                label = (f"Community {summary['community']} of the {run.network} network: "
                         + ", ".join(summary["leading_members"][:3]))
                add(f"{community} <{_RDF_TYPE}> <{bkg}Community> .\n"
                    f"{community} <{_RDFS_LABEL}> {_string(label, lang='en')} .\n"
                    f"{community} <{bkg}network> {network} .\n"
                    f"{community} <{bkg}modularity> {modularity} .\n"
                    f"{community} <{_PROV}wasGeneratedBy> {r} .\n")
                add("".join(f"{community} <{bkg}member> <{member}> .\n" for member in sorted(part, key=str)))
        return "".join(lines).encode("utf-8")


def analysis_graph(runs: list[AnalysisRun]) -> Graph:
    """The RDF of the runs (see the module docstring) as an rdflib graph."""
    return Graph().parse(data=analysis_ntriples(runs), format="nt")


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
    with paused_gc():
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

    ``store`` is a writable :class:`~graph.store.embedded.EmbeddedStore`; by default the store at ``output.store`` is
    opened for writing (no other process may hold it then). A remote store is not written to: load
    ``analysis.trig`` into it.
    """
    from ..atomic import write_bytes
    from ..store import EmbeddedStore

    ntriples = analysis_ntriples(runs)
    trig = Path(output.root) / "analysis.trig"
    write_bytes(trig, _trig(ntriples))
    own = store is None
    if own:
        try:
            store = EmbeddedStore.create(output.store)
        except OSError as exc:  # another process holds the store (a server, say)
            from ..errors import StoreError

            raise StoreError(f"cannot write the analysis graph into {output.store}: {exc}; the graph is in {trig}, "
                             "load it into the store when it is free") from exc
    try:
        store.add_graph(str(ANALYSIS_GRAPH), ntriples, replace=True)
    finally:
        if own:
            store.close()
    written = {"analysis": trig}
    for path in write_tables(runs, output.tables):
        written[path.stem] = path
    from ..folders import OutputLayout
    from ..freshness import record

    record(output if isinstance(output, OutputLayout) else OutputLayout(Path(output.root)), "analysis",
           *(("store-analysis",) if own else ()))
    return written


def _trig(ntriples: bytes) -> bytes:
    """The analysis graph as TriG: rdflib's canonical writer for small graphs (as the build writes its own
    outputs), Oxigraph's above :data:`graph.build.validate.LARGE_GRAPH_TRIPLES` (triples in the order written)."""
    import pyoxigraph as ox

    from ..build.validate import is_large
    from ..namespace import PREFIXES
    from ..terms import to_trig

    if not is_large(ntriples.count(b"\n")):
        dataset = Dataset()
        dataset.graph(ANALYSIS_GRAPH).parse(data=ntriples, format="nt")
        return to_trig(dataset).encode("utf-8")
    name = ox.NamedNode(str(ANALYSIS_GRAPH))
    quads = (ox.Quad(t.subject, t.predicate, t.object, name)
             for t in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES))
    return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=dict(PREFIXES))
