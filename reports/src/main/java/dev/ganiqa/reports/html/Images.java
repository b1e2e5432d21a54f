package dev.ganiqa.reports.html;

import dev.ganiqa.reports.io.RegularFiles;
import dev.ganiqa.reports.model.ImageRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Turns {@link ImageRef}s into data URIs or embedded references, reading path references from the run folder (and
 * never outside it).
 */
public final class Images {
    private final Path runDir;

    /** @param runDir the folder path references are relative to (null: only embedded images are accepted) */
    public Images(Path runDir) {
        this.runDir = runDir == null ? null : runDir.toAbsolutePath().normalize();
    }

    String dataUri(ImageRef image) throws IOException {
        return "data:" + image.mediaType() + ";base64," + base64(image);
    }

    /** The same image with its bytes embedded (a path reference read from the run folder); null stays null. */
    public ImageRef embedded(ImageRef image) throws IOException {
        if (image == null) {
            return null;
        }
        return new ImageRef(image.mediaType(), null, base64(image), image.caption());
    }

    private String base64(ImageRef image) throws IOException {
        String base64 = image.base64();
        if (base64 == null || base64.isBlank()) {
            return Base64.getEncoder().encodeToString(RegularFiles.read(resolve(image.path())));
        }
        try {
            Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IOException("image '" + image.caption() + "': expected base64 data, found " + e.getMessage(), e);
        }
        return base64;
    }

    private Path resolve(String relative) throws IOException {
        if (runDir == null) {
            throw new IOException(relative + ": expected an embedded image, found a path and no run folder");
        }
        Path file = runDir.resolve(relative).normalize();
        if (!file.startsWith(runDir)) {
            throw new IOException(relative + ": expected a path inside " + runDir + ", found one outside it");
        }
        if (!Files.exists(file)) {
            throw new IOException(file + ": expected the image results.json refers to, found no such file");
        }
        // A symbolic link out of the run folder would carry another file into a bundle or a site.
        if (!file.toRealPath().startsWith(runDir.toRealPath())) {
            throw new IOException(file + ": expected a file inside " + runDir + ", found a link to "
                    + file.toRealPath());
        }
        return file;
    }
}
