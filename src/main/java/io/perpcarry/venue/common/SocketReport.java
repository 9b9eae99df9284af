package io.perpcarry.venue.common;

import java.time.Duration;

/**
 * What a {@link VenueSocket} tells the outside (logs, status, metrics). Called on the socket's event loop: keep it
 * short. The counters behind it are on the socket ({@link VenueSocket#connects()} and friends).
 */
public interface SocketReport {
    /** The first connection is up. */
    default void connected(String socket) {
    }

    /** Up again after a drop; {@code reconnects} counts them since start. */
    default void reconnected(String socket, long reconnects) {
    }

    /** No frame for {@code silentFor} although pinged: the socket is being replaced. */
    default void stale(String socket, Duration silentFor) {
    }

    /** The connection is gone (dropped, stale, refused); a redial follows unless closed. */
    default void down(String socket, String reason) {
    }

    SocketReport NONE = new SocketReport() {
    };
}
