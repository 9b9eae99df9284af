package io.perpcarry.venue.common;

import java.time.Duration;

/**
 * Timing of one supervised venue WebSocket.
 *
 * @param connectTimeout TCP connect and handshake deadline
 * @param pingInterval   our application ping (both venues cut idle sockets; a pong proves a quiet one alive)
 * @param silenceMax     no frame at all (pongs included) for this long: the socket is stale, closed and redialled
 * @param reconnectMin   first redial delay; doubles per failed attempt, with jitter
 * @param reconnectMax   redial delay cap
 */
public record SocketTimings(Duration connectTimeout, Duration pingInterval, Duration silenceMax, Duration reconnectMin,
                           Duration reconnectMax) {
    public SocketTimings {
        if (reconnectMin.isZero() || reconnectMin.isNegative() || reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("reconnect delays must satisfy 0 < min <= max");
        }
        if (silenceMax.compareTo(pingInterval) <= 0) {
            throw new IllegalArgumentException("silenceMax must exceed pingInterval, or a quiet socket looks dead");
        }
    }

    /** The watchdog's period: fine enough to notice silence and send pings on time. */
    Duration tick() {
        Duration t = pingInterval.compareTo(silenceMax.dividedBy(4)) < 0 ? pingInterval : silenceMax.dividedBy(4);
        return t.compareTo(Duration.ofMillis(10)) < 0 ? Duration.ofMillis(10)
                : t.compareTo(Duration.ofMillis(250)) > 0 ? Duration.ofMillis(250) : t;
    }

    /** Redial delay after {@code failures} failed attempts in a row: doubling, capped, jittered into [cap/2, cap]. */
    long backoffMillis(int failures, double jitter) {
        long cap = Math.min(reconnectMax.toMillis(), reconnectMin.toMillis() << Math.min(failures, 16));
        return Math.max(1, cap / 2 + (long) (jitter * (cap - cap / 2)));
    }
}
