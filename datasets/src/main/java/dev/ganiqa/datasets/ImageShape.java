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

    /** Parses {@code HxWxC}, the form {@link #toString()} writes, e.g. {@code 32x32x3}. */
    public static ImageShape parse(String text) {
        String[] parts = text.strip().toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (parts.length == 3) {
                return new ImageShape(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("expected a shape HxWxC such as 32x32x3, found '" + text + "'");
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
