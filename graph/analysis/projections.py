"""Networks projected from the graph with SPARQL SELECT, as networkx graphs.

Every projection reads the built graph with SPARQL only, so it works on the embedded store and on a remote
SPARQL endpoint alike (on the embedded store, the solutions are read straight from Oxigraph, without the
detour through SPARQL JSON results and rdflib terms that :meth:`~graph.store.results.QueryResult.rows` takes).
Nodes are entity IRIs (strings) with attributes ``iri``, ``label`` and
``kind`` (the local name of the entity's most specific class); edges say which relations join two entities
and which sources state them. Literals never become nodes.

Each projection takes a store, or the :class:`NetworkData` that :func:`read_network_data` read from one:
projecting several networks of one graph then queries it once.

Projections
-----------
:func:`entity_network`
    Organisations, government bodies, people, events, projects, parks, facilities, places and technologies,
    one edge per relation (a :class:`networkx.MultiGraph` keyed by relation).
:func:`partnership_network`
    Organisations only, with weighted ties (see *Weighting* below) and their evidence.
:func:`organisation_event_network`, :func:`organisation_place_network`
    Bipartite graphs (node attribute ``bipartite``: 0 organisations, 1 events or places).

Filters (every projection)
--------------------------
``since`` / ``until``
    A date window (ISO dates, inclusive). An edge's date is the date of the event (``schema:startDate`` …
    ``schema:endDate``) or project (``bkg:signingDate``, else the date of the event it was ``bkg:signedAt``)
    it touches; other stated facts take the publication date of their earliest source; registry facts (the
    place hierarchy, who governs what) are timeless and always kept. Events and projects dated outside the
    window are dropped with their edges.
``within``
    A place (IRI or name): keeps places inside it (``schema:containedInPlace``, transitively), the events,
    projects, parks, facilities and government bodies located in or governing such a place, and the
    organisations, people and technologies directly linked to those; places outside are dropped.
``include_candidates``
    With ``False``, facts of assertions whose ``bkg:status`` is not ``bkg:Reviewed`` are left out.

Nodes that are left without any edge are not part of a projection.

Weighting of the partnership network
------------------------------------
* An explicit ``bkg:partnerOf`` or ``bkg:signedAgreementWith`` between two organisations weighs **1**.
* An event or project with ``n`` participating organisations (organisers and hosts, attendees in every role,
  parties and investors) adds **1 / (n - 1)** to each pair of them: Newman's collaboration weighting
  (:func:`networkx.algorithms.bipartite.collaboration_weighted_projected_graph`), so a three-party signing
  gives each pair 0.5 while a 600-exhibitor expo gives each pair 1/599. Each organisation thus receives at
  most 1 from any one event. The tie is labelled ``co-organisers`` (both organise or host),
  ``co-parties`` (both parties or investors of a project) or ``co-attendance`` (otherwise).

An edge's weight is the sum of its contributions; ``evidence`` lists each one (relation, the event or project
it goes through, its weight, its sources), ``sources`` all their source ids.

>>> from graph.store import EmbeddedStore
>>> from graph.namespace import BK
>>> store = EmbeddedStore.create(None)
>>> from graph.example_graphs import EXAMPLE
>>> store.load_nquads(EXAMPLE)
>>> acme, beta, expo = (str(BK[slug]) for slug in ("acme", "beta", "expo"))
>>> g = partnership_network(store)
>>> sorted(g.nodes[n]["label"] for n in g)
['Acme', 'Beta', 'Gamma']
>>> round(g[acme][beta]["weight"], 3), g[acme][beta]["sources"]
(1.5, ['s1', 's2'])
>>> [(e["relation"], e["via_label"], e["weight"]) for e in g[acme][beta]["evidence"]]
[('co-attendance', 'Expo', 0.5), ('partnerOf', None, 1.0)]
>>> sorted(entity_network(store).edges(expo, keys=True))[:2]
[('https://w3id.org/battery-kg/id/expo', 'https://w3id.org/battery-kg/id/acme', 'organizer'), \
('https://w3id.org/battery-kg/id/expo', 'https://w3id.org/battery-kg/id/beta', 'exhibitor')]
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from ..entities import resolve_entity
from ..errors import UsageError
from ..namespace import BASE, ENTITY_CLASSES, ORGANISATION_CLASSES, local_name
from ..store.base import prepare_query
from .backend import paused_gc

__all__ = [
    "entity_network",
    "partnership_network",
    "partnership_ties",
    "organisation_event_network",
    "organisation_place_network",
    "organisation_places",
    "read_network_data",
    "NetworkData",
    "NetworkFilter",
    "ENTITY_KINDS",
    "ORGANISATION_KINDS",
    "ACTOR_KINDS",
    "EVENT_KINDS",
    "PLACE_KINDS",
    "select_strings",
]

_BKG = BASE + "ontology#"
_SCHEMA = "https://schema.org/"

#: Classes whose instances are nodes, most specific first (an entity's ``kind`` is the first that applies).
ENTITY_KINDS = ENTITY_CLASSES
ORGANISATION_KINDS = ORGANISATION_CLASSES
#: Who acts: organisations, government bodies and people. ``analyze`` ranks them by default on the entity
#: network, where topics, places and events are bridges too but are not *who* brokers.
ACTOR_KINDS = ORGANISATION_KINDS | {"Person"}
EVENT_KINDS = frozenset({"SigningCeremony", "Visit", "Conference", "ConferenceSeries", "Event"})
PROJECT_KINDS = frozenset({"InvestmentProject"})
PLACE_KINDS = frozenset({"District", "City", "Province", "Country", "AdministrativeArea", "Place"})
#: Kinds anchored to a place: kept by ``within`` when located in (or governing) a place inside the region.
_LOCATED_KINDS = EVENT_KINDS | PROJECT_KINDS | {"IndustrialPark", "Facility", "GovernmentBody"}

_ORGANISING = frozenset({"organizer", "host"})
_ATTENDING = frozenset({"attendee", "exhibitor", "speaker", "keynoteSpeaker", "delegation", "guestOfHonour"})
_PARTY = frozenset({"party", "investor"})
_EXPLICIT = frozenset({"partnerOf", "signedAgreementWith"})
_LOCATING = frozenset({"location", "containedInPlace", "governs", "visited"})


@dataclass(frozen=True)
class NetworkFilter:
    """The filters of a projection: a date window, a region and whether candidates count."""

    since: dt.date | None = None
    until: dt.date | None = None
    within: str | None = None
    include_candidates: bool = True

    def parameters(self) -> dict:
        """The filters as JSON-ready values (for the analysis graph and tables)."""
        return {"since": self.since.isoformat() if self.since else None,
                "until": self.until.isoformat() if self.until else None,
                "within": self.within, "include_candidates": self.include_candidates}


@dataclass
class _Edge:
    subject: str
    object: str
    relation: str
    predicate: str
    sources: set = field(default_factory=set)
    assertions: set = field(default_factory=set)
    statuses: set = field(default_factory=set)
    published: set = field(default_factory=set)
    date: tuple | None = None


# --------------------------------------------------------------------------------------------------------
# Reading the graph
#
# Oxigraph's cost is in turning stored terms back into strings (a dictionary lookup per term of every row),
# and its FILTERs on a term's kind (``isIRI``) look every term up too: so the queries below return few columns,
# leave out what the rows would repeat (an assertion's status and source, read once per assertion), and leave
# the IRI-or-literal check to Python.

_ENTITIES = """
SELECT ?s ?k WHERE {{
  VALUES (?c ?k) {{ {classes} }}
  ?s a ?c
}}
"""

# the English label: an entity may also have a Chinese one (rdfs:label@zh), shown beside it in the views
_LABELS = 'SELECT ?s ?label WHERE { ?s rdfs:label ?label FILTER(langMatches(lang(?label), "en")) }'

_ASSERTIONS = """
SELECT ?a ?status ?article WHERE {
  ?a a bkg:Assertion .
  OPTIONAL { ?a bkg:status ?status }
  OPTIONAL { ?a bkg:source ?article }
}
"""

_ARTICLES = """
SELECT ?article ?id ?published WHERE {
  ?article bkg:sourceId ?id .
  OPTIONAL { ?article schema:datePublished ?published }
}
"""

_FACTS = """
SELECT ?a ?s ?p ?o WHERE {
  ?a a bkg:Assertion .
  GRAPH ?a { ?s ?p ?o }
  FILTER(?p != rdf:type)
}
"""

# Labels are literals (rdfs:label's range): leaving them out here spares most of the registry's rows.
_REGISTRY = """
SELECT ?s ?p ?o WHERE {
  GRAPH kgg:registry { ?s ?p ?o }
  FILTER(?p != rdf:type && ?p != rdfs:label && ?p != skos:altLabel)
}
"""

_DATES = """
SELECT ?s ?p ?d WHERE {
  VALUES ?p { schema:startDate schema:endDate bkg:signingDate }
  ?s ?p ?d
}
"""


def select_strings(store, sparql: str, iris: tuple[str, ...] = ()) -> list[tuple[str | None, ...]]:
    """SELECT rows as tuples of plain strings (IRIs, lexical forms; ``None`` when unbound), read straight
    from Oxigraph on the embedded store.

    The columns named in ``iris`` hold IRIs only: a literal or blank node there is ``None``.

    >>> from graph.store import EmbeddedStore
    >>> store = EmbeddedStore.create(None)
    >>> from graph.example_graphs import EXAMPLE
    >>> store.load_nquads(EXAMPLE)
    >>> select_strings(store, "SELECT ?s ?label WHERE { ?s rdfs:label ?label } ORDER BY ?label LIMIT 1")
    [('https://w3id.org/battery-kg/id/acme', 'Acme')]
    """
    oxigraph = getattr(store, "oxigraph", None)
    if oxigraph is not None:
        import pyoxigraph as ox

        solutions = oxigraph.query(prepare_query(sparql))
        names = [v.value for v in solutions.variables]
        # a solution iterated as a tuple, not looked up by name: half the cost on large results
        if not iris:
            return [tuple(None if t is None else t.value for t in solution) for solution in solutions]
        checked = [name in iris for name in names]
        named_node = ox.NamedNode
        return [tuple(None if t is None or (check and type(t) is not named_node) else t.value
                      for t, check in zip(solution, checked, strict=True)) for solution in solutions]
    from rdflib import URIRef

    result = store.query(sparql)
    checked = [str(name) in iris for name in result.variables]
    return [tuple(None if t is None or (check and not isinstance(t, URIRef)) else str(t)
                  for t, check in zip(row, checked, strict=True)) for row in result.rows]


_select = select_strings


def _date_range(text: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a date literal stands for: ``2024-09-01``, ``2024-09``, ``2022``."""
    text = str(text).strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", text):
            day = dt.date.fromisoformat(text[:10])
            return day, day
        if re.fullmatch(r"\d{4}-\d{2}", text):
            first = dt.date.fromisoformat(text + "-01")
            after = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return first, after - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}", text):
            return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
    except ValueError:
        return None
    return None


