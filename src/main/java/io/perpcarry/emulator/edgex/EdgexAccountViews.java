package io.perpcarry.emulator.edgex;

import static io.perpcarry.emulator.edgex.EdgexJson.dec;
import static io.perpcarry.emulator.edgex.EdgexMarketViews.ms;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.perpcarry.emulator.engine.AccountSnapshot;
import io.perpcarry.emulator.engine.Fill;
import io.perpcarry.emulator.engine.FundingPayment;
import io.perpcarry.emulator.engine.Position;

/**
 * Account objects in the venue's shapes (edgex.md §4.1-4.2). EdgeX books the purchase cost of a
 * position against cash, so {@code collateral.amount = equity − Σ positionValue} and
 * {@code totalEquity = amount + Σ positionValue}; {@code openSize} and {@code openValue} are signed.
 */
final class EdgexAccountViews {
    private static final String QUOTE = Long.toString(EdgexContract.QUOTE_COIN_ID);
    /**
     * Position-transaction ids must be int64 text; fills keep their trade id and funding payments
     * are moved into a disjoint range above this offset.
     */
    static final long FUNDING_TRANSACTION_ID_OFFSET = 4_000_000_000_000_000_000L;

    private EdgexAccountViews() {
    }

    static ObjectNode accountAsset(EdgexAccount acct, AccountSnapshot s, EdgexContracts contracts,
                                   Map<Long, Integer> leverageByContract) {
        ObjectNode data = EdgexJson.object();
        data.set("account", account(acct, s, contracts, leverageByContract));
        data.putArray("collateralList").add(collateral(acct, s));
        ArrayNode positions = data.putArray("positionList");
        ArrayNode assets = data.putArray("positionAssetList");
        for (Position p : s.positions()) {
            EdgexContract c = contracts.bySymbol(p.symbol());
            positions.add(position(acct, c, p, s));
            assets.add(positionAsset(acct, c, p));
        }
        data.put("version", ms(s.time()));
        data.putArray("collateralAssetModelList").add(collateralAsset(acct, s));
        data.putArray("oraclePriceList");
        return data;
    }

    static ObjectNode account(EdgexAccount a, AccountSnapshot s, EdgexContracts contracts,
                              Map<Long, Integer> leverageByContract) {
        ObjectNode n = EdgexJson.object();
        n.put("id", a.id());
        n.put("userId", a.id());
        n.put("ethAddress", a.tradingAddress().toString().toLowerCase());
        n.put("l2Key", a.tradingAddress().toString().toLowerCase());
        n.put("l2KeyYCoordinate", "");
        n.put("accountName", "main"); // live getAccountAsset capture (captures/edgex, 2026-03): "main"
        n.put("clientAccountId", "");
        n.put("isSystemAccount", false);
        n.set("defaultTradeSetting", tradeSetting(null, null));
        ObjectNode perContract = n.putObject("contractIdToTradeSetting");
        for (EdgexContract c : contracts.all()) {
            perContract.set(c.id(), tradeSetting(c, leverageByContract.get(c.contractId())));
        }
        n.put("maxLeverageLimit", "0");
        n.put("createOrderPerMinuteLimit", 0);
        n.put("createOrderDelayMillis", 0);
        n.put("extraType", "");
        n.put("extraDataJson", "");
        n.put("status", "NORMAL");
        n.put("isLiquidating", s.marginRatio().compareTo(BigDecimal.ONE) >= 0);
        n.put("createdTime", "0");
        n.put("updatedTime", ms(s.time()));
        return n;
    }

    private static ObjectNode tradeSetting(EdgexContract c, Integer leverage) {
        ObjectNode t = EdgexJson.object();
        t.put("isSetFeeRate", false);
        t.put("takerFeeRate", c == null ? "" : dec(c.market().takerFee()));
        t.put("makerFeeRate", c == null ? "" : dec(c.market().makerFee()));
        t.put("isSetFeeDiscount", false);
        t.put("takerFeeDiscount", "");
        t.put("makerFeeDiscount", "");
        t.put("isSetMaxLeverage", c != null && leverage != c.market().defaultLeverage());
        t.put("maxLeverage", leverage == null ? "" : leverage.toString());
        return t;
    }

