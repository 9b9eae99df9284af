package io.perpcarry.emulator.engine;

import io.perpcarry.emulator.ScaledClock;
import io.perpcarry.emulator.VenueId;
import io.perpcarry.emulator.scenario.EdgexAccountSpec;
import io.perpcarry.emulator.scenario.FundingPath;
import io.perpcarry.emulator.scenario.LighterAccountSpec;
import io.perpcarry.emulator.scenario.MarketSpec;
import io.perpcarry.emulator.scenario.PriceShock;
import io.perpcarry.emulator.scenario.Scenario;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The one simulated market under both venue emulators. Plain Java, no I/O, deterministic: simulation time
 * advances in fixed scenario steps ({@link Scenario#step()}) from the clock's instant at construction, so the
 * same scenario, start instant and sequence of calls give the same prices, rates and fills whatever the wall
 * clock does between calls.
 *
 * <p>Each step: the index price walk, scripted shocks, funding ticks, requoting the venues' books, expiries
 * and resting orders that the venue's book moved through, funding settlements (Lighter hourly on the hour,
 * EdgeX every fundingRateIntervalMin from 00:00 UTC), liquidations. Thread-safe (one lock); listeners run
 * after the lock is released.
 *
 * <p>Two times: prices, funding-rate paths and the settlement schedule run on the (possibly accelerated) market
 * clock, but every instant the engine hands out (orders, fills, trades, settlements, payments, next funding,
 * snapshots) and every expiry it checks are wall-clock time, as on a real venue: with a {@link ScaledClock} the
 * simulation instant is mapped back to the wall instant at which the market clock showed it
 * ({@link #wallTime(Instant)}).
 */
public final class MarketEngine {
    private static final System.Logger LOG = System.getLogger(MarketEngine.class.getName());

    private final Scenario scenario;
    private final Clock clock;
    private final Clock wallClock;
    private final UnaryOperator<Instant> toWall;
    private final Instant start;
    private final ReentrantLock lock = new ReentrantLock();
    private final EventBuffer events = new EventBuffer();
    private final IdSource ids = new IdSource();
    private final Map<String, PriceWalk> walks = new LinkedHashMap<>();
    private final Map<String, IndexHistory> indexHistory = new LinkedHashMap<>();
    private final List<ShockAt> shocks = new ArrayList<>();
    private final Map<VenueId, VenueState> venues = new EnumMap<>(VenueId.class);
    private final Map<VenueId, OrderDesk> desks = new EnumMap<>(VenueId.class);
    private final Map<VenueId, Exchange> exchanges = new EnumMap<>(VenueId.class);
    private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();
    private Instant simTime;
    private int nextShock;

    private record ShockAt(Duration at, String symbol, BigDecimal pct) {
    }

    public MarketEngine(Scenario scenario, Clock clock) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (clock instanceof ScaledClock scaled) {
            this.wallClock = scaled.base();
            this.toWall = scaled::toBase;
        } else {
            this.wallClock = clock;
            this.toWall = UnaryOperator.identity();
        }
        // a scaled clock's origin, not a reading taken later: startTime must be the instant the market showed when the
        // wall clock showed it (MarketTime rebuilds the clock in other processes from it)
        this.start = clock instanceof ScaledClock scaled ? scaled.scenarioStart() : clock.instant();
        this.simTime = start;
        SplittableRandom seeds = new SplittableRandom(scenario.seed());
        for (MarketSpec m : scenario.markets()) {
            walks.put(m.symbol(), new PriceWalk(m, seeds.nextLong(), scenario.step()));
            IndexHistory history = new IndexHistory();
            history.add(start, walks.get(m.symbol()).price());
            indexHistory.put(m.symbol(), history);
            for (PriceShock s : m.shocks()) {
                shocks.add(new ShockAt(s.at(), m.symbol(), s.pct()));
            }
        }
        shocks.sort(Comparator.comparing(ShockAt::at));
        for (VenueId venueId : VenueId.values()) {
            VenueState venue = new VenueState(venueId, ids, events);
            for (MarketSpec m : scenario.markets()) {
                VenueMarket vm = VenueMarkets.of(venueId, m);
                SyntheticBook book = new SyntheticBook(m.book(), vm.tickSize(), vm.stepSize());
                book.refresh(Decimals.withBps(walks.get(m.symbol()).price(), vm.basisBps()));
                var path = venueId == VenueId.LIGHTER ? m.lighter().funding() : m.edgex().funding();
                MarketState market = new MarketState(vm, book, new FundingProcess(path, seeds.nextLong()),
                        wallTime(start));
                backfillFunding(market);
                venue.list(market);
            }
            venues.put(venueId, venue);
            desks.put(venueId, new OrderDesk(venue));
            exchanges.put(venueId, new Exchange(this, venue, desks.get(venueId)));
        }
        for (LighterAccountSpec a : scenario.lighterAccounts()) {
            venues.get(VenueId.LIGHTER).open(new AccountState(a.accountIndex(), a.collateral()));
        }
        for (EdgexAccountSpec a : scenario.edgexAccounts()) {
            venues.get(VenueId.EDGEX).open(new AccountState(a.accountId(), a.collateral()));
        }
        events.drain(List.of()); // construction is not news to anyone
    }

    /**
     * History before the start, at each path's first rate, so venues can answer history queries at once: the
     * market-clock boundaries before the start, stamped with their wall instants like every settlement.
     */
    private void backfillFunding(MarketState market) {
        long period = market.market.settlementMinutes() * 60L;
        long last = Math.floorDiv(start.getEpochSecond(), period) * period;
        long first = start.minus(scenario.fundingHistory()).getEpochSecond();
        List<Long> times = new ArrayList<>();
        for (long t = last; t > first; t -= period) {
            times.add(t);
        }
        for (int i = times.size() - 1; i >= 0; i--) {
            market.addSettlement(new FundingSettlement(market.symbol(), wallTime(Instant.ofEpochSecond(times.get(i))),
                    market.funding.initialRate(), market.ratePerSettlement(), market.book.mark(), true));
        }
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The market clock (accelerated in the demo): what prices and funding paths follow. */
    public Clock clock() {
        return clock;
    }

    /** The wall clock: what every time on the wire is, and what client expiries are checked against. */
    public Clock wallClock() {
        return wallClock;
    }

    /** The wall instant at which the market clock showed {@code simulationInstant}. */
    public Instant wallTime(Instant simulationInstant) {
        return toWall.apply(simulationInstant);
    }

    /** The instant simulation started from (the clock's instant at construction). */
    public Instant startTime() {
        return start;
    }

    public Exchange venue(VenueId venue) {
        return exchanges.get(venue);
    }

    /** Runs every whole step up to {@code now}; earlier instants are ignored (time never goes back). */
    public void syncTo(Instant now) {
        withLock(false, () -> {
            advance(now);
            return null;
        });
    }

    /** {@code syncTo(clock().instant())}; wire layers may call it on a timer to drive WebSocket pushes. */
    public void sync() {
        withLock(true, () -> null);
    }

    /** Simulation time reached so far (a whole number of steps after the start). */
    public Instant simulationTime() {
        return withLock(false, () -> simTime);
    }

    /** The shared index price of a market. */
    public BigDecimal indexPrice(String symbol) {
        return withLock(true, () -> walk(symbol).price());
    }

    /** Moves the index price to {@code price}; the walk continues from there. */
    public void setMid(String symbol, BigDecimal price) {
        withLock(true, () -> {
            walk(symbol).set(price);
            afterPriceChange(simTime);
            return null;
        });
    }

    /** Moves the index price by {@code pct} percent (-5 = down 5 %). */
    public void shock(String symbol, BigDecimal pct) {
        withLock(true, () -> {
            walk(symbol).shock(pct);
            afterPriceChange(simTime);
            return null;
        });
    }

    /** A frozen book keeps its levels and mark while the index walks on (resting orders are not filled). */
    public void freezeBook(VenueId venue, String symbol, boolean frozen) {
        withLock(true, () -> {
            MarketState market = venues.get(venue).market(symbol);
            market.book.setFrozen(frozen);
            if (!frozen && !market.book.live()) {
                market.book.refresh(venueMid(market));
            }
            events.bookChanged(venue, symbol);
            return null;
        });
    }

    /** Overrides the funding estimate (native unit); the market's funding path continues from it. */
    public void setFundingRate(VenueId venue, String symbol, BigDecimal rate) {
        withLock(true, () -> {
            MarketState market = venues.get(venue).market(symbol);
            market.funding.override(rate);
            market.fundingUpdatedAt = wallTime(simTime);
            FundingEstimate estimate = market.estimate(simTime, toWall);
            events.add(l -> l.onFundingRateChanged(venue, estimate));
            return null;
        });
    }

    // ---- live-fed markets (paper trading: a real venue's book, mark and funding drive the engine's accounts) ----

    /**
     * An engine with no scenario market and no account, stepping every {@code step} on {@code clock}: markets are
     * listed with {@link #listLiveMarket}, accounts opened with {@link #openAccount}.
     */
    public static MarketEngine liveFed(Clock clock, Duration step) {
        return new MarketEngine(new Scenario(0, 1.0, step, step, Duration.ZERO, List.of(), List.of(), List.of(),
                List.of()), clock);
    }

    /**
     * Lists a market whose book levels, mark and funding rate are set from outside ({@link #setLiveBook},
     * {@link #setLiveMark}, {@link #setFundingRate}) and never by the price walk. Its funding settles on the
     * venue's schedule ({@code market.settlementMinutes()}, from 00:00 UTC) at the rate set last, on the mark set
     * last, by the same settlement as the scenario markets. {@code market.spec()} may be null (no scenario entry).
     *
     * @param fundingRate native unit: fraction per {@code market.ratePeriodMinutes()}
     */
    public void listLiveMarket(VenueMarket market, BigDecimal mark, BigDecimal fundingRate) {
        withLock(true, () -> {
            VenueState venue = venues.get(market.venue());
            if (venue.markets.containsKey(market.symbol())) {
                throw new IllegalArgumentException(market.venue() + " already lists " + market.symbol());
            }
            MarketState state = new MarketState(market, SyntheticBook.live(market.tickSize(), market.stepSize(), mark),
                    new FundingProcess(FundingPath.constant(fundingRate), 0), now());
            venue.list(state);
            return null;
        });
    }

    /** Whether {@code venue} lists {@code symbol} (scenario or live-fed). */
    public boolean lists(VenueId venue, String symbol) {
        return withLock(false, () -> venues.get(venue).markets.containsKey(symbol));
    }

    /**
     * A live-fed market's book as the venue now shows it, best first or not; resting orders it crossed fill, and
     * accounts it leaves underwater are liquidated, as after a step.
     *
     * @throws IllegalArgumentException the market is not live-fed
     */
    public void setLiveBook(VenueId venue, String symbol, List<BookLevel> bids, List<BookLevel> asks) {
        withLock(true, () -> {
            liveMarket(venue, symbol).book.setLevels(bids, asks);
            events.bookChanged(venue, symbol);
            afterLiveChange(venue);
            return null;
        });
    }

    /** A live-fed market's mark price (the venue's mark or oracle). */
    public void setLiveMark(VenueId venue, String symbol, BigDecimal mark) {
        withLock(true, () -> {
            liveMarket(venue, symbol).book.setMark(mark);
            afterLiveChange(venue);
            return null;
        });
    }

    /** Opens an account of {@code collateral} USD on {@code venue}. */
    public void openAccount(VenueId venue, long accountId, BigDecimal collateral) {
        withLock(true, () -> {
            VenueState state = venues.get(venue);
            if (state.accounts.containsKey(accountId)) {
                throw new IllegalArgumentException(venue + " already has account " + accountId);
            }
            state.open(new AccountState(accountId, collateral));
            return null;
        });
    }

    /**
     * Puts back a position saved earlier (a restarted paper account): {@code size} signed, at {@code entry}, no
     * fill and no fee. The account must be flat in {@code symbol}.
     */
    public void restorePosition(VenueId venue, long accountId, String symbol, BigDecimal size, BigDecimal entry) {
        withLock(true, () -> {
            VenueState state = venues.get(venue);
            state.market(symbol);
            AccountState account = state.account(accountId);
            if (account.size(symbol).signum() != 0) {
                throw new IllegalArgumentException(venue + " account " + accountId + " already holds " + symbol);
            }
            PositionState p = account.position(symbol);
            p.apply(size.signum() >= 0 ? Side.BUY : Side.SELL, size.abs(), entry);
            events.accountChanged(venue, accountId);
            return null;
        });
    }

    private MarketState liveMarket(VenueId venue, String symbol) {
        MarketState market = venues.get(venue).market(symbol);
        if (!market.book.live()) {
            throw new IllegalArgumentException(venue + " " + symbol + " is a scenario market, not live-fed");
        }
        return market;
    }

    private void afterLiveChange(VenueId venue) {
        Instant t = now();
        desks.get(venue).onStep(t);
        venues.get(venue).liquidateUnderwater(t);
    }

    public void addListener(EngineListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Events raised while this thread is delivering, waiting for the outer delivery loop. */
    private final ThreadLocal<Deque<Consumer<EngineListener>>> delivering = new ThreadLocal<>();

    public void removeListener(EngineListener listener) {
        listeners.remove(listener);
    }

    // ---- internals ----

    /** Runs {@code action} under the lock (after catching up with the clock if asked), then delivers events. */
    <T> T withLock(boolean syncFirst, Supplier<T> action) {
        List<Consumer<EngineListener>> toDeliver;
        T result;
        lock.lock();
        try {
            if (syncFirst) {
                advance(clock.instant());
            }
            result = action.get();
            toDeliver = drainEvents();
        } finally {
            lock.unlock();
        }
        deliver(toDeliver);
        return result;
    }

    /** Wall-clock time of the current simulation step: what orders, fills and snapshots are stamped with. */
    Instant now() {
        return wallTime(simTime);
    }

    /** The running funding estimate of a market, its period bounds in wall time. */
    FundingEstimate estimateLocked(MarketState market) {
        return market.estimate(simTime, toWall);
    }

    BigDecimal indexPriceLocked(String symbol) {
        return walk(symbol).price();
    }

    IndexHistory indexHistoryLocked(String symbol) {
        walk(symbol);
        return indexHistory.get(symbol);
    }

    private PriceWalk walk(String symbol) {
        PriceWalk walk = walks.get(symbol);
        if (walk == null) {
            throw new EngineRejection(RejectReason.UNKNOWN_MARKET, "no market " + symbol);
        }
        return walk;
    }

    private BigDecimal venueMid(MarketState market) {
        return Decimals.withBps(walks.get(market.symbol()).price(), market.market.basisBps());
    }

    private void advance(Instant now) {
        Duration step = scenario.step();
        while (!simTime.plus(step).isAfter(now)) {
            Instant previous = simTime;
            simTime = simTime.plus(step);
            runStep(previous, simTime);
        }
    }

    private void runStep(Instant previous, Instant t) {
        Duration elapsed = Duration.between(start, t);
        walks.values().forEach(PriceWalk::step);
        while (nextShock < shocks.size() && shocks.get(nextShock).at().compareTo(elapsed) <= 0) {
            ShockAt s = shocks.get(nextShock++);
            walks.get(s.symbol()).shock(s.pct());
        }
        if (crossed(previous, t, 60)) {
            walks.forEach((symbol, walk) -> indexHistory.get(symbol).add(t, walk.price()));
        }
        if (elapsed.toNanos() % scenario.fundingTick().toNanos() == 0) {
            for (VenueState venue : venues.values()) {
                for (MarketState market : venue.markets.values()) {
                    if (market.funding.tick(elapsed)) {
                        market.fundingUpdatedAt = wallTime(t);
                        FundingEstimate estimate = market.estimate(t, toWall);
                        events.add(l -> l.onFundingRateChanged(venue.venue, estimate));
                    }
                }
            }
        }
        afterPriceChange(t);
        // Settlements fall on the venue's boundaries (Lighter hourly, EdgeX every interval from 00:00 UTC) of the
        // market clock, so an accelerated market pays funding at its own pace, and carry the wall instant the market
        // clock showed that boundary, as every time on the wire. At time scale 1 it is the wall-clock hour, as
        // recorded. The accelerated demo daemon maps them back to its market clock (venue.VenueTime).
        for (VenueState venue : venues.values()) {
            for (MarketState market : venue.markets.values()) {
                long period = market.market.settlementMinutes() * 60L;
                if (crossed(previous, t, period)) {
                    Instant boundary = Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), period) * period);
                    venue.settleFunding(market, wallTime(boundary));
                }
            }
            venue.liquidateUnderwater(wallTime(t));
        }
    }

    /** Requote books, work resting orders and check liquidations after the index moved ({@code t} simulation time). */
    private void afterPriceChange(Instant simulationT) {
        Instant t = wallTime(simulationT);
        for (VenueState venue : venues.values()) {
            for (MarketState market : venue.markets.values()) {
                if (!market.book.live() && market.book.refresh(venueMid(market))) {
                    events.bookChanged(venue.venue, market.symbol());
                }
            }
            desks.get(venue.venue).onStep(t);
            venue.liquidateUnderwater(t);
            for (AccountState account : venue.accounts.values()) {
                if (!account.positions.isEmpty() || !account.open.isEmpty()) {
                    events.accountChanged(venue.venue, account.accountId); // marks moved, so PnL did
                }
            }
        }
    }

    /** Whether a boundary of {@code periodSeconds} (epoch-aligned) lies in (previous, t]. */
    private static boolean crossed(Instant previous, Instant t, long periodSeconds) {
        long periodNanos = periodSeconds * 1_000_000_000L;
        return Math.floorDiv(epochNanos(t), periodNanos) > Math.floorDiv(epochNanos(previous), periodNanos);
    }

    private static long epochNanos(Instant i) {
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
    }

    private List<Consumer<EngineListener>> drainEvents() {
        List<Consumer<EngineListener>> coalesced = new ArrayList<>();
        for (EventBuffer.BookKey key : events.books) {
            OrderBookSnapshot book = exchanges.get(key.venue()).bookLocked(key.symbol(), Integer.MAX_VALUE);
            coalesced.add(l -> l.onBookChanged(key.venue(), book));
        }
        for (EventBuffer.AccountKey key : events.accounts) {
            VenueState venue = venues.get(key.venue());
            AccountSnapshot account = venue.snapshot(venue.account(key.accountId()), wallTime(simTime));
            coalesced.add(l -> l.onAccountChanged(key.venue(), account));
        }
        return events.drain(coalesced);
    }

    /**
     * Delivers on the calling thread. A listener that calls back into the engine (to read a book, say) makes
     * the engine sync and raise more events; those are queued behind the current batch instead of being
     * delivered re-entrantly, which under an accelerated clock would recurse without end.
     */
    private void deliver(List<Consumer<EngineListener>> toDeliver) {
        if (toDeliver.isEmpty() || listeners.isEmpty()) {
            return;
        }
        Deque<Consumer<EngineListener>> pending = delivering.get();
        if (pending != null) {
            pending.addAll(toDeliver);
            return;
        }
        pending = new ArrayDeque<>(toDeliver);
        delivering.set(pending);
        try {
            Consumer<EngineListener> event;
            while ((event = pending.poll()) != null) {
                for (EngineListener listener : listeners) {
                    try {
                        event.accept(listener);
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "engine listener " + listener + " failed", e);
                    }
                }
            }
        } finally {
            delivering.remove();
        }
    }
}
