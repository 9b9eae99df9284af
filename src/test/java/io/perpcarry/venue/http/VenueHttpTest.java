package io.perpcarry.venue.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** VenueHttp against a real HTTP server on loopback with scripted answers. */
class VenueHttpTest {
    record Answer(int status, String body, long delayMs, String retryAfter) {
    }

    HttpServer server;
    CamelContext camel;
    final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    final List<String> seen = new ArrayList<>();
    final AtomicInteger hits = new AtomicInteger();
    final List<Duration> pauses = new ArrayList<>();
    VenueHttp http;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::answer);
        server.start();
        camel = new DefaultCamelContext();
        HttpTimeouts.apply(camel, Duration.ofSeconds(1), Duration.ofMillis(700));
        camel.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        http = new VenueHttp(Venue.LIGHTER, camel, base, new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50)),
                pauses::add);
    }

    @AfterEach
    void stop() {
        camel.stop();
        server.stop(0);
    }

    private void answer(HttpExchange ex) throws IOException {
        hits.incrementAndGet();
        synchronized (seen) {
            seen.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        }
        Answer a = script.poll();
        if (a == null) {
            a = new Answer(200, "{\"ok\":true}", 0, null);
        }
        try {
            Thread.sleep(a.delayMs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        if (a.retryAfter() != null) {
            ex.getResponseHeaders().add("Retry-After", a.retryAfter());
        }
        ex.sendResponseHeaders(a.status(), body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    @Test
    void getSendsPathAndEncodedQuery() {
        HttpReply r = http.get("/api/v1/account", Map.of("by", "index", "value", "a b"), Map.of());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"ok\":true}");
        assertThat(seen.get(0)).startsWith("GET /api/v1/account?").contains("by=index").contains("value=a+b");
    }

    @Test
    void rateLimitedReadWaitsAsToldThenSucceeds() {
        script.add(new Answer(429, "{\"code\":23000,\"message\":\"Too Many Requests\"}", 0, "1"));
        HttpReply r = http.get("/x", Map.of(), Map.of());
        assertThat(r.isOk()).isTrue();
        assertThat(hits).hasValue(2);
        assertThat(pauses).containsExactly(Duration.ofMillis(50)); // Retry-After 1 s capped by the policy's max
    }

    @Test
    void serverErrorsAreRetriedThenReportedAsUnavailable() {
        for (int i = 0; i < 3; i++) {
            script.add(new Answer(503, "down", 0, null));
        }
        VenueException e = catchThrowableOfType(() -> http.get("/x", Map.of(), Map.of()), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.UNAVAILABLE);
        assertThat(e.venueCode()).contains("503");
        assertThat(hits).hasValue(3);
        assertThat(pauses).hasSize(2);
    }

    @Test
    void clientErrorIsRejectedAtOnceWithTheVenuesText() {
        script.add(new Answer(400, "{\"code\":21120,\"message\":\"invalid nonce\"}", 0, null));
        VenueException e = catchThrowableOfType(() -> http.get("/x", Map.of(), Map.of()), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.REJECTED);
        assertThat(e.getMessage()).contains("invalid nonce").contains("Lighter");
        assertThat(hits).hasValue(1);
    }

    @Test
    void slowReadTimesOutAndIsRetried() {
        script.add(new Answer(200, "late", 1500, null));
        HttpReply r = http.get("/x", Map.of(), Map.of());
        assertThat(r.body()).isEqualTo("{\"ok\":true}");
        assertThat(pauses).hasSize(1);
    }

    @Test
    void writeIsSentOnceAndNoAnswerIsUnknownOutcome() {
        script.add(new Answer(200, "late", 1500, null));
        VenueException e = catchThrowableOfType(
                () -> http.post("/api/v1/sendTx", "application/x-www-form-urlencoded", "tx_type=14", Map.of()),
                VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.UNKNOWN_OUTCOME);
        assertThat(hits).hasValue(1);
        assertThat(seen.get(0)).startsWith("POST /api/v1/sendTx").endsWith("tx_type=14");
    }

    @Test
    void rateLimitedWriteIsNotRetried() {
        script.add(new Answer(429, "slow down", 0, null));
        VenueException e = catchThrowableOfType(() -> http.post("/w", "text/plain", "x", Map.of()), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.RATE_LIMITED);
        assertThat(hits).hasValue(1);
    }

    @Test
    void refusedConnectionIsUnavailableNotEmpty() {
        server.stop(0);
        VenueException e = catchThrowableOfType(() -> http.get("/x", Map.of(), Map.of()), VenueException.class);
        assertThat(e.kind()).isIn(VenueErrorKind.UNAVAILABLE, VenueErrorKind.TIMEOUT);
        VenueException w = catchThrowableOfType(() -> http.post("/w", "text/plain", "x", Map.of()), VenueException.class);
        assertThat(w.kind()).as("a refused connection never reached the venue").isEqualTo(VenueErrorKind.UNAVAILABLE);
    }
}
