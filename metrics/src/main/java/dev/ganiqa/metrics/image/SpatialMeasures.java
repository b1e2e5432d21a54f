package dev.ganiqa.metrics.image;

/**
 * 3x3 stencil measures on one plane (row-major, {@code height} x {@code width}, both at least 3).
 *
 * <p>Borders follow OpenCV's default BORDER_REFLECT_101 ({@code x[-1] = x[1]}, {@code x[n] = x[n-2]}), so
 * the values equal {@code cv2.Laplacian(Y, cv2.CV_64F).var()} and the Sobel sums of OpenCV 4 to rounding.
 */
final class SpatialMeasures {
    private SpatialMeasures() {
    }

    /** The plane with a one-pixel BORDER_REFLECT_101 frame, (h+2) x (w+2). */
    static double[] padReflect101(double[] plane, int h, int w) {
        int pw = w + 2;
        double[] p = new double[(h + 2) * pw];
        for (int r = -1; r <= h; r++) {
            int sr = r < 0 ? 1 : r == h ? h - 2 : r;
            int src = sr * w;
            int dst = (r + 1) * pw;
            System.arraycopy(plane, src, p, dst + 1, w);
            p[dst] = plane[src + 1];
            p[dst + w + 1] = plane[src + w - 2];
        }
        return p;
    }

    /**
     * Population variance of the Laplacian with kernel [[0,1,0],[1,-4,1],[0,1,0]] (OpenCV {@code Laplacian},
     * ksize=1, docs.opencv.org imgproc filter functions), two-pass like numpy's {@code var}. Reads the plane
     * directly (reflect-101 rows and end columns handled in place) and evaluates the stencil twice instead of
     * storing it: on photos this is memory-bound, and a padded copy plus a stored Laplacian triple the traffic.
     */
    static double laplacianVariance(double[] y, int h, int w) {
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

    /** Sum over row r of L, or of (L - mean)^2 when {@code squares}. */
    private static double laplacianRow(double[] y, int h, int w, int r, double mean, boolean squares) {
        int up = (r == 0 ? 1 : r - 1) * w;
        int down = (r == h - 1 ? h - 2 : r + 1) * w;
        int row = r * w;
        double acc = 0;
        double first = y[up] + y[row + 1] + y[row + 1] + y[down] - 4 * y[row];
        double last = y[up + w - 1] + y[row + w - 2] + y[row + w - 2] + y[down + w - 1] - 4 * y[row + w - 1];
        if (squares) {
            acc += (first - mean) * (first - mean) + (last - mean) * (last - mean);
            for (int c = 1; c < w - 1; c++) {
                double v = y[up + c] + y[row + c - 1] + y[row + c + 1] + y[down + c] - 4 * y[row + c] - mean;
                acc += v * v;
            }
        } else {
            acc += first + last;
            for (int c = 1; c < w - 1; c++) {
                acc += y[up + c] + y[row + c - 1] + y[row + c + 1] + y[down + c] - 4 * y[row + c];
            }
        }
        return acc;
    }

    /**
     * Tenengrad: mean of Gx^2 + Gy^2 with the 3x3 Sobel kernels Gx = [1,2,1]^T [-1,0,1] and its transpose
     * (OpenCV {@code Sobel} with ksize=3; Krotkov 1987 for the focus measure).
     */
    static double tenengrad(double[] padded, int h, int w) {
        int pw = w + 2;
        double sum = 0;
        for (int r = 0; r < h; r++) {
            int c0 = (r + 1) * pw + 1;
            for (int c = 0; c < w; c++) {
                int k = c0 + c;
                double gx = (padded[k - pw + 1] + 2 * padded[k + 1] + padded[k + pw + 1])
                        - (padded[k - pw - 1] + 2 * padded[k - 1] + padded[k + pw - 1]);
                double gy = (padded[k + pw - 1] + 2 * padded[k + pw] + padded[k + pw + 1])
                        - (padded[k - pw - 1] + 2 * padded[k - pw] + padded[k - pw + 1]);
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
    static double immerkaer(double[] plane, int h, int w) {
        double sum = 0;
        for (int r = 1; r < h - 1; r++) {
            int k0 = r * w;
            for (int c = 1; c < w - 1; c++) {
                int k = k0 + c;
                double v = plane[k - w - 1] - 2 * plane[k - w] + plane[k - w + 1]
                        - 2 * plane[k - 1] + 4 * plane[k] - 2 * plane[k + 1]
                        + plane[k + w - 1] - 2 * plane[k + w] + plane[k + w + 1];
                sum += Math.abs(v);
            }
        }
        return Math.sqrt(Math.PI / 2) / (6.0 * (w - 2) * (h - 2)) * sum;
    }
}
