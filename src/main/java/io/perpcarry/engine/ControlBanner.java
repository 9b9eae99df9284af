package io.perpcarry.engine;

import io.perpcarry.state.BotSnapshot;
import io.perpcarry.state.BotState;
import io.perpcarry.state.JournalEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The first line of {@code status}, {@code journal} and the dashboards when a person is needed: PAUSED or HALTED,
 * who or what set it and when (from the journal), and the exact command that lifts it.
 *
 * @param kind   PAUSED or HALTED
 * @param by     who set it (cli, jmx, file, api, emergency close) or "the bot" for a halt
 * @param since  when, from the journal (null when the journal has no record)
 * @param reason why
 * @param lift   the command that lifts it
 */
public record ControlBanner(String kind, String by, Instant since, String reason, String lift) {
    /** The only journal lines a banner reads: a long journal is never read whole for it. */
    public static final java.util.Set<String> JOURNAL_TYPES = java.util.Set.of("halt", "paused");

    /** Empty when the bot is neither paused nor halted. */
    public static Optional<ControlBanner> of(BotSnapshot s, List<JournalEntry> journal) {
        if (BotState.HALTED.name().equals(s.state())) {
            Optional<JournalEntry> e = last(journal, "halt");
            return Optional.of(new ControlBanner("HALTED", "the bot", e.map(JournalEntry::ts).orElse(null),
                    s.haltReason() != null ? s.haltReason() : e.flatMap(x -> x.text("reason")).orElse("?"),
                    ControlActions.CLEAR_HALT_COMMAND + " (after checking both venues)"));
        }
        if (s.paused()) {
            Optional<JournalEntry> e = last(journal, "paused");
            return Optional.of(new ControlBanner("PAUSED", e.flatMap(x -> x.text("by")).orElse("?"),
                    e.map(JournalEntry::ts).orElse(null), e.flatMap(x -> x.text("reason")).orElse(null),
                    ControlActions.RESUME_COMMAND));
        }
        return Optional.empty();
    }

    /** From a data directory's state.json and journal; empty when neither paused nor halted, or never run. */
    public static Optional<ControlBanner> read(java.nio.file.Path dataDir) {
        return io.perpcarry.state.StateStore.load(dataDir.resolve(io.perpcarry.state.StateStore.FILE_NAME))
                .flatMap(s -> of(s, io.perpcarry.state.Journal.read(dataDir.resolve("journal.jsonl"), JOURNAL_TYPES)));
    }

    /** For JSON outputs (status, journal, the API). */
    public java.util.Map<String, Object> toJson() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("kind", kind);
        m.put("by", by);
        m.put("since", since == null ? null : since.toString());
        m.put("reason", reason);
        m.put("lift", lift);
        m.put("line", line());
        return m;
    }

    private static Optional<JournalEntry> last(List<JournalEntry> journal, String type) {
        for (int i = journal.size() - 1; i >= 0; i--) {
            if (journal.get(i).type().equals(type)) {
                return Optional.of(journal.get(i));
            }
        }
        return Optional.empty();
    }

    /** "PAUSED by cli at 2026-...Z (reason: maintenance); lift with: bin/perpcarry resume". */
    public String line() {
        StringBuilder b = new StringBuilder(kind);
        if (kind.equals("HALTED")) {
            b.append(since == null ? "" : " at " + since).append(": ").append(reason);
        } else {
            b.append(" by ").append(by).append(since == null ? "" : " at " + since)
                    .append(reason == null ? "" : " (reason: " + reason + ")");
        }
        return b.append("; lift with: ").append(lift).toString();
    }
}
