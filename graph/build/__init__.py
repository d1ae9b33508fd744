"""Build the knowledge graph: read ontology, registry, sources and facts; validate; write the outputs.

The stages, each a module: :mod:`~graph.build.assembly` reads the inputs into per-source chunks;
:mod:`~graph.build.validate` checks them against the shapes (pySHACL, or :mod:`~graph.build.shacl`'s shapes
compiled to SPARQL on a large graph); :mod:`~graph.build.load` loads the new store; :mod:`~graph.build.exports`
writes the files chunk by chunk; :mod:`~graph.build.manifest` records what the inputs were, so that
:mod:`~graph.build.incremental` can rebuild only what changed; :mod:`~graph.build.report` says what the build
found; :mod:`~graph.build.pipeline` runs them in order (:func:`build`, :func:`check`).

>>> LARGE_GRAPH_TRIPLES  # above it, a graph is validated by the compiled shapes and rebuilt incrementally
10000
"""

from __future__ import annotations

from .assembly import assemble
from .pipeline import build, check
from .report import BuildReport
from .validate import LARGE_GRAPH_TRIPLES

__all__ = ["build", "check", "assemble", "BuildReport", "LARGE_GRAPH_TRIPLES"]
