package io.perpcarry.paper;

import io.perpcarry.domain.BookLevel;
import io.perpcarry.domain.OrderSide;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * What paper fills took from the live book's levels, so that a second order (a retry of a remainder, the other half of
 * a split) does not take the same liquidity again. A level still showing the size it showed when we took from it has not
 * been refreshed by the venue since: our take is subtracted. A level showing another size is the venue's news: it
 * counts as shown and our record of it is dropped.
 */
final class TakenLiquidity {
    private record Key(String symbol, OrderSide side, BigDecimal price) {
    }

    private record Taken(BigDecimal shown, BigDecimal taken) {
    }

    private static final int MAX_LEVELS = 10_000;

    private final Map<Key, Taken> levels = new HashMap<>();

    /** What is left of {@code level} for us. */
    BigDecimal available(String symbol, OrderSide side, BookLevel level) {
        Key k = new Key(symbol, side, level.price().stripTrailingZeros());
        Taken t = levels.get(k);
        if (t == null) {
            return level.size();
        }
        if (t.shown().compareTo(level.size()) != 0) {
            levels.remove(k);
            return level.size();
        }
        return level.size().subtract(t.taken()).max(BigDecimal.ZERO);
    }

    void take(String symbol, OrderSide side, BookLevel level, BigDecimal qty) {
        if (levels.size() > MAX_LEVELS) {
            levels.clear(); // levels the price has left behind are never looked at again: forget them all at once
        }
        levels.merge(new Key(symbol, side, level.price().stripTrailingZeros()), new Taken(level.size(), qty),
                (old, add) -> new Taken(old.shown(), old.taken().add(add.taken())));
    }
}
