package dev.ganiqa.trainers;

/**
 * Every knob of one variant. Defaults come from {@link GanVariant#defaults(Lipschitz)}; the {@code with*}
 * methods return overridden copies (the CLI uses them).
 *
 * @param latentDim   length of z
 * @param width       channels of the full-resolution layers: G's last hidden layer and D's first have
 *                    {@code width} channels, each step towards the base resolution doubles it (DCGAN's ngf/ndf)
 * @param embedDim    length of the learned label embedding concatenated with z (conditional variants)
 * @param nCritic     critic (discriminator) steps per generator step; each critic step takes a fresh real batch
 * @param gpLambda    gradient-penalty weight (only with {@link Lipschitz#GRADIENT_PENALTY})
 * @param clip        weight-clipping bound c (only with {@link Lipschitz#CLIP})
 * @param conditionG  how a conditional G receives the label; null (run folders written before this option)
 *                    means {@link GeneratorConditioning#CONCAT}
 * @param conditionD  how a conditional D sees the label; null means {@link CriticConditioning#PROJECTION_FLAT}
 * @param spectralNorm every critic weight divided by its largest singular value (Miyato et al. 2018)
 * @param minibatchStd a minibatch standard-deviation feature map before D's output (Karras et al. 2018)
 * @param modeSeeking weight of the mode-seeking term of G's loss (Mao et al. 2019); 0 switches it off
 */
public record Hyperparameters(Loss loss, Lipschitz lipschitz, OptimizerKind optimizer,
                              float learningRateG, float learningRateD, float beta1, float beta2,
                              int nCritic, float gpLambda, float clip,
                              int latentDim, int width, int embedDim,
                              GeneratorConditioning conditionG, CriticConditioning conditionD,
                              boolean spectralNorm, boolean minibatchStd, float modeSeeking) {
    public Hyperparameters {
        if (conditionG == null) {
            conditionG = GeneratorConditioning.CONCAT;
        }
        if (conditionD == null) {
            conditionD = CriticConditioning.PROJECTION_FLAT;
        }
        if (!(modeSeeking >= 0) || Float.isInfinite(modeSeeking)) {
            throw new IllegalArgumentException("expected a mode-seeking weight >= 0, found " + modeSeeking);
        }
        if (loss == null || lipschitz == null || optimizer == null) {
            throw new IllegalArgumentException("expected loss, Lipschitz constraint and optimizer, found a null");
        }
        if (loss == Loss.NON_SATURATING && lipschitz != Lipschitz.NONE) {
            throw new IllegalArgumentException("expected no Lipschitz constraint with the non-saturating loss, found "
                    + lipschitz.label());
        }
        if (loss == Loss.WASSERSTEIN && lipschitz == Lipschitz.NONE) {
            throw new IllegalArgumentException("expected gp or clip with the Wasserstein loss, found none");
        }
        positive("learning rate G", learningRateG);
        positive("learning rate D", learningRateD);
        if (beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1) {
            throw new IllegalArgumentException("expected Adam betas in [0, 1), found " + beta1 + ", " + beta2);
        }
        if (nCritic < 1) {
            throw new IllegalArgumentException("expected n_critic >= 1, found " + nCritic);
        }
        if (gpLambda < 0 || !(clip > 0)) {
            throw new IllegalArgumentException("expected gp lambda >= 0 and clip > 0, found " + gpLambda + ", " + clip);
        }
        if (latentDim < 1 || width < 1 || embedDim < 1) {
            throw new IllegalArgumentException("expected positive latent, width and embedding sizes, found "
                    + latentDim + ", " + width + ", " + embedDim);
        }
    }

    private static void positive(String what, float value) {
        if (!(value > 0) || Float.isInfinite(value)) {
            throw new IllegalArgumentException("expected a positive " + what + ", found " + value);
        }
    }

    public Hyperparameters withLearningRates(float g, float d) {
        return new Hyperparameters(loss, lipschitz, optimizer, g, d, beta1, beta2, nCritic, gpLambda, clip,
                latentDim, width, embedDim, conditionG, conditionD, spectralNorm, minibatchStd, modeSeeking);
    }

    public Hyperparameters withBetas(float b1, float b2) {
        return new Hyperparameters(loss, lipschitz, optimizer, learningRateG, learningRateD, b1, b2, nCritic,
                gpLambda, clip, latentDim, width, embedDim, conditionG, conditionD, spectralNorm, minibatchStd, modeSeeking);
    }

    public Hyperparameters withNCritic(int n) {
        return new Hyperparameters(loss, lipschitz, optimizer, learningRateG, learningRateD, beta1, beta2, n,
                gpLambda, clip, latentDim, width, embedDim, conditionG, conditionD, spectralNorm, minibatchStd, modeSeeking);
    }

    public Hyperparameters withGpLambda(float lambda) {
        return new Hyperparameters(loss, lipschitz, optimizer, learningRateG, learningRateD, beta1, beta2, nCritic,
                lambda, clip, latentDim, width, embedDim, conditionG, conditionD, spectralNorm, minibatchStd, modeSeeking);
    }

    public Hyperparameters withClip(float c) {
        return new Hyperparameters(loss, lipschitz, optimizer, learningRateG, learningRateD, beta1, beta2, nCritic,
                gpLambda, c, latentDim, width, embedDim, conditionG, conditionD, spectralNorm, minibatchStd, modeSeeking);
    }

    /** Network sizes: tests use tiny networks, the CLI the defaults. */
    public Hyperparameters withSizes(int latent, int w, int embed) {
        return new Hyperparameters(loss, lipschitz, optimizer, learningRateG, learningRateD, beta1, beta2, nCritic,
                gpLambda, clip, latent, w, embed, conditionG, conditionD, spectralNorm, minibatchStd, modeSeeking);
    }

    /** The weight of the mode-seeking term alone (0 switches it off). */
    public Hyperparameters withModeSeeking(float weight) {
        return withArchitecture(conditionG, conditionD, spectralNorm, minibatchStd, weight);
    }

    /** The architecture options (conditioning, spectral norm, minibatch std, mode seeking). */
    public Hyperparameters withArchitecture(GeneratorConditioning g, CriticConditioning d, boolean sn, boolean mbStd,
                                            float ms) {
        return new Hyperparameters(loss, lipschitz, optimizer, learningRateG, learningRateD, beta1, beta2, nCritic,
                gpLambda, clip, latentDim, width, embedDim, g, d, sn, mbStd, ms);
    }
}
