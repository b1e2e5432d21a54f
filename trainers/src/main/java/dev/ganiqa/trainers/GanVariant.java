package dev.ganiqa.trainers;

/**
 * One of the compared GANs. Variants differ only in {@link Loss}, Lipschitz constraint and conditioning;
 * the networks come from the shared {@code Backbone}.
 *
 * @param name        the CLI name ({@code --variant})
 * @param loss        the adversarial objective
 * @param conditional whether G and D see the class label
 * @param description one line for {@code --help} and reports
 * @param matched     an unconditional variant that takes its conditional partner's recipe (terms, optimiser) without
 *                    the label: the pair (cwgan, wgan-matched) differs in the label alone (false in files written
 *                    before it existed)
 */
public record GanVariant(String name, Loss loss, boolean conditional, String description, boolean matched) {
    private static final GeneratorConditioning CONDITION_G = GeneratorConditioning.CONCAT;
    private static final CriticConditioning CONDITION_D = CriticConditioning.PROJECTION_FLAT;

    public GanVariant {
        if (name == null || name.isBlank() || loss == null) {
            throw new IllegalArgumentException("expected a variant name and loss, found " + name + ", " + loss);
        }
        if (matched && conditional) {
            throw new IllegalArgumentException("expected a matched variant to be unconditional, found " + name);
        }
    }

    public GanVariant(String name, Loss loss, boolean conditional, String description) {
        this(name, loss, conditional, description, false);
    }

    /** The variant's default Lipschitz constraint: gradient penalty for Wasserstein variants. */
    public Lipschitz defaultLipschitz() {
        return loss == Loss.WASSERSTEIN ? Lipschitz.GRADIENT_PENALTY : Lipschitz.NONE;
    }

    public Hyperparameters defaults() {
        return defaults(defaultLipschitz());
    }

    /**
     * The variant's defaults. Published ones for the unconditional variants: DCGAN Adam 2e-4, beta1 0.5 (Radford
     * et al. 2015, sec. 4); WGAN-GP Adam 1e-4, lambda 10, n_critic 5 (Gulrajani et al. 2017, algorithm 1, which gives betas 0/0.9) with betas 0.5/0.9 as in the
     * authors' MNIST code ({@code gan_mnist.py} of igul222/improved_wgan_training); WGAN with clipping RMSProp 5e-5,
     * c = 0.01, n_critic 5 (Arjovsky et al. 2017, algorithm 1). z has 100 dimensions, width 64 (ngf = ndf). The
     * conditional variants add {@link #conditionalRecipe}, and so do the matched unconditional ones (Mao et al. apply the
     * mode-seeking term to unconditional GANs too).
     */
    public Hyperparameters defaults(Lipschitz lipschitz) {
        Hyperparameters published = published(lipschitz);
        return conditional || matched ? conditionalRecipe(published) : published;
    }

    /**
     * What the conditional variants add, chosen by an ablation at 2 full Fashion-MNIST epochs (BENCHMARKS.md,
     * "Conditional recipes"): the original recipe (label embedding concatenated with z, projection in D) settles
     * into one image per class, the collapse of conditional GANs that ignore z (Shahbazi et al., ICLR 2022). Of
     * conditional batch norm, pooled projection with spectral norm, a label channel in D, minibatch std and the
     * mode-seeking term, only the mode-seeking term (Mao et al., CVPR 2019, "Mode Seeking Generative Adversarial
     * Networks for Diverse Image Synthesis") kept both the within-class diversity and the class consistency:
     * weight 0.5 for the non-saturating loss, 1 (the paper's) for the Wasserstein one. cwgan also takes Adam
     * 4e-4 with beta1 = 0 (WGAN-GP's published 1e-4 and Gulrajani et al.'s algorithm 1 betas 0 / 0.9): at
     * n_critic = 5 an epoch is only 187 generator steps, and at 1e-4 its samples were still too vague to show their
     * class (consistency 0.73-0.77; 0.79 at 2e-4, 0.85 at 4e-4 with beta1 0). The label still enters through a
     * learned embedding, as in the study; every other option stays reachable through {@code --set}.
     */
    private Hyperparameters conditionalRecipe(Hyperparameters h) {
        if (loss == Loss.NON_SATURATING) {
            return h.withModeSeeking(0.5f);
        }
        Hyperparameters recipe = h.withModeSeeking(1f);
        return h.lipschitz() == Lipschitz.GRADIENT_PENALTY
                ? recipe.withLearningRates(4e-4f, 4e-4f).withBetas(0f, h.beta2()) : recipe;
    }

    private Hyperparameters published(Lipschitz lipschitz) {
        return switch (lipschitz) {
            case NONE -> new Hyperparameters(loss, lipschitz, OptimizerKind.ADAM, 2e-4f, 2e-4f, 0.5f, 0.999f,
                    1, 10f, 0.01f, 100, 64, 50, CONDITION_G, CONDITION_D, false, false, 0f);
            case GRADIENT_PENALTY -> new Hyperparameters(loss, lipschitz, OptimizerKind.ADAM, 1e-4f, 1e-4f, 0.5f,
                    0.9f, 5, 10f, 0.01f, 100, 64, 50, CONDITION_G, CONDITION_D, false, false, 0f);
            case CLIP -> new Hyperparameters(loss, lipschitz, OptimizerKind.RMSPROP, 5e-5f, 5e-5f, 0.5f, 0.9f,
                    5, 10f, 0.01f, 100, 64, 50, CONDITION_G, CONDITION_D, false, false, 0f);
        };
    }
}
