package dev.ganiqa.trainers;

/**
 * Why the loop ends. An exploding loss leaves finite weights, which are checkpointed and exported so the run can be
 * inspected; a non-finite one leaves unusable weights, so nothing more is saved. Both count as diverged.
 */
record Stop(Kind kind, String reason) {
    enum Kind { BUDGET, EXPLODING, NON_FINITE }

    static Stop budget(String reason) {
        return new Stop(Kind.BUDGET, reason);
    }

    boolean diverged() {
        return kind != Kind.BUDGET;
    }

    boolean weightsFinite() {
        return kind != Kind.NON_FINITE;
    }
}
