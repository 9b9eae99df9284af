package io.perpcarry.emulator.engine;

import io.perpcarry.emulator.VenueId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one venue holds: its markets and accounts, and the rules that do not depend on order flow —
 * cross-margin valuation, funding settlement and liquidation. Not thread-safe; the engine's lock guards it.
 */
final class VenueState {
    final VenueId venue;
    final Map<String, MarketState> markets = new LinkedHashMap<>();
    final Map<Long, AccountState> accounts = new LinkedHashMap<>();
    final IdSource ids;
    final EventBuffer events;
    /**
     * Lighter refuses a client order index already used by any order of the account, open, filled or
     * canceled (21728 "client order index already exists", docs/reference/lighter.md); for EdgeX no source
     * says more than "unique among open orders".
     */
    final boolean clientOrderIdsUniqueForever;

    VenueState(VenueId venue, IdSource ids, EventBuffer events) {
        this.venue = venue;
        this.ids = ids;
        this.events = events;
        this.clientOrderIdsUniqueForever = venue == VenueId.LIGHTER;
    }

    /** Read without the engine's lock (wire layers may hold their own locks): replaced whole on every listing. */
    volatile List<VenueMarket> listed = List.of();
    volatile List<Long> accountIds = List.of();

    void list(MarketState market) {
        markets.put(market.symbol(), market);
        listed = markets.values().stream().map(m -> m.market).toList();
    }

    void open(AccountState account) {
        accounts.put(account.accountId, account);
        accountIds = List.copyOf(accounts.keySet());
    }

    MarketState market(String symbol) {
        MarketState m = markets.get(symbol);
        if (m == null) {
            throw new EngineRejection(RejectReason.UNKNOWN_MARKET, venue + " has no market " + symbol);
        }
        return m;
    }

    AccountState account(long accountId) {
        AccountState a = accounts.get(accountId);
        if (a == null) {
            throw new EngineRejection(RejectReason.UNKNOWN_ACCOUNT, venue + " has no account " + accountId);
        }
        return a;
    }

    // ---- margin ----

    int leverage(AccountState account, String symbol) {
        return account.leverage.getOrDefault(symbol, market(symbol).market.defaultLeverage());
    }

    BigDecimal equity(AccountState account) {
        BigDecimal equity = account.collateral;
        for (Map.Entry<String, PositionState> e : account.positions.entrySet()) {
            equity = equity.add(e.getValue().unrealized(market(e.getKey()).book.mark()));
        }
        return Decimals.usd(equity);
    }

    BigDecimal initialMargin(AccountState account) {
        BigDecimal im = BigDecimal.ZERO;
        for (Map.Entry<String, PositionState> e : account.positions.entrySet()) {
            im = im.add(positionInitialMargin(account, e.getKey(), e.getValue().size));
        }
        return Decimals.usd(im);
    }

    BigDecimal positionInitialMargin(AccountState account, String symbol, BigDecimal size) {
        return size.abs().multiply(market(symbol).book.mark())
                .divide(BigDecimal.valueOf(leverage(account, symbol)), Decimals.USD, RoundingMode.HALF_EVEN);
    }

    BigDecimal maintenanceMargin(AccountState account) {
        BigDecimal mm = BigDecimal.ZERO;
        for (Map.Entry<String, PositionState> e : account.positions.entrySet()) {
            MarketState m = market(e.getKey());
            mm = mm.add(e.getValue().size.abs().multiply(m.book.mark()).multiply(m.market.maintenanceMarginFraction()));
        }
        return Decimals.usd(mm);
    }

    /** Margin reserved by resting orders that would add exposure (reduce-only orders reserve nothing). */
    BigDecimal orderMargin(AccountState account) {
        BigDecimal om = BigDecimal.ZERO;
        for (WorkingOrder o : account.open) {
            if (!o.reduceOnly) {
                BigDecimal price = o.price != null ? o.price : market(o.symbol).book.mark();
                om = om.add(o.remaining().multiply(price)
                        .divide(BigDecimal.valueOf(leverage(account, o.symbol)), Decimals.USD, RoundingMode.HALF_EVEN));
            }
        }
        return Decimals.usd(om);
    }

