package io.perpcarry.emulator.edgex;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.perpcarry.emulator.VenueId;
import io.perpcarry.emulator.engine.AccountSnapshot;
import io.perpcarry.emulator.engine.EngineListener;
import io.perpcarry.emulator.engine.Exchange;
import io.perpcarry.emulator.engine.Fill;
import io.perpcarry.emulator.engine.FundingEstimate;
import io.perpcarry.emulator.engine.FundingPayment;
import io.perpcarry.emulator.engine.Order;
import io.perpcarry.emulator.engine.OrderBookSnapshot;
import io.perpcarry.emulator.engine.Trade;

/**
 * Engine events for the EdgeX venue turned into WebSocket frames: books, tickers, trades and
 * funding for public subscribers; orders, fills, account changes and funding payments for the
 * account's private sessions.
 */
final class EdgexPushes implements EngineListener {
    private final EdgexStreams streams;
    private final EdgexContracts contracts;
    private final EdgexQuoteChannels channels;
    private final EdgexAccountHandlers accounts;
    private final EdgexOrderHandlers orders;
    private final EdgexAuth auth;
    private final Exchange exchange;

    EdgexPushes(EdgexStreams streams, EdgexContracts contracts, EdgexQuoteChannels channels,
                EdgexAccountHandlers accounts, EdgexOrderHandlers orders, EdgexAuth auth, Exchange exchange) {
        this.streams = streams;
        this.contracts = contracts;
        this.channels = channels;
        this.accounts = accounts;
        this.orders = orders;
        this.auth = auth;
        this.exchange = exchange;
    }

    // ---- public ----

    @Override
    public void onBookChanged(VenueId venue, OrderBookSnapshot book) {
        if (venue != VenueId.EDGEX) {
            return;
        }
        EdgexContract c = contracts.bySymbol(book.symbol());
        String depthPrefix = "depth." + c.id() + ".";
        for (EdgexPublicSession s : streams.publicSessions) {
            for (String ch : s.subscriptions()) {
                if (ch.startsWith(depthPrefix)) {
                    s.pushDepth(ch, c, Integer.parseInt(ch.substring(depthPrefix.length())), book);
                }
            }
        }
        publish(c, "ticker", () -> channels.ticker(c, false));
    }

    @Override
    public void onTrade(VenueId venue, Trade trade) {
        if (venue == VenueId.EDGEX) {
            EdgexContract c = contracts.bySymbol(trade.symbol());
            publish(c, "trades", () -> EdgexQuoteChannels.trade(c, trade));
        }
    }

    @Override
    public void onFundingRateChanged(VenueId venue, FundingEstimate estimate) {
        if (venue == VenueId.EDGEX) {
            EdgexContract c = contracts.bySymbol(estimate.symbol());
            publish(c, "fundingRate", () -> channels.funding(c));
        }
    }

    /** Sends {@code kind.{id}} and {@code kind.all} subscribers one Changed frame (built once, lazily). */
    private void publish(EdgexContract c, String kind, java.util.function.Supplier<JsonNode> item) {
        JsonNode built = null;
        for (EdgexPublicSession s : streams.publicSessions) {
            for (String ch : s.subscriptions()) {
                if (ch.equals(kind + "." + c.id()) || ch.startsWith(kind + ".all")) {
                    built = built == null ? item.get() : built;
                    s.send(EdgexQuoteChannels.frame(ch, "changed", EdgexJson.array().add(built)));
                }
            }
        }
    }

    // ---- private ----

    /** The first frame of a private session: the full account state. */
    void snapshot(EdgexPrivateSession s) {
        Map<String, ArrayNode> g = accountGroups(s.account());
        ArrayNode open = EdgexJson.array();
        exchange.openOrders(s.account().accountId(), null).forEach(o -> open.add(orders.view(o)));
        g.put("order", open);
        s.push("Snapshot", g, System.currentTimeMillis());
    }

    @Override
    public void onOrderChanged(VenueId venue, Order order) {
        if (venue == VenueId.EDGEX) {
            toAccount(order.accountId(), "ORDER_UPDATE", () -> groups("order", orders.view(order)));
        }
    }

    @Override
    public void onFill(VenueId venue, Fill fill) {
        if (venue == VenueId.EDGEX) {
            // As recorded live (captures/edgex/ws_private_trade_event.json): one ORDER_UPDATE carries the order, its
            // fill, the position of that contract and the collateral.
            toAccount(fill.accountId(), "ORDER_UPDATE", () -> {
                EdgexAccount a = account(fill.accountId());
                EdgexContract c = contracts.bySymbol(fill.symbol());
                Map<String, ArrayNode> g = new LinkedHashMap<>();
                exchange.order(fill.accountId(), fill.orderId())
                        .ifPresent(o -> g.put("order", EdgexJson.array().add(orders.view(o))));
                g.put("orderFillTransaction", EdgexJson.array().add(EdgexOrderViews.fill(fill, c)));
                Map<String, ArrayNode> held = accountGroups(a);
                ArrayNode position = EdgexJson.array();
                held.get("position").forEach(p -> {
                    if (p.path("contractId").asText().equals(c.id())) {
                        position.add(p);
                    }
                });
                if (!position.isEmpty()) {
                    g.put("position", position);
                }
                g.put("collateral", held.get("collateral"));
                g.put("positionTransaction", EdgexJson.array().add(EdgexAccountViews.fillTransaction(a, c, fill)));
                return g;
            });
        }
    }

    @Override
    public void onAccountChanged(VenueId venue, AccountSnapshot snapshot) {
        if (venue == VenueId.EDGEX) {
            toAccount(snapshot.accountId(), "ACCOUNT_UPDATE", () -> accountGroups(account(snapshot.accountId())));
        }
    }

    @Override
    public void onFundingPayment(VenueId venue, FundingPayment payment) {
        if (venue == VenueId.EDGEX) {
            toAccount(payment.accountId(), "FUNDING_SETTLEMENT", () -> {
                EdgexAccount a = account(payment.accountId());
                Map<String, ArrayNode> g = accountGroups(a);
                g.put("positionTransaction", EdgexJson.array().add(
                        EdgexAccountViews.fundingTransaction(a, contracts.bySymbol(payment.symbol()), payment)));
                return g;
            });
        }
    }

    private void toAccount(long accountId, String event, java.util.function.Supplier<Map<String, ArrayNode>> groups) {
        Map<String, ArrayNode> built = null;
        for (EdgexPrivateSession s : streams.privateSessions) {
            if (s.account().accountId() == accountId && !s.isClosed()) {
                built = built == null ? groups.get() : built;
                s.push(event, built, System.currentTimeMillis());
            }
        }
    }

    /** account, collateral and position groups from the current asset view. */
    private Map<String, ArrayNode> accountGroups(EdgexAccount a) {
        JsonNode asset = accounts.assetOf(a);
        Map<String, ArrayNode> g = new LinkedHashMap<>();
        g.put("account", EdgexJson.array().add(asset.get("account")));
        g.put("collateral", (ArrayNode) asset.get("collateralList"));
        g.put("position", (ArrayNode) asset.get("positionList"));
        return g;
    }

    private static Map<String, ArrayNode> groups(String group, JsonNode item) {
        Map<String, ArrayNode> g = new LinkedHashMap<>();
        g.put(group, EdgexJson.array().add(item));
        return g;
    }

    private EdgexAccount account(long accountId) {
        return auth.account(accountId).orElseThrow(() ->
                new IllegalStateException("engine event for an account the wire layer does not know: " + accountId));
    }
}
