package dev.ganiqa.metrics.api;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganiqa.datasets.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetSpecTest {
    @Test
    void filesAreToldByTheirExtensionAndSpecsTakeASplitSuffix(@TempDir Path tmp) throws IOException {
        assertThat(SetSpec.parse("ref.NPZ")).isInstanceOf(SetSpec.Statistics.class);
        assertThat(SetSpec.parse("f.npy")).isInstanceOf(SetSpec.Features.class);
        assertThat(SetSpec.parse("fashion-mnist@test")).isEqualTo(
                new SetSpec.Images("fashion-mnist@test", "fashion-mnist", Split.TEST, true));
        assertThat(SetSpec.parse("fashion-mnist")).isEqualTo(
                new SetSpec.Images("fashion-mnist", "fashion-mnist", Split.TRAIN, false));
        Path odd = Files.createDirectory(tmp.resolve("samples@test"));
        assertThat(((SetSpec.Images) SetSpec.parse(odd.toString())).spec()).isEqualTo(odd.toString());
        assertThatThrownBy(() -> SetSpec.parse("fashion-mnist@val"))
                .hasMessage("fashion-mnist@val: expected the split suffix @train or @test, found @val");
    }
}
