package dev.ganiqa.harness.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrainProgressTest {
    @Test
    void noGeneratorStepYetIsADashNotNaN() {
        assertThat(TrainProgress.loss(Double.NaN, "%.3f")).isEqualTo("-");
        assertThat(TrainProgress.loss(0.6931, "%.3f")).isEqualTo(String.format("%.3f", 0.6931));
    }
}
