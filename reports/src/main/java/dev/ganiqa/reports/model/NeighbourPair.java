package dev.ganiqa.reports.model;

/**
 * A generated image next to its nearest training image, for spotting memorisation.
 *
 * @param sample     the generated image
 * @param nearest    its nearest neighbour in the training split
 * @param trainIndex index of that image in the training split
 * @param distance   the distance between them
 * @param space      where the distance was measured: {@code features} (extractor) or {@code pixels} (L2)
 */
public record NeighbourPair(ImageRef sample, ImageRef nearest, long trainIndex, double distance, String space) {
    public NeighbourPair {
        Checks.present(sample, "neighbour sample");
        Checks.present(nearest, "neighbour nearest");
        Checks.text(space, "neighbour space");
    }
}
