"""Regenerates the JPEG corpus the fast decoder is checked against (Debian python3-pil 9.4.0, python3-numpy 1.24.2).

Smooth gradients plus seeded noise (a photo's mix of flat and busy regions), odd sizes so the chroma blocks do not
divide the image, every chroma subsampling Pillow writes, progressive, restart markers, gray,
CMYK and a truncated file. Run from this folder: /usr/bin/python3 make_corpus.py
"""
import numpy as np
from PIL import Image

rng = np.random.default_rng(2022)


def photo(h, w):
    y, x = np.mgrid[0:h, 0:w]
    base = np.stack([x * 255.0 / w, y * 255.0 / h, (x + y) * 127.0 / (w + h) + 64], axis=2)
    return np.clip(base + rng.normal(0, 18, (h, w, 3)), 0, 255).astype(np.uint8)


rgb = Image.fromarray(photo(77, 101))
for name, sub in [("444", 0), ("422", 1), ("420", 2)]:
    rgb.save("rgb-%s.jpg" % name, quality=90, subsampling=sub)
rgb.save("rgb-420-q60-progressive.jpg", quality=60, subsampling=2, progressive=True)
rgb.save("rgb-444-optimized.jpg", quality=95, subsampling=0, optimize=True)
Image.fromarray(photo(33, 17)).save("rgb-420-small.jpg", quality=75, subsampling=2)
Image.fromarray(photo(64, 48)).save("rgb-420-restart.jpg", quality=85, subsampling=2, restart_marker_blocks=3)
Image.fromarray(photo(29, 41)[:, :, 0]).save("gray.jpg", quality=90)
Image.fromarray(photo(29, 41)[:, :, 1]).save("gray-progressive.jpg", quality=80, progressive=True)
Image.fromarray(photo(30, 40)).convert("CMYK").save("cmyk.jpg", quality=90)
with open("rgb-420.jpg", "rb") as f:
    whole = f.read()
with open("truncated.jpg", "wb") as f:
    f.write(whole[: len(whole) * 2 // 3])
