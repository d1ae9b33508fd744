"""The graph's files — TriG (every named graph), Turtle (their union) and JSON-LD — written chunk by chunk (see
:mod:`graph.build.assembly`), so that a build of a large graph which changed a few sources rewrites a few chunks.

Each file is a header, the chunks in order (ontology, registry, publishers, then the sources by id) and a
footer. Oxigraph serialises each chunk; the lengths of every chunk in every file are kept in the build's
manifest, and an incremental build copies the bytes of the chunks it did not change from the previous files.
A TriG file may name the provenance graph in several blocks (one per source) and a JSON-LD file may hold
several objects of one graph: both mean the one graph. The Turtle union lists each triple once, in the chunk
of its first holder.

>>> import pyoxigraph as ox
>>> quad = ox.Quad(ox.NamedNode("https://w3id.org/battery-kg/id/a"), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
...                ox.Literal("A", language="en"), ox.NamedNode("https://w3id.org/battery-kg/graph/registry"))
>>> chunk = render_chunk("registry", [quad], [quad.triple])
>>> print(chunk.trig.decode())
kgg:registry {
	bk:a rdfs:label "A"@en .
}
<BLANKLINE>
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from .. import atomic
from ..folders import OutputLayout
from ..namespace import PREFIXES

__all__ = ["RenderedChunk", "render_chunk", "assemble_files", "splice_files", "write_files", "file_sizes", "EXPORTS",
           "union_lines"]

#: The files, in the order of the lengths kept per chunk.
EXPORTS = ("trig", "turtle", "jsonld")

_PREFIX_LINES = b"".join(f"@prefix {p}: <{iri}> .\n".encode() for p, iri in sorted(PREFIXES.items()))
_HEADERS = {"trig": _PREFIX_LINES + b"\n", "turtle": _PREFIX_LINES + b"\n", "jsonld": b"["}
_FOOTERS = {"trig": b"", "turtle": b"", "jsonld": b"]\n"}


@dataclass(frozen=True)
class RenderedChunk:
    """One chunk as it stands in each file."""

    key: str
    trig: bytes
    turtle: bytes
    jsonld: bytes

    def lengths(self) -> list[int]:
        return [len(self.trig), len(self.turtle), len(self.jsonld)]


def _without_prefixes(text: bytes) -> bytes:
    """Oxigraph's output without the prefix lines it starts with (the file has one header of its own)."""
    start = 0
    while text.startswith(b"@prefix ", start):
        start = text.index(b"\n", start) + 1
    return text[start:]


def render_chunk(key: str, quads: list[ox.Quad], union: Iterable) -> RenderedChunk:
    """Serialise a chunk: its quads for TriG and JSON-LD, and ``union`` (its share of the union's triples) for
    Turtle. JSON-LD chunks start with the comma that joins them to what comes before."""
    prefixes = dict(PREFIXES)
    trig = _without_prefixes(ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=prefixes)) if quads else b""
    turtle = _without_prefixes(ox.serialize(union, format=ox.RdfFormat.TURTLE, prefixes=prefixes))
    jsonld = b""
    if quads:
        array = ox.serialize(quads, format=ox.RdfFormat.JSON_LD)
        jsonld = b"," + array[1:-1]
    return RenderedChunk(key, trig, turtle, jsonld)


def union_lines(quads: list[ox.Quad], seen: set[bytes]) -> list[bytes]:
    """The N-Triples lines of the triples of ``quads`` not yet in ``seen`` (which they are added to)."""
    text = ox.serialize((q.triple for q in quads), format=ox.RdfFormat.N_TRIPLES)
    lines = [line for line in dict.fromkeys(text.splitlines()) if line not in seen]
    seen.update(lines)
    return lines


def _paths(output: OutputLayout) -> dict[str, object]:
    return {"trig": output.trig, "turtle": output.turtle, "jsonld": output.jsonld}


def _assemble_file(name: str, bodies: Iterable[bytes]) -> bytes:
    body = b"".join(bodies)
    if name == "jsonld":
        body = body[1:]  # the first chunk's joining comma
    return _HEADERS[name] + body + _FOOTERS[name]


def assemble_files(chunks: list[RenderedChunk]) -> tuple[dict[str, list[int]], dict[str, bytes]]:
    """The three files made of ``chunks``, and each chunk's lengths in them (for the manifest)."""
    return ({c.key: c.lengths() for c in chunks},
            {name: _assemble_file(name, (getattr(c, name) for c in chunks)) for name in EXPORTS})


def file_sizes(index: dict[str, list[int]]) -> dict[str, int]:
    """The size each file must have, from the chunk lengths of ``index`` (to check the files before splicing)."""
    sizes = {}
    for column, name in enumerate(EXPORTS):
        body = sum(lengths[column] for lengths in index.values())
        sizes[name] = len(_HEADERS[name]) + body - (1 if name == "jsonld" and body else 0) + len(_FOOTERS[name])
    return sizes


def splice_files(output: OutputLayout, index: dict[str, list[int]], order: list[str],
                 replaced: dict[str, RenderedChunk]) -> tuple[dict[str, list[int]], dict[str, bytes]]:
    """The three files with the chunks of ``replaced`` serialised anew and the others copied from the previous
    files, in the chunk ``order``; a key of ``index`` missing from ``order`` is dropped.

    Returns the new index and the new files' bytes (not yet written: the caller writes them once the store
    is ready too)."""
    new_index, files = {}, {}
    for column, name in enumerate(EXPORTS):
        old = _paths(output)[name].read_bytes()
        body = old[len(_HEADERS[name]):len(old) - len(_FOOTERS[name])]
        if name == "jsonld" and body:
            body = b"," + body
        offsets, position = {}, 0
        for key, lengths in index.items():
            offsets[key] = (position, position + lengths[column])
            position += lengths[column]
        if position != len(body):
            raise ValueError(f"{_paths(output)[name]} does not match the manifest")
        pieces = []
        for key in order:
            if key in replaced:
                pieces.append(getattr(replaced[key], name))
            else:
                start, end = offsets[key]
                pieces.append(body[start:end])
        files[name] = _assemble_file(name, pieces)
    for key in order:
        new_index[key] = replaced[key].lengths() if key in replaced else index[key]
    return new_index, files


def write_files(output: OutputLayout, files: dict[str, bytes]) -> None:
    """Write the files :func:`assemble_files` or :func:`splice_files` made, each atomically."""
    for name in EXPORTS:
        atomic.write_bytes(_paths(output)[name], files[name])
