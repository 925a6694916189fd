#!/usr/bin/env bash
# Times the published BASRec code's full-ranking validation of every Beauty user on this machine,
# beside ../shared/peer/time-published.sh (which times its training batches), so that SeqAug's
# evaluation speed is a ratio measured in the same session:
#   bench/time-published-eval.sh [rounds]
# Works on a scratch copy of the authors' SASRec code in a temporary folder (their code is read
# there, never copied into this project): an untrained model, 2 threads, CPU, Debian's python3-torch.
set -euo pipefail
rounds=${1:-3}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
peer="${SEQAUG_PEER_DIR:-$here/../../shared/peer}/basrec-published/SASRec/src"
data="${SEQAUG_DATA_DIR:-$here/../../shared/datasets}/Beauty.txt"
[ -d "$peer" ] || { echo "published code not found at $peer (set SEQAUG_PEER_DIR)" >&2; exit 2; }
[ -f "$data" ] || { echo "Beauty.txt not found at $data (set SEQAUG_DATA_DIR)" >&2; exit 2; }
if ! /usr/bin/python3 -c "import torch, scipy, tqdm, numpy" 2>/dev/null; then
  apt-get update -qq && apt-get install -y -qq python3-torch python3-scipy python3-tqdm python3-numpy >/dev/null
fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
mkdir -p "$work/data" "$work/src/output"
cp "$peer"/*.py "$work/src/"
cp "$data" "$work/data/Beauty.txt"
cd "$work/src"
echo "# Item2Vec is not used here" > gensim.py
# Replace the training loop by timed validation rounds.
ROUNDS=$rounds /usr/bin/python3 - <<'PY'
import os
m = open('main.py').read()
loop = "        for epoch in range(args.epochs):\n"
assert loop in m, "the published main.py changed: training loop not found"
timed = ("        import time\n"
         "        for r in range(%d):\n"
         "            t0 = time.time(); trainer.valid(0, full_sort=True)\n"
         "            print('validation seconds: %%.3f' %% (time.time() - t0), flush=True)\n"
         "        raise SystemExit(0)\n" % int(os.environ['ROUNDS']))
open('timed_eval.py', 'w').write(m.replace(loop, timed + loop, 1))
PY
out=$(OMP_NUM_THREADS=2 /usr/bin/python3 timed_eval.py --data_dir ../data/ --data_name Beauty --model_idx 1 --no_cuda 2>&1 \
      | grep "validation seconds")
echo "$out"
best=$(echo "$out" | awk '{print $3}' | sort -g | head -1)
echo "published code, full-ranking validation of all Beauty users: best $best s of $rounds rounds"
