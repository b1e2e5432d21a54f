#!/usr/bin/python3
"""Reference values of the colour measures (saturation, hue distance) on real colour images.

Run from the repository root with Debian's python3 (python3-opencv, python3-scipy, numpy) after
scripts/install-emoji.sh:
    /usr/bin/python3 metrics/src/test/python/make_colour_references.py [EMOJI_DIR]
It writes metrics/src/test/resources/dev/ganiqa/metrics/image/emoji-colour.csv: for the first 400 images of each
vendor in the dataset's order (as make_chroma_references.py lists and composites them onto white, independently
of the Java code), the mean saturation of cv2.cvtColor(img, COLOR_RGB2HSV) per image; then three set distances
between pooled hue histograms (OpenCV's 8-bit hue, 180 bins of 2 degrees, pixels of S >= 51 and V >= 51), each
computed as the optimal transport linear programme on the circle (scipy.optimize.linprog, HiGHS; ground
distance the arc length in degrees), which is the definition, not the closed form the Java code uses. The Java
test reads only the CSV.
"""
import csv
import os
import sys

import cv2
import numpy as np
import scipy.optimize

sys.path.insert(0, os.path.dirname(__file__))
import make_chroma_references as chroma  # noqa: E402  (reads DIR from argv as well)

OUT = os.path.join(os.path.dirname(__file__), '..', 'resources', 'dev', 'ganiqa', 'metrics', 'image',
                   'emoji-colour.csv')
COUNT = 400


def hues(images):
    h = np.zeros(180, dtype=np.int64)
    for img in images:
        hsv = cv2.cvtColor(img, cv2.COLOR_RGB2HSV).reshape(-1, 3)
        keep = (hsv[:, 1] >= 51) & (hsv[:, 2] >= 51)
        h += np.bincount(hsv[keep, 0], minlength=180)
    return h


def circular_emd(a, b):
    """min sum_ij P_ij d_ij, P >= 0 with row sums a and column sums b (normalised), d = arc length in degrees."""
    a = a / a.sum()
    b = b / b.sum()
    n = len(a)
    i, j = np.meshgrid(np.arange(n), np.arange(n), indexing='ij')
    d = 2.0 * np.minimum(np.abs(i - j), n - np.abs(i - j))
    rows = np.zeros((n, n * n))
    cols = np.zeros((n, n * n))
    for k in range(n):
        rows[k, k * n:(k + 1) * n] = 1
        cols[k, k::n] = 1
    res = scipy.optimize.linprog(d.reshape(-1), A_eq=np.vstack([rows, cols]), b_eq=np.concatenate([a, b]),
                                 bounds=(0, None), method='highs',
                                 options={'primal_feasibility_tolerance': 1e-10, 'dual_feasibility_tolerance': 1e-10})
    assert res.status == 0, res.message
    return res.fun


def main():
    sets = {}
    rows = []
    for vendor in ('google', 'twitter'):
        names = chroma.files(vendor)[:COUNT]
        imgs = [chroma.composite(os.path.join(chroma.DIR, vendor, 'img', vendor, '64', n)) for n in names]
        sets[vendor] = imgs
        for n, img in zip(names, imgs):
            s = cv2.cvtColor(img, cv2.COLOR_RGB2HSV)[:, :, 1].astype(np.float64).mean()
            rows.append(('saturation', vendor + '/' + n, repr(float(s))))
    g = sets['google']
    t = sets['twitter']
    for name, x, y in (('google 0-199 vs google 200-399', g[:200], g[200:]),
                       ('google 0-399 vs twitter 0-399', g, t),
                       ('google 0-99 vs twitter 300-399', g[:100], t[300:])):
        rows.append(('hue_distance', name, repr(float(circular_emd(hues(x), hues(y))))))
    with open(OUT, 'w', newline='') as f:
        out = csv.writer(f, lineterminator='\n')
        out.writerow(['measure', 'what', 'value'])
        out.writerows(rows)
    print(OUT, len(rows), 'rows;', [r for r in rows if r[0] == 'hue_distance'])


main()
