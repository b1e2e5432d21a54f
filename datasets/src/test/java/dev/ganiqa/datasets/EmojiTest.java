package dev.ganiqa.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The colour dataset as scripts/install-emoji.sh installs it (CI runs the script through install-deps.sh): both
 * vendors, nine categories, a test split of whole emoji (skin tones and vendors never straddle it), RGBA
 * composited onto white.
 */
class EmojiTest {
    private static DatasetSource source;
    private static ImageDataset train;
    private static ImageDataset test;

    @BeforeAll
    static void open() {
        source = Datasets.open("emoji");
        train = source.open(Split.TRAIN);
        test = source.open(Split.TEST);
    }

    private static List<String> names(ImageDataset d) {
        return java.util.stream.IntStream.range(0, d.size()).mapToObj(d::name).toList();
    }

    @Test
    void bothVendorsNineCategoriesColourAndALicence() {
        assertThat(source.spec()).isEqualTo("emoji");
        assertThat(source.licence()).contains("Apache-2.0").contains("CC-BY-4.0");
        assertThat(train.shape()).isEqualTo(new ImageShape(64, 64, 3));
        assertThat(train.classNames()).isEqualTo(Emoji.CLASS_NAMES).hasSize(9);
        // emoji-datasource 16.0.0: 3,781 images per vendor outside the "Component" category.
        assertThat(train.size() + test.size()).isEqualTo(2 * 3781);
        int[] counts = ArrayDataset.classCounts(train);
        for (int c = 0; c < 9; c++) {
            assertThat(counts[c]).as(Emoji.CLASS_NAMES.get(c)).isPositive();
        }
        long google = names(train).stream().filter(n -> n.startsWith("google-")).count();
        long twitter = names(train).stream().filter(n -> n.startsWith("twitter-")).count();
        assertThat(google).isEqualTo(twitter).isPositive();
        // Images are in colour: some pixel of some image has unequal channels.
        byte[] first = train.image(0);
        boolean colour = false;
        for (int i = 0; i < 200 && !colour; i++) {
            byte[] im = train.image(i);
            for (int p = 0; p < im.length && !colour; p += 3) {
                colour = im[p] != im[p + 1] || im[p + 1] != im[p + 2];
            }
        }
        assertThat(colour).isTrue();
        assertThat(first).hasSize(64 * 64 * 3);
    }

    @Test
    void theTestSplitHoldsWholeEmojiAboutFifteenPercentOfEachCategory() {
        List<Emoji.Entry> all = new java.util.ArrayList<>();
        Path dir = Emoji.defaultDir();
        for (String vendor : Emoji.VENDORS) {
            all.addAll(Emoji.entries(dir, vendor));
        }
        Set<String> testBases = Emoji.testBases(all);
        Set<String> testNames = new HashSet<>(names(test));
        for (Emoji.Entry e : all) {
            assertThat(testNames.contains(e.vendor() + "-" + e.file())).as(e.toString())
                    .isEqualTo(testBases.contains(e.base()));
        }
        assertThat(new HashSet<>(names(train))).doesNotContainAnyElementsOf(testNames);
        double share = (double) test.size() / (train.size() + test.size());
        assertThat(share).isBetween(0.12, 0.18);
        int[] testCounts = ArrayDataset.classCounts(test);
        int[] trainCounts = ArrayDataset.classCounts(train);
        for (int c = 0; c < 9; c++) {
            assertThat(testCounts[c]).as(Emoji.CLASS_NAMES.get(c)).isPositive().isLessThan(trainCounts[c]);
        }
        // Fixed by the seed: a second opening splits the same way.
        assertThat(names(Datasets.open("emoji:google").open(Split.TEST)))
                .isEqualTo(names(test).stream().filter(n -> n.startsWith("google-")).toList());
    }

    @Test
    void transparentPixelsBecomeWhiteAndHalfAlphaBlends(@TempDir Path tmp) throws Exception {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0x00_12_34_56);      // transparent: white whatever the colour
        image.setRGB(1, 0, 0xFF_FF_00_00);      // opaque red
        image.setRGB(2, 0, 0x80_00_00_FF);      // alpha 128 blue: (128 * 255 + 127 * 255) / 255 = 255 for blue
        Path png = tmp.resolve("a.png");
        ImageIO.write(image, "png", png.toFile());
        byte[] out = new byte[64 * 64 * 3];
        Emoji.composite(png, out, 0);
        assertThat(new int[] {out[0] & 0xFF, out[1] & 0xFF, out[2] & 0xFF}).containsExactly(255, 255, 255);
        assertThat(new int[] {out[3] & 0xFF, out[4] & 0xFF, out[5] & 0xFF}).containsExactly(255, 0, 0);
        // Red and green: (128 * 0 + 127 * 255) / 255 = 127.
        assertThat(new int[] {out[6] & 0xFF, out[7] & 0xFF, out[8] & 0xFF}).containsExactly(127, 127, 255);
        Files.writeString(tmp.resolve("b.png"), "not a png");
        assertThatThrownBy(() -> Emoji.composite(tmp.resolve("b.png"), out, 0))
                .hasMessageStartingWith(tmp.resolve("b.png") + ": expected a PNG image");
    }

    @Test
    void anIncompleteInstallOrAnUnknownVendorIsAOneLineError(@TempDir Path tmp) {
        assertThatThrownBy(() -> Emoji.source(tmp, Emoji.VENDORS))
                .hasMessageContaining("expected a complete install, found an incomplete one")
                .hasMessageContaining("scripts/install-emoji.sh").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> Datasets.open("emoji:apple")).hasMessage("emoji:apple: expected emoji, emoji:google "
                + "or emoji:twitter");
    }
}
