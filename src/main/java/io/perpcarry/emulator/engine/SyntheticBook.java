package io.perpcarry.emulator.engine;

import io.perpcarry.emulator.scenario.BookShape;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The market maker's quotes on one venue for one market: levels around the venue mid on the venue's tick and
 * step. Liquidity taken by orders stays taken until the next refresh (the next step), so repeated orders in
 * the same instant walk deeper into the book.
 *
 * <p>A live-fed book ({@link #live}) is never requoted by the walk: its levels and mark are set from outside (a real
 * venue's book). What our orders took from a level stays taken while the venue keeps showing that level with the size
 * it showed when we took from it (it has not refreshed it); a level shown with another size is the venue's news.
 */
final class SyntheticBook {
    private final BookShape shape;
    private final BigDecimal tick;
    private final BigDecimal step;
    private BigDecimal venueMid;
    private BigDecimal mark;
    private List<BookLevel> bids = List.of();
    private List<BookLevel> asks = List.of();
    private final Map<BigDecimal, BigDecimal> takenBids = new HashMap<>();
    private final Map<BigDecimal, BigDecimal> takenAsks = new HashMap<>();
    private boolean frozen;
    private long version;
    private final boolean live;
    private List<BookLevel> shownBids = List.of();
    private List<BookLevel> shownAsks = List.of();
    /** Live: the size a level showed when we first took from it. */
    private final Map<BigDecimal, BigDecimal> shownWhenTakenBids = new HashMap<>();
    private final Map<BigDecimal, BigDecimal> shownWhenTakenAsks = new HashMap<>();

    SyntheticBook(BookShape shape, BigDecimal tick, BigDecimal step) {
        this.shape = shape;
        this.tick = tick;
        this.step = step;
        this.live = shape == null;
    }

    /** A book whose levels and mark come from outside ({@link #setLevels}, {@link #setMark}). */
    static SyntheticBook live(BigDecimal tick, BigDecimal step, BigDecimal mark) {
        SyntheticBook book = new SyntheticBook(null, tick, step);
        book.mark = mark;
        return book;
    }

    boolean live() {
        return live;
    }

    /** Live: the venue's levels as it now shows them (any order; sorted here), less what we took and it still shows. */
    void setLevels(List<BookLevel> newBids, List<BookLevel> newAsks) {
        shownBids = newBids.stream().sorted(java.util.Comparator.comparing(BookLevel::price).reversed()).toList();
        shownAsks = newAsks.stream().sorted(java.util.Comparator.comparing(BookLevel::price)).toList();
        forgetRefreshed(shownBids, takenBids, shownWhenTakenBids);
        forgetRefreshed(shownAsks, takenAsks, shownWhenTakenAsks);
        rebuildLive();
    }

    /** Live: the venue's mark price (margin, PnL, funding and liquidation are valued at it). */
    void setMark(BigDecimal newMark) {
        mark = newMark;
    }

    private static void forgetRefreshed(List<BookLevel> shown, Map<BigDecimal, BigDecimal> taken,
                                        Map<BigDecimal, BigDecimal> shownWhenTaken) {
        Map<BigDecimal, BigDecimal> now = new HashMap<>();
        shown.forEach(l -> now.put(key(l.price()), l.size()));
        shownWhenTaken.entrySet().removeIf(e -> {
            BigDecimal size = now.get(e.getKey());
            boolean refreshed = size == null || size.compareTo(e.getValue()) != 0;
            if (refreshed) {
                taken.remove(e.getKey());
            }
            return refreshed;
        });
    }

    private void rebuildLive() {
        List<BookLevel> newBids = new ArrayList<>();
        List<BookLevel> newAsks = new ArrayList<>();
        shownBids.forEach(l -> addLevel(newBids, key(l.price()), l.size(), takenBids));
        shownAsks.forEach(l -> addLevel(newAsks, key(l.price()), l.size(), takenAsks));
        bids = newBids;
        asks = newAsks;
        version++;
    }

    private static BigDecimal key(BigDecimal price) {
        return price.stripTrailingZeros();
    }

    /** Requotes around a new venue mid and replenishes taken liquidity; ignored while frozen. Returns true if requoted. */
    boolean refresh(BigDecimal newVenueMid) {
        if (frozen || live) {
            return false;
        }
        venueMid = newVenueMid;
        mark = Decimals.toIncrement(newVenueMid, tick, RoundingMode.HALF_EVEN);
        takenBids.clear();
        takenAsks.clear();
        rebuild();
        return true;
    }

    private void rebuild() {
        BigDecimal size = Decimals.toIncrement(shape.sizePerLevel(), step, RoundingMode.DOWN);
        BigDecimal halfSpread = shape.spreadBps().divide(BigDecimal.valueOf(2), 12, RoundingMode.HALF_EVEN);
        List<BookLevel> newBids = new ArrayList<>();
        List<BookLevel> newAsks = new ArrayList<>();
        BigDecimal lastBid = null;
        BigDecimal lastAsk = null;
        for (int i = 0; i < shape.levels(); i++) {
            BigDecimal offsetBps = halfSpread.add(shape.levelSpacingBps().multiply(BigDecimal.valueOf(i)));
            BigDecimal bid = Decimals.toIncrement(Decimals.withBps(venueMid, offsetBps.negate()), tick, RoundingMode.FLOOR);
            BigDecimal ask = Decimals.toIncrement(Decimals.withBps(venueMid, offsetBps), tick, RoundingMode.CEILING);
            // a coarse tick can round neighbouring levels together; keep every level one tick apart at least
            if (lastBid != null && bid.compareTo(lastBid) >= 0) {
                bid = lastBid.subtract(tick);
            }
            if (lastAsk != null && ask.compareTo(lastAsk) <= 0) {
                ask = lastAsk.add(tick);
            }
            if (i == 0 && bid.compareTo(ask) >= 0) {
                bid = ask.subtract(tick);
            }
            lastBid = bid;
            lastAsk = ask;
            if (bid.signum() > 0) {
                addLevel(newBids, bid, size, takenBids);
            }
            addLevel(newAsks, ask, size, takenAsks);
        }
        bids = newBids;
        asks = newAsks;
        version++;
    }

    private static void addLevel(List<BookLevel> side, BigDecimal price, BigDecimal size, Map<BigDecimal, BigDecimal> taken) {
        BigDecimal left = size.subtract(taken.getOrDefault(price, BigDecimal.ZERO));
        if (left.signum() > 0) {
            side.add(new BookLevel(price, left));
        }
    }

    /** Marks liquidity at {@code price} as taken by a taker on {@code takerSide}. */
    void take(Side takerSide, BigDecimal price, BigDecimal size) {
        Map<BigDecimal, BigDecimal> taken = takerSide == Side.BUY ? takenAsks : takenBids;
        if (!live) {
            taken.merge(price, size, BigDecimal::add);
            rebuild();
            return;
        }
        List<BookLevel> shown = takerSide == Side.BUY ? shownAsks : shownBids;
        Map<BigDecimal, BigDecimal> shownWhenTaken = takerSide == Side.BUY ? shownWhenTakenAsks : shownWhenTakenBids;
        shown.stream().filter(l -> key(l.price()).equals(key(price))).findFirst()
                .ifPresent(l -> shownWhenTaken.putIfAbsent(key(price), l.size()));
        taken.merge(key(price), size, BigDecimal::add);
        rebuildLive();
    }

    /** Levels the taker on {@code takerSide} would hit, best first. */
    List<BookLevel> opposite(Side takerSide) {
        return takerSide == Side.BUY ? asks : bids;
    }

    List<BookLevel> bids() {
        return bids;
    }

    List<BookLevel> asks() {
        return asks;
    }

    BigDecimal bestBid() {
        return bids.isEmpty() ? null : bids.get(0).price();
    }

    BigDecimal bestAsk() {
        return asks.isEmpty() ? null : asks.get(0).price();
    }

    BigDecimal mark() {
        return mark;
    }

    boolean frozen() {
        return frozen;
    }

    void setFrozen(boolean value) {
        frozen = value;
    }

    long version() {
        return version;
    }
}
