package dev.ganiqa.reports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formatting shared by the verdict sentence and the report, so both print the same digits. */
public final class Numbers {
    private Numbers() {
    }

    /** Three significant digits, no exponent, never fewer digits than the integer part: 12.3, 0.0123, 137. */
    public static String format(double value) {
        return String.format(Locale.ROOT, "%." + decimals(value) + "f", value);
    }

    /** {@code value} with the same number of decimals as {@code like} (std next to its mean). */
    public static String formatLike(double value, double like) {
        return String.format(Locale.ROOT, "%." + decimals(like) + "f", value);
    }

    /** "p=0.012", "p<0.001". */
    public static String pValue(double p) {
        String plain = pPlain(p);
        return plain.startsWith("<") ? "p" + plain : "p=" + plain;
    }

    /** "0.012", "<0.001": two significant digits. */
    public static String pPlain(double p) {
        if (p < 0.001) {
            return "<0.001";
        }
        return new BigDecimal(p).round(new MathContext(2, RoundingMode.HALF_UP)).stripTrailingZeros()
                .toPlainString();
    }

    static int decimals(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return 2;
        }
        int magnitude = (int) Math.floor(Math.log10(Math.abs(value)));
        return Math.max(0, Math.min(6, 2 - magnitude));
    }
}
