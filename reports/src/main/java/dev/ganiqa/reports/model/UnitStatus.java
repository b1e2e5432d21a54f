package dev.ganiqa.reports.model;

/** Outcome of one (variant, seed) unit; only {@link #OK} units enter the statistics. */
public enum UnitStatus {
    OK,
    /**
     * Training stopped by the divergence guard (NaN/Inf or exploding loss); the reason says which. A collapsed
     * generator is OK with a flag ({@link TrainingStats#collapse()}), not diverged.
     */
    DIVERGED,
    /** An error outside training (I/O, out of memory); the reason holds the message. */
    FAILED
}
