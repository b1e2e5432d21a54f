package dev.ganiqa.trainers;

/** Tiny networks and data that keep real training in tests to seconds. */
final class Tiny {
    static final int SIZE = 16;
    static final int BATCH = 32;

    private Tiny() {
    }

    static ShapesData data() {
        return new ShapesData(SIZE, 1, 1024, 7);
    }

    static TrainConfig config(GanVariant variant, Lipschitz lipschitz, int epochs, long seed) {
        Hyperparameters hp = variant.defaults(lipschitz).withSizes(32, 16, 8);
        return new TrainConfig(variant, hp, Budget.epochs(epochs), BATCH, seed, 0);
    }

    /** The first 200 images of the data as Samples, to check the classifier on real images. */
    static Samples realSamples(ShapesData data) {
        int n = 200;
        int per = data.shape().values();
        byte[] pixels = new byte[n * per];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(data.image(i), 0, pixels, i * per, per);
            labels[i] = data.label(i);
        }
        return new Samples(n, data.shape(), pixels, labels);
    }

    static TrainConfig config(GanVariant variant, int epochs, long seed) {
        return config(variant, variant.defaultLipschitz(), epochs, seed);
    }
}
