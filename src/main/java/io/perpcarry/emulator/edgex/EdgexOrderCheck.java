package io.perpcarry.emulator.edgex;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.perpcarry.crypto.edgex.EdgexDomain;
import io.perpcarry.crypto.edgex.EdgexOrderSigner;
import io.perpcarry.crypto.edgex.EdgexOrderTypedData;
import io.perpcarry.crypto.edgex.EdgexSigningException;
import io.perpcarry.crypto.edgex.EthAddress;
import io.perpcarry.crypto.edgex.L2OrderFieldDerivation;
import io.perpcarry.crypto.edgex.L2OrderFields;
import io.perpcarry.crypto.edgex.OrderSide;
import io.perpcarry.emulator.edgex.EdgexError.Codes;

/**
 * The checks the venue applies to a {@code createOrder} body before it reaches matching: the
 * EIP-712 signature recovers to the account's trading address, the L2 fields agree with the order
 * (edgex.md §4.3, §5.2), and size/price obey the contract's steps and the oracle price band.
 */
public final class EdgexOrderCheck {
    private final EdgexDomain domain;

    public EdgexOrderCheck(EdgexDomain domain) {
        this.domain = domain;
    }

    /** A parsed {@code createOrder} body. {@code price} is 0 for MARKET orders. */
    public record CreateOrder(long accountId, long contractId, OrderSide side, String type, String timeInForce,
                              BigDecimal price, BigDecimal size, String clientOrderId, long expireTime,
                              long l2Nonce, BigDecimal l2Value, BigDecimal l2Size, BigDecimal l2LimitFee,
                              long l2ExpireTime, String l2Signature, boolean reduceOnly) {

        public boolean isMarket() {
            return type.equals("MARKET");
        }

        /** The price the L2 value was computed at: the limit price, or for MARKET the worst price. */
        public BigDecimal l2Price() {
            return l2Value.divide(l2Size, 18, RoundingMode.HALF_EVEN).stripTrailingZeros();
        }

        public static CreateOrder parse(JsonNode b) {
            String sideText = EdgexParams.text(b, "side");
            OrderSide side;
            try {
                side = OrderSide.valueOf(sideText);
            } catch (IllegalArgumentException e) {
                throw EdgexError.badRequest("side must be BUY or SELL: " + sideText);
            }
            String type = EdgexParams.text(b, "type").toUpperCase(Locale.ROOT);
            if (!type.equals("LIMIT") && !type.equals("MARKET")) {
                // Conditional orders (STOP_*, TAKE_PROFIT_*) are not emulated.
                throw EdgexError.badRequest("order type not supported by the emulator: " + type);
            }
            String tif = EdgexParams.optText(b, "timeInForce");
            if (tif.isEmpty()) {
                tif = type.equals("MARKET") ? "IMMEDIATE_OR_CANCEL" : "GOOD_TIL_CANCEL";
            }
            return new CreateOrder(
                    EdgexParams.id(b, "accountId"), EdgexParams.id(b, "contractId"), side, type, tif,
                    EdgexParams.decimal(b, "price"), EdgexParams.decimal(b, "size"),
                    EdgexParams.text(b, "clientOrderId"), EdgexParams.id(b, "expireTime"),
                    EdgexParams.id(b, "l2Nonce"), EdgexParams.decimal(b, "l2Value"),
                    EdgexParams.decimal(b, "l2Size"), EdgexParams.decimal(b, "l2LimitFee"),
                    EdgexParams.id(b, "l2ExpireTime"), EdgexParams.text(b, "l2Signature"),
                    EdgexParams.bool(b, "reduceOnly"));
        }
    }

    /**
     * Throws the venue's refusal if the order may not be placed.
     *
     * @param referencePrice the oracle price (or mid when the engine has none) the band is measured from
     */
    public void check(CreateOrder o, EdgexAccount account, EdgexContract c, BigDecimal referencePrice, long nowMs) {
        checkSizeAndPrice(o, c, referencePrice);
        checkL2Fields(o, c, nowMs);
        checkSignature(o, account, c);
    }

