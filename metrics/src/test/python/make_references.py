#!/usr/bin/python3
"""Reference values for the metrics module tests, from the public implementations.

Run from the repository root with Debian's python3 (python3-opencv, python3-skimage, python3-scipy, numpy):
    /usr/bin/python3 metrics/src/test/python/make_references.py
It rewrites metrics/src/test/resources/dev/ganiqa/metrics/{image,stats,io}/. The Java tests read only those
files, never Python.

Per-image measures on the 8-bit gray plane (cv2.cvtColor COLOR_RGB2GRAY for colour), and the mean saturation of
cv2.cvtColor COLOR_RGB2HSV (8-bit) for colour: OpenCV (cv2.Laplacian, cv2.Sobel), scikit-image (restoration.estimate_sigma), numpy/scipy
for Immerkaer's estimate and the power spectrum, on every Fashion-MNIST test image and on deterministic
synthetic RGB and gray images (synth.py, mirrored by SyntheticImages in the Java tests).
Set-level: the Frechet distance as pytorch-fid's calculate_frechet_distance computes it (scipy sqrtm), and
numpy transcriptions of the published definitions of KID, improved precision/recall, density/coverage and IS.
"""
import gzip
import io
import os
import sys
import warnings
import zipfile

import cv2
import numpy as np
import scipy.linalg
import scipy.signal
from skimage import restoration

sys.path.insert(0, os.path.dirname(__file__))
from synth import synth  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), '..', 'resources', 'dev', 'ganiqa', 'metrics')
FMNIST = '/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz'

# (name, height, width, channels, seed, noise): small to photo-size, gray and RGB, clean and noisy.
SYNTHETIC = [
    ('rgb-3x3', 3, 3, 3, 1, 20), ('gray-4x4', 4, 4, 1, 2, 10), ('rgb-4x5', 4, 5, 3, 3, 0),
    ('gray-5x7', 5, 7, 1, 4, 30), ('rgb-28x28-clean', 28, 28, 3, 5, 0), ('rgb-32x32', 32, 32, 3, 6, 5),
    ('rgb-32x32-noisy', 32, 32, 3, 7, 40), ('gray-48x64', 48, 64, 1, 8, 3), ('rgb-96x128', 96, 128, 3, 9, 12),
    ('rgb-97x131', 97, 131, 3, 10, 7), ('gray-240x320', 240, 320, 1, 11, 2), ('rgb-480x640', 480, 640, 3, 12, 4),
    ('rgb-768x1024', 768, 1024, 3, 13, 9),
]


def luma(img):
    """Gray as the measures see it: gray as is, colour through OpenCV's 8-bit (fixed-point) RGB2GRAY."""
    if img.shape[2] == 1:
        return img[:, :, 0].astype(np.float64)
    return cv2.cvtColor(np.ascontiguousarray(img[:, :, :3]), cv2.COLOR_RGB2GRAY).astype(np.float64)


def immerkaer(plane):
    h, w = plane.shape
    m = np.array([[1, -2, 1], [-2, 4, -2], [1, -2, 1]], dtype=np.float64)
    s = np.abs(scipy.signal.convolve2d(plane, m, mode='valid')).sum()
    return np.sqrt(np.pi / 2) / (6.0 * (w - 2) * (h - 2)) * s


def hf_ratio(plane):
    h, w = plane.shape
    p = np.abs(np.fft.fft2(plane - plane.mean())) ** 2
    ky = np.minimum(np.arange(h), h - np.arange(h))[:, None].astype(np.int64)
    kx = np.minimum(np.arange(w), w - np.arange(w))[None, :].astype(np.int64)
    high = 16 * (kx * kx * h * h + ky * ky * w * w) > h * h * w * w
    total = p.sum()
    return None if total == 0 else p[high].sum() / total


def measures(img):
    h, w, c = img.shape
    y = luma(img)
    out = {}
    big3 = h >= 3 and w >= 3
    out['laplacian_var'] = cv2.Laplacian(y, cv2.CV_64F).var() if big3 else None
    if big3:
        gx = cv2.Sobel(y, cv2.CV_64F, 1, 0, ksize=3)
        gy = cv2.Sobel(y, cv2.CV_64F, 0, 1, ksize=3)
        out['tenengrad'] = (gx * gx + gy * gy).mean()
    else:
        out['tenengrad'] = None
    out['immerkaer_sigma'] = immerkaer(y) if big3 else None
    if h >= 4 and w >= 4:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            out['wavelet_sigma'] = restoration.estimate_sigma(y)
    else:
        out['wavelet_sigma'] = None
    if c == 3 and big3:
        r, g, b = (img[:, :, k].astype(np.float64) for k in range(3))
        cb = 128.0 - 0.168736 * r - 0.331264 * g + 0.5 * b
        cr = 128.0 + 0.5 * r - 0.418688 * g - 0.081312 * b
        out['chroma_noise'] = (immerkaer(cb) + immerkaer(cr)) / 2.0
    else:
        out['chroma_noise'] = None
    out['hf_energy_ratio'] = hf_ratio(y) if h >= 4 and w >= 4 else None
    if c == 3:
        hsv = cv2.cvtColor(np.ascontiguousarray(img[:, :, :3]), cv2.COLOR_RGB2HSV)
        out['saturation'] = hsv[:, :, 1].astype(np.float64).mean()
    else:
        out['saturation'] = None
    return out


