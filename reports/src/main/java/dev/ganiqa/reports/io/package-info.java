/**
 * The reports module's two file ports, a leaf every other reports package may use: {@link
 * dev.ganiqa.reports.io.FileOutput} (where whole files are written, atomically when the harness passes its one atomic
 * writer) and {@link dev.ganiqa.reports.io.RegularFiles} (reading only regular files, so a FIFO or device never blocks
 * a report).
 */
package dev.ganiqa.reports.io;
