package io.perpcarry.venue.lighter;

import io.perpcarry.venue.http.RetryPolicy;
import java.time.Duration;

/**
 * Timing of the Lighter connector.
 *
 * @param connectTimeout   HTTP connect deadline
 * @param responseTimeout  HTTP answer deadline; a write past it is of unknown outcome
 * @param readRetry        retries of idempotent reads (429 waits as told, 5xx and timeouts back off)
 * @param marketsMaxAge    how long the market list is reused before it is read again
 * @param bookMaxAge       a local book not updated for this long is not fresh (a frozen feed looks alive)
 * @param streamSilenceMax no message at all (pongs included) for this long: the socket is dropped and redialled
 * @param pingInterval     application pings, well under the venue's 2-minute idle cut-off
 * @param reconnectMin     first redial delay; doubles per failed attempt, with jitter
 * @param reconnectMax     redial delay cap
 * @param resyncTimeout    a resubscription whose snapshot has not come by then is sent again
 * @param restBooksPerScan books a scan may read over REST when their stream book is not fresh; kept small so a
 *                         scan stays within its request budget (2 bulk reads + this)
 */
public record LighterSettings(Duration connectTimeout, Duration responseTimeout, RetryPolicy readRetry,
                              Duration marketsMaxAge, Duration bookMaxAge, Duration streamSilenceMax,
                              Duration pingInterval, Duration reconnectMin, Duration reconnectMax,
                              Duration resyncTimeout, int restBooksPerScan) {

    public static final LighterSettings DEFAULT = new LighterSettings(Duration.ofSeconds(5), Duration.ofSeconds(10),
            RetryPolicy.DEFAULT, Duration.ofMinutes(10), Duration.ofSeconds(60), Duration.ofSeconds(45),
            Duration.ofSeconds(20), Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(10), 2);

    public LighterSettings {
        if (restBooksPerScan < 0) {
            throw new IllegalArgumentException("restBooksPerScan must be >= 0");
        }
        if (reconnectMin.isZero() || reconnectMin.isNegative() || reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("reconnect delays must satisfy 0 < min <= max");
        }
    }
}
