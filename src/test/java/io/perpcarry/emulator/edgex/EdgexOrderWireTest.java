package io.perpcarry.emulator.edgex;

import static io.perpcarry.emulator.edgex.EdgexTestVenue.BTC;
import static io.perpcarry.emulator.edgex.EdgexTestVenue.OTHER_KEY;
import static io.perpcarry.emulator.edgex.EdgexTestVenue.OWN_ACCOUNT;
import static io.perpcarry.emulator.edgex.EdgexTestVenue.OWN_CREDS;
import static io.perpcarry.emulator.edgex.EdgexTestVenue.OWN_KEY;
import static io.perpcarry.emulator.edgex.EdgexTestVenue.VEC_ACCOUNT;
import static io.perpcarry.emulator.edgex.EdgexTestVenue.VEC_CREDS;
import static io.perpcarry.emulator.edgex.EdgexTestVenue.q;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.perpcarry.crypto.edgex.EdgexContractSpec;
import io.perpcarry.crypto.edgex.EdgexOrderSigner;
import io.perpcarry.crypto.edgex.L2OrderFieldDerivation;
import io.perpcarry.crypto.edgex.L2OrderFields;
import io.perpcarry.crypto.edgex.OrderSide;
import io.perpcarry.crypto.edgex.SignedEdgexOrder;
import io.perpcarry.testing.VectorFiles;

/** createOrder and the order/account endpoints over loopback (edgex.md §4). */
class EdgexOrderWireTest {
    private EdgexTestVenue venue;

    @BeforeEach
    void start() {
        venue = new EdgexTestVenue();
    }

    @AfterEach
    void stop() {
        venue.close();
    }

    private String place(OrderSide side, String size, String price, String clientOrderId) {
        EdgexTestVenue.Reply r = venue.createOrder(OWN_CREDS,
                venue.limitOrder(OWN_KEY, OWN_ACCOUNT, BTC, side, size, price, clientOrderId));
        EdgexPublicWireTest.assertEnvelope(r);
        return r.data().get("orderId").asText();
    }

    private JsonNode btcPosition() {
        JsonNode asset = venue.accountAsset(OWN_ACCOUNT, OWN_CREDS);
        for (JsonNode p : asset.get("positionList")) {
            if (p.get("contractId").asText().equals("30000001")) {
                return p;
            }
        }
        throw new AssertionError("no BTC position in " + asset);
    }

    @Test
    void buySignedByTheTradingKeyFillsAndShowsAsALong() {
        String orderId = place(OrderSide.BUY, "0.01", "100100", "c-1");
        JsonNode p = btcPosition();
        assertThat(p.get("openSize").asText()).isEqualTo("0.01");
        assertThat(new BigDecimal(p.get("openValue").asText())).isPositive();

        JsonNode asset = venue.accountAsset(OWN_ACCOUNT, OWN_CREDS);
        JsonNode pa = asset.get("positionAssetList").get(0);
        assertThat(pa.get("contractId").asText()).isEqualTo("30000001");
        assertThat(pa.has("unrealizePnl") && pa.has("liquidatePrice") && pa.has("avgEntryPrice")).isTrue();
        JsonNode coll = asset.get("collateralAssetModelList").get(0);
        BigDecimal equity = new BigDecimal(coll.get("totalEquity").asText());
        BigDecimal amount = new BigDecimal(asset.at("/collateralList/0/amount").asText());
        BigDecimal value = new BigDecimal(pa.get("positionValue").asText());
        assertThat(amount.add(value)).isEqualByComparingTo(equity);
        assertThat(new BigDecimal(coll.get("availableAmount").asText())).isLessThan(equity);

        JsonNode order = venue.privateGet(OWN_CREDS, "/api/v2/private/order/getOrderById",
                q("accountId", "20", "orderIdList", orderId)).data().get(0);
        assertThat(order.get("status").asText()).isEqualTo("FILLED");
        assertThat(order.get("clientOrderId").asText()).isEqualTo("c-1");
        assertThat(order.get("cumFillSize").asText()).isEqualTo("0.01");
        assertThat(order.at("/l2Signature/r").asText()).startsWith("0x").hasSize(66);
        assertThat(order.get("l2Nonce").asText()).isEqualTo(Long.toString(L2OrderFieldDerivation.l2Nonce("c-1")));

        JsonNode fills = venue.privateGet(OWN_CREDS, "/api/v2/private/order/getHistoryOrderFillTransactionPage",
                q("accountId", "20")).data().get("dataList");
        assertThat(fills).hasSize(1);
        assertThat(fills.get(0).get("orderId").asText()).isEqualTo(orderId);
        assertThat(fills.get(0).get("fillSize").asText()).isEqualTo("0.01");

        JsonNode tx = venue.privateGet(OWN_CREDS, "/api/v2/private/account/getPositionTransactionPage",
                q("accountId", "20", "filterTypeList", "BUY_POSITION")).data().get("dataList");
        assertThat(tx).hasSize(1);
        assertThat(tx.get(0).get("deltaOpenSize").asText()).isEqualTo("0.01");
    }