def _as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    found = _date_range(str(value))
    if found is None:
        raise UsageError(f"{value!r} is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")
    return found[0]


def _make_filter(store, since, until, within, include_candidates) -> NetworkFilter:
    since_date = _as_date(since)
    until_date = None
    if until is not None:
        until_date = until if isinstance(until, dt.date) else _date_range(str(until))
        if until_date is None:
            _as_date(until)  # raises the error
        until_date = until_date if isinstance(until_date, dt.date) else until_date[1]
    place = None
    if within is not None:
        place = resolve_entity(store, within)
    return NetworkFilter(since_date, until_date, place, bool(include_candidates))


def _kinds(store) -> dict[str, tuple[str, str]]:
    """IRI → (kind, label) of every entity; an entity that is only a Publisher is no node.

    The kind is the most specific class (first in :data:`ENTITY_KINDS`); the label the smallest of its labels
    (there is one), else the IRI's local name.
    """
    classes = " ".join(f"(bkg:{kind} {order})" for order, kind in enumerate(ENTITY_KINDS))
    order: dict[str, int] = {}
    for s, k in _select(store, _ENTITIES.format(classes=classes), iris=("s",)):
        if s is not None and (s not in order or int(k) < order[s]):
            order[s] = int(k)
    labels: dict[str, str] = {}
    for s, label in _select(store, _LABELS):
        if s in order and label is not None and (s not in labels or label < labels[s]):
            labels[s] = label
    return {iri: (ENTITY_KINDS[k], labels.get(iri, local_name(iri))) for iri, k in order.items()
            if ENTITY_KINDS[k] != "Publisher"}


