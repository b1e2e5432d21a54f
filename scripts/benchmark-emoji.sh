#!/usr/bin/env bash
# The published colour benchmark (docs/benchmarks/emoji), reproducible, with the fair protocol (README, "The
# comparison protocol") on the emoji dataset at 32x32x3, measured with the shipped emoji extractor
# (ganiqa-emoji-v1, the default for emoji data):
#   scripts/benchmark-emoji.sh [EPOCHS] [RUN_DIR]
# 1. tune: the same search for every variant (TRIALS settings, default 4; TUNE_EPOCHS epochs each, default 5;
#    seed 1), scored by validation FID                                          -> RUN_DIR/tune/tuning.json
# 2. equal epochs: the four variants of the study at their tuned settings, SEEDS seeds (default 3), EPOCHS epochs
#    (default 30) on the emoji training images less the validation part, every sample set against the 1,166 test
#    emoji                                                                      -> RUN_DIR/epochs
# then the bundle (results.json with the grids embedded, report.html, report.md) goes into docs/benchmarks/emoji, and
# the static site into RUN_DIR/site (not into docs: a site's run pages copy the bundle's report and results.json, and
# a run page left out of the repository would be a broken link). Every stage continues where it stopped; a larger EPOCHS on the same RUN_DIR extends
# stage 2 (every unit continues from its checkpoint).
set -euo pipefail
cd "$(dirname "$0")/.."
epochs="${1:-30}"
run="${2:-runs/emoji-benchmark}"
trials="${TRIALS:-4}"
tune_epochs="${TUNE_EPOCHS:-5}"
seeds="${SEEDS:-3}"
variants=dcgan,cdcgan,wgan,cwgan
data=(--data emoji --shape 32x32x3)
out=docs/benchmarks/emoji

./ganiqa tune "${data[@]}" --variants "$variants" --trials "$trials" --epochs "$tune_epochs" --curve-samples 1000 \
  --out "$run/tune"
./ganiqa compare "${data[@]}" --preset standard --epochs "$epochs" --seeds "$seeds" --variants "$variants" \
  --samples 2000 --curve-samples 1000 --tuned "$run/tune/tuning.json" --out "$run/epochs"
./ganiqa bundle "$run/epochs" --out "$out"
./ganiqa report "$out" --format markdown
./ganiqa publish "$out" --site "$run/site"
du -sh "$out"
