package dev.ganiqa.metrics.features;

import dev.ganiqa.datasets.Sha256;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code ganiqa-fmnist-v1}: the project's Fashion-MNIST classifier ({@link dev.ganiqa.metrics.features.train.ClassifierNet},
 * trained by {@code ganiqa extractor train --epochs 15 --seed 1}), shipped as a frozen GraphDef resource. Its 256
 * penultimate activations feed FID/KID/PRDC and its softmax the IS; numbers from it are domain-specific
 * ("FID with ganiqa-fmnist-v1"), not comparable to Inception FIDs. The resource's sha256 is checked on
 * every load, so every machine computes with the same weights. Test accuracy 0.9203 on the 10,000
 * Fashion-MNIST test images; the training record is {@code ganiqa-fmnist-v1.json} next to the resource.
 * CPU training in TF is not bit-reproducible, so a re-run of the recipe gives an equivalent network with
 * another checksum; the checksum is what identifies the numbers.
 */
public final class EmbeddedExtractor {
    public static final String NAME = "ganiqa-fmnist-v1";
    public static final String VERSION = "1";
    public static final String RESOURCE = NAME + ".pb";
    public static final String SHA256 = "cadfa502473ac639eec20478ceaabc40fc3cb16506112f31b265527528d261f2";

    private EmbeddedExtractor() {
    }

    public static FeatureExtractor open(int threads) {
        byte[] bytes;
        try (InputStream in = EmbeddedExtractor.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ExtractorException(NAME + ": expected the resource " + RESOURCE + " on the classpath, found none");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ExtractorException(NAME + ": cannot read the resource " + RESOURCE + " (" + e.getMessage() + ")", e);
        }
        return open(bytes, SHA256, RESOURCE, threads);
    }

    /** Opens weights after checking them against {@code expectedSha256}; a mismatch is a one-line error. */
    static FeatureExtractor open(byte[] bytes, String expectedSha256, String source, int threads) {
        String actual = Sha256.hex(bytes);
        if (!actual.equals(expectedSha256)) {
            throw new ExtractorException(NAME + ": " + source + ": expected sha256 " + expectedSha256 + ", found "
                    + actual + " (corrupted or replaced weights)");
        }
        return FrozenGraphs.open(bytes, NAME, VERSION, actual, threads);
    }
}
