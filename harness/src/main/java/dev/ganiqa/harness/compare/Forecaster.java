package dev.ganiqa.harness.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the forecast of a running comparison true: it knows each unit's forecast, when the running ones started,
 * and how long the finished ones took, and scales the rest by the finished units' measured / forecast ratio once
 * they add up to one whole unit's training. The last few epochs of a unit an interrupted run left behind time
 * start-up, evaluation and the neighbour's load more than training (a 2-epoch remnant of a 120-epoch unit, counted as a
 * whole unit, once scaled the forecast of the four whole units after it by 0.02); until a whole unit's worth has
 * finished, the probe's rate stands.
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

    /** {@code pending}: the units still to run, in the order they will be taken, with the share of training left. */
    Forecaster(CompareConfig config, int trainSize, Estimate.Costs costs, int jobs, List<Plan.Entry> pending,
               Map<String, Double> shares) {
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

    void started(Plan.Entry e) {
        waiting.removeIf(w -> w.name().equals(e.name()));
        running.put(e.name(), new Running(e, System.nanoTime()));
    }

    /**
     * Records a finished unit; returns the seconds it took. Only a unit that trained its whole budget and was
     * evaluated ({@code ok}) measures the forecast: a diverged one stopped early, a failed one may not have trained.
     */
    double finished(Plan.Entry e, boolean ok) {
        Running r = running.remove(e.name());
        waiting.removeIf(w -> w.name().equals(e.name()));
        if (r == null) {
            return 0;
        }
        double took = (System.nanoTime() - r.startNanos()) / 1e9;
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
     * unit (1 before: the probe's rate stands).
     */
    double correction() {
        return !corrected() || forecast <= 0 ? 1.0 : measured / forecast;
    }

    private boolean corrected() {
        return trained >= 1 - 1e-9;
    }

    /** From now to the end of the last unit. */
    Estimate.Forecast remaining() {
        double k = correction();
        List<Double> busy = new ArrayList<>();
        long now = System.nanoTime();
        for (Running r : running.values()) {
            busy.add(Math.max(0, k * unitSeconds(r.entry()) - (now - r.startNanos()) / 1e9));
        }
        List<Estimate.Work> work = waiting.stream().map(e -> new Estimate.Work(e.variant(),
                shares.getOrDefault(e.name(), 1.0))).toList();
        String units = finished + " finished unit" + (finished == 1 ? "" : "s") + " that trained to the budget";
        String basis = costs.basis() + (finished == 0 ? "" : corrected()
                ? ", corrected by " + units + String.format(java.util.Locale.ROOT, " (x%.2f)", k)
                : ", not corrected by the " + units + String.format(java.util.Locale.ROOT,
                        " (%.0f%% of one unit's training)", 100 * trained));
        return Estimate.forecast(config, trainSize, work, busy, jobs, costs, k, basis);
    }
}
