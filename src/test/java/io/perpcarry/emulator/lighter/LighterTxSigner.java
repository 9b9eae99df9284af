package io.perpcarry.emulator.lighter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.crypto.lighter.LighterPrivateKey;
import io.perpcarry.crypto.lighter.Schnorr;
import java.util.Base64;

/** Test-side signer: the tx_info JSON the official signer would send for a tx, signed with {@code key}. */
final class LighterTxSigner {
    private LighterTxSigner() {
    }

    static String txInfo(LighterTx tx, LighterPrivateKey key, long chainId) {
        ObjectNode o = LighterJson.object();
        LighterTx.Header h = tx.header();
        o.put("AccountIndex", h.accountIndex()).put("ApiKeyIndex", h.apiKeyIndex());
        if (tx instanceof LighterTx.CreateOrder c) {
            o.put("MarketIndex", c.marketIndex()).put("ClientOrderIndex", c.clientOrderIndex())
                    .put("BaseAmount", c.baseAmount()).put("Price", c.price()).put("IsAsk", c.isAsk())
                    .put("Type", c.type()).put("TimeInForce", c.timeInForce()).put("ReduceOnly", c.reduceOnly())
                    .put("TriggerPrice", c.triggerPrice()).put("OrderExpiry", c.orderExpiry());
        } else if (tx instanceof LighterTx.CancelOrder c) {
            o.put("MarketIndex", c.marketIndex()).put("Index", c.index());
        } else if (tx instanceof LighterTx.CancelAllOrders c) {
            o.put("TimeInForce", c.timeInForce()).put("Time", c.time());
        } else if (tx instanceof LighterTx.ModifyOrder m) {
            o.put("MarketIndex", m.marketIndex()).put("Index", m.index()).put("BaseAmount", m.baseAmount())
                    .put("Price", m.price()).put("TriggerPrice", m.triggerPrice());
        } else if (tx instanceof LighterTx.UpdateLeverage u) {
            o.put("MarketIndex", u.marketIndex()).put("InitialMarginFraction", u.initialMarginFraction())
                    .put("MarginMode", u.marginMode());
        } else {
            throw new IllegalArgumentException("unsupported in the test signer: " + tx);
        }
        o.put("ExpiredAt", h.expiredAt()).put("Nonce", h.nonce());
        o.put("Sig", Base64.getEncoder().encodeToString(Schnorr.sign(key, LighterTxHasher.hash(tx, chainId))));
        if (h.attributes().values().isEmpty()) {
            o.putNull("L2TxAttributes");
        } else {
            ObjectNode a = o.putObject("L2TxAttributes");
            h.attributes().values().forEach((k, v) -> a.put(Integer.toString(k), v));
        }
        return o.toString();
    }
}
