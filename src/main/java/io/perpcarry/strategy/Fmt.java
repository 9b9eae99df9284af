package io.perpcarry.strategy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Number formatting for operator-facing reasons: locale-independent, fixed decimals. */
final class Fmt {
    private Fmt() {
    }

    /** 12000 → "12,000". */
    static String usd(BigDecimal v) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(v);
    }

    /** Fixed decimals, HALF_UP: (0.3125, 2) → "0.31". */
    static String fixed(BigDecimal v, int decimals) {
        return v.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** A configured threshold as written: 5.00 → "5", 0.150 → "0.15". */
    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
