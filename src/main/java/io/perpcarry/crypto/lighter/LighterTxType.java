package io.perpcarry.crypto.lighter;

/** Lighter L2 transaction type numbers (lighter-go types/txtypes/constants.go), as sent in {@code tx_type}. */
public final class LighterTxType {
    public static final int CREATE_ORDER = 14;
    public static final int CANCEL_ORDER = 15;
    public static final int CANCEL_ALL_ORDERS = 16;
    public static final int MODIFY_ORDER = 17;
    public static final int UPDATE_LEVERAGE = 20;
    public static final int UPDATE_MARGIN = 29;

    private LighterTxType() {
    }
}