    /** The SDK's MARKET BUY: price "0", the L2 value computed at 10 × the oracle price as the worst price. */
    @Test
    void marketOrderAsTheSdkBuildsIt() {
        SignedEdgexOrder s = EdgexOrderSigner.fromHex(OWN_KEY).sign(new io.perpcarry.crypto.edgex.EdgexOrderRequest(
                EdgexTestVenue.DOMAIN, BTC, OWN_ACCOUNT, OrderSide.BUY, new BigDecimal("0.01"), new BigDecimal("1000000"),
                "m-1", venue.expireTimeMs()));
        EdgexTestVenue.Reply r = venue.createOrder(OWN_CREDS, EdgexTestVenue.sdkBody(s, BTC, "MARKET", "0", "IMMEDIATE_OR_CANCEL"));
        assertThat(r.code()).as(r.text()).isEqualTo("SUCCESS");
        assertThat(btcPosition().get("openSize").asText()).isEqualTo("0.01");
        JsonNode o = venue.privateGet(OWN_CREDS, "/api/v2/private/order/getOrderByClientOrderId",
                q("accountId", "20", "clientOrderIdList", "m-1")).data().get(0);
        assertThat(o.get("type").asText()).isEqualTo("MARKET");
        assertThat(o.get("price").asText()).isEqualTo("0");
        assertThat(o.get("status").asText()).isEqualTo("FILLED");
    }

    @Test
    void sellBeyondTheLongShowsANegativeOpenSize() {
        place(OrderSide.BUY, "0.01", "100100", "c-1");
        place(OrderSide.SELL, "0.03", "99900", "c-2");
        assertThat(btcPosition().get("openSize").asText()).isEqualTo("-0.02");
        assertThat(new BigDecimal(btcPosition().get("openValue").asText())).isNegative();
    }

    /** orders[0] of the vectors, sent exactly as signed, by its registered account. */
    @Test
    void vectorOrderIsAccepted() throws Exception {
        JsonNode v = EdgexJson.MAPPER.readTree(VectorFiles.matching("edgex-").get(0).toFile()).get("orders").get(0);
        JsonNode in = v.get("input");
        JsonNode ex = v.get("expected");
        assertThat(in.get("accountId").asLong()).isEqualTo(VEC_ACCOUNT);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountId", in.get("accountId").asText());
        body.put("contractId", in.get("contractId").asText());
        body.put("price", in.get("l2Price").asText());
        body.put("size", in.get("size").asText());
        body.put("type", "LIMIT");
        body.put("timeInForce", "GOOD_TIL_CANCEL");
        body.put("side", in.get("side").asText());
        body.put("reduceOnly", false);
        body.put("clientOrderId", in.get("clientOrderId").asText());
        body.put("expireTime", in.get("expireTime").asText());
        for (String k : List.of("l2Nonce", "l2Value", "l2LimitFee", "l2ExpireTime", "l2Signature")) {
            body.put(k, ex.get(k).asText());
        }
        body.put("l2Size", in.get("size").asText());
        EdgexTestVenue.Reply r = venue.createOrder(VEC_CREDS, body);
        assertThat(r.code()).as(r.text()).isEqualTo("SUCCESS");
        JsonNode active = venue.privateGet(VEC_CREDS, "/api/v2/private/order/getActiveOrderPage",
                q("accountId", Long.toString(VEC_ACCOUNT))).data().get("dataList");
        assertThat(active).hasSize(1);
        assertThat(active.get(0).get("l2Value").asText()).isEqualTo("0.61725");
        assertThat(active.get(0).get("side").asText()).isEqualTo("BUY");
    }

