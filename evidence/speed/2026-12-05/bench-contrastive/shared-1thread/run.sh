#!/usr/bin/env bash
cd /work/main
export SEQAUG_DATA_DIR=/work/shared/datasets OMP_NUM_THREADS=1
for a in cl4srec duorec iclrec coserec data-augment; do
  echo "== $a $(date -u +%T)"
  ./seqaug bench -c examples/baselines.conf --augmenter $a --epochs 2 > /tmp/bench1/$a.txt 2>&1
done
echo "done $(date -u +%T)"
