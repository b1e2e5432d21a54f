package dev.ganiqa.trainers;

import dev.ganiqa.datasets.ImageShape;

/**
 * The resolution ladder of the shared backbone: square images of base * 2^steps pixels, base 7 for 28x28
 * (7 -> 14 -> 28) and base 4 for 32/64 px (4 -> 8 -> 16 -> 32 (-> 64)), as in the DCGAN reference code.
 */
record Layout(ImageShape image, int base, int steps) {
    static Layout of(ImageShape shape) {
        if (shape.height() != shape.width()) {
            throw new IllegalArgumentException("expected square images, found " + shape);
        }
        int size = shape.height();
        for (int base : new int[] {7, 4}) {
            if (size % base == 0 && Integer.bitCount(size / base) == 1 && size / base >= 2) {
                return new Layout(shape, base, Integer.numberOfTrailingZeros(size / base));
            }
        }
        throw new IllegalArgumentException("expected 7*2^k or 4*2^k pixels (28, 32, 64, ...), found " + shape);
    }

    /** Channels at ladder step i (0 = base resolution): width * 2^(steps-1-i). */
    int channels(int width, int i) {
        return width << (steps - 1 - i);
    }
}
