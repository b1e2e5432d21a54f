package dev.ganiqa.metrics.features;

import org.tensorflow.proto.ConfigProto;

/** Session settings: an explicit intra-op pool and one inter-op thread, so runs are repeatable. */
public final class TfConfig {
    private TfConfig() {
    }

    /**
     * {@code intraOp} threads for one op's kernel (convolutions, matmuls); one inter-op thread because
     * these graphs are a chain of ops with no useful parallel branches, and a fixed pool layout keeps
     * the float summation order, hence the features, identical from run to run.
     */
    public static ConfigProto threads(int intraOp) {
        if (intraOp <= 0) {
            throw new IllegalArgumentException("expected a positive thread count, found " + intraOp);
        }
        return ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(intraOp)
                .setInterOpParallelismThreads(1)
                .build();
    }
}
