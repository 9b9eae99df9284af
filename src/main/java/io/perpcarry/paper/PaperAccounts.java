package io.perpcarry.paper;

import io.perpcarry.domain.Venue;
import java.nio.file.Path;

/** Where paper mode keeps its simulated accounts, and the marker it puts on every journal line and state.json. */
public final class PaperAccounts {
    /** The mode marker: journal lines' and state.json's {@code "mode"}, the API's and status's first word. */
    public static final String MODE = "PAPER";

    private PaperAccounts() {
    }

    /** {@code venue}'s paper account in the paper daemon's data directory. */
    public static Path file(Path dataDir, Venue venue) {
        return dataDir.resolve(PaperAccountFile.fileName(venue));
    }
}
