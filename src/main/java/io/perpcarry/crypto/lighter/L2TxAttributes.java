package io.perpcarry.crypto.lighter;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Optional per-transaction attributes (lighter-go types/txtypes/tx_attributes.go): a map from
 * attribute type (1..7) to value. Entries are kept as given (an explicit default value is sent in
 * tx_info like lighter-go does), but only non-default values enter the hash: when all values are
 * defaults the tx hash is left unchanged; otherwise it becomes H(txHash || H(attributes)).
 */
public final class L2TxAttributes {
    public static final int INTEGRATOR_ACCOUNT_INDEX = 1;
    public static final int INTEGRATOR_TAKER_FEE = 2;
    public static final int INTEGRATOR_MAKER_FEE = 3;
    public static final int SKIP_NONCE = 4;
    public static final int CANCEL_ALL_MARKET_INDEX = 5;
    public static final int SELF_TRADE_BEHAVIOR_MODE = 6;
    public static final int SELF_TRADE_EQUALITY_MODE = 7;

    private static final String FIELD = "L2TxAttributes";
    private static final L2TxAttributes NONE = new L2TxAttributes(new TreeMap<>());

    // Per type (index = type): min, max and default ("nil") value, from AttributeTypeToConfig.
    private static final long[] MIN = {0, 0, 0, 0, 1, LighterConstants.MIN_PERPS_MARKET_INDEX,
        LighterConstants.SELF_TRADE_EXPIRE_MAKER, LighterConstants.SELF_TRADE_EQUALITY_ACCOUNT};
    private static final long[] MAX = {0, LighterConstants.MAX_ACCOUNT_INDEX, LighterConstants.FEE_TICK,
        LighterConstants.FEE_TICK, 1, LighterConstants.NIL_MARKET_INDEX, LighterConstants.SELF_TRADE_REDUCE,
        LighterConstants.SELF_TRADE_EQUALITY_MASTER_ACCOUNT};
    private static final long[] NIL = {0, 0, 0, 0, 0, LighterConstants.NIL_MARKET_INDEX,
        LighterConstants.SELF_TRADE_EXPIRE_MAKER, LighterConstants.SELF_TRADE_EQUALITY_ACCOUNT};
    private static final String[] RANGE_ERROR = {null, "IntegratorAccountIndex is in invalid range",
        "Integrator fees are in invalid range", "Integrator fees are in invalid range",
        "Nonce skip attribute is invalid", "Cancel all for market index attribute is in invalid range",
        "SelfTradeBehaviorMode is in invalid range", "SelfTradeEqualityMode is in invalid range"};

    private final TreeMap<Integer, Long> entries;

    private L2TxAttributes(TreeMap<Integer, Long> entries) {
        this.entries = entries;
    }

    /** No attributes: tx_info carries {@code "L2TxAttributes":null}. */
    public static L2TxAttributes none() {
        return NONE;
    }

    /**
     * A copy with {@code type} set to {@code value}. Unknown types are rejected here; value ranges
     * and combinations are checked by {@link #validate()}.
     */
    public L2TxAttributes with(int type, long value) {
        if (type < INTEGRATOR_ACCOUNT_INDEX || type > SELF_TRADE_EQUALITY_MODE) {
            throw TxRules.fail(FIELD, "Attribute type is invalid: " + type);
        }
        TreeMap<Integer, Long> copy = new TreeMap<>(entries);
        copy.put(type, value);
        return new L2TxAttributes(copy);
    }

    /** Ask the sequencer not to check/advance this key's nonce (attribute 4 = 1). */
    public L2TxAttributes withSkipNonce() {
        return with(SKIP_NONCE, 1);
    }

    /** Limit a cancel-all to one market (attribute 5; only with immediate cancel-all). */
    public L2TxAttributes withCancelAllMarketIndex(int marketIndex) {
        return with(CANCEL_ALL_MARKET_INDEX, marketIndex);
    }

    /** Integrator account and fees (attributes 1-3, fees in 1e-6 units). */
    public L2TxAttributes withIntegrator(long accountIndex, long takerFee, long makerFee) {
        return with(INTEGRATOR_ACCOUNT_INDEX, accountIndex).with(INTEGRATOR_TAKER_FEE, takerFee)
                .with(INTEGRATOR_MAKER_FEE, makerFee);
    }

    /** Self-trade behaviour and equality mode (attributes 6 and 7). */
    public L2TxAttributes withSelfTrade(int behaviorMode, int equalityMode) {
        return with(SELF_TRADE_BEHAVIOR_MODE, behaviorMode).with(SELF_TRADE_EQUALITY_MODE, equalityMode);
    }

    /** The entries in ascending type order (read-only). */
    public Map<Integer, Long> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /** True when no entry is present (tx_info then carries null). */
    public boolean isAbsent() {
        return entries.isEmpty();
    }

