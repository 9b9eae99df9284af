package io.perpcarry.metrics;

import io.perpcarry.domain.Venue;
import io.perpcarry.venue.VenueErrorKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hooks venue code calls to count (requests, errors by kind, rate-limit waits, stream reconnects). Counts made
 * before the registry is bound (connectors start before the context does) are kept and added at bind.
 */
public final class VenueMetrics {
    private static final Map<List<String>, Double> PENDING = new ConcurrentHashMap<>();

    private VenueMetrics() {
    }

    public static void request(Venue v, String method) {
        count("perpcarry_venue_requests", 1, "venue", v.wireName(), "method", method);
    }

    public static void error(Venue v, VenueErrorKind kind) {
        count("perpcarry_venue_errors", 1, "venue", v.wireName(), "kind", kind.name().toLowerCase());
    }

    public static void rateLimitWait(Venue v, Duration waited) {
        count("perpcarry_rate_limit_waits", 1, "venue", v.wireName());
        count("perpcarry_rate_limit_wait_seconds", waited.toNanos() / 1e9, "venue", v.wireName());
    }

    /** A stream exists (its counter shows 0 until it reconnects). */
    public static void stream(String name) {
        count("perpcarry_stream_reconnects", 0, "stream", name);
    }

    public static void reconnect(String name) {
        count("perpcarry_stream_reconnects", 1, "stream", name);
    }

    static void count(String name, double amount, String... tags) {
        var c = BotMetrics.counter(name, tags);
        if (c.isPresent()) {
            c.get().increment(amount);
        } else {
            PENDING.merge(key(name, tags), amount, Double::sum);
        }
    }

    /** Called by {@link BotMetrics#bind}: every counter known so far, with what was counted before. */
    static void flush() {
        for (List<String> k : List.copyOf(PENDING.keySet())) {
            Double amount = PENDING.remove(k);
            String[] tags = k.subList(1, k.size()).toArray(String[]::new);
            Optional.ofNullable(amount).ifPresent(a -> BotMetrics.counter(k.get(0), tags).ifPresent(c -> c.increment(a)));
        }
        for (Venue v : Venue.values()) {
            for (String method : List.of("GET", "POST")) {
                count("perpcarry_venue_requests", 0, "venue", v.wireName(), "method", method);
            }
            for (VenueErrorKind kind : VenueErrorKind.values()) {
                count("perpcarry_venue_errors", 0, "venue", v.wireName(), "kind", kind.name().toLowerCase());
            }
            count("perpcarry_rate_limit_waits", 0, "venue", v.wireName());
            count("perpcarry_rate_limit_wait_seconds", 0, "venue", v.wireName());
        }
    }

    private static List<String> key(String name, String... tags) {
        List<String> k = new java.util.ArrayList<>();
        k.add(name);
        k.addAll(List.of(tags));
        return k;
    }
}
