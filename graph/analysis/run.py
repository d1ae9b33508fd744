"""The analysis stage of ``batterykg run``, as a library function: analyse the entity and partnership networks of
the built graph, write the tables and the analysis graph, and say who ranks highest.

>>> import pathlib, tempfile
>>> from graph.example_graphs import EXAMPLE
>>> from graph.folders import OutputLayout
>>> from graph.store import EmbeddedStore
>>> store = EmbeddedStore.create(None)
>>> store.load_nquads(EXAMPLE)
>>> runs = run_analysis(store, OutputLayout(pathlib.Path(tempfile.mkdtemp())), writable=store, echo=lambda line: None)
>>> [run.network for run in runs]
['entity', 'partnership']
"""

from __future__ import annotations

from ..folders import OutputLayout
from .backend import paused_gc
from .projections import ACTOR_KINDS, entity_network, organisation_places, partnership_network, read_network_data
from .results import analyse, write_analysis

__all__ = ["run_analysis"]


def run_analysis(store, output: OutputLayout, *, writable=None, top: int = 5, echo=print) -> list:
    """Analyse the entity and partnership networks of ``store``, write out/tables/*.csv and the analysis graph
    (into ``writable``, else the store at ``output.store`` opened for writing), and print the top entities by
    PageRank and by betweenness. Returns the runs."""
    with paused_gc():  # millions of objects are made and kept: see graph.analysis.backend.paused_gc
        data = read_network_data(store)  # read once, projected three times
        places = organisation_places(data)
        runs = [analyse(entity_network(data), "entity"),
                analyse(partnership_network(data), "partnership", places=places)]
        del data
        if writable is None:
            store.close()
        written = write_analysis(runs, output, store=writable)
    for run in runs:
        # the entity network's summary names who brokers: actors, scored on the whole network
        actors = run.network == "entity"
        for measure in ("pagerank", "betweenness"):
            rows = [row for row in run.centrality if row["measure"] == measure
                    and (not actors or row["kind"] in ACTOR_KINDS)][:top]
            names = ", ".join(f"{row['label']} ({row['score']:.3f})" for row in rows if row["score"] > 0) \
                or "(all zero)"
            echo(f"top {run.network} {'actors ' if actors else ''}by {measure}: {names}")
    echo("(actors: organisations, government bodies and people, scored on the whole entity network; "
         "`batterykg analyze --rank all` ranks every node)")
    echo(f"analysis: {len(written) - 1} tables in {output.tables}, analysis graph in {written['analysis']}")
    return runs
