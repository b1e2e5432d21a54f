package dev.ganiqa.harness.compare;

import dev.ganiqa.trainers.Budget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Keeps the forecast of a running comparison true: it knows each unit's forecast, when the running ones started,
 * and how long the finished ones took, and scales the rest by the finished units' measured / forecast ratio once
 * they add up to one whole unit's training. The last few epochs of a unit an interrupted run left behind time
 * start-up, evaluation and the neighbour's load more than training (a 2-epoch remnant of a 120-epoch unit, counted as a
 * whole unit, once scaled the forecast of the four whole units after it by 0.02); until a whole unit's worth has
 * finished, the epochs the running units report correct it instead: the seconds between a unit's epoch ends against
 * the forecast seconds of those epochs. A 120-epoch unit otherwise leaves a wrong forecast standing for hours (the
 * emoji benchmark's 8.5 h forecast was low by about a fifth, which the first units could say only 1.8 h later).
 */
final class Forecaster {
    private final CompareConfig config;
    private final int trainSize;
    private final Estimate.Costs costs;
    private final int jobs;
    private final Map<String, Double> shares = new LinkedHashMap<>();
    private final Map<String, Running> running = new LinkedHashMap<>();
    private final List<Plan.Entry> waiting = new ArrayList<>();
    private double measured;
    private double forecast;
    private double trained;
    private int finished;
    private final LongSupplier clock;
    /** Epoch ends of the running units: the first one seen and the latest, with the clock at each. */
    private final Map<String, Epochs> epochs = new LinkedHashMap<>();
    /** Measured and forecast seconds of the epoch intervals of the units no longer running, and their number. */
    private double epochMeasured;
    private double epochForecast;
    private int epochIntervals;
    /** The epoch correction last printed by {@link #epochUpdate}, 0 before the first. */
    private double printed;

    /**
     * Epoch intervals the correction needs before it replaces the probe's rate (the first epoch of a unit is not
     * one: it carries the graph building and the warm-up).
     */
    static final int EPOCH_EVIDENCE = 3;

    /** {@code pending}: the units still to run, in the order they will be taken, with the share of training left. */
    Forecaster(CompareConfig config, int trainSize, Estimate.Costs costs, int jobs, List<Plan.Entry> pending,
               Map<String, Double> shares) {
        this(config, trainSize, costs, jobs, pending, shares, System::nanoTime);
    }

    /** {@code clock}: nanoseconds, as {@link System#nanoTime}. */
    Forecaster(CompareConfig config, int trainSize, Estimate.Costs costs, int jobs, List<Plan.Entry> pending,
               Map<String, Double> shares, LongSupplier clock) {
        this.clock = clock;
        this.config = config;
        this.trainSize = trainSize;
        this.costs = costs;
        this.jobs = jobs;
        this.waiting.addAll(pending);
        for (Plan.Entry e : pending) {
            this.shares.put(e.name(), shares.getOrDefault(e.name(), 1.0));
        }
    }

    /** The forecast seconds of one unit, before any correction. */
    double unitSeconds(Plan.Entry e) {
        return Estimate.unitSeconds(config, e.variant(), trainSize, shares.getOrDefault(e.name(), 1.0),
                costs.of(e.variant())[0], costs.factor());
    }

    private record Running(Plan.Entry entry, long startNanos) {
    }

    private record Epochs(Plan.Entry entry, int first, long firstNanos, int last, long lastNanos) {
        int intervals() {
            return last - first;
        }

        double seconds() {
            return (lastNanos - firstNanos) / 1e9;
        }
    }

    void started(Plan.Entry e) {
        waiting.removeIf(w -> w.name().equals(e.name()));
        running.put(e.name(), new Running(e, clock.getAsLong()));
    }

    /** A running unit reported the end of its epoch {@code epoch} (counted as it counts them). */
    void epoch(Plan.Entry e, int epoch) {
        if (!running.containsKey(e.name()) || config.budget().kind() == Budget.Kind.TIME) {
            return; // a time budget's units take their minutes whatever an epoch costs
        }
        long now = clock.getAsLong();
        epochs.merge(e.name(), new Epochs(e, epoch, now, epoch, now),
                (old, x) -> epoch > old.last() ? new Epochs(e, old.first(), old.firstNanos(), epoch, now) : old);
    }

    private double epochSeconds(Plan.Entry e) {
        return Estimate.epochSeconds(config, trainSize, costs.of(e.variant())[0], costs.factor());
    }

    /** Epoch intervals measured so far, running units and ended ones together. */
    private int epochIntervals() {
        return epochIntervals + epochs.values().stream().mapToInt(Epochs::intervals).sum();
    }

    /** Measured / forecast seconds of the epoch intervals so far, or 1 with fewer than {@link #EPOCH_EVIDENCE}. */
    double epochCorrection() {
        double m = epochMeasured;
        double f = epochForecast;
        for (Epochs x : epochs.values()) {
            m += x.seconds();
            f += x.intervals() * epochSeconds(x.entry());
        }
        return epochIntervals() < EPOCH_EVIDENCE || f <= 0 ? 1.0 : m / f;
    }

    /**
     * A new forecast to print after an epoch, while no whole unit has corrected it: the first time the epochs are
     * evidence enough, and again when their correction moved by more than the forecast's range
     * ({@link Estimate#SLACK}) from the one printed; empty otherwise.
     */
    Optional<Estimate.Forecast> epochUpdate() {
        if (corrected() || epochIntervals() < EPOCH_EVIDENCE) {
            return Optional.empty();
        }
        double k = epochCorrection();
        if (printed > 0 && Math.abs(k / printed - 1) <= Estimate.SLACK) {
            return Optional.empty();
        }
        printed = k;
        return Optional.of(remaining());
    }

    /**
     * Records a finished unit; returns the seconds it took. Only a unit that trained its whole budget and was
     * evaluated ({@code ok}) measures the forecast: a diverged one stopped early, a failed one may not have trained.
     */
    double finished(Plan.Entry e, boolean ok) {
        Running r = running.remove(e.name());
        waiting.removeIf(w -> w.name().equals(e.name()));
        Epochs x = epochs.remove(e.name());
        if (x != null) {
            epochMeasured += x.seconds();
            epochForecast += x.intervals() * epochSeconds(e);
            epochIntervals += x.intervals();
        }
        if (r == null) {
            return 0;
        }
        double took = (clock.getAsLong() - r.startNanos()) / 1e9;
        if (ok) {
            measured += took;
            forecast += unitSeconds(e);
            trained += shares.getOrDefault(e.name(), 1.0);
            finished++;
        }
        return took;
    }

    /**
     * The measured / forecast ratio of the units finished so far, once their shares of training add up to one whole
     * unit; before, the epochs' ({@link #epochCorrection}, 1 while they are too few: the probe's rate stands).
     */
    double correction() {
        return !corrected() ? epochCorrection() : forecast <= 0 ? 1.0 : measured / forecast;
    }

    private boolean corrected() {
        return trained >= 1 - 1e-9;
    }

    /** From now to the end of the last unit. */
    Estimate.Forecast remaining() {
        double k = correction();
        List<Double> busy = new ArrayList<>();
        long now = clock.getAsLong();
        for (Running r : running.values()) {
            busy.add(Math.max(0, k * unitSeconds(r.entry()) - (now - r.startNanos()) / 1e9));
        }
        List<Estimate.Work> work = waiting.stream().map(e -> new Estimate.Work(e.variant(),
                shares.getOrDefault(e.name(), 1.0))).toList();
        String units = finished + " finished unit" + (finished == 1 ? "" : "s") + " that trained to the budget";
        String basis = costs.basis() + (corrected()
                ? ", corrected by " + units + String.format(java.util.Locale.ROOT, " (x%.2f)", k)
                : (finished == 0 ? "" : ", not corrected by the " + units + String.format(java.util.Locale.ROOT,
                        " (%.0f%% of one unit's training)", 100 * trained))
                + (epochIntervals() < EPOCH_EVIDENCE ? "" : String.format(java.util.Locale.ROOT,
                        ", corrected by the %d epochs measured so far (x%.2f)", epochIntervals(), k)));
        return Estimate.forecast(config, trainSize, work, busy, jobs, costs, k, basis);
    }
}
