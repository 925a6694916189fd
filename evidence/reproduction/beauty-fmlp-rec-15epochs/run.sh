#!/usr/bin/env bash
cd /work/meas
export SEQAUG_DATA_DIR=/work/shared/datasets
date -u +%FT%TZ
echo "== quick glibc"
SEQAUG_ALLOCATOR=glibc /usr/bin/time -v ./seqaug compare -c examples/quick.conf -Dseqaug.output-dir=runs/quick-glibc > runs/quick-glibc.log 2>&1
date -u +%FT%TZ
echo "== quick tcmalloc"
/usr/bin/time -v ./seqaug compare -c examples/quick.conf -Dseqaug.output-dir=runs/quick-tcmalloc > runs/quick-tcmalloc.log 2>&1
date -u +%FT%TZ
echo "== fmlp 15"
/usr/bin/time -v ./seqaug compare -c examples/reproduce-beauty-fmlp-rec.conf -Dseqaug.train.stage1.epochs=40 -Dseqaug.train.stage1.patience=10 -Dseqaug.train.stage2.epochs=15 -Dseqaug.output-dir=runs15 > runs/fmlp15.log 2>&1
date -u +%FT%TZ
