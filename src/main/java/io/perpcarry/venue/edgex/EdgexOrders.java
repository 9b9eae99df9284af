package io.perpcarry.venue.edgex;

import io.perpcarry.crypto.edgex.EdgexDomain;
import io.perpcarry.crypto.edgex.EdgexOrderRequest;
import io.perpcarry.crypto.edgex.EdgexOrderSigner;
import io.perpcarry.crypto.edgex.EdgexSigningException;
import io.perpcarry.crypto.edgex.L2OrderFields;
import io.perpcarry.crypto.edgex.SignedEdgexOrder;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.OrderRequest;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an {@link OrderRequest} into a signed v2 {@code createOrder} body (edgex.md §4.3, §5.2). Checks the
 * contract's steps before anything is signed, and keeps a limit price inside the venue's oracle band.
 */
final class EdgexOrders {
    private static final Logger LOG = LoggerFactory.getLogger(EdgexOrders.class);

    private final EdgexOrderSigner signer;
    private final long accountId;
    private final Clock clock;
    private final Duration expiry;

    EdgexOrders(EdgexOrderSigner signer, long accountId, Clock clock, Duration expiry) {
        this.signer = signer;
        this.accountId = accountId;
        this.clock = clock;
        this.expiry = expiry;
    }

    /** The JSON body (without accountId, which the REST layer adds) of a signed order. */
    Map<String, Object> createOrderBody(OrderRequest r, EdgexMarket m, EdgexDomain domain, BigDecimal oraclePrice) {
        BigDecimal size = plain(r.size());
        BigDecimal price = plain(r.price());
        requireMultiple(size, m.spec().sizeStep(), "size", r);
        requireMultiple(price, m.spec().priceTick(), "price", r);
        if (size.compareTo(m.spec().minBaseSize()) < 0) {
            throw invalid(r, "size " + size.toPlainString() + " is below the minimum " + m.spec().minBaseSize().toPlainString());
        }
        if (m.maxOrderSize() != null && size.compareTo(m.maxOrderSize()) > 0) {
            throw invalid(r, "size " + size.toPlainString() + " is above the maximum " + m.maxOrderSize().toPlainString());
        }
        boolean market = r.type() == io.perpcarry.venue.OrderType.MARKET;
        BigDecimal l2Price = market ? marketL2Price(r.side(), m, oraclePrice) : withinBand(r, price, m, oraclePrice);
        String clientOrderId = Long.toString(r.clientOrderId());
        SignedEdgexOrder signed;
        try {
            signed = signer.sign(new EdgexOrderRequest(domain, m.signing(), accountId, side(r.side()), size, l2Price,
                    clientOrderId, clock.millis() + expiry.toMillis()));
        } catch (EdgexSigningException e) {
            throw invalid(r, "cannot be signed: " + e.getMessage());
        }
        L2OrderFields f = signed.fields();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contractId", m.contractId());
        body.put("price", market ? "0" : l2Price.toPlainString());
        body.put("size", size.toPlainString());
        body.put("type", market ? "MARKET" : "LIMIT");
        body.put("side", r.side().name());
        body.put("timeInForce", timeInForce(r.type()));
        body.put("clientOrderId", clientOrderId);
        body.put("expireTime", Long.toString(f.expireTime()));
        body.put("l2Nonce", Long.toString(f.l2Nonce()));
        body.put("l2Value", f.l2ValueText());
        body.put("l2Size", f.l2Size().toPlainString());
        body.put("l2LimitFee", f.l2LimitFee().toString());
        body.put("l2ExpireTime", Long.toString(f.l2ExpireTime()));
        body.put("l2Signature", signed.l2Signature());
        body.put("reduceOnly", r.reduceOnly());
        // The v2 SDK sends these empty; the venue's canonical payload includes them, so we send them the same way.
        body.put("triggerPrice", "");
        body.put("triggerPriceType", "");
        body.put("sourceKey", "");
        body.put("openTpslParentOrderId", "");
        body.put("extraType", "");
        body.put("extraDataJson", "");
        body.put("isPositionTpsl", false);
        body.put("isSetOpenTp", false);
        body.put("isSetOpenSl", false);
        body.put("openTp", null);
        body.put("openSl", null);
        return body;
    }

