"""How each class of entity is drawn: one colour and one shape per class, and a palette for communities.

Colour and shape together tell a class apart, so the legend stays readable in print and for people who
do not tell every colour apart. Classes not listed here (new ones in the ontology) get a neutral style.

>>> class_style("Company")
ClassStyle(kind='Company', color='#1f77b4', shape='dot', glyph='●', family='Organisations')
>>> class_style("Spaceship").color
'#9e9e9e'
>>> community_color(0), community_color(20) == community_color(0)
('#1b9e77', True)
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["ClassStyle", "CLASS_STYLES", "class_style", "community_color", "COMMUNITY_PALETTE", "GLYPHS"]

#: A text glyph for each vis-network shape, so the HTML legend shows the shape drawn in the network.
GLYPHS = {
    "dot": "●",
    "square": "■",
    "diamond": "◆",
    "triangle": "▲",
    "triangleDown": "▼",
    "star": "★",
    "hexagon": "⬢",
}


class ClassStyle(NamedTuple):
    """How nodes of one class are drawn."""

    kind: str
    color: str
    shape: str
    glyph: str
    family: str


def _style(kind: str, color: str, shape: str, family: str) -> ClassStyle:
    return ClassStyle(kind, color, shape, GLYPHS[shape], family)


#: The style of every class of the ontology that appears in a network, in legend order.
CLASS_STYLES: dict[str, ClassStyle] = {
    style.kind: style
    for style in [
        _style("Company", "#1f77b4", "dot", "Organisations"),
        _style("GovernmentBody", "#d62728", "square", "Organisations"),
        _style("ResearchInstitution", "#17becf", "triangle", "Organisations"),
        _style("Organization", "#9467bd", "dot", "Organisations"),
        _style("Publisher", "#7f7f7f", "triangleDown", "Organisations"),
        _style("Person", "#e377c2", "dot", "People"),
        _style("Event", "#ff7f0e", "star", "Events"),
        _style("Conference", "#ff7f0e", "star", "Events"),
        _style("Visit", "#e6550d", "star", "Events"),
        _style("SigningCeremony", "#fdae6b", "star", "Events"),
        _style("ConferenceSeries", "#fd8d3c", "triangleDown", "Events"),
        _style("InvestmentProject", "#8c564b", "diamond", "Projects"),
        _style("Technology", "#bcbd22", "triangle", "Technologies"),
        _style("Facility", "#31a354", "square", "Places"),
        _style("IndustrialPark", "#74c476", "square", "Places"),
        _style("Place", "#2ca02c", "hexagon", "Places"),
        _style("AdministrativeArea", "#2ca02c", "hexagon", "Places"),
        _style("Country", "#006d2c", "hexagon", "Places"),
        _style("Province", "#238b45", "hexagon", "Places"),
        _style("City", "#41ab5d", "hexagon", "Places"),
        _style("District", "#a1d99b", "hexagon", "Places"),
        _style("Observation", "#c7c7c7", "diamond", "Other"),
    ]
}

_UNKNOWN = ("#9e9e9e", "dot", "Other")

#: Colours for communities (ColorBrewer Dark2 and Set1, then repeated).
COMMUNITY_PALETTE = [
    "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666",
    "#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00", "#a65628", "#f781bf", "#999999",
    "#8dd3c7", "#bebada", "#fb8072", "#80b1d3",
]


def class_style(kind: str | None) -> ClassStyle:
    """The style of the class named ``kind`` (its local name, e.g. ``"Company"``)."""
    kind = kind or "Thing"
    style = CLASS_STYLES.get(kind)
    if style is None:
        color, shape, family = _UNKNOWN
        style = _style(kind, color, shape, family)
    return style


def community_color(index: int) -> str:
    """The colour of community number ``index`` (0 is the largest)."""
    return COMMUNITY_PALETTE[index % len(COMMUNITY_PALETTE)]
