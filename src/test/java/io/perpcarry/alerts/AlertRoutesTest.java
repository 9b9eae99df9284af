package io.perpcarry.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.config.BotConfigLoader;
import io.perpcarry.config.EnvironmentSource;
import io.perpcarry.engine.EngineSettings;
import io.perpcarry.engine.RotationEngine;
import io.perpcarry.state.BotState;
import io.perpcarry.state.Journal;
import io.perpcarry.state.JournalEntry;
import io.perpcarry.state.StateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** routes/alerts.yaml against a loopback fake of the Telegram Bot API and loopback webhook receivers. */
class AlertRoutesTest {
    static final String TOKEN = "123456789:AAHsecretSecretSecretSecret_xyz";
    static final String CHAT = "-100123";
    static final String HOOK_TOKEN = "hooktoken-5f3a9c";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    final List<AutoCloseable> open = new java.util.ArrayList<>();
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    CamelContext camel;
    AlertPublisher publisher;

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.stop();
        }
        for (AutoCloseable c : open) {
            c.close();
        }
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    @Test
    void haltAndStopLossArriveOnceEachOnBothChannels() throws Exception {
        FakeHttp telegram = keep(FakeHttp.telegram());
        FakeHttp hook = keep(FakeHttp.answering(200, "{}"));
        start(telegram, hook);
        NotifyBuilder two = new NotifyBuilder(camel).fromRoute("alert-telegram").whenDone(2)
                .and().fromRoute("alert-webhook").whenDone(2).create();

        publisher.alert("HALTED: Lighter unreadable");
        publisher.onJournal(entry("halt", Map.of("reason", "Lighter unreadable"))); // the same HALT, journaled
        publisher.onJournal(entry("stop_loss", Map.of("kind", "STOP_LOSS", "reason", "loss 5.1% > 5%")));

        assertThat(two.matches(20, TimeUnit.SECONDS)).isTrue();
        assertThat(telegram.requests).hasSize(2);
        FakeHttp.Request first = telegram.requests.get(0);
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.path()).isEqualTo("/bot" + TOKEN + "/sendMessage");
        assertThat(first.contentType()).startsWith("application/json");
        JsonNode msg = JSON.readTree(first.body());
        assertThat(msg.get("chat_id").asText()).isEqualTo(CHAT);
        assertThat(msg.get("text").asText()).isEqualTo("perpcarry HALT: HALTED: Lighter unreadable");
        assertThat(JSON.readTree(telegram.requests.get(1).body()).get("text").asText()).contains("STOP LOSS", "loss 5.1%");

        assertThat(hook.requests).hasSize(2);
        assertThat(hook.requests.get(0).path()).isEqualTo("/hook/" + HOOK_TOKEN);
        assertThat(hook.requests.get(0).contentType()).startsWith("application/json");
        JsonNode body = JSON.readTree(hook.requests.get(0).body());
        assertThat(body.get("source").asText()).isEqualTo("perpcarry");
        assertThat(body.get("kind").asText()).isEqualTo("halt");
        assertThat(body.get("urgent").asBoolean()).isTrue();
        assertThat(body.get("text").asText()).isEqualTo("HALTED: Lighter unreadable");
        assertThat(body.get("ts").asText()).isNotBlank();
        assertThat(JSON.readTree(hook.requests.get(1).body()).get("kind").asText()).isEqualTo("stop_loss");
    }

    @Test
    void aHangingWebhookNeverHoldsTheEngineNorTheOtherChannel() throws Exception {
        FakeHttp telegram = keep(FakeHttp.telegram());
        FakeHttp hook = keep(FakeHttp.hanging());
        start(telegram, hook);
        Journal journal = new Journal(dir.resolve("journal.jsonl"), Clock.systemUTC());
        journal.listen(publisher::onJournal);
        StateStore store = new StateStore(dir, Clock.systemUTC());
        RotationEngine engine = new RotationEngine(EngineSettings.from(BotConfigLoader.parse(
                "{\"symbols_to_monitor\": [\"BTC\"]}", "test")), journal, store, Clock.systemUTC(), publisher);
        NotifyBuilder first = new NotifyBuilder(camel).fromRoute("alert-telegram").whenDone(1).create();

        engine.halt("first halt");
        assertThat(hook.firstRequest.await(20, TimeUnit.SECONDS)).as("the webhook holds the first alert").isTrue();
        assertThat(first.matches(20, TimeUnit.SECONDS)).isTrue();

        // The webhook channel is stuck on the first alert: the engine's next steps still complete.
        NotifyBuilder second = new NotifyBuilder(camel).fromRoute("alert-telegram").whenDone(1).create();
        engine.clearHalt("test");
        engine.halt("second halt");
        assertThat(engine.state()).isEqualTo(BotState.HALTED);
        assertThat(second.matches(20, TimeUnit.SECONDS)).as("Telegram still delivers").isTrue();
        assertThat(telegram.requests).extracting(FakeHttp.Request::body).anySatisfy(b -> assertThat(b).contains("second halt"));
        assertThat(hook.requests).as("the webhook still holds the first one").hasSize(1);
        assertThat(journal.readAll()).extracting(JournalEntry::type).contains("halt_cleared").filteredOn("halt"::equals).hasSize(2);
    }

    @Test
    void aFailingWebhookIsRetriedThenLoggedWithoutItsSecret() throws Exception {
        attachLogs();
        FakeHttp telegram = keep(FakeHttp.answering(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}"));
        FakeHttp hook = keep(FakeHttp.answering(500, "boom"));
        start(telegram, hook);
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("alert-webhook").whenDone(1)
                .and().fromRoute("alert-telegram").whenDone(1).create();

        publisher.alert("HALTED: venue gone");

        assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();
        assertThat(hook.requests).as("500: first try and one retry").hasSize(2);
        assertThat(telegram.requests).as("401: not retried").hasSize(1);
        String text = logText();
        assertThat(text).contains("alert not delivered by alert-webhook", "alert not delivered by alert-telegram");
        assertThat(text).doesNotContain(TOKEN).doesNotContain(HOOK_TOKEN);
        assertThat(text).contains("HALTED: venue gone");
    }

    private void start(FakeHttp telegram, FakeHttp hook) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put(AlertSettings.TELEGRAM_TOKEN_VAR, TOKEN);
        env.put(AlertSettings.TELEGRAM_CHAT_VAR, CHAT);
        env.put(AlertSettings.WEBHOOK_VAR, hook.base() + "/hook/" + HOOK_TOKEN);
        AlertSettings settings = AlertSettings.read(new EnvironmentSource(env, Map.of(), Path.of(".env")));
        camel = new DefaultCamelContext();
        camel.getPropertiesComponent().setLocation("file:config/application.properties");
        Properties p = new Properties();
        p.put("perpcarry.alerts.telegram-base-uri", telegram.base());
        p.put("perpcarry.alerts.retries", "1");
        p.put("perpcarry.alerts.retry-delay-ms", "100");
        p.put("perpcarry.alerts.watch-interval-ms", "3600000");
        camel.getPropertiesComponent().setOverrideProperties(p);
        camel.getShutdownStrategy().setTimeout(2);
        publisher = new AlertPublisher(Clock.systemUTC());
        Clock clock = Clock.systemUTC();
        new AlertDesk(settings, publisher, new AlertGate(clock, Duration.ofMinutes(60), 20, Duration.ofHours(1)),
                new AlertWatch(null, List.of(), clock, Duration.ofMinutes(5)), Duration.ofSeconds(2), null)
                .bindTo(camel.getRegistry()::bind);
        PluginHelper.getRoutesLoader(camel).loadRoutes(
                PluginHelper.getResourceLoader(camel).resolveResource("file:routes/alerts.yaml"));
        camel.start();
        publisher.deliverThrough(camel.createProducerTemplate());
    }

    private FakeHttp keep(FakeHttp f) {
        open.add(f);
        return f;
    }

    private static JournalEntry entry(String type, Map<String, Object> fields) {
        return new JournalEntry(Instant.now(), type, fields);
    }

    private void attachLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    private String logText() {
        StringBuilder b = new StringBuilder();
        for (ILoggingEvent e : logs.list) {
            b.append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                b.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
            }
        }
        return b.toString();
    }
}
