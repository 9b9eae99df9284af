package io.perpcarry.emulator.lighter;

import io.perpcarry.crypto.lighter.Poseidon2;
import io.perpcarry.crypto.lighter.QuinticExtension;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code L2TxAttributes} of a tx (lighter-go {@code tx_attributes.go}): attribute number → value. Empty when
 * the JSON field is {@code null}. Validation and the hash aggregation follow the signer exactly, because the
 * aggregated hash is what the signature covers.
 */
public record LighterTxAttributes(Map<Integer, Long> values) {
    public static final int INTEGRATOR_ACCOUNT = 1;
    public static final int INTEGRATOR_TAKER_FEE = 2;
    public static final int INTEGRATOR_MAKER_FEE = 3;
    public static final int SKIP_NONCE = 4;
    public static final int CANCEL_ALL_MARKET = 5;
    public static final int SELF_TRADE_BEHAVIOR = 6;
    public static final int SELF_TRADE_EQUALITY = 7;

    static final int PER_TX = 4;
    private static final long MAX_ACCOUNT = (1L << 48) - 2;
    private static final long FEE_TICK = 1_000_000;

    public static final LighterTxAttributes NONE = new LighterTxAttributes(Map.of());

    public LighterTxAttributes {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public long get(int type) {
        return values.getOrDefault(type, nilValue(type));
    }

    public boolean skipNonce() {
        return get(SKIP_NONCE) == 1;
    }

    /** Market a cancel-all is restricted to, or 255 for all markets. */
    public int cancelAllMarket() {
        return (int) get(CANCEL_ALL_MARKET);
    }

    static long nilValue(int type) {
        return type == CANCEL_ALL_MARKET ? 255 : 0;
    }

    /** The signer's {@code L2TxAttributes.Validate}; returns the error text or null. */
    String validate() {
        if (values.size() > PER_TX) {
            return "Too many attributes, should not be larger than " + PER_TX;
        }
        for (Map.Entry<Integer, Long> e : values.entrySet()) {
            long v = e.getValue();
            boolean ok = switch (e.getKey()) {
                case INTEGRATOR_ACCOUNT -> v >= 0 && v <= MAX_ACCOUNT;
                case INTEGRATOR_TAKER_FEE, INTEGRATOR_MAKER_FEE -> v >= 0 && v <= FEE_TICK;
                case SKIP_NONCE -> v == 1;
                case CANCEL_ALL_MARKET -> v >= 0 && v <= 255;
                case SELF_TRADE_BEHAVIOR -> v >= 0 && v <= 3;
                case SELF_TRADE_EQUALITY -> v >= 0 && v <= 1;
                default -> false;
            };
            if (!ok) {
                return "attribute " + e.getKey() + " is invalid or out of range";
            }
        }
        boolean fees = get(INTEGRATOR_TAKER_FEE) != 0 || get(INTEGRATOR_MAKER_FEE) != 0;
        if (fees && get(INTEGRATOR_ACCOUNT) == 0) {
            return "IntegratorAccountIndex should be non-zero when integrator taker fee or maker fee is non-zero";
        }
        return null;
    }

    /** {@code AggregateTxHash}: the plain tx hash when every value is zero, else H(txHash ‖ H(attributes)). */
    QuinticExtension aggregate(QuinticExtension txHash) {
        if (values.values().stream().allMatch(v -> v == 0)) {
            return txHash;
        }
        long[] elems = new long[PER_TX * 2];
        int i = 0;
        for (Map.Entry<Integer, Long> e : values.entrySet()) { // TreeMap: ascending types, as the signer sorts
            if (e.getValue() == nilValue(e.getKey())) {
                continue;
            }
            elems[2 * i] = e.getKey();
            elems[2 * i + 1] = e.getValue();
            i++;
        }
        return Poseidon2.hashQuinticElements(txHash, Poseidon2.hashToQuinticExtension(elems));
    }
}
