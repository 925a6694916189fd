#!/usr/bin/env bash
# End-of-session measurements on a quiet machine (background compare runs paused by side-by-side.sh only).
set -u
cd /work/main
export SEQAUG_DATA_DIR=/work/shared/datasets
out=evidence/speed/session6-final
mkdir -p $out
P=$(pgrep -f "java.*compare" | tr '\n' ' ')
trap '[ -n "$P" ] && kill -CONT $P' EXIT
bench/side-by-side.sh $out
[ -n "$P" ] && kill -STOP $P && sleep 1
/usr/bin/time -v ./seqaug bench --epochs 2 -Dseqaug.model.backbone=gru4rec > $out/bench-gru4rec.txt 2> $out/bench-gru4rec.time
rm -rf /tmp/fmlp-final
/usr/bin/time -v ./seqaug train -Dseqaug.model.backbone=fmlp-rec -Dseqaug.data.dataset=beauty -Dseqaug.train.stage1.epochs=2 \
  -Dseqaug.train.stage1.start-valid=100 -Dseqaug.train.stage2.epochs=0 -Dseqaug.augmenter.name=none \
  -Dseqaug.output-dir=/tmp/fmlp-final -Dseqaug.train.progress=false > $out/fmlp-rec-plain.txt 2>&1
rm -rf runs/quick-beauty-session6-old; [ -d runs/quick-beauty ] && mv runs/quick-beauty runs/quick-beauty-session6-old
/usr/bin/time -v ./seqaug compare -c examples/quick.conf > $out/quick-compare.txt 2>&1
echo done > $out/DONE
