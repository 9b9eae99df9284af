package io.perpcarry.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.perpcarry.config.Levenshtein;
import io.perpcarry.domain.Venue;
import io.perpcarry.state.BotSnapshot;
import io.perpcarry.state.StateStore;
import io.perpcarry.venue.VenueConnector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** What the operator commands share: JSON output, symbol checks with suggestions, waiting for fresh books. */
final class CommandSupport {
    /** Exit code when a venue could not be read (its state is unknown). */
    static final int EXIT_VENUE = 3;
    /** Exit code when the command was refused because of the bot's state (e.g. resume when not halted). */
    static final int EXIT_REFUSED = 4;

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);

    private CommandSupport() {
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** "btc, eth,BTC" → [BTC, ETH]; null or empty → the fallback. */
    static List<String> symbols(List<String> given, List<String> fallback) {
        if (given == null || given.isEmpty()) {
            return List.copyOf(fallback);
        }
        Set<String> out = new LinkedHashSet<>();
        for (String s : given) {
            String t = s.trim().toUpperCase(Locale.ROOT);
            if (t.isEmpty()) {
                throw CommandFailure.usage("empty symbol in the list " + given);
            }
            out.add(t);
        }
        return List.copyOf(out);
    }

    /** Fails naming a symbol listed on neither venue and the closest listed ones. */
    static void requireListedSomewhere(Collection<String> symbols, Collection<String> listed) {
        for (String s : symbols) {
            if (!listed.contains(s)) {
                throw CommandFailure.usage(unknownSymbol(s, listed));
            }
        }
    }

    static String unknownSymbol(String symbol, Collection<String> listed) {
        List<String> near = closest(symbol, listed, 3);
        return "unknown symbol '" + symbol + "': listed on neither Lighter nor EdgeX"
                + (near.isEmpty() ? "" : "; closest listed: " + String.join(", ", near));
    }

    /** Up to {@code n} listed symbols nearest by edit distance (ties alphabetical). */
    static List<String> closest(String symbol, Collection<String> listed, int n) {
        return Levenshtein.closest(symbol, listed, n);
    }

    /** Every symbol either venue lists. */
    static Set<String> listedAnywhere(VenueSession s) {
        Set<String> all = new TreeSet<>(s.lighter().markets().keySet());
        all.addAll(s.edgex().markets().keySet());
        return all;
    }

    /**
     * Waits (bounded) until each venue's stream book is fresh for every symbol it lists; returns the symbols still
     * stale per venue. Books are local: this costs no request.
     */
    static Map<Venue, List<String>> awaitFreshBooks(VenueSession s, Collection<String> symbols, Duration max)
            throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        Map<Venue, List<String>> stale = staleBooks(s, symbols);
        while (stale.values().stream().anyMatch(l -> !l.isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            stale = staleBooks(s, symbols);
        }
        return stale;
    }

    private static Map<Venue, List<String>> staleBooks(VenueSession s, Collection<String> symbols) {
        Map<Venue, List<String>> stale = new EnumMap<>(Venue.class);
        for (VenueConnector v : s.venues()) {
            List<String> l = new ArrayList<>();
            Set<String> listed = v.markets().keySet();
            for (String sym : symbols) {
                if (listed.contains(sym) && !v.marketDataFresh(sym)) {
                    l.add(sym);
                }
            }
            stale.put(v.venue(), l);
        }
        return stale;
    }

    /** The symbol of the hedge state.json says the bot holds, if it can be read (only to mark the table). */
    static Optional<String> heldSymbol(Path dataDir) {
        try {
            return StateStore.load(dataDir.resolve(StateStore.FILE_NAME))
                    .map(BotSnapshot::position).map(BotSnapshot.PositionView::symbol);
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
