package dev.ganiqa.reports.html;

import java.util.ArrayList;
import java.util.List;

/**
 * "Nice" axis ticks: steps of 1, 2 or 5 times a power of ten, about {@code target} of them, covering
 * [lo, hi] (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990).
 */
record Ticks(double min, double max, double step) {
    static Ticks of(double lo, double hi, int target) {
        if (!(hi > lo)) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        double step = nice((hi - lo) / Math.max(1, target - 1));
        return new Ticks(Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step);
    }

    private static double nice(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    List<Double> values() {
        List<Double> values = new ArrayList<>();
        for (int i = 0; min + i * step <= max + step * 1e-9; i++) {
            values.add(min + i * step);
        }
        return values;
    }

    String label(double value) {
        if (Math.abs(value) < step * 1e-9) {
            return "0";
        }
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
    }
}
