package dev.ganiqa.metrics.features.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Just enough of the protobuf wire format to write ONNX models (field numbers of {@code onnx/onnx.proto3}):
 * {@code ModelProto}, {@code GraphProto}, {@code NodeProto}, {@code AttributeProto}, {@code TensorProto} (float
 * {@code raw_data}, little-endian) and {@code ValueInfoProto} with float tensor types. Lets tests and benchmarks
 * make models from Java alone, with no Python or ONNX tooling.
 */
public final class OnnxWriter {
    private static final int FLOAT = 1;
    private static final int ATTRIBUTE_INT = 2;
    private static final int ATTRIBUTE_INTS = 7;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public byte[] bytes() {
        return out.toByteArray();
    }

    private OnnxWriter varint(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
        return this;
    }

    private OnnxWriter tag(int field, int wireType) {
        return varint(((long) field << 3) | wireType);
    }

    OnnxWriter int64(int field, long v) {
        return tag(field, 0).varint(v);
    }

    OnnxWriter bytes(int field, byte[] b) {
        tag(field, 2).varint(b.length);
        out.write(b, 0, b.length);
        return this;
    }

    OnnxWriter string(int field, String s) {
        return bytes(field, s.getBytes(StandardCharsets.UTF_8));
    }

    OnnxWriter message(int field, OnnxWriter m) {
        return bytes(field, m.bytes());
    }

    /** {@code ModelProto}: ir_version 8, opset 13 of the default domain, producer "ganiqa". */
    public static byte[] model(OnnxWriter graph) {
        return new OnnxWriter().int64(1, 8).string(2, "ganiqa").message(7, graph)
                .message(8, new OnnxWriter().int64(2, 13)).bytes();
    }

    /** An empty {@code GraphProto} named {@code name}; add nodes, initializers, inputs and outputs. */
    public static OnnxWriter graph(String name) {
        return new OnnxWriter().string(2, name);
    }

    /** Adds a {@code NodeProto}; {@code attributes} from {@link #intAttribute} and {@link #intsAttribute}. */
    public OnnxWriter node(String op, String[] inputs, String output, OnnxWriter... attributes) {
        OnnxWriter n = new OnnxWriter();
        for (String in : inputs) {
            n.string(1, in);
        }
        n.string(2, output).string(3, output + "_" + op).string(4, op);
        for (OnnxWriter a : attributes) {
            n.message(5, a);
        }
        return message(1, n);
    }

    public static OnnxWriter intAttribute(String name, long value) {
        return new OnnxWriter().string(1, name).int64(3, value).int64(20, ATTRIBUTE_INT);
    }

    public static OnnxWriter intsAttribute(String name, long... values) {
        OnnxWriter a = new OnnxWriter().string(1, name);
        for (long v : values) {
            a.int64(8, v);
        }
        return a.int64(20, ATTRIBUTE_INTS);
    }

    /** Adds a float initializer ({@code TensorProto} with raw little-endian data). */
    public OnnxWriter initializer(String name, float[] values, long... dims) {
        OnnxWriter t = new OnnxWriter();
        for (long d : dims) {
            t.int64(1, d);
        }
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        t.int64(2, FLOAT).string(8, name).bytes(9, raw.array());
        return message(5, t);
    }

    /** Adds a graph input; each dimension an Integer (fixed) or a String (symbolic, e.g. "n"). */
    public OnnxWriter input(String name, Object... dims) {
        return message(11, valueInfo(name, dims));
    }

    /** Adds a graph output; dimensions as for {@link #input}. */
    public OnnxWriter output(String name, Object... dims) {
        return message(12, valueInfo(name, dims));
    }

    private static OnnxWriter valueInfo(String name, Object... dims) {
        OnnxWriter shape = new OnnxWriter();
        for (Object d : dims) {
            OnnxWriter dim = d instanceof String s ? new OnnxWriter().string(2, s)
                    : new OnnxWriter().int64(1, ((Number) d).longValue());
            shape.message(1, dim);
        }
        OnnxWriter tensor = new OnnxWriter().int64(1, FLOAT).message(2, shape);
        return new OnnxWriter().string(1, name).message(2, new OnnxWriter().message(1, tensor));
    }
}
