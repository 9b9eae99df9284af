package io.perpcarry.state;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One line of {@code journal.jsonl} as read back: {@code ts}, {@code type} and the event's own fields. */
public record JournalEntry(Instant ts, String type, Map<String, Object> fields) {
    public JournalEntry {
        fields = Map.copyOf(fields);
    }

    public Optional<String> text(String key) {
        Object v = fields.get(key);
        return v == null ? Optional.empty() : Optional.of(v.toString());
    }

    public long number(String key) {
        return text(key).map(Long::parseLong).orElse(0L);
    }
}