    /** lighter-go IsEmpty(): every entry equals its default, so the tx hash is not aggregated. */
    public boolean isEmpty() {
        for (Map.Entry<Integer, Long> e : entries.entrySet()) {
            if (e.getValue() != NIL[e.getKey()]) {
                return false;
            }
        }
        return true;
    }

    /** The value of attribute {@code type} (1..7), or its default ("nil") value when absent. */
    public long valueOrDefault(int type) {
        if (type < INTEGRATOR_ACCOUNT_INDEX || type > SELF_TRADE_EQUALITY_MODE) {
            throw new IllegalArgumentException("Attribute type is invalid: " + type);
        }
        Long v = entries.get(type);
        return v == null ? NIL[type] : v;
    }

    /** True when attribute 4 (skip nonce) is set to 1: the sequencer neither checks nor advances the nonce. */
    public boolean skipNonce() {
        return valueOrDefault(SKIP_NONCE) == 1;
    }

    /**
     * The market a cancel-all is restricted to (attribute 5), or {@link LighterConstants#NIL_MARKET_INDEX}
     * (255) for all markets.
     */
    public int cancelAllMarketIndex() {
        return (int) valueOrDefault(CANCEL_ALL_MARKET_INDEX);
    }

    private boolean isNil(int type) {
        return valueOrDefault(type) == NIL[type];
    }

    /** lighter-go L2TxAttributes.Validate(). */
    public void validate() {
        if (entries.isEmpty()) {
            return;
        }
        if (entries.size() > LighterConstants.NB_ATTRIBUTES_PER_TX) {
            throw TxRules.fail(FIELD, "Too many attributes, should not be larger than "
                    + LighterConstants.NB_ATTRIBUTES_PER_TX);
        }
        for (Map.Entry<Integer, Long> e : entries.entrySet()) {
            int type = e.getKey();
            if (type < INTEGRATOR_ACCOUNT_INDEX || type > SELF_TRADE_EQUALITY_MODE) {
                throw TxRules.fail(FIELD, "Attribute type is invalid: " + type);
            }
            long v = e.getValue();
            if (v < MIN[type] || v > MAX[type]) {
                throw TxRules.fail(FIELD, RANGE_ERROR[type]);
            }
        }
        boolean hasFees = !isNil(INTEGRATOR_TAKER_FEE) || !isNil(INTEGRATOR_MAKER_FEE);
        if (hasFees && isNil(INTEGRATOR_ACCOUNT_INDEX)) {
            throw TxRules.fail(FIELD, "IntegratorAccountIndex should be non-zero when integrator taker fee or "
                    + "maker fee is non-zero");
        }
        boolean hasSelfTrade = !isNil(SELF_TRADE_BEHAVIOR_MODE) || !isNil(SELF_TRADE_EQUALITY_MODE);
        if (hasSelfTrade && hasFees) {
            throw TxRules.fail(FIELD, "Self-trade specification isn't allowed with integrator fees");
        }
        if (valueOrDefault(SELF_TRADE_BEHAVIOR_MODE) == LighterConstants.SELF_TRADE_REDUCE
                && valueOrDefault(SELF_TRADE_EQUALITY_MODE) == LighterConstants.SELF_TRADE_EQUALITY_MASTER_ACCOUNT) {
            throw TxRules.fail(FIELD, "Reduce self-trade behavior mode isn't allowed with master account index "
                    + "equality mode");
        }
    }

    /**
     * H([type, value] for each non-default entry in ascending type, padded with [0, 0] to 4 pairs).
     * Call after {@link #validate()}.
     */
    QuinticExtension hashElement() {
        long[] in = new long[2 * LighterConstants.NB_ATTRIBUTES_PER_TX];
        int i = 0;
        for (Map.Entry<Integer, Long> e : entries.entrySet()) {
            if (e.getValue() != NIL[e.getKey()]) {
                in[i++] = e.getKey();
                in[i++] = Goldilocks.canonical(e.getValue());
            }
        }
        return Poseidon2.hashToQuinticExtension(in);
    }

    /** The final tx hash: {@code txHash} itself when {@link #isEmpty()}, else H(txHash || H(attrs)). */
    QuinticExtension aggregate(QuinticExtension txHash) {
        if (isEmpty()) {
            return txHash;
        }
        return Poseidon2.hashQuinticElements(txHash, hashElement());
    }

    /** Go encoding/json of the map: null, or {"type":value,...} with keys in ascending order. */
    void appendJson(StringBuilder sb) {
        if (entries.isEmpty()) {
            sb.append("null");
            return;
        }
        sb.append('{');
        boolean first = true;
        for (Map.Entry<Integer, Long> e : entries.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append('"').append(e.getKey()).append("\":").append(e.getValue());
        }
        sb.append('}');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof L2TxAttributes a && a.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "L2TxAttributes" + entries;
    }
}
