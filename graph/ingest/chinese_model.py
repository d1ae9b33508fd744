"""The Chinese statistical model: Baidu's LAC 2.1.2 (lexical analysis), when it is installed.

LAC is a two-layer bidirectional GRU with a CRF, trained by Baidu on Chinese news, that segments a sentence
and tags each word with its part of speech and, for names, ``ORG`` (an organisation), ``PER`` (a person),
``LOC`` (a place) or ``TIME``. The Chinese recogniser (:mod:`graph.ingest.chinese`) adds the organisations and
people it names where no rule or known name found one: the names no list holds.

The model comes from PyPI as the source distribution ``LAC`` 2.1.2 (Apache-2.0; its weights are inside the
package): ``make setup`` installs it hash-checked (``requirements-model.txt``), and :data:`PINNED_WEIGHTS` pins
the sha256 of its model and dictionary files, checked when it loads. LAC's own Python front end needs the
``paddle.fluid`` API, which PaddlePaddle 3 no longer has; the network runs on PaddlePaddle 3's inference
predictor instead, fed by LAC's own word segmenter and vocabulary (its ``segment`` and ``reader`` modules,
read from the installed package without running its ``__init__``). A model that is absent or whose files differ
from the pinned ones is not used: the recogniser runs on its rules alone and the extractor says so
(:attr:`ChineseModel.description`). ``BATTERYKG_RULES_ONLY=1`` forces the rule-only path, as in English.

>>> model = chinese_model()
>>> model is None or model.description == "LAC 2.1.2"
True
>>> model is None or [w for w, t in model.words(["遂宁市射洪市人民政府与天齐锂业签约"])[0] if t == "ORG"] == [
...     "遂宁市射洪市人民政府", "天齐锂业"]
True
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import types
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .english import RULES_ONLY_ENV, files_differ

__all__ = ["ChineseModel", "chinese_model", "MODEL_PACKAGE", "MODEL_VERSION", "PINNED_WEIGHTS", "MATH_THREADS"]

#: Threads of PaddlePaddle's math library for the network (its results do not depend on them).
MATH_THREADS = 2

MODEL_PACKAGE = "LAC"
MODEL_VERSION = "2.1.2"
#: sha256 of the files of LAC 2.1.2's lexical-analysis model, as in the sdist on PyPI
#: (sha256 22fcde0d5082d2044205ea6f6a7a9cd1f0d63e7b21b2dd5c9c73f27e7c0a3ef1)
PINNED_WEIGHTS = {
    "lac_model/model/__model__": "9bd9f3a71664d43d97b687fae508a033e898dd235bcfa249ad7fd3ca859eed3e",
    "lac_model/model/crfw": "7332eace1e7aa003506994be95f62a5d34fd3aeea339e1520c5ffa53bbb3b94a",
    "lac_model/model/fc_0.b_0": "e45ae6e180a5cb75a644909ad7613525fb3179a222deabc81ee1bf427f84ed13",
    "lac_model/model/fc_0.w_0": "0eb572df8350f90471e5ec2a51468bfeb6e021b26f2e457f1510aa41d3b4d807",
    "lac_model/model/fc_1.b_0": "7817b9035d392e0d9bdd1cfb989a5343096f99ca3b14a6e50cba07d078c47086",
    "lac_model/model/fc_1.w_0": "828139b0bcbe96da19ddc21045d39dffcb06a3ddefd4a9e525b3b79fb3697e0d",
    "lac_model/model/fc_2.b_0": "8e0f86cd4c97f02c8df4fa0cab24fe176fad4c53e3ed7db36604c332d5968722",
    "lac_model/model/fc_2.w_0": "270ff496923fb0eb0e7eb7eed1da845648b039ca80caf9c9e861649c586db1e0",
    "lac_model/model/fc_3.b_0": "ffe95337c597883c2c3f471f2b8819a32615b38b433dbedaea4340675eefe71f",
    "lac_model/model/fc_3.w_0": "5997e01f1d445750c8a24055792b279912c107b55590780029eb0580775fd33b",
    "lac_model/model/fc_4.b_0": "c144b474c8d5b7a3e3a331c0bd2d958996852db54c75c22e660a5b5145c0beff",
    "lac_model/model/fc_4.w_0": "def53c1a129fe46741bf99423ea32fbb9cf0b32fded8d1ff12044229d29096b9",
    "lac_model/model/gru_0.b_0": "4830f09e88a64acc671ae9cf2a180521addd84a5b9ec8a247e7340465d46da34",
    "lac_model/model/gru_0.w_0": "63ae5111b3a81f994070410bdca0c4119b0d67e803de47ea421eba764192654d",
    "lac_model/model/gru_1.b_0": "0e7def11b0266547f2bb8ab9fc2045dca4320bcbe3a4d851785a60fa5206a7a2",
    "lac_model/model/gru_1.w_0": "ff0eda2c898997e09089b7ab67da7de5017b1e936cd2cb71819dd8f56509dcb3",
    "lac_model/model/gru_2.b_0": "d908b4fd85c953cc31a5e12138a4a18990d06151592fe65ebac0859cddb9ce1e",
    "lac_model/model/gru_2.w_0": "20225a177059f9beafad9c3e5e0841df2a009e5decc21d02ed40e8eec8dbe11f",
    "lac_model/model/gru_3.b_0": "b33597df73e02d44264349e54ca7d70222df203a41fc9329b8c97cfc1a0a11e2",
    "lac_model/model/gru_3.w_0": "ddfdfdf9213de4ad5e837d6f9c75b478b97377b4f7a0373c842c9331ba4e2683",
    "lac_model/model/word_emb": "05608c8b9193ba5d08dce4527d23a043b93b349ce44e074667a89d64f3722096",
    "lac_model/conf/q2b.dic": "688ecfed0bd3fa898a0b26fd27a838432e0f32600bdf35739de7931ff51187a1",
    "lac_model/conf/small_seg.dic": "c346639959479c32d0a0a35fdd938cafea869b97d88e5a97161ffdf824a53d37",
    "lac_model/conf/tag.dic": "0e10caa505cd12e6f43630505503ccf24ee081f61a155fcc186041601cfd0bfe",
    "lac_model/conf/word.dic": "63e3f4d9ad4a7b5041263e61d3de0a12ca7a67cf4251a6a127c9f47356e6d517",
}
#: the private name LAC's modules are read under (its own ``LAC`` package runs ``paddle.fluid`` on import)
_PRIVATE_PACKAGE = "_batterykg_lac"


def _package_dir() -> Path | None:
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def _lac_module(root: Path, name: str):
    """One of LAC's own modules (``segment``, ``reader``), imported from the installed package under a private
    package name, so that LAC's ``__init__`` (which needs ``paddle.fluid``) never runs."""
    if _PRIVATE_PACKAGE not in sys.modules:
        package = types.ModuleType(_PRIVATE_PACKAGE)
        package.__path__ = [str(root)]
        sys.modules[_PRIVATE_PACKAGE] = package
    return importlib.import_module(f"{_PRIVATE_PACKAGE}.{name}")


