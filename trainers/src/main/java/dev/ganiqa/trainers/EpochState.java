package dev.ganiqa.trainers;

/**
 * Where the loop stands after a run of steps: at an epoch end ({@code batch} 0) or where a stop ended it inside an
 * epoch. A checkpoint saves it as a {@link TrainState} with the log's length, which only the log knows.
 *
 * @param epoch       completed epochs
 * @param batch       batches already trained in epoch {@code epoch}
 * @param wallSeconds training wall time so far, across resumes
 */
record EpochState(int epoch, int batch, long criticSteps, long generatorSteps, long imagesSeen, double wallSeconds,
                  double criticLoss, double generatorLoss) {
    static EpochState of(TrainState s) {
        return new EpochState(s.epoch(), s.batch(), s.criticSteps(), s.generatorSteps(), s.imagesSeen(),
                s.wallSeconds(), s.criticLoss(), s.generatorLoss());
    }

    TrainState withLogBytes(long logBytes) {
        return new TrainState(epoch, batch, criticSteps, generatorSteps, imagesSeen, wallSeconds, logBytes,
                criticLoss, generatorLoss);
    }
}
