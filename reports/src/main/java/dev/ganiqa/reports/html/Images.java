package dev.ganiqa.reports.html;

import dev.ganiqa.reports.model.ImageRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Turns {@link ImageRef}s into data URIs, reading path references from the run folder (and never outside it). */
final class Images {
    private final Path runDir;

    Images(Path runDir) {
        this.runDir = runDir == null ? null : runDir.toAbsolutePath().normalize();
    }

    String dataUri(ImageRef image) throws IOException {
        String base64 = image.base64();
        if (base64 == null || base64.isBlank()) {
            base64 = Base64.getEncoder().encodeToString(Files.readAllBytes(resolve(image.path())));
        } else {
            try {
                Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                throw new IOException("image '" + image.caption() + "': expected base64 data, found " + e.getMessage(), e);
            }
        }
        return "data:" + image.mediaType() + ";base64," + base64;
    }

    private Path resolve(String relative) throws IOException {
        if (runDir == null) {
            throw new IOException(relative + ": expected an embedded image, found a path and no run folder");
        }
        Path file = runDir.resolve(relative).normalize();
        if (!file.startsWith(runDir)) {
            throw new IOException(relative + ": expected a path inside " + runDir + ", found one outside it");
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": expected the image results.json refers to, found no such file");
        }
        return file;
    }
}
