#!/usr/bin/python3
"""Python peers of the metrics benchmarks (BENCHMARKS.md, section "metrics"), on the same data as the JMH runs.

    /usr/bin/python3 benchmarks/metrics_peers.py DIR      # writes DIR/fid-d{64,512,2048}.npz, prints timings

Frechet distance, three routes on the same statistics (median wall time of several calls):
  sqrtm   pytorch-fid calculate_frechet_distance: scipy.linalg.sqrtm(sigma1 @ sigma2)
  eigvals torch-fidelity fid_statistics_to_metric: sum sqrt(np.linalg.eigvals(sigma1 @ sigma2)).real
  eigh    symmetric route: eigh(sigma1) -> sqrt(sigma1), eigvalsh(sqrt(sigma1) sigma2 sqrt(sigma1))
Per-image measures, per image on one core: OpenCV Laplacian variance alone (luma precomputed, and with the luma
conversion), and all six measures as make_references.py computes them (OpenCV, scikit-image, numpy), on the
10,000 Fashion-MNIST test images and on four 1536x2048 RGB synthetic photos (synth.py, same bytes as Java).
"""
import json
import os
import statistics
import sys
import time
import warnings

import numpy as np
import scipy.linalg
import cv2

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'metrics', 'src', 'test', 'python'))
from make_references import measures, luma  # noqa: E402
from synth import synth  # noqa: E402

PHOTOS = [(1536, 2048, 3, 100 + k, 6) for k in range(4)]


def stats_for(d, seed):
    rng = np.random.default_rng(seed)
    n = max(3 * d, 500)
    mix = rng.standard_normal((d, d)) / np.sqrt(d)
    scales = 1.0 / (1.0 + np.arange(d) / 20.0)
    out = []
    for shift in (0.0, 0.3):
        x = (rng.standard_normal((n, d)) * scales) @ mix + shift
        out += [x.mean(axis=0), np.cov(x, rowvar=False)]
    return out


def fid_sqrtm(mu1, s1, mu2, s2):
    diff = mu1 - mu2
    covmean, _ = scipy.linalg.sqrtm(s1.dot(s2), disp=False)
    if not np.isfinite(covmean).all():
        off = np.eye(s1.shape[0]) * 1e-6
        covmean = scipy.linalg.sqrtm((s1 + off).dot(s2 + off))
    return diff.dot(diff) + np.trace(s1) + np.trace(s2) - 2 * np.trace(covmean.real)


def fid_eigvals(mu1, s1, mu2, s2):
    diff = mu1 - mu2
    tr = np.sum(np.sqrt(np.linalg.eigvals(s1.dot(s2)).astype('complex128')).real)
    return diff.dot(diff) + np.trace(s1) + np.trace(s2) - 2 * tr


def fid_eigh(mu1, s1, mu2, s2):
    w, v = np.linalg.eigh(s1)
    root = (v * np.sqrt(np.maximum(w, 0))) @ v.T
    e = np.linalg.eigvalsh(root @ s2 @ root)
    diff = mu1 - mu2
    return diff.dot(diff) + np.trace(s1) + np.trace(s2) - 2 * np.sqrt(np.maximum(e, 0)).sum()


def timed(fn, reps):
    times, value = [], None
    for _ in range(reps):
        t = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), value


def fashion_mnist():
    import gzip
    with gzip.open('/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz', 'rb') as f:
        raw = f.read()
    return np.frombuffer(raw, dtype=np.uint8, offset=16).reshape(-1, 28, 28, 1)


def image_timings(name, images, reps):
    mp = sum(i.shape[0] * i.shape[1] for i in images) / 1e6
    ys = [luma(i) for i in images]
    rows = []
    for label, fn in (('opencv laplacian var (luma given)', lambda: [cv2.Laplacian(y, cv2.CV_64F).var() for y in ys]),
                      ('opencv laplacian var incl. luma', lambda: [cv2.Laplacian(luma(i), cv2.CV_64F).var() for i in images]),
                      ('all six measures (cv2+skimage+numpy)', lambda: [measures(i) for i in images])):
        t, _ = timed(fn, reps)
        rows.append({'set': name, 'what': label, 'seconds': t, 'us_per_image': t / len(images) * 1e6,
                     'megapixels_per_s': mp / t})
    return rows


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else '/tmp/ganiqa-bench'
    os.makedirs(out_dir, exist_ok=True)
    warnings.simplefilter('ignore')
    results = {'numpy': np.__version__, 'scipy': scipy.__version__, 'opencv': cv2.__version__,
               'opencv_threads': cv2.getNumThreads(), 'fid': [], 'images': []}
    for d, reps in ((64, 30), (512, 5), (2048, 3)):
        mu1, s1, mu2, s2 = stats_for(d, d)
        np.savez(os.path.join(out_dir, 'fid-d%d.npz' % d), mu1=mu1, sigma1=s1, mu2=mu2, sigma2=s2)
        for route, fn in (('sqrtm', fid_sqrtm), ('eigvals', fid_eigvals), ('eigh', fid_eigh)):
            t, v = timed(lambda: fn(mu1, s1, mu2, s2), reps)
            results['fid'].append({'d': d, 'route': route, 'seconds': t, 'fid': float(v)})
            print(json.dumps(results['fid'][-1]), flush=True)
    results['images'] += image_timings('fashion-mnist-10k', list(fashion_mnist()), 3)
    photos = [synth(*p) for p in PHOTOS]
    for k, img in enumerate(photos):
        cv2.imwrite(os.path.join(out_dir, 'photo-%d.png' % k), img[:, :, ::-1])  # same files for the JMH run
    results['images'] += image_timings('photos-4x1536x2048', photos, 2)
    for r in results['images']:
        print(json.dumps(r), flush=True)
    with open(os.path.join(out_dir, 'python-peers.json'), 'w') as f:
        json.dump(results, f, indent=1)


if __name__ == '__main__':
    main()
