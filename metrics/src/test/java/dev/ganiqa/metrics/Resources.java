package dev.ganiqa.metrics;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths of the reference fixtures under src/test/resources/dev/ganiqa/metrics. */
public final class Resources {
    private Resources() {
    }

    public static Path path(String relative) {
        try {
            return Path.of(Resources.class.getResource("/dev/ganiqa/metrics/" + relative).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + relative, e);
        }
    }
}