def _dates(store) -> dict[str, tuple[dt.date, dt.date]]:
    """IRI → (first day, last day) of every dated event or project."""
    starts: dict[str, dt.date] = {}
    ends: dict[str, dt.date] = {}
    for s, p, d in _select(store, _DATES):
        span = _date_range(str(d))
        if span is None:
            continue
        iri, prop = str(s), local_name(p)
        if prop in ("startDate", "signingDate"):
            starts[iri] = min(starts.get(iri, span[0]), span[0])
            ends.setdefault(iri, span[1])
            ends[iri] = max(ends[iri], span[1])
        else:
            ends[iri] = max(ends.get(iri, span[1]), span[1])
    return {iri: (start, max(start, ends.get(iri, start))) for iri, start in starts.items()}


def _assertion_origins(store) -> dict[str, list[tuple[bool, str | None, dt.date | None]]]:
    """Assertion IRI → its ``(reviewed, source id, publication day)`` combinations, one per status and source
    (a source without an id gives none; no status or no source gives one with ``None``)."""
    articles: dict[str, list[tuple[str, dt.date | None]]] = defaultdict(list)
    days: dict[str, dt.date | None] = {}
    for article, sid, published in _select(store, _ARTICLES):
        if published is not None and published not in days:
            days[published] = (_date_range(published) or (None,))[0]
        articles[article].append((sid, days.get(published)))
    statuses: dict[str, list] = defaultdict(list)
    sources: dict[str, list] = defaultdict(list)
    reviewed_status: dict[str | None, bool] = {None: False}
    for a, status, article in _select(store, _ASSERTIONS):
        if status not in reviewed_status:
            reviewed_status[status] = local_name(status) == "Reviewed"
        if reviewed_status[status] not in statuses[a]:
            statuses[a].append(reviewed_status[status])
        for origin in articles.get(article, []) if article is not None else []:
            if origin not in sources[a]:
                sources[a].append(origin)
    return {a: [(reviewed, sid, day) for reviewed in found for sid, day in (sources.get(a) or [(None, None)])]
            for a, found in statuses.items()}


