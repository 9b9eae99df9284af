package io.perpcarry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perpcarry.app.Cli;
import io.perpcarry.config.ConfigException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Who may call the API, and --help on every command. */
class ApiAccessTest {
    static final String TOKEN = "0123456789abcdef0123";

    @Test
    void bindingBeyondLoopbackWithoutATokenRefusesToStartNamingTheVariable() {
        assertThatThrownBy(() -> ApiAccess.of("0.0.0.0", Optional.empty()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PERPCARRY_API_TOKEN").hasMessageContaining("0.0.0.0");
        assertThatThrownBy(() -> ApiAccess.of("127.0.0.1", Optional.of("short")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PERPCARRY_API_TOKEN")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("short"));
        assertThat(ApiAccess.of("0.0.0.0", Optional.of(TOKEN)).tokenConfigured()).isTrue();
    }

    @Test
    void controlsNeedTheTokenAndTheSameOrigin() {
        ApiAccess loopback = ApiAccess.of("127.0.0.1", Optional.of(TOKEN));
        loopback.checkRead(exchange(null, null));
        assertThatThrownBy(() -> loopback.checkControl(exchange(null, null)))
                .isInstanceOf(ApiDeniedException.class).extracting("status").isEqualTo(401);
        assertThatThrownBy(() -> loopback.checkControl(exchange("Bearer nope-nope-nope-nope", null)))
                .isInstanceOf(ApiDeniedException.class).extracting("status").isEqualTo(401);
        assertThatThrownBy(() -> loopback.checkControl(exchange("Bearer " + TOKEN, "http://evil.example")))
                .isInstanceOf(ApiDeniedException.class).extracting("status").isEqualTo(403);
        Exchange ok = exchange("Bearer " + TOKEN, "http://127.0.0.1:8080");
        loopback.checkControl(ok);
        assertThat(ok.getMessage().getHeader("Authorization")).as("the credential is dropped").isNull();

        ApiAccess open = ApiAccess.of("0.0.0.0", Optional.of(TOKEN));
        assertThatThrownBy(() -> open.checkRead(exchange(null, null)))
                .isInstanceOf(ApiDeniedException.class).extracting("status").isEqualTo(401);
        ApiAccess noToken = ApiAccess.of("127.0.0.1", Optional.empty());
        assertThatThrownBy(() -> noToken.checkControl(exchange("Bearer " + TOKEN, null)))
                .isInstanceOf(ApiDeniedException.class).extracting("status").isEqualTo(401);
    }

    @Test
    void everyCommandAnswersHelp() {
        CommandLine cl = Cli.commandLine();
        for (String name : cl.getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            StringWriter out = new StringWriter();
            CommandLine fresh = Cli.commandLine();
            fresh.setOut(new PrintWriter(out, true));
            fresh.setErr(new PrintWriter(out, true));
            assertThat(fresh.execute(name, "--help")).as(name + ": " + out).isZero();
            assertThat(out.toString()).as(name).contains("Usage:");
        }
    }

    private static Exchange exchange(String auth, String origin) {
        Exchange ex = new DefaultExchange(new DefaultCamelContext());
        if (auth != null) {
            ex.getMessage().setHeader("Authorization", auth);
        }
        if (origin != null) {
            ex.getMessage().setHeader("Origin", origin);
        }
        ex.getMessage().setHeader("Host", "127.0.0.1:8080");
        return ex;
    }
}
