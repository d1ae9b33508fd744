"""A human-readable page of the ontology and its shapes, generated from ``ontology/*.ttl``.

``python -m graph.ontology_doc`` rewrites ``ontology/battery.md``; a test checks the committed page is
up to date.

>>> page = render()
>>> page.startswith("# battery-kg ontology")
True
>>> "| `bkg:partnerOf` |" in page
True
>>> "| `bks:EventShape` |" in page
True
"""

from __future__ import annotations

import sys

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

from .folders import ontology_file, shapes_file
from .terms import compact

__all__ = ["render", "main"]


#: Namespaces the page names that queries do not predeclare: the shapes, and W3C ORG.
_MORE_PREFIXES = {"bks": "https://w3id.org/battery-kg/shapes#", "org": "http://www.w3.org/ns/org#"}


def _name(term) -> str:
    """``bkg:Company``, ``bks:EventShape``, ``org:Organization``: the short name of a term."""
    for prefix, iri in _MORE_PREFIXES.items():
        if str(term).startswith(iri):
            return f"{prefix}:{str(term)[len(iri):]}"
    return compact(term)


def _cell(text: object) -> str:
    return str(text or "").replace("|", "\\|").replace("\n", " ")


def _names(graph: Graph, node, prop) -> str:
    return ", ".join(f"`{_name(o)}`" for o in sorted(graph.objects(node, prop), key=str))


def render() -> str:
    """The Markdown page."""
    ontology = Graph().parse(ontology_file())
    shapes = Graph().parse(shapes_file())
    ours = "https://w3id.org/battery-kg/ontology#"
    lines = ["# battery-kg ontology", "",
             "Generated from `ontology/battery.ttl` and `ontology/shapes.ttl` by `python -m graph.ontology_doc`;",
             "do not edit by hand. Namespace: `bkg:` = `" + ours + "`.", ""]

    lines += ["## Classes", "", "| class | label | sub-class of | meaning |", "|---|---|---|---|"]
    for cls in sorted(s for s in ontology.subjects(RDF.type, OWL.Class) if str(s).startswith(ours)):
        lines.append(f"| `{_name(cls)}` | {_cell(ontology.value(cls, RDFS.label))} | "
                     f"{_names(ontology, cls, RDFS.subClassOf)} | {_cell(ontology.value(cls, RDFS.comment))} |")

    lines += ["", "## Properties", "",
              "| property | label | sub-property of | domain | range | meaning |", "|---|---|---|---|---|---|"]
    props = {s for kind in (OWL.ObjectProperty, OWL.DatatypeProperty) for s in ontology.subjects(RDF.type, kind)}
    for prop in sorted(p for p in props if str(p).startswith(ours)):
        symmetric = " (symmetric)" if (prop, RDF.type, OWL.SymmetricProperty) in ontology else ""
        lines.append(f"| `{_name(prop)}`{symmetric} | {_cell(ontology.value(prop, RDFS.label))} | "
                     f"{_names(ontology, prop, RDFS.subPropertyOf)} | {_names(ontology, prop, RDFS.domain)} | "
                     f"{_names(ontology, prop, RDFS.range)} | {_cell(ontology.value(prop, RDFS.comment))} |")

    reused = sorted(s for s in ontology.subjects(RDFS.isDefinedBy, URIRef("https://schema.org/")))
    lines += ["", "## schema.org terms used as they are", "",
              ", ".join(f"`{_name(p)}`" for p in reused), ""]

    lines += ["## Shapes", "", "| shape | targets | property | rule |", "|---|---|---|---|"]
    for shape in sorted(shapes.subjects(RDF.type, SH.NodeShape)):
        targets = _names(shapes, shape, SH.targetClass) or "objects/subjects of the relations"
        node_message = shapes.value(shape, SH.message)
        if node_message:
            lines.append(f"| `{_name(shape)}` | {targets} | (node) | {_cell(node_message)} |")
        for prop_shape in sorted(shapes.objects(shape, SH.property), key=lambda n: str(shapes.value(n, SH.path))):
            path = shapes.value(prop_shape, SH.path)
            shown = _name(path) if isinstance(path, URIRef) else "(path)"
            lines.append(f"| `{_name(shape)}` | {targets} | `{shown}` | "
                         f"{_cell(shapes.value(prop_shape, SH.message))} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    from .atomic import write_text

    target = ontology_file().with_name("battery.md")
    write_text(target, render())
    print(f"wrote {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
