#!/usr/bin/env bash
# Datasets benchmarks in one run: JMH (Fashion-MNIST load; folder decode with 1 and 2 threads) and the Python
# peer (OpenCV, PIL) decoding the same 10,000 exported PNGs. Figures go to BENCHMARKS.md by hand, with the machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "== machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(date -u +%Y-%m-%d)"
./ganiqa datasets export fashion-mnist --split train --limit 10000 --out "$work/png" >/dev/null
java -cp "harness/target/classes:$(cat harness/target/classpath.txt)" org.openjdk.jmh.Main \
  -p dir="$work/png" 'dev.ganiqa.harness.bench.*'
echo "== peer (same PNGs)"
/usr/bin/python3 scripts/bench-decode-peer.py "$work/png"
