#!/bin/bash
# quiet-machine benches, each method beside a plain epoch of the same run
cd /work/meas
export SEQAUG_DATA_DIR=/work/shared/datasets
b() { name=$1; shift; echo "== $name $(date -u +%H:%M:%S)"; ./seqaug bench -c examples/baselines.conf --epochs 3 "$@" > runs/bench-trimmed/$name.txt 2>&1; grep -E "stage 2  |plain sasrec  |peak resident|losses, " runs/bench-trimmed/$name.txt; }
b cl4srec-trimmed --augmenter cl4srec
b cl4srec-full --augmenter cl4srec -Dseqaug.augmenter.cl4srec.concatenated-products=full
b iclrec-trimmed --augmenter iclrec
b iclrec-full --augmenter iclrec -Dseqaug.augmenter.iclrec.concatenated-products=full
b coserec --augmenter coserec
b coserec-concatenate --augmenter coserec -Dseqaug.augmenter.coserec.representation=concatenate
b duorec --augmenter duorec
b data-augment --augmenter data-augment
