#!/usr/bin/env bash
# FMLP-Rec on Beauty, 8 plain epochs with validation after each: last-block = last-position vs every-position.
cd /work/main
export SEQAUG_DATA_DIR=/work/shared/datasets
for mode in last-position every-position; do
  rm -rf runs/fmlp-accuracy-$mode
  ./seqaug train -Dseqaug.model.backbone=fmlp-rec -Dseqaug.data.dataset=beauty \
    -Dseqaug.train.stage1.epochs=8 -Dseqaug.train.stage1.start-valid=0 -Dseqaug.train.stage1.patience=100 \
    -Dseqaug.train.stage2.epochs=0 -Dseqaug.augmenter.name=none -Dseqaug.train.progress=false \
    -Dseqaug.backbone.fmlp-rec.last-block=$mode -Dseqaug.output-dir=runs/fmlp-accuracy-$mode \
    > runs/fmlp-accuracy-$mode.log 2>&1
done
