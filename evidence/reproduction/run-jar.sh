#!/usr/bin/env bash
# Runs a frozen copy of the jar (so rebuilding the project never disturbs a long run), with the
# launcher's allocator choice and one engine thread: ./runs/run-jar.sh JAR args...
set -euo pipefail
jar=$1; shift
. /work/main/bin/allocator.sh
seqaug_select_allocator
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}
exec java -Xmx6g -Dai.djl.pytorch.num_threads=$OMP_NUM_THREADS -Dai.djl.pytorch.num_interop_threads=1 \
  -Dai.djl.offline=true -Dio.seqaug.commit="$(basename "$jar" .jar | sed 's/seqaug-//')" -jar "$jar" "$@"
