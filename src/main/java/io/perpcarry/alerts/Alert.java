package io.perpcarry.alerts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One message for a person. {@code key} decides what counts as the same alert for deduplication (e.g. one HALT
 * reason, one cycle's close, one venue unreadable).
 */
public record Alert(AlertKind kind, String key, String text, Instant at) {
    public Alert {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(key);
        Objects.requireNonNull(text);
        Objects.requireNonNull(at);
    }

    /** The line a person reads (Telegram, logs). */
    public String line() {
        return "perpcarry " + kind.name().replace('_', ' ') + ": " + text;
    }

    /** The generic webhook's JSON body. */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", "perpcarry");
        m.put("kind", kind.name().toLowerCase());
        m.put("urgent", kind.urgent());
        m.put("text", text);
        m.put("ts", at.toString());
        return m;
    }
}
