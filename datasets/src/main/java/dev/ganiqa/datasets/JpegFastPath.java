package dev.ganiqa.datasets;

import java.util.ServiceLoader;

/**
 * A faster decoder for the common JPEGs ({@link JpegHeader#common()}), found with {@link ServiceLoader} so this
 * module stays free of native code: the metrics module provides one over TensorFlow's {@code DecodeJpeg}
 * (libjpeg-turbo, accurate DCT). It must give the JDK decoder's pixels exactly (tests compare them on a corpus);
 * anything it declines or fails on goes to the JDK's decoder, which also words every refusal. Set the system
 * property {@code ganiqa.jpeg=jdk} (or {@code GANIQA_JPEG=jdk}) to use the JDK's decoder only.
 */
public interface JpegFastPath {
    /** E.g. {@code tensorflow DecodeJpeg (libjpeg-turbo, INTEGER_ACCURATE)}. */
    String name();

    /**
     * HWC 8-bit samples of {@code jpeg} with as many channels as {@code header} has components, or null when this
     * decoder cannot be used here (missing natives); throws on a file it cannot decode.
     */
    DecodedImage decode(byte[] jpeg, JpegHeader header) throws Exception;

    /** The first provider on the class path, unless switched off; null when there is none. */
    static JpegFastPath find() {
        String choice = System.getProperty("ganiqa.jpeg", System.getenv().getOrDefault("GANIQA_JPEG", ""));
        if (choice.equalsIgnoreCase("jdk")) {
            return null;
        }
        for (JpegFastPath p : ServiceLoader.load(JpegFastPath.class, JpegFastPath.class.getClassLoader())) {
            return p;
        }
        return null;
    }
}
