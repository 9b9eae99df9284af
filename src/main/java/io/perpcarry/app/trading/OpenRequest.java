package io.perpcarry.app.trading;

import io.perpcarry.domain.Venue;
import java.math.BigDecimal;

/**
 * A hedge the operator asks for: exactly one of {@code sizeQuote} (USD per leg) and {@code sizeBase} (base units);
 * {@code longVenue} null = from funding (short the higher rate); {@code crossTicks} null = bot.json's.
 */
public record OpenRequest(String symbol, BigDecimal sizeQuote, BigDecimal sizeBase, Venue longVenue,
                          Integer crossTicks) {
    public OpenRequest {
        if ((sizeQuote == null) == (sizeBase == null)) {
            throw new UsageException("give exactly one of --size-quote and --size-base");
        }
        if (sizeQuote != null && sizeQuote.signum() <= 0) {
            throw new UsageException("--size-quote must be > 0 USD, got " + sizeQuote.toPlainString());
        }
        if (sizeBase != null && sizeBase.signum() <= 0) {
            throw new UsageException("--size-base must be > 0, got " + sizeBase.toPlainString());
        }
        if (crossTicks != null && crossTicks < 0) {
            throw new UsageException("--cross-ticks must be >= 0, got " + crossTicks);
        }
    }
}
