package io.perpcarry.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.config.EnvironmentSource;
import io.perpcarry.config.RuntimeEnvironment;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.venue.AccountState;
import io.perpcarry.venue.OrderRequest;
import io.perpcarry.venue.OrderType;
import io.perpcarry.venue.lighter.LighterConnector;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** What `bin/perpcarry emulator --print-env` prints is enough for the bot to trade against it. */
class LocalExchangesTest {
    @Test
    void printedEnvironmentLetsTheLighterConnectorTrade() throws Exception {
        try (LocalExchanges ex = LocalExchanges.start(LocalExchanges.Options.demo(), Clock.systemUTC());
             DefaultCamelContext camel = new DefaultCamelContext()) {
            Map<String, String> vars = new HashMap<>(ex.environment());
            assertThat(vars).containsKeys("LIGHTER_BASE_URL", "LIGHTER_WS_URL", "LIGHTER_API_KEY_PRIVATE_KEY",
                    "EDGEX_BASE_URL", "EDGEX_WS_URL", "EDGEX_API_SECRET", "EDGEX_TRADING_PRIVATE_KEY");
            assertThat(vars.get("LIGHTER_BASE_URL")).startsWith("http://127.0.0.1:");
            vars.put("PERPCARRY_MODE", "live");
            RuntimeEnvironment env = RuntimeEnvironment.read(new EnvironmentSource(vars, Map.of(), Path.of(".env")));
            camel.start();
            LighterConnector lighter = LighterConnector.fromEnvironment(camel, env, Clock.systemUTC());
            try {
                BigDecimal ask = lighter.orderBook("BTC", 5).bestAsk();
                lighter.placeOrder(new OrderRequest("BTC", OrderSide.BUY, new BigDecimal("0.01"),
                        ask.multiply(new BigDecimal("1.01")).setScale(1, java.math.RoundingMode.UP), OrderType.LIMIT_IOC, false, 7));
                AccountState account = lighter.account();
                assertThat(account.position("BTC")).hasValueSatisfying(p ->
                        assertThat(p.signedSize()).isEqualByComparingTo("0.01"));
            } finally {
                lighter.close();
            }
        }
    }

    @Test
    void demoKeysAreFreshAtEveryStartAndNeverPrinted() {
        String first;
        try (LocalExchanges a = LocalExchanges.start(LocalExchanges.Options.demo(), Clock.systemUTC())) {
            first = a.demoCredentials().lighterPrivateKeyHex();
            assertThat(a.demoCredentials().toString()).doesNotContain(first).doesNotContain(a.demoCredentials().edgexTradingKeyHex());
        }
        try (LocalExchanges b = LocalExchanges.start(LocalExchanges.Options.demo(), Clock.systemUTC())) {
            assertThat(b.demoCredentials().lighterPrivateKeyHex()).isNotEqualTo(first);
        }
    }
}
