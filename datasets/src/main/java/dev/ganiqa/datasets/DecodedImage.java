package dev.ganiqa.datasets;

/**
 * A decoded image as 8-bit HWC samples before preprocessing. {@code channels}: 1 gray, 2 gray + alpha,
 * 3 RGB, 4 RGBA (alpha not premultiplied).
 */
public record DecodedImage(int width, int height, int channels, byte[] samples) {
    public DecodedImage {
        if (width <= 0 || height <= 0 || channels < 1 || channels > 4) {
            throw new IllegalArgumentException("expected a positive size and 1..4 channels, found "
                    + width + "x" + height + "x" + channels);
        }
        if (samples.length != width * height * channels) {
            throw new IllegalArgumentException("expected " + width * height * channels + " samples, found " + samples.length);
        }
    }

    public boolean hasAlpha() {
        return channels == 2 || channels == 4;
    }

    public boolean isGray() {
        return channels <= 2;
    }
}
