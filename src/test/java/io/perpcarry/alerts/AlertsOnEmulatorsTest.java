package io.perpcarry.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.app.EmulatedDaemon;
import io.perpcarry.emulator.LocalExchanges;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon on both emulators with alerts configured through the environment: Telegram answers, the webhook hangs.
 * The hedge still opens and is held, and the open alert reaches Telegram although the webhook never answers.
 */
class AlertsOnEmulatorsTest {
    static final String CONFIG = """
            {"symbols_to_monitor": ["HYPE"], "hold_duration_hours": 8, "min_volume_usd": 0}
            """;

    @TempDir
    Path data;

    @Test
    void aHangingWebhookDoesNotKeepTheDaemonFromOpeningAndTelegramHearsOfIt() throws Exception {
        try (FakeHttp telegram = FakeHttp.telegram(); FakeHttp hook = FakeHttp.hanging();
             LocalExchanges ex = EmulatedDaemon.exchanges(EmulatedDaemon.FLAT_HYPE, 7L, 600);
             EmulatedDaemon daemon = new EmulatedDaemon(ex, CONFIG, data)
                     .apiEnv(AlertSettings.TELEGRAM_TOKEN_VAR, AlertRoutesTest.TOKEN)
                     .apiEnv(AlertSettings.TELEGRAM_CHAT_VAR, AlertRoutesTest.CHAT)
                     .apiEnv(AlertSettings.WEBHOOK_VAR, hook.base() + "/hook/" + AlertRoutesTest.HOOK_TOKEN)
                     .override("perpcarry.alerts.telegram-base-uri", telegram.base())
                     .override("perpcarry.alerts.timeout-ms", "2000").override("perpcarry.alerts.retries", "0")) {
            daemon.start();
            daemon.awaitHolding(Duration.ofSeconds(90));
            EmulatedDaemon.awaitTrue(Duration.ofSeconds(30), "the open alert on Telegram", () -> telegram.requests.stream()
                    .anyMatch(r -> r.body().contains("OPENED") && r.body().contains("HYPE")));
            // The webhook has its own queue: its first request may trail Telegram's by a moment on a loaded machine.
            assertThat(hook.firstRequest.await(30, TimeUnit.SECONDS)).as("the webhook got alerts and answered none")
                    .isTrue();
            assertThat(telegram.requests.get(0).path()).isEqualTo("/bot" + AlertRoutesTest.TOKEN + "/sendMessage");
            assertThat(daemon.journalText()).doesNotContain(AlertRoutesTest.TOKEN).doesNotContain(AlertRoutesTest.HOOK_TOKEN);
        }
    }
}
