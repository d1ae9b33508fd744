"""What a store is, and the SPARQL text handling every store shares.

A store holds the built graph and answers SPARQL (:class:`Store`); its back ends are
:mod:`graph.store.embedded` (Oxigraph on disk) and :mod:`graph.store.remote` (a SPARQL 1.1 server), and every
one answers with a :class:`~graph.store.results.QueryResult`. Our prefixes are predeclared on one extra first
line (:func:`prepare_query`), which :func:`syntax_message` takes back out of a line number.

>>> print(prepare_query("SELECT * { ?s ?p ?o }").splitlines()[-1])
SELECT * { ?s ?p ?o }
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Protocol

from ..namespace import sparql_prologue

if TYPE_CHECKING:
    from .results import QueryResult

__all__ = ["Store", "prepare_query", "visible_sparql", "dataset_clause", "dataset_clauses", "solution_limit",
           "query_form", "syntax_message", "HIDDEN_TEXT"]


class Store(Protocol):
    """What every store offers the commands."""

    def query(self, sparql: str, *, timeout: float | None = None) -> QueryResult: ...

    def load_nquads(self, data: bytes) -> None: ...

    def close(self) -> None: ...


def prepare_query(sparql: str) -> str:
    """The query with our prefixes predeclared on one extra first line."""
    return sparql_prologue(sparql) + "\n" + sparql


#: The strings, IRIs and comments of a SPARQL text: where a keyword is not one.
HIDDEN_TEXT = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
                     r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'"
                     r'|<[^<>"{}|^`\\\s]*>' r"|#[^\n]*")
_EXTERNAL = re.compile(r"(?<![?$\w:.-])(SERVICE|FROM\s+NAMED|FROM)(?![\w:-])", re.IGNORECASE)
_FORM = re.compile(r"(?<![?$\w:.-])(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:-])", re.IGNORECASE)
_LIMIT = re.compile(r"(?<![?$\w:.-])LIMIT\s+(\d+)", re.IGNORECASE)


def visible_sparql(sparql: str) -> str:
    """The query with its strings, IRIs and comments blanked out, so that keywords can be looked for in it.

    >>> visible_sparql('SELECT * { ?s ?p "FROM here" } # LIMIT 3')
    'SELECT * { ?s ?p   }  '
    """
    return HIDDEN_TEXT.sub(" ", sparql)


def dataset_clauses(sparql: str) -> list[str]:
    """Every ``SERVICE``, ``FROM NAMED`` and ``FROM`` of the query, in order (outside strings, IRIs, comments).

    >>> dataset_clauses("SELECT * FROM <g> WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }")
    ['FROM', 'SERVICE']
    """
    return [" ".join(m.group(1).upper().split()) for m in _EXTERNAL.finditer(visible_sparql(sparql))]


def dataset_clause(sparql: str) -> str | None:
    """``SERVICE``, ``FROM NAMED`` or ``FROM`` if the query uses one (outside strings, IRIs and comments).

    >>> dataset_clause("SELECT ?from WHERE { ?s bk:from-x ?from } # SERVICE")
    >>> dataset_clause('SELECT * FROM <http://x> { ?s ?p "SERVICE" }')
    'FROM'
    """
    match = _EXTERNAL.search(visible_sparql(sparql))
    return " ".join(match.group(1).upper().split()) if match else None


def query_form(sparql: str) -> str | None:
    """``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``: the query's form, its first such keyword.

    >>> query_form("PREFIX ex: <http://ask.example/> construct WHERE { ?s ex:select ?o }")
    'CONSTRUCT'
    """
    match = _FORM.search(visible_sparql(sparql))
    return match.group(1).upper() if match else None


def solution_limit(sparql: str) -> int | None:
    """The query's own ``LIMIT`` (after its last closing brace: a sub-select's does not count), if it has one.

    >>> solution_limit("SELECT * { { SELECT ?s { ?s ?p ?o } LIMIT 5 } } ORDER BY ?s LIMIT 20 OFFSET 3")
    20
    >>> solution_limit("SELECT * { { SELECT ?s { ?s ?p ?o } LIMIT 5 } }") is None
    True
    """
    visible = visible_sparql(sparql)
    match = _LIMIT.search(visible[visible.rfind("}") + 1:])
    return int(match.group(1)) if match else None


#: The words a SPARQL query may start with (after comments), and those that start a SPARQL Update.
QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "PREFIX", "BASE")
UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")


def _first_word(sparql: str) -> str:
    """The first keyword of a query after its comments and PREFIX/BASE declarations (upper case)."""
    text = re.sub(r"#[^\n]*", " ", sparql)
    text = re.sub(r"(?is)^\s*(?:(?:PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*", "", text)
    match = re.match(r"\s*([A-Za-z_]+)", text)
    return match.group(1).upper() if match else ""


def syntax_message(exc: Exception | str, sparql: str | None = None) -> str:
    """Oxigraph's message with line numbers of the user's query (the prologue adds one line), and, given the
    query, what a person needs beyond it: an update is not a query; a first word that is no query form; a
    relative IRI that has no base to resolve against.

    >>> syntax_message("error at 2:10: expected CONSTRUCT", "SELEC * WHERE {}")
    "syntax error at line 1, column 10: expected CONSTRUCT — 'SELEC' is not a query form: a query starts with \
SELECT, ASK, CONSTRUCT or DESCRIBE (after any PREFIX or BASE lines)"
    >>> syntax_message("error at 2:10: expected CONSTRUCT", "INSERT DATA { <a> <b> <c> }").split(" — ")[1]
    'INSERT makes this a SPARQL Update, not a query: battery-kg never changes the graph through a query'
    """
    text = str(exc)

    def shift(match: re.Match) -> str:
        return f"line {int(match.group(1)) - 1}, column {match.group(2)}"

    message = re.sub(r"(\d+):(\d+)", shift, text, count=1).replace("error at ", "syntax error at ")
    if sparql is None:
        return message
    first = _first_word(sparql)
    if first in UPDATE_FORMS:
        return (f"{message} — {first} makes this a SPARQL Update, not a query: battery-kg never changes the graph "
                "through a query")
    if first not in QUERY_FORMS:
        shown = first or sparql.strip()[:20]
        return (f"{message} — {shown!r} is not a query form: a query starts with SELECT, ASK, CONSTRUCT or "
                "DESCRIBE (after any PREFIX or BASE lines)")
    relative = [iri for iri in re.findall(r"<([^<>\"{}|^`\\\s]*)>", sparql)
                if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", iri)]
    if relative and not re.search(r"(?i)\bBASE\s*<", sparql):
        return (f"{message} — <{relative[0]}> is a relative IRI and the query has no base to resolve it against: "
                "add BASE <...> or write the full IRI")
    return message
