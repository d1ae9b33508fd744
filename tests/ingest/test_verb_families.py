"""Which verb family of :mod:`graph.ingest.parse_rules` reads a verb whose lemma is in two families ("own" builds
and holds rights, "win" and "secure" win orders and rights, "buy" / "source" source and acquire): the first of
``VERB_FAMILIES`` whose test the verb passes, as the ``elif`` chain the families were cut from read it. The
sentences are the development set's, quoted in tests/ingest/test_real_sentences.py."""

import pytest

from graph.ingest import parse_rules

from .conftest import needs_model


@pytest.fixture
def families_read(monkeypatch) -> list[tuple[str, str]]:
    """Each verb a family reads while the test runs, as (the verb's word, the family's name)."""
    read = []

    def recorded(family):
        def read_and_record(verb):
            read.append((verb.token.text, family.name))
            family.read(verb)
        return family._replace(read=read_and_record)

    monkeypatch.setattr(parse_rules, "VERB_FAMILIES", tuple(recorded(f) for f in parse_rules.VERB_FAMILIES))
    return read


@pytest.mark.parametrize("text, verb, family", [
    ("Tesla, which started delivering the first vehicles from its gigafactory in Shanghai in December last year, "
     "already sources lithium \u2013 an ingredient in EV batteries \u2013 from China\u2019s Ganfeng Lithium, one of "
     "the world\u2019s biggest producers of the commodity.", "sources", "source"),
    ("Also, Yahua Industrial Group disclosed in December 2020 that Yahua Lithium had secured an order from Tesla for "
     "battery-grade lithium hydroxide.", "secured", "order"),
    ("Sinuowei Mining now owns the prospecting rights for detailed investigation of the Dechenongba Lithium Mine and "
     "Quartzite Mine in Yajiang County, Sichuan.", "owns", "win rights"),
    ("Anhui Dazhong New Energy Investment, a wholly owned subsidiary of Inner Mongolia Dazhong Mining, won the "
     "exploration rights yesterday to the Jiada lithium mine for CNY4.2 billion (USD579 million), the parent company "
     "announced today.", "won", "win rights"),
], ids=["sources-from", "secured-an-order", "owns-rights", "won-rights"])
@needs_model
def test_a_verb_in_two_families_goes_to_the_first_that_reads_it(bundled_only, families_read, text, verb, family):
    bundled_only.extract(text)
    assert (verb, family) in families_read, families_read
