package io.perpcarry.strategy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The liquidation-distance guard ({@code liquidation_buffer_pct}) and the distance a fresh hedge starts from.
 *
 * <p>Sized on capital (the usual case), a leg's notional is available × leverage × (1 − margin buffer), so its
 * liquidation price starts about 100 / (leverage × (1 − margin buffer)) percent away, less the market's maintenance
 * margin. A guard at or above that closes every hedge the moment it is opened (four taker fills every few minutes),
 * so such a configuration is refused.
 */
public final class LiquidationBuffer {
    /**
     * Maintenance margin assumed by the configuration check, percent of notional: the majors' (Lighter BTC 1.2 %, ETH
     * 2.4 %, EdgeX 0.5 %); thinner markets have more, and the guard watches the venue's own liquidation price anyway.
     */
    public static final BigDecimal ASSUMED_MAINTENANCE_PCT = new BigDecimal("2");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal FIFTY = BigDecimal.valueOf(50);

    private LiquidationBuffer() {
    }

    /** Default guard: 50 / leverage percent (16.67 at 3×, 5 at 10×), half a fresh hedge's distance or less. */
    public static BigDecimal derived(int leverage) {
        return FIFTY.divide(BigDecimal.valueOf(leverage), 2, RoundingMode.HALF_UP);
    }

    /** Approximate distance to liquidation, percent, of a hedge just opened on all the capital sizing allows. */
    public static BigDecimal freshDistancePct(int leverage, BigDecimal marginBufferPct) {
        BigDecimal usable = BigDecimal.ONE.subtract(marginBufferPct.divide(HUNDRED, MathContext.DECIMAL64));
        return HUNDRED.divide(BigDecimal.valueOf(leverage).multiply(usable), MathContext.DECIMAL64)
                .subtract(ASSUMED_MAINTENANCE_PCT);
    }

    /** Why this guard would close a fresh hedge at once, if it would. */
    public static Optional<String> trippedAtOpen(int leverage, BigDecimal marginBufferPct, BigDecimal bufferPct) {
        BigDecimal fresh = freshDistancePct(leverage, marginBufferPct);
        if (bufferPct.compareTo(fresh) < 0) {
            return Optional.empty();
        }
        return Optional.of("liquidation_buffer_pct " + Fmt.plain(bufferPct) + " would close a hedge the moment it opens: at"
                + " leverage " + leverage + " with margin_buffer_pct " + Fmt.plain(marginBufferPct) + " a fresh hedge is about "
                + Fmt.fixed(fresh, 2) + "% from liquidation (100 / (leverage x (1 - margin buffer)) less "
                + Fmt.plain(ASSUMED_MAINTENANCE_PCT) + "% maintenance margin); lower it below that, or lower the leverage");
    }
}
