"""The story: what an article says across its sentences.

A sentence's rules (:mod:`graph.ingest.relations`, :mod:`graph.ingest.parse_rules`,
:mod:`graph.ingest.chinese_rules`) read what one sentence states. News also states things across sentences: a
paragraph opens in a park and lists the projects being built there ("走进射洪县锂电产业园，年产5000吨…项目、…项目
正加快建设"); a project named in one sentence "will be built in Yibin" in the next. :class:`Story` reads an
article's paragraphs and the entities mentioned in each, and proposes those relations for what the sentences left
open, each with the passage that states it and a lower confidence than a sentence's own rules.

>>> from graph.ingest.extractor import Extractor
>>> result = Extractor(use_registry=False).extract(
...     "近日，在铜梁高新区大庙组团工业园区内，工人们正忙碌着。这是新引进的10万吨锂离子电池负极材料生产基地。")
>>> labels = {e.key: e.label for e in result.entities}
>>> [(labels[r.subject], r.kind, labels[r.object], r.rule) for r in result.relations]
[('10万吨锂离子电池负极材料生产基地', 'locatedIn', '铜梁高新区大庙组团工业园区', 'story-project-park')]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from .relations import RelationFinder, SentenceView

__all__ = ["Paragraph", "Story", "STORY_RULES"]


@dataclass
class Paragraph:
    """One paragraph (a line of the article): its offsets and, in text order, the first mention of each entity
    in it as ``(start, end, key)``."""

    start: int
    end: int
    mentions: list[tuple[int, int, str]]


class Story:
    """An article's paragraphs and entities, and the relations its sentences' rules already found.

    Parameters
    ----------
    text : str
        The article's text (in the script the rules read).
    sentences : list of (int, int)
        The article's sentences, as offsets, in text order.
    entities : dict
        Entity key → :class:`~graph.ingest.extractor.ExtractedEntity`.
    finder : RelationFinder
        The sentence rules' finder, after every sentence: what they found, and where new relations go.
    """

    def __init__(self, text: str, sentences: list[tuple[int, int]], entities: dict, finder: RelationFinder):
        self.sentences = sentences
        self._starts = [start for start, _ in sentences]
        self.entities = entities
        self.finder = finder
        mentions = sorted((start, end, key) for key, e in entities.items() for _, start, end in e.mentions)
        self.paragraphs: list[Paragraph] = []
        for line in re.finditer(r"[^\n]+", text):
            first: dict[str, tuple[int, int, str]] = {}
            for m in mentions[bisect_left(mentions, (line.start(),)):bisect_left(mentions, (line.end(),))]:
                first.setdefault(m[2], m)
            self.paragraphs.append(Paragraph(line.start(), line.end(), list(first.values())))

    def of_kind(self, paragraph: Paragraph, kind: str) -> list[tuple[int, int, str]]:
        """The first mentions in ``paragraph`` of entities of ``kind``."""
        return [m for m in paragraph.mentions if self.entities[m[2]].kind == kind]

    def related(self, key: str, kind: str, role: str = "subject") -> bool:
        """Whether the sentences' rules already found a ``kind`` relation with ``key`` as its ``role``."""
        return any(r.kind == kind and getattr(r, role) == key for r in self.finder.found)

    def add(self, subject: tuple[int, int, str], kind: str, obj: tuple[int, int, str], confidence: float,
            rule: str) -> None:
        """Propose ``subject kind obj`` between two mentions, stated by the sentences from the first one's to
        the last one's."""
        first, last = sorted((subject[0], obj[0]))
        begin = self.sentences[max(bisect_right(self._starts, first) - 1, 0)][0]
        end = max(self.sentences[max(bisect_right(self._starts, last) - 1, 0)][1], subject[1], obj[1])
        self.finder.add(SentenceView(begin, end, "", []), subject[2], kind, obj[2], confidence, rule)


def project_in_paragraph_park(story: Story) -> None:
    """A project whose sentences name no place lies in the one park its paragraph names: "走进射洪县锂电产业园，
    年产5000吨…项目、年产1000吨…项目…正加快建设"."""
    for paragraph in story.paragraphs:
        parks = story.of_kind(paragraph, "IndustrialPark")
        if len(parks) != 1:
            continue
        for project in story.of_kind(paragraph, "InvestmentProject"):
            if not story.related(project[2], "locatedIn"):
                story.add(project, "locatedIn", parks[0], 0.5, "story-project-park")


#: The story's rules, in the order they run (each sees what the ones before it added).
STORY_RULES: list[Callable[[Story], None]] = [project_in_paragraph_park]
