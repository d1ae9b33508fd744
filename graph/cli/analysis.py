"""``batterykg analyze``, ``path`` and ``recommend``: network analysis of the built graph; a stage of
``batterykg run`` that writes out/tables/*.csv and the analysis graph and prints the top entities."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import typer

from ..errors import NotConnectedError, UsageError
from ..folders import DataLayout, OutputLayout
from . import app
from .core import OutOption, StoreOption, store_for

NETWORKS = ("entity", "partnership", "organisation-event", "organisation-place")
OUTPUT_FORMATS = ("table", "csv", "json")

SinceOption = typer.Option(None, "--since", help="Only facts on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).")
UntilOption = typer.Option(None, "--until", help="Only facts on or before this date.")
WithinOption = typer.Option(None, "--within", help="Only what is located in this place (name or IRI).")
ReviewedOption = typer.Option(False, "--reviewed-only", help="Leave extracted candidate facts out.")
FormatOption = typer.Option("table", "--format", "-f", help="table, csv or json.")
TopOption = typer.Option(10, "--top", "-n", help="How many rows per measure.")


def _project(store, network: str, since, until, within, reviewed_only):
    from ..analysis import projections

    functions = {"entity": projections.entity_network, "partnership": projections.partnership_network,
                 "organisation-event": projections.organisation_event_network,
                 "organisation-place": projections.organisation_place_network}
    _check_network(network)
    return functions[network](store, since=since, until=until, within=within, include_candidates=not reviewed_only)


def _check_network(network: str) -> None:
    if network not in NETWORKS:
        raise UsageError(f"unknown network {network!r}: use one of {', '.join(NETWORKS)}")


def _check_format(fmt: str) -> None:
    if fmt not in OUTPUT_FORMATS:
        raise UsageError(f"unknown format {fmt!r}: use one of {', '.join(OUTPUT_FORMATS)}")


def _table(title: str, columns: list[str], rows: list[list]) -> str:
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns, title=title, title_justify="left")
    for row in rows:
        table.add_row(*(str(cell) for cell in row))
    buffer = io.StringIO()
    Console(file=buffer, width=160, color_system=None, highlight=False).print(table)
    return buffer.getvalue()


def _number(value) -> str:
    return f"{value:.4f}" if isinstance(value, float) else str(value)


BROKER_NAMES = ("constraint", "effective_size")
#: What ``analyze --rank`` may rank, and how the output says it.
RANKINGS = {
    "actors": "actors only (organisations, government bodies, people; scores computed on the whole network; "
              "--rank all for every node)",
    "all": "every node",
}
SECTION_NAMES = ("communities", "ties", "brokers")


@app.command("analyze")
def analyze_command(
    network: str = typer.Option("entity", "--network", help=f"One of: {', '.join(NETWORKS)}."),
    measure: list[str] = typer.Option(
        ["pagerank", "betweenness"], "--measure", "-m",
        help="degree, weighted_degree, betweenness, closeness, eigenvector, pagerank; brokers (constraint, "
             "effective_size, cut points); communities; ties (strongest ties). Repeat for several."),
    top: int = TopOption,
    since: str | None = SinceOption,
    until: str | None = UntilOption,
    within: str | None = WithinOption,
    reviewed_only: bool = ReviewedOption,
    fmt: str = FormatOption,
    seed: int = typer.Option(42, "--seed", help="Random seed of Louvain (communities)."),
    rank: str | None = typer.Option(
        None, "--rank", help="actors: rank organisations, government bodies and people (the default on the entity "
        "network; scores are computed on the whole network); all: every node (the default on the others)."),
    out: Path | None = OutOption,
    store: str | None = StoreOption,
) -> None:
    """Rank the entities of a network by centrality or brokerage, find its communities or its strongest ties.

    On the entity network, the rankings show who acts — organisations, government bodies, people — by
    default: topics, places and events are bridges of that network and count in every score, but are not
    ranked; `--rank all` ranks every node. The output says which was used.

    Exit 2 for an unknown measure, network, format, place or --rank, or when the graph has not been built.
    """
    from ..analysis import (
        CENTRALITY_MEASURES,
        broker_table,
        centrality_table,
        communities,
        simple_graph,
        strongest_ties,
        summarise_communities,
    )
    from ..analysis.backend import paused_gc
    from ..analysis.projections import ACTOR_KINDS, read_network_data

    _check_format(fmt)
    _check_network(network)  # before the store is read: a typo should not wait for a national graph
    rank = rank or ("actors" if network == "entity" else "all")
    if rank not in RANKINGS:
        raise UsageError(f"--rank {rank}: use one of {', '.join(RANKINGS)}")
    kinds = ACTOR_KINDS if rank == "actors" else None
    known = set(CENTRALITY_MEASURES) | set(BROKER_NAMES) | set(SECTION_NAMES)
    for name in measure:
        if name not in known:
            raise UsageError(f"unknown measure {name!r}: use one of {', '.join(sorted(known))}")
    with paused_gc():  # millions of objects are made and kept: see graph.analysis.backend.paused_gc
        target = store_for(store, out)
        data = read_network_data(target)  # read once: the community summaries project again
        graph = _project(data, network, since, until, within, reviewed_only)
        simple = simple_graph(graph)  # once for every measure (and a multigraph's ties)
        central = [m for m in measure if m in CENTRALITY_MEASURES]
        result: dict = {"network": network, "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
                        "filter": graph.graph["filter"].parameters(), "ranked": rank}
        result["centrality"] = centrality_table(simple, central, top=top, kinds=kinds) if central else []
        if any(m in BROKER_NAMES or m == "brokers" for m in measure):
            result["brokers"] = broker_table(simple, top=top, kinds=kinds)
        if "communities" in measure:
            partition = communities(simple, seed=seed)
            result["modularity"] = round(partition.modularity, 6)
            places = None
            if network != "entity":
                from ..analysis.projections import organisation_places

                places = organisation_places(data, since=since, until=until, within=within,
                                             include_candidates=not reviewed_only)
            result["communities"] = summarise_communities(simple, partition, places=places)[:top]
        if "ties" in measure:
            # a multigraph's ties are those of its simple graph, made once above
            result["ties"] = strongest_ties(simple if graph.is_multigraph() else graph, top=top)
    _emit(result, fmt, central)


def _emit(result: dict, fmt: str, central: list[str]) -> None:
    from ..analysis.results import _TABLE_COLUMNS, table_csv

    if fmt == "json":
        typer.echo(json.dumps(result, indent=2, ensure_ascii=False, default=str))
        return
    if fmt == "csv":  # the CSV stays plain rows: which nodes were ranked goes to stderr
        typer.echo(f"{result['network']} network, ranked: {RANKINGS[result['ranked']]}", err=True)
        parts = []
        for name in ("centrality", "brokers", "communities", "ties"):
            if result.get(name):
                parts.append(table_csv(result[name], _TABLE_COLUMNS[name]))
        sys.stdout.write("\n".join(parts))
        return
    text = [f"{result['network']} network: {result['nodes']} nodes, {result['edges']} edges; ranked: "
            + RANKINGS[result["ranked"]] + "\n"]
    for measure in central:
        rows = [r for r in result["centrality"] if r["measure"] == measure]
        text.append(_table(f"{measure}", ["rank", "entity", "kind", "score", "normalised"],
                           [[r["rank"], r["label"], r["kind"], _number(r["score"]), _number(r["normalised"])]
                            for r in rows]))
    if "brokers" in result:
        text.append(_table("brokers (lowest constraint first)",
                           ["rank", "entity", "kind", "constraint", "effective size", "cut point"],
                           [[r["rank"], r["label"], r["kind"], _number(r["constraint"]),
                             _number(r["effective_size"]), "yes" if r["articulation_point"] else ""]
                            for r in result["brokers"]]))
    if "communities" in result:
        text.append(_table(f"communities (modularity {result['modularity']:.4f})",
                           ["#", "size", "kinds", "places", "leading members"],
                           [[c["community"], c["size"], ", ".join(f"{k} {v}" for k, v in c["kinds"].items()),
                             ", ".join(c["places"]), ", ".join(c["leading_members"])]
                            for c in result["communities"]]))
    if "ties" in result:
        text.append(_table("strongest ties", ["weight", "between", "and", "evidence"],
                           [[_number(t["weight"]), t["u_label"], t["v_label"],
                             "; ".join(_evidence(e) for e in t["evidence"]) or ", ".join(t["relations"])]
                            for t in result["ties"]]))
    typer.echo("\n".join(text).rstrip("\n"))


def _evidence(item: dict) -> str:
    via = f" at {item['via_label']}" if item.get("via_label") else ""
    return f"{item['relation']}{via} [{', '.join(item['sources'])}]"


@app.command("path")
def path_command(
    a: str = typer.Argument(..., help="An entity: label, alias or IRI."),
    b: str = typer.Argument(..., help="Another entity."),
    limit: int = typer.Option(5, "--limit", help="At most this many shortest paths."),
    exclude: list[str] = typer.Option([], "--exclude",
                                      help="A class paths may not pass through, with its subclasses (Technology; "
                                           "Place: every city, province, park ...). Repeat for several."),
    since: str | None = SinceOption,
    until: str | None = UntilOption,
    reviewed_only: bool = ReviewedOption,
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    out: Path | None = OutOption,
    store: str | None = StoreOption,
) -> None:
    """How two entities are connected: the shortest paths, each hop with its relation, its sources and the
    sentence that states it. Exit 1 when they are not connected, 2 for an unknown or ambiguous name."""
    from ..analysis import connection_paths

    if fmt not in ("table", "json"):
        raise UsageError(f"unknown format {fmt!r}: use table or json")
    from ..analysis.projections import entity_network

    target = store_for(store, out)
    network = entity_network(target, since=since, until=until, include_candidates=not reviewed_only)
    paths = connection_paths(target, a, b, network=network, limit=limit, exclude_kinds=exclude)
    if fmt == "json":
        typer.echo(json.dumps([p.as_dict() for p in paths], indent=2, ensure_ascii=False))
    else:
        for number, path in enumerate(paths, start=1):
            typer.echo(f"path {number} ({len(path.hops)} hops): {path.text()}")
            for hop in path.hops:
                for s in hop.statements:
                    subject, obj = (hop.start_label, hop.end_label) if s.subject == hop.start else \
                        (hop.end_label, hop.start_label)
                    where = f" [{', '.join(s.sources)}]" if s.sources else " [registry]"
                    typer.echo(f"  {subject} —{s.relation}→ {obj}{where}")
                    for sentence in s.sentences:
                        typer.echo(f"      “{sentence}”")
            typer.echo("")
    if not paths:
        if exclude and connection_paths(target, a, b, network=network, limit=1):
            raise NotConnectedError(f"{a!r} and {b!r} are connected only through what --exclude "
                                    f"{' --exclude '.join(exclude)} leaves out: every path passes through "
                                    "an entity of an excluded class")
        raise NotConnectedError(f"{a!r} and {b!r} are not connected in the entity network")


@app.command("recommend")
def recommend_command(
    organisation: str = typer.Argument(..., help="An organisation: label, alias or IRI."),
    method: str = typer.Option("adamic_adar", "--method",
                               help="adamic_adar, resource_allocation or jaccard: the score that ranks."),
    top: int = TopOption,
    since: str | None = SinceOption,
    until: str | None = UntilOption,
    within: str | None = WithinOption,
    reviewed_only: bool = ReviewedOption,
    fmt: str = FormatOption,
    out: Path | None = OutOption,
    store: str | None = StoreOption,
) -> None:
    """Likely next partners of an organisation in the partnership network, each with the shared partners
    that justify it. Exit 2 for an unknown or ambiguous name."""
    from ..analysis import recommend_partners
    from ..entities import resolve_entity
    from ..errors import UnknownEntityError

    _check_format(fmt)
    target = store_for(store, out)
    node = resolve_entity(target, organisation)
    graph = _project(target, "partnership", since, until, within, reviewed_only)
    if node not in graph:
        raise UnknownEntityError(f"{organisation!r} has no ties in the partnership network")
    rows = recommend_partners(graph, node, method=method, top=top)
    if fmt == "json":
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        from ..analysis.results import table_csv

        sys.stdout.write(table_csv(rows, ["rank", "label", "kind", "adamic_adar", "resource_allocation", "jaccard",
                                          "shared_labels", "node"]))
    else:
        typer.echo(_table(f"likely partners of {graph.nodes[node]['label']} (by {method})",
                          ["rank", "organisation", "kind", "adamic-adar", "resource alloc.", "jaccard", "shared"],
                          [[r["rank"], r["label"], r["kind"], _number(r["adamic_adar"]),
                            _number(r["resource_allocation"]), _number(r["jaccard"]), ", ".join(r["shared_labels"])]
                           for r in rows]).rstrip("\n"))


def analysis_stage(data_layout: DataLayout, output: OutputLayout) -> None:
    """The analysis stage of `batterykg run`: right after the build, before the views."""
    from ..analysis.run import run_analysis
    from ..store import open_store

    run_analysis(open_store(output.store), output, echo=typer.echo)
