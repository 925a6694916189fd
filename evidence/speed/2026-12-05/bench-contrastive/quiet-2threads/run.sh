#!/usr/bin/env bash
# wait for the FMLP run to finish, then bench each contrastive method on the quiet machine (2 threads)
while pgrep -f "reproduce-beauty-fmlp-rec" > /dev/null; do sleep 10; done
cd /work/main
export SEQAUG_DATA_DIR=/work/shared/datasets
for a in cl4srec duorec iclrec coserec data-augment; do
  echo "== $a $(date -u +%T)"
  ./seqaug bench -c examples/baselines.conf --augmenter $a --epochs 2 > /tmp/bench2/$a.txt 2>&1
done
echo "done $(date -u +%T)"
