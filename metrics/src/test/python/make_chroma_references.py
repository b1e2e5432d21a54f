#!/usr/bin/python3
"""Reference values of the chroma background noise (BackgroundNoise.chroma) on real colour images.

Run from the repository root with Debian's python3 (python3-opencv, python3-scipy, numpy) after
scripts/install-emoji.sh:
    /usr/bin/python3 metrics/src/test/python/make_chroma_references.py [EMOJI_DIR]
It writes metrics/src/test/resources/dev/ganiqa/metrics/image/emoji-chroma.csv: the first 400 images of the
google vendor in the dataset's order (emoji.json order, each emoji's skin-tone variants after it, sorted by key),
each RGBA PNG read by OpenCV and composited onto white independently of the Java code, the background fitted on
those 400 images, and per image Immerkaer's estimate (Immerkaer 1996, eq. 2) of the JPEG full-range Cb and Cr
planes over the background pixels, averaged. The Java test reads only the CSV.
"""
import csv
import json
import os
import sys

import cv2
import numpy as np
import scipy.signal

DIR = sys.argv[1] if len(sys.argv) > 1 else '/usr/local/share/ganiqa/emoji-16.0.0'
OUT = os.path.join(os.path.dirname(__file__), '..', 'resources', 'dev', 'ganiqa', 'metrics', 'image',
                   'emoji-chroma.csv')
CATEGORIES = ['Smileys & Emotion', 'People & Body', 'Animals & Nature', 'Food & Drink', 'Travel & Places',
              'Activities', 'Objects', 'Symbols', 'Flags']
COUNT = 400
SHARE = 0.95
TOLERANCE = 2
MASK = np.array([[1, -2, 1], [-2, 4, -2], [1, -2, 1]], dtype=np.float64)


def files(vendor):
    out = []
    for e in json.load(open(os.path.join(DIR, vendor, 'emoji.json'))):
        if e['category'] not in CATEGORIES:
            continue
        flag = 'has_img_' + vendor
        if e.get(flag):
            out.append(e['image'])
        for key in sorted((e.get('skin_variations') or {}).keys()):
            v = e['skin_variations'][key]
            if v.get(flag):
                out.append(v['image'])
    return out


def composite(path):
    bgra = cv2.imread(path, cv2.IMREAD_UNCHANGED)
    if bgra.ndim == 2 or bgra.shape[2] == 3:
        raise SystemExit(path + ': expected RGBA')
    rgb = bgra[:, :, [2, 1, 0]].astype(np.float64)
    a = bgra[:, :, 3:4].astype(np.float64)
    # Never exactly .5 (255 is odd), so floor(x + 0.5) and Java's Math.round agree.
    return np.floor((a * rgb + (255 - a) * 255) / 255 + 0.5).astype(np.uint8)


def main():
    names = files('google')[:COUNT]
    images = np.stack([composite(os.path.join(DIR, 'google', 'img', 'google', '64', n)) for n in names])
    n, h, w, c = images.shape
    flat = images.reshape(n, -1).astype(np.int64)
    median = np.sort(flat, axis=0)[(n + 1) // 2 - 1]
    near = (np.abs(flat - median) <= TOLERANCE).sum(axis=0)
    background = (near >= SHARE * n).reshape(h, w, c).all(axis=2)
    with open(OUT, 'w', newline='') as f:
        out = csv.writer(f, lineterminator='\n')
        out.writerow(['file', 'chroma_background_noise'])
        for name, img in zip(names, images):
            r, g, b = (img[:, :, k].astype(np.float64) for k in range(3))
            sigmas = []
            for plane in (128.0 - 0.168736 * r - 0.331264 * g + 0.5 * b,
                          128.0 + 0.5 * r - 0.418688 * g - 0.081312 * b):
                padded = np.pad(plane, 1, mode='reflect')  # numpy 'reflect' is OpenCV's BORDER_REFLECT_101
                response = scipy.signal.convolve2d(padded, MASK, mode='valid')
                sigmas.append(np.sqrt(np.pi / 2) * np.abs(response[background]).sum() / (6.0 * background.sum()))
            out.writerow([name, repr(float((sigmas[0] + sigmas[1]) / 2.0))])
    print('%s: %d images, background %d of %d pixels' % (OUT, len(names), background.sum(), h * w))


if __name__ == "__main__":
    main()
