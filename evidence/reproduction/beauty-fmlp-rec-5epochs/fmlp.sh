#!/usr/bin/env bash
cd /work/meas
export SEQAUG_DATA_DIR=/work/shared/datasets OMP_NUM_THREADS=1
date -u +%FT%TZ
/usr/bin/time -v ./seqaug compare -c examples/reproduce-beauty-fmlp-rec.conf -Dseqaug.train.stage1.epochs=40 -Dseqaug.train.stage1.patience=10 -Dseqaug.train.stage2.epochs=5 -Dseqaug.output-dir=runs
date -u +%FT%TZ