COLUMNS = ['laplacian_var', 'tenengrad', 'immerkaer_sigma', 'wavelet_sigma', 'chroma_noise', 'hf_energy_ratio',
           'saturation']


def fmt(v):
    return '' if v is None or np.isnan(v) else repr(float(v))


def write_measures(path, rows):
    with gzip.open(path, 'wt', encoding='ascii') as f:
        f.write('name,' + ','.join(COLUMNS) + '\n')
        for name, m in rows:
            f.write(name + ',' + ','.join(fmt(m[k]) for k in COLUMNS) + '\n')


def image_references():
    d = os.path.join(ROOT, 'image')
    os.makedirs(d, exist_ok=True)
    with gzip.open(FMNIST, 'rb') as f:
        raw = f.read()
    n, h, w = (int.from_bytes(raw[4 * k:4 * k + 4], 'big') for k in (1, 2, 3))
    imgs = np.frombuffer(raw, dtype=np.uint8, offset=16).reshape(n, h, w, 1)
    write_measures(os.path.join(d, 'fashion-mnist-t10k.csv.gz'), [(str(i), measures(imgs[i])) for i in range(n)])
    rows = [(s[0], measures(synth(*s[1:]))) for s in SYNTHETIC]
    write_measures(os.path.join(d, 'synthetic.csv.gz'), rows)
    with open(os.path.join(d, 'synthetic-specs.csv'), 'w') as f:
        f.write('name,height,width,channels,seed,noise\n')
        for s in SYNTHETIC:
            f.write(','.join(str(v) for v in s) + '\n')


def fid_pytorch_fid(mu1, sigma1, mu2, sigma2, eps=1e-6):
    """pytorch-fid's calculate_frechet_distance (src/pytorch_fid/fid_score.py), restated."""
    diff = mu1 - mu2
    covmean, _ = scipy.linalg.sqrtm(sigma1.dot(sigma2), disp=False)
    if not np.isfinite(covmean).all():
        offset = np.eye(sigma1.shape[0]) * eps
        covmean = scipy.linalg.sqrtm((sigma1 + offset).dot(sigma2 + offset))
    if np.iscomplexobj(covmean):
        covmean = covmean.real
    return diff.dot(diff) + np.trace(sigma1) + np.trace(sigma2) - 2 * np.trace(covmean)


def fid_eigh(mu1, sigma1, mu2, sigma2):
    """tr sqrt(S1 S2) = sum sqrt(eig(sqrt(S1) S2 sqrt(S1))), negative eigenvalues clamped."""
    w, v = np.linalg.eigh(sigma1)
    root = (v * np.sqrt(np.maximum(w, 0))) @ v.T
    e = np.linalg.eigvalsh(root @ sigma2 @ root)
    diff = mu1 - mu2
    return diff.dot(diff) + np.trace(sigma1) + np.trace(sigma2) - 2 * np.sqrt(np.maximum(e, 0)).sum()


def random_cov(rng, d, n, spread):
    """np.cov of n samples whose axes have scales 10**U(-spread, 0), rotated randomly."""
    q, _ = np.linalg.qr(rng.standard_normal((d, d)))
    x = rng.standard_normal((n, d)) * 10.0 ** rng.uniform(-spread, 0, d)
    return np.cov(x @ q.T + rng.standard_normal(d), rowvar=False)


def fid_references(rng):
    d = os.path.join(ROOT, 'stats')
    os.makedirs(d, exist_ok=True)
    cases = {
        'pd-64': (random_cov(rng, 64, 500, 1), random_cov(rng, 64, 500, 1)),
        'ill-conditioned-64': (random_cov(rng, 64, 2000, 5), random_cov(rng, 64, 2000, 5)),
        'rank-deficient-64': (random_cov(rng, 64, 40, 0), random_cov(rng, 64, 30, 0)),
        'one-singular-64': (random_cov(rng, 64, 50, 0), random_cov(rng, 64, 400, 0)),
        'zero-feature-16': (np.pad(random_cov(rng, 15, 100, 0), ((0, 1), (0, 1))),
                            np.pad(random_cov(rng, 15, 100, 0), ((0, 1), (0, 1)))),
    }
    for name, (s1, s2) in cases.items():
        k = s1.shape[0]
        mu1, mu2 = rng.standard_normal(k), rng.standard_normal(k) * 0.5
        np.savez_compressed(os.path.join(d, 'fid-' + name + '.npz'), mu1=mu1, sigma1=s1, mu2=mu2, sigma2=s2,
                            fid_sqrtm=np.float64(fid_pytorch_fid(mu1, s1, mu2, s2)),
                            fid_eigh=np.float64(fid_eigh(mu1, s1, mu2, s2)))


