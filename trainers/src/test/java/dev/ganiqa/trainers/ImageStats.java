package dev.ganiqa.trainers;

import dev.ganiqa.datasets.ImageDataset;

/** Test measures: per-image pixel mean/std summaries and a nearest-centroid classifier fitted on real data. */
final class ImageStats {
    private ImageStats() {
    }

    /** {mean, std} of all pixel values (0..255) of the samples. */
    static double[] moments(byte[] pixels) {
        double sum = 0;
        double sq = 0;
        for (byte b : pixels) {
            double v = b & 0xFF;
            sum += v;
            sq += v * v;
        }
        double mean = sum / pixels.length;
        return new double[] {mean, Math.sqrt(Math.max(0, sq / pixels.length - mean * mean))};
    }

    static double[] moments(ImageDataset data) {
        int per = data.shape().values();
        byte[] all = new byte[data.size() * per];
        for (int i = 0; i < data.size(); i++) {
            System.arraycopy(data.image(i), 0, all, i * per, per);
        }
        return moments(all);
    }

    /** Root-mean-square difference between the mean image of the samples and the mean image of the data. */
    static double meanImageDistance(ImageDataset data, Samples samples) {
        int per = data.shape().values();
        double[] real = new double[per];
        for (int i = 0; i < data.size(); i++) {
            byte[] img = data.image(i);
            for (int p = 0; p < per; p++) {
                real[p] += (img[p] & 0xFF) / (double) data.size();
            }
        }
        double[] fake = new double[per];
        for (int i = 0; i < samples.count(); i++) {
            for (int p = 0; p < per; p++) {
                fake[p] += (samples.pixels()[i * per + p] & 0xFF) / (double) samples.count();
            }
        }
        double sq = 0;
        for (int p = 0; p < per; p++) {
            sq += (real[p] - fake[p]) * (real[p] - fake[p]);
        }
        return Math.sqrt(sq / per);
    }

    /** Class-mean images of the data. */
    static double[][] centroids(ImageDataset data) {
        int k = data.classNames().size();
        int per = data.shape().values();
        double[][] c = new double[k][per];
        int[] counts = new int[k];
        for (int i = 0; i < data.size(); i++) {
            byte[] img = data.image(i);
            int y = data.label(i);
            counts[y]++;
            for (int p = 0; p < per; p++) {
                c[y][p] += img[p] & 0xFF;
            }
        }
        for (int y = 0; y < k; y++) {
            for (int p = 0; p < per; p++) {
                c[y][p] /= counts[y];
            }
        }
        return c;
    }

    static int classify(double[][] centroids, byte[] image) {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int y = 0; y < centroids.length; y++) {
            double d = 0;
            for (int p = 0; p < image.length; p++) {
                double diff = (image[p] & 0xFF) - centroids[y][p];
                d += diff * diff;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = y;
            }
        }
        return best;
    }

    static double accuracy(double[][] centroids, Samples samples) {
        int right = 0;
        for (int i = 0; i < samples.count(); i++) {
            right += classify(centroids, samples.image(i)) == samples.labels()[i] ? 1 : 0;
        }
        return right / (double) samples.count();
    }
}
