package io.perpcarry.crypto.edgex;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Every field derived for a v2 order: the wire fields ({@code l2Nonce}, {@code l2Value},
 * {@code l2Size}, {@code l2LimitFee}, {@code expireTime}, {@code l2ExpireTime}) and the EIP-712
 * message values. Build with {@link L2OrderFieldDerivation#derive}.
 *
 * <p>{@link #l2Value()} keeps the scale of the exact product {@code l2Price × size}, so its
 * {@code toString()} is the string the SDK sends (Python's {@code str(Decimal)} and
 * {@code BigDecimal.toString()} follow the same to-scientific-string rule).
 */
public record L2OrderFields(
        EdgexDomain domain,
        EthAddress signer,
        long accountId,
        long contractId,
        long quoteCoinId,
        OrderSide side,
        String clientOrderId,
        long l2Nonce,
        BigDecimal l2Size,
        BigDecimal l2Value,
        BigInteger l2LimitFee,
        long expireTime,
        long l2ExpireTime,
        long expirationTimestampSeconds,
        BigInteger amountSynthetic,
        BigInteger amountCollateral,
        BigInteger amountFee) {

    /** The wire string of {@code l2Value} (e.g. "104999900.0"). */
    public String l2ValueText() {
        return l2Value.toString();
    }
}
