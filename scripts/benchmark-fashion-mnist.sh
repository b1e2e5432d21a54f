#!/usr/bin/env bash
# The published Fashion-MNIST benchmark (docs/benchmarks/fashion-mnist), reproducible:
#   scripts/benchmark-fashion-mnist.sh [EPOCHS] [RUN_DIR]
# trains the four default recipes on 3 seeds, equal epochs (default 10) on all 60,000 training images, evaluates
# 10,000 samples per unit against the 10,000 test images (the `standard` preset with its epochs set), then writes
# the bundle (results.json with the grids embedded, report.html, report.md) and the static site into
# docs/benchmarks/fashion-mnist. Interrupted, it continues from the last finished epoch of every unit; run with a
# larger EPOCHS on the same RUN_DIR to extend the benchmark (every unit continues from its checkpoint).
# About 80 min per seed on an idle 2-core machine at 10 epochs (BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
epochs="${1:-10}"
run="${2:-runs/fashion-mnist-benchmark}"
out=docs/benchmarks/fashion-mnist
./ganiqa compare --preset standard --epochs "$epochs" --variants dcgan,cdcgan,wgan,cwgan --out "$run"
./ganiqa bundle "$run" --out "$out"
./ganiqa report "$out" --format markdown
./ganiqa publish "$out" --site "$out/site"
du -sh "$out"
