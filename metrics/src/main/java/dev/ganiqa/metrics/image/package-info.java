/**
 * Per-image sharpness and noise measures on luma (BT.601, double, 0..255 scale), each matching a public
 * reference (OpenCV, scikit-image, Immerkaer 1996) to about 1e-6 relative. Pixels come in as HWC uint8 with an
 * {@link dev.ganiqa.datasets.ImageShape}, so any {@link dev.ganiqa.datasets.ImageDataset} can be measured.
 * Set-level metrics on network features live in {@code stats}; file formats in {@code io}.
 */
package dev.ganiqa.metrics.image;
