package io.perpcarry.emulator.engine;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One account on one venue: cash collateral, positions, leverage settings, orders and history. */
final class AccountState {
    /** Ended orders, fills and payments kept per account; older ones are dropped (a 24/7 demo runs for weeks). */
    static final int HISTORY_LIMIT = 5_000;

    final long accountId;
    BigDecimal collateral;
    final Map<String, PositionState> positions = new LinkedHashMap<>();
    final Map<String, Integer> leverage = new HashMap<>();
    final List<WorkingOrder> open = new ArrayList<>();
    final Deque<WorkingOrder> ended = new ArrayDeque<>();
    final Deque<Fill> fills = new ArrayDeque<>();
    final Deque<FundingPayment> fundingPayments = new ArrayDeque<>();
    final List<Liquidation> liquidations = new ArrayList<>();
    /** Every client order id an accepted order ever carried (kept whole: the venue never forgets them). */
    final java.util.Set<String> usedClientOrderIds = new java.util.HashSet<>();

    AccountState(long accountId, BigDecimal collateral) {
        this.accountId = accountId;
        this.collateral = Decimals.usd(collateral);
    }

    PositionState position(String symbol) {
        return positions.computeIfAbsent(symbol, s -> new PositionState());
    }

    BigDecimal size(String symbol) {
        PositionState p = positions.get(symbol);
        return p == null ? BigDecimal.ZERO : p.size;
    }

    void end(WorkingOrder order) {
        open.remove(order);
        ended.addFirst(order);
        trim(ended);
    }

    void addFill(Fill fill) {
        fills.addFirst(fill);
        trim(fills);
    }

    void addFundingPayment(FundingPayment payment) {
        fundingPayments.addFirst(payment);
        trim(fundingPayments);
    }

    private static void trim(Deque<?> newestFirst) {
        while (newestFirst.size() > HISTORY_LIMIT) {
            newestFirst.removeLast();
        }
    }
}