def sqdist(a, b):
    return ((a[:, None, :] - b[None, :, :]) ** 2).sum(-1)


def kth_radii(x, k):
    # k-th nearest neighbour distance, the sample itself being neighbour 0 (prdc's get_kth_value(k + 1)).
    return np.sqrt(np.sort(sqdist(x, x), axis=1)[:, k])


def prdc(real, fake, k):
    """Kynkaanniemi et al. 2019 precision/recall and Naeem et al. 2020 density/coverage, as the prdc package."""
    rr, fr = kth_radii(real, k), kth_radii(fake, k)
    drf = np.sqrt(sqdist(real, fake))
    inside = drf < rr[:, None]
    precision = inside.any(axis=0).mean()
    recall = (drf < fr[None, :]).any(axis=1).mean()
    density = inside.sum(axis=0).mean() / k
    coverage = (drf.min(axis=1) < rr).mean()
    return precision, recall, density, coverage


def mmd2(x, y):
    """Unbiased MMD^2 with the kernel (x.y / d + 1)^3 (Binkowski et al. 2018; torch-fidelity kid.py)."""
    d = x.shape[1]
    kxx, kyy, kxy = ((a @ b.T / d + 1) ** 3 for a, b in ((x, x), (y, y), (x, y)))
    m, n = len(x), len(y)
    return ((kxx.sum() - np.trace(kxx)) / (m * (m - 1)) + (kyy.sum() - np.trace(kyy)) / (n * (n - 1))
            - 2 * kxy.sum() / (m * n))


