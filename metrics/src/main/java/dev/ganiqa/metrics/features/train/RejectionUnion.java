package dev.ganiqa.metrics.features.train;

import dev.ganiqa.metrics.features.GraphTensors;
import java.util.Locale;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.types.TFloat32;

/**
 * One frozen graph from two classifiers: every output of the first ({@code features}, {@code logits},
 * {@code probabilities}, {@code rotation_surprise}), and as {@code rejection} the union of both out-of-distribution
 * gates, {@code max(r_a, min(1, r_b / (2 tau)))}: an image is out (above 0.5, {@code MetricDefinitions.OOD_THRESHOLD})
 * when the first rejects it or the second's rejection exceeds {@code tau}. The first network keeps deciding where
 * images lie (so FID, precision and the rest are its own), the second only adds rejections; {@code tau} raises the
 * second's gate so that the union does not count more real images out than a rule allows (chosen on held-out real
 * images, {@code ganiqa extractor union}). Both graphs read the same {@code images} input; the second's nodes are
 * renamed under {@link #GATE_SCOPE}. {@code tau} may also be one per class the first network predicts (class-wise
 * thresholds, {@link GateThresholds#perClass}): each image then takes the threshold of its most probable class.
 *
 * <p>The second gate may be an ensemble: {@code r_b} is then the mean of its members' rejections, each member's nodes
 * under its own scope ({@code gate/}, {@code gate2/}, ...). Independently trained members err on different real
 * images, while what all of them reject stays rejected, so their mean can be thresholded lower than any one of them
 * for the same share of real images out (deep ensembles: Lakshminarayanan, Pritzel and Blundell, NeurIPS 2017). With
 * one member the graph is exactly the two-graph union.
 */
public final class RejectionUnion {
    /** Name scope of the second graph's nodes. */
    public static final String GATE_SCOPE = "gate/";
    /** The first graph's own rejection output, renamed. */
    public static final String FIRST_REJECTION = "first_rejection";

    private RejectionUnion() {
    }

    /** The union score the merged graph computes, for one image's two rejection outputs. */
    public static double score(double first, double second, double tau) {
        return Math.max(first, Math.min(1, second * 0.5 / tau));
    }

    /** The union score with an ensemble as the second gate: {@link #score} of the members' {@link #gate}. */
    public static double score(double first, double[] members, double tau) {
        return score(first, gate(members), tau);
    }

    /** An ensemble gate's rejection of one image, the mean of its members' (the graph's {@code gate_mean}). */
    public static double gate(double[] members) {
        double sum = 0;
        for (double r : members) {
            sum += r;
        }
        return sum / members.length;
    }

    /** The merged, canonically serialised GraphDef; its {@code rejection} is {@link #score} in float. */
    public static byte[] merge(GraphDef first, GraphDef second, float tau) {
        return merge(first, java.util.List.of(second), tau);
    }

    /**
     * The merged graph with the mean of {@code members}' rejections as the second gate, canonically serialised; its
     * {@code rejection} is {@link #score(double, double[], double)} in float.
     */
    public static byte[] merge(GraphDef first, java.util.List<GraphDef> members, float tau) {
        return merge(first, members, new float[] {tau});
    }

