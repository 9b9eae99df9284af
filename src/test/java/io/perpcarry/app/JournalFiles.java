package io.perpcarry.app;

import io.perpcarry.state.Journal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The raw text of a data directory's journal, every part oldest first. An accelerated market clock crosses midnight
 * within seconds of wall time at some hours, and the journal rolls over daily: reading {@code journal.jsonl} alone
 * would then miss the lines written before the rollover.
 */
final class JournalFiles {
    private JournalFiles() {
    }

    /** Empty when no journal was written. */
    static String text(Path dataDir) {
        Path file = dataDir.resolve("journal.jsonl");
        StringBuilder out = new StringBuilder();
        try {
            for (Path part : Journal.parts(file)) {
                if (Files.exists(part)) {
                    out.append(Files.readString(part));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
