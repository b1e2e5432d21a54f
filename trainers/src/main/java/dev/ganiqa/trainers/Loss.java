package dev.ganiqa.trainers;

/** The adversarial objective; with {@link Lipschitz} it is what distinguishes the variants. */
public enum Loss {
    /**
     * Non-saturating GAN loss (Goodfellow et al. 2014, sec. 3; DCGAN, Radford et al. 2015):
     * D minimises softplus(-D(x)) + softplus(D(G(z))), G minimises softplus(-D(G(z))).
     */
    NON_SATURATING,
    /**
     * Wasserstein loss (Arjovsky et al. 2017): the critic minimises E[D(G(z))] - E[D(x)], the generator
     * -E[D(G(z))]; E[D(x)] - E[D(G(z))] is logged as the Wasserstein estimate.
     */
    WASSERSTEIN
}
