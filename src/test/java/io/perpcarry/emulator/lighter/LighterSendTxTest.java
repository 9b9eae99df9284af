package io.perpcarry.emulator.lighter;

import static io.perpcarry.crypto.lighter.LighterConstants.ORDER_TYPE_MARKET;
import static io.perpcarry.crypto.lighter.LighterConstants.TIF_IMMEDIATE_OR_CANCEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.crypto.lighter.CancelAllOrdersTx;
import io.perpcarry.crypto.lighter.CreateOrderTx;
import io.perpcarry.crypto.lighter.L2TxAttributes;
import io.perpcarry.crypto.lighter.LighterTxContext;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** sendTx over loopback HTTP with the official signer's vector tx and our own signed txs. */
class LighterSendTxTest {
    private static final L2TxAttributes NONE = L2TxAttributes.none();
    private LighterTestVenue venue;
    private JsonNode vector;

    @BeforeEach
    void start() throws Exception {
        vector = LighterTxInfoParserTest.vectorTxs().get(0);
        assertThat(vector.get("kind").asText()).isEqualTo("createOrder");
        assertThat(vector.get("chainId").asLong()).isEqualTo(304);
        long nonce = LighterTestVenue.JSON.readTree(vector.get("txInfo").asText()).get("Nonce").asLong();
        venue = new LighterTestVenue(nonce);
    }

    @AfterEach
    void stop() {
        venue.close();
    }

    private LighterTestVenue.Answer sendVector(String txInfo) throws Exception {
        return venue.post("/api/v1/sendTx", Map.of("tx_type", "14", "tx_info", txInfo));
    }