@dataclass
class NetworkData:
    """What the projections read from a store, read once: entities, dates, stated relations and their origins.

    Every projection takes a store or this; :func:`read_network_data` reads it, so projecting several networks
    of one graph (as ``batterykg run`` does) queries the store once. It is a snapshot: read it again after the
    store changes.
    """

    store: object
    kinds: dict[str, tuple[str, str]]
    dates: dict[str, tuple[dt.date, dt.date]]
    facts: list[tuple[str, str, str, str]]           # (assertion, subject, predicate, object), entity to entity
    registry: list[tuple[str, str, str]]             # (subject, predicate, object), entity to entity
    origins: dict[str, list[tuple[bool, str | None, dt.date | None]]]
    _statements: dict = field(default_factory=dict, repr=False)

    def statements(self, include_candidates: bool) -> tuple[dict, dict[tuple[str, str, str], _Edge]]:
        """``(dates, edges)``: every relation stated between two entities, dated (computed once per flag; the
        filters below copy what they keep, never change it)."""
        if include_candidates not in self._statements:
            with paused_gc():
                dates = dict(self.dates)
                edges = _statements(self, include_candidates)
                _date_edges(edges, self.kinds, dates)
            self._statements[include_candidates] = (dates, edges)
        return self._statements[include_candidates]


def read_network_data(store) -> NetworkData:
    """Read what the projections need from ``store`` (a store, or :class:`NetworkData` returned as it is)."""
    if isinstance(store, NetworkData):
        return store
    with paused_gc():
        return _read(store)


def _read(store) -> NetworkData:
    kinds = _kinds(store)
    # sorted, so nothing downstream depends on the order the engine happens to return rows in
    facts = sorted((a, s, p, o) for a, s, p, o in _select(store, _FACTS, iris=("s", "o"))
                   if s in kinds and o in kinds and s != o)
    registry = sorted((s, p, o) for s, p, o in _select(store, _REGISTRY, iris=("s", "o"))
                      if s in kinds and o in kinds and s != o)
    return NetworkData(store, kinds, _dates(store), facts, registry, _assertion_origins(store))


def _statements(data: NetworkData, include_candidates: bool) -> dict[tuple[str, str, str], _Edge]:
    """Every relation stated between two entities, merged over the assertions (and the registry) stating it."""
    edges: dict[tuple[str, str, str], _Edge] = {}
    relations: dict[str, str] = {}

    def add(s, p, o):
        relation = relations.get(p)
        if relation is None:
            relation = relations[p] = local_name(p)
        key = (s, relation, o)
        edge = edges.get(key)
        if edge is None:
            edge = edges[key] = _Edge(s, o, relation, p)
        return edge

    no_origin = [(False, None, None)]
    for a, s, p, o in data.facts:
        for reviewed, sid, day in data.origins.get(a, no_origin):
            if not reviewed and not include_candidates:
                continue
            edge = add(s, p, o)
            edge.assertions.add(a)
            edge.statuses.add("reviewed" if reviewed else "extracted")
            if sid is not None:
                edge.sources.add(sid)
            if day is not None:
                edge.published.add(day)
    for s, p, o in data.registry:
        add(s, p, o).statuses.add("registry")
    return edges


# --------------------------------------------------------------------------------------------------------
# Filters


def _date_edges(edges, kinds, dates) -> None:
    """Give each edge the span of the event or project it touches, else of its earliest source."""
    signed_at = {e.subject: e.object for e in edges.values() if e.relation == "signedAt"}
    for iri, kind in ((i, k[0]) for i, k in kinds.items()):
        if kind in PROJECT_KINDS and iri not in dates and signed_at.get(iri) in dates:
            dates[iri] = dates[signed_at[iri]]
    for edge in edges.values():
        for end in (edge.subject, edge.object):
            if kinds[end][0] in EVENT_KINDS | PROJECT_KINDS and end in dates:
                edge.date = dates[end]
                break
        else:
            if edge.published and edge.statuses != {"registry"} and "registry" not in edge.statuses:
                first = min(edge.published)
                edge.date = (first, first)


