package io.perpcarry.paper;

import java.math.BigDecimal;
import java.time.Instant;

/** One symbol's simulated position: signed size, average entry, and the last settlement it was funded for. */
final class PaperLeg {
    BigDecimal size = BigDecimal.ZERO;
    BigDecimal entry = BigDecimal.ZERO;
    Instant fundedUpTo;
}
