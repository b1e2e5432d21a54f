package dev.ganiqa.trainers;

import dev.ganiqa.datasets.ImageShape;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.framework.optimizers.Optimizer;
import org.tensorflow.framework.optimizers.RMSProp;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.OnesLike;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Split;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * The whole training graph of one variant and its session: a critic step (real and fake images through D as
 * one batch, loss, optional gradient penalty, update of D's variables only, optional clipping), a generator
 * step (update of G's variables and the batch-norm statistics) and the inference generator used for samples
 * and export. All randomness (z, labels, interpolation weights) is fed from Java, so a run is a function of
 * its seed. Each network gets its own optimizer over its own variables: {@code Optimizer.minimize} would
 * differentiate every variable in the graph (shared/notes/tfjava.md).
 */
final class GanGraph implements AutoCloseable {
    static final String SIGNATURE = "generate";

    final Graph graph;
    final Session session;
    final Layout layout;
    final int classes;
    final Hyperparameters hp;
    final Placeholder<TFloat32> real;
    final Placeholder<TFloat32> z;
    final Placeholder<TFloat32> oneHot;
    final Placeholder<TFloat32> interpolation;
    /** The second latent batch of the mode-seeking term (fed only when it is on). */
    final Placeholder<TFloat32> secondZ;
    final Placeholder<TFloat32> sampleZ;
    final Placeholder<TFloat32> sampleOneHot;
    final Operand<TFloat32> criticLoss;
    final Operand<TFloat32> generatorLoss;
    final Operand<TFloat32> wasserstein;
    final Operand<TFloat32> penalty;
    /** Per-example gradient norms ||grad_x D(x_hat)||, for the finite-difference test. */
    final Operand<TFloat32> penaltyNorms;
    final Operand<TFloat32> interpolates;
    final Operand<TFloat32> criticOnInterpolates;
    /** G(z) with batch statistics, as the critic step sees it. */
    final Operand<TFloat32> trainingFake;
    final Op criticStep;
    final Op generatorStep;
    final Operand<TFloat32> samples;
    final List<Variable<TFloat32>> criticVariables;
    final List<Variable<TFloat32>> generatorVariables;

    static {
        // The penalty's second derivative passes through the OnesLike seed that addGradients inserts.
        TensorFlow.registerCustomGradient(OnesLike.Inputs.class, (tf, op, grads) -> List.of(tf.zerosLike(op.x)));
    }

    GanGraph(Hyperparameters hp, ImageShape shape, int classes, long seed, int threads) {
        this.hp = hp;
        this.layout = Layout.of(shape);
        this.classes = classes;
        graph = new Graph();
        Ops tf = Ops.create(graph);
        Shape image = Shape.of(-1, shape.height(), shape.width(), shape.channels());
        real = tf.withName("real").placeholder(TFloat32.class, Placeholder.shape(image));
        z = tf.withName("z").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, hp.latentDim())));
        oneHot = tf.withName("labels").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, Math.max(classes, 1))));
        secondZ = tf.withName("z2").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, hp.latentDim())));
        interpolation = tf.withName("epsilon").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1, 1, 1)));
        sampleZ = tf.withName("sample_z").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, hp.latentDim())));
        sampleOneHot = tf.withName("sample_labels").placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, Math.max(classes, 1))));
        Backbone net = new Backbone(tf, layout, hp, classes, seed);
        criticVariables = net.criticVariables;
        generatorVariables = net.generatorVariables;

        // Critic step.
        List<Op> unused = new ArrayList<>();
        Operand<TFloat32> fake = net.generate(z, oneHot, true, unused);
        trainingFake = fake;
        Operand<TFloat32> both = net.critic(tf.concat(List.of(real, fake), tf.constant(0)),
                tf.concat(List.of(oneHot, oneHot), tf.constant(0)));
        Split<TFloat32> split = tf.split(tf.constant(0), both, 2L);
        Operand<TFloat32> onReal = tf.math.mean(split.output().get(0), tf.constant(0));
        Operand<TFloat32> onFake = tf.math.mean(split.output().get(1), tf.constant(0));
        Operand<TFloat32> zero = tf.constant(0f);
        if (hp.loss() == Loss.NON_SATURATING) {
            criticLoss = tf.math.add(tf.math.mean(tf.math.softplus(tf.math.neg(split.output().get(0))), tf.constant(0)),
                    tf.math.mean(tf.math.softplus(split.output().get(1)), tf.constant(0)));
            wasserstein = tf.withName("wasserstein").identity(zero);
        } else {
            wasserstein = tf.withName("wasserstein").identity(tf.math.sub(onReal, onFake));
            criticLoss = tf.math.neg(wasserstein);
        }
        // Gradient penalty on x_hat = eps x + (1 - eps) G(z) (Gulrajani et al. 2017, algorithm 1, lines 6-8).
        interpolates = tf.math.add(tf.math.mul(interpolation, real),
                tf.math.mul(tf.math.sub(tf.constant(1f), interpolation), fake));
        criticOnInterpolates = net.critic(interpolates, oneHot);
        Operand<TFloat32> totalCriticLoss = criticLoss;
        if (hp.lipschitz() == Lipschitz.GRADIENT_PENALTY) {
            Gradients g = tf.gradients(tf.sum(criticOnInterpolates, tf.constant(0)), List.of(interpolates));
            Operand<TFloat32> grad = g.dy(0);
            penaltyNorms = tf.math.sqrt(tf.sum(tf.math.mul(grad, grad), tf.constant(new int[] {1, 2, 3})));
            Operand<TFloat32> gap = tf.math.sub(penaltyNorms, tf.constant(1f));
            penalty = tf.math.mul(tf.constant(hp.gpLambda()), tf.math.mean(tf.math.mul(gap, gap), tf.constant(0)));
            totalCriticLoss = tf.math.add(criticLoss, penalty);
        } else {
            penaltyNorms = zero;
            penalty = tf.withName("penalty").identity(zero);
        }
        Op dApply = optimizer(graph, "d_opt", hp.learningRateD())
                .applyGradients(pairs(tf, totalCriticLoss, criticVariables), "d_train");
        Ops after = tf.withControlDependencies(List.of(dApply));
        List<Op> afterUpdate = new ArrayList<>();
        if (hp.lipschitz() == Lipschitz.CLIP) {
            for (Variable<TFloat32> v : criticVariables) {
                afterUpdate.add(after.assign(v, after.clipByValue(v, after.constant(-hp.clip()),
                        after.constant(hp.clip()))));
            }
        }
        for (SpectralNorm norm : net.spectralNorms) {
            afterUpdate.add(norm.refresh(after));
        }
        criticStep = afterUpdate.isEmpty() ? dApply : tf.withControlDependencies(afterUpdate).withName("d_step").noOp();

        // Generator step.
        List<Op> statistics = new ArrayList<>();
        Operand<TFloat32> fakeForG = net.generate(z, oneHot, true, statistics);
        Operand<TFloat32> scores = net.critic(fakeForG, oneHot);
        generatorLoss = hp.loss() == Loss.NON_SATURATING
                ? tf.math.mean(tf.math.softplus(tf.math.neg(scores)), tf.constant(0))
                : tf.math.neg(tf.math.mean(scores, tf.constant(0)));
        Operand<TFloat32> totalGeneratorLoss = generatorLoss;
        if (hp.modeSeeking() > 0) {
            totalGeneratorLoss = tf.math.add(generatorLoss, modeSeeking(tf, net, fakeForG));
        }
        Op gApply = optimizer(graph, "g_opt", hp.learningRateG())
                .applyGradients(pairs(tf, totalGeneratorLoss, generatorVariables), "g_train");
        List<Op> all = new ArrayList<>(statistics);
        all.add(gApply);
        generatorStep = tf.withControlDependencies(all).withName("g_step").noOp();

        samples = tf.withName("images").identity(net.generate(sampleZ, sampleOneHot, false, unused));

        ConfigProto.Builder config = ConfigProto.newBuilder();
        if (threads > 0) {
            config.setIntraOpParallelismThreads(threads).setInterOpParallelismThreads(threads);
        }
        session = new Session(graph, config.build());
        session.initialize();
    }

    /**
     * The mode-seeking term (Mao et al. 2019, eq. 3, and their code's loss_lz): with a second batch G(z2, y) of the
     * same labels, lambda / (mean|G(z2, y) - G(z, y)| / mean|z2 - z| + 1e-5). It grows when different z give the
     * same image, the collapse of a conditional generator that ignores z. The second batch's batch-norm updates
     * are dropped: the moving statistics follow the adversarial batch only.
     */
    private Operand<TFloat32> modeSeeking(Ops tf, Backbone net, Operand<TFloat32> fake) {
        Operand<TFloat32> other = net.generate(secondZ, oneHot, true, new ArrayList<>());
        Operand<TFloat32> images = tf.math.mean(tf.math.abs(tf.math.sub(other, fake)), tf.constant(new int[] {0, 1, 2, 3}));
        Operand<TFloat32> latents = tf.math.mean(tf.math.abs(tf.math.sub(secondZ, z)), tf.constant(new int[] {0, 1}));
        Operand<TFloat32> ratio = tf.math.div(images, latents);
        return tf.math.div(tf.constant(hp.modeSeeking()), tf.math.add(ratio, tf.constant(1e-5f)));
    }

    private Optimizer optimizer(Graph g, String name, float rate) {
        return switch (hp.optimizer()) {
            case ADAM -> new OrderedAdam(g, name, rate, hp.beta1(), hp.beta2(), 1e-8f);
            case RMSPROP -> new RMSProp(g, name, rate, 0.99f, 0f, 1e-8f, false);
        };
    }

    private static List<Optimizer.GradAndVar<? extends org.tensorflow.types.family.TType>> pairs(
            Ops tf, Operand<TFloat32> loss, List<Variable<TFloat32>> variables) {
        Gradients g = tf.gradients(loss, variables);
        List<Optimizer.GradAndVar<? extends org.tensorflow.types.family.TType>> out = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            out.add(new Optimizer.GradAndVar<>(g.<TFloat32>dy(i), variables.get(i).asOutput()));
        }
        return out;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
