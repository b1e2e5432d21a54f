package dev.ganiqa.reports.html;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The precompiled jte templates (contentType Html: every {@code ${}} is escaped for its HTML context) and the
 * page style shared by reports and the site index. The Content-Security-Policy allows nothing but data: images
 * and the one inline style sheet, by its sha256: no script from anywhere, no network request.
 */
public final class Templates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final String CSS = resource("report.css");

    private Templates() {
    }

    public static String render(String template, Object param) {
        StringOutput out = new StringOutput(256 * 1024);
        ENGINE.render(template, param, out);
        return out.toString();
    }

    public static String css() {
        return CSS;
    }

    public static String contentSecurityPolicy() {
        return "default-src 'none'; img-src data:; style-src '" + styleHash(CSS) + "'; base-uri 'none'; "
                + "form-action 'none'";
    }

    /** CSP level 2 hash-source of an inline style element's exact text. */
    static String styleHash(String css) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(css.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Templates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + ": expected on the classpath, found none");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