class _Files:
    """LAC's configuration, as its ``reader.Dataset`` reads it (an ``argparse`` namespace in LAC itself)."""

    def __init__(self, conf: Path):
        self.word_dict_path = str(conf / "word.dic")
        self.label_dict_path = str(conf / "tag.dic")
        self.word_rep_dict_path = str(conf / "q2b.dic")
        self.model = "lac"


@dataclass
class ChineseModel:
    """LAC's network on PaddlePaddle's inference predictor, with LAC's segmenter and vocabulary."""

    predictor: object
    segmenter: object
    dataset: object
    description: str = f"LAC {MODEL_VERSION}"

    def words(self, sentences: list[str]) -> list[list[tuple[str, str]]]:
        """Each sentence as LAC's words and their tags (``ORG``, ``PER``, ``LOC``, ``TIME`` or a part of speech).

        The words of a sentence join up to the sentence itself.
        """
        import numpy as np

        ids: list[int] = []
        offsets = [0]
        lengths = []
        kept = [s for s in sentences if s]
        for sentence in kept:
            sentence_ids, word_lengths = self.dataset.text_to_ids(self.segmenter.fast_cut(sentence))
            ids += sentence_ids
            lengths.append(word_lengths)
            offsets.append(offsets[-1] + len(sentence_ids))
        tagged = iter([])  # each kept sentence's labels and the lengths of its vocabulary words
        if ids:
            handle = self.predictor.get_input_handle(self.predictor.get_input_names()[0])
            handle.reshape([len(ids), 1])
            handle.copy_from_cpu(np.asarray(ids, dtype="int64").reshape(-1, 1))
            handle.set_lod([offsets])
            self.predictor.run()
            output = self.predictor.get_output_handle(self.predictor.get_output_names()[0])
            labels = output.copy_to_cpu().reshape(-1).tolist()
            bounds = output.lod()[0]
            tagged = iter([(labels[bounds[i]:bounds[i + 1]], lengths[i]) for i in range(len(kept))])
        results = []
        for sentence in sentences:
            if not sentence:
                results.append([])
                continue
            labels, word_lengths = next(tagged)
            tags: list[str] = []
            for label, length in zip(labels, word_lengths, strict=True):  # a vocabulary word spans its characters
                tag = self.dataset.id2label_dict[str(label)]
                tags += [tag] + [tag[:-2] + "-I"] * (length - 1)
            words: list[list[str]] = []
            for char, tag in zip(sentence, tags, strict=True):
                if not words or tag.endswith("-B"):
                    words.append([char, tag[:-2]])
                else:
                    words[-1][0] += char
                    words[-1][1] = tag[:-2]
            results.append([(w, t) for w, t in words])
        return results

    def names(self, text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
        """The names LAC tags in ``text`` (``ORG``, ``PER``, ``LOC``), as ``(start, end, words, tag)``, read
        sentence by sentence (``sentences`` are spans of ``text``)."""
        found = []
        for (begin, end), words in zip(sentences, self.words([text[s:e] for s, e in sentences]), strict=True):
            at = begin
            for word, tag in words:
                if tag in ("ORG", "PER", "LOC"):
                    found.append((at, at + len(word), word, tag))
                at += len(word)
            assert at == end
        return found


def _load() -> tuple[ChineseModel | None, str | None]:
    root = _package_dir()
    if root is None:
        return None, "no LAC model installed"
    differ = files_differ(root, PINNED_WEIGHTS)
    if differ:
        return None, f"LAC: files differ from the pinned ones ({', '.join(differ)})"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # paddle warns on import that it finds no C++ compiler cache
            import paddle.inference as inference
    except ImportError:
        return None, "LAC is installed but paddlepaddle is not"
    config = inference.Config(str(root / "lac_model" / "model"))
    config.disable_glog_info()
    config.disable_gpu()
    # two threads for the network's matrix products, as CI's two cores: 1.6 times as fast on 200,000 characters,
    # with the same words and tags as one thread on all 338 Chinese texts of the data folder
    config.set_cpu_math_library_num_threads(MATH_THREADS)
    config.switch_ir_optim(False)  # the network as LAC saved it: no fused kernels whose rounding may differ
    predictor = inference.create_predictor(config)
    conf = root / "lac_model" / "conf"
    segmenter = _lac_module(root, "segment").Segment(str(conf / "small_seg.dic"))
    dataset = _lac_module(root, "reader").Dataset(_Files(conf))
    return ChineseModel(predictor, segmenter, dataset), None


@lru_cache(maxsize=1)
def chinese_model() -> ChineseModel | None:
    """The pinned LAC model when it is installed and usable, else ``None`` (the rule-only path).

    The reason a model that is installed was not used is printed once to standard error.
    """
    if os.environ.get(RULES_ONLY_ENV, "").strip() not in ("", "0"):
        return None
    model, reason = _load()
    if model is None and reason != "no LAC model installed":
        print(f"battery-kg: Chinese model not used: {reason}; extracting with rules only", file=sys.stderr)
    return model
