#!/usr/bin/env bash
# The published Fashion-MNIST benchmark (docs/benchmarks/fashion-mnist), reproducible, with the fair protocol
# (README, "The comparison protocol"):
#   scripts/benchmark-fashion-mnist.sh [EPOCHS] [RUN_DIR]
# 1. tune: the same search for every variant (TRIALS settings, default 6, drawn once from the default space;
#    TUNE_EPOCHS epochs each, default 2; seed 1), scored by validation FID  -> RUN_DIR/tune/tuning.json
# 2. equal epochs: the six variants (the four of the study and the matched unconditional partners that isolate the
#    label) at their tuned settings, SEEDS seeds (default 3), EPOCHS epochs (default 10) on the 50,000 training
#    images, 10,000 samples per unit against the 10,000 test images          -> RUN_DIR/epochs
# 3. equal generator steps: the same at GSTEPS generator steps each (default: what a WGAN makes in EPOCHS epochs,
#    EPOCHS x 156), so a DCGAN gets as many generator updates as a WGAN      -> RUN_DIR/gsteps  (GSTEPS=0 skips it)
# then the bundles (results.json with the grids embedded, report.html, report.md) go into
# docs/benchmarks/fashion-mnist (and fashion-mnist-gsteps), and one static site of both runs into RUN_DIR/site (not
# into docs: its run pages copy the bundles' reports and results.json). Every stage continues where it stopped; a larger EPOCHS
# on the same RUN_DIR extends stage 2 (every unit continues from its checkpoint).
set -euo pipefail
cd "$(dirname "$0")/.."
epochs="${1:-10}"
run="${2:-runs/fashion-mnist-benchmark}"
trials="${TRIALS:-6}"
tune_epochs="${TUNE_EPOCHS:-2}"
seeds="${SEEDS:-3}"
gsteps="${GSTEPS:-$((epochs * 156))}"
variants=dcgan,cdcgan,wgan,cwgan,dcgan-matched,wgan-matched
out=docs/benchmarks/fashion-mnist

./ganiqa tune --variants "$variants" --trials "$trials" --epochs "$tune_epochs" --curve-samples 2000 --out "$run/tune"
./ganiqa compare --preset standard --epochs "$epochs" --seeds "$seeds" --variants "$variants" \
  --tuned "$run/tune/tuning.json" --out "$run/epochs"
./ganiqa bundle "$run/epochs" --out "$out"
./ganiqa report "$out" --format markdown
if [ "$gsteps" -gt 0 ]; then
  ./ganiqa compare --preset standard --budget "gsteps:$gsteps" --seeds "$seeds" --variants "$variants" \
    --tuned "$run/tune/tuning.json" --out "$run/gsteps"
  ./ganiqa bundle "$run/gsteps" --out "$out-gsteps"
  ./ganiqa report "$out-gsteps" --format markdown
fi
sites=("$out")
[ "$gsteps" -gt 0 ] && sites+=("$out-gsteps")
./ganiqa publish "${sites[@]}" --site "$run/site"
du -sh "$out"*