    AccountSnapshot snapshot(AccountState account, Instant now) {
        BigDecimal equity = equity(account);
        BigDecimal im = initialMargin(account);
        BigDecimal om = orderMargin(account);
        BigDecimal mm = maintenanceMargin(account);
        BigDecimal unrealized = equity.subtract(account.collateral);
        BigDecimal available = equity.subtract(im).subtract(om).max(BigDecimal.ZERO);
        BigDecimal ratio = mm.signum() == 0 ? BigDecimal.ZERO
                : equity.signum() <= 0 ? new BigDecimal("999")
                : mm.divide(equity, 6, RoundingMode.HALF_EVEN);
        List<Position> positions = new ArrayList<>();
        for (Map.Entry<String, PositionState> e : account.positions.entrySet()) {
            positions.add(position(account, e.getKey(), e.getValue(), equity, mm));
        }
        return new AccountSnapshot(account.accountId, account.collateral, equity, Decimals.usd(unrealized), im, om, mm,
                Decimals.usd(available), ratio, positions, account.open.size(), now);
    }

    private Position position(AccountState account, String symbol, PositionState p, BigDecimal equity, BigDecimal mm) {
        MarketState m = market(symbol);
        BigDecimal mark = m.book.mark();
        BigDecimal mmf = m.market.maintenanceMarginFraction();
        BigDecimal ownMm = p.size.abs().multiply(mark).multiply(mmf);
        return new Position(symbol, p.size, p.avgEntry, mark, Decimals.usd(p.value(mark)),
                Decimals.usd(p.unrealized(mark)), p.realizedPnl, p.fundingNet, p.feesPaid, leverage(account, symbol),
                true, positionInitialMargin(account, symbol, p.size), Decimals.usd(ownMm),
                liquidationPrice(p.size, mark, mmf, equity, mm.subtract(ownMm), m.market.tickSize()));
    }

    /**
     * The mark at which equity meets maintenance margin if only this market moves:
     * E + q(p' − p) = M_other + |q|·p'·mmf  ⇒  p' = (M_other − E + q·p) / (q − |q|·mmf). Null when flat or ≤ 0.
     */
    static BigDecimal liquidationPrice(BigDecimal q, BigDecimal mark, BigDecimal mmf, BigDecimal equity,
                                       BigDecimal otherMm, BigDecimal tick) {
        if (q.signum() == 0) {
            return null;
        }
        BigDecimal denominator = q.subtract(q.abs().multiply(mmf));
        BigDecimal numerator = otherMm.subtract(equity).add(q.multiply(mark));
        BigDecimal price = numerator.divide(denominator, 12, RoundingMode.HALF_EVEN);
        if (price.signum() <= 0) {
            return null;
        }
        return Decimals.toIncrement(price, tick, RoundingMode.HALF_EVEN);
    }

    // ---- funding ----

    /** Settles one period of {@code market} at {@code time}: positive rate ⇒ longs pay shorts. */
    void settleFunding(MarketState market, Instant time) {
        BigDecimal rate = market.funding.rate();
        BigDecimal perSettlement = market.ratePerSettlement();
        BigDecimal mark = market.book.mark();
        FundingSettlement settlement = new FundingSettlement(market.symbol(), time, rate, perSettlement, mark, false);
        market.addSettlement(settlement);
        events.add(l -> l.onFundingSettled(venue, settlement));
        for (AccountState account : accounts.values()) {
            PositionState p = account.positions.get(market.symbol());
            if (p == null || p.size.signum() == 0) {
                continue;
            }
            BigDecimal amount = Decimals.usd(p.size.multiply(mark).multiply(perSettlement).negate());
            account.collateral = account.collateral.add(amount);
            p.fundingNet = p.fundingNet.add(amount);
            FundingPayment payment = new FundingPayment(ids.fundingId(), account.accountId, market.symbol(), time, rate,
                    perSettlement, p.size, mark, amount,
                    amount.signum() < 0 ? FundingDirection.PAID : FundingDirection.RECEIVED);
            account.addFundingPayment(payment);
            events.add(l -> l.onFundingPayment(venue, payment));
            events.accountChanged(venue, account.accountId);
        }
    }

