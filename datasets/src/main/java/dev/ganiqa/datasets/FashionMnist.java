package dev.ganiqa.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code fashion-mnist}: Zalando's Fashion-MNIST as packaged by Debian ({@code dataset-fashion-mnist},
 * {@code /usr/share/datasets/fashion-mnist}). Class names from github.com/zalandoresearch/fashion-mnist (README, "Labels").
 */
public final class FashionMnist {
    public static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    public static final String PACKAGE = "dataset-fashion-mnist";
    public static final List<String> CLASS_NAMES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    private static final Map<Split, String[]> FILES = Map.of(
            Split.TRAIN, new String[] {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"},
            Split.TEST, new String[] {"t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"});

    private FashionMnist() {
    }

    static DatasetSource create(String argument, DatasetOptions options) {
        if (!argument.isEmpty()) {
            throw new DatasetException("fashion-mnist:" + argument + ": expected plain 'fashion-mnist' (for other IDX files use idx:IMAGES,LABELS)");
        }
        return source(DEFAULT_DIR, options);
    }

    /** Fashion-MNIST from {@code dir}; installs the Debian package first when allowed and the files are missing. */
    public static DatasetSource source(Path dir, DatasetOptions options) {
        ensurePresent(dir, options);
        return new SplitSource("fashion-mnist", Map.of(
                Split.TRAIN, () -> load(dir, Split.TRAIN),
                Split.TEST, () -> load(dir, Split.TEST)));
    }

    private static ArrayDataset load(Path dir, Split split) {
        String[] files = FILES.get(split);
        return IdxSource.load("fashion-mnist " + split.label(), dir.resolve(files[0]), dir.resolve(files[1]), CLASS_NAMES);
    }

    private static Path firstMissing(Path dir) {
        for (Split split : Split.values()) {
            for (String name : FILES.get(split)) {
                if (!Files.isRegularFile(dir.resolve(name))) {
                    return dir.resolve(name);
                }
            }
        }
        return null;
    }

    private static void ensurePresent(Path dir, DatasetOptions options) {
        Path missing = firstMissing(dir);
        if (missing == null) {
            return;
        }
        if (options.installMissing() && dir.equals(DEFAULT_DIR) && PackageInstaller.canInstall()) {
            System.err.println("ganiqa: " + missing + " not found; installing the Debian package " + PACKAGE + " with apt-get");
            PackageInstaller.install(PACKAGE);
            missing = firstMissing(dir);
            if (missing == null) {
                return;
            }
        }
        throw new DatasetException("fashion-mnist: " + missing + " not found; install it with `sudo apt-get install -y "
                + PACKAGE + "`, or use another dataset with --data SPEC (idx:IMAGES,LABELS, cifar10:DIR, an image folder)");
    }

}
