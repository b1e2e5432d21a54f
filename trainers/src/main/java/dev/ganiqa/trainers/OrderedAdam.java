package dev.ganiqa.trainers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Constant;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.train.ApplyAdam;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;

/**
 * Adam (Kingma &amp; Ba 2015, algorithm 1: {@code lr_t = lr sqrt(1 - beta2^t) / (1 - beta1^t)}, then TF's ApplyAdam
 * per variable) on the framework's {@link org.tensorflow.framework.optimizers.Optimizer}, as
 * {@code org.tensorflow.framework.optimizers.Adam} 1.0.0 builds it, with one difference: the powers beta1^t and
 * beta2^t advance only after every ApplyAdam of the step has read them. The framework's Adam assigns them without
 * that dependency (TF's Python Adam has it), so on some steps an update took the next step's bias correction,
 * depending on the executor's timing: two runs of one seed on one thread parted at their second critic step
 * (BENCHMARKS.md, "Reproducibility"). Variable names are the framework's ({@code <var>-m}, {@code <var>-v},
 * {@code beta1_power}, {@code beta2_power}), so checkpoints written with it restore.
 */
final class OrderedAdam extends org.tensorflow.framework.optimizers.Optimizer {
    private final float learningRate;
    private final float betaOne;
    private final float betaTwo;
    private final float epsilon;
    private Variable<TFloat32> betaOnePower;
    private Variable<TFloat32> betaTwoPower;
    private Constant<TFloat32> learningRateConst;
    private Constant<TFloat32> betaOneConst;
    private Constant<TFloat32> betaTwoConst;
    private Constant<TFloat32> epsilonConst;

    OrderedAdam(Graph graph, String name, float learningRate, float betaOne, float betaTwo, float epsilon) {
        super(graph, name);
        this.learningRate = learningRate;
        this.betaOne = betaOne;
        this.betaTwo = betaTwo;
        this.epsilon = epsilon;
    }

    @Override
    protected void createSlots(List<Output<? extends TType>> variables) {
        for (Output<? extends TType> v : variables) {
            zeroSlot(v, "m");
            zeroSlot(v, "v");
        }
        betaOnePower = tf.withInitScope().withName("beta1_power").variable(Shape.scalar(), TFloat32.class);
        tf.withInitScope().assign(betaOnePower, tf.constant(betaOne));
        betaTwoPower = tf.withInitScope().withName("beta2_power").variable(Shape.scalar(), TFloat32.class);
        tf.withInitScope().assign(betaTwoPower, tf.constant(betaTwo));
    }

    private <T extends TType> void zeroSlot(Output<T> v, String slot) {
        createSlot(v, slot, tf.fill(tf.shape(v), tf.dtypes.cast(tf.constant(0.0f), v.type())));
    }

    @Override
    protected Optional<Op> prepare(String scopeName) {
        betaOneConst = tf.constant(betaOne);
        betaTwoConst = tf.constant(betaTwo);
        learningRateConst = tf.constant(learningRate);
        epsilonConst = tf.constant(epsilon);
        return Optional.empty();
    }

    @Override
    protected <T extends TType> Op applyDense(Ops deps, Output<T> gradient, Output<T> variable) {
        Variable<T> m = getSlot(variable, "m").orElseThrow();
        Variable<T> v = getSlot(variable, "v").orElseThrow();
        return deps.train.applyAdam(variable, m, v, deps.dtypes.cast(betaOnePower, gradient.type()),
                deps.dtypes.cast(betaTwoPower, gradient.type()), deps.dtypes.cast(learningRateConst, gradient.type()),
                deps.dtypes.cast(betaOneConst, gradient.type()), deps.dtypes.cast(betaTwoConst, gradient.type()),
                deps.dtypes.cast(epsilonConst, gradient.type()), gradient, ApplyAdam.useLocking(true));
    }

    @Override
    protected Op finish(List<Op> updateOperations, String name) {
        List<Op> all = new ArrayList<>(updateOperations);
        Ops after = tf.withControlDependencies(updateOperations);
        all.add(after.assign(betaOnePower, after.math.mul(betaOnePower, betaOneConst)));
        all.add(after.assign(betaTwoPower, after.math.mul(betaTwoPower, betaTwoConst)));
        return super.finish(all, name);
    }

    @Override
    public String getOptimizerName() {
        return "Adam";
    }
}
