package io.perpcarry.state;

import io.perpcarry.domain.PositionSide;
import io.perpcarry.domain.Venue;
import java.math.BigDecimal;
import java.util.Objects;

/** One leg of the hedge as read back from its venue after the open. */
public record HeldLeg(Venue venue, PositionSide side, BigDecimal size, BigDecimal entryPrice) {
    public HeldLeg {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(side, "side");
        if (size == null || size.signum() <= 0) {
            throw new IllegalArgumentException("held leg size must be > 0, got " + size);
        }
        if (entryPrice == null || entryPrice.signum() <= 0) {
            throw new IllegalArgumentException("held leg entry price must be > 0, got " + entryPrice);
        }
    }

    public BigDecimal entryNotional() {
        return size.multiply(entryPrice);
    }
}
