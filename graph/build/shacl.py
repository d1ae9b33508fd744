"""SHACL Core shapes compiled to SPARQL, so that a large graph is validated inside Oxigraph.

pySHACL evaluates shapes node by node in Python: on this project's shapes it needs about 12 s for 90,000
triples and grows faster than the graph; pyrudof (Rust) needed 55 s and 8.6 GB for 890,000. Each constraint
of a shape is a question a SPARQL engine answers well — *which focus nodes lack a label?* — so here every
constraint compiles to one SELECT that returns the focus nodes (and values) that break it, and Oxigraph
answers it over its indexes. :mod:`graph.build.validate` uses pySHACL, the reference, for small graphs and this for
large ones; ``tests/build/test_shacl_engines.py`` checks that both report the same violations.

What compiles (everything else raises :class:`UnsupportedShape` when the shapes are read, so nothing is
skipped silently):

- targets: ``sh:targetClass`` (with the sub-classes the data graph states), ``sh:targetNode``,
  ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``; ``sh:deactivated``; ``sh:severity`` (only violations are
  reported, as :func:`graph.build.validate.validate` reports them);
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
    """One compiled constraint: what a violation reports, and the pattern that finds the focus nodes (and
    values) that break it, joined to the focus nodes of the shape.

    Each check is its own query, in two forms: ``where`` for all focus nodes, with anti-joins (``MINUS``) and
    groups that Oxigraph answers in one pass over the data, and ``where_few`` for a few given focus nodes
    (incremental builds), testing each node with ``EXISTS``. (Oxigraph evaluates every ``EXISTS`` of a
    filter on every row, so a filter joining many of them costs more than the queries apart.) Value checks
    of one path with a plain ``broken`` expression are screened together, and only what a screen finds is
    checked one constraint at a time. Class sets are placeholders ``{{class:IRI}}``, filled from the data
    graph when the checks run.
    """

    shape: str
    message: str
    path: URIRef | None
    where: str
    where_few: str | None = None  # default: ``where``
    has_value: bool = False
    having: str | None = None     # counts: ``GROUP BY ?focus HAVING ...``
    broken: str | None = None     # a value check as an expression, for screening
    values_of: str | None = None  # the path whose values ``broken`` is about


@dataclass
class _NodeShape:
    iri: Node
    message: str | None
    targets: list[str] = field(default_factory=list)
    checks: list[_Check] = field(default_factory=list)
    #: The targets as IRIs, to find which given nodes a shape targets with index lookups.
    target_classes: list[URIRef] = field(default_factory=list)
    target_nodes: list[Node] = field(default_factory=list)
    subjects_of: list[URIRef] = field(default_factory=list)
    objects_of: list[URIRef] = field(default_factory=list)


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

    def _targets(self, shape: _NodeShape) -> list[str]:
        """The focus nodes of ``shape`` as SPARQL patterns binding ``?focus``, one per kind of target."""
        parts = []
        if shape.target_classes:
            self.classes.update(shape.target_classes)
            parts.append("{ ?focus a ?_target . VALUES ?_target { " +
                         " ".join(f"{{{{class:{c}}}}}" for c in shape.target_classes) + " } }")
        if shape.target_nodes:
            parts.append("{ VALUES ?focus { " + " ".join(_n3(n) for n in shape.target_nodes) + " } }")
        if shape.subjects_of:
            parts.append("{ ?focus ?_tp ?_to . VALUES ?_tp { " + " ".join(_n3(p) for p in shape.subjects_of) + " } }")
        if shape.objects_of:
            parts.append("{ ?_ts ?_tq ?focus . VALUES ?_tq { " + " ".join(_n3(p) for p in shape.objects_of) + " } }")
        return parts

    def _compile_node_shape(self, shape: Node) -> _NodeShape:
        self._check_known(shape, _VALUE_CONSTRAINTS)
        g = self._graph
        compiled = _NodeShape(iri=shape, message=self._message(shape),
                              target_classes=sorted(g.objects(shape, SH.targetClass)),
                              target_nodes=sorted(g.objects(shape, SH.targetNode)),
                              subjects_of=sorted(g.objects(shape, SH.targetSubjectsOf)),
                              objects_of=sorted(g.objects(shape, SH.targetObjectsOf)))
        compiled.targets = self._targets(compiled)
        name = _shape_name(shape)
        if self._graph.value(shape, SH.path) is not None:  # a property shape with targets of its own
            if self._violation(shape):
                compiled.checks += self._property_checks(shape, name, compiled.message)
        elif self._violation(shape):
            for constraint, expression in self._value_conditions(shape, "?focus"):
                compiled.checks.append(_Check(shape=name, message=compiled.message or _default_message(constraint),
                                              path=None, where=f"FILTER(!({expression}))"))
        for prop in sorted(self._graph.objects(shape, SH.property)):
            if self._graph.value(prop, SH.deactivated) == Literal(True) or not self._violation(prop):
                continue
            compiled.checks += self._property_checks(prop, _shape_name(prop, shape),
                                                     self._message(prop) or compiled.message)
        return compiled

    def _property_checks(self, prop: Node, name: str, message: str | None) -> list[_Check]:
        g = self._graph
        self._check_known(prop, _VALUE_CONSTRAINTS | _PROPERTY_CONSTRAINTS)
        path_node = g.value(prop, SH.path)
        path = self._path(path_node)
        shown = path_node if isinstance(path_node, URIRef) else None
        checks: list[_Check] = []

        def check(constraint: Node, where: str, where_few: str | None = None, has_value: bool = False,
                  having: str | None = None, broken: str | None = None) -> None:
            checks.append(_Check(shape=name, message=message or _default_message(constraint), path=shown,
                                 where=where, where_few=where_few, has_value=has_value, having=having,
                                 broken=broken, values_of=path if broken else None))

        def count_check(constraint: Node, low: int | None, high: int | None, condition: str | None = None) -> None:
            """At least ``low`` / at most ``high`` values of the path (that meet ``condition``)."""
            values = f"?focus {path} ?_v" + (f" FILTER({condition.replace(_VALUE, '?_v')})" if condition else "")
            if low == 1:
                check(constraint, f"MINUS {{ {values} }}", f"FILTER NOT EXISTS {{ {values} }}")
            elif low is not None and low > 1:
                check(constraint, f"OPTIONAL {{ {values} }}", having=f"COUNT(DISTINCT ?_v) < {low}")
            if high is not None:
                check(constraint, values, having=f"COUNT(DISTINCT ?_v) > {high}")

        min_count, max_count = g.value(prop, SH.minCount), g.value(prop, SH.maxCount)
        if min_count is not None:
            count_check(SH.minCount, int(min_count), None)
        if max_count is not None:
            count_check(SH.maxCount, None, int(max_count))
        for value in sorted(g.objects(prop, SH.hasValue)):
            pattern = f"{{ ?focus {path} {_n3(value)} }}"
            check(SH.hasValue, f"MINUS {pattern}", f"FILTER NOT EXISTS {pattern}")
        qualified = g.value(prop, SH.qualifiedValueShape)
        if qualified is not None:
            condition = self._shape_condition(qualified, _VALUE)
            low, high = g.value(prop, SH.qualifiedMinCount), g.value(prop, SH.qualifiedMaxCount)
            if low is not None:
                count_check(SH.qualifiedMinCount, int(low), None, condition)
            if high is not None:
                count_check(SH.qualifiedMaxCount, None, int(high), condition)
            self.dependency_predicates |= self._path_predicates(path_node)
        for cls in sorted(g.objects(prop, SH["class"])):
            self.classes.add(cls)
            t = self._names("t")
            instances = f"{{ ?value a {t} . VALUES {t} {{ {{{{class:{cls}}}}} }} }}"
            check(SH["class"], f"?focus {path} ?value MINUS {instances}",
                  f"?focus {path} ?value FILTER NOT EXISTS {instances}", has_value=True)
        for constraint, expression in self._value_conditions(prop, "?value", classes=False):
            check(constraint, f"?focus {path} ?value FILTER(!({expression}))", has_value=True,
                  broken=f"!({expression})")
        return checks

    def _value_conditions(self, shape: Node, v: str, classes: bool = True) -> list[tuple[Node, str]]:
        """Each value-level constraint of ``shape`` as a SPARQL boolean expression about the variable ``v``
        (``sh:class`` left out with ``classes=False``)."""
        g, out = self._graph, []
        for cls in sorted(g.objects(shape, SH["class"])) if classes else ():
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

    @staticmethod
    def _filler(closures: dict):
        def fill(text: str) -> str:
            for cls, members in closures.items():
                text = text.replace(f"{{{{class:{cls}}}}}", " ".join(members) or f"<{cls}>")
            return text
        return fill

    @staticmethod
    def _focus_pattern(shape: _NodeShape, focus: Iterable | None) -> str:
        """The focus nodes of ``shape``: its targets, or the nodes ``focus`` (which it targets) as VALUES."""
        if focus is not None:
            return "{ VALUES ?focus { " + " ".join(sorted({_ox_n3(t) for t in focus})) + " } }"
        # Inline, not a DISTINCT sub-select: the engine may then start from the path's triples, and the
        # checks' own DISTINCT (and COUNT(DISTINCT)) absorb a node reached by two targets (20% less work at 1M).
        return f"{{ {' UNION '.join(shape.targets)} }}"

    def targeted(self, shape: _NodeShape, nodes: Iterable, store: ox.Store, closures: dict) -> list:
        """Which of ``nodes`` ``shape`` targets, found by index lookups (a few nodes, many triples)."""
        default = ox.DefaultGraph()
        rdf_type = ox.NamedNode(str(RDF.type))
        classes = {m.strip("<>") for c in shape.target_classes for m in closures.get(c, [f"<{c}>"])}
        named = {str(n) for n in shape.target_nodes}
        subjects_of = [ox.NamedNode(str(p)) for p in shape.subjects_of]
        objects_of = [ox.NamedNode(str(p)) for p in shape.objects_of]
        found = []
        for node in nodes:
            subject = not isinstance(node, ox.Literal)
            if (node.value in named
                    or (subject and classes and any(q.object.value in classes for q in store.quads_for_pattern(
                        node, rdf_type, None, default)))
                    or (subject and any(next(iter(store.quads_for_pattern(node, p, None, default)), None)
                                        for p in subjects_of))
                    or any(next(iter(store.quads_for_pattern(None, p, node, default)), None) for p in objects_of)):
                found.append(node)
        return found

    @staticmethod
    def _check_query(check: _Check, focus_pattern: str, few: bool) -> str:
        where = check.where_few if few and check.where_few else check.where
        if check.having:
            return f"SELECT ?focus WHERE {{ {focus_pattern} {where} }} GROUP BY ?focus HAVING ({check.having})"
        variables = "?focus ?value" if check.has_value else "?focus"
        return f"SELECT DISTINCT {variables} WHERE {{ {focus_pattern} {where} }}"

    def queries(self, store: ox.Store, focus: Iterable | None = None) -> Iterator[tuple[list[_Check], str]]:
        """The queries that find violations, as SPARQL text with the class sets read from ``store``
        (optionally for the nodes ``focus`` only), each with the checks it answers: one check, or several
        screened together (see :class:`_Check`)."""
        closures = self.class_closures(store)
        fill = self._filler(closures)
        nodes = list(focus) if focus is not None else None
        for shape in self.shapes:
            targeted = self.targeted(shape, nodes, store, closures) if nodes is not None else None
            if targeted is not None and not targeted:
                continue
            focus_pattern = self._focus_pattern(shape, targeted)
            groups: dict[str | None, list[_Check]] = {}
            few = targeted is not None
            for check in shape.checks:
                if check.broken is None:
                    yield [check], fill(self._check_query(check, focus_pattern, few))
                else:
                    groups.setdefault(check.values_of, []).append(check)
            for path, checks in groups.items():
                if len(checks) == 1:
                    yield checks, fill(self._check_query(checks[0], focus_pattern, few))
                    continue
                broken = " || ".join(f"({c.broken})" for c in checks)
                yield checks, fill(f"SELECT DISTINCT ?focus WHERE {{ {focus_pattern} ?focus {path} ?value . "
                                   f"FILTER({broken}) }}")

    def violations(self, store: ox.Store, focus: Iterable | None = None) -> list[Result]:
        """Run every check on the default graph of ``store``; ``focus`` limits them to those nodes."""
        if focus is not None:
            focus = list(focus)
            if not focus:
                return []
        fill = None
        results = []
        for checks, text in self.queries(store, focus):
            rows = list(store.query(text))
            if not rows:
                continue
            if len(checks) > 1:  # a screen: check the nodes it found one constraint at a time
                fill = fill or self._filler(self.class_closures(store))
                found = [row["focus"] for row in rows]
                shape = next(s for s in self.shapes if checks[0] in s.checks)
                pattern = self._focus_pattern(shape, found)
                pairs = [(check, store.query(fill(self._check_query(check, pattern, True)))) for check in checks]
            else:
                pairs = [(checks[0], rows)]
            for check, found_rows in pairs:
                for row in found_rows:
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