    @Test
    void orderSignedByAnotherKeyIsRefused() {
        EdgexTestVenue.Reply r = venue.createOrder(OWN_CREDS,
                venue.limitOrder(OTHER_KEY, OWN_ACCOUNT, BTC, OrderSide.BUY, "0.01", "100100", "c-x"));
        EdgexPublicWireTest.assertEnvelope(r);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.code()).isEqualTo("INVALID_L2_SIGNATURE");
        assertThat(venue.accountAsset(OWN_ACCOUNT, OWN_CREDS).get("positionList")).isEmpty();
    }

    @Test
    void l2FieldsThatDisagreeWithTheOrderAreRefusedEvenWhenValidlySigned() {
        EdgexOrderSigner signer = EdgexOrderSigner.fromHex(OWN_KEY);
        long expire = venue.expireTimeMs();
        // l2Value for price 100000 while the order says 100100: the signature is fine, the fields are not.
        L2OrderFields f = L2OrderFieldDerivation.fromWire(EdgexTestVenue.DOMAIN, BTC, signer.address(), OWN_ACCOUNT,
                OrderSide.BUY, "c-3", L2OrderFieldDerivation.l2Nonce("c-3"), new BigDecimal("0.01"),
                new BigDecimal("1000.00"), new BigDecimal("1"), expire, expire + L2OrderFieldDerivation.L2_EXPIRE_OFFSET_MILLIS);
        SignedEdgexOrder s = signer.sign(f);
        EdgexTestVenue.Reply r = venue.createOrder(OWN_CREDS, EdgexTestVenue.sdkBody(s, BTC, "LIMIT", "100100", "GOOD_TIL_CANCEL"));
        assertThat(r.code()).as(r.text()).isEqualTo("INVALID_L2_FIELD");
        assertThat(r.json().get("msg").asText()).contains("l2Value");

        Map<String, Object> sizeMismatch = venue.limitOrder(OWN_KEY, OWN_ACCOUNT, BTC, OrderSide.BUY, "0.01", "100100", "c-4");
        sizeMismatch.put("size", "0.02");
        assertThat(venue.createOrder(OWN_CREDS, sizeMismatch).code()).isEqualTo("INVALID_L2_FIELD");

        Map<String, Object> nonce = venue.limitOrder(OWN_KEY, OWN_ACCOUNT, BTC, OrderSide.BUY, "0.01", "100100", "c-5");
        nonce.put("clientOrderId", "c-6");
        assertThat(venue.createOrder(OWN_CREDS, nonce).code()).isEqualTo("INVALID_L2_FIELD");
    }

    @Test
    void limitFeeBelowTheFeeIsRefused() {
        EdgexOrderSigner signer = EdgexOrderSigner.fromHex(OWN_KEY);
        long expire = venue.expireTimeMs();
        EdgexContractSpec zeroFee = EdgexContractSpec.of("30000001", "1000", "0x2540be400", "1000000", "0", "0");
        L2OrderFields f = L2OrderFieldDerivation.fromWire(EdgexTestVenue.DOMAIN, zeroFee, signer.address(), OWN_ACCOUNT,
                OrderSide.BUY, "c-7", L2OrderFieldDerivation.l2Nonce("c-7"), new BigDecimal("0.01"),
                new BigDecimal("1001.00"), BigDecimal.ZERO, expire, expire + L2OrderFieldDerivation.L2_EXPIRE_OFFSET_MILLIS);
        EdgexTestVenue.Reply r = venue.createOrder(OWN_CREDS,
                EdgexTestVenue.sdkBody(signer.sign(f), BTC, "LIMIT", "100100", "GOOD_TIL_CANCEL"));
        assertThat(r.code()).isEqualTo("INVALID_L2_FIELD");
        assertThat(r.json().get("msg").asText()).contains("l2LimitFee");
    }

    @Test
    void priceFarFromTheOracleIsRefused() {
        EdgexTestVenue.Reply r = venue.createOrder(OWN_CREDS,
                venue.limitOrder(OWN_KEY, OWN_ACCOUNT, BTC, OrderSide.BUY, "0.01", "105100", "c-8"));
        assertThat(r.code()).isEqualTo("ORDER_PRICE_OUT_OF_RANGE");
        assertThat(r.json().at("/errorParam/oraclePrice").asText()).isEqualTo("100000");
        EdgexTestVenue.Reply offTick = venue.createOrder(OWN_CREDS,
                venue.limitOrder(OWN_KEY, OWN_ACCOUNT, BTC, OrderSide.BUY, "0.01", "100000.05", "c-9"));
        assertThat(offTick.code()).isEqualTo("INVALID_ORDER_PRICE");
    }

    @Test
    void restingOrdersAreListedAndCanceledByIdClientIdAndAll() {
        String a = place(OrderSide.BUY, "0.01", "99000", "r-1");
        place(OrderSide.BUY, "0.01", "99100", "r-2");
        place(OrderSide.BUY, "0.01", "99200", "r-3");
        JsonNode active = venue.privateGet(OWN_CREDS, "/api/v2/private/order/getActiveOrderPage",
                q("accountId", "20", "size", "2")).data();
        assertThat(active.get("dataList")).hasSize(2);
        assertThat(active.get("nextPageOffsetData").asText()).isEqualTo("2");
        assertThat(active.at("/dataList/0/status").asText()).isEqualTo("OPEN");

        JsonNode byId = venue.privatePost(OWN_CREDS, "/api/v2/private/order/cancelOrderById",
                Map.of("accountId", "20", "orderIdList", List.of(a, "123"))).data();
        assertThat(byId.at("/cancelResultMap/" + a).asText()).isEqualTo("SUCCESS");
        assertThat(byId.at("/cancelResultMap/123").asText()).isEqualTo("FAILED_ORDER_NOT_FOUND");

        JsonNode byClient = venue.privatePost(OWN_CREDS, "/api/v2/private/order/cancelOrderByClientOrderId",
                Map.of("accountId", "20", "clientOrderIdList", List.of("r-2"))).data();
        assertThat(byClient.get("cancelResultMap").elements().next().asText()).isEqualTo("SUCCESS");

        JsonNode all = venue.privatePost(OWN_CREDS, "/api/v2/private/order/cancelAllOrder",
                Map.of("accountId", "20", "filterContractIdList", List.of("30000001"))).data();
        assertThat(all.get("cancelResultMap")).hasSize(1);
        assertThat(venue.privateGet(OWN_CREDS, "/api/v2/private/order/getActiveOrderPage", q("accountId", "20"))
                .data().get("dataList")).isEmpty();
        JsonNode canceled = venue.privateGet(OWN_CREDS, "/api/v2/private/order/getOrderByClientOrderId",
                q("accountId", "20", "clientOrderIdList", "r-1")).data().get(0);
        assertThat(canceled.get("status").asText()).isEqualTo("CANCELED");
        assertThat(canceled.get("cancelReason").asText()).isEqualTo("USER_CANCELED");
    }

    @Test
    void leverageSettingIsAppliedAndShown() {
        JsonNode ok = venue.privatePost(OWN_CREDS, "/api/v2/private/account/updateLeverageSetting",
                Map.of("accountId", "20", "contractId", "30000001", "leverage", "5")).data();
        assertThat(ok.isObject() && ok.isEmpty()).isTrue();
        JsonNode asset = venue.accountAsset(OWN_ACCOUNT, OWN_CREDS);
        assertThat(asset.at("/account/contractIdToTradeSetting/30000001/maxLeverage").asText()).isEqualTo("5");
        place(OrderSide.BUY, "0.01", "100100", "l-1");
        JsonNode pa = venue.accountAsset(OWN_ACCOUNT, OWN_CREDS).get("positionAssetList").get(0);
        assertThat(pa.get("maxLeverage").asText()).isEqualTo("5");
        BigDecimal im = new BigDecimal(pa.get("initialMarginRequirement").asText());
        BigDecimal value = new BigDecimal(pa.get("positionValue").asText());
        assertThat(im).isEqualByComparingTo(value.abs().divide(BigDecimal.valueOf(5)));

        EdgexTestVenue.Reply tooHigh = venue.privatePost(OWN_CREDS, "/api/v2/private/account/updateLeverageSetting",
                Map.of("accountId", "20", "contractId", "30000001", "leverage", "50"));
        assertThat(tooHigh.code()).isEqualTo("INVALID_LEVERAGE");
    }
}
