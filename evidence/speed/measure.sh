#!/usr/bin/env bash
# Pauses the background training runs, takes the speed figures on a quiet machine, resumes them.
set -uo pipefail
cd /work/main
export SEQAUG_DATA_DIR=/work/shared/datasets
pids=$(pgrep -f "seqaug.jar compare" | tr '\n' ' ')
trap 'kill -CONT $pids 2>/dev/null' EXIT
[ -n "$pids" ] && kill -STOP $pids
sleep 2
out=runs/bench
run() { local name=$1; shift; echo "== $name: $*"; /usr/bin/time -v "$@" > $out/$name.txt 2> $out/$name.time; grep -E "Elapsed|Maximum resident" $out/$name.time; }
run sasrec-tcmalloc ./seqaug bench --epochs 3 -Dseqaug.augmenter.basrec.rate-max=0.71
run published-stage2 ../shared/peer/time-published.sh stage2
run published-plain ../shared/peer/time-published.sh plain
run sasrec-glibc-tuned env SEQAUG_ALLOCATOR=glibc ./seqaug bench --epochs 3 -Dseqaug.augmenter.basrec.rate-max=0.71
run sasrec-glibc-default env SEQAUG_ALLOCATOR=system ./seqaug bench --epochs 2 -Dseqaug.augmenter.basrec.rate-max=0.71
run gru4rec-tcmalloc ./seqaug bench --epochs 3 -Dseqaug.model.backbone=gru4rec -Dseqaug.augmenter.basrec.rate-max=0.71
run fmlp-tcmalloc ./seqaug bench --epochs 2 -Dseqaug.model.backbone=fmlp-rec -Dseqaug.augmenter.basrec.rate-max=0.71
echo done
