package dev.ganiqa.metrics.io;

import dev.ganiqa.datasets.DecodedImage;
import dev.ganiqa.datasets.JpegFastPath;
import dev.ganiqa.datasets.JpegHeader;
import dev.ganiqa.metrics.features.TfConfig;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.image.DecodeJpeg;
import org.tensorflow.types.TString;
import org.tensorflow.types.TUint8;

/**
 * The JPEG fast path over TensorFlow's {@code DecodeJpeg}, which links libjpeg-turbo (SIMD), already on the class
 * path with the extractors' natives. Asked for what the JDK's decoder (IJG libjpeg 6b) does: the accurate integer
 * DCT ({@code INTEGER_ACCURATE}, libjpeg's {@code JDCT_ISLOW}; TensorFlow's default is the fast one), fancy
 * upsampling of chroma, no recovery of truncated files; libjpeg-turbo's ISLOW IDCT, h2v1/h2v2 fancy upsampling and
 * YCbCr-to-RGB tables are bit-exact with 6b's, so for {@link JpegHeader#common()} files the pixels are the same
 * (ImageDecoderFastPathTest checks a corpus). One graph and session for the process; {@code Session.run} is
 * thread-safe. Without TensorFlow's natives (a library user of the metrics artifact who did not add them) the
 * first call fails with a linkage error and ImageDecoder uses the JDK's decoder.
 */
public final class TfJpeg implements JpegFastPath {
    @Override
    public String name() {
        return "tensorflow DecodeJpeg (libjpeg-turbo, INTEGER_ACCURATE)";
    }

    @Override
    public DecodedImage decode(byte[] jpeg, JpegHeader header) {
        Decoder decoder = Decoder.INSTANCE;
        try (TString in = TString.tensorOfBytes(NdArrays.scalarOfObject(jpeg));
             Result r = decoder.session.runner().feed(decoder.input, in).fetch(decoder.output).run()) {
            TUint8 pixels = (TUint8) r.get(0);
            long[] shape = pixels.shape().asArray();
            if (shape.length != 3 || shape[0] != header.height() || shape[1] != header.width()
                    || shape[2] != header.components()) {
                return null;
            }
            byte[] out = new byte[Math.toIntExact(pixels.size())];
            pixels.copyTo(DataBuffers.of(out, false, false));
            return new DecodedImage(header.width(), header.height(), header.components(), out);
        }
    }

    /** The one decoding graph, built on first use (loading TensorFlow's natives then). */
    private static final class Decoder {
        static final Decoder INSTANCE = new Decoder();
        final Session session;
        final Operand<TString> input;
        final Operand<TUint8> output;

        private Decoder() {
            Graph graph = new Graph();
            Ops tf = Ops.create(graph);
            Placeholder<TString> contents = tf.placeholder(TString.class);
            input = contents;
            // channels 0: as many as the file has (1 for gray, 3 for YCbCr), as the JDK's decoder gives them.
            output = tf.image.decodeJpeg(contents, DecodeJpeg.channels(0L), DecodeJpeg.dctMethod("INTEGER_ACCURATE"),
                    DecodeJpeg.fancyUpscaling(true), DecodeJpeg.tryRecoverTruncated(false),
                    DecodeJpeg.acceptableFraction(1f), DecodeJpeg.ratio(1L));
            // One decode is one single-threaded kernel: no pools beyond one thread each. The graph lives as long as
            // the process, as does the session (closed by the JVM's exit).
            session = new Session(graph, TfConfig.threads(1));
        }
    }
}
