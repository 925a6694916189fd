#!/usr/bin/env bash
# Scores one SeqAug checkpoint twice, with SeqAug and with the BASRec authors' own code, and prints
# the two sets of metrics side by side:
#   bench/evaluate-in-published.sh CHECKPOINT [DATA_FILE]
# The checkpoint (SASRec or GRU4Rec) is exported with `seqaug export` under the names of the
# authors' PyTorch modules, loaded into their SASRecModel or GRU4Rec by a small safetensors reader
# of ours (bench/evaluate_in_published.py), and scored by their full-ranking validation and test
# on a scratch copy of their code (their files are read there, never copied into this project).
# SeqAug scores it with `seqaug evaluate`, once with the checkpoint's own seen-items rule and once
# with seen items scored 0 as their code does. DATA_FILE defaults to the file in SEQAUG_DATA_DIR
# named after the checkpoint's dataset (beauty -> Beauty.txt). Debian's python3-torch, 2 threads.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 CHECKPOINT [DATA_FILE]" >&2; exit 2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
checkpoint="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
[ -f "$checkpoint" ] || { echo "$1: no such checkpoint" >&2; exit 2; }
peer="${SEQAUG_PEER_DIR:-$root/../shared/peer}/basrec-published"
[ -d "$peer" ] || { echo "published code not found at $peer (set SEQAUG_PEER_DIR)" >&2; exit 2; }
if ! /usr/bin/python3 -c "import torch, scipy, tqdm, numpy" 2>/dev/null; then
  apt-get update -qq && apt-get install -y -qq python3-torch python3-scipy python3-tqdm python3-numpy >/dev/null
fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

"$root/seqaug" export --checkpoint "$checkpoint" --out "$work/model.safetensors" >&2
meta() { /usr/bin/python3 -c "import json,struct,sys; f=open(sys.argv[1],'rb'); n=struct.unpack('<Q',f.read(8))[0]; \
print(json.loads(f.read(n))['__metadata__'][sys.argv[2]])" "$work/model.safetensors" "$1"; }
backbone="$(meta backbone)"
case "$backbone" in
  sasrec) src="$peer/SASRec/src" ;;
  gru4rec) src="$peer/GRU4Rec/src" ;;
  *) echo "$checkpoint: backbone $backbone has no published counterpart (sasrec, gru4rec)" >&2; exit 2 ;;
esac
if [ $# -ge 2 ]; then
  data="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
else
  dataset="$(/usr/bin/python3 -c "import json,sys; print(json.loads(sys.argv[1])['data']['dataset'])" "$(meta settings)")"
  data="$(find "${SEQAUG_DATA_DIR:-$root/../shared/datasets}/" -maxdepth 1 -iname "$dataset.txt" | head -1)"
  [ -n "$data" ] || { echo "no $dataset.txt in ${SEQAUG_DATA_DIR:-$root/../shared/datasets} (set SEQAUG_DATA_DIR or pass DATA_FILE)" >&2; exit 2; }
fi
name="$(basename "$data" .txt)"
mkdir -p "$work/data" "$work/src/output"
cp "$src"/*.py "$work/src/"
cp "$data" "$work/data/$name.txt"
echo "# Item2Vec is not used here" > "$work/src/gensim.py"

echo "seqaug evaluate ..." >&2
ours=$("$root/seqaug" evaluate --checkpoint "$checkpoint" --digits 6 -Dseqaug.data.path="$data")
ours_zero=$("$root/seqaug" evaluate --checkpoint "$checkpoint" --digits 6 -Dseqaug.data.path="$data" \
  -Dseqaug.eval.seen-items=zero-score)
echo "the authors' code ..." >&2
theirs=$(cd "$work/src" && OMP_NUM_THREADS=2 /usr/bin/python3 "$here/evaluate_in_published.py" "$work/model.safetensors" \
  ../data/ "$name" 2>"$work/published.log" | grep '^SEQAUG-RESULT ' | cut -d' ' -f2-) \
  || { echo "the authors' code failed:" >&2; tail -20 "$work/published.log" >&2; exit 1; }
[ -n "$theirs" ] || { echo "the authors' code printed no result:" >&2; tail -20 "$work/published.log" >&2; exit 1; }

/usr/bin/python3 - "$ours" "$ours_zero" "$theirs" "$backbone" "$checkpoint" "$(meta padding)" <<'PY'
import json, sys
ours, ours_zero, theirs, backbone, checkpoint, padding = sys.argv[1:7]
def parse(text):
    out = {}
    for line in text.splitlines():
        split, *rest = line.split()
        out[split] = [float(v) for v in rest[1::2]]
    return out
ours, ours_zero, theirs = parse(ours), parse(ours_zero), json.loads(theirs)
names = ["HR@5", "NDCG@5", "HR@10", "NDCG@10", "HR@20", "NDCG@20"]
print(f"{checkpoint} ({backbone}, padding {padding})")
print("| split | metric | SeqAug (seen items excluded) | SeqAug (seen items scored 0) | authors' code | difference |")
print("|---|---|---|---|---|---|")
worst = 0.0
for split in ["valid", "test"]:
    for i, name in enumerate(names):
        d = theirs[split][i] - ours_zero[split][i]
        worst = max(worst, abs(d))
        print(f"| {split} | {name} | {ours[split][i]:.6f} | {ours_zero[split][i]:.6f} | {theirs[split][i]:.6f} | {d:+.1e} |")
print(f"largest difference, authors' code vs SeqAug with the same seen-items rule: {worst:.1e}"
      + (" (equal to 4 decimals)" if worst < 5e-5 else " (NOT equal to 4 decimals)"))
PY
