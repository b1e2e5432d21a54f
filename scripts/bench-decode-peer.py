#!/usr/bin/python3
"""Peer figure for FolderDecodeBenchmark: decode every PNG under DIR (sorted relative paths, recursive) into
one uint8 array with OpenCV (cv2.imread, IMREAD_UNCHANGED) and with PIL (numpy.asarray(Image.open)), on 1
and 2 worker processes. Prints images/s as the median of 5 timed runs after 1 warm-up run."""
import os
import statistics
import sys
import time
from multiprocessing import Pool

import cv2
import numpy as np
from PIL import Image


def files(root):
    found = []
    for base, _, names in os.walk(root):
        found.extend(os.path.join(base, n) for n in names if n.endswith(".png") and not n.startswith("."))
    return sorted(found)


def decode_cv2(path):
    return cv2.imread(path, cv2.IMREAD_UNCHANGED)


def decode_pil(path):
    with Image.open(path) as image:
        return np.asarray(image)


def run(root, decoder, processes, pool):
    paths = files(root)
    if processes == 1:
        images = [decoder(p) for p in paths]
    else:
        images = pool.map(decoder, paths, chunksize=256)
    return np.stack(images)


def main():
    root = sys.argv[1]
    cv2.setNumThreads(1)
    for name, decoder in (("opencv", decode_cv2), ("pil", decode_pil)):
        for processes in (1, 2):
            with Pool(processes) as pool:
                times = []
                for i in range(6):
                    start = time.perf_counter()
                    stacked = run(root, decoder, processes, pool)
                    if i > 0:
                        times.append(time.perf_counter() - start)
                median = statistics.median(times)
                print(f"{name} processes={processes}: {len(stacked)} images, median {median * 1000:.0f} ms, "
                      f"{len(stacked) / median:.0f} images/s")


if __name__ == "__main__":
    main()
