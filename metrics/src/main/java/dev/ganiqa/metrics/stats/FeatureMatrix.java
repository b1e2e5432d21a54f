package dev.ganiqa.metrics.stats;

/** N feature vectors of dimension D, row-major: row i is {@code data[i*cols .. (i+1)*cols)}. */
public record FeatureMatrix(int rows, int cols, double[] data) {
    public FeatureMatrix {
        if (rows < 0 || cols <= 0) {
            throw new IllegalArgumentException("expected rows >= 0 and cols > 0, found " + rows + "x" + cols);
        }
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException("expected " + (long) rows * cols + " values for " + rows + "x" + cols
                    + ", found " + data.length);
        }
    }

    public static FeatureMatrix of(double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("expected at least one feature vector, found none");
        }
        int d = rows[0].length;
        double[] data = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) {
                throw new IllegalArgumentException("expected " + d + " features in row " + i + ", found " + rows[i].length);
            }
            System.arraycopy(rows[i], 0, data, i * d, d);
        }
        return new FeatureMatrix(rows.length, d, data);
    }

    public double get(int row, int col) {
        return data[row * cols + col];
    }

    /** The rows at {@code indices}, in that order. */
    public FeatureMatrix select(int[] indices) {
        double[] out = new double[indices.length * cols];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(data, indices[i] * cols, out, i * cols, cols);
        }
        return new FeatureMatrix(indices.length, cols, out);
    }
}
