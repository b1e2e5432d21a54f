package dev.ganiqa.harness.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.harness.cli.CliRun;
import dev.ganiqa.trainers.Budget;
import dev.ganiqa.trainers.GanVariants;
import dev.ganiqa.trainers.GeneratorConditioning;
import dev.ganiqa.trainers.Lipschitz;
import dev.ganiqa.trainers.TrainConfig;
import dev.ganiqa.trainers.Trainer;
import dev.ganiqa.trainers.TrainingListener;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainSampleCommandTest {
    @TempDir
    Path dir;

    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();

    private int ganiqa(String... args) {
        CliRun run = CliRun.of(args);
        out.append(run.out());
        err.append(run.err());
        return run.code();
    }

    @Test
    void sampleWritesOneFolderPerClass() throws Exception {
        Path run = dir.resolve("run");
        TrainConfig config = new TrainConfig(GanVariants.CDCGAN,
                GanVariants.CDCGAN.defaults().withSizes(8, 4, 4), Budget.epochs(1), 16, 3, 0);
        Trainer.train(config, new Bars(), run, TrainingListener.none());
        Path samples = dir.resolve("samples");
        assertThat(ganiqa("sample", "--run", run.toString(), "--n", "3", "--out", samples.toString())).isZero();
        try (Stream<Path> s = Files.list(samples)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("classes.txt", "h", "v");
        }
        BufferedImage png = ImageIO.read(samples.resolve("v/000002.png").toFile());
        assertThat(png.getWidth()).isEqualTo(16);
        assertThat(png.getRaster().getNumBands()).isEqualTo(1);

        Path only = dir.resolve("only");
        assertThat(ganiqa("sample", "--run", run.toString(), "--n", "3", "--class", "1", "--out", only.toString()))
                .isZero();
        // Two sample commands are two TensorFlow sessions, whose multi-threaded kernels may sum in another order:
        // the same image to within one 8-bit level (the rounding step a last-bit difference can cross).
        java.awt.image.Raster alone = ImageIO.read(only.resolve("v/000002.png").toFile()).getRaster();
        java.awt.image.Raster all = png.getRaster();
        for (int y = 0; y < all.getHeight(); y++) {
            for (int x = 0; x < all.getWidth(); x++) {
                assertThat(alone.getSample(x, y, 0)).as("pixel (%d, %d)", x, y)
                        .isCloseTo(all.getSample(x, y, 0), org.assertj.core.data.Offset.offset(1));
            }
        }
        assertThat(ganiqa("sample", "--run", run.toString(), "--class", "2", "--out", only.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("expected --class in 0..1, found 2");
    }

    @Test
    void trainRejectsBadVariantAndBudget() {
        assertThat(ganiqa("train", "--variant", "vae")).isEqualTo(2);
        assertThat(err.toString()).contains("expected a variant dcgan, cdcgan, wgan, cwgan, dcgan-matched, wgan-matched, found 'vae'");
        assertThat(ganiqa("train", "--variant", "wgan", "--budget", "steps:3")).isEqualTo(2);
        assertThat(err.toString()).contains("expected a budget epochs:N, gsteps:N or time:MINUTES, found 'steps:3'");
        assertThat(ganiqa("train", "--variant", "wgan", "--lipschitz", "spectral")).isEqualTo(2);
        assertThat(err.toString()).contains("expected a Lipschitz constraint none, gp, clip, found 'spectral'");
    }

    @Test
    void hyperparameterOverridesApplyOnTopOfDefaults() {
        TrainCommand c = new TrainCommand();
        c.lipschitz = "clip";
        c.nCritic = 3;
        c.learningRateD = 1e-3f;
        var h = c.hyperparameters(GanVariants.WGAN);
        assertThat(h.nCritic()).isEqualTo(3);
        assertThat(h.learningRateD()).isEqualTo(1e-3f);
        assertThat(h.learningRateG()).isEqualTo(5e-5f);
        assertThat(h.clip()).isEqualTo(0.01f);

        c.settings = List.of("conditionG=cbn", "cwgan.spectralNorm=true", "wgan.modeSeeking=0.5");
        h = c.hyperparameters(GanVariants.WGAN);
        assertThat(h.conditionG()).isEqualTo(GeneratorConditioning.BATCH_NORM);
        assertThat(h.spectralNorm()).as("a setting for another variant").isFalse();
        assertThat(h.modeSeeking()).isEqualTo(0.5f);
        assertThat(h.nCritic()).as("the options still apply").isEqualTo(3);
        assertThat(h.lipschitz()).isEqualTo(Lipschitz.CLIP);
        c.settings = List.of("conditionD=pooled");
        assertThatThrownBy(() -> c.hyperparameters(GanVariants.CWGAN))
                .hasMessageContaining("expected a critic conditioning projection-flat, projection, channels, found 'pooled'");
        c.settings = List.of("depth=3");
        assertThatThrownBy(() -> c.hyperparameters(GanVariants.CWGAN)).hasMessageContaining("found 'depth'");
    }

    /** Horizontal and vertical bars, 16x16 gray, two classes. */
    private static final class Bars implements ImageDataset {
        @Override
        public String description() {
            return "bars";
        }

        @Override
        public int size() {
            return 64;
        }

        @Override
        public ImageShape shape() {
            return new ImageShape(16, 16, 1);
        }

        @Override
        public List<String> classNames() {
            return List.of("h", "v");
        }

        @Override
        public int label(int index) {
            return index % 2;
        }

        @Override
        public byte[] image(int index) {
            byte[] img = new byte[256];
            int at = 2 + index % 12;
            for (int i = 0; i < 16; i++) {
                img[label(index) == 0 ? at * 16 + i : i * 16 + at] = (byte) 255;
            }
            return img;
        }
    }
}
