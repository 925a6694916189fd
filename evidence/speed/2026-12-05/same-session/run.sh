#!/usr/bin/env bash
# Same-session figures: the published code, then seqaug bench with and without tcmalloc, and the README main job without it.
while ! grep -q "rc=" /tmp/verify7.log 2>/dev/null; do sleep 5; done
cd /work/main
export SEQAUG_DATA_DIR=/work/shared/datasets
echo "== published stage2 $(date -u +%T)"; ../shared/peer/time-published.sh stage2 > /tmp/m/published-stage2.txt 2>&1
echo "== published plain $(date -u +%T)"; ../shared/peer/time-published.sh plain > /tmp/m/published-plain.txt 2>&1
echo "== bench tcmalloc $(date -u +%T)"; /usr/bin/time -v ./seqaug bench --epochs 3 > /tmp/m/bench-tcmalloc.txt 2>&1
echo "== remove tcmalloc $(date -u +%T)"; apt-get remove -y -qq libtcmalloc-minimal4 > /tmp/m/apt.txt 2>&1
echo "== bench without $(date -u +%T)"; /usr/bin/time -v ./seqaug bench --epochs 3 > /tmp/m/bench-no-tcmalloc.txt 2>&1
echo "== quick without $(date -u +%T)"; rm -rf /tmp/m/quick; /usr/bin/time -v ./seqaug compare -c examples/quick.conf -Dseqaug.output-dir=/tmp/m/quick > /tmp/m/quick-no-tcmalloc.txt 2>&1
echo "== reinstall $(date -u +%T)"; apt-get install -y -qq libtcmalloc-minimal4 >> /tmp/m/apt.txt 2>&1
echo "done $(date -u +%T)"
