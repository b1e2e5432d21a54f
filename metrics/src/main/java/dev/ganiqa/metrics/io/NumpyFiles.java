package dev.ganiqa.metrics.io;

import dev.ganiqa.datasets.AtomicFiles;
import dev.ganiqa.metrics.stats.CovarianceCheck;
import dev.ganiqa.metrics.stats.FeatureMatrix;
import dev.ganiqa.metrics.stats.GaussianStats;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Feature matrices ({@code .npy}, N x D) and Gaussian statistics ({@code .npz} with {@code mu.npy} and
 * {@code sigma.npy}, stored or deflated, as pytorch-fid's {@code np.savez_compressed} and TTUR's
 * {@code np.savez} write them). Statistics are written as float64 deflated entries, the way pytorch-fid
 * saves them, atomically (temp file in the same folder, then a move).
 *
 * <p>What is read is checked before use, since a wrong file otherwise gives a plausible number: shapes against
 * the file size before allocating, every value finite, and statistics against {@link CovarianceCheck} (sigma
 * symmetric and positive semi-definite). Every refusal is a {@link MalformedFileException} naming the file.
 */
public final class NumpyFiles {
    private NumpyFiles() {
    }

    public static FeatureMatrix readFeatures(Path file) throws IOException {
        NpyArray a;
        try (InputStream in = Files.newInputStream(file)) {
            a = Npy.read(new java.io.BufferedInputStream(in, 1 << 16), file, Files.size(file));
        } catch (NoSuchFileException e) {
            throw new MalformedFileException(file, "expected a .npy feature matrix, found no such file");
        }
        int[] s = a.shape();
        if (s.length != 2) {
            throw new MalformedFileException(file, "expected a 2-D feature matrix (N, D), found shape "
                    + java.util.Arrays.toString(s));
        }
        if (s[1] == 0) {
            throw new MalformedFileException(file, "expected at least one feature column, found shape (" + s[0] + ", 0)");
        }
        double[] data = a.data();
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                long bad = java.util.Arrays.stream(data).filter(v -> !Double.isFinite(v)).count();
                throw new MalformedFileException(file, "expected finite features, found " + data[i] + " at row "
                        + i / s[1] + ", column " + i % s[1] + (bad > 1 ? " (" + bad + " non-finite values in all)" : ""));
            }
        }
        return new FeatureMatrix(s[0], s[1], data);
    }

    public static GaussianStats readStats(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new MalformedFileException(file, "expected an .npz statistics file, found no such file");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            NpyArray mu = entry(zip, file, "mu");
            NpyArray sigma = entry(zip, file, "sigma");
            int[] ms = mu.shape();
            int[] ss = sigma.shape();
            if (ms.length != 1 || ms[0] == 0) {
                throw new MalformedFileException(file, "expected mu of shape (d,), found " + java.util.Arrays.toString(ms));
            }
            if (ss.length != 2 || ss[0] != ms[0] || ss[1] != ms[0]) {
                throw new MalformedFileException(file, "expected sigma of shape (" + ms[0] + ", " + ms[0] + "), found "
                        + java.util.Arrays.toString(ss));
            }
            long n = 0;
            if (zip.getEntry("n.npy") != null) {
                // ganiqa's own files record the sample count; pytorch-fid's and TTUR's do not (n = 0: unknown).
                double[] count = entry(zip, file, "n").data();
                if (count.length != 1 || !(count[0] >= 0) || count[0] != Math.rint(count[0])) {
                    throw new MalformedFileException(file, "expected n to be one non-negative whole number, found "
                            + java.util.Arrays.toString(count));
                }
                n = (long) count[0];
            }
            GaussianStats stats = new GaussianStats(mu.data(), sigma.data(), n);
            String problem = CovarianceCheck.problem(stats);
            if (problem != null) {
                throw new MalformedFileException(file, problem);
            }
            return stats;
        } catch (ZipException e) {
            throw new MalformedFileException(file, "expected an .npz (zip) file, found " + e.getMessage());
        }
    }

    /** Every array of an .npz, keyed by entry name without {@code .npy} (reference fixtures, custom keys). */
    public static java.util.Map<String, NpyArray> readArchive(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new MalformedFileException(file, "expected an .npz file, found no such file");
        }
        java.util.Map<String, NpyArray> out = new java.util.LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (e.getName().endsWith(".npy")) {
                    String key = e.getName().substring(0, e.getName().length() - 4);
                    out.put(key, entry(zip, file, key));
                }
            }
        } catch (ZipException e) {
            throw new MalformedFileException(file, "expected an .npz (zip) file, found " + e.getMessage());
        }
        return out;
    }

    public static void writeStats(Path file, GaussianStats stats) throws IOException {
        int d = stats.dimension();
        AtomicFiles.write(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.setMethod(ZipOutputStream.DEFLATED);
                zip.putNextEntry(new ZipEntry("mu.npy"));
                Npy.write(zip, new int[] {d}, stats.mu());
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("sigma.npy"));
                Npy.write(zip, new int[] {d, d}, stats.sigma());
                zip.closeEntry();
                if (stats.n() > 0) {
                    // An extra key: pytorch-fid and TTUR read mu and sigma by name and ignore it.
                    zip.putNextEntry(new ZipEntry("n.npy"));
                    Npy.write(zip, new int[] {1}, new double[] {stats.n()});
                    zip.closeEntry();
                }
            }
        });
    }

    public static void writeFeatures(Path file, FeatureMatrix features) throws IOException {
        AtomicFiles.write(file, out -> Npy.write(out, new int[] {features.rows(), features.cols()}, features.data()));
    }

    /** {@link #writeFeatures} as {@code <f4}: the extractor's own float32 values, half the size; exact for them. */
    public static void writeFeatures32(Path file, FeatureMatrix features) throws IOException {
        AtomicFiles.write(file, out -> Npy.write(out, new int[] {features.rows(), features.cols()}, features.data(),
                true));
    }

    private static NpyArray entry(ZipFile zip, Path file, String key) throws IOException {
        ZipEntry e = zip.getEntry(key + ".npy");
        if (e == null) {
            throw new MalformedFileException(file, "expected key '" + key + "' (entry " + key + ".npy), found entries "
                    + zip.stream().map(ZipEntry::getName).toList());
        }
        try (InputStream in = zip.getInputStream(e)) {
            return Npy.read(new java.io.BufferedInputStream(in, 1 << 16), Path.of(file + "[" + key + ".npy]"), e.getSize());
        }
    }
}
