#!/usr/bin/env bash
# Quiet 2-core machine, one after the other, the launcher as a new user runs it (only SEQAUG_DATA_DIR set).
# The iclrec "before" line runs the previous main (6c75f8c) from a worktree at /work/meas.
set -u
out=$(cd "$(dirname "$0")" && pwd)
export SEQAUG_DATA_DIR=/work/shared/datasets
date -u +%FT%TZ > "$out/dates.txt"
(cd /work/meas && ./seqaug bench --augmenter iclrec --epochs 2 -c examples/baselines.conf) > "$out/iclrec-before-6c75f8c.txt" 2>&1
for a in iclrec coserec cl4srec duorec; do
  (cd /work/main && ./seqaug bench --augmenter "$a" --epochs 2 -c examples/baselines.conf) > "$out/$a.txt" 2>&1
done
date -u +%FT%TZ >> "$out/dates.txt"
