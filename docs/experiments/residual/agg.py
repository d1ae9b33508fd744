import json,sys,collections,glob
recs=[json.loads(l) for f in sys.argv[1:] for l in open(f)]
print('total pairs',len(recs),'linked',sum(r['linked'] for r in recs))
c=collections.defaultdict(collections.Counter)
for r in recs:
    if r['linked']: continue
    key=(r['ak'],r['bk'])
    if not (r['ga'] and r['gb']): c[key]['nongold']+=1; continue
    rels=[('>'+k) for k in r['fwd']]+[('<'+k) for k in r['back']]
    rels=[k for k in rels if not k.endswith('?')]
    c[key]['none' if not rels else rels[0]]+=1
for key,v in sorted(c.items(), key=lambda kv:-sum(kv[1].values())):
    print(key, sum(v.values()), dict(v.most_common()))
