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
 */
public final class PaperVenue implements VenueConnector {
    private static final int DEPTH = 50;
    private static final Duration FUNDING_POLL = Duration.ofMinutes(1);

    private final VenueConnector live;
    private final Clock clock;
    private final Map<String, Leg> legs = new TreeMap<>();
    private final List<FundingPayment> payments = new ArrayList<>();
    private BigDecimal collateral;
    private long nextOrderId = 1;
    private Instant fundingCheckedAt;

    private static final class Leg {
        BigDecimal size = BigDecimal.ZERO;
        BigDecimal entry = BigDecimal.ZERO;
        Instant fundedUpTo;
    }

    public PaperVenue(VenueConnector live, BigDecimal collateral, Clock clock) {
        this.live = live;
        this.collateral = collateral;
        this.clock = clock;
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
        for (Map.Entry<String, Leg> e : legs.entrySet()) {
            Leg l = e.getValue();
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
        Leg leg = legs.computeIfAbsent(order.symbol(), s -> new Leg());
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
                BigDecimal take = wanted.subtract(filled).min(level.size());
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
        }
        return new OrderAck(order.clientOrderId(), "paper-" + nextOrderId++, Optional.of(filled));
    }

    /** Average entry on an increase, realized PnL into collateral on a reduction. */
    private void apply(Leg leg, BigDecimal delta, BigDecimal price) {
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
        if (fundingCheckedAt != null && now.isBefore(fundingCheckedAt.plus(FUNDING_POLL))) {
            return;
        }
        fundingCheckedAt = now;
        for (Map.Entry<String, Leg> e : legs.entrySet()) {
            Leg l = e.getValue();
            if (l.size.signum() == 0 || l.fundedUpTo == null) {
                continue;
            }
            List<FundingQuote> settled = live.settledFundingBetween(e.getKey(), l.fundedUpTo.plusNanos(1), now.plusNanos(1));
            for (FundingQuote q : settled) {
                BigDecimal mark = live.orderBook(e.getKey(), 1).mid();
                BigDecimal amount = l.size.multiply(mark).multiply(q.rate()).negate();
                collateral = collateral.add(amount);
                payments.add(new io.perpcarry.venue.FundingPayment(venue(), e.getKey(), q.observedAt(), q.rate(), l.size, amount));
                l.fundedUpTo = q.observedAt();
            }
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