    /**
     * The price a MARKET order is signed at, as the v2 SDK computes it (edgex-python-sdk {@code edgex_sdk/client.py}
     * {@code create_market_order}): a BUY at oracle × 10 rounded to the tick's decimals, a SELL at one tick. The body
     * then carries price "0". The caller's price is not used: the venue fills a MARKET order at the book.
     */
    static BigDecimal marketL2Price(OrderSide side, EdgexMarket m, BigDecimal oracle) {
        BigDecimal tick = m.spec().priceTick();
        if (side == OrderSide.BUY) {
            return plain(oracle.multiply(BigDecimal.TEN).setScale(Math.max(tick.stripTrailingZeros().scale(), 0),
                    RoundingMode.HALF_EVEN)); // Python round()
        }
        return plain(tick);
    }

    static String timeInForce(io.perpcarry.venue.OrderType type) {
        return switch (type) {
            case LIMIT_IOC, MARKET -> "IMMEDIATE_OR_CANCEL";
            case LIMIT_GTT -> "GOOD_TIL_CANCEL";
            case LIMIT_POST_ONLY -> "POST_ONLY";
        };
    }

    /**
     * EdgeX refuses a BUY above oracle × (1 + maxOrderBuyPriceRatio) and a SELL below oracle × (1 −
     * minOrderSellPriceRatio). An aggressive limit beyond that edge is pulled back to the edge (on the tick, towards
     * the oracle): the order can then only fill at a better price than asked, never a worse one.
     */
    static BigDecimal withinBand(OrderRequest r, BigDecimal price, EdgexMarket m, BigDecimal oracle) {
        BigDecimal tick = m.spec().priceTick();
        if (r.side() == OrderSide.BUY) {
            BigDecimal cap = oracle.multiply(BigDecimal.ONE.add(m.buyBandRatio()));
            if (price.compareTo(cap) > 0) {
                BigDecimal edge = cap.divide(tick, 0, RoundingMode.FLOOR).multiply(tick);
                LOG.info("EdgeX {} BUY limit {} above the oracle band ({} × (1 + {})): sent at {}", m.symbol(),
                        price.toPlainString(), oracle.toPlainString(), m.buyBandRatio().toPlainString(), edge.toPlainString());
                return plain(edge);
            }
        } else {
            BigDecimal floor = oracle.multiply(BigDecimal.ONE.subtract(m.sellBandRatio()));
            if (price.compareTo(floor) < 0) {
                BigDecimal edge = floor.divide(tick, 0, RoundingMode.CEILING).multiply(tick);
                LOG.info("EdgeX {} SELL limit {} below the oracle band ({} × (1 − {})): sent at {}", m.symbol(),
                        price.toPlainString(), oracle.toPlainString(), m.sellBandRatio().toPlainString(), edge.toPlainString());
                return plain(edge);
            }
        }
        return price;
    }

    private static void requireMultiple(BigDecimal v, BigDecimal step, String what, OrderRequest r) {
        if (v.remainder(step).signum() != 0) {
            throw invalid(r, what + " " + v.toPlainString() + " is not a multiple of " + step.toPlainString());
        }
    }

    /** No negative scale: {@code 1E+2} would be sent as such and signed differently from "100". */
    static BigDecimal plain(BigDecimal v) {
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    private static io.perpcarry.crypto.edgex.OrderSide side(OrderSide s) {
        return s == OrderSide.BUY ? io.perpcarry.crypto.edgex.OrderSide.BUY : io.perpcarry.crypto.edgex.OrderSide.SELL;
    }

    private static VenueException invalid(OrderRequest r, String problem) {
        return new VenueException(Venue.EDGEX, VenueErrorKind.INVALID_REQUEST, "order " + r.clientOrderId() + " "
                + r.side() + " " + r.symbol() + ": " + problem);
    }
}
