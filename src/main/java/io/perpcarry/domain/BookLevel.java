package io.perpcarry.domain;

import java.math.BigDecimal;

import static io.perpcarry.domain.Checks.positive;

/** One aggregated price level: the size resting at a price. Zero-size levels are deletions and never stored. */
public record BookLevel(BigDecimal price, BigDecimal size) {
    public BookLevel {
        positive(price, "level price");
        positive(size, "level size");
    }

    public BigDecimal notional() {
        return price.multiply(size);
    }
}