    static ObjectNode collateral(EdgexAccount a, AccountSnapshot s) {
        ObjectNode n = EdgexJson.object();
        n.put("userId", a.id());
        n.put("accountId", a.id());
        n.put("coinId", QUOTE);
        n.put("amount", dec(cashAmount(s)));
        n.put("legacyAmount", "0");
        BigDecimal funding = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (Position p : s.positions()) {
            funding = funding.add(p.fundingNet());
            fees = fees.add(p.feesPaid());
        }
        for (String k : new String[] {"cumDepositAmount", "cumWithdrawAmount", "cumTransferInAmount",
                "cumTransferOutAmount", "cumPositionBuyAmount", "cumPositionSellAmount", "cumFillFeeIncomeAmount"}) {
            n.put(k, "0");
        }
        n.put("cumFillFeeAmount", dec(fees.negate()));
        n.put("cumFundingFeeAmount", dec(funding));
        // Keys of the live getAccountAsset capture (a flat account: all three equal amount, locked 0); how the venue
        // splits them with positions open is not recorded: total = cash, available = free margin, locked = order margin.
        n.put("totalAmount", dec(cashAmount(s)));
        n.put("availableAmount", dec(s.availableBalance()));
        n.put("lockedAmount", dec(s.orderMargin()));
        n.put("createdTime", "0");
        n.put("updatedTime", ms(s.time()));
        return n;
    }

    /** Cash with the cost of open positions debited: equity − Σ signed position value. */
    static BigDecimal cashAmount(AccountSnapshot s) {
        BigDecimal value = BigDecimal.ZERO;
        for (Position p : s.positions()) {
            value = value.add(p.positionValue());
        }
        return s.equity().subtract(value);
    }

    static ObjectNode position(EdgexAccount a, EdgexContract c, Position p, AccountSnapshot s) {
        ObjectNode n = EdgexJson.object();
        n.put("userId", a.id());
        n.put("accountId", a.id());
        n.put("coinId", QUOTE);
        n.put("contractId", c.id());
        n.put("size", dec(p.size())); // live getAccountAsset capture: size next to openSize
        n.put("openSize", dec(p.size()));
        n.put("openValue", dec(openValue(p)));
        n.put("openFee", dec(p.feesPaid().negate()));
        n.put("fundingFee", dec(p.fundingNet()));
        // Term statistics are not tracked by the engine; the keys are present with zero values.
        n.put("longTermCount", 0);
        n.set("longTermStat", termStat());
        n.put("longTermCreatedTime", "0");
        n.put("longTermUpdatedTime", "0");
        n.put("shortTermCount", 0);
        n.set("shortTermStat", termStat());
        n.put("shortTermCreatedTime", "0");
        n.put("shortTermUpdatedTime", "0");
        n.set("longTotalStat", termStat());
        n.set("shortTotalStat", termStat());
        n.put("createdTime", "0");
        n.put("updatedTime", ms(s.time()));
        return n;
    }

    /** Signed entry notional: size × average entry price. */
    static BigDecimal openValue(Position p) {
        return p.size().multiply(p.avgEntryPrice());
    }

    private static ObjectNode termStat() {
        ObjectNode t = EdgexJson.object();
        for (String k : new String[] {"cumOpenSize", "cumOpenValue", "cumOpenFee", "cumCloseSize", "cumCloseValue",
                "cumCloseFee", "cumFundingFee", "cumLiquidateFee"}) {
            t.put(k, "0");
        }
        return t;
    }

    static ObjectNode positionAsset(EdgexAccount a, EdgexContract c, Position p) {
        ObjectNode n = EdgexJson.object();
        n.put("userId", a.id());
        n.put("accountId", a.id());
        n.put("coinId", QUOTE);
        n.put("contractId", c.id());
        n.put("positionValue", dec(p.positionValue()));
        n.put("maxLeverage", Integer.toString(p.leverage()));
        n.put("initialMarginRequirement", dec(p.initialMargin()));
        // V2 names (getAccountAsset doc example notes: starkExRiskRate/starkExRiskValue renamed riskRate/riskValue)
        n.put("riskRate", dec(c.market().maintenanceMarginFraction()));
        n.put("riskValue", dec(p.maintenanceMargin()));
        n.put("avgEntryPrice", dec(p.avgEntryPrice()));
        n.put("liquidatePrice", p.liquidationPrice() == null ? "0" : dec(p.liquidationPrice()));
        n.put("bankruptPrice", "0");
        n.put("worstClosePrice", "0");
        n.put("unrealizePnl", dec(p.unrealizedPnl()));
        n.put("termRealizePnl", dec(p.realizedPnl()));
        n.put("totalRealizePnl", dec(p.realizedPnl()));
        return n;
    }

