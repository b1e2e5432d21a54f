"""Regenerates the Pillow bicubic fixtures from ../opencv/input-12x16.png (Debian python3-pil 9.4.0).

Run from this folder: /usr/bin/python3 make_fixtures.py
"""
from PIL import Image

src = Image.open("../opencv/input-12x16.png").convert("RGB")  # 16 wide, 12 high
for w, h in [(12, 9), (8, 6), (24, 18), (40, 30)]:
    src.resize((w, h), Image.BICUBIC).save("bicubic-%dx%d.png" % (h, w))
