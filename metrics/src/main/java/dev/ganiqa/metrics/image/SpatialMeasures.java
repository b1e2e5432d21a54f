package dev.ganiqa.metrics.image;

/**
 * 3x3 stencil measures on one 8-bit plane (row-major, {@code height} x {@code width}, both at least 3).
 *
 * <p>Borders follow OpenCV's default BORDER_REFLECT_101 ({@code x[-1] = x[1]}, {@code x[n] = x[n-2]}), so
 * the values equal {@code cv2.Laplacian(Y, cv2.CV_64F).var()} and the Sobel sums of OpenCV 4 to rounding.
 * The stencils read the plane in place (reflected indices at the borders): no padded or stored copy, so a
 * 12-megapixel photo costs no memory beyond its plane.
 */
final class SpatialMeasures {
    private SpatialMeasures() {
    }

    /**
     * Population variance of the Laplacian with kernel [[0,1,0],[1,-4,1],[0,1,0]] (OpenCV {@code Laplacian},
     * ksize=1, docs.opencv.org imgproc filter functions), two-pass like numpy's {@code var}. Evaluates the
     * stencil twice instead of storing it: on photos this is memory-bound.
     */
    static double laplacianVariance(byte[] y, int h, int w) {
        double sum = 0;
        for (int r = 0; r < h; r++) {
            sum += laplacianRow(y, h, w, r, 0.0, false);
        }
        double mean = sum / ((double) h * w);
        double ss = 0;
        for (int r = 0; r < h; r++) {
            ss += laplacianRow(y, h, w, r, mean, true);
        }
        return ss / ((double) h * w);
    }

    private static double v(byte[] y, int i) {
        return y[i] & 0xFF;
    }

    /** Sum over row r of L, or of (L - mean)^2 when {@code squares}. */
    private static double laplacianRow(byte[] y, int h, int w, int r, double mean, boolean squares) {
        int up = (r == 0 ? 1 : r - 1) * w;
        int down = (r == h - 1 ? h - 2 : r + 1) * w;
        int row = r * w;
        double acc = 0;
        double first = v(y, up) + v(y, row + 1) + v(y, row + 1) + v(y, down) - 4 * v(y, row);
        double last = v(y, up + w - 1) + v(y, row + w - 2) + v(y, row + w - 2) + v(y, down + w - 1) - 4 * v(y, row + w - 1);
        if (squares) {
            acc += (first - mean) * (first - mean) + (last - mean) * (last - mean);
            for (int c = 1; c < w - 1; c++) {
                double d = v(y, up + c) + v(y, row + c - 1) + v(y, row + c + 1) + v(y, down + c) - 4 * v(y, row + c) - mean;
                acc += d * d;
            }
        } else {
            acc += first + last;
            for (int c = 1; c < w - 1; c++) {
                acc += v(y, up + c) + v(y, row + c - 1) + v(y, row + c + 1) + v(y, down + c) - 4 * v(y, row + c);
            }
        }
        return acc;
    }

    /**
     * Tenengrad: mean of Gx^2 + Gy^2 with the 3x3 Sobel kernels Gx = [1,2,1]^T [-1,0,1] and its transpose
     * (OpenCV {@code Sobel} with ksize=3; Krotkov 1987 for the focus measure).
     */
    static double tenengrad(byte[] y, int h, int w) {
        double sum = 0;
        for (int r = 0; r < h; r++) {
            int up = (r == 0 ? 1 : r - 1) * w;
            int down = (r == h - 1 ? h - 2 : r + 1) * w;
            int row = r * w;
            for (int c = 0; c < w; c++) {
                int left = c == 0 ? 1 : c - 1;
                int right = c == w - 1 ? w - 2 : c + 1;
                double gx = (v(y, up + right) + 2 * v(y, row + right) + v(y, down + right))
                        - (v(y, up + left) + 2 * v(y, row + left) + v(y, down + left));
                double gy = (v(y, down + left) + 2 * v(y, down + c) + v(y, down + right))
                        - (v(y, up + left) + 2 * v(y, up + c) + v(y, up + right));
                sum += gx * gx + gy * gy;
            }
        }
        return sum / ((double) h * w);
    }

    /**
     * Immerkaer, "Fast noise variance estimation", Computer Vision and Image Understanding 64(2), 1996:
     * sigma = sqrt(pi/2) / (6 (W-2)(H-2)) * sum over the interior of |I * M|, M = [[1,-2,1],[-2,4,-2],[1,-2,1]]
     * (M is the difference of two Laplacian approximations, so image structure largely cancels).
     */
    static double immerkaer(byte[] y, int h, int w) {
        double sum = 0;
        for (int r = 1; r < h - 1; r++) {
            int k0 = r * w;
            for (int c = 1; c < w - 1; c++) {
                int k = k0 + c;
                double d = v(y, k - w - 1) - 2 * v(y, k - w) + v(y, k - w + 1)
                        - 2 * v(y, k - 1) + 4 * v(y, k) - 2 * v(y, k + 1)
                        + v(y, k + w - 1) - 2 * v(y, k + w) + v(y, k + w + 1);
                sum += Math.abs(d);
            }
        }
        return Math.sqrt(Math.PI / 2) / (6.0 * (w - 2) * (h - 2)) * sum;
    }

    /**
     * {@link #immerkaer} of a chroma plane of RGB(A) samples, computed from three rolling rows of the plane
     * (3 W doubles) instead of the whole H x W plane in double (8 bytes per pixel).
     */
    static double immerkaer(byte[] samples, int h, int w, int stride, Planes.Chroma plane) {
        double[][] rows = {new double[w], new double[w], new double[w]};
        plane.row(samples, 0, w, stride, rows[0]);
        plane.row(samples, 1, w, stride, rows[1]);
        double sum = 0;
        for (int r = 1; r < h - 1; r++) {
            double[] a = rows[(r - 1) % 3];
            double[] b = rows[r % 3];
            double[] d = rows[(r + 1) % 3];
            plane.row(samples, r + 1, w, stride, d);
            for (int c = 1; c < w - 1; c++) {
                double m = a[c - 1] - 2 * a[c] + a[c + 1]
                        - 2 * b[c - 1] + 4 * b[c] - 2 * b[c + 1]
                        + d[c - 1] - 2 * d[c] + d[c + 1];
                sum += Math.abs(m);
            }
        }
        return Math.sqrt(Math.PI / 2) / (6.0 * (w - 2) * (h - 2)) * sum;
    }
}
