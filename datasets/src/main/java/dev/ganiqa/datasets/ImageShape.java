package dev.ganiqa.datasets;

/** Height, width and channels of every image in a dataset; pixels are stored HWC, row-major. */
public record ImageShape(int height, int width, int channels) {
    public ImageShape {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("expected a positive image size, found " + height + "x" + width);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("expected 1 or 3 channels, found " + channels);
        }
    }

    public int pixels() {
        return height * width;
    }

    public int values() {
        return height * width * channels;
    }

    @Override
    public String toString() {
        return height + "x" + width + "x" + channels;
    }
}
