package io.perpcarry.engine;

import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.Position;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.AccountState;
import io.perpcarry.venue.OpenOrder;
import io.perpcarry.venue.VenueConnector;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The two venue connectors, with bounded retries on transient read failures. Reads never turn a failure into
 * "flat": after the retries the {@link VenueException} reaches the caller.
 */
public final class Venues {
    private static final int READ_ATTEMPTS = 3;

    private final Map<Venue, VenueConnector> connectors = new EnumMap<>(Venue.class);
    private final Sleeper sleeper;

    public Venues(VenueConnector lighter, VenueConnector edgex, Sleeper sleeper) {
        put(lighter, Venue.LIGHTER);
        put(edgex, Venue.EDGEX);
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    private void put(VenueConnector c, Venue expected) {
        Objects.requireNonNull(c, expected.displayName() + " connector");
        if (c.venue() != expected) {
            throw new IllegalArgumentException("expected a " + expected.displayName() + " connector, got " + c.venue());
        }
        connectors.put(expected, c);
    }

    public VenueConnector get(Venue v) {
        return connectors.get(v);
    }

    public AccountState account(Venue v) {
        return read(v, () -> get(v).account());
    }

    public List<OpenOrder> openOrders(Venue v) {
        return read(v, () -> get(v).openOrders());
    }

    public MarketSpec spec(Venue v, String symbol) {
        MarketSpec s = read(v, () -> get(v).markets()).get(symbol);
        if (s == null) {
            throw new VenueException(v, io.perpcarry.venue.VenueErrorKind.INVALID_REQUEST, "no market " + symbol);
        }
        return s;
    }

    /** Signed size (0 when the venue reports the symbol flat or absent, which it does only on a successful read). */
    public BigDecimal signedSize(Venue v, String symbol) {
        return account(v).position(symbol).map(Position::signedSize).orElse(BigDecimal.ZERO);
    }

    public <T> T read(Venue v, Supplier<T> call) {
        VenueException last = null;
        for (int i = 0; i < READ_ATTEMPTS; i++) {
            try {
                return call.get();
            } catch (VenueException e) {
                if (!e.isTransient()) {
                    throw e;
                }
                last = e;
                sleeper.sleep(e.retryAfter().orElse(Duration.ofMillis(200L << i)));
            }
        }
        throw last;
    }
}
