package io.perpcarry.crypto.edgex;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/**
 * The SDK's rules for the L2 fields of an order, in exact decimal arithmetic.
 *
 * <p>The SDK computes with Python's default decimal context (28 significant digits). Exact
 * arithmetic agrees with it whenever no product needs more digits than that; when one would, the
 * SDK would silently round, so we refuse the order instead of guessing which answer the exchange
 * expects. Real orders are many digits short of that limit.
 */
public final class L2OrderFieldDerivation {
    /** {@code l2ExpireTime = expireTime + 8 days} (the SDK's L1 offset). */
    public static final long L2_EXPIRE_OFFSET_MILLIS = Duration.ofDays(8).toMillis();

    private static final int PYTHON_DECIMAL_PRECISION = 28;

    private L2OrderFieldDerivation() {
    }

    public static L2OrderFields derive(EdgexOrderRequest r, EthAddress signer) {
        EdgexSigningException.require(r, "request");
        EdgexSigningException.require(signer, "signer");
        EdgexContractSpec c = r.contract();

        BigDecimal l2Value = r.l2Price().multiply(r.size());
        if (l2Value.precision() > PYTHON_DECIMAL_PRECISION) {
            throw unrepresentable("l2Value = l2Price × size needs " + l2Value.precision()
                    + " significant digits; the SDK rounds beyond " + PYTHON_DECIMAL_PRECISION);
        }
        // Ceiling to a whole quote unit: the reserved fee may exceed, never undercut, the real fee.
        BigInteger l2LimitFee = checked("l2Value × maxFeeRate", l2Value.multiply(c.maxFeeRate()))
                .setScale(0, RoundingMode.CEILING).toBigIntegerExact();

        long expireTime = r.expireTimeMillis();
        long l2ExpireTime;
        try {
            l2ExpireTime = Math.addExact(expireTime, L2_EXPIRE_OFFSET_MILLIS);
        } catch (ArithmeticException e) {
            throw EdgexSigningException.invalidArgument("expireTimeMillis too large: " + expireTime);
        }
        return assemble(r.domain(), c, signer, r.accountId(), r.side(), r.clientOrderId(),
                l2Nonce(r.clientOrderId()), r.size(), l2Value, l2LimitFee, expireTime, l2ExpireTime);
    }

    /**
     * The fields as a received {@code createOrder} body states them (emulator side): the amounts
     * are computed from the wire {@code l2Size}, {@code l2Value} and {@code l2LimitFee} instead of
     * being re-derived from a price, so the digest is the one the client must have signed. Nothing
     * is checked against {@code clientOrderId} here; {@link #l2Nonce(String)} is available for that.
     */
    public static L2OrderFields fromWire(EdgexDomain domain, EdgexContractSpec contract, EthAddress signer,
                                         long accountId, OrderSide side, String clientOrderId, long l2Nonce,
                                         BigDecimal l2Size, BigDecimal l2Value, BigDecimal l2LimitFee,
                                         long expireTime, long l2ExpireTime) {
        EdgexSigningException.require(domain, "domain");
        EdgexSigningException.require(contract, "contract");
        EdgexSigningException.require(signer, "signer");
        EdgexSigningException.require(side, "side");
        EdgexSigningException.require(clientOrderId, "clientOrderId");
        EdgexSigningException.require(l2Size, "l2Size");
        EdgexSigningException.require(l2Value, "l2Value");
        EdgexSigningException.require(l2LimitFee, "l2LimitFee");
        if (accountId < 0 || l2Nonce < 0 || expireTime <= 0 || l2Size.signum() <= 0 || l2Value.signum() <= 0
                || l2LimitFee.signum() < 0) {
            throw EdgexSigningException.invalidArgument("accountId, l2Nonce, expireTime, l2Size, l2Value and "
                    + "l2LimitFee must be in range");
        }
        BigInteger fee;
        try {
            fee = l2LimitFee.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw unrepresentable("l2LimitFee must be a whole number in v2: " + l2LimitFee);
        }
        return assemble(domain, contract, signer, accountId, side, clientOrderId, l2Nonce,
                l2Size, l2Value, fee, expireTime, l2ExpireTime);
    }

    private static L2OrderFields assemble(EdgexDomain domain, EdgexContractSpec c, EthAddress signer,
                                          long accountId, OrderSide side, String clientOrderId, long nonce,
                                          BigDecimal size, BigDecimal l2Value, BigInteger l2LimitFee,
                                          long expireTime, long l2ExpireTime) {
        BigDecimal synthetic = checked("size × contractResolution", size.multiply(new BigDecimal(c.contractResolution())));
        BigInteger amountSynthetic;
        try {
            // The SDK truncates here; a size finer than the resolution would sign a different size
            // than the one sent, so it is an error rather than a rounding.
            amountSynthetic = synthetic.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw unrepresentable("size " + size + " is finer than contract resolution " + c.contractResolution());
        }
        // Collateral is truncated toward zero, as the SDK's int() does: that is the protocol rule.
        BigInteger amountCollateral = checked("l2Value × quoteResolution",
                l2Value.multiply(new BigDecimal(c.quoteResolution()))).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
        BigInteger amountFee = l2LimitFee.multiply(c.quoteResolution());
        return new L2OrderFields(domain, signer, accountId, c.contractId(), c.quoteCoinId(), side, clientOrderId,
                nonce, size, l2Value, l2LimitFee, expireTime, l2ExpireTime, expireTime / 1000,
                amountSynthetic, amountCollateral, amountFee);
    }

    /** The first 8 hex digits (4 bytes) of sha256(UTF-8 clientOrderId), unsigned: 0 … 2^32−1. */
    public static long l2Nonce(String clientOrderId) {
        byte[] h = sha256(clientOrderId.getBytes(StandardCharsets.UTF_8));
        return ((h[0] & 0xffL) << 24) | ((h[1] & 0xffL) << 16) | ((h[2] & 0xffL) << 8) | (h[3] & 0xffL);
    }

    private static BigDecimal checked(String what, BigDecimal exact) {
        if (exact.stripTrailingZeros().precision() > PYTHON_DECIMAL_PRECISION) {
            throw unrepresentable(what + " needs more than " + PYTHON_DECIMAL_PRECISION
                    + " significant digits; the SDK would round it");
        }
        return exact;
    }

    private static EdgexSigningException unrepresentable(String message) {
        return new EdgexSigningException(EdgexSigningException.Kind.UNREPRESENTABLE_AMOUNT, message);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }
}
