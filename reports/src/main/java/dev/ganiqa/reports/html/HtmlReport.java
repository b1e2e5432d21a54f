package dev.ganiqa.reports.html;

import dev.ganiqa.reports.model.RunResults;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The self-contained HTML report: one file, images as data URIs, charts as inline SVG, no script at all. The
 * Content-Security-Policy allows nothing but data: images and the one inline style sheet (by its sha256), so
 * even a string that slipped past escaping could not run a script or load anything from the network.
 */
public final class HtmlReport implements ReportWriter {
    /** Templates precompiled by jte-maven-plugin (contentType Html: context-sensitive escaping of every ${}). */
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);
    static final String CSS = resource("report.css");

    @Override
    public String render(RunResults results, Path runDir) throws IOException {
        ReportView view = ReportViews.of(results, runDir, CSS);
        StringOutput out = new StringOutput(256 * 1024);
        ENGINE.render("report.jte", new Page(view, csp()), out);
        return out.toString();
    }

    /** The page: the view plus its Content-Security-Policy. */
    public record Page(ReportView view, String csp) {
    }

    static String csp() {
        return "default-src 'none'; img-src data:; style-src '" + styleHash(CSS) + "'; base-uri 'none'; "
                + "form-action 'none'";
    }

    /** CSP hash source of an inline style element's exact text (CSP level 2, "hash-source"). */
    static String styleHash(String css) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(css.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + ": expected on the classpath, found none");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
