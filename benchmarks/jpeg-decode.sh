#!/usr/bin/env bash
# JPEG decoding of 4000x3000 photos for BENCHMARKS.md: ganiqa's two decoders (JMH, one thread) and OpenCV's
# cv2.imread (libjpeg-turbo, one thread) on the same files, one after the other on the same machine.
# Usage: benchmarks/jpeg-decode.sh [N_PHOTOS] [DIR]   (build first: mvn -q -B install -DskipTests)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-8}"
dir="${2:-/tmp/ganiqa-jpeg-photos}"
cp="$root/harness/target/classes:$(cat "$root/harness/target/classpath.txt")"
mkdir -p "$dir"
# Photos as in BENCHMARKS.md's photo folder: smooth gradients plus Gaussian noise, quality 90, 4:2:0 (OpenCV's default).
/usr/bin/python3 - "$n" "$dir" <<'PY'
import os, sys
import numpy as np, cv2
n, d = int(sys.argv[1]), sys.argv[2]
for i in range(n):
    path = os.path.join(d, "photo-%03d.jpg" % i)
    if os.path.exists(path):
        continue
    rng = np.random.default_rng(i)
    y, x = np.mgrid[0:3000, 0:4000]
    base = np.stack([x * 255.0 / 4000, y * 255.0 / 3000, (x + y) * 127.0 / 7000 + 64 + 20 * i % 60], axis=2)
    img = np.clip(base + rng.normal(0, 12, (3000, 4000, 3)), 0, 255).astype(np.uint8)
    cv2.imwrite(path + ".tmp.jpg", img, [cv2.IMWRITE_JPEG_QUALITY, 90])
    os.replace(path + ".tmp.jpg", path)
PY
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $n photos in $dir"
echo "== ganiqa (JMH, one thread)"
java ${JAVA_OPTS:-} -cp "$cp" org.openjdk.jmh.Main JpegDecodeBenchmark -p dir="$dir" -rf json \
    -rff "${JMH_OUT:-/tmp/jpeg-decode-jmh.json}" "${@:3}"
echo "== OpenCV peer (cv2.imread, one thread)"
/usr/bin/python3 - "$dir" <<'PY'
import glob, sys, time
import cv2
cv2.setNumThreads(1)
files = sorted(glob.glob(sys.argv[1] + "/*.jpg"))
for f in files[:2]:
    cv2.imread(f)
times = []
for _ in range(3):
    t0 = time.perf_counter()
    for f in files:
        cv2.imread(f)
    times.append((time.perf_counter() - t0) / len(files))
print("cv2.imread: %.1f ms per photo (best of 3 passes over %d files; passes %s)"
      % (min(times) * 1e3, len(files), ", ".join("%.1f" % (t * 1e3) for t in times)))
PY
