"""SHACL Core shapes compiled to SPARQL, so that a large graph is validated inside Oxigraph.

pySHACL evaluates shapes node by node in Python: on this project's shapes it needs about 12 s for 90,000
triples and grows faster than the graph; pyrudof (Rust) needed 55 s and 8.6 GB for 890,000. Each constraint
of a shape is a question a SPARQL engine answers well — *which focus nodes lack a label?* — so here every
constraint compiles to one SELECT that returns the focus nodes (and values) that break it, and Oxigraph
answers it over its indexes. :mod:`graph.validate` uses pySHACL, the reference, for small graphs and this for
large ones; ``tests/foundation/test_shacl_engines.py`` checks that both report the same violations.

What compiles (everything else raises :class:`UnsupportedShape` when the shapes are read, so nothing is
skipped silently):

- targets: ``sh:targetClass`` (with the sub-classes the data graph states), ``sh:targetNode``,
  ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``; ``sh:deactivated``; ``sh:severity`` (only violations are
  reported, as :func:`graph.validate.validate` reports them);
- paths: an IRI, ``sh:inversePath``, ``sh:oneOrMorePath``, ``sh:zeroOrMorePath``, ``sh:zeroOrOnePath``,
  ``sh:alternativePath`` and sequences;
- on a property: ``sh:minCount``, ``sh:maxCount``, ``sh:hasValue``, ``sh:qualifiedValueShape`` with
  ``sh:qualifiedMinCount`` / ``sh:qualifiedMaxCount``;
- on each value (of a property, or the focus node itself): ``sh:class``, ``sh:datatype`` (the literal must
  also be well-formed, where SPARQL can cast to the datatype), ``sh:nodeKind``, ``sh:in``,
  ``sh:languageIn``, ``sh:minInclusive`` / ``sh:maxInclusive`` / ``sh:minExclusive`` / ``sh:maxExclusive``,
  ``sh:minLength`` / ``sh:maxLength``, ``sh:pattern`` (with ``sh:flags``), ``sh:or``, ``sh:and``, ``sh:not``,
  ``sh:node``; inside those, property shapes with ``sh:minCount 1``, ``sh:maxCount 0``, value constraints and
  ``sh:qualifiedMinCount 1``.

>>> from rdflib import Graph
>>> shapes = Graph().parse(format="turtle", data='''
... @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
... ex:S a sh:NodeShape ; sh:targetClass ex:Company ;
...     sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:message "A company has a name." ] .''')
>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.load(b'<http://example.org/a> a <http://example.org/Company> .', format=ox.RdfFormat.TURTLE)
>>> [(r.focus.value, str(r.path), r.message) for r in compile_shapes(shapes).violations(store)]
[('http://example.org/a', 'http://example.org/name', 'A company has a name.')]
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

__all__ = ["compile_shapes", "CompiledShapes", "Result", "UnsupportedShape"]


class UnsupportedShape(ValueError):
    """A shape uses SHACL this compiler does not translate: validate such shapes with pySHACL."""


#: Datatypes whose well-formedness SPARQL can test: casting an ill-formed literal to them is an error.
_CASTABLE = {XSD.string, XSD.boolean, XSD.decimal, XSD.integer, XSD.double, XSD.float, XSD.date, XSD.dateTime,
             XSD.time, XSD.duration}

_NODE_KINDS = {
    SH.IRI: "isIRI({v})", SH.Literal: "isLiteral({v})", SH.BlankNode: "isBlank({v})",
    SH.BlankNodeOrIRI: "(isBlank({v}) || isIRI({v}))", SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
    SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))",
}

#: The SHACL terms of a shape that are not constraints.
_NOT_CONSTRAINTS = {RDF.type, SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.message,
                    SH.severity, SH.deactivated, SH.name, SH.description, SH.order, SH.group, SH.path,
                    SH.property, SH.flags, SH.qualifiedMinCount, SH.qualifiedMaxCount,
                    SH.qualifiedValueShapesDisjoint}
_VALUE_CONSTRAINTS = {SH["class"], SH.datatype, SH.nodeKind, SH["in"], SH.languageIn, SH.minInclusive,
                      SH.maxInclusive, SH.minExclusive, SH.maxExclusive, SH.minLength, SH.maxLength, SH.pattern,
                      SH["or"], SH["and"], SH["not"], SH.node}
_PROPERTY_CONSTRAINTS = {SH.minCount, SH.maxCount, SH.hasValue, SH.qualifiedValueShape}

#: The variable of a condition about "each value", renamed where the condition is used.
_VALUE = "?__value__"


def _n3(term: Node) -> str:
    """SPARQL syntax of an rdflib term (plain literals as plain strings)."""
    if isinstance(term, BNode):
        raise UnsupportedShape(f"a blank node {term} as a value in a shape")
    return term.n3()


@dataclass(frozen=True)
class Result:
    """One violation: the focus node, the path and value (where there is one), the message and the shape."""

    focus: ox.NamedNode | ox.BlankNode | ox.Literal
    path: URIRef | None
    value: ox.NamedNode | ox.BlankNode | ox.Literal | None
    message: str
    shape: str


@dataclass
class _Check:
    """One compiled constraint: what a violation reports, and the SPARQL expression that is true for one.

    The expression is about ``?focus`` (a check of the focus node) or ``?value`` (a check of each value of
    ``path``). Class sets are placeholders ``{{class:IRI}}``, filled from the data graph when the check runs.
    """

    shape: str
    message: str
    path: URIRef | None
    broken: str
    has_value: bool = False


@dataclass
class _Query:
    """The checks that one SELECT answers: those of the focus nodes of a shape, or of the values of one path."""

    path: str | None
    checks: list[_Check] = field(default_factory=list)
    having: str | None = None   # a count check too costly as an expression: ``GROUP BY ?focus HAVING``


@dataclass
class _NodeShape:
    iri: Node
    message: str | None
    targets: list[str] = field(default_factory=list)
    queries: list[_Query] = field(default_factory=list)


class _Names:
    """Fresh variable names for nested patterns."""

    def __init__(self):
        self._counter = itertools.count()

    def __call__(self, stem: str = "x") -> str:
        return f"?_{stem}{next(self._counter)}"


class CompiledShapes:
    """The shapes of a shapes graph as SPARQL checks; :meth:`violations` runs them on a store."""

    def __init__(self, shapes: Graph):
        self._graph = shapes
        self._names = _Names()
        self.classes: set[URIRef] = set()
        self.dependency_predicates: set[str] = {str(RDF.type)}
        self.shapes: list[_NodeShape] = []
        for shape in sorted(set(self._targeted_shapes())):
            if self._graph.value(shape, SH.deactivated) != Literal(True):
                self.shapes.append(self._compile_node_shape(shape))

    # -- reading the shapes graph ----------------------------------------------------------------------

    def _targeted_shapes(self) -> Iterator[Node]:
        for predicate in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf):
            yield from self._graph.subjects(predicate, None)

    def _list(self, node: Node) -> list[Node]:
        return list(Collection(self._graph, node))

    def _violation(self, shape: Node) -> bool:
        """Whether what ``shape`` finds is a violation (its own ``sh:severity``; warnings are not reported)."""
        return self._graph.value(shape, SH.severity) in (None, SH.Violation)

    def _message(self, shape: Node) -> str | None:
        messages = sorted(str(m) for m in self._graph.objects(shape, SH.message))
        return messages[0] if messages else None

    def _path(self, node: Node) -> str:
        """A SHACL path as a SPARQL property path."""
        if isinstance(node, URIRef):
            return f"<{node}>"
        g = self._graph
        if g.value(node, RDF.first) is not None:
            return "/".join(f"({self._path(step)})" for step in self._list(node))
        for predicate, form in ((SH.inversePath, "^({})"), (SH.oneOrMorePath, "({})+"),
                                (SH.zeroOrMorePath, "({})*"), (SH.zeroOrOnePath, "({})?")):
            inner = g.value(node, predicate)
            if inner is not None:
                return form.format(self._path(inner))
        alternatives = g.value(node, SH.alternativePath)
        if alternatives is not None:
            return "|".join(f"({self._path(step)})" for step in self._list(alternatives))
        raise UnsupportedShape(f"the path {node} of a shape")

    def _path_predicates(self, node: Node) -> set[str]:
        return {str(t) for t in self._graph.transitive_objects(node, None) if isinstance(t, URIRef)
                and t not in (SH.inversePath, SH.oneOrMorePath, SH.zeroOrMorePath, SH.zeroOrOnePath,
                              SH.alternativePath, RDF.first, RDF.rest, RDF.nil)} | (
            {str(node)} if isinstance(node, URIRef) else set())

    def _check_known(self, shape: Node, allowed: set) -> None:
        for predicate in set(self._graph.predicates(shape, None)):
            if predicate in _NOT_CONSTRAINTS or predicate in allowed:
                continue
            if str(predicate).startswith(str(SH)):
                raise UnsupportedShape(f"{predicate.n3()} in the shape {shape.n3()}")

    # -- compiling --------------------------------------------------------------------------------------

    def _targets(self, shape: Node) -> list[str]:
        g, parts = self._graph, []
        classes = sorted(g.objects(shape, SH.targetClass))
        if classes:
            self.classes.update(classes)
            parts.append("{ ?focus a ?_target . VALUES ?_target { " +
                         " ".join(f"{{{{class:{c}}}}}" for c in classes) + " } }")
        nodes = sorted(g.objects(shape, SH.targetNode))
        if nodes:
            parts.append("{ VALUES ?focus { " + " ".join(_n3(n) for n in nodes) + " } }")
        subjects_of = sorted(g.objects(shape, SH.targetSubjectsOf))
        if subjects_of:
            parts.append("{ ?focus ?_tp ?_to . VALUES ?_tp { " + " ".join(_n3(p) for p in subjects_of) + " } }")
        objects_of = sorted(g.objects(shape, SH.targetObjectsOf))
        if objects_of:
            parts.append("{ ?_ts ?_tq ?focus . VALUES ?_tq { " + " ".join(_n3(p) for p in objects_of) + " } }")
        return parts

    def _compile_node_shape(self, shape: Node) -> _NodeShape:
        self._check_known(shape, _VALUE_CONSTRAINTS)
        compiled = _NodeShape(iri=shape, message=self._message(shape), targets=self._targets(shape))
        name = _shape_name(shape)
        focus = _Query(path=None)
        compiled.queries.append(focus)
        if self._graph.value(shape, SH.path) is not None:  # a property shape with targets of its own
            if self._violation(shape):
                self._property_checks(shape, name, compiled.message, compiled)
        elif self._violation(shape):
            for constraint, expression in self._value_conditions(shape, "?focus"):
                focus.checks.append(_Check(shape=name, message=compiled.message or _default_message(constraint),
                                           path=None, broken=f"!({expression})"))
        for prop in sorted(self._graph.objects(shape, SH.property)):
            if self._graph.value(prop, SH.deactivated) == Literal(True) or not self._violation(prop):
                continue
            self._property_checks(prop, _shape_name(prop, shape), self._message(prop) or compiled.message, compiled)
        compiled.queries = [q for q in compiled.queries if q.checks]
        return compiled

    def _distinct_values(self, path: str, count: int, condition: str | None = None) -> str:
        """``EXISTS`` ``count`` different values of ``path`` (that meet ``condition``, about :data:`_VALUE`)."""
        names = [self._names("d") for _ in range(count)]
        parts = [f"?focus {path} {n} ." for n in names]
        if condition:
            parts += [f"FILTER({condition.replace(_VALUE, n)})" for n in names]
        parts += [f"FILTER(!sameTerm({a}, {b}))" for a, b in itertools.combinations(names, 2)]
        return "EXISTS { " + " ".join(parts) + " }"

    def _property_checks(self, prop: Node, name: str, message: str | None, compiled: _NodeShape) -> None:
        g = self._graph
        self._check_known(prop, _VALUE_CONSTRAINTS | _PROPERTY_CONSTRAINTS)
        path_node = g.value(prop, SH.path)
        path = self._path(path_node)
        shown = path_node if isinstance(path_node, URIRef) else None
        focus, values = compiled.queries[0], _Query(path=path)
        compiled.queries.append(values)

        def check(constraint: Node, broken: str, query: _Query, has_value: bool = False) -> None:
            query.checks.append(_Check(shape=name, message=message or _default_message(constraint), path=shown,
                                       broken=broken, has_value=has_value))

        def count_check(constraint: Node, low: int | None, high: int | None, condition: str | None = None) -> None:
            """At least ``low`` / at most ``high`` values: as EXISTS over a few values, else grouped."""
            if low is not None and low > 0:
                if low <= 3:
                    check(constraint, "NOT " + self._distinct_values(path, low, condition), focus)
                else:
                    compiled.queries.append(_Query(path=path, having=f"COUNT(DISTINCT ?_v) < {low}",
                                                   checks=[]))
                    check(constraint, condition or "", compiled.queries[-1])
            if high is not None:
                if high <= 2:
                    check(constraint, self._distinct_values(path, high + 1, condition), focus)
                else:
                    compiled.queries.append(_Query(path=path, having=f"COUNT(DISTINCT ?_v) > {high}", checks=[]))
                    check(constraint, condition or "", compiled.queries[-1])

        min_count, max_count = g.value(prop, SH.minCount), g.value(prop, SH.maxCount)
        if min_count is not None:
            count_check(SH.minCount, int(min_count), None)
        if max_count is not None:
            count_check(SH.maxCount, None, int(max_count))
        for value in sorted(g.objects(prop, SH.hasValue)):
            check(SH.hasValue, f"NOT EXISTS {{ ?focus {path} {_n3(value)} }}", focus)
        qualified = g.value(prop, SH.qualifiedValueShape)
        if qualified is not None:
            condition = self._shape_condition(qualified, _VALUE)
            low, high = g.value(prop, SH.qualifiedMinCount), g.value(prop, SH.qualifiedMaxCount)
            count_check(SH.qualifiedMinCount if low is not None else SH.qualifiedMaxCount,
                        int(low) if low is not None else None, int(high) if high is not None else None, condition)
            self.dependency_predicates |= self._path_predicates(path_node)
        for constraint, expression in self._value_conditions(prop, "?value"):
            check(constraint, f"!({expression})", values, has_value=True)

    def _value_conditions(self, shape: Node, v: str) -> list[tuple[Node, str]]:
        """Each value-level constraint of ``shape`` as a SPARQL boolean expression about the variable ``v``."""
        g, out = self._graph, []
        for cls in sorted(g.objects(shape, SH["class"])):
            self.classes.add(cls)
            t = self._names("t")
            out.append((SH["class"], f"EXISTS {{ {v} a {t} . VALUES {t} {{ {{{{class:{cls}}}}} }} }}"))
        for datatype in sorted(g.objects(shape, SH.datatype)):
            out.append((SH.datatype, _datatype_condition(datatype, v)))
        for kind in sorted(g.objects(shape, SH.nodeKind)):
            if kind not in _NODE_KINDS:
                raise UnsupportedShape(f"sh:nodeKind {kind.n3()}")
            out.append((SH.nodeKind, _NODE_KINDS[kind].format(v=v)))
        for members in g.objects(shape, SH["in"]):
            terms = self._list(members)
            out.append((SH["in"], "(" + (" || ".join(f"sameTerm({v}, {_n3(t)})" for t in terms) or "false") + ")"))
        for languages in g.objects(shape, SH.languageIn):
            tags = [str(t) for t in self._list(languages)]
            out.append((SH.languageIn, f"(isLiteral({v}) && (" + (" || ".join(
                f"langMatches(lang({v}), {Literal(t).n3()})" for t in tags) or "false") + "))"))
        for predicate, operator in ((SH.minInclusive, ">="), (SH.maxInclusive, "<="), (SH.minExclusive, ">"),
                                    (SH.maxExclusive, "<")):
            for bound in g.objects(shape, predicate):
                out.append((predicate, f"COALESCE(isLiteral({v}) && {v} {operator} {_n3(bound)}, false)"))
        for predicate, operator in ((SH.minLength, ">="), (SH.maxLength, "<=")):
            for bound in g.objects(shape, predicate):
                out.append((predicate, f"(!isBlank({v}) && STRLEN(STR({v})) {operator} {int(bound)})"))
        for pattern in g.objects(shape, SH.pattern):
            flags = g.value(shape, SH.flags)
            arguments = f"STR({v}), {Literal(str(pattern)).n3()}" + (f", {Literal(str(flags)).n3()}" if flags else "")
            out.append((SH.pattern, f"(!isBlank({v}) && REGEX({arguments}))"))
        for alternatives in g.objects(shape, SH["or"]):
            out.append((SH["or"], "(" + (" || ".join(self._shape_condition(s, v) for s in self._list(alternatives))
                                         or "false") + ")"))
        for members in g.objects(shape, SH["and"]):
            out.append((SH["and"], "(" + (" && ".join(self._shape_condition(s, v) for s in self._list(members))
                                          or "true") + ")"))
        for negated in g.objects(shape, SH["not"]):
            out.append((SH["not"], f"!({self._shape_condition(negated, v)})"))
        for node in g.objects(shape, SH.node):
            out.append((SH.node, self._shape_condition(node, v)))
        return out

    def _shape_condition(self, shape: Node, v: str) -> str:
        """``v`` conforms to ``shape`` (a node shape, or a property shape about ``v``), as an expression."""
        g = self._graph
        if g.value(shape, SH.path) is None:
            self._check_known(shape, _VALUE_CONSTRAINTS)
            parts = [expression for _c, expression in self._value_conditions(shape, v)]
            for prop in g.objects(shape, SH.property):
                parts.append(self._shape_condition(prop, v))
            return "(" + (" && ".join(parts) or "true") + ")"
        self._check_known(shape, _VALUE_CONSTRAINTS | _PROPERTY_CONSTRAINTS)
        path_node = g.value(shape, SH.path)
        path = self._path(path_node)
        self.dependency_predicates |= self._path_predicates(path_node)
        parts = []
        low = g.value(shape, SH.minCount)
        if low is not None and int(low) > 1:
            raise UnsupportedShape(f"sh:minCount {low} inside a logical constraint")
        if low is not None and int(low) == 1:
            parts.append(f"EXISTS {{ {v} {path} {self._names()} }}")
        high = g.value(shape, SH.maxCount)
        if high is not None:
            if int(high) != 0:
                raise UnsupportedShape(f"sh:maxCount {high} inside a logical constraint")
            parts.append(f"NOT EXISTS {{ {v} {path} {self._names()} }}")
        for value in g.objects(shape, SH.hasValue):
            parts.append(f"EXISTS {{ {v} {path} {_n3(value)} }}")
        qualified = g.value(shape, SH.qualifiedValueShape)
        if qualified is not None:
            if g.value(shape, SH.qualifiedMaxCount) is not None or int(g.value(shape, SH.qualifiedMinCount) or 0) > 1:
                raise UnsupportedShape("qualified counts other than sh:qualifiedMinCount 1 inside a logical constraint")
            x = self._names()
            parts.append(f"EXISTS {{ {v} {path} {x} FILTER({self._shape_condition(qualified, x)}) }}")
        conditions = self._value_conditions(shape, x := self._names())
        if conditions:
            parts.append(f"NOT EXISTS {{ {v} {path} {x} FILTER(!(" + " && ".join(c for _k, c in conditions) + ")) }")
        return "(" + (" && ".join(parts) or "true") + ")"

    # -- running ----------------------------------------------------------------------------------------

    def class_closures(self, store: ox.Store) -> dict[URIRef, list[str]]:
        """Each class the shapes name, with its sub-classes as the data graph states them."""
        closures = {}
        for cls in sorted(self.classes):
            rows = store.query(f"SELECT DISTINCT ?c WHERE {{ ?c <{RDFS.subClassOf}>* <{cls}> }}")
            closures[cls] = sorted(f"<{row[0].value}>" for row in rows if isinstance(row[0], ox.NamedNode))
        return closures

    def queries(self, store: ox.Store, focus: Iterable | None = None) -> Iterator[tuple[_Query, str]]:
        """Every query as SPARQL text, with the class sets read from ``store``, optionally for some nodes only.

        A query binds ``?k`` to the index of the check a row breaks (grouped queries have one check)."""
        closures = self.class_closures(store)
        restriction = ""
        if focus is not None:
            terms = " ".join(sorted({_ox_n3(t) for t in focus}))
            restriction = f"VALUES ?focus {{ {terms} }} "

        def fill(text: str) -> str:
            for cls, members in closures.items():
                text = text.replace(f"{{{{class:{cls}}}}}", " ".join(members) or f"<{cls}>")
            return text

        for shape in self.shapes:
            focus_pattern = f"{{ SELECT DISTINCT ?focus WHERE {{ {restriction}{' UNION '.join(shape.targets)} }} }}"
            for query in shape.queries:
                if query.having:
                    condition = query.checks[0].broken
                    where = f"?focus {query.path} ?_v" + (f" FILTER({condition.replace(_VALUE, '?_v')})"
                                                          if condition else "")
                    text = (f"SELECT ?focus (0 AS ?k) WHERE {{ {focus_pattern} OPTIONAL {{ {where} }} }} "
                            f"GROUP BY ?focus HAVING ({query.having})")
                    if query.having.startswith("COUNT(DISTINCT ?_v) >"):
                        text = text.replace(f"OPTIONAL {{ {where} }}", where)
                else:
                    keys = " ".join(str(k) for k in range(len(query.checks)))
                    broken = " || ".join(f"(?k = {k} && {c.broken})" for k, c in enumerate(query.checks))
                    values = f"?focus {query.path} ?value . " if query.path else ""
                    variables = "?focus ?value ?k" if query.path else "?focus ?k"
                    text = (f"SELECT DISTINCT {variables} WHERE {{ {focus_pattern} {values}"
                            f"VALUES ?k {{ {keys} }} FILTER({broken}) }}")
                yield query, fill(text)

    def violations(self, store: ox.Store, focus: Iterable | None = None) -> list[Result]:
        """Run every check on the default graph of ``store``; ``focus`` limits them to those nodes."""
        if focus is not None:
            focus = list(focus)
            if not focus:
                return []
        results = []
        for query, text in self.queries(store, focus):
            for row in store.query(text):
                check = query.checks[int(row["k"].value)]
                results.append(Result(focus=row["focus"], path=check.path,
                                      value=row["value"] if check.has_value else None,
                                      message=check.message, shape=check.shape))
        return results


def compile_shapes(shapes: Graph) -> CompiledShapes:
    """The shapes of ``shapes`` as SPARQL checks. Raises :class:`UnsupportedShape` for SHACL it cannot translate."""
    return CompiledShapes(shapes)


def _datatype_condition(datatype: Node, v: str) -> str:
    if datatype == RDF.langString:
        return f"(isLiteral({v}) && lang({v}) != \"\")"
    condition = f"(isLiteral({v}) && datatype({v}) = <{datatype}>"
    if datatype in _CASTABLE and datatype != XSD.string:
        condition += f" && COALESCE(<{datatype}>({v}) = {v}, false)"
    return condition + ")"


def _ox_n3(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        return str(term)
    raise UnsupportedShape(f"a blank node {term} as a focus node")


def _shape_name(shape: Node, parent: Node | None = None) -> str:
    if isinstance(shape, URIRef):
        return str(shape)
    return f"{parent} (a property shape)" if parent is not None else "(a blank node shape)"


def _default_message(constraint: Node) -> str:
    return f"breaks {constraint.n3().replace(str(SH), 'sh:').strip('<>')}"
