package io.perpcarry.paper;

import io.perpcarry.domain.BookLevel;
import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Position;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.AccountState;
import io.perpcarry.venue.FundingPayment;
import io.perpcarry.venue.OpenOrder;
import io.perpcarry.venue.OrderAck;
import io.perpcarry.venue.OrderRequest;
import io.perpcarry.venue.OrderType;
import io.perpcarry.venue.VenueConnector;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * PAPER trading on one venue: market data from the live connector (public reads and streams, no credentials), the
 * account simulated here. An order is filled at once by walking the live book up to its limit (IOC and market orders;
 * nothing rests), pays the venue's taker fee from its market spec, and moves a local position and collateral. Funding is
 * paid at the venue's own settlements, read from its published settled rates. Nothing is ever sent to an order endpoint.
 *
 * <p>The account is saved to {@code accountFile} after every fill and funding payment and read back on start, so a
 * restarted paper daemon finds its hedge, and {@code bin/perpcarry status} in paper mode shows it ({@link #readOnly}).
 */
public final class PaperVenue implements VenueConnector {
    private static final int DEPTH = 50;
    private static final Duration FUNDING_POLL = Duration.ofMinutes(1);

    private final VenueConnector live;
    private final Clock clock;
    private final PaperAccountFile accountFile;
    private final boolean readOnly;
    private final Map<String, PaperLeg> legs = new TreeMap<>();
    private final List<FundingPayment> payments = new ArrayList<>();
    private final TakenLiquidity taken = new TakenLiquidity();
    private BigDecimal collateral;
    private long nextOrderId = 1;
    private Instant fundingCheckedAt;

    /** A paper account of {@code collateral} USD, not saved (tests). */
    public PaperVenue(VenueConnector live, BigDecimal collateral, Clock clock) {
        this(live, collateral, clock, null, false);
    }

    /** The paper account saved in {@code accountFile}; a new one of {@code collateral} USD when there is none yet. */
    public PaperVenue(VenueConnector live, BigDecimal collateral, Clock clock, Path accountFile) {
        this(live, collateral, clock, new PaperAccountFile(accountFile, live.venue()), false);
    }

    private PaperVenue(VenueConnector live, BigDecimal collateral, Clock clock, PaperAccountFile file, boolean readOnly) {
        this.live = live;
        this.clock = clock;
        this.accountFile = file;
        this.readOnly = readOnly;
        this.collateral = collateral;
        if (file != null) {
            file.load(legs, payments).ifPresentOrElse(c -> this.collateral = c, () -> {
                if (!readOnly) {
                    save(); // from the start: status shows the untouched account
                }
            });
        }
    }

    /**
     * What the paper daemon saved in {@code accountFile}, marked to the live books; places no order and books no
     * funding (the daemon does). Fails naming the file when the paper daemon has not traded there.
     */
    public static PaperVenue readOnly(VenueConnector live, Path accountFile, Clock clock) {
        PaperAccountFile file = new PaperAccountFile(accountFile, live.venue());
        if (!file.exists()) {
            throw new VenueException(live.venue(), VenueErrorKind.INVALID_REQUEST, "PAPER: no paper account at "
                    + accountFile + " (the paper daemon has not traded with this data directory)");
        }
        return new PaperVenue(live, BigDecimal.ZERO, clock, file, true);
    }

    @Override
    public Venue venue() {
        return live.venue();
    }

    @Override
    public Map<String, MarketSpec> markets() {
        return live.markets();
    }

    @Override
    public Map<String, FundingQuote> fundingQuotes() {
        return live.fundingQuotes();
    }

    @Override
    public Map<String, MarketSnapshot> snapshots(Collection<String> symbols) {
        return live.snapshots(symbols);
    }

    @Override
    public OrderBook orderBook(String symbol, int depth) {
        return live.orderBook(symbol, depth);
    }

    @Override
    public List<FundingQuote> settledFunding(String symbol, int limit) {
        return live.settledFunding(symbol, limit);
    }

    @Override
    public List<FundingQuote> settledFundingBetween(String symbol, Instant from, Instant to) {
        return live.settledFundingBetween(symbol, from, to);
    }

    @Override
    public boolean marketDataFresh(String symbol) {
        return live.marketDataFresh(symbol);
    }

    @Override
    public synchronized AccountState account() {
        settleFunding();
        List<Position> positions = new ArrayList<>();
        BigDecimal unrealized = BigDecimal.ZERO;
        BigDecimal margin = BigDecimal.ZERO;
        for (Map.Entry<String, PaperLeg> e : legs.entrySet()) {
            PaperLeg l = e.getValue();
            if (l.size.signum() == 0) {
                continue;
            }
            BigDecimal mid = live.orderBook(e.getKey(), 1).mid();
            BigDecimal pnl = mid.subtract(l.entry).multiply(l.size);
            unrealized = unrealized.add(pnl);
            margin = margin.add(l.size.abs().multiply(mid));
            positions.add(new Position(venue(), e.getKey(), l.size, l.entry, pnl, null, null));
        }
        BigDecimal equity = collateral.add(unrealized);
        // Margin at 1x of notional held back: conservative; the sizer applies leverage to what is left.
        return new AccountState(venue(), equity, equity.subtract(margin).max(BigDecimal.ZERO), positions, clock.instant());
    }

    @Override
    public List<OpenOrder> openOrders() {
        return List.of(); // every paper order fills or is cancelled at once
    }

    @Override
    public synchronized OrderAck placeOrder(OrderRequest order) {
        if (readOnly) {
            throw new VenueException(venue(), VenueErrorKind.INVALID_REQUEST, "PAPER: a read-only view places no order");
        }
        if (order.type() != OrderType.LIMIT_IOC && order.type() != OrderType.MARKET) {
            throw new VenueException(venue(), VenueErrorKind.INVALID_REQUEST, "PAPER: only IOC and market orders are simulated, got "
                    + order.type());
        }
        MarketSpec spec = markets().get(order.symbol());
        if (spec == null) {
            throw new VenueException(venue(), VenueErrorKind.INVALID_REQUEST, "PAPER: " + venue().displayName()
                    + " does not list " + order.symbol());
        }
        settleFunding();
        PaperLeg leg = legs.computeIfAbsent(order.symbol(), s -> new PaperLeg());
        BigDecimal wanted = order.size();
        BigDecimal signedDir = order.side() == OrderSide.BUY ? BigDecimal.ONE : BigDecimal.ONE.negate();
        if (order.reduceOnly()) {
            boolean reduces = leg.size.signum() != 0 && leg.size.signum() != signedDir.signum();
            wanted = reduces ? wanted.min(leg.size.abs()) : BigDecimal.ZERO;
        }
        BigDecimal filled = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        if (wanted.signum() > 0) {
            OrderBook book = live.orderBook(order.symbol(), DEPTH);
            for (BookLevel level : book.liquidityFor(order.side())) {
                boolean beyond = order.side() == OrderSide.BUY ? level.price().compareTo(order.price()) > 0
                        : level.price().compareTo(order.price()) < 0;
                if (beyond) {
                    break;
                }
                BigDecimal take = wanted.subtract(filled).min(taken.available(order.symbol(), order.side(), level));
                if (take.signum() <= 0) {
                    continue;
                }
                taken.take(order.symbol(), order.side(), level, take);
                filled = filled.add(take);
                paid = paid.add(take.multiply(level.price()));
                if (filled.compareTo(wanted) == 0) {
                    break;
                }
            }
        }
        if (filled.signum() > 0) {
            apply(leg, signedDir.multiply(filled), paid.divide(filled, MathContext.DECIMAL64));
            collateral = collateral.subtract(paid.multiply(spec.takerFeeRate()));
            if (leg.fundedUpTo == null) {
                leg.fundedUpTo = clock.instant();
            }
            save();
        }
        return new OrderAck(order.clientOrderId(), "paper-" + nextOrderId++, Optional.of(filled));
    }

    /** Average entry on an increase, realized PnL into collateral on a reduction. */
    private void apply(PaperLeg leg, BigDecimal delta, BigDecimal price) {
        BigDecimal before = leg.size;
        BigDecimal after = before.add(delta);
        if (before.signum() == 0 || before.signum() == delta.signum()) {
            leg.entry = before.abs().multiply(leg.entry).add(delta.abs().multiply(price))
                    .divide(after.abs(), MathContext.DECIMAL64);
        } else {
            BigDecimal closed = delta.abs().min(before.abs());
            collateral = collateral.add(price.subtract(leg.entry).multiply(closed).multiply(BigDecimal.valueOf(before.signum())));
            if (after.signum() != 0 && after.signum() != before.signum()) {
                leg.entry = price; // flipped through flat
            }
        }
        leg.size = after;
        if (after.signum() == 0) {
            leg.entry = BigDecimal.ZERO;
            leg.fundedUpTo = null;
        }
    }

    /** Settlements since each leg was last funded: −signed size × mid × rate, at most once a minute (1 request a leg). */
    private void settleFunding() {
        Instant now = clock.instant();
        if (readOnly || fundingCheckedAt != null && now.isBefore(fundingCheckedAt.plus(FUNDING_POLL))) {
            return;
        }
        fundingCheckedAt = now;
        for (Map.Entry<String, PaperLeg> e : legs.entrySet()) {
            PaperLeg l = e.getValue();
            if (l.size.signum() == 0 || l.fundedUpTo == null) {
                continue;
            }
            List<FundingQuote> settled = live.settledFundingBetween(e.getKey(), l.fundedUpTo.plusNanos(1), now.plusNanos(1));
            for (FundingQuote q : settled) {
                BigDecimal mark = live.orderBook(e.getKey(), 1).mid();
                BigDecimal amount = l.size.multiply(mark).multiply(q.rate()).negate();
                collateral = collateral.add(amount);
                payments.add(new FundingPayment(venue(), e.getKey(), q.observedAt(), q.rate(), l.size, amount));
                l.fundedUpTo = q.observedAt();
                save();
            }
        }
    }

    private void save() {
        if (accountFile != null) {
            accountFile.save(collateral, legs, payments);
        }
    }

    @Override
    public void cancelOrder(String symbol, String orderId) {
        // nothing rests
    }

    @Override
    public void cancelAllOrders() {
        // nothing rests
    }

    @Override
    public void setLeverage(String symbol, int leverage) {
        if (leverage < 1) {
            throw new VenueException(venue(), VenueErrorKind.INVALID_REQUEST, "leverage must be >= 1, got " + leverage);
        }
    }

    @Override
    public synchronized List<FundingPayment> fundingPayments(Instant since) {
        settleFunding();
        return payments.stream().filter(p -> !p.settledAt().isBefore(since)).toList();
    }

    @Override
    public void close() {
        live.close();
    }
}
