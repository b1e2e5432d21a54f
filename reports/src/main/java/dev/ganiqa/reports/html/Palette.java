package dev.ganiqa.reports.html;

import java.util.List;

/** Okabe and Ito's colour-blind-safe palette (2008); real data is always grey. */
final class Palette {
    static final String REAL = "#7a7a7a";
    private static final List<String> COLORS = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00",
            "#56B4E9", "#000000", "#F0E442");

    private Palette() {
    }

    static String color(int index) {
        return COLORS.get(Math.floorMod(index, COLORS.size()));
    }
}
