package dev.ganiqa.metrics.io;

import java.util.Arrays;

/** A numpy array read into doubles, row-major (C order), with its shape and on-disk dtype ({@code <f4}, {@code <f8}). */
public record NpyArray(int[] shape, double[] data, String dtype) {
    public NpyArray {
        shape = shape.clone();
        long n = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("expected non-negative dimensions, found " + Arrays.toString(shape));
            }
            n *= s;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("expected " + n + " values for shape " + Arrays.toString(shape)
                    + ", found " + data.length);
        }
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }
}
