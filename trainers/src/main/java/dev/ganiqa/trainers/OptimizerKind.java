package dev.ganiqa.trainers;

/** The optimizer applied to both networks of a variant. */
public enum OptimizerKind {
    /** Adam (Kingma and Ba 2015) with epsilon 1e-8, as torch.optim.Adam. */
    ADAM,
    /**
     * RMSProp with decay 0.99 and epsilon 1e-8, matching torch.optim.RMSprop's defaults, which the WGAN
     * reference implementation (Arjovsky et al. 2017, github.com/martinarjovsky/WassersteinGAN) used.
     */
    RMSPROP
}
