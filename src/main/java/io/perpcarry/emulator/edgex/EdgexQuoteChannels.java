package io.perpcarry.emulator.edgex;

import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.perpcarry.emulator.edgex.EdgexError.Codes;
import io.perpcarry.emulator.engine.Exchange;
import io.perpcarry.emulator.engine.OrderBookSnapshot;
import io.perpcarry.emulator.engine.Trade;

/**
 * Public channel names (edgex.md §7) and their payloads: {@code depth.{id}.{15|200}},
 * {@code ticker.{id}}, {@code ticker.all}, {@code fundingRate.{id}}, {@code fundingRate.all},
 * {@code trades.{id}}, {@code metadata}. Frames are {@code quote-event}, the type the SDKs dispatch on.
 */
final class EdgexQuoteChannels {
    enum Kind { DEPTH, TICKER, FUNDING, TRADES, METADATA }

    record Parsed(Kind kind, List<EdgexContract> contracts, int level) {
    }

    private final Exchange exchange;
    private final EdgexContracts contracts;
    private final Supplier<JsonNode> metadata;

    EdgexQuoteChannels(Exchange exchange, EdgexContracts contracts, Supplier<JsonNode> metadata) {
        this.exchange = exchange;
        this.contracts = contracts;
        this.metadata = metadata;
    }

    Parsed parse(String channel) {
        String[] p = channel.split("\\.");
        switch (p[0]) {
            case "depth":
                if (p.length != 3) {
                    break;
                }
                return new Parsed(Kind.DEPTH, List.of(contract(p[1])), EdgexPublicHandlers.depthLevel(p[2]));
            case "ticker":
                if (p.length == 2 || (p.length == 3 && p[1].equals("all") && p[2].equals("1s"))) {
                    return new Parsed(Kind.TICKER, p[1].equals("all") ? contracts.all() : List.of(contract(p[1])), 0);
                }
                break;
            case "fundingRate":
                if (p.length == 2) {
                    return new Parsed(Kind.FUNDING, p[1].equals("all") ? contracts.all() : List.of(contract(p[1])), 0);
                }
                break;
            case "trades":
                if (p.length == 2) {
                    return new Parsed(Kind.TRADES, List.of(contract(p[1])), 0);
                }
                break;
            case "metadata":
                if (p.length == 1) {
                    return new Parsed(Kind.METADATA, List.of(), 0);
                }
                break;
            default:
                break;
        }
        throw EdgexError.business(Codes.INVALID_PARAMETER, "invalid channel : " + channel);
    }

    /** The gateway's refusal of an unknown contract, as recorded: GATEWAY_INVALID_CONTRACT_ID "invalid contractId : id". */
    private EdgexContract contract(String id) {
        try {
            return contracts.byId(id);
        } catch (EdgexError e) {
            throw EdgexError.business(Codes.GATEWAY_INVALID_CONTRACT_ID, "invalid contractId : " + id);
        }
    }

    OrderBookSnapshot book(EdgexContract c, int level) {
        return exchange.book(c.symbol(), level);
    }

    /** The first payload after subscribing to a non-depth channel. */
    ArrayNode snapshot(Parsed p) {
        ArrayNode data = EdgexJson.array();
        switch (p.kind()) {
            case TICKER -> p.contracts().forEach(c -> data.add(ticker(c, true)));
            case FUNDING -> p.contracts().forEach(c -> data.add(funding(c)));
            case TRADES -> exchange.recentTrades(p.contracts().get(0).symbol(), 50)
                    .forEach(t -> data.add(trade(p.contracts().get(0), t)));
            case METADATA -> {
                JsonNode m = metadata.get();
                data.addObject().set("coin", m.get("coinList"));
                ((ObjectNode) data.get(0)).set("contract", m.get("contractList"));
            }
            case DEPTH -> throw new IllegalStateException("depth snapshots are built by the session");
        }
        return data;
    }

    /** A ticker record; best bid/ask only for a snapshot ({@code withBbo}), as live changed frames omit them. */
    ObjectNode ticker(EdgexContract c, boolean withBbo) {
        return EdgexMarketViews.wsTicker(c, exchange.stats(c.symbol()), exchange.funding(c.symbol()),
                withBbo ? exchange.book(c.symbol(), 1) : null);
    }

    ObjectNode funding(EdgexContract c) {
        return EdgexPublicHandlers.latestFunding(exchange, c);
    }

    static ObjectNode trade(EdgexContract c, Trade t) {
        ObjectNode n = EdgexJson.object();
        n.put("ticketId", Long.toString(t.tradeId()));
        n.put("time", EdgexMarketViews.ms(t.time()));
        n.put("price", EdgexJson.dec(t.price()));
        n.put("size", EdgexJson.dec(t.size()));
        n.put("value", EdgexJson.dec(t.price().multiply(t.size())));
        boolean takerBuys = t.takerSide().name().equals("BUY");
        n.put("takerOrderId", Long.toString(takerBuys ? t.buyOrderId() : t.sellOrderId()));
        n.put("makerOrderId", Long.toString(takerBuys ? t.sellOrderId() : t.buyOrderId()));
        n.put("takerAccountId", Long.toString(takerBuys ? t.buyerAccountId() : t.sellerAccountId()));
        n.put("makerAccountId", Long.toString(takerBuys ? t.sellerAccountId() : t.buyerAccountId()));
        n.put("contractId", c.id());
        n.put("contractName", c.contractName());
        n.put("isBestMatch", true);
        n.put("isBuyerMaker", !takerBuys);
        return n;
    }

    static ObjectNode frame(String channel, String dataType, ArrayNode data) {
        ObjectNode f = EdgexJson.object();
        f.put("type", "quote-event");
        f.put("channel", channel);
        ObjectNode content = f.putObject("content");
        content.put("dataType", dataType);
        content.put("channel", channel);
        content.set("data", data);
        return f;
    }
}
