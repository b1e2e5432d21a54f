package dev.ganiqa.harness.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganiqa.datasets.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetInputTest {
    @Test
    void filesAreToldByTheirExtensionAndSpecsTakeASplitSuffix(@TempDir Path tmp) throws IOException {
        assertThat(SetInput.parse("ref.NPZ")).isInstanceOf(SetInput.Statistics.class);
        assertThat(SetInput.parse("f.npy")).isInstanceOf(SetInput.Features.class);
        assertThat(SetInput.parse("fashion-mnist@test")).isEqualTo(
                new SetInput.Images("fashion-mnist@test", "fashion-mnist", Split.TEST, true));
        assertThat(SetInput.parse("fashion-mnist")).isEqualTo(
                new SetInput.Images("fashion-mnist", "fashion-mnist", Split.TRAIN, false));
        Path odd = Files.createDirectory(tmp.resolve("samples@test"));
        assertThat(((SetInput.Images) SetInput.parse(odd.toString())).spec()).isEqualTo(odd.toString());
        assertThatThrownBy(() -> SetInput.parse("fashion-mnist@val"))
                .hasMessage("fashion-mnist@val: expected the split suffix @train or @test, found @val");
    }
}
