"""Entities named the way people name them: by label or alias, case-insensitively.

Every command that takes an entity (``batterykg path A B``, ``batterykg recommend ORG``, ``--within PLACE``)
resolves it here. A name matches an entity's ``rdfs:label`` or ``skos:altLabel`` ignoring case and surrounding
space; an IRI, a ``bk:`` name or a registry slug matches too. A name that matches nothing, or more than one
entity, raises :class:`~graph.errors.UnknownEntityError` with the closest names.

>>> from graph.store import EmbeddedStore
>>> store = EmbeddedStore.create(None)
>>> store.load_nquads(b'''
... <https://w3id.org/battery-kg/id/exencell> <http://www.w3.org/2000/01/rdf-schema#label> "EXENCELL"@en .
... <https://w3id.org/battery-kg/id/exencell> <http://www.w3.org/2004/02/skos/core#altLabel> "Exencell Ltd"@en .
... <https://w3id.org/battery-kg/id/tecloman> <http://www.w3.org/2000/01/rdf-schema#label> "Tecloman"@en .
... ''')
>>> resolve_entity(store, "exencell ltd")
'https://w3id.org/battery-kg/id/exencell'
>>> resolve_entity(store, "bk:tecloman")
'https://w3id.org/battery-kg/id/tecloman'
>>> resolve_entity(store, "Exencel")
Traceback (most recent call last):
...
graph.errors.UnknownEntityError: no entity is named 'Exencel'; closest: EXENCELL, Exencell Ltd (EXENCELL)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import UnknownEntityError
from .namespace import BK, IRI_TEXT

__all__ = ["resolve_entity", "entity_names", "EntityName"]


@dataclass(frozen=True)
class EntityName:
    """One name of one entity: its label or one of its aliases."""

    iri: str
    name: str
    label: str
    is_label: bool


_NAMES = """
SELECT ?s ?name ?label ?isLabel WHERE {
  { ?s rdfs:label ?name . BIND(true AS ?isLabel) } UNION { ?s skos:altLabel ?name . BIND(false AS ?isLabel) }
  FILTER(isIRI(?s) && STRSTARTS(STR(?s), STR(bk:)))
  OPTIONAL { ?s rdfs:label ?label FILTER(langMatches(lang(?label), "en")) }
}
"""  # no ORDER BY: entity_names sorts, and Oxigraph's sort of 130,000 names at 1M triples took 17 s


def entity_names(store) -> list[EntityName]:
    """Every label and alias of every registry entity (IRIs under ``bk:``), sorted by IRI and name."""
    found: dict[tuple[str, str], EntityName] = {}
    for s, name, label, is_label in store.query(_NAMES).rows:
        iri, text = str(s), str(name)
        entry = EntityName(iri, text, str(label) if label is not None else text, str(is_label) == "true")
        key = (iri, text)
        if key not in found or (entry.is_label and not found[key].is_label):
            found[key] = entry
    return sorted(found.values(), key=lambda e: (e.iri, e.name))


def _normal(text: str) -> str:
    return " ".join(str(text).casefold().split())


def _display(entry: EntityName) -> str:
    return entry.name if entry.is_label or entry.name == entry.label else f"{entry.name} ({entry.label})"


def resolve_entity(store, name: str, *, limit: int = 5) -> str:
    """The IRI of the one entity called ``name``.

    Parameters
    ----------
    store : Store
        The built graph (see :func:`graph.open_store`).
    name : str
        A label or alias (any case), a full IRI, ``bk:slug`` or a bare registry slug.
    limit : int
        How many close names an error lists.

    Returns
    -------
    str
        The entity's IRI.

    Raises
    ------
    UnknownEntityError
        No entity has that name, or several do; ``candidates`` lists the closest names.
    """
    text = str(name).strip()
    iri = _entity_by_iri(store, text)
    if iri:
        return iri
    names = entity_names(store)
    wanted = _normal(text)
    matches = sorted({entry.iri for entry in names if _normal(entry.name) == wanted})
    if len(matches) == 1:
        return matches[0]
    labels = {entry.iri: entry.label for entry in names}
    if matches:
        listed = [f"{labels[iri]} <{iri}>" for iri in matches]
        raise UnknownEntityError(f"{text!r} names {len(matches)} entities: {'; '.join(listed)}; use an IRI",
                                 candidates=listed)
    closest = _closest(names, wanted, limit)
    hint = f"; closest: {', '.join(closest)}" if closest else ""
    raise UnknownEntityError(f"no entity is named {text!r}{hint}", candidates=closest)


def _entity_by_iri(store, text: str) -> str | None:
    """The entity ``text`` names when it is written as its IRI, ``bk:slug`` or bare slug, else ``None``: one
    ASK each (that the IRI is under ``bk:`` and has a label or an alias), where reading every name of the
    graph takes half a minute at 1M triples."""
    slug = text[3:] if text.lower().startswith("bk:") else text
    candidates = [text] if text.startswith(str(BK)) and IRI_TEXT.fullmatch(text) else []
    if re.fullmatch(r"[\w.-]+", slug):
        candidates.append(str(BK[slug]))
    for iri in candidates:
        if store.query(f"ASK {{ <{iri}> rdfs:label|skos:altLabel ?name }}").boolean:
            return iri
    return None


def _closest(names: list[EntityName], wanted: str, limit: int) -> list[str]:
    from rapidfuzz import fuzz, process

    choices = {i: _normal(entry.name) for i, entry in enumerate(names)}
    scored = process.extract(wanted, choices, scorer=fuzz.WRatio, limit=None)
    ranked = sorted(scored, key=lambda hit: (-hit[1], _display(names[hit[2]])))
    shown: list[str] = []
    for _, score, index in ranked:
        display = _display(names[index])
        if score >= 50 and display not in shown:
            shown.append(display)
        if len(shown) == limit:
            break
    return shown
