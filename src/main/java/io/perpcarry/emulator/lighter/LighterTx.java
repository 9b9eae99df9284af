package io.perpcarry.emulator.lighter;

/**
 * A parsed L2 transaction as {@code sendTx} receives it (lighter-go {@code types/txtypes}). Field names and
 * widths mirror the signer's Go structs; {@link #hashElements(long)} lists the Goldilocks elements the signer
 * hashes, in order.
 */
public sealed interface LighterTx {
    int CREATE_ORDER = 14;
    int CANCEL_ORDER = 15;
    int CANCEL_ALL_ORDERS = 16;
    int MODIFY_ORDER = 17;
    int UPDATE_LEVERAGE = 20;
    int UPDATE_MARGIN = 29;

    Header header();

    int txType();

    /** Elements hashed before attribute aggregation: chain id, tx type, nonce, expiredAt, then the body. */
    long[] hashElements(long chainId);

    /** Fields every L2 tx carries. {@code sig} is the decoded 80-byte Schnorr signature. */
    record Header(long accountIndex, int apiKeyIndex, long expiredAt, long nonce, byte[] sig,
                  LighterTxAttributes attributes) {
        long[] prefix(long chainId, int txType, long... body) {
            long[] out = new long[6 + body.length];
            out[0] = chainId;
            out[1] = txType;
            out[2] = nonce;
            out[3] = expiredAt;
            out[4] = accountIndex;
            out[5] = apiKeyIndex;
            System.arraycopy(body, 0, out, 6, body.length);
            return out;
        }
    }

    /** tx_type 14. Integers are the market's scaled units (size × 10^size_decimals, price × 10^price_decimals). */
    record CreateOrder(Header header, int marketIndex, long clientOrderIndex, long baseAmount, long price,
                       int isAsk, int type, int timeInForce, int reduceOnly, long triggerPrice, long orderExpiry)
            implements LighterTx {
        public static final int LIMIT = 0;
        public static final int MARKET = 1;
        public static final int STOP_LOSS = 2;
        public static final int STOP_LOSS_LIMIT = 3;
        public static final int TAKE_PROFIT = 4;
        public static final int TAKE_PROFIT_LIMIT = 5;
        public static final int TWAP = 6;
        public static final int IOC = 0;
        public static final int GTT = 1;
        public static final int POST_ONLY = 2;

        @Override
        public int txType() {
            return CREATE_ORDER;
        }

        @Override
        public long[] hashElements(long chainId) {
            return header.prefix(chainId, CREATE_ORDER, marketIndex, clientOrderIndex, baseAmount, price, isAsk,
                    type, timeInForce, reduceOnly, triggerPrice, orderExpiry);
        }
    }

    /** tx_type 15. {@code index} is a client order index (&lt; 2^48) or an order index. */
    record CancelOrder(Header header, int marketIndex, long index) implements LighterTx {
        @Override
        public int txType() {
            return CANCEL_ORDER;
        }

        @Override
        public long[] hashElements(long chainId) {
            return header.prefix(chainId, CANCEL_ORDER, marketIndex, index);
        }
    }

    /** tx_type 16. timeInForce 0 immediate, 1 scheduled, 2 abort scheduled. */
    record CancelAllOrders(Header header, int timeInForce, long time) implements LighterTx {
        @Override
        public int txType() {
            return CANCEL_ALL_ORDERS;
        }

        @Override
        public long[] hashElements(long chainId) {
            return header.prefix(chainId, CANCEL_ALL_ORDERS, timeInForce, time);
        }
    }

    /** tx_type 17. */
    record ModifyOrder(Header header, int marketIndex, long index, long baseAmount, long price, long triggerPrice)
            implements LighterTx {
        @Override
        public int txType() {
            return MODIFY_ORDER;
        }

        @Override
        public long[] hashElements(long chainId) {
            return header.prefix(chainId, MODIFY_ORDER, marketIndex, index, baseAmount, price, triggerPrice);
        }
    }

    /** tx_type 20. initialMarginFraction in 1/10000 (leverage = 10000 / IMF); marginMode 0 cross, 1 isolated. */
    record UpdateLeverage(Header header, int marketIndex, int initialMarginFraction, int marginMode)
            implements LighterTx {
        @Override
        public int txType() {
            return UPDATE_LEVERAGE;
        }

        @Override
        public long[] hashElements(long chainId) {
            return header.prefix(chainId, UPDATE_LEVERAGE, marketIndex, initialMarginFraction, marginMode);
        }
    }

    /** tx_type 29. usdcAmount in micro-USDC; direction 0 remove, 1 add. */
    record UpdateMargin(Header header, int marketIndex, long usdcAmount, int direction) implements LighterTx {
        @Override
        public int txType() {
            return UPDATE_MARGIN;
        }

        @Override
        public long[] hashElements(long chainId) {
            // The signer splits the amount into two 32-bit limbs.
            return header.prefix(chainId, UPDATE_MARGIN, marketIndex, usdcAmount & 0xFFFFFFFFL, usdcAmount >> 32,
                    direction);
        }
    }
}
