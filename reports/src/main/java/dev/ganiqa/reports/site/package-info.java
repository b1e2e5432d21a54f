/**
 * The static site of {@code ganiqa publish}: one report page and the results.json of each run under stable
 * folders, and an index with leaderboards per (dataset, extractor), never mixing the two. Reads results.json
 * only; renders through {@code dev.ganiqa.reports.html}.
 */
package dev.ganiqa.reports.site;
