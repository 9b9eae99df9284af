package io.perpcarry.metrics;

import io.perpcarry.state.JournalEntry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Leg skew of the last open: the gap between the answers to a cycle's two opening orders, as the journal records
 * them ({@code order_sent} role OPEN_*, then {@code order_result}); measured on the wall clock when journaled.
 */
final class LegSkew {
    private final LongSupplier nanoTime;
    private final Map<String, String> cycleByClientId = new ConcurrentHashMap<>();
    private final Map<String, Long> firstAnswerByCycle = new ConcurrentHashMap<>();
    private volatile double lastSeconds = Double.NaN;

    LegSkew(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    void onJournal(JournalEntry e) {
        String clientId = e.text("client_order_id").orElse(null);
        if (clientId == null) {
            return;
        }
        if (e.type().equals("order_sent") && e.text("role").orElse("").startsWith("OPEN_")) {
            cycleByClientId.put(clientId, e.text("cycle_id").orElse("?"));
        } else if (e.type().equals("order_result")) {
            String cycle = cycleByClientId.remove(clientId);
            if (cycle == null) {
                return;
            }
            long now = nanoTime.getAsLong();
            Long first = firstAnswerByCycle.remove(cycle);
            if (first == null) {
                firstAnswerByCycle.put(cycle, now);
            } else {
                lastSeconds = Math.abs(now - first) / 1e9;
            }
        }
    }

    /** Seconds; NaN before the first two-legged open. */
    double lastSeconds() {
        return lastSeconds;
    }
}
