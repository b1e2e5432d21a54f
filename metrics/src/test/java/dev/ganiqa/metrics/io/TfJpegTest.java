package dev.ganiqa.metrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganiqa.datasets.DatasetOptions;
import dev.ganiqa.datasets.DecodedImage;
import dev.ganiqa.datasets.ImageDecoder;
import dev.ganiqa.datasets.JpegFastPath;
import dev.ganiqa.datasets.JpegHeader;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JPEG fast path gives the JDK decoder's pixels exactly: on a corpus written by Pillow (resources/jpeg, every
 * chroma subsampling it writes, progressive, restart markers, gray, odd sizes) and on photo-sized files written by
 * the JDK's own encoder; files it must not take (CMYK) or cannot (truncated) keep the JDK path's behaviour.
 */
class TfJpegTest {
    private static final List<String> COMMON = List.of("rgb-444.jpg", "rgb-422.jpg", "rgb-420.jpg",
            "rgb-420-q60-progressive.jpg", "rgb-444-optimized.jpg", "rgb-420-small.jpg", "rgb-420-restart.jpg",
            "gray.jpg", "gray-progressive.jpg");

    @TempDir
    Path dir;

    private final ImageDecoder jdk = new ImageDecoder(DatasetOptions.DEFAULT_MAX_PIXELS, false);
    private final ImageDecoder fast = new ImageDecoder(DatasetOptions.DEFAULT_MAX_PIXELS);

    private Path resource(String name) throws Exception {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/jpeg/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void theMetricsModuleProvidesTheFastPath() {
        assertThat(JpegFastPath.find()).isInstanceOf(TfJpeg.class);
    }

    @Test
    void everyCommonFileOfTheCorpusDecodesToTheJdksPixels() throws Exception {
        for (String name : COMMON) {
            Path file = resource(name);
            byte[] bytes = Files.readAllBytes(file);
            JpegHeader header = JpegHeader.parse(bytes);
            assertThat(header.common()).as(name).isTrue();
            DecodedImage reference = jdk.decode(file);
            DecodedImage direct = new TfJpeg().decode(bytes, header);
            assertThat(direct.channels()).as(name).isEqualTo(reference.channels());
            assertThat(direct.samples()).as(name).isEqualTo(reference.samples());
            assertThat(fast.decode(file).samples()).as(name).isEqualTo(reference.samples());
        }
    }

    @Test
    void photoSizedFilesOfTheJdksEncoderDecodeToTheSamePixels() throws Exception {
        for (int[] size : new int[][] {{1203, 901, BufferedImage.TYPE_3BYTE_BGR}, {640, 479, BufferedImage.TYPE_BYTE_GRAY}}) {
            BufferedImage image = new BufferedImage(size[0], size[1], size[2]);
            SplittableRandom random = new SplittableRandom(size[0]);
            byte[] data = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
            int bands = image.getRaster().getNumBands();
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    for (int b = 0; b < bands; b++) {
                        int smooth = (x * (b + 1) + y * (3 - b)) * 255 / (size[0] + size[1]) / 2;
                        data[(y * size[0] + x) * bands + b] = (byte) Math.max(0, Math.min(255, smooth + random.nextInt(-25, 26)));
                    }
                }
            }
            Path file = dir.resolve("photo-" + size[0] + ".jpg");
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
            assertThat(JpegHeader.parse(Files.readAllBytes(file)).common()).isTrue();
            assertThat(fast.decode(file).samples()).as("%dx%d", size[0], size[1]).isEqualTo(jdk.decode(file).samples());
        }
    }

    @Test
    void cmykIsLeftToTheJdkAndATruncatedFileIsStillRefusedInOneLine() throws Exception {
        Path cmyk = resource("cmyk.jpg");
        assertThat(JpegHeader.parse(Files.readAllBytes(cmyk)).common()).isFalse();
        assertThat(fast.decode(cmyk).samples()).isEqualTo(jdk.decode(cmyk).samples());
        Path truncated = resource("truncated.jpg");
        assertThat(JpegHeader.parse(Files.readAllBytes(truncated)).common()).isTrue();
        assertThatThrownBy(() -> new TfJpeg().decode(Files.readAllBytes(truncated),
                JpegHeader.parse(Files.readAllBytes(truncated)))).isNotNull();
        assertThatThrownBy(() -> fast.decode(truncated)).isInstanceOf(ImageDecoder.Refused.class)
                .hasMessageStartingWith("truncated JPEG");
    }

    @Test
    void headersSayWhatTheFramesAre() throws Exception {
        JpegHeader h = JpegHeader.parse(Files.readAllBytes(resource("rgb-420.jpg")));
        assertThat(h.width()).isEqualTo(101);
        assertThat(h.height()).isEqualTo(77);
        assertThat(h.components()).isEqualTo(3);
        assertThat(h.horizontal()).containsExactly(2, 1, 1);
        assertThat(h.vertical()).containsExactly(2, 1, 1);
        assertThat(h.jfif()).isTrue();
        assertThat(JpegHeader.parse(Files.readAllBytes(resource("rgb-420-q60-progressive.jpg"))).frame()).isEqualTo(0xC2);
        assertThat(JpegHeader.parse(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isNull();
    }
}
