/**
 * The reports module: the results model ({@code model}), the self-contained HTML report ({@code html}) and the
 * static site ({@code site}). It knows nothing of training or metrics, only results.json, and depends on no
 * other ganiqa module. It writes files only through {@link dev.ganiqa.reports.io.FileOutput}, a port the caller
 * fills with the codebase's one atomic writer (the harness passes {@code dev.ganiqa.datasets.AtomicFiles::write});
 * a copy of that writer here would be a second one to keep in step (permissions, fallback), as it once was.
 * It reads files only through {@link dev.ganiqa.reports.io.RegularFiles}, which refuses FIFOs and devices.
 */
package dev.ganiqa.reports;
