/**
 * Per-image sharpness and noise measures on the 8-bit gray plane (colour through OpenCV's fixed-point
 * RGB2GRAY), each matching a public reference (OpenCV, scikit-image, Immerkaer 1996) to about 1e-6 relative.
 * Every image is measured at its own size and channels: a {@link dev.ganiqa.datasets.DecodedImage} as its file
 * holds it (alpha dropped), or HWC uint8 with an {@link dev.ganiqa.datasets.ImageShape};
 * {@link dev.ganiqa.metrics.image.DatasetMeasurement} streams a whole {@link dev.ganiqa.datasets.ImageSet}
 * under a memory budget. Set-level metrics on network features live in {@code stats}; file formats in {@code io}.
 */
package dev.ganiqa.metrics.image;
