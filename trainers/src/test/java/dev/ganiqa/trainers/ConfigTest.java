package dev.ganiqa.trainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganiqa.datasets.ImageShape;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    @Test
    void registryHasTheFourVariantsWithPublishedDefaults() {
        assertThat(GanVariants.all()).extracting(GanVariant::name).containsExactly("dcgan", "cdcgan", "wgan", "cwgan",
                "dcgan-matched", "wgan-matched");
        // The matched partners take the conditional recipes whole, without the label.
        assertThat(GanVariants.DCGAN_MATCHED.defaults()).isEqualTo(GanVariants.CDCGAN.defaults());
        assertThat(GanVariants.WGAN_MATCHED.defaults()).isEqualTo(GanVariants.CWGAN.defaults());
        assertThat(GanVariants.WGAN_MATCHED.conditional()).isFalse();
        Hyperparameters gp = GanVariants.get("wgan").defaults();
        assertThat(gp.lipschitz()).isEqualTo(Lipschitz.GRADIENT_PENALTY);
        assertThat(gp.learningRateD()).isEqualTo(1e-4f);
        assertThat(gp.beta2()).isEqualTo(0.9f);
        assertThat(gp.nCritic()).isEqualTo(5);
        assertThat(gp.gpLambda()).isEqualTo(10f);
        Hyperparameters clip = GanVariants.WGAN.defaults(Lipschitz.CLIP);
        assertThat(clip.optimizer()).isEqualTo(OptimizerKind.RMSPROP);
        assertThat(clip.learningRateG()).isEqualTo(5e-5f);
        assertThat(clip.clip()).isEqualTo(0.01f);
        Hyperparameters dc = GanVariants.DCGAN.defaults();
        assertThat(dc.learningRateG()).isEqualTo(2e-4f);
        assertThat(dc.beta1()).isEqualTo(0.5f);
        assertThat(dc.nCritic()).isEqualTo(1);
        assertThat(dc.modeSeeking()).isZero();
        // The conditional recipes chosen by the ablation: the mode-seeking term on top, cwgan at Adam 4e-4, beta1 0.
        Hyperparameters cdc = GanVariants.CDCGAN.defaults();
        assertThat(cdc).isEqualTo(dc.withArchitecture(GeneratorConditioning.CONCAT, CriticConditioning.PROJECTION_FLAT,
                false, false, 0.5f));
        Hyperparameters cw = GanVariants.CWGAN.defaults();
        assertThat(cw).isEqualTo(gp.withLearningRates(4e-4f, 4e-4f).withBetas(0f, 0.9f).withArchitecture(GeneratorConditioning.CONCAT,
                CriticConditioning.PROJECTION_FLAT, false, false, 1f));
        assertThat(GanVariants.CWGAN.defaults(Lipschitz.CLIP).learningRateG()).isEqualTo(5e-5f);
        assertThatThrownBy(() -> GanVariants.get("began")).hasMessage(
                "expected a variant dcgan, cdcgan, wgan, cwgan, dcgan-matched, wgan-matched, found 'began'");
    }

    @Test
    void invalidCombinationsAreRefused() {
        assertThatThrownBy(() -> GanVariants.DCGAN.defaults(Lipschitz.CLIP))
                .hasMessageContaining("expected no Lipschitz constraint with the non-saturating loss, found clip");
        assertThatThrownBy(() -> new TrainConfig(GanVariants.DCGAN, GanVariants.WGAN.defaults(), Budget.epochs(1), 64, 1, 0))
                .hasMessageContaining("expected the NON_SATURATING loss for dcgan");
        assertThatThrownBy(() -> GanVariants.WGAN.defaults().withNCritic(0)).hasMessage("expected n_critic >= 1, found 0");
        assertThatThrownBy(() -> Budget.parse("epochs:0")).hasMessageContaining("expected one positive budget");
        assertThat(Budget.parse("gsteps:60")).isEqualTo(Budget.generatorSteps(60));
        assertThat(Budget.parse("gsteps:60").toString()).isEqualTo("gsteps:60");
        assertThat(Budget.epochs(4).extendsBudget(Budget.epochs(3))).isTrue();
        assertThat(Budget.epochs(2).extendsBudget(Budget.epochs(3))).isFalse();
        assertThat(Budget.generatorSteps(100).extendsBudget(Budget.epochs(1))).isFalse();
        assertThatThrownBy(() -> Budget.parse("gsteps:x")).hasMessageContaining("gsteps:N");
        assertThat(Budget.parse("time:2.5")).isEqualTo(Budget.minutes(2.5));
        assertThat(Budget.parse("epochs:7")).isEqualTo(Budget.epochs(7));
        assertThatThrownBy(() -> Layout.of(new ImageShape(30, 30, 1))).hasMessage(
                "expected 7*2^k or 4*2^k pixels (28, 32, 64, ...), found 30x30x1");
    }

    @Test
    void layoutsFollowTheResolutionLadder() {
        assertThat(Layout.of(new ImageShape(28, 28, 1))).extracting(Layout::base, Layout::steps).containsExactly(7, 2);
        assertThat(Layout.of(new ImageShape(32, 32, 3))).extracting(Layout::base, Layout::steps).containsExactly(4, 3);
        assertThat(Layout.of(new ImageShape(64, 64, 3))).extracting(Layout::base, Layout::steps).containsExactly(4, 4);
    }

    @Test
    void configRoundTripsThroughJson(@TempDir Path dir) {
        TrainConfig config = TrainConfig.defaults(GanVariants.CWGAN, Budget.minutes(3), 99)
                .withHyperparameters(GanVariants.CWGAN.defaults(Lipschitz.CLIP).withSizes(10, 8, 4)).withThreads(1);
        RunFiles.writeJson(dir.resolve("config.json"), config);
        assertThat(RunFiles.readJson(dir.resolve("config.json"), TrainConfig.class)).isEqualTo(config);
    }
}
