"""graph.ingest.pos_tagger: jieba's tagger with a faster decoder must tag exactly as jieba's does."""

import random

import jieba
import jieba.posseg
import pytest
from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P
from jieba.posseg.viterbi import viterbi as jiebas_viterbi

from graph.ingest.pos_tagger import POSTokenizer, viterbi

# development sentences: names no dictionary holds, numbers, Latin letters and punctuation among the characters
REAL = [
    "2023年9月,遂宁市射洪市与天齐锂业签署年产2万吨电池级氢氧化锂项目投资协议。",
    "四川雅化实业集团股份有限公司董事长郑戎出席签约仪式并致辞。",
    "眉山市彭山区与巴莫科技就锂电正极材料项目进行了深入交流。",
    "宜宾市叙州区人民政府与四川时代新能源科技有限公司签订合作协议,总投资约100亿元。",
]


@pytest.mark.parametrize("text", REAL)
def test_the_decoder_gives_jiebas_states_on_real_sentences(text):
    for start in range(len(text)):  # every tail: runs that begin with any character
        assert viterbi(text[start:], char_state_tab_P, start_P, trans_P, emit_P) == jiebas_viterbi(
            text[start:], char_state_tab_P, start_P, trans_P, emit_P)


def test_the_decoder_gives_jiebas_states_on_random_runs():
    chars = "".join(sorted(set("".join(REAL)))) + "abcXYZ019 ,.()鑫锂钴镍锰磷酸铁𠀀"  # 𠀀: a character no table holds
    rng = random.Random(20261207)
    for _ in range(300):
        run = "".join(rng.choice(chars) for _ in range(rng.randint(1, 25)))
        assert viterbi(run, char_state_tab_P, start_P, trans_P, emit_P) == jiebas_viterbi(
            run, char_state_tab_P, start_P, trans_P, emit_P), run


def test_the_tokenizer_cuts_and_tags_as_jiebas():
    def taught(tokenizer_class):  # each its own dictionary: a tagger takes the user words' tags out of it
        base = jieba.Tokenizer()
        base.add_word("天齐锂业", 100, "nt")  # a user word: the known names are taught this way
        return tokenizer_class(base)

    ours, theirs = taught(POSTokenizer), taught(jieba.posseg.POSTokenizer)
    for text in REAL:
        assert [(p.word, p.flag) for p in ours.cut(text)] == [(p.word, p.flag) for p in theirs.cut(text)]
        assert [(p.word, p.flag) for p in ours.cut(text, HMM=False)] == [
            (p.word, p.flag) for p in theirs.cut(text, HMM=False)]