def _in_window(span, since, until) -> bool:
    if span is None:
        return True
    return (since is None or span[1] >= since) and (until is None or span[0] <= until)


def _region(edges, kinds, place: str) -> set[str]:
    """The entities kept by ``within=place`` (see the module docstring)."""
    inside = nx.DiGraph()
    for e in edges.values():
        if e.relation == "containedInPlace":
            inside.add_edge(e.subject, e.object)
    region = {place} | (nx.ancestors(inside, place) if place in inside else set())
    places_in = {n for n in region if kinds.get(n, ("",))[0] in PLACE_KINDS or n == place}
    anchors = set(region)
    for e in edges.values():
        if e.relation in _LOCATING and e.object in region and kinds[e.subject][0] in _LOCATED_KINDS:
            anchors.add(e.subject)
    keep = set(anchors)
    for e in edges.values():
        for a, b in ((e.subject, e.object), (e.object, e.subject)):
            if a in anchors and kinds[b][0] not in PLACE_KINDS:
                keep.add(b)
    return keep | places_in


def _filtered(store, since, until, within, include_candidates):
    flt = _make_filter(store.store if isinstance(store, NetworkData) else store, since, until, within,
                       include_candidates)
    data = read_network_data(store)
    kinds = data.kinds
    dates, edges = data.statements(flt.include_candidates)
    if flt.since or flt.until:
        dropped = {iri for iri, span in dates.items()
                   if iri in kinds and kinds[iri][0] in EVENT_KINDS | PROJECT_KINDS
                   and not _in_window(span, flt.since, flt.until)}
        edges = {k: e for k, e in edges.items()
                 if _in_window(e.date, flt.since, flt.until) and e.subject not in dropped and e.object not in dropped}
    if flt.within:
        keep = _region(edges, kinds, flt.within)
        edges = {k: e for k, e in edges.items() if e.subject in keep and e.object in keep}
    return flt, kinds, dates, edges


def _node_attrs(iri: str, kinds: dict, dates: dict) -> dict:
    kind, label = kinds[iri]
    attrs = {"iri": iri, "label": label, "kind": kind}
    if iri in dates:
        attrs["date"] = dates[iri][0].isoformat()
    return attrs


# --------------------------------------------------------------------------------------------------------
# Projections


def entity_network(store, *, since=None, until=None, within=None, include_candidates=True) -> nx.MultiGraph:
    """The entity network: one node per entity, one edge per relation stated between two entities.

    Parameters
    ----------
    store : Store or NetworkData
        The built graph (:func:`graph.open_store`), embedded or remote, or what :func:`read_network_data`
        read from it.
    since, until : str or datetime.date, optional
        A date window, inclusive (see the module docstring for how facts are dated).
    within : str, optional
        A place, by IRI or name: only what is located in it and what takes part in that.
    include_candidates : bool
        ``False`` keeps only facts of reviewed assertions.

    Returns
    -------
    networkx.MultiGraph
        Nodes: entity IRIs with ``iri``, ``label``, ``kind`` (and ``date`` for dated events and projects).
        Edges keyed by relation (``organizer``, ``partnerOf`` …) with ``relation``, ``predicate`` (IRI),
        ``subject`` and ``object`` (the direction it is stated in), ``sources`` and ``assertions`` (sorted),
        ``status`` (``reviewed``, ``extracted``, ``registry``), ``date`` (ISO or ``None``) and ``weight`` 1.
        Graph attribute ``filter``: the :class:`NetworkFilter` used.

    Examples
    --------
    >>> from graph.store import EmbeddedStore
    >>> from graph.namespace import BK
    >>> store = EmbeddedStore.create(None)
    >>> from graph.example_graphs import EXAMPLE
    >>> store.load_nquads(EXAMPLE)
    >>> acme, beta, expo = (str(BK[slug]) for slug in ("acme", "beta", "expo"))
    >>> g = entity_network(store)
    >>> g.nodes[acme]["kind"], g.number_of_edges(expo, acme)
    ('Company', 1)
    >>> sorted(entity_network(store, until="2023-12-31").nodes) == [acme, beta]
    True
    """
    flt, kinds, dates, edges = _filtered(store, since, until, within, include_candidates)
    with paused_gc():
        graph = nx.MultiGraph(name="entity", filter=flt)
        used = sorted({e.subject for e in edges.values()} | {e.object for e in edges.values()})
        graph.add_nodes_from((iri, _node_attrs(iri, kinds, dates)) for iri in used)
        graph.add_edges_from(
            (s, o, relation, {"relation": relation, "predicate": e.predicate, "subject": s, "object": o,
                              "sources": sorted(e.sources), "assertions": sorted(e.assertions),
                              "status": "reviewed" if "reviewed" in e.statuses
                              else "registry" if "registry" in e.statuses else "extracted",
                              "date": e.date[0].isoformat() if e.date else None, "weight": 1.0})
            for (s, relation, o), e in sorted(edges.items()))
        return graph


