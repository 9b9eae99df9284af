package io.perpcarry.app;

import java.nio.file.Path;

/** How a command reaches the venues: by default the real environment; tests point it at the emulators. */
@FunctionalInterface
public interface SessionOpener {
    /** {@code configFile} null: the default config/bot.json. */
    VenueSession open(Path configFile);
}
