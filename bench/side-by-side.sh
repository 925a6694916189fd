#!/usr/bin/env bash
# Times SeqAug and the published BASRec code side by side on this machine, in one session:
#   bench/side-by-side.sh OUT_DIR [extra ./seqaug bench arguments]
# Background `seqaug compare` runs are paused (SIGSTOP) while it measures and resumed after. Writes
# OUT_DIR/{bench-sasrec,published-stage2,published-plain,published-eval}.{txt,time}.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:?usage: bench/side-by-side.sh OUT_DIR [bench arguments]}"; shift
peer="${SEQAUG_PEER_DIR:-$here/../shared/peer}"
mkdir -p "$out"
cd "$here"
pids=$(pgrep -f "java.*compare" | tr '\n' ' ')
trap '[ -n "$pids" ] && kill -CONT $pids 2>/dev/null' EXIT
[ -n "$pids" ] && kill -STOP $pids && sleep 2
run() { local name=$1; shift; echo "== $name: $*"; /usr/bin/time -v "$@" > "$out/$name.txt" 2> "$out/$name.time"; grep -E "Elapsed|Maximum resident" "$out/$name.time"; }
run bench-sasrec ./seqaug bench --epochs 3 -Dseqaug.augmenter.basrec.rate-max=0.71 "$@"
run published-stage2 "$peer/time-published.sh" stage2
run published-plain "$peer/time-published.sh" plain
run published-eval bench/time-published-eval.sh
