package io.perpcarry.venue.edgex;

import io.perpcarry.venue.http.RetryPolicy;
import java.time.Duration;

/**
 * Connector tuning. Defaults suit production; tests shorten the stream timings.
 *
 * @param quoteCoin         the quote coin's {@code coinName} our contracts settle in: "USDC" on v2 mainnet (recorded
 *                          getMetaData, coin 1000); contracts quoted in another coin are not ours
 * @param metadataTtl       how long getMetaData is trusted before it is read again
 * @param tickerMaxAge      a streamed ticker older than this is read again over REST
 * @param bookMaxAge        a local book whose socket has been silent longer than this is stale
 * @param pingInterval      our JSON ping on each socket; the pong keeps a quiet socket provably alive
 * @param deadAfter         silence after which a socket is torn down and reconnected
 * @param reconnectMin      first reconnect delay; doubles per failed attempt (with jitter) up to reconnectMax
 * @param reconnectMax      longest reconnect delay
 * @param depthLevel        depth channel size: 15 or 200 (the only values EdgeX accepts)
 * @param orderExpiry       expireTime = now + this (the v2 SDK's default: 30 days signed − 8 days)
 * @param readRetry         retries of idempotent reads
 * @param connectTimeout    HTTP connect deadline
 * @param responseTimeout   HTTP answer deadline; a write past it is of unknown outcome. Camel keeps both on the
 *                          shared http component: the defaults equal the Lighter connector's so neither changes the
 *                          other's deadlines.
 */
public record EdgexSettings(String quoteCoin, Duration metadataTtl, Duration tickerMaxAge, Duration bookMaxAge,
                            Duration pingInterval, Duration deadAfter, Duration reconnectMin, Duration reconnectMax,
                            int depthLevel, Duration orderExpiry, RetryPolicy readRetry, Duration connectTimeout,
                            Duration responseTimeout) {

    public static final EdgexSettings DEFAULT = new EdgexSettings("USDC", Duration.ofMinutes(30), Duration.ofSeconds(10),
            Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofMillis(500),
            Duration.ofSeconds(30), 15, Duration.ofDays(22), RetryPolicy.DEFAULT, Duration.ofSeconds(5),
            Duration.ofSeconds(10));

    public EdgexSettings {
        if (depthLevel != 15 && depthLevel != 200) {
            throw new IllegalArgumentException("EdgeX depth level must be 15 or 200, got " + depthLevel);
        }
        if (deadAfter.compareTo(pingInterval) <= 0) {
            throw new IllegalArgumentException("deadAfter must exceed pingInterval");
        }
    }

    public EdgexSettings withStreamTimings(Duration ping, Duration dead, Duration bookAge, Duration reconnectFirst) {
        return new EdgexSettings(quoteCoin, metadataTtl, tickerMaxAge, bookAge, ping, dead, reconnectFirst,
                reconnectMax, depthLevel, orderExpiry, readRetry, connectTimeout, responseTimeout);
    }

    public EdgexSettings withTickerMaxAge(Duration age) {
        return new EdgexSettings(quoteCoin, metadataTtl, age, bookMaxAge, pingInterval, deadAfter, reconnectMin,
                reconnectMax, depthLevel, orderExpiry, readRetry, connectTimeout, responseTimeout);
    }

    public EdgexSettings withHttpTimeouts(Duration connect, Duration response) {
        return new EdgexSettings(quoteCoin, metadataTtl, tickerMaxAge, bookMaxAge, pingInterval, deadAfter,
                reconnectMin, reconnectMax, depthLevel, orderExpiry, readRetry, connect, response);
    }

    public EdgexSettings withReadRetry(RetryPolicy policy) {
        return new EdgexSettings(quoteCoin, metadataTtl, tickerMaxAge, bookMaxAge, pingInterval, deadAfter,
                reconnectMin, reconnectMax, depthLevel, orderExpiry, policy, connectTimeout, responseTimeout);
    }
}
