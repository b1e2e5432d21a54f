package dev.ganiqa.metrics.image;

/** Java twin of src/test/python/synth.py: the same photo-like images from integer arithmetic alone. */
public final class SyntheticImages {
    private SyntheticImages() {
    }

    public static byte[] synth(int height, int width, int channels, int seed, int noise) {
        byte[] out = new byte[height * width * channels];
        int cx = width * 3 / 5;
        int cy = height * 2 / 5;
        int r = Math.min(height, width) / 4;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < channels; c++) {
                    long v = (long) x * (200 + 20 * c) / width + (long) y * (120 - 30 * c) / height + 20L * c;
                    long dx = x - cx;
                    long dy = y - cy;
                    if (dx * dx + dy * dy < (long) r * r) {
                        v += 70 - 25 * c;
                    }
                    if (x < width / 3 && y > height / 2 && ((x / 6) + (y / 6)) % 2 == 0) {
                        v += 50;
                    }
                    if (y > height * 4 / 5 && y < height * 4 / 5 + height / 20 + 1) {
                        v = v / 4;
                    }
                    if (noise > 0) {
                        v += hash(x, y, c, seed) % (2L * noise + 1) - noise;
                    }
                    out[(y * width + x) * channels + c] = (byte) Math.max(0, Math.min(255, v));
                }
            }
        }
        return out;
    }

    private static long hash(long x, long y, long c, long seed) {
        long m = 0xFFFFFFFFL;
        long v = (x * 73856093L) ^ (y * 19349663L) ^ ((seed * 83492791L + c * 2654435761L) & m);
        v &= m;
        v ^= v >>> 16;
        v = (v * 0x85EBCA6BL) & m;
        v ^= v >>> 13;
        v = (v * 0xC2B2AE35L) & m;
        v ^= v >>> 16;
        return v;
    }
}
