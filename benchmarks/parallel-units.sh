#!/usr/bin/env bash
# Parallel units against threads per unit, for BENCHMARKS.md ("Parallel units"): one training run of a recipe
# (whole process: JVM, TF, data, the SavedModel export) with 1 and 2 TF threads, then two single-threaded runs and
# two 2-thread runs side by side. Prints wall seconds and the mean ms per batch from each run's step log (the first
# 20 batches skipped). Usage: benchmarks/parallel-units.sh [VARIANT] [GENERATOR_STEPS]   (default dcgan 200)
# TF_ENABLE_ONEDNN_OPTS=0 benchmarks/parallel-units.sh measures without oneDNN.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
variant="${1:-dcgan}"
steps="${2:-200}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== $variant, $steps generator steps, TF_ENABLE_ONEDNN_OPTS=${TF_ENABLE_ONEDNN_OPTS:-1 (launcher default)}"
"$root/ganiqa" datasets info fashion-mnist >/dev/null # builds the project first if needed

one() { # name threads
  local t0 t1
  t0=$(date +%s.%N)
  "$root/ganiqa" train --variant "$variant" --budget "gsteps:$steps" --threads "$2" --out "$work/$1" >/dev/null 2>&1
  t1=$(date +%s.%N)
  python3 - "$work/$1/log.jsonl" "$1" "$2" "$t0" "$t1" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])][20:]
ms = sum(r["step_ms"] for r in rows) / len(rows)
print(f"{sys.argv[2]:>10}  threads {sys.argv[3]}  wall {float(sys.argv[5]) - float(sys.argv[4]):6.1f} s  {ms:6.1f} ms/batch")
PY
}
pair() { # label threads
  local t0 t1
  t0=$(date +%s.%N)
  one "$1-a" "$2" & one "$1-b" "$2" & wait
  t1=$(date +%s.%N)
  echo "side by side, 2 x $2 thread(s): $(python3 -c "print(f'{$t1 - $t0:.1f}')") s for both"
}
one alone-1 1
one alone-2 2
pair pair-1 1
pair pair-2 2
