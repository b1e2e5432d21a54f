package dev.ganiqa.reports.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The folder a run gets on a site, derived from its run id alone so that publishing again never moves a page:
 * ids made only of {@code [A-Za-z0-9._-]} are used as they are; any other id is reduced to those characters
 * and gets the first 8 hex digits of its sha256, so two ids never share a folder.
 */
public final class RunFolders {
    private RunFolders() {
    }

    public static String of(String runId) {
        if (runId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}") && !runId.contains("..")) {
            return runId;
        }
        String slug = runId.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("\\.{2,}", ".")
                .replaceAll("^[-.]+|[-.]+$", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80);
        }
        return (slug.isEmpty() ? "run" : slug) + "-" + hash(runId);
    }

    /** The folder of a run whose id is taken on the site by another run: the id, then a hash of id and identity. */
    public static String distinct(String runId, String identity) {
        return of(runId) + "-" + hash(runId + "\u0000" + identity);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
