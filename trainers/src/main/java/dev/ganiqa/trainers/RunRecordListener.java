package dev.ganiqa.trainers;

/** Writes run.json, the run's record, so evaluation and reports read a run without rerunning it. */
final class RunRecordListener implements LoopListener {
    private final RunFiles files;

    RunRecordListener(RunFiles files) {
        this.files = files;
    }

    @Override
    public void onEnd(TrainingRun run) {
        RunFiles.writeJson(files.result(), run);
    }
}
