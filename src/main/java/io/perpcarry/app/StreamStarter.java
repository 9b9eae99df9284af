package io.perpcarry.app;

import io.perpcarry.venue.VenueConnector;
import io.perpcarry.venue.VenueException;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a venue's streams for the configured symbols it lists. A venue that cannot be reached at start does
 * not stop the daemon: it is retried until it answers, and until then its prices are stale, so nothing trades.
 */
final class StreamStarter {
    private static final Logger LOG = LoggerFactory.getLogger(StreamStarter.class);
    private static final long RETRY_MS = 10_000;

    private StreamStarter() {
    }

    static void startInBackground(CamelContext camel, VenueConnector venue, Consumer<Collection<String>> start,
                                  List<String> configured) {
        Thread t = new Thread(() -> {
            while (camel.isStarted()) {
                try {
                    List<String> listed = configured.stream().filter(venue.markets()::containsKey).toList();
                    List<String> missing = configured.stream().filter(s -> !listed.contains(s)).toList();
                    if (!missing.isEmpty()) {
                        LOG.info("{} does not list {}: not streamed, excluded from ranking", venue.venue(), missing);
                    }
                    start.accept(listed);
                    LOG.info("{} streams started for {}", venue.venue(), listed);
                    return;
                } catch (VenueException e) {
                    LOG.error("{} streams not started, retrying in {} s: {}", venue.venue(), RETRY_MS / 1000, e.getMessage());
                    try {
                        Thread.sleep(RETRY_MS);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }, "streams-" + venue.venue().wireName());
        t.setDaemon(true);
        t.start();
    }
}
