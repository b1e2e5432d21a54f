#!/usr/bin/env bash
# The metrics benchmarks of BENCHMARKS.md in one run: Python peers first, then JMH on the same data.
#   benchmarks/run_metrics_benchmarks.sh [DIR]     (default /tmp/ganiqa-bench; ~10 minutes on 2 cores)
# Needs python3-opencv, python3-skimage, python3-scipy (Debian) for the peers and libopenblas0 for JMH.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-/tmp/ganiqa-bench}"
mkdir -p "$dir"
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "== OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset} (left as the environment has it)"
mvn -q -B -pl harness -am package -DskipTests
uptime
/usr/bin/python3 benchmarks/metrics_peers.py "$dir"
uptime
java -Dganiqa.bench.dir="$dir" -Djmh.ignoreLock=true -cp "harness/target/classes:$(cat harness/target/classpath.txt)" \
  org.openjdk.jmh.Main -jvmArgsAppend "-Dganiqa.bench.dir=$dir" -rf json -rff "$dir/jmh.json" \
  'dev.ganiqa.harness.bench.*' 2>&1 | tee "$dir/jmh.log" | grep -E "^(Benchmark|[A-Z][A-Za-z]+Bench\.)|netlib|FID d="
uptime