    // ---- liquidation ----

    /** Closes every position, at the mark, of accounts whose equity has fallen to maintenance margin. */
    void liquidateUnderwater(Instant now) {
        for (AccountState account : accounts.values()) {
            BigDecimal mm = maintenanceMargin(account);
            if (mm.signum() == 0) {
                continue;
            }
            BigDecimal equity = equity(account);
            if (equity.compareTo(mm) > 0) {
                continue;
            }
            for (WorkingOrder o : List.copyOf(account.open)) {
                o.cancel(CancelReason.LIQUIDATION, now);
                account.end(o);
                Order snapshot = o.snapshot();
                events.add(l -> l.onOrderChanged(venue, snapshot));
            }
            List<Fill> fills = new ArrayList<>();
            for (Map.Entry<String, PositionState> e : account.positions.entrySet()) {
                PositionState p = e.getValue();
                if (p.size.signum() == 0) {
                    continue;
                }
                MarketState m = market(e.getKey());
                Side side = p.size.signum() > 0 ? Side.SELL : Side.BUY;
                OrderRequest close = new OrderRequest(m.symbol(), side, OrderType.MARKET, TimeInForce.IOC, p.size.abs(),
                        null, true, null, null, null);
                WorkingOrder order = new WorkingOrder(ids.orderId(), account.accountId, close, p.size.abs(), now);
                fills.add(executeFill(account, m, order, p.size.abs(), m.book.mark(), Liquidity.TAKER, true, now));
                account.end(order);
                Order snapshot = order.snapshot();
                events.add(l -> l.onOrderChanged(venue, snapshot));
            }
            Liquidation liquidation = new Liquidation(account.accountId, now, equity, mm, fills);
            account.liquidations.add(liquidation);
            events.add(l -> l.onLiquidation(venue, liquidation));
            events.accountChanged(venue, account.accountId);
        }
    }

    // ---- fills ----

    /**
     * Books one execution: position, realised PnL and fee into collateral, order progress, public trade.
     * Liquidation closes pay no trading fee.
     */
    Fill executeFill(AccountState account, MarketState market, WorkingOrder order, BigDecimal qty, BigDecimal price,
                     Liquidity liquidity, boolean liquidation, Instant now) {
        BigDecimal feeRate = liquidation ? BigDecimal.ZERO
                : liquidity == Liquidity.TAKER ? market.market.takerFee() : market.market.makerFee();
        BigDecimal fee = qty.multiply(price).multiply(feeRate).setScale(Decimals.USD, RoundingMode.HALF_UP);
        PositionState position = account.position(market.symbol());
        BigDecimal realized = position.apply(order.side, qty, price);
        position.feesPaid = position.feesPaid.add(fee);
        account.collateral = account.collateral.add(realized).subtract(fee);
        order.recordFill(qty, price, fee, now);
        long tradeId = ids.tradeId();
        Fill fill = new Fill(tradeId, order.orderId, order.clientOrderId, account.accountId, market.symbol(), order.side,
                price, qty, fee, liquidity, realized, liquidation, now);
        account.addFill(fill);
        boolean buy = order.side == Side.BUY;
        // the synthetic book's counterparty is the emulator's market maker, account 0, order 0
        Side takerSide = liquidity == Liquidity.TAKER ? order.side : order.side.opposite();
        Trade trade = new Trade(tradeId, market.symbol(), price, qty, takerSide, buy ? account.accountId : 0,
                buy ? 0 : account.accountId, buy ? order.orderId : 0, buy ? 0 : order.orderId, liquidation, now,
                buy ? order.clientOrderId : null, buy ? null : order.clientOrderId);
        market.addTrade(trade);
        events.add(l -> l.onFill(venue, fill));
        events.add(l -> l.onTrade(venue, trade));
        events.accountChanged(venue, account.accountId);
        return fill;
    }
}
