package io.perpcarry.alerts;

import io.perpcarry.engine.Alerter;
import io.perpcarry.state.JournalEntry;
import java.time.Clock;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link Alerter} port and the journal's listener: logs each alert, then hands it to
 * {@code seda:alerts} (routes/alerts.yaml) and returns. Never waits for a channel: a full queue or a stopped
 * context costs the alert (logged), never the engine's step.
 */
public final class AlertPublisher implements Alerter {
    public static final String QUEUE = "seda:alerts";
    private static final Logger LOG = LoggerFactory.getLogger("perpcarry.ALERT");

    private final Clock clock;
    private volatile ProducerTemplate producer;

    public AlertPublisher(Clock clock) {
        this.clock = clock;
    }

    /** Starts delivering through the routes (until then, and after {@code null}, alerts are only logged). */
    public void deliverThrough(ProducerTemplate p) {
        this.producer = p;
    }

    @Override
    public void alert(String message) {
        publish(fromEngine(message, clock.instant()));
    }

    /** The engine says "HALTED: reason": the same key as the journaled halt, so one HALT is one alert. */
    static Alert fromEngine(String message, java.time.Instant at) {
        String halted = "HALTED: ";
        return message.startsWith(halted)
                ? new Alert(AlertKind.HALT, "halt|" + message.substring(halted.length()), message, at)
                : new Alert(AlertKind.ENGINE, "engine|" + message, message, at);
    }

    /** The journal's listener: engine events worth an alert (open, close, stop-loss, unwound, ...). */
    public void onJournal(JournalEntry e) {
        JournalAlerts.of(e).ifPresent(this::publish);
    }

    public void publish(Alert a) {
        if (a.kind().urgent()) {
            LOG.error("ALERT: {}", a.line());
        } else {
            LOG.info("ALERT: {}", a.line());
        }
        ProducerTemplate p = producer;
        if (p == null) {
            return;
        }
        try {
            p.sendBody(QUEUE, a);
        } catch (RuntimeException e) {
            LOG.warn("alert not queued for delivery ({}): {}", e.getClass().getSimpleName(), a.line());
        }
    }
}
