#!/usr/bin/env bash
cd /work/meas
export SEQAUG_DATA_DIR=/work/shared/datasets OMP_NUM_THREADS=1
date -u +%FT%TZ
/usr/bin/time -v ./seqaug compare -c examples/duorec-ce.conf --workers 1 -Dseqaug.output-dir=runs
date -u +%FT%TZ
