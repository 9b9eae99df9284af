package io.perpcarry.venue;

import io.perpcarry.domain.Position;
import io.perpcarry.domain.Venue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One venue account as read at {@code observedAt}. Positions list every open position (not only the bot's);
 * a read that failed throws instead of returning an empty list: an unknown position is not a flat one.
 */
public record AccountState(Venue venue, BigDecimal equity, BigDecimal availableBalance, List<Position> positions,
                           Instant observedAt) {
    public AccountState {
        positions = List.copyOf(positions);
    }

    public Optional<Position> position(String symbol) {
        return positions.stream().filter(p -> p.symbol().equals(symbol) && !p.isFlat()).findFirst();
    }
}
