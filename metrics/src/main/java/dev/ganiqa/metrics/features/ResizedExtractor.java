package dev.ganiqa.metrics.features;

import dev.ganiqa.datasets.ImageShape;

/**
 * An extractor opened with another resize mode ({@link ExtractorInfo#withResize}): the same network under the
 * identity that names the mode, so {@link ImageAdapter} resizes by it and caches key by it.
 */
final class ResizedExtractor implements FeatureExtractor {
    private final FeatureExtractor network;
    private final ExtractorInfo info;

    ResizedExtractor(FeatureExtractor network, ExtractorInfo info) {
        this.network = network;
        this.info = info;
    }

    @Override
    public ExtractorInfo info() {
        return info;
    }

    @Override
    public Features extract(float[] images, int count, ImageShape shape) {
        info.checkBatch(images, count, shape);
        return network.extract(images, count, shape);
    }

    @Override
    public void close() {
        network.close();
    }
}
