"""Residual entity pairs of one sentence that no relation links, with their gold status (dev batches only).

Run with PYTHONPATH at an old extractor's worktree, over batches that version never saw.
usage: residual.py FIRSTMEASURE.json OUT.jsonl
"""
import json, sys, itertools
from pathlib import Path
from graph.ingest.evaluate import _article_text, _read_gold, _gold_names, _norm
from graph.ingest.extractor import Extractor
import math
from bisect import bisect_right
def sentence_at(sentences, offset):
    i = bisect_right(sentences, (offset, math.inf)) - 1
    return sentences[i] if i >= 0 and offset < sentences[i][1] else None
out = open(sys.argv[2], 'w')
if sys.argv[1] == 'ALL':
    import glob, os
    skip = set()
    for f in sys.argv[3:]: skip |= set(json.load(open(f))['articles'])
    ids = sorted(os.path.basename(p)[:-5] for p in glob.glob('data/gold/dev/*.json'))
    ids = [i for i in ids if i not in skip]
else:
    ids = list(json.load(open(sys.argv[1]))['articles'])
ex = Extractor(use_registry=False)
D = Path('data')
for aid in ids:
    gp = D/'gold'/'dev'/f'{aid}.json'
    gold = _read_gold(gp)
    if gold.get('language') != 'en': continue
    art = _article_text(D/'sources', aid) or _article_text(gp.parent/'articles', aid)
    x = ex.extract(*art)
    ns = [_gold_names(g) for g in gold['entities']]
    def gidx(key):
        names = {_norm(n) for n in x.entity(key).names}
        return next((i for i, s in enumerate(ns) if names & s), None)
    gi = lambda n: next((i for i, s in enumerate(ns) if _norm(n) in s), None)
    grel = {}
    for r in gold['relations']:
        grel.setdefault((gi(r['subject']), gi(r['object'])), []).append(r['predicate'] + ('?' if r.get('uncertain') else ''))
    linked = {frozenset((r.subject, r.object)) for r in x.relations}
    found = {(r.subject, r.kind, r.object) for r in x.relations}
    by_sent = {}
    for e in x.entities:
        for _, s, t in e.mentions:
            sp = sentence_at(x.sentences, s)
            if sp: by_sent.setdefault(sp, {}).setdefault(e.key, (s, e, t))
    done = set()
    for sp, ms in sorted(by_sent.items()):
        ents = sorted(ms.values(), key=lambda t: t[0])
        for (sa, a, ta), (sb, b, tb) in itertools.combinations(ents, 2):
            pair = frozenset((a.key, b.key))
            if pair in done: continue
            done.add(pair)
            ga, gb = gidx(a.key), gidx(b.key)
            rec = dict(article=aid, a=a.label, ak=a.kind, b=b.label, bk=b.kind, dist=sb - sa,
                       linked=pair in linked, ga=ga is not None, gb=gb is not None,
                       fwd=grel.get((ga, gb), []) if ga is not None and gb is not None else [],
                       back=grel.get((gb, ga), []) if ga is not None and gb is not None else [],
                       nkinds={k: sum(1 for _, e, _ in ents if e.kind == k) for k in {a.kind, b.kind}},
                       sa=sa - sp[0], ea=ta - sp[0], sb=sb - sp[0], eb=tb - sp[0],
                       sentence=x.text[sp[0]:sp[1]],
                       emitted=[k for (s, k, o) in found if {s, o} == set(pair)])
            out.write(json.dumps(rec, ensure_ascii=False) + '\n')
