/**
 * The self-contained HTML report of one run ({@link dev.ganiqa.reports.html.HtmlReport}, a
 * {@link dev.ganiqa.reports.html.ReportWriter}): jte templates precompiled with contentType Html (every
 * user-supplied string escaped by the engine), charts as inline SVG from a small builder that escapes its own
 * text ({@code LineChart}, {@code DistributionPlot}), images as data URIs, and a Content-Security-Policy with no
 * script source at all. Built from the results model alone; knows nothing of training or metrics.
 */
package dev.ganiqa.reports.html;
