package dev.ganiqa.reports.model;

/** Outcome of one (variant, seed) unit; only {@link #OK} units enter the statistics. */
public enum UnitStatus {
    OK,
    /** Training stopped by the divergence guard (NaN/Inf loss, collapsed output); the reason says which. */
    DIVERGED,
    /** An error outside training (I/O, out of memory); the reason holds the message. */
    FAILED
}
