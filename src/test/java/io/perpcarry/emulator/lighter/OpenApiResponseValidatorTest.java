package io.perpcarry.emulator.lighter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The validator itself: it must catch a wrong type, a missing key, a bad enum and a nested violation. */
class OpenApiResponseValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void catchesTypeKeyEnumAndNestedErrors() throws Exception {
        assertThat(OpenApiResponseValidator.errors("NextNonce", JSON.readTree("{\"code\":200,\"nonce\":5}"))).isEmpty();
        assertThat(OpenApiResponseValidator.errors("NextNonce", JSON.readTree("{\"code\":200,\"nonce\":\"5\"}")))
                .isNotEmpty();
        assertThat(OpenApiResponseValidator.errors("NextNonce", JSON.readTree("{\"code\":200}"))).isNotEmpty();
        assertThat(OpenApiResponseValidator.errors("FundingRates", JSON.readTree(
                "{\"code\":200,\"funding_rates\":[{\"market_id\":1,\"exchange\":\"lighter\",\"symbol\":\"BTC\",\"rate\":0.0001}]}")))
                .isEmpty();
        assertThat(OpenApiResponseValidator.errors("FundingRates", JSON.readTree(
                "{\"code\":200,\"funding_rates\":[{\"market_id\":1,\"exchange\":\"okx\",\"symbol\":\"BTC\",\"rate\":0.0001}]}")))
                .isNotEmpty();
        assertThat(OpenApiResponseValidator.definitionFor("GET", "/api/v1/orderBooks", 200)).isEqualTo("OrderBooks");
        assertThat(OpenApiResponseValidator.definitionFor("POST", "/api/v1/sendTx", 400)).isEqualTo("ResultCode");
    }
}
