"""Deterministic photo-like test images from integer arithmetic only, so that
dev.ganiqa.metrics.image.SyntheticImages (test sources) makes the same bytes in Java.

Gradient background, a bright disk, a checker patch, a dark bar and hash noise; all integer operations."""
import numpy as np


def _hash(x, y, c, seed):
    # 32-bit integer mix (murmur3 finaliser constants), evaluated in uint64 and masked to 32 bits.
    m = np.uint64(0xFFFFFFFF)
    v = (x.astype(np.uint64) * np.uint64(73856093)) ^ (y.astype(np.uint64) * np.uint64(19349663)) \
        ^ np.uint64((seed * 83492791 + c * 2654435761) & 0xFFFFFFFF)
    v &= m
    v ^= v >> np.uint64(16)
    v = (v * np.uint64(0x85EBCA6B)) & m
    v ^= v >> np.uint64(13)
    v = (v * np.uint64(0xC2B2AE35)) & m
    v ^= v >> np.uint64(16)
    return v


def synth(height, width, channels, seed, noise):
    """HWC uint8 image; noise is the half-width of the uniform hash noise (0..63)."""
    y, x = np.mgrid[0:height, 0:width].astype(np.int64)
    out = np.empty((height, width, channels), dtype=np.uint8)
    cx, cy, r = width * 3 // 5, height * 2 // 5, min(height, width) // 4
    for c in range(channels):
        v = (x * (200 + 20 * c)) // width + (y * (120 - 30 * c)) // height + 20 * c
        disk = (x - cx) ** 2 + (y - cy) ** 2 < r * r
        v = v + np.where(disk, 70 - 25 * c, 0)
        checker = (x < width // 3) & (y > height // 2)
        v = v + np.where(checker & (((x // 6) + (y // 6)) % 2 == 0), 50, 0)
        bar = (y > height * 4 // 5) & (y < height * 4 // 5 + height // 20 + 1)
        v = np.where(bar, v // 4, v)
        if noise > 0:
            h = _hash(x, y, c, seed)
            v = v + (h % np.uint64(2 * noise + 1)).astype(np.int64) - noise
        out[:, :, c] = np.clip(v, 0, 255)
    return out
