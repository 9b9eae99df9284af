package io.perpcarry.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether an alert goes out: the same key again within {@code dedupWindow} is dropped; beyond
 * {@code maxPerWindow} alerts in any {@code rateWindow}, non-urgent ones are dropped (urgent ones pass: a HALT is
 * never rate-limited away). Dropped alerts are logged, never lost silently.
 */
public final class AlertGate {
    private static final Logger LOG = LoggerFactory.getLogger(AlertGate.class);

    private final Clock clock;
    private final Duration dedupWindow;
    private final int maxPerWindow;
    private final Duration rateWindow;
    private final Map<String, Instant> lastByKey = new HashMap<>();
    private final Deque<Instant> sent = new ArrayDeque<>();

    public AlertGate(Clock clock, Duration dedupWindow, int maxPerWindow, Duration rateWindow) {
        if (maxPerWindow < 1) {
            throw new IllegalArgumentException("perpcarry.alerts.max-per-hour must be at least 1, got " + maxPerWindow);
        }
        this.clock = clock;
        this.dedupWindow = dedupWindow;
        this.maxPerWindow = maxPerWindow;
        this.rateWindow = rateWindow;
    }

    public synchronized boolean admit(Alert a) {
        Instant now = clock.instant();
        Instant last = lastByKey.get(a.key());
        if (last != null && now.isBefore(last.plus(dedupWindow))) {
            LOG.debug("alert deduplicated: {}", a.key());
            return false;
        }
        while (!sent.isEmpty() && !sent.peekFirst().isAfter(now.minus(rateWindow))) {
            sent.removeFirst();
        }
        if (sent.size() >= maxPerWindow && !a.kind().urgent()) {
            LOG.warn("alert rate limit ({} per {}) reached, not sent: {}", maxPerWindow, rateWindow, a.line());
            return false;
        }
        lastByKey.put(a.key(), now);
        sent.addLast(now);
        forgetOld(now);
        return true;
    }

    private void forgetOld(Instant now) {
        for (Iterator<Instant> it = lastByKey.values().iterator(); it.hasNext(); ) {
            if (!now.isBefore(it.next().plus(dedupWindow))) {
                it.remove();
            }
        }
    }
}
