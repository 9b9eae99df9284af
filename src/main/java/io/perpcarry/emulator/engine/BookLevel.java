package io.perpcarry.emulator.engine;

import java.math.BigDecimal;

/** One price level: price on the venue's tick, size on the venue's step. */
public record BookLevel(BigDecimal price, BigDecimal size) {
}
