package dev.ganiqa.reports.model;

/**
 * Work done by one unit: the same epochs cost a WGAN five critic steps per generator step.
 *
 * @param epochs          epochs completed
 * @param generatorSteps  generator updates
 * @param criticSteps     discriminator/critic updates
 * @param imagesSeen      real images fed to the discriminator/critic
 */
public record TrainingStats(int epochs, long generatorSteps, long criticSteps, long imagesSeen) {
    public TrainingStats {
        Checks.nonNegative(epochs, "epochs");
        Checks.nonNegative(generatorSteps, "generatorSteps");
        Checks.nonNegative(criticSteps, "criticSteps");
        Checks.nonNegative(imagesSeen, "imagesSeen");
    }
}
