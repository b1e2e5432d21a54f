package dev.ganiqa.datasets;

import java.util.Arrays;
import java.util.Locale;

/**
 * How an image is resized to an extractor's input. The filter changes FID (Parmar et al., "On Aliased Resizing and
 * Surprising Subtleties in GAN Evaluation", CVPR 2022): an extractor's numbers are comparable only under one mode,
 * so a mode other than the extractor's own is part of its identity. Two kinds:
 * <ul>
 *   <li><b>ganiqa's policy</b> ({@link #AREA}, {@link #BICUBIC}): one scale so the image covers the target (aspect
 *       ratio kept), then a centre crop, rounded to 8 bits as an image file would be.</li>
 *   <li><b>the reference modes</b> ({@link #CLEAN}, {@link #LEGACY_TF}, {@link #LEGACY_PYTORCH}): clean-fid's three
 *       (GaParmar/clean-fid, {@code resize.py build_resizer}): straight to the target size (aspect ratio not kept),
 *       in float with no intermediate or final rounding, clipped to 0..255 as clean-fid clips.</li>
 * </ul>
 */
public enum Resize {
    /** Area (box) when shrinking, bilinear with half-pixel centres when enlarging (OpenCV INTER_AREA / INTER_LINEAR). */
    AREA("area", true),
    /** Pillow's 8-bit bicubic (a = -0.5, antialiased when shrinking), as torchvision's Resize on PIL images. */
    BICUBIC("bicubic", true),
    /**
     * clean-fid's {@code clean}: Pillow's bicubic on each channel as a 32-bit float image (mode "F"): Keys' kernel with
     * a = -0.5 widened by the scale when shrinking, weights normalised per output sample, the horizontal pass stored as
     * float32 before the vertical one ({@code ImagingResample} in Pillow's {@code Resample.c}); no quantisation.
     */
    CLEAN("clean", false),
    /**
     * clean-fid's {@code legacy_tensorflow}, the resize inside TTUR's Inception graph: TF1's {@code resize_bilinear}
     * with {@code align_corners=False, half_pixel_centers=False}: source = destination x (in / out), no antialiasing
     * ({@code LegacyScaler} in TensorFlow's {@code image_resizer_state.h}).
     */
    LEGACY_TF("legacy-tf", false),
    /**
     * clean-fid's {@code legacy_pytorch}, pytorch-fid's resize: {@code F.interpolate(mode="bilinear",
     * align_corners=False)}: source = (destination + 0.5) x (in / out) - 0.5, negative sources clamped to 0, no
     * antialiasing ({@code area_pixel_compute_source_index} in PyTorch's {@code UpSample.h}).
     */
    LEGACY_PYTORCH("legacy-pytorch", false);

    private final String label;
    private final boolean policy;

    Resize(String label, boolean policy) {
        this.label = label;
        this.policy = policy;
    }

    /** The name on the command line and in identities, e.g. {@code legacy-tf}. */
    public String label() {
        return label;
    }

    /** Whether this is ganiqa's policy (aspect kept, centre crop, 8-bit result) rather than a reference mode. */
    public boolean isPolicy() {
        return policy;
    }

    /** The mode named {@code label}, or an error listing the modes. */
    public static Resize parse(String label) {
        String wanted = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
        for (Resize r : values()) {
            if (r.label.equals(wanted)) {
                return r;
            }
        }
        throw new IllegalArgumentException("expected a resize mode " + labels() + ", found '" + label + "'");
    }

    /** {@code area|bicubic|clean|legacy-tf|legacy-pytorch}. */
    public static String labels() {
        return String.join("|", Arrays.stream(values()).map(Resize::label).toList());
    }
}
