package dev.ganiqa.trainers;

/**
 * One of the compared GANs. Variants differ only in {@link Loss}, Lipschitz constraint and conditioning;
 * the networks come from the shared {@code Backbone}.
 *
 * @param name        the CLI name ({@code --variant})
 * @param loss        the adversarial objective
 * @param conditional whether G and D see the class label
 * @param description one line for {@code --help} and reports
 */
public record GanVariant(String name, Loss loss, boolean conditional, String description) {
    private static final GeneratorConditioning CONDITION_G = GeneratorConditioning.CONCAT;
    private static final CriticConditioning CONDITION_D = CriticConditioning.PROJECTION_FLAT;

    public GanVariant {
        if (name == null || name.isBlank() || loss == null) {
            throw new IllegalArgumentException("expected a variant name and loss, found " + name + ", " + loss);
        }
    }

    /** The variant's default Lipschitz constraint: gradient penalty for Wasserstein variants. */
    public Lipschitz defaultLipschitz() {
        return loss == Loss.WASSERSTEIN ? Lipschitz.GRADIENT_PENALTY : Lipschitz.NONE;
    }

    public Hyperparameters defaults() {
        return defaults(defaultLipschitz());
    }

    /**
     * Published defaults: DCGAN Adam 2e-4, beta1 0.5 (Radford et al. 2015, sec. 4); WGAN-GP Adam 1e-4, lambda 10,
     * n_critic 5 (Gulrajani et al. 2017, algorithm 1, which gives betas 0/0.9) with betas 0.5/0.9 as in the
     * authors' MNIST code ({@code gan_mnist.py} of igul222/improved_wgan_training); WGAN with clipping RMSProp 5e-5,
     * c = 0.01, n_critic 5 (Arjovsky et al. 2017, algorithm 1). z has 100 dimensions, width 64 (ngf = ndf).
     */
    public Hyperparameters defaults(Lipschitz lipschitz) {
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
