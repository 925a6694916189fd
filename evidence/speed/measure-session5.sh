#!/usr/bin/env bash
# Session 5: pauses the background training run, takes the speed figures on a quiet machine, resumes it.
set -uo pipefail
cd /work/main
export SEQAUG_DATA_DIR=/work/shared/datasets
pids=$(pgrep -f "java.*compare" | tr '\n' ' ')
trap 'kill -CONT $pids 2>/dev/null' EXIT
[ -n "$pids" ] && kill -STOP $pids
sleep 2
out=runs/bench5
run() { local name=$1; shift; echo "== $name: $*"; /usr/bin/time -v "$@" > $out/$name.txt 2> $out/$name.time; grep -E "Elapsed|Maximum resident" $out/$name.time; }
run bench-sasrec ./seqaug bench --epochs 3 -Dseqaug.augmenter.basrec.rate-max=0.71
run published-stage2 ../shared/peer/time-published.sh stage2
run published-plain ../shared/peer/time-published.sh plain
run published-eval bench/time-published-eval.sh
run bench-gru4rec ./seqaug bench --epochs 2 -Dseqaug.model.backbone=gru4rec -Dseqaug.augmenter.basrec.rate-max=0.71
echo done
