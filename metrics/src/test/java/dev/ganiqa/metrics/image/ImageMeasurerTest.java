package dev.ganiqa.metrics.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ganiqa.datasets.ImageShape;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Hand-worked cases, edge cases and invariances of the per-image measures. */
class ImageMeasurerTest {
    private final ImageMeasurer measurer = new ImageMeasurer();

    @Test
    void tooSmallImagesGetReasonsNotNaN() {
        ImageMeasures m = measurer.measure(new byte[] {1, 2, 3, 4, 5, 6}, new ImageShape(2, 3, 1));
        for (Measure measure : Measure.values()) {
            assertThat(m.get(measure).isPresent()).as(measure.column()).isFalse();
            assertThat(m.get(measure).reason()).isNotBlank();
        }
        assertThat(m.get(Measure.LAPLACIAN_VAR).reason()).contains("2x3").contains("3x3");
        assertThat(m.get(Measure.CHROMA_NOISE).reason()).contains("grayscale");
    }

    @Test
    void flatImageHasZeroSharpnessAndNoSpectrum() {
        byte[] flat = new byte[16 * 16];
        java.util.Arrays.fill(flat, (byte) 77);
        ImageMeasures m = measurer.measure(flat, new ImageShape(16, 16, 1));
        assertThat(m.get(Measure.LAPLACIAN_VAR).value()).isZero();
        assertThat(m.get(Measure.TENENGRAD).value()).isZero();
        assertThat(m.get(Measure.IMMERKAER_SIGMA).value()).isZero();
        // Not exactly zero: the db2 taps do not sum to 0 in floating point, and skimage's estimate_sigma
        // returns 7.30979330108131e-32 for this image (pywt.dwtn leaves 81 non-zero HH coefficients).
        assertThat(m.get(Measure.WAVELET_SIGMA).value()).isCloseTo(7.30979330108131e-32,
                dev.ganiqa.metrics.Tolerances.relative(7.30979330108131e-32));
        assertThat(m.get(Measure.HF_ENERGY_RATIO).reason()).contains("flat");
    }

    @Test
    void handWorkedCheckerboardHasAllEnergyAtNyquist() {
        // +-1 checkerboard around 100: the Laplacian is -8x(+-1) everywhere (reflect-101 keeps the pattern),
        // so its variance is 64; the whole spectrum sits at (N/2, N/2), above half Nyquist.
        int n = 8;
        byte[] img = new byte[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                img[r * n + c] = (byte) ((r + c) % 2 == 0 ? 101 : 99);
            }
        }
        ImageMeasures m = measurer.measure(img, new ImageShape(n, n, 1));
        assertThat(m.get(Measure.LAPLACIAN_VAR).value()).isCloseTo(64.0, within(1e-12));
        assertThat(m.get(Measure.TENENGRAD).value()).isCloseTo(0.0, within(1e-12));
        assertThat(m.get(Measure.HF_ENERGY_RATIO).value()).isCloseTo(1.0, within(1e-12));
        // Immerkaer: M applied to the checkerboard gives 16 at each interior pixel.
        assertThat(m.get(Measure.IMMERKAER_SIGMA).value()).isCloseTo(Math.sqrt(Math.PI / 2) / 6 * 16, within(1e-12));
    }

    @Test
    void grayImageStoredAsRgbMeasuresLikeGrayWithNoChroma() {
        byte[] gray = SyntheticImages.synth(40, 50, 1, 3, 9);
        byte[] rgb = new byte[gray.length * 3];
        for (int i = 0; i < gray.length; i++) {
            rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = gray[i];
        }
        ImageMeasures g = measurer.measure(gray, new ImageShape(40, 50, 1));
        ImageMeasures c = measurer.measure(rgb, new ImageShape(40, 50, 3));
        for (Measure m : EnumSet.complementOf(EnumSet.of(Measure.CHROMA_NOISE, Measure.SATURATION))) {
            double v = g.get(m).value();
            assertThat(c.get(m).value()).as(m.column()).isCloseTo(v, within(1e-9 * Math.abs(v) + 1e-9));
        }
        assertThat(c.get(Measure.CHROMA_NOISE).value()).isCloseTo(0.0, within(1e-9));
        assertThat(c.get(Measure.SATURATION).value()).isZero();
        assertThat(g.get(Measure.SATURATION).isPresent()).isFalse();
    }

    @Test
    void selectedMeasuresOnly() {
        byte[] img = SyntheticImages.synth(20, 20, 3, 1, 5);
        ImageMeasures m = new ImageMeasurer(EnumSet.of(Measure.TENENGRAD)).measure(img, new ImageShape(20, 20, 3));
        assertThat(m.get(Measure.TENENGRAD).value()).isEqualTo(measurer.measure(img, new ImageShape(20, 20, 3))
                .get(Measure.TENENGRAD).value());
        assertThat(m.get(Measure.LAPLACIAN_VAR).reason()).isEqualTo("not requested");
    }

    @Test
    void refusesPixelsThatDoNotMatchTheShape() {
        assertThatThrownBy(() -> measurer.measure(new byte[10], new ImageShape(4, 4, 1)))
                .hasMessageContaining("expected 16 bytes for a 4x4x1 image, found 10");
    }

    @Test
    void fftMatchesTheDirectTransformForAwkwardLengths() {
        for (int n : new int[] {1, 2, 3, 5, 6, 7, 12, 28, 49, 64, 97, 120, 210, 1000, 1001}) {
            double[] re = new java.util.SplittableRandom(n).doubles(n).toArray();
            double[] im = new double[n];
            double[] x = re.clone();
            new Fft(n).transform(re, im);
            for (int k = 0; k < n; k++) {
                double sr = 0;
                double si = 0;
                for (int t = 0; t < n; t++) {
                    sr += x[t] * Math.cos(-2 * Math.PI * k * t / n);
                    si += x[t] * Math.sin(-2 * Math.PI * k * t / n);
                }
                assertThat(re[k]).as("n=%d k=%d", n, k).isCloseTo(sr, within(1e-9));
                assertThat(im[k]).as("n=%d k=%d", n, k).isCloseTo(si, within(1e-9));
            }
        }
    }

    @Test
    void summaryUsesNumpyPercentilesAndPopulationStd() {
        MeasureSummary s = MeasureSummary.of(new double[] {5, 1, 4, 2, 3}, 2);
        assertThat(s.count()).isEqualTo(5);
        assertThat(s.missing()).isEqualTo(2);
        assertThat(s.mean()).isEqualTo(3.0);
        assertThat(s.std()).isCloseTo(Math.sqrt(2), within(1e-15));
        assertThat(s.median()).isEqualTo(3.0);
        assertThat(s.p5()).isCloseTo(1.2, within(1e-12));
        assertThat(s.p95()).isCloseTo(4.8, within(1e-12));
        assertThat(MeasureSummary.of(new double[0], 3).count()).isZero();
    }
}