def _participation(edges, kinds) -> dict[str, dict[str, set]]:
    """hub (event or project) → organisation → its roles there; and the sources of each."""
    roles: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for e in edges.values():
        for hub, member in ((e.subject, e.object), (e.object, e.subject)):
            if kinds[hub][0] in EVENT_KINDS | PROJECT_KINDS and kinds[member][0] in ORGANISATION_KINDS:
                if e.relation in _ORGANISING | _ATTENDING | _PARTY:
                    roles[hub][member].add(e.relation)
    return roles


def _tie_kind(roles_a: set, roles_b: set) -> str:
    if roles_a & _ORGANISING and roles_b & _ORGANISING:
        return "co-organisers"
    if roles_a & _PARTY and roles_b & _PARTY:
        return "co-parties"
    return "co-attendance"


def _roles(does: int) -> set:
    """Roles standing for what a member does (bit 1: organises or hosts, bit 0: party or investor)."""
    return ({"organizer"} if does & 2 else set()) | ({"party"} if does & 1 else set())


#: The tie kind of two members by what each does (see :func:`_roles`), as :func:`_tie_kind` decides it.
_TIE_KINDS = [[_tie_kind(_roles(a), _roles(b)) for b in range(4)] for a in range(4)]


def partnership_network(store, *, since=None, until=None, within=None, include_candidates=True,
                        only=None) -> nx.Graph:
    """Organisations tied by partnerships, agreements, shared projects and shared events, weighted.

    Parameters
    ----------
    store, since, until, within, include_candidates
        As for :func:`entity_network`.
    only : set of (IRI, IRI) pairs, optional
        Only these ties (each pair in sorted order), weighted as in the whole network: what a view draws of a
        network of a million ties (:func:`partnership_ties` gives the weights of all).

    Returns
    -------
    networkx.Graph
        Nodes: organisations (companies, government bodies, research institutions, other organisations) with
        ``iri``, ``label``, ``kind``. Edges: ``weight`` (see *Weighting* in the module docstring), ``evidence``
        (a list of dicts with ``relation``, ``via`` and ``via_label`` — the event or project, ``None`` for an
        explicit partnership — ``weight`` and ``sources``), ``relations`` and ``sources`` (sorted).

    See Also
    --------
    networkx.algorithms.bipartite.collaboration_weighted_projected_graph : the weighting of shared events.
    """
    flt, kinds, dates, edges = _filtered(store, since, until, within, include_candidates)
    with paused_gc():
        # Ties are gathered in plain dicts and the graph made in one go at the end: a national graph has more than a
        # million ties. Nodes and ties are added in the order they are first met, as one tie at a time would.
        ties: dict[tuple[str, str], list[dict]] = {}
        explicit: dict[tuple[str, str, str], dict] = {}  # (u, v, relation) → its evidence, merged over directions

        def tie(u, v, item):
            found = ties.get((u, v))
            if found is None:
                ties[(u, v)] = [item]
            else:
                found.append(item)

        kept = None if only is None else {n for pair in only for n in pair}
        for e in sorted(edges.values(), key=lambda e: (e.subject, e.relation, e.object)):
            if e.relation in _EXPLICIT and kinds[e.subject][0] in ORGANISATION_KINDS \
                    and kinds[e.object][0] in ORGANISATION_KINDS:
                u, v = sorted((e.subject, e.object))
                if only is not None and (u, v) not in only:
                    continue
                # explicit relations between the same pair count once per relation, not once per direction stated
                item = explicit.get((u, v, e.relation))
                if item is None:
                    item = explicit[(u, v, e.relation)] = {"relation": e.relation, "via": None, "via_label": None,
                                                           "weight": 1.0, "sources": sorted(e.sources)}
                    tie(u, v, item)
                else:
                    item["sources"] = sorted(set(item["sources"]) | e.sources)
        hub_sources: dict[tuple[str, str], set] = defaultdict(set)
        hub_kinds = EVENT_KINDS | PROJECT_KINDS
        for e in edges.values():
            if kinds[e.subject][0] in hub_kinds or kinds[e.object][0] in hub_kinds:
                hub_sources[(e.subject, e.object)] |= e.sources
                hub_sources[(e.object, e.subject)] |= e.sources
        for hub, members in sorted(_participation(edges, kinds).items()):
            if len(members) < 2:
                continue
            weight = round(1.0 / (len(members) - 1), 12)
            label = kinds[hub][1]
            ordered = sorted(members) if kept is None else sorted(m for m in members if m in kept)
            does = [2 * bool(members[m] & _ORGANISING) + bool(members[m] & _PARTY) for m in ordered]
            # members of one event mostly share their sources: each distinct set gets a number, and the union of
            # two sets is sorted once per pair of numbers
            numbers: dict[frozenset, int] = {}
            said = [numbers.setdefault(frozenset(hub_sources[(hub, m)]), len(numbers)) for m in ordered]
            sets = list(numbers)
            merged: dict[int, list] = {}
            width = len(sets)
            for x, u in enumerate(ordered):
                kinds_u, said_u = _TIE_KINDS[does[x]], said[x]
                for y in range(x + 1, len(ordered)):
                    v = ordered[y]
                    if only is not None and (u, v) not in only:
                        continue
                    key = said_u * width + said[y]
                    sources = merged.get(key)
                    if sources is None:
                        sources = merged[key] = sorted(sets[said_u] | sets[said[y]])
                    item = {"relation": kinds_u[does[y]], "via": hub, "via_label": label, "weight": weight,
                            "sources": sources.copy()}
                    found = ties.get((u, v))
                    if found is None:
                        ties[(u, v)] = [item]
                    else:
                        found.append(item)
        graph = nx.Graph(name="partnership", filter=flt)
        graph.add_nodes_from((n, _node_attrs(n, kinds, dates)) for n in dict.fromkeys(n for pair in ties for n in pair))
        graph.add_edges_from((u, v, _tie_attributes(evidence)) for (u, v), evidence in ties.items())
        return graph