def inception_score(p, splits):
    """Salimans et al. 2016, per split exp(mean_i KL(p_i || mean p)), as torch-fidelity isc.py (no shuffle)."""
    n = len(p)
    scores = []
    for i in range(splits):
        part = p[i * n // splits:(i + 1) * n // splits]
        q = part.mean(axis=0)
        with np.errstate(divide='ignore', invalid='ignore'):
            kl = np.where(part > 0, part * (np.log(part) - np.log(q)), 0.0).sum(axis=1)
        scores.append(np.exp(kl.mean()))
    return np.mean(scores), np.std(scores)


def set_references(rng):
    d = os.path.join(ROOT, 'stats')
    real = (rng.standard_normal((400, 12)) * 1.5 + 0.3).astype(np.float32)
    fake = (rng.standard_normal((350, 12)) * 1.2 + np.linspace(0, 1, 12)).astype(np.float32)
    np.save(os.path.join(d, 'real-400x12-f4.npy'), real)
    np.save(os.path.join(d, 'fake-350x12-f4.npy'), fake)
    r, f = real.astype(np.float64), fake.astype(np.float64)
    p3, r3, _, _ = prdc(r, f, 3)
    _, _, d5, c5 = prdc(r, f, 5)
    mu1, s1, mu2, s2 = r.mean(0), np.cov(r, rowvar=False), f.mean(0), np.cov(f, rowvar=False)
    logits = rng.standard_normal((1000, 10)) * 3
    probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    probs[:5, 3] = 0.0  # exact zeros: 0 log 0 counts as 0
    probs[:5] /= probs[:5].sum(axis=1, keepdims=True)
    np.save(os.path.join(d, 'probs-1000x10-f8.npy'), probs)
    is_mean, is_std = inception_score(probs, 10)
    np.savez_compressed(os.path.join(d, 'set-references.npz'), mu_real=mu1, sigma_real=s1, mu_fake=mu2,
                        sigma_fake=s2, fid=np.float64(fid_pytorch_fid(mu1, s1, mu2, s2)),
                        kid_full=np.float64(mmd2(r, f)), kid_first100=np.float64(mmd2(r[:100], f[:100])),
                        precision=p3, recall=r3, density=d5, coverage=c5, is_mean=is_mean, is_std=is_std)


def io_fixtures(rng):
    d = os.path.join(ROOT, 'io')
    os.makedirs(d, exist_ok=True)
    mu, x = rng.standard_normal(5), rng.standard_normal((20, 5))
    sigma = np.cov(x, rowvar=False)
    np.savez(os.path.join(d, 'stats-stored-f8.npz'), mu=mu, sigma=sigma)  # TTUR style: stored entries
    np.savez_compressed(os.path.join(d, 'stats-deflated-f8.npz'), mu=mu, sigma=sigma)  # pytorch-fid style
    np.savez_compressed(os.path.join(d, 'stats-deflated-f4.npz'), mu=mu.astype(np.float32),
                        sigma=sigma.astype(np.float32))
    np.savez(os.path.join(d, 'stats-no-sigma.npz'), mu=mu)
    np.savez(os.path.join(d, 'stats-sigma-wrong-shape.npz'), mu=mu, sigma=sigma[:4])
    np.save(os.path.join(d, 'features-f4.npy'), x.astype(np.float32))
    np.save(os.path.join(d, 'features-f8.npy'), x)
    np.save(os.path.join(d, 'features-fortran.npy'), np.asfortranarray(x))
    np.save(os.path.join(d, 'features-i4.npy'), (x * 10).astype(np.int32))
    np.save(os.path.join(d, 'features-big-endian.npy'), x.astype('>f8'))
    np.save(os.path.join(d, 'features-1d.npy'), mu)
    buf = io.BytesIO()
    np.save(buf, x)
    with open(os.path.join(d, 'features-truncated.npy'), 'wb') as f:
        f.write(buf.getvalue()[:-17])
    with open(os.path.join(d, 'expected.txt'), 'w') as f:
        f.write('mu ' + ' '.join(repr(float(v)) for v in mu) + '\n')
        f.write('sigma ' + ' '.join(repr(float(v)) for v in sigma.ravel()) + '\n')
        f.write('x ' + ' '.join(repr(float(v)) for v in x.ravel()) + '\n')
    with zipfile.ZipFile(os.path.join(d, 'stats-deflated-f8.npz')) as z:
        assert z.getinfo('mu.npy').compress_type == zipfile.ZIP_DEFLATED


def invalid_fixtures():
    """Files that parse but hold no valid features or statistics: each must be refused naming the file."""
    d = os.path.join(ROOT, 'io')
    os.makedirs(d, exist_ok=True)
    x = np.arange(40, dtype=np.float64).reshape(8, 5) / 7.0
    np.savez_compressed(os.path.join(d, 'stats-sigma-negative.npz'), mu=np.zeros(4), sigma=-np.eye(4))
    sym = np.cov(x, rowvar=False) + np.eye(5)
    asym = sym.copy()
    asym[0, 1] += 1.0  # the upper triangle no longer mirrors the lower one
    np.savez_compressed(os.path.join(d, 'stats-sigma-asymmetric.npz'), mu=np.zeros(5), sigma=asym)
    mu = np.zeros(5)
    mu[2] = np.nan
    np.savez_compressed(os.path.join(d, 'stats-mu-nan.npz'), mu=mu, sigma=sym)
    inf = sym.copy()
    inf[3, 3] = np.inf
    np.savez_compressed(os.path.join(d, 'stats-sigma-inf.npz'), mu=np.zeros(5), sigma=inf)
    # 6 vectors in 40 dimensions, stored as float32: singular, its zero eigenvalues perturbed by the rounding.
    y = np.random.default_rng(7).standard_normal((6, 40))
    np.savez_compressed(os.path.join(d, 'stats-singular-f4.npz'), mu=y.mean(axis=0).astype(np.float32),
                        sigma=np.cov(y, rowvar=False).astype(np.float32))
    nan = x.copy()
    nan[3, 2] = np.nan
    np.save(os.path.join(d, 'features-nan.npy'), nan)
    # numpy never writes these headers; they are what a corrupted or hostile file may hold.
    for name, shape in (('features-negative-shape.npy', '(-5, 64)'), ('features-huge-shape.npy', '(1000000000, 1000000000)'),
                        ('features-shape-beyond-data.npy', '(100000, 2048)')):
        header = "{'descr': '<f8', 'fortran_order': False, 'shape': %s, }" % shape
        header += ' ' * ((64 - (10 + len(header) + 1) % 64) % 64) + '\n'
        with open(os.path.join(d, name), 'wb') as f:
            f.write(b'\x93NUMPY\x01\x00' + len(header).to_bytes(2, 'little') + header.encode('latin1'))
            f.write(np.zeros(8).tobytes())


if __name__ == '__main__':
    if sys.argv[1:] == ['image']:  # only the per-image tables
        image_references()
        sys.exit(0)
    image_references()
    rng = np.random.default_rng(20261122)
    fid_references(rng)
    set_references(rng)
    io_fixtures(rng)
    invalid_fixtures()
    print('references written under', os.path.normpath(ROOT))
