#!/usr/bin/python3
"""A mixed image folder as users have them, and the per-image measures of each file computed alone by OpenCV,
scikit-image and numpy: the fixture of MixedFolderReferenceTest.

Run from the repository root with Debian's python3 (python3-opencv, python3-skimage, python3-scipy, python3-pil):
    /usr/bin/python3 metrics/src/test/python/make_mixed_folder.py
It rewrites metrics/src/test/resources/dev/ganiqa/metrics/image/mixed-folder/ and mixed-folder.csv (the same
columns as `ganiqa metrics --per-image`). The Java test reads only those files.

The folder has 28x28 gray PNGs (Fashion-MNIST test images) at the top level beside subfolders of gray and RGB
photos (JPEG and PNG) of several sizes, thin images (1x3000, 3x2000, 3000x5), an RGBA and a gray + alpha PNG.
Each file is read as a user would: cv2.imread(IMREAD_COLOR) (alpha stripped, not composited; gray files come
back with B = G = R), then gray through cv2.cvtColor(COLOR_BGR2GRAY); colour files also give chroma noise from
the decoded R, G, B. Which files are gray is what the generator wrote (IMREAD_UNCHANGED's colour type).
"""
import gzip
import os
import sys

import cv2
import numpy as np
from PIL import Image

sys.path.insert(0, os.path.dirname(__file__))
from make_references import COLUMNS, fmt, measures  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), '..', 'resources', 'dev', 'ganiqa', 'metrics', 'image')
OUT = os.path.join(ROOT, 'mixed-folder')
FMNIST = '/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz'


def scene(rng, h, w, channels, noise):
    """Smooth gradients, a few discs and bars, Gaussian noise: photo-like detail at every size."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float64)
    planes = []
    for k in range(channels):
        p = 60 + 120 * (x / max(w - 1, 1)) * (0.5 + 0.5 * k / max(channels - 1, 1)) + 50 * np.sin(y / (7.0 + 5 * k))
        for _ in range(4):
            cy, cx, r = rng.uniform(0, h), rng.uniform(0, w), rng.uniform(2, max(3, min(h, w) / 3))
            p += np.where((y - cy) ** 2 + (x - cx) ** 2 < r * r, rng.uniform(-70, 70), 0)
        p[:, (np.arange(w) // 9) % 4 == 0] += 25
        planes.append(p + rng.normal(0, noise, (h, w)))
    return np.clip(np.rint(np.stack(planes, axis=2)), 0, 255).astype(np.uint8)


def write(rel, img, jpeg_quality=None):
    path = os.path.join(OUT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    bgr = img if img.shape[2] == 1 else img[:, :, [2, 1, 0] + ([3] if img.shape[2] == 4 else [])]
    params = [cv2.IMWRITE_JPEG_QUALITY, jpeg_quality] if jpeg_quality else [cv2.IMWRITE_PNG_COMPRESSION, 9]
    assert cv2.imwrite(path, bgr[:, :, 0] if img.shape[2] == 1 else bgr, params)
    return path


def reference(path, gray):
    colour = cv2.imread(path, cv2.IMREAD_COLOR)
    unchanged = cv2.imread(path, cv2.IMREAD_UNCHANGED)
    if unchanged.ndim == 3 and unchanged.shape[2] == 4 and not gray:
        assert (colour == unchanged[:, :, :3]).all(), 'IMREAD_COLOR keeps the stored colours of RGBA'
    rgb = colour[:, :, ::-1]
    if gray:
        assert (rgb[:, :, 0] == rgb[:, :, 1]).all() and (rgb[:, :, 1] == rgb[:, :, 2]).all()
        img = rgb[:, :, :1]
    else:
        img = np.ascontiguousarray(rgb)
    h, w, c = img.shape
    return w, h, c, measures(img)


def main():
    rng = np.random.default_rng(20261123)
    if os.path.isdir(OUT):
        for d, _, files in os.walk(OUT):
            for f in files:
                os.remove(os.path.join(d, f))
    files = []  # (relative path, written as gray)
    with gzip.open(FMNIST, 'rb') as f:
        raw = f.read()
    fm = np.frombuffer(raw, dtype=np.uint8, offset=16).reshape(-1, 28, 28, 1)
    for i in range(3):
        write('fmnist-%d.png' % i, fm[i])
        files.append(('fmnist-%d.png' % i, True))
    photos = [
        ('photos/gray-480x640.jpg', 480, 640, 1, 6, 90),
        ('photos/rgb-333x501.jpg', 333, 501, 3, 8, 88),
        ('photos/rgb-1100x1500.jpg', 1100, 1500, 3, 3, 75),
        ('photos/rgb-150x200.png', 150, 200, 3, 12, None),
        ('photos/gray-97x131.png', 97, 131, 1, 20, None),
        ('thin/gray-1x3000.png', 1, 3000, 1, 10, None),
        ('thin/rgb-3x2000.png', 3, 2000, 3, 10, None),
        ('thin/gray-3000x5.png', 3000, 5, 1, 10, None),
    ]
    for rel, h, w, c, noise, quality in photos:
        write(rel, scene(rng, h, w, c, noise), quality)
        files.append((rel, c == 1))
    rgba = np.concatenate([scene(rng, 90, 120, 3, 9), rng.integers(0, 256, (90, 120, 1), dtype=np.uint8)], axis=2)
    write('alpha/rgba-90x120.png', rgba)
    files.append(('alpha/rgba-90x120.png', False))
    la = np.concatenate([scene(rng, 48, 64, 1, 9), rng.integers(0, 256, (48, 64, 1), dtype=np.uint8)], axis=2)
    Image.fromarray(la, 'LA').save(os.path.join(OUT, 'alpha', 'gray-alpha-48x64.png'))
    files.append(('alpha/gray-alpha-48x64.png', True))
    files.sort()
    with open(os.path.join(ROOT, 'mixed-folder.csv'), 'w') as f:
        f.write('file,width,height,channels,' + ','.join(COLUMNS) + '\n')
        for rel, gray in files:
            w, h, c, m = reference(os.path.join(OUT, rel), gray)
            f.write('%s,%d,%d,%d,%s\n' % (rel, w, h, c, ','.join(fmt(m[k]) for k in COLUMNS)))
    total = sum(os.path.getsize(os.path.join(d, x)) for d, _, fs in os.walk(OUT) for x in fs)
    print('%d files, %d bytes under %s' % (len(files), total, os.path.normpath(OUT)))


if __name__ == '__main__':
    main()
