package dev.ganiqa.datasets;

/**
 * What a JPEG's markers say before its first scan (ITU-T T.81 annex B): the frame type, precision, size and
 * components with their sampling factors, and the JFIF and Adobe markers that decide the colour space (the rules
 * of libjpeg's {@code default_decompress_parms}). Used to decide whether a {@link JpegFastPath} may decode a file.
 */
public record JpegHeader(int frame, int precision, int width, int height, int[] ids, int[] horizontal, int[] vertical,
        boolean jfif, int adobeTransform) {
    /** Baseline, extended sequential and progressive Huffman frames (SOF0, SOF1, SOF2). */
    private static final int SOF0 = 0xC0;
    private static final int SOF1 = 0xC1;
    private static final int SOF2 = 0xC2;

    public int components() {
        return ids.length;
    }

    /**
     * Whether this is the common kind both decoders agree on pixel for pixel: 8-bit Huffman (sequential or
     * progressive), gray, or YCbCr (JFIF, Adobe transform 1, or component ids 1, 2, 3 without an Adobe marker) with
     * luma sampled 1x1, 2x1 or 2x2 and chroma 1x1 (4:4:4, 4:2:2, 4:2:0). Everything else (CMYK, YCCK, RGB
     * JPEGs, 12-bit, arithmetic coding, lossless, 4:4:0 and 4:1:1, whose chroma libjpeg-turbo upsamples otherwise
     * than libjpeg 6b) is left to the JDK's decoder.
     */
    public boolean common() {
        if ((frame != SOF0 && frame != SOF1 && frame != SOF2) || precision != 8 || width <= 0 || height <= 0) {
            return false;
        }
        if (components() == 1) {
            return true;
        }
        if (components() != 3) {
            return false;
        }
        boolean ycc = jfif ? adobeTransform != 0 : adobeTransform >= 0 ? adobeTransform == 1
                : ids[0] == 1 && ids[1] == 2 && ids[2] == 3;
        if (!ycc || horizontal[1] != 1 || vertical[1] != 1 || horizontal[2] != 1 || vertical[2] != 1) {
            return false;
        }
        return (horizontal[0] == 1 && vertical[0] == 1) || (horizontal[0] == 2 && (vertical[0] == 1 || vertical[0] == 2));
    }

    /** The header of {@code bytes}, or null when they are not a JPEG or end before its frame header. */
    public static JpegHeader parse(byte[] bytes) {
        if (bytes.length < 4 || (bytes[0] & 0xFF) != 0xFF || (bytes[1] & 0xFF) != 0xD8) {
            return null;
        }
        boolean jfif = false;
        int adobe = -1;
        int at = 2;
        while (at + 4 <= bytes.length) {
            if ((bytes[at] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = bytes[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++; // fill byte
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                at += 2; // TEM, RSTn, SOI: no length
                continue;
            }
            int length = ((bytes[at + 2] & 0xFF) << 8) | (bytes[at + 3] & 0xFF);
            int payload = at + 4;
            if (length < 2 || payload + length - 2 > bytes.length) {
                return null;
            }
            if (marker == 0xE0 && length >= 7 && startsWith(bytes, payload, "JFIF\0")) {
                jfif = true;
            } else if (marker == 0xEE && length >= 14 && startsWith(bytes, payload, "Adobe")) {
                adobe = bytes[payload + 11] & 0xFF;
            } else if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                if (length < 8) {
                    return null;
                }
                int n = bytes[payload + 5] & 0xFF;
                if (length < 8 + 3 * n) {
                    return null;
                }
                int[] ids = new int[n];
                int[] h = new int[n];
                int[] v = new int[n];
                for (int c = 0; c < n; c++) {
                    int base = payload + 6 + 3 * c;
                    ids[c] = bytes[base] & 0xFF;
                    h[c] = (bytes[base + 1] & 0xFF) >> 4;
                    v[c] = bytes[base + 1] & 0x0F;
                }
                int height = ((bytes[payload + 1] & 0xFF) << 8) | (bytes[payload + 2] & 0xFF);
                int width = ((bytes[payload + 3] & 0xFF) << 8) | (bytes[payload + 4] & 0xFF);
                return new JpegHeader(marker, bytes[payload] & 0xFF, width, height, ids, h, v, jfif, adobe);
            } else if (marker == 0xD9 || marker == 0xDA) {
                return null; // EOI or a scan before any frame header
            }
            at = payload + length - 2;
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (at + i >= bytes.length || bytes[at + i] != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
