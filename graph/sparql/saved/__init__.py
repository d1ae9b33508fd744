"""Saved questions: SPARQL queries an analyst asks again and again, with parameters bound safely.

Each question is a ``.rq`` file in this package. Its header comment states the question in plain English
(``# question: ...``) and its parameters (``# param: NAME (KIND) = DEFAULT — what it is``). The query runs
as it is, with the default: each parameter appears once in the body as ``VALUES ?NAME { <default> }``.
:func:`run_saved` replaces that VALUES clause with one holding the value given, written as an RDF term
(an IRI, or a typed literal escaped by rdflib), so no text of the caller is ever pasted into the query.

Kinds of parameter: ``entity`` (a label, alias, ``bk:`` name or IRI, resolved with
:func:`graph.resolve_entity`), ``iri`` (a prefixed name such as ``schema:location``, or a full IRI),
``date`` (``YYYY-MM-DD``), ``integer``, ``decimal`` and ``string``.

A parameter whose default is ``any`` is optional: its clause is ``VALUES ?NAME { UNDEF }``, which restricts
nothing, so the question is answered for everything; given a value (other than ``any``), it is answered for
that value only — the way a question with tens of thousands of rows on a large graph is asked.

>>> [q.name for q in list_saved()][:3]
['active-organisations', 'attendance', 'companies-in-both-places']
>>> partners = load_saved("partners")
>>> partners.question
'Who are the partners of an organisation, and which sentence of which article says so?'
>>> partners.params[0].name, partners.params[0].kind, partners.params[0].default
('org', 'entity', 'EXENCELL')
>>> [(p.name, p.optional) for p in load_saved("single-source-facts").params]
[('subject', True)]
>>> print(bind_values("SELECT * { VALUES ?d { 1 } }", {"d": term_for("date", '2024-01-01', None)}))
SELECT * { VALUES ?d { "2024-01-01"^^<http://www.w3.org/2001/XMLSchema#date> } }
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from importlib import resources

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from ...entities import resolve_entity
from ...errors import UsageError
from ...namespace import IRI_TEXT, PREFIXES
from ...store.location import open_store

__all__ = ["SavedQuery", "Parameter", "list_saved", "load_saved", "run_saved", "bind_values", "term_for",
           "PARAMETER_KINDS", "ANY"]

#: The kinds a saved query's parameter may have.
PARAMETER_KINDS = ("entity", "iri", "date", "integer", "decimal", "string")

_PARAM_LINE = re.compile(
    r"^#\s*param:\s*(?P<name>[A-Za-z_]\w*)\s*\((?P<kind>\w+)\)\s*(?:=\s*(?P<default>.*?))?\s*(?:—|--)\s*(?P<doc>.*)$")


#: The default of an optional parameter: the query's VALUES clause holds UNDEF until a value is given.
ANY = "any"


@dataclass(frozen=True)
class Parameter:
    """One parameter of a saved query."""

    name: str
    kind: str
    default: str | None
    description: str

    @property
    def optional(self) -> bool:
        """Whether the parameter may be left out (default ``any``): the question is then asked of everything."""
        return self.default == ANY


@dataclass(frozen=True)
class SavedQuery:
    """A saved question: its name, the question in plain English, its parameters and its SPARQL text."""

    name: str
    question: str
    params: list[Parameter] = field(default_factory=list)
    text: str = ""

    def usage(self) -> str:
        """One line per parameter, for ``batterykg queries``."""
        return "\n".join(f"--param {p.name}=...  ({p.kind}, default {p.default}) {p.description}"
                         for p in self.params)


def _files():
    return resources.files(__name__)


def _parse(name: str, text: str) -> SavedQuery:
    question_lines: list[str] = []
    params: list[Parameter] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _PARAM_LINE.match(line)
        if match:
            kind = match["kind"]
            if kind not in PARAMETER_KINDS:
                raise ValueError(f"{name}.rq: parameter {match['name']} has unknown kind {kind!r}")
            params.append(Parameter(match["name"], kind, match["default"], match["doc"].strip()))
        elif line.startswith("# question:"):
            question_lines.append(line.split(":", 1)[1].strip())
    for param in params:
        clauses = re.findall(rf"VALUES\s+\?{param.name}\s*\{{([^}}]*)\}}", text)
        if not clauses:
            raise ValueError(f"{name}.rq: parameter {param.name} has no `VALUES ?{param.name} {{ ... }}` clause")
        if param.optional and any(clause.strip() != "UNDEF" for clause in clauses):
            raise ValueError(f"{name}.rq: optional parameter {param.name} needs `VALUES ?{param.name} {{ UNDEF }}`")
    return SavedQuery(name, " ".join(question_lines), params, text)


def list_saved() -> list[SavedQuery]:
    """Every saved query, sorted by name."""
    found = [entry for entry in _files().iterdir() if entry.name.endswith(".rq")]
    return [_parse(entry.name[:-3], entry.read_text(encoding="utf-8")) for entry in sorted(found, key=lambda e: e.name)]


def load_saved(name: str) -> SavedQuery:
    """The saved query called ``name`` (with or without ``.rq``); :class:`UsageError` if there is none."""
    name = name[:-3] if name.endswith(".rq") else name
    entry = _files() / f"{name}.rq"
    if not re.fullmatch(r"[\w-]+", name) or not entry.is_file():
        known = ", ".join(q.name for q in list_saved())
        raise UsageError(f"no saved query {name!r}; the saved queries are: {known}")
    return _parse(name, entry.read_text(encoding="utf-8"))


def _expand_iri(value: str) -> URIRef:
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    elif ":" in text and not re.match(r"^[a-zA-Z][\w+.-]*://", text):
        prefix, local = text.split(":", 1)
        if prefix in PREFIXES:
            text = PREFIXES[prefix] + local
    if not re.match(r"^[a-zA-Z][\w+.-]*:", text) or not IRI_TEXT.fullmatch(text):
        raise UsageError(f"{value!r} is not an IRI or a prefixed name with a known prefix "
                         f"({', '.join(PREFIXES)})")
    return URIRef(text)


def term_for(kind: str, value: str, store) -> Node:
    """The RDF term a parameter value of ``kind`` stands for; :class:`UsageError` if it is not one.

    >>> term_for("iri", "schema:location", None)
    rdflib.term.URIRef('https://schema.org/location')
    >>> term_for("string", 'a "quoted" } text', None).n3()
    '"a \\\\"quoted\\\\" } text"'
    >>> term_for("date", "yesterday", None)
    Traceback (most recent call last):
    ...
    graph.errors.UsageError: 'yesterday' is not a date: write YYYY-MM-DD
    """
    if kind == "entity":
        return URIRef(resolve_entity(store, value))
    if kind == "iri":
        return _expand_iri(value)
    if kind == "date":
        try:
            return Literal(datetime.date.fromisoformat(value.strip()).isoformat(), datatype=XSD.date)
        except ValueError:
            raise UsageError(f"{value!r} is not a date: write YYYY-MM-DD") from None
    if kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", value.strip()):
            raise UsageError(f"{value!r} is not an integer")
        return Literal(int(value), datatype=XSD.integer)
    if kind == "decimal":
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            raise UsageError(f"{value!r} is not a number") from None
        if not number.is_finite():
            raise UsageError(f"{value!r} is not a finite number")
        return Literal(number, datatype=XSD.decimal)
    if kind == "string":
        return Literal(value)
    raise UsageError(f"unknown parameter kind {kind!r}")


def bind_values(sparql: str, terms: dict[str, Node]) -> str:
    """``sparql`` with every ``VALUES ?name { ... }`` clause replaced by one holding ``terms[name]``."""
    for name, term in terms.items():
        written = term.n3()
        sparql, count = re.subn(rf"VALUES\s+\?{re.escape(name)}\s*\{{[^}}]*\}}",
                                lambda _match, n=name, w=written: f"VALUES ?{n} {{ {w} }}", sparql)
        if count == 0:
            raise UsageError(f"the query has no VALUES clause for ?{name}")
    return sparql


def run_saved(name: str, params: dict[str, str] | None = None, store=None, *, timeout: float | None = None):
    """Run the saved query ``name`` with ``params`` (NAME → text) on ``store`` (default: the built graph).

    Parameters not given take their default; an optional parameter (default ``any``) left out, or given as
    ``any``, restricts nothing. Returns a :class:`~graph.store.results.QueryResult`.

    Raises
    ------
    UsageError
        No such query, an unknown parameter, or a value that is not of the parameter's kind.
    UnknownEntityError
        An entity parameter names no entity (the error lists the closest names).
    """
    saved = load_saved(name)
    params = dict(params or {})
    known = {p.name: p for p in saved.params}
    unknown = sorted(set(params) - set(known))
    if unknown:
        listed = ", ".join(known) if known else "none"
        raise UsageError(f"saved query {saved.name!r} has no parameter {', '.join(unknown)} (its parameters: {listed})")
    store = store if store is not None else open_store()
    terms = {p.name: term_for(p.kind, params[p.name], store) for p in saved.params
             if p.name in params and not (p.optional and params[p.name].strip().lower() == ANY)}
    return store.query(bind_values(saved.text, terms), timeout=timeout)
