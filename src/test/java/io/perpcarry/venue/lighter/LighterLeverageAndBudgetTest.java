package io.perpcarry.venue.lighter;

import static io.perpcarry.venue.lighter.LighterConnectorTest.KEY_HEX;
import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.config.LighterCredentials;
import io.perpcarry.config.Secret;
import io.perpcarry.config.VenueEndpoints;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.http.RateLimits;
import java.util.Optional;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * UpdateLeverage goes out only when the venue's value differs (Standard accounts may send it once a minute),
 * and every connector of a venue in the process spends the one shared request budget.
 */
class LighterLeverageAndBudgetTest {
    private LighterEmulatorHarness emu;
    private DefaultCamelContext camel;
    private LighterConnector lighter;

    @BeforeEach
    void setUp() {
        emu = new LighterEmulatorHarness(KEY_HEX);
        camel = new DefaultCamelContext();
        camel.start();
        lighter = connector();
    }

    private LighterConnector connector() {
        return new LighterConnector(camel, new VenueEndpoints<>(emu.baseUrl(), emu.wsUrl(), Optional.of(
                new LighterCredentials(Secret.of(KEY_HEX), LighterEmulatorHarness.ACCOUNT, LighterEmulatorHarness.API_KEY))),
                304, emu.clock, LighterConnectorTest.FAST);
    }

    @AfterEach
    void tearDown() {
        lighter.close();
        camel.stop();
        emu.close();
    }

    private long sendTxCount() {
        return emu.requests.list().stream().filter(r -> r.path().endsWith("/sendTx")).count();
    }

    @Test
    void leverageIsSentOnlyWhenItDiffers() {
        lighter.setLeverage("BTC", 5);
        assertThat(sendTxCount()).isEqualTo(1);
        lighter.setLeverage("BTC", 5); // the account's BTC row now says "20.00" (5x): nothing to send
        assertThat(sendTxCount()).isEqualTo(1);
        lighter.setLeverage("BTC", 4);
        assertThat(sendTxCount()).isEqualTo(2);
    }

    @Test
    void connectorsOfOneVenueShareOneLimiter() {
        try (LighterConnector other = connector()) {
            assertThat(lighter.rateLimiter()).isSameAs(other.rateLimiter()).isSameAs(RateLimits.of(Venue.LIGHTER));
            long before = RateLimits.of(Venue.LIGHTER).requests();
            lighter.fundingQuotes();
            other.fundingQuotes();
            assertThat(RateLimits.of(Venue.LIGHTER).requests()).isEqualTo(before + 2);
        }
    }
}
