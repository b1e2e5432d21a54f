package dev.ganiqa.metrics.features.train;

import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import java.util.SplittableRandom;

/**
 * Negatives made from the data's own images by cut and paste (Li, Sohn, Yoon and Pfister, "CutPaste:
 * Self-Supervised Learning for Anomaly Detection and Localization", CVPR 2021, section 3.1): a rectangle of 2% to
 * 15% of the image's area, with an aspect ratio in 0.3..3.3 (log-uniform), is cut from a real image at a random place
 * and pasted at another random place of the same image, its brightness scaled by a factor in 0.9..1.1 (the paper's
 * colour jitter of 0.1). The image keeps the data's intensities and strokes, and one region of it is out of place:
 * an irregularity a classifier of classes ignores and a rejection class must learn.
 *
 * <p>A cut of background pasted on background changes nothing, so the cut must be at least half object pixels
 * (8 and brighter) and the paste must differ from what it covers by at least 16 gray levels on average; up to 20
 * draws are made, and the last is kept if none qualifies. The composition differs from the held-out families of the
 * out-of-distribution check (a block of another garment, tiles in a random order, torn rows), which no training code
 * may use; whether it generalises is what those groups measure.
 *
 * <p>Image {@code i} is a function of the real images and {@code (seed, i)} alone.
 */
final class CutPasteNegatives {
    static final double MIN_AREA = 0.02;
    static final double MAX_AREA = 0.15;
    static final double MIN_ASPECT = 0.3;
    static final double JITTER = 0.1;
    private static final int TRIES = 20;
    private static final int OBJECT = 8;
    private static final double MIN_CHANGE = 16;

    private CutPasteNegatives() {
    }

    static byte[] image(ImageDataset real, long seed, int index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9FB21C651E98DF25L + 0xC2B2AE3D27D4EB4FL * (index + 1L));
        ImageShape s = real.shape();
        byte[] source = real.image(random.nextInt(real.size()));
        byte[] out = new byte[source.length];
        for (int t = 1; ; t++) {
            System.arraycopy(source, 0, out, 0, source.length);
            Cut cut = Cut.draw(s, random);
            double factor = 1 + random.nextDouble(-JITTER, JITTER);
            if (paste(s, source, cut, factor, out) || t == TRIES) {
                return out;
            }
        }
    }

    /** A rectangle of {@code w} x {@code h} pixels cut at ({@code fromX}, {@code fromY}), pasted at ({@code toX}, {@code toY}). */
    record Cut(int w, int h, int fromX, int fromY, int toX, int toY) {
        static Cut draw(ImageShape s, SplittableRandom random) {
            double area = random.nextDouble(MIN_AREA, MAX_AREA) * s.width() * s.height();
            double aspect = Math.exp(random.nextDouble(Math.log(MIN_ASPECT), Math.log(1 / MIN_ASPECT)));
            int w = (int) Math.max(1, Math.min(s.width() - 1, Math.round(Math.sqrt(area * aspect))));
            int h = (int) Math.max(1, Math.min(s.height() - 1, Math.round(Math.sqrt(area / aspect))));
            return new Cut(w, h, random.nextInt(s.width() - w + 1), random.nextInt(s.height() - h + 1),
                    random.nextInt(s.width() - w + 1), random.nextInt(s.height() - h + 1));
        }
    }

    /** Pastes the cut into {@code out}; whether it qualifies (enough object cut, enough change where it lands). */
    private static boolean paste(ImageShape s, byte[] source, Cut cut, double factor, byte[] out) {
        int c = s.channels();
        int object = 0;
        double change = 0;
        for (int y = 0; y < cut.h(); y++) {
            for (int x = 0; x < cut.w(); x++) {
                boolean isObject = false;
                for (int ch = 0; ch < c; ch++) {
                    int from = ((cut.fromY() + y) * s.width() + cut.fromX() + x) * c + ch;
                    int to = ((cut.toY() + y) * s.width() + cut.toX() + x) * c + ch;
                    int v = source[from] & 0xFF;
                    isObject |= v >= OBJECT;
                    int pasted = (int) Math.max(0, Math.min(255, Math.round(v * factor)));
                    change += Math.abs(pasted - (source[to] & 0xFF));
                    out[to] = (byte) pasted;
                }
                object += isObject ? 1 : 0;
            }
        }
        int pixels = cut.w() * cut.h();
        return object * 2 >= pixels && change / (pixels * c) >= MIN_CHANGE;
    }
}
