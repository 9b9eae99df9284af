package io.perpcarry.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perpcarry.config.ConfigException;
import io.perpcarry.config.EnvironmentSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertGateTest {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    final AlertGate gate = new AlertGate(clock, Duration.ofMinutes(60), 3, Duration.ofHours(1));

    Alert alert(AlertKind kind, String key) {
        return new Alert(kind, key, "text " + key, now);
    }

    @Test
    void theSameKeyPassesOncePerDedupWindow() {
        assertThat(gate.admit(alert(AlertKind.HALT, "halt|venue gone"))).isTrue();
        assertThat(gate.admit(alert(AlertKind.HALT, "halt|venue gone"))).as("duplicate").isFalse();
        assertThat(gate.admit(alert(AlertKind.HALT, "halt|other reason"))).as("another key").isTrue();
        now = now.plus(Duration.ofMinutes(59));
        assertThat(gate.admit(alert(AlertKind.HALT, "halt|venue gone"))).as("still inside the window").isFalse();
        now = now.plus(Duration.ofMinutes(1));
        assertThat(gate.admit(alert(AlertKind.HALT, "halt|venue gone"))).as("window over").isTrue();
    }

    @Test
    void beyondTheRateOnlyUrgentAlertsPass() {
        for (int i = 0; i < 3; i++) {
            assertThat(gate.admit(alert(AlertKind.OPENED, "opened|" + i))).isTrue();
        }
        assertThat(gate.admit(alert(AlertKind.CLOSED, "closed|9"))).as("fourth within the hour").isFalse();
        assertThat(gate.admit(alert(AlertKind.STOP_LOSS, "stop_loss|x"))).as("urgent passes the limit").isTrue();
        now = now.plus(Duration.ofMinutes(61));
        assertThat(gate.admit(alert(AlertKind.CLOSED, "closed|9"))).as("the hour has passed").isTrue();
    }

    @Test
    void settingsNeedBothTelegramVariablesAndNeverEchoAValue() {
        String token = "123456789:AAExampleExampleExampleExample_1";
        assertThatThrownBy(() -> AlertSettings.read(env(Map.of(AlertSettings.TELEGRAM_TOKEN_VAR, token))))
                .isInstanceOf(ConfigException.class).hasMessageContaining(AlertSettings.TELEGRAM_CHAT_VAR)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
        String badHook = "ftp://hooks.example/secret-path-token";
        assertThatThrownBy(() -> AlertSettings.read(env(Map.of(AlertSettings.WEBHOOK_VAR, badHook))))
                .hasMessageContaining(AlertSettings.WEBHOOK_VAR).satisfies(e -> assertThat(e.getMessage()).doesNotContain(badHook));
        assertThatThrownBy(() -> AlertSettings.read(env(Map.of(AlertSettings.TELEGRAM_TOKEN_VAR, "not-a-token",
                AlertSettings.TELEGRAM_CHAT_VAR, "42")))).hasMessageContaining(AlertSettings.TELEGRAM_TOKEN_VAR)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-a-token"));
        AlertSettings s = AlertSettings.read(env(Map.of(AlertSettings.TELEGRAM_TOKEN_VAR, token,
                AlertSettings.TELEGRAM_CHAT_VAR, "-100123", AlertSettings.WEBHOOK_VAR, "https://hooks.example/t/abc")));
        assertThat(s.telegram()).isTrue();
        assertThat(s.webhook()).isTrue();
        assertThat(s.toString() + s.describe()).doesNotContain(token).doesNotContain("hooks.example");
        assertThat(AlertSettings.read(env(Map.of()))).isEqualTo(AlertSettings.NONE);
    }

    @Test
    void theReadmeListsEveryVariableAndEveryKind() throws Exception {
        String readme = java.nio.file.Files.readString(Path.of("README.md"));
        for (String v : AlertSettings.NONE.describe().keySet()) {
            assertThat(readme).as(v).contains("| `" + v + "` |");
        }
        for (AlertKind k : AlertKind.values()) {
            assertThat(readme).as(k.name()).containsPattern("\\| [^\\n]*`" + k.name() + "`[^\\n]*\\| [^\\n]*\\| "
                    + (k.urgent() ? "yes" : "no") + " \\|");
        }
    }

    private static EnvironmentSource env(Map<String, String> vars) {
        return new EnvironmentSource(vars, Map.of(), Path.of(".env"));
    }
}
