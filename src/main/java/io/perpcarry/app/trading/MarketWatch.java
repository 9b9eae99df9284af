package io.perpcarry.app.trading;

import io.perpcarry.app.VenueSession;
import io.perpcarry.domain.Venue;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Starts the book streams a command trades on and waits until both venues' data is fresh (the planner insists). */
public final class MarketWatch {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private MarketWatch() {
    }

    public static void start(VenueSession s, Collection<String> symbols) {
        if (!stale(s, symbols).isEmpty()) { // a connector starts its streams once; fresh means already running
            s.startStreams(symbols);
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> missing = stale(s, symbols);
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            sleep();
            missing = stale(s, symbols);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("market data not fresh after " + WAIT.toSeconds() + " s: " + missing);
        }
    }

    private static List<String> stale(VenueSession s, Collection<String> symbols) {
        return symbols.stream().flatMap(sym -> List.of(Venue.values()).stream()
                        .filter(v -> !s.venue(v).marketDataFresh(sym)).map(v -> v.displayName() + " " + sym))
                .toList();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for market data", e);
        }
    }
}