    @Test
    void officialVectorIsAcceptedOnceThenItsNonceIsStale() throws Exception {
        long nonce = venue.nextNonce(LighterTestVenue.VECTOR_ACCOUNT, LighterTestVenue.VECTOR_KEY);
        LighterTestVenue.Answer a = sendVector(vector.get("txInfo").asText());
        assertThat(a.status()).as(a.raw()).isEqualTo(200);
        assertThat(a.body().get("code").asInt()).isEqualTo(200);
        assertThat(a.body().get("tx_hash").asText()).isEqualTo(vector.get("txHash").asText());
        assertThat(venue.nextNonce(LighterTestVenue.VECTOR_ACCOUNT, LighterTestVenue.VECTOR_KEY)).isEqualTo(nonce + 1);

        LighterTestVenue.Answer again = sendVector(vector.get("txInfo").asText());
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body().get("message").asText()).contains("invalid nonce");
    }

    @Test
    void vectorAlteredAfterSigningIsRefused() throws Exception {
        ObjectNode info = (ObjectNode) LighterTestVenue.JSON.readTree(vector.get("txInfo").asText());
        info.put("Price", info.get("Price").asLong() + 1);
        LighterTestVenue.Answer a = sendVector(info.toString());
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().get("code").asInt()).isEqualTo(LighterErrors.INVALID_SIGNATURE);
        assertThat(a.body().get("message").asText()).contains("invalid signature");
        // refused txs do not consume the nonce
        assertThat(venue.nextNonce(LighterTestVenue.VECTOR_ACCOUNT, LighterTestVenue.VECTOR_KEY))
                .isEqualTo(info.get("Nonce").asLong());
    }

    @Test
    void wrongNonceIsRefusedWithInvalidNonceAndSkipNonceIsHonoured() throws Exception {
        long next = venue.nextNonce(LighterTestVenue.ACCOUNT, LighterTestVenue.KEY);
        CancelAllOrdersTx stale = new CancelAllOrdersTx(venue.context(next + 5), 0, 0, NONE);
        LighterTestVenue.Answer a = venue.sendTx(stale, venue.key);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().get("message").asText()).contains("invalid nonce");

        CancelAllOrdersTx skip = new CancelAllOrdersTx(venue.context(next + 5), 0, 0,
                NONE.withSkipNonce());
        LighterTestVenue.Answer b = venue.sendTx(skip, venue.key);
        assertThat(b.status()).as(b.raw()).isEqualTo(200);
        assertThat(venue.nextNonce(LighterTestVenue.ACCOUNT, LighterTestVenue.KEY)).isEqualTo(next);
    }

    @Test
    void unknownApiKeyIsRefused() throws Exception {
        LighterTxContext h = venue.context(0);
        LighterTxContext other = new LighterTxContext(h.chainId(), h.accountIndex(), 9, 0, h.expiredAt());
        LighterTestVenue.Answer a = venue.sendTx(new CancelAllOrdersTx(other, 0, 0, NONE), venue.key);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().get("code").asInt()).isEqualTo(LighterErrors.API_KEY_NOT_FOUND);
    }

    @Test
    void expiredTxIsRefused() throws Exception {
        long next = venue.nextNonce(LighterTestVenue.ACCOUNT, LighterTestVenue.KEY);
        LighterTxContext h = venue.context(next);
        LighterTxContext expired = new LighterTxContext(h.chainId(), h.accountIndex(), h.apiKeyIndex(), next,
                venue.clock.millis() - 1);
        LighterTestVenue.Answer a = venue.sendTx(new CancelAllOrdersTx(expired, 0, 0, NONE), venue.key);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().get("message").asText()).contains("expired");
    }

    @Test
    void signerValidationAndMalformedFormsAreRefused() throws Exception {
        long next = venue.nextNonce(LighterTestVenue.ACCOUNT, LighterTestVenue.KEY);
        // a market order with an expiry breaks the signer's rules (our signer refuses to produce it, so the
        // expiry is set in the signed tx_info: validation comes before the signature check)
        CreateOrderTx market = new CreateOrderTx(venue.context(next), 1, 5, 100, 9_500_000, 0,
                ORDER_TYPE_MARKET, TIF_IMMEDIATE_OR_CANCEL, 0, 0, 0, NONE);
        ObjectNode bad = (ObjectNode) LighterTestVenue.JSON.readTree(LighterTestVenue.txInfo(market, venue.key));
        bad.put("OrderExpiry", 1);
        LighterTestVenue.Answer a = venue.post("/api/v1/sendTx", Map.of("tx_type", "14", "tx_info", bad.toString()));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().get("code").asInt()).isEqualTo(LighterErrors.INVALID_EXPIRY);

        LighterTestVenue.Answer noInfo = venue.post("/api/v1/sendTx", Map.of("tx_type", "14"));
        assertThat(noInfo.status()).isEqualTo(400);
        LighterTestVenue.Answer junk = venue.post("/api/v1/sendTx", Map.of("tx_type", "14", "tx_info", "{nope"));
        assertThat(junk.body().get("code").asInt()).isEqualTo(LighterErrors.INVALID_TX_INFO);
        LighterTestVenue.Answer type = venue.post("/api/v1/sendTx", Map.of("tx_type", "12", "tx_info", "{}"));
        assertThat(type.body().get("code").asInt()).isEqualTo(LighterErrors.UNSUPPORTED_TX_TYPE);
    }

    @Test
    void batchReturnsOneHashPerTx() throws Exception {
        long n = venue.nextNonce(LighterTestVenue.ACCOUNT, LighterTestVenue.KEY);
        String a = LighterTestVenue.txInfo(new CancelAllOrdersTx(venue.context(n), 0, 0, NONE), venue.key);
        String b = LighterTestVenue.txInfo(new CancelAllOrdersTx(venue.context(n + 1), 0, 0, NONE), venue.key);
        String infos = LighterTestVenue.JSON.writeValueAsString(java.util.List.of(a, b));
        LighterTestVenue.Answer r = venue.post("/api/v1/sendTxBatch", Map.of("tx_types", "[16,16]", "tx_infos", infos));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("tx_hash")).hasSize(2);
        assertThat(venue.nextNonce(LighterTestVenue.ACCOUNT, LighterTestVenue.KEY)).isEqualTo(n + 2);
    }
}
