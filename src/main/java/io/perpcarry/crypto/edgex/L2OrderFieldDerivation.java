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

        BigDecimal synthetic = checked("size × contractResolution",
                r.size().multiply(new BigDecimal(c.contractResolution())));
        BigInteger amountSynthetic;
        try {
            // The SDK truncates here; a size finer than the resolution would sign a different size
            // than the one sent, so it is an error rather than a rounding.
            amountSynthetic = synthetic.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw unrepresentable("size " + r.size() + " is finer than contract resolution " + c.contractResolution());
        }
        // Collateral is truncated toward zero, as the SDK's int() does: that is the protocol rule.
        BigInteger amountCollateral = checked("l2Value × quoteResolution",
                l2Value.multiply(new BigDecimal(c.quoteResolution()))).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
        BigInteger amountFee = l2LimitFee.multiply(c.quoteResolution());

        long expireTime = r.expireTimeMillis();
        long l2ExpireTime;
        try {
            l2ExpireTime = Math.addExact(expireTime, L2_EXPIRE_OFFSET_MILLIS);
        } catch (ArithmeticException e) {
            throw EdgexSigningException.invalidArgument("expireTimeMillis too large: " + expireTime);
        }

        return new L2OrderFields(
                r.domain(), signer, r.accountId(), c.contractId(), c.quoteCoinId(), r.side(), r.clientOrderId(),
                l2Nonce(r.clientOrderId()), r.size(), l2Value, l2LimitFee,
                expireTime, l2ExpireTime, expireTime / 1000,
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
