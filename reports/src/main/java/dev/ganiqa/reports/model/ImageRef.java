package dev.ganiqa.reports.model;

/**
 * An image the report shows: embedded ({@code base64}) or a file relative to the run folder ({@code path}).
 * Embedding keeps results.json self-sufficient; small grids (a few tens of KB) should be embedded, big ones may
 * be referenced. One of the two must be present.
 *
 * @param mediaType e.g. {@code image/png}
 * @param path      path relative to the run folder, '/'-separated, or null
 * @param base64    the file's bytes in base64, or null
 * @param caption   short caption (escaped by the report like every string)
 */
public record ImageRef(String mediaType, String path, String base64, String caption) {
    public ImageRef {
        mediaType = mediaType == null ? "image/png" : mediaType;
        if ((path == null || path.isBlank()) && (base64 == null || base64.isBlank())) {
            throw new IllegalArgumentException("image: expected a path or base64 data, found neither");
        }
        if (!mediaType.matches("image/[a-z0-9.+-]+")) {
            throw new IllegalArgumentException("image mediaType: expected image/..., found " + mediaType);
        }
    }

    public static ImageRef png(byte[] bytes, String caption) {
        return new ImageRef("image/png", null, java.util.Base64.getEncoder().encodeToString(bytes), caption);
    }

    public static ImageRef file(String relativePath, String caption) {
        return new ImageRef("image/png", relativePath, null, caption);
    }
}
