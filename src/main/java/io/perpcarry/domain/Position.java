package io.perpcarry.domain;

import java.math.BigDecimal;
import java.util.Optional;

import static io.perpcarry.domain.Checks.positive;
import static io.perpcarry.domain.Checks.required;
import static io.perpcarry.domain.Checks.text;

/**
 * An open (or just flattened) position as a venue reports it.
 *
 * @param signedSize       base units, positive long, negative short, zero flat (EdgeX keeps flat rows)
 * @param entryPrice       average entry; required unless flat (both venues report it)
 * @param unrealizedPnl    USD; nullable — a venue snapshot may omit it (the caller may compute it from mark)
 * @param liquidationPrice nullable — not reported, or reported as 0 meaning "none" (adapters map 0 to null)
 * @param marginRatio      maintenance requirement / equity, fraction; nullable — neither venue reports it per
 *                         position, so it is only set when the adapter derives it
 */
public record Position(Venue venue, String symbol, BigDecimal signedSize, BigDecimal entryPrice,
                       BigDecimal unrealizedPnl, BigDecimal liquidationPrice, BigDecimal marginRatio) {

    public Position {
        required(venue, "venue");
        text(symbol, "symbol");
        required(signedSize, "signedSize");
        if (signedSize.signum() != 0) {
            positive(entryPrice, "entryPrice of an open position");
        }
        if (liquidationPrice != null) {
            positive(liquidationPrice, "liquidationPrice");
        }
        if (marginRatio != null && marginRatio.signum() < 0) {
            throw new IllegalArgumentException("marginRatio must be >= 0, got " + marginRatio.toPlainString());
        }
    }

    public boolean isFlat() {
        return signedSize.signum() == 0;
    }

    /** LONG/SHORT, empty when flat. */
    public Optional<PositionSide> side() {
        return switch (signedSize.signum()) {
            case 1 -> Optional.of(PositionSide.LONG);
            case -1 -> Optional.of(PositionSide.SHORT);
            default -> Optional.empty();
        };
    }

    public BigDecimal absSize() {
        return signedSize.abs();
    }

    /** |size| × entry price: the notional the stop-loss is measured against. Zero when flat. */
    public BigDecimal entryNotional() {
        return isFlat() ? BigDecimal.ZERO : absSize().multiply(entryPrice);
    }

    public String label() {
        return venue.displayName() + " " + symbol;
    }
}
