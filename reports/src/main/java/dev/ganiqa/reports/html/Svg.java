package dev.ganiqa.reports.html;

import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;
import java.util.Locale;

/**
 * A string builder for inline SVG. Every text and attribute value passes through jte's HTML escaper, the same
 * one the templates use, so a variant or class name can never break out of the markup.
 */
final class Svg {
    private final StringBuilder out = new StringBuilder();

    Svg(double width, double height, String label) {
        out.append("<svg class=\"chart\" viewBox=\"0 0 ")
                .append(num(width)).append(' ').append(num(height)).append("\" role=\"img\" aria-label=\"")
                .append(attr(label)).append("\">");
    }

    Svg line(double x1, double y1, double x2, double y2, String cssClass) {
        out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"")
                .append(num(x2)).append("\" y2=\"").append(num(y2)).append("\" class=\"").append(attr(cssClass))
                .append("\"/>");
        return this;
    }

    Svg polyline(double[] xs, double[] ys, String color, double opacity, boolean dashed) {
        out.append("<polyline fill=\"none\" stroke=\"").append(attr(color)).append("\" stroke-width=\"2\"")
                .append(" stroke-opacity=\"").append(num(opacity)).append('"');
        if (dashed) {
            out.append(" stroke-dasharray=\"5 3\"");
        }
        out.append(" points=\"");
        for (int i = 0; i < xs.length; i++) {
            out.append(num(xs[i])).append(',').append(num(ys[i])).append(' ');
        }
        out.append("\"/>");
        return this;
    }

    Svg circle(double cx, double cy, double r, String color, double opacity) {
        out.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"")
                .append(num(r)).append("\" fill=\"").append(attr(color)).append("\" fill-opacity=\"")
                .append(num(opacity)).append("\"/>");
        return this;
    }

    Svg rect(double x, double y, double w, double h, String fill, String stroke, double fillOpacity) {
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(Math.max(0, w))).append("\" height=\"").append(num(Math.max(0, h))).append("\" fill=\"")
                .append(attr(fill)).append("\" fill-opacity=\"").append(num(fillOpacity)).append("\" stroke=\"")
                .append(attr(stroke)).append("\"/>");
        return this;
    }

    /** Text; {@code anchor} is start, middle or end; {@code rotate} turns it -90 degrees about its anchor. */
    Svg text(double x, double y, String text, String anchor, String cssClass, boolean rotate) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"")
                .append(attr(anchor)).append("\" class=\"").append(attr(cssClass)).append('"');
        if (rotate) {
            out.append(" transform=\"rotate(-90 ").append(num(x)).append(' ').append(num(y)).append(")\"");
        }
        out.append('>').append(content(text)).append("</text>");
        return this;
    }

    String end() {
        return out.append("</svg>").toString();
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v).replace(".0", "");
    }

    static String attr(String value) {
        StringOutput escaped = new StringOutput();
        Escape.htmlAttribute(value, escaped);
        return escaped.toString();
    }

    static String content(String value) {
        StringOutput escaped = new StringOutput();
        Escape.htmlContent(value, escaped);
        return escaped.toString();
    }
}
