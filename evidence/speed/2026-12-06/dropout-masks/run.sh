#!/usr/bin/env bash
# Engine against host dropout masks (seqaug.train.dropout-masks), each pair in one session on the quiet
# machine, the launcher as a new user runs it (only SEQAUG_DATA_DIR set).
# FMLP-Rec on the first 4,000 users of Beauty (head -4000 Beauty.txt > /tmp/b4k.txt), as the
# 2026-12-05 parts measurement; SASRec and GRU4Rec on all of Beauty.
set -u
: "${SEQAUG_DATA_DIR:?set SEQAUG_DATA_DIR to the folder holding Beauty.txt}"
cd "$(dirname "$0")/../../../.."
for masks in engine host; do
  echo "# fmlp-rec, BASRec published settings, dropout-masks = $masks"
  ./seqaug bench -c examples/reproduce-beauty-fmlp-rec.conf -Dseqaug.data.path=/tmp/b4k.txt --epochs 2 \
    -Dseqaug.train.dropout-masks=$masks 2>&1 | grep -v "WARN\|INFO"
done
for masks in engine host engine host; do
  echo "# sasrec (baselines.conf: 2 layers, dropout 0.1), BASRec, dropout-masks = $masks"
  ./seqaug bench -c examples/baselines.conf --epochs 3 -Dseqaug.train.dropout-masks=$masks 2>&1 | grep -v "WARN\|INFO"
done
for masks in engine host engine host engine host; do
  echo "# gru4rec, BASRec, dropout-masks = $masks"
  ./seqaug bench --epochs 3 -Dseqaug.model.backbone=gru4rec -Dseqaug.train.dropout-masks=$masks 2>&1 | grep -v "WARN\|INFO"
done