def partnership_ties(store, *, since=None, until=None, within=None, include_candidates=True):
    """The weight of every tie of :func:`partnership_network`, without its evidence: what ranking and
    community detection need, in arrays, for networks whose million ties would not fit in memory as a graph.

    Returns
    -------
    (organisations, pairs, weights)
        The organisations with a tie (sorted IRIs), an ``(n, 2)`` int array of the indices of each tie's ends
        (the smaller first, ties sorted) and each tie's weight, as :func:`partnership_network` sums it.

    Examples
    --------
    >>> from graph.store import EmbeddedStore
    >>> store = EmbeddedStore.create(None)
    >>> from graph.example_graphs import EXAMPLE
    >>> store.load_nquads(EXAMPLE)
    >>> organisations, pairs, weights = partnership_ties(store)
    >>> [(organisations[a][-4:], organisations[b][-4:], w) for (a, b), w in zip(pairs.tolist(), weights.tolist())]
    [('acme', 'beta', 1.5), ('acme', 'amma', 0.5), ('beta', 'amma', 0.5)]
    """
    import numpy as np

    flt, kinds, dates, edges = _filtered(store, since, until, within, include_candidates)
    explicit = {(*sorted((e.subject, e.object)), e.relation) for e in edges.values()
                if e.relation in _EXPLICIT and kinds[e.subject][0] in ORGANISATION_KINDS
                and kinds[e.object][0] in ORGANISATION_KINDS}
    hubs = [sorted(members) for members in _participation(edges, kinds).values() if len(members) >= 2]
    organisations = sorted({n for u, v, _ in explicit for n in (u, v)} | {n for members in hubs for n in members})
    index = {node: i for i, node in enumerate(organisations)}
    parts_u, parts_v, parts_w = [], [], []
    if explicit:
        ends = np.array([(index[u], index[v]) for u, v, _ in sorted(explicit)], dtype=np.int64)
        parts_u.append(ends[:, 0])
        parts_v.append(ends[:, 1])
        parts_w.append(np.ones(len(ends)))
    for members in hubs:  # Newman's weighting: each pair of an event's n members gets 1 / (n - 1)
        ids = np.fromiter((index[m] for m in members), dtype=np.int64, count=len(members))
        first, second = np.triu_indices(len(ids), k=1)
        parts_u.append(ids[first])
        parts_v.append(ids[second])
        parts_w.append(np.full(len(first), round(1.0 / (len(members) - 1), 12)))
    if not parts_u:
        return organisations, np.zeros((0, 2), dtype=np.int64), np.zeros(0)
    keys = np.concatenate(parts_u) * len(organisations) + np.concatenate(parts_v)
    unique, inverse = np.unique(keys, return_inverse=True)
    weights = np.round(np.bincount(inverse, weights=np.concatenate(parts_w)), 12)
    pairs = np.stack([unique // len(organisations), unique % len(organisations)], axis=1)
    return organisations, pairs, weights


def _tie_attributes(evidence: list[dict]) -> dict:
    """A tie's attributes from its contributions: ``weight`` (their sum), ``evidence`` (sorted), ``relations``,
    ``sources``."""
    if len(evidence) == 1:  # most ties: one event, whose sources are already sorted and distinct
        item = evidence[0]
        return {"weight": round(item["weight"], 12), "evidence": evidence, "relations": [item["relation"]],
                "sources": item["sources"].copy()}
    evidence = sorted(evidence, key=lambda i: (i["relation"], i["via"] or ""))
    return {"weight": round(sum(i["weight"] for i in evidence), 12), "evidence": evidence,
            "relations": sorted({i["relation"] for i in evidence}),
            "sources": sorted({s for i in evidence for s in i["sources"]})}


def organisation_event_network(store, *, since=None, until=None, within=None,
                               include_candidates=True) -> nx.Graph:
    """The bipartite network of organisations (``bipartite=0``) and the events and projects they take part in
    (``bipartite=1``); edges carry ``relations`` (their roles) and ``sources``.

    >>> from graph.store import EmbeddedStore
    >>> from graph.namespace import BK
    >>> store = EmbeddedStore.create(None)
    >>> from graph.example_graphs import EXAMPLE
    >>> store.load_nquads(EXAMPLE)
    >>> acme, expo = str(BK.acme), str(BK.expo)
    >>> g = organisation_event_network(store)
    >>> g.nodes[expo]["bipartite"], g[acme][expo]["relations"]
    (1, ['organizer'])
    """
    flt, kinds, dates, edges = _filtered(store, since, until, within, include_candidates)
    with paused_gc():
        ties = _BipartiteTies()
        for e in sorted(edges.values(), key=lambda e: (e.subject, e.relation, e.object)):
            for hub, member in ((e.subject, e.object), (e.object, e.subject)):
                if kinds[hub][0] in EVENT_KINDS | PROJECT_KINDS and kinds[member][0] in ORGANISATION_KINDS:
                    ties.add(member, hub, e.relation, e.sources)
        return ties.graph("organisation-event", flt, kinds, dates)


def organisation_place_network(store, *, since=None, until=None, within=None,
                               include_candidates=True) -> nx.Graph:
    """The bipartite network of organisations (``bipartite=0``) and places (``bipartite=1``).

    An organisation is tied to a place it governs or is located in, and to the place of a facility it operates,
    of an event it takes part in or of a project it is party to (relation ``operator via …`` and so on);
    ``relations`` lists how, ``sources`` who says so.
    """
    flt, kinds, dates, edges = _filtered(store, since, until, within, include_candidates)
    with paused_gc():
        ties = _BipartiteTies()
        located: dict[str, list[tuple[str, set]]] = defaultdict(list)
        for e in edges.values():
            if e.relation in _LOCATING and kinds[e.object][0] in PLACE_KINDS:
                located[e.subject].append((e.object, e.sources))
        for e in sorted(edges.values(), key=lambda e: (e.subject, e.relation, e.object)):
            for a, b in ((e.subject, e.object), (e.object, e.subject)):
                if kinds[a][0] not in ORGANISATION_KINDS:
                    continue
                if kinds[b][0] in PLACE_KINDS and e.relation in _LOCATING:
                    ties.add(a, b, e.relation, e.sources)
                elif kinds[b][0] not in ORGANISATION_KINDS | PLACE_KINDS:
                    for place, sources in located.get(b, []):
                        ties.add(a, place, f"{e.relation} via {kinds[b][1]}", e.sources | sources)
        return ties.graph("organisation-place", flt, kinds, dates)


def organisation_places(store, **filters) -> dict[str, list[str]]:
    """Organisation IRI → sorted labels of the places it is tied to (see :func:`organisation_place_network`)."""
    bipartite = organisation_place_network(store, **filters)
    return {node: sorted(bipartite.nodes[p]["label"] for p in bipartite[node])
            for node, data in sorted(bipartite.nodes(data=True)) if data.get("bipartite") == 0}


class _BipartiteTies:
    """The ties of a bipartite projection, gathered before the graph is made (in the order they are met)."""

    def __init__(self):
        self.sides: dict[str, int] = {}
        self.ties: dict[tuple[str, str], tuple[set, set]] = {}

    def add(self, member: str, other: str, relation: str, sources) -> None:
        self.sides.setdefault(member, 0)
        self.sides.setdefault(other, 1)
        found = self.ties.get((member, other))
        if found is None:
            found = self.ties[(member, other)] = (set(), set())
        found[0].add(relation)
        found[1].update(sources)

    def graph(self, name: str, flt: NetworkFilter, kinds: dict, dates: dict) -> nx.Graph:
        graph = nx.Graph(name=name, filter=flt)
        graph.add_nodes_from((node, {"bipartite": side, **_node_attrs(node, kinds, dates)})
                             for node, side in self.sides.items())
        graph.add_edges_from((member, other, {"relations": sorted(relations), "sources": sorted(sources),
                                              "weight": 1.0})
                             for (member, other), (relations, sources) in self.ties.items())
        return graph
