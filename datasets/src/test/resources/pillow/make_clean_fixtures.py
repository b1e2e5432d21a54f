"""Regenerates the clean-fid 'clean' resize fixtures from ../opencv/input-12x16.png (Debian python3-pil 9.4.0,
python3-numpy 1.24.2).

clean-fid's definition (GaParmar/clean-fid, cleanfid/resize.py, make_resizer("PIL", False, "bicubic", size)):
each channel becomes a 32-bit float image (mode "F"), is resized with Image.BICUBIC, and the result is clipped to
0..255 without quantisation. Each file holds H x W x 3 float32 little-endian values, no header.

Run from this folder: /usr/bin/python3 make_clean_fixtures.py
"""
import numpy as np
from PIL import Image

src = np.asarray(Image.open("../opencv/input-12x16.png").convert("RGB"))  # 12 high, 16 wide
for w, h in [(37, 29), (7, 5), (23, 9)]:
    channels = []
    for c in range(3):
        img = Image.fromarray(src[:, :, c].astype(np.float32), mode="F")
        img = img.resize((w, h), resample=Image.BICUBIC)
        channels.append(np.asarray(img).clip(0, 255).reshape(h, w, 1))
    out = np.concatenate(channels, axis=2).astype("<f4")
    out.tofile("clean-%dx%d.f32" % (h, w))
