package io.perpcarry.app.trading;

import io.perpcarry.app.VenueSession;
import java.nio.file.Path;

/** Opens the venues for a command; tests hand in one bound to the local emulators. */
@FunctionalInterface
public interface SessionFactory {
    VenueSession open(Path configFile);

    SessionFactory DEFAULT = VenueSession::open;
}
