"""What a Chinese sentence refers to without naming it, read as if the name were written there.

Chinese investment news names a company, an agreement's parties or a project once and then refers to them:
"今年8月,公司与长宁县融创产业投资有限公司携手设立四川铭丰" (公司: the company the story is about), "目前企业已与宁德时代、
厦门海辰等头部企业建立合作". :class:`ChineseReferences` reads such words as mentions of the entity they stand for,
at the words' own offsets, so every Chinese rule (:mod:`graph.ingest.chinese_rules`) reads them as names, as
:class:`~graph.ingest.relations.References` does for English ("It", "the company").

>>> from graph.ingest.extractor import Extractor
>>> result = Extractor(use_registry=False).extract(
...     "资料显示,江苏泰岚铜箔有限公司成立于2013年。今年8月,公司与长宁县岚峰产业投资有限公司携手设立四川岚铭。")
>>> labels = {e.key: e.label for e in result.entities}
>>> [(labels[r.subject], r.kind, labels[r.object], r.rule) for r in result.relations if r.kind == "partnerOf"]
[('江苏泰岚铜箔有限公司', 'partnerOf', '长宁县岚峰产业投资有限公司', 'zh-partners+reference')]
"""

from __future__ import annotations

import re

from .relations import ORG, RelationFinder, SentenceMention, SentenceView

__all__ = ["ChineseReferences"]

# "公司", "该公司", "企业" as the subject of a clause: at its start, maybe after a few words of time ("今年8月,",
# "目前"), and followed by what a subject does (与…, 已…, 将…), never by the words of a noun phrase ("企业家", "公司化")
_COMPANY_REFERENCE = re.compile(
    r"(?:^|(?<=[，,。；;：:“\"]))\s*(?:(?:今年|去年|明年)?(?:\d{1,2}月(?:\d{1,2}日)?|年初|年底|年内)[,，]?|目前|当前|如今|此前|"
    r"近年来[,，]?|近期|随后|同时[,，]?|此外[,，]?|未来[,，]?)?"
    r"(?P<ref>该公司|该企业|该集团|公司|企业)(?=(?:已经|已|还|也|将|正|先后|相继|并|则)*(?:与|同|和|跟)[^，,。；;]{2,}?)")


class ChineseReferences:
    """The references of Chinese sentences to the company the story is about (:attr:`RelationFinder.current_company`):
    "公司" / "该公司" / "企业" as the subject of a clause that does something with others ("公司与X携手设立",
    "企业已与A、B…建立合作"), where no organisation is named before it in the sentence."""

    def resolve(self, view: SentenceView, finder: RelationFinder) -> list[SentenceMention]:
        """The references of ``view`` as mentions of what they stand for."""
        found: list[SentenceMention] = []
        company = finder.current_company
        if company is None:
            return found
        for match in _COMPANY_REFERENCE.finditer(view.text):
            start, end = match.span("ref")
            if any(m.kind in ORG and m.start < view.start + end for m in view.mentions) or \
                    any(m.start < view.start + end and view.start + start < m.end for m in view.mentions + found):
                continue  # an organisation named before it, or the words inside a name (…有限公司与)
            found.append(SentenceMention(view.start + start, view.start + end, view.text[start:end], company,
                                         "Company", ""))
        return found

    def note(self, view: SentenceView, mentions: list[SentenceMention]) -> None:
        """Nothing to remember beyond what the finder keeps (the story's company)."""
