package dev.ganiqa.reports.model;

/**
 * Work done by one unit on every budget axis, whichever axis the budget counted: the same epochs cost a WGAN
 * five critic steps per generator step, the same generator steps five times the images.
 *
 * @param epochs          epochs completed
 * @param generatorSteps  generator updates
 * @param criticSteps     discriminator/critic updates
 * @param imagesSeen      real images fed to the discriminator/critic
 * @param wallSeconds     training wall time across resumes (0 in files written before it was recorded)
 * @param collapse        the trainer's collapse check of the final generator (null in files written before it was
 *                        recorded, and for units whose weights were unusable)
 */
public record TrainingStats(int epochs, long generatorSteps, long criticSteps, long imagesSeen, double wallSeconds,
                            Collapse collapse) {
    public TrainingStats {
        Checks.nonNegative(epochs, "epochs");
        Checks.nonNegative(generatorSteps, "generatorSteps");
        Checks.nonNegative(criticSteps, "criticSteps");
        Checks.nonNegative(imagesSeen, "imagesSeen");
        Checks.finite(wallSeconds, "wallSeconds");
    }

    public TrainingStats(int epochs, long generatorSteps, long criticSteps, long imagesSeen, double wallSeconds) {
        this(epochs, generatorSteps, criticSteps, imagesSeen, wallSeconds, null);
    }

    public TrainingStats(int epochs, long generatorSteps, long criticSteps, long imagesSeen) {
        this(epochs, generatorSteps, criticSteps, imagesSeen, 0);
    }

    /** Whether the trainer flagged the final generator as collapsed. */
    public boolean collapsed() {
        return collapse != null && collapse.collapsed();
    }
}