    private void checkSizeAndPrice(CreateOrder o, EdgexContract c, BigDecimal ref) {
        // The gates the contract publishes (enableTrade, enableOpenPosition); the refusal codes are the emulator's own.
        if (!c.spec().enableTrade()) {
            throw EdgexError.business(Codes.CONTRACT_TRADE_DISABLED, "contract " + c.contractName() + " is not tradable");
        }
        if (!c.spec().enableOpenPosition() && !o.reduceOnly()) {
            throw EdgexError.business(Codes.CONTRACT_OPEN_POSITION_DISABLED, "contract " + c.contractName()
                    + " is closed to new positions: only reduce-only orders");
        }
        if (o.size().signum() <= 0 || !isMultiple(o.size(), c.market().stepSize())) {
            throw EdgexError.business(Codes.INVALID_ORDER_SIZE, "size " + o.size() + " is not a positive multiple of stepSize "
                    + c.market().stepSize(), Map.of("size", o.size().toPlainString(), "stepSize", c.market().stepSize().toPlainString()));
        }
        BigDecimal max = c.market().maxSize();
        if (o.size().compareTo(c.market().minSize()) < 0 || (max != null && o.size().compareTo(max) > 0)) {
            throw EdgexError.business(Codes.INVALID_ORDER_SIZE, "size " + o.size() + " is outside [" + c.market().minSize()
                    + ", " + (max == null ? "∞" : max) + "]", Map.of("size", o.size().toPlainString()));
        }
        BigDecimal buyCap = ref.multiply(BigDecimal.ONE.add(c.buyBandRatio()));
        BigDecimal sellFloor = ref.multiply(BigDecimal.ONE.subtract(c.sellBandRatio()));
        if (o.isMarket()) {
            if (o.price().signum() != 0) {
                throw EdgexError.badRequest("a MARKET order carries price \"0\", got " + o.price());
            }
            // The SDK signs a MARKET BUY at oracle × 10 and a SELL at one tick (edgex_sdk/client.py): the signed worst
            // price must reach past the band, or the order could never fill as a market order.
            BigDecimal worst = o.l2Price();
            if (o.side() == OrderSide.BUY ? worst.compareTo(buyCap) < 0 : worst.compareTo(sellFloor) > 0) {
                throw EdgexError.business(Codes.INVALID_ORDER_PRICE, "MARKET " + o.side() + " signed at " + worst.toPlainString()
                        + " does not reach past the oracle band (SDK: BUY at oracle × 10, SELL at tickSize)",
                        Map.of("l2Price", worst.toPlainString(), "oraclePrice", EdgexJson.dec(ref)));
            }
            return;
        }
        if (o.price().signum() <= 0 || !isMultiple(o.price(), c.market().tickSize())) {
            throw EdgexError.business(Codes.INVALID_ORDER_PRICE, "price " + o.price() + " is not a positive multiple of tickSize "
                    + c.market().tickSize(), Map.of("price", o.price().toPlainString(), "tickSize", c.market().tickSize().toPlainString()));
        }
        // One-sided band, as the published names say: a BUY at most oracle × (1 + maxOrderBuyPriceRatio), a SELL at
        // least oracle × (1 − minOrderSellPriceRatio) (OpenAPI "compared to oracle price"; the exact rule is unpublished).
        boolean outside = o.side() == OrderSide.BUY ? o.price().compareTo(buyCap) > 0 : o.price().compareTo(sellFloor) < 0;
        if (outside) {
            String ratio = EdgexJson.dec(o.side() == OrderSide.BUY ? c.buyBandRatio() : c.sellBandRatio());
            throw EdgexError.business(Codes.ORDER_PRICE_OUT_OF_RANGE, o.side() + " price " + o.price()
                    + " is beyond the oracle band (ratio " + ratio + ") of the oracle price " + EdgexJson.dec(ref),
                    Map.of("price", o.price().toPlainString(), "oraclePrice", EdgexJson.dec(ref)));
        }
    }

    private void checkL2Fields(CreateOrder o, EdgexContract c, long nowMs) {
        if (o.l2Size().compareTo(o.size()) != 0) {
            throw l2("l2Size " + o.l2Size() + " differs from size " + o.size());
        }
        long nonce = L2OrderFieldDerivation.l2Nonce(o.clientOrderId());
        if (o.l2Nonce() != nonce) {
            throw l2("l2Nonce " + o.l2Nonce() + " is not derived from clientOrderId (expected " + nonce + ")");
        }
        if (!o.isMarket() && o.l2Value().compareTo(o.price().multiply(o.size())) != 0) {
            throw l2("l2Value " + o.l2Value() + " differs from price × size = " + o.price().multiply(o.size()));
        }
        if (o.isMarket() && o.l2Value().signum() <= 0) {
            throw l2("l2Value must be positive");
        }
        BigDecimal minFee = o.l2Value().multiply(c.signingSpec().maxFeeRate()).setScale(0, RoundingMode.CEILING);
        if (o.l2LimitFee().compareTo(minFee) < 0) {
            throw l2("l2LimitFee " + o.l2LimitFee() + " does not cover l2Value × feeRate (at least " + minFee + ")");
        }
        if (o.l2ExpireTime() < o.expireTime() + L2OrderFieldDerivation.L2_EXPIRE_OFFSET_MILLIS) {
            throw l2("l2ExpireTime must be at least expireTime + 8 days");
        }
        if (o.expireTime() <= nowMs) {
            throw EdgexError.business(Codes.ORDER_EXPIRED, "expireTime " + o.expireTime() + " has passed");
        }
    }

    private void checkSignature(CreateOrder o, EdgexAccount account, EdgexContract c) {
        EthAddress recovered;
        try {
            // The digest names the account's trading address as signer: a signature by any other key
            // (which would have put its own address there) recovers to some unrelated address.
            L2OrderFields f = L2OrderFieldDerivation.fromWire(domain, c.signingSpec(), account.tradingAddress(),
                    o.accountId(), o.side(), o.clientOrderId(), o.l2Nonce(), o.l2Size(), o.l2Value(), o.l2LimitFee(),
                    o.expireTime(), o.l2ExpireTime());
            recovered = EdgexOrderSigner.recoverSigner(EdgexOrderTypedData.digest(f), o.l2Signature());
        } catch (EdgexSigningException e) {
            throw EdgexError.business(Codes.INVALID_L2_SIGNATURE, "l2Signature cannot be checked: " + e.getMessage());
        }
        if (!recovered.equals(account.tradingAddress())) {
            // The recovered address means nothing to the client (the digest named another signer).
            throw EdgexError.business(Codes.INVALID_L2_SIGNATURE, "l2Signature is not by the account's trading key "
                    + account.tradingAddress());
        }
    }

    private static EdgexError l2(String msg) {
        return EdgexError.business(Codes.INVALID_L2_FIELD, msg);
    }

    private static boolean isMultiple(BigDecimal v, BigDecimal step) {
        return v.remainder(step).signum() == 0;
    }
}