    /**
     * The merged graph whose second gate has one threshold per class the first graph predicts: an image whose largest
     * {@code probabilities} entry is class {@code c} is scored with {@code tauByPredicted[c]} ({@link GateThresholds});
     * with every entry equal it is exactly the one-threshold graph.
     */
    public static byte[] merge(GraphDef first, java.util.List<GraphDef> members, float[] tauByPredicted) {
        if (tauByPredicted.length == 0) {
            throw new IllegalArgumentException("expected at least one gate threshold, found none");
        }
        for (float tau : tauByPredicted) {
            if (!(tau >= 0.5f && tau < 1f)) {
                throw new IllegalArgumentException("expected a gate threshold in [0.5, 1), found " + tau);
            }
        }
        boolean shared = true;
        for (float tau : tauByPredicted) {
            shared &= tau == tauByPredicted[0];
        }
        float[] taus = shared ? new float[] {tauByPredicted[0]} : tauByPredicted.clone();
        if (members.isEmpty()) {
            throw new IllegalArgumentException("expected at least one gate graph, found none");
        }
        require(first, "the first graph");
        for (int m = 0; m < members.size(); m++) {
            require(members.get(m), members.size() == 1 ? "the second graph" : "gate graph " + (m + 1));
        }
        GraphDef.Builder merged = first.toBuilder().clearNode();
        for (NodeDef n : first.getNodeList()) {
            merged.addNode(n.getName().equals(GraphTensors.REJECTION_OUTPUT)
                    ? n.toBuilder().setName(FIRST_REJECTION).build() : n);
        }
        for (int m = 0; m < members.size(); m++) {
            String scope = scope(m);
            for (NodeDef n : members.get(m).getNodeList()) {
                if (n.getName().equals(GraphTensors.INPUT)) {
                    continue;
                }
                NodeDef.Builder b = n.toBuilder().setName(scope + n.getName()).clearInput();
                for (String in : n.getInputList()) {
                    b.addInput(rename(in, scope));
                }
                merged.addNode(b.build());
            }
        }
        try (Graph g = new Graph()) {
            g.importGraphDef(merged.build());
            Ops tf = Ops.create(g);
            Operand<TFloat32> a = g.operation(FIRST_REJECTION).output(0);
            Operand<TFloat32> b = g.operation(scope(0) + GraphTensors.REJECTION_OUTPUT).output(0);
            if (members.size() > 1) {
                java.util.List<Operand<TFloat32>> rejections = new java.util.ArrayList<>();
                for (int m = 0; m < members.size(); m++) {
                    rejections.add(g.operation(scope(m) + GraphTensors.REJECTION_OUTPUT).output(0));
                }
                b = tf.withName("gate_mean").math.mul(tf.math.addN(rejections), tf.constant(1f / members.size()));
            }
            Operand<TFloat32> factor;
            if (taus.length == 1) {
                factor = tf.constant(0.5f / taus[0]);
            } else {
                Operand<TFloat32> probabilities = g.operation(GraphTensors.PROBABILITIES_OUTPUT).output(0);
                long classes = probabilities.shape().get(1);
                if (classes != taus.length) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "expected one gate threshold per "
                            + "class of the first graph (%d), found %d", classes, taus.length));
                }
                float[] factors = new float[taus.length];
                for (int c = 0; c < taus.length; c++) {
                    factors[c] = 0.5f / taus[c];
                }
                // The threshold of each image's predicted class: argmax over the first graph's probabilities.
                factor = tf.withName("gate_factor").gather(tf.constant(factors),
                        tf.math.argMax(probabilities, tf.constant(1)), tf.constant(0));
            }
            Operand<TFloat32> scaled = tf.math.minimum(tf.math.mul(b, factor), tf.constant(1f));
            tf.withName(GraphTensors.REJECTION_OUTPUT).math.maximum(a, scaled);
            return ClassifierTrainer.canonical(g.toGraphDef());
        }
    }

    /** The name scope of gate member {@code m}: {@link #GATE_SCOPE} for the first (the two-graph union's). */
    private static String scope(int m) {
        return m == 0 ? GATE_SCOPE : "gate" + (m + 1) + "/";
    }

    /** A gate graph's input reference under its scope; its image input becomes the shared one. */
    private static String rename(String input, String scope) {
        boolean control = input.startsWith("^");
        String name = control ? input.substring(1) : input;
        String base = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
        String renamed = base.equals(GraphTensors.INPUT) ? name : scope + name;
        return (control ? "^" : "") + renamed;
    }

    private static void require(GraphDef def, String what) {
        boolean input = def.getNodeList().stream().anyMatch(n -> n.getName().equals(GraphTensors.INPUT));
        boolean rejection = def.getNodeList().stream().anyMatch(n -> n.getName().equals(GraphTensors.REJECTION_OUTPUT));
        if (!input || !rejection) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "expected %s to have an '%s' input and a "
                    + "'%s' output, found %s", what, GraphTensors.INPUT, GraphTensors.REJECTION_OUTPUT,
                    !input ? "no input" : "no rejection output (an extractor without a rejection class)"));
        }
    }
}
