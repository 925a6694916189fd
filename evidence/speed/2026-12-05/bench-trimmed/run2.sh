#!/bin/bash
cd /work/meas
export SEQAUG_DATA_DIR=/work/shared/datasets
b() { name=$1; shift; echo "== $name $(date -u +%H:%M:%S)"; ./seqaug bench -c examples/baselines.conf --epochs 3 "$@" > runs/bench-trimmed/$name.txt 2>&1; grep -E "stage 2  |plain sasrec  |peak resident|losses, " runs/bench-trimmed/$name.txt; }
b coserec-same --augmenter coserec
b coserec-padded --augmenter coserec -Dseqaug.backbone.sasrec.last-position-layout=padded
b duorec-same --augmenter duorec
b duorec-padded --augmenter duorec -Dseqaug.backbone.sasrec.last-position-layout=padded
b coserec-published --augmenter coserec -Dseqaug.augmenter.coserec.representation=concatenate -Dseqaug.augmenter.coserec.similarity=dot -Dseqaug.augmenter.coserec.temperature=1.0
