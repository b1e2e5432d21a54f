package dev.ganiqa.harness.bench;

import dev.ganiqa.datasets.DatasetOptions;
import dev.ganiqa.datasets.DecodedImage;
import dev.ganiqa.datasets.ImageDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding one photo JPEG per call, cycling through the {@code .jpg} files of {@code dir} (benchmarks/jpeg-decode.sh
 * writes 4000x3000 ones with OpenCV and times {@code cv2.imread} on the same files as the peer): {@code decoder=jdk}
 * is ImageIO (IJG libjpeg 6b), {@code fast} the {@link dev.ganiqa.datasets.JpegFastPath} (TensorFlow's
 * libjpeg-turbo, the same pixels). File reading is included, as in {@code cv2.imread}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-Djava.awt.headless=true"})
@State(Scope.Benchmark)
public class JpegDecodeBenchmark {
    @Param({"jdk", "fast"})
    public String decoder;

    @Param({""})
    public String dir;

    private List<Path> files;
    private ImageDecoder images;
    private int next;

    @Setup
    public void prepare() throws IOException {
        if (dir.isEmpty()) {
            throw new IllegalStateException("expected -p dir=FOLDER of .jpg photos (benchmarks/jpeg-decode.sh), found none");
        }
        try (Stream<Path> s = Files.list(Path.of(dir))) {
            files = s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        images = new ImageDecoder(DatasetOptions.DEFAULT_MAX_PIXELS, decoder.equals("fast"));
    }

    @Benchmark
    public DecodedImage decode() throws ImageDecoder.Refused {
        Path file = files.get(next);
        next = (next + 1) % files.size();
        return images.decode(file);
    }
}
