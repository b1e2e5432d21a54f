package dev.ganiqa.metrics.eval;

import dev.ganiqa.datasets.ArrayDataset;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The fourth final group of {@link OutOfDistribution} (written 2026-12-05 before the rotation-pretext candidate was
 * trained or measured; held out since every extractor failed it, which suggested the class-conditional density
 * candidate): two garments of different classes mixed into one image, the failure a GAN shows between modes. The
 * third final group moved to held out because a scratch probe on approximations of two of its families
 * (torn rows, edges) helped decide to build that candidate.
 * <ul>
 * <li>two garments blended at half opacity (the pixel mean, rounded), a double exposure;</li>
 * <li>the top half of one garment over the bottom half of the other;</li>
 * <li>the left half of one garment beside the right half of the other;</li>
 * <li>a garment with a square block (half the side) of the other pasted at a random place.</li>
 * </ul>
 * The second garment is drawn at random among the images of another class when the images are labelled (of any
 * image otherwise), so that no mix is a garment of one class. Image {@code i} starts from real image {@code i};
 * everything else is a function of {@code (seed, i)}.
 */
final class OodMixedFamilies {
    /** How two images make one: pixel values of the first and second image at a position, the position, the draw. */
    interface Mix {
        double apply(int first, int second, int x, int y, Placement at);
    }

    /** Where a pasted block lies (unused by the other mixes). */
    record Placement(int left, int top, int side) {
        boolean inside(int x, int y) {
            return x >= left && x < left + side && y >= top && y < top + side;
        }
    }

    private OodMixedFamilies() {
    }

    static ImageDataset blend(ImageDataset real, long seed) {
        return mixed(real, seed, "two garments blended at half opacity", (a, b, x, y, at) -> (a + b) / 2.0);
    }

    static ImageDataset topBottom(ImageDataset real, long seed) {
        int h = real.shape().height();
        return mixed(real, seed, "top of one garment, bottom of another",
                (a, b, x, y, at) -> y < h / 2 ? a : b);
    }

    static ImageDataset leftRight(ImageDataset real, long seed) {
        int w = real.shape().width();
        return mixed(real, seed, "left of one garment, right of another",
                (a, b, x, y, at) -> x < w / 2 ? a : b);
    }

    static ImageDataset pastedBlock(ImageDataset real, long seed) {
        return mixed(real, seed, "a block of another garment pasted in", (a, b, x, y, at) -> at.inside(x, y) ? b : a);
    }

    private static ImageDataset mixed(ImageDataset real, long seed, String name, Mix mix) {
        ImageShape s = real.shape();
        int n = real.size();
        int w = s.width();
        int h = s.height();
        int c = s.channels();
        byte[] all = new byte[n * s.values()];
        for (int i = 0; i < n; i++) {
            SplittableRandom random = OodCompositions.imageRandom(seed, i);
            byte[] first = real.image(i);
            byte[] second = real.image(partner(real, i, random));
            int side = Math.max(1, Math.min(w, h) / 2);
            Placement at = new Placement(random.nextInt(w - side + 1), random.nextInt(h - side + 1), side);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int ch = 0; ch < c; ch++) {
                        int p = (y * w + x) * c + ch;
                        double v = mix.apply(first[p] & 0xFF, second[p] & 0xFF, x, y, at);
                        all[i * s.values() + p] = (byte) Math.max(0, Math.min(255, Math.round(v)));
                    }
                }
            }
        }
        return new ArrayDataset(name, s, all, null, List.of(), null, List.of());
    }

    /** A random image of another class than image {@code i} (any other image when unlabelled or after 64 tries). */
    static int partner(ImageDataset real, int i, SplittableRandom random) {
        int n = real.size();
        int j = random.nextInt(n);
        if (!real.hasLabels()) {
            return j;
        }
        for (int tries = 0; tries < 64 && real.label(j) == real.label(i); tries++) {
            j = random.nextInt(n);
        }
        return j;
    }
}