    static ObjectNode collateralAsset(EdgexAccount a, AccountSnapshot s) {
        BigDecimal absValue = BigDecimal.ZERO;
        for (Position p : s.positions()) {
            absValue = absValue.add(p.positionValue().abs());
        }
        ObjectNode n = EdgexJson.object();
        n.put("userId", a.id());
        n.put("accountId", a.id());
        n.put("coinId", QUOTE);
        n.put("totalEquity", dec(s.equity()));
        n.put("totalPositionValueAbs", dec(absValue));
        n.put("initialMarginRequirement", dec(s.initialMargin()));
        n.put("riskValue", dec(s.maintenanceMargin())); // V2 name (doc example notes)
        n.put("pendingWithdrawAmount", "0");
        n.put("pendingTransferOutAmount", "0");
        n.put("orderFrozenAmount", dec(s.orderMargin()));
        n.put("availableAmount", dec(s.availableBalance()));
        return n;
    }

    /** A fill as a position transaction (BUY_POSITION / SELL_POSITION). */
    static ObjectNode fillTransaction(EdgexAccount a, EdgexContract c, Fill f) {
        ObjectNode n = transactionBase(a, c, Long.toString(f.tradeId()), f.side().name() + "_POSITION", f.time().toEpochMilli());
        BigDecimal signed = f.size().multiply(BigDecimal.valueOf(f.side().sign()));
        n.put("deltaOpenSize", dec(signed));
        n.put("deltaOpenValue", dec(signed.multiply(f.price())));
        n.put("deltaOpenFee", dec(f.fee().negate()));
        n.put("deltaFundingFee", "0");
        n.put("fillPrice", dec(f.price()));
        n.put("realizePnl", dec(f.realizedPnl()));
        n.put("isLiquidate", f.liquidation());
        n.put("orderId", Long.toString(f.orderId()));
        n.put("orderFillTransactionId", Long.toString(f.tradeId()));
        return n;
    }

    /** A funding payment as a SETTLE_FUNDING_FEE transaction; {@code deltaFundingFee} < 0 = paid. */
    static ObjectNode fundingTransaction(EdgexAccount a, EdgexContract c, FundingPayment p) {
        ObjectNode n = transactionBase(a, c, Long.toString(FUNDING_TRANSACTION_ID_OFFSET + p.fundingId()), "SETTLE_FUNDING_FEE", p.time().toEpochMilli());
        n.put("deltaOpenSize", "0");
        n.put("deltaOpenValue", "0");
        n.put("deltaOpenFee", "0");
        n.put("deltaFundingFee", dec(p.amount()));
        n.put("fundingTime", ms(p.time()));
        n.put("fundingRate", dec(p.rate()));
        n.put("fundingIndexPrice", dec(p.markPrice()));
        n.put("fundingOraclePrice", dec(p.markPrice()));
        n.put("fundingPositionSize", dec(p.positionSize()));
        return n;
    }

    private static ObjectNode transactionBase(EdgexAccount a, EdgexContract c, String id, String type, long timeMs) {
        ObjectNode n = EdgexJson.object();
        n.put("id", id);
        n.put("userId", a.id());
        n.put("accountId", a.id());
        n.put("coinId", QUOTE);
        n.put("contractId", c.id());
        n.put("type", type);
        for (String k : new String[] {"beforeOpenSize", "beforeOpenValue", "beforeOpenFee", "beforeFundingFee",
                "fillCloseSize", "fillCloseValue", "fillCloseFee", "fillOpenSize", "fillOpenValue", "fillOpenFee",
                "fillPrice", "liquidateFee", "realizePnl", "fundingTime", "fundingRate", "fundingIndexPrice",
                "fundingOraclePrice", "fundingPositionSize", "orderId", "orderFillTransactionId",
                "collateralTransactionId", "forceTradeId", "censorTxId", "censorTime", "l2TxId", "l2RejectTime",
                "l2ApprovedTime"}) {
            n.put(k, "0");
        }
        n.put("isLiquidate", false);
        n.put("isDeleverage", false);
        n.put("extraType", "");
        n.put("extraDataJson", "");
        n.put("censorStatus", "CENSOR_SUCCESS");
        n.put("censorFailCode", "");
        n.put("censorFailReason", "");
        n.put("l2RejectCode", "");
        n.put("l2RejectReason", "");
        n.put("createdTime", Long.toString(timeMs));
        n.put("updatedTime", Long.toString(timeMs));
        return n;
    }
}
