"""Ingest new articles: read, extract candidate facts, resolve entities, review, and measure quality.

The flow is ``read_article`` → ``Extractor.extract`` → ``ingest_article`` (writes ``data/sources/<id>.*`` and
``data/candidates/<id>.trig``) → ``accept`` / ``reject`` (moves facts to ``data/facts/`` and new entities to
``data/registry.ttl``). ``evaluate`` scores the extractor against ``data/gold/``.

>>> from graph.ingest import Extractor
>>> result = Extractor().extract("CATL signed an agreement with the People's Government of Yibin City.")
>>> [(e.label, e.kind) for e in result.entities]
[('Contemporary Amperex Technology Co., Limited', 'Company'), ("People's Government of Yibin City", 'GovernmentBody')]
"""

from .amounts import Amount, find_amounts
from .candidates import IngestResult, ingest_article, source_id_for
from .dates import DateMention, find_dates
from .evaluate import Score, evaluate
from .extractor import EXTRACTOR_NAME, EXTRACTOR_VERSION, Extraction, Extractor
from .reader import RawArticle, read_article
from .resolve import Knowledge
from .review import accept, pending, reject, review_text

__all__ = [
    "read_article", "RawArticle", "Extractor", "Extraction", "EXTRACTOR_NAME", "EXTRACTOR_VERSION", "Knowledge",
    "find_amounts", "Amount", "find_dates", "DateMention", "ingest_article", "IngestResult", "source_id_for",
    "pending", "accept", "reject", "review_text", "evaluate", "Score",
]
