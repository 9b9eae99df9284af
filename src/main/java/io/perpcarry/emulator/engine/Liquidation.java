package io.perpcarry.emulator.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The engine closed every position of an account whose equity fell to its maintenance margin. */
public record Liquidation(long accountId, Instant time, BigDecimal equityBefore, BigDecimal maintenanceBefore,
                          List<Fill> fills) {
    public Liquidation {
        fills = List.copyOf(fills);
    }
}
