package io.perpcarry.app;

import io.perpcarry.emulator.LocalExchanges;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Fresh emulators (flat-priced HYPE, constant funding, x600) and a daemon on them for every test. */
abstract class DaemonOnFlatHype {
    @TempDir
    Path data;
    LocalExchanges ex;
    EmulatedDaemon daemon;

    /** The test class's bot.json. */
    abstract String config();

    @BeforeEach
    void start() {
        ex = EmulatedDaemon.exchanges(EmulatedDaemon.FLAT_HYPE, 7L, 600);
        daemon = new EmulatedDaemon(ex, config(), data);
    }

    @AfterEach
    void stop() {
        try {
            daemon.close();
        } finally {
            ex.close();
        }
    }
}
