package io.perpcarry.crypto.edgex;

import java.math.BigDecimal;

/**
 * Everything needed to derive and sign the L2 part of a v2 {@code createOrder}.
 *
 * @param l2Price          the price the L2 value is computed at: the limit price for LIMIT orders,
 *                         the worst acceptable price for MARKET orders (the wire {@code price} is then "0")
 * @param size             base quantity exactly as sent in {@code size} / {@code l2Size}
 * @param clientOrderId    sent as {@code clientOrderId}; its sha256 gives {@code l2Nonce}
 * @param expireTimeMillis the order's {@code expireTime}; the signature carries it in seconds
 */
public record EdgexOrderRequest(
        EdgexDomain domain,
        EdgexContractSpec contract,
        long accountId,
        OrderSide side,
        BigDecimal size,
        BigDecimal l2Price,
        String clientOrderId,
        long expireTimeMillis) {

    public EdgexOrderRequest {
        EdgexSigningException.require(domain, "domain");
        EdgexSigningException.require(contract, "contract");
        EdgexSigningException.require(side, "side");
        EdgexSigningException.require(size, "size");
        EdgexSigningException.require(l2Price, "l2Price");
        EdgexSigningException.require(clientOrderId, "clientOrderId");
        if (accountId < 0) {
            throw EdgexSigningException.invalidArgument("accountId must be non-negative (uint64)");
        }
        if (size.signum() <= 0) {
            throw EdgexSigningException.invalidArgument("size must be positive: " + size);
        }
        if (l2Price.signum() <= 0) {
            throw EdgexSigningException.invalidArgument("l2Price must be positive: " + l2Price);
        }
        if (clientOrderId.isBlank()) {
            throw EdgexSigningException.invalidArgument("clientOrderId must not be blank");
        }
        if (expireTimeMillis <= 0) {
            throw EdgexSigningException.invalidArgument("expireTimeMillis must be positive: " + expireTimeMillis);
        }
    }
}
