package io.perpcarry.venue.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.perpcarry.domain.Venue;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Writes: a venue's 400 body can be read back; no clear answer is never "failed". */
class VenueHttpPostTest {
    Vertx vertx;
    HttpServer server;
    DefaultCamelContext camel;
    VenueHttp http;
    final Map<String, java.util.concurrent.atomic.AtomicInteger> hits = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(req -> {
            hits.computeIfAbsent(req.path(), k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            switch (req.path()) {
                case "/unavailable" -> req.response().setStatusCode(503).putHeader("Retry-After", "1").end("{}");
                case "/refuse" -> req.response().setStatusCode(400).end("{\"code\":21739,\"message\":\"not enough margin\"}");
                case "/fail" -> req.response().setStatusCode(502).end("bad gateway");
                case "/busy" -> req.response().setStatusCode(429).putHeader("Retry-After", "2").end("{}");
                default -> req.response().end("{\"code\":200}");
            }
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        camel = new DefaultCamelContext();
        camel.start();
        HttpTimeouts.apply(camel, Duration.ofSeconds(1), Duration.ofSeconds(2));
        http = new VenueHttp(Venue.LIGHTER, camel, URI.create("http://127.0.0.1:" + server.actualPort()));
    }

    @AfterEach
    void tearDown() throws Exception {
        camel.stop();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRefusalIsReturnedWithTheVenueBodyWhenAsked() {
        HttpReply reply = http.postReadingRefusals("/refuse", "application/x-www-form-urlencoded", "a=1", Map.of());
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("21739");
        VenueException e = catchThrowableOfType(() -> http.post("/refuse", "text/plain", "a", Map.of()), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.REJECTED);
    }

    @Test
    void aServerErrorOnAWriteIsUnknownOutcomeAndRateLimitIsNot() {
        VenueException e = catchThrowableOfType(() -> http.postReadingRefusals("/fail", "text/plain", "a", Map.of()),
                VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.UNKNOWN_OUTCOME);
        VenueException busy = catchThrowableOfType(() -> http.postReadingRefusals("/busy", "text/plain", "a", Map.of()),
                VenueException.class);
        assertThat(busy.kind()).isEqualTo(VenueErrorKind.RATE_LIMITED);
        assertThat(busy.retryAfter()).contains(Duration.ofSeconds(2));
    }

    @Test
    void aWriteAnswered429Or503IsSentExactlyOnce() {
        // Apache HttpClient's default strategy re-sends any request answered 429/503 (POST included): a duplicate order.
        for (String path : new String[] {"/busy", "/unavailable"}) {
            catchThrowableOfType(() -> http.post(path, "text/plain", "order", Map.of()), VenueException.class);
            assertThat(hits.get(path).get()).as("POST " + path + " reached the venue once").isEqualTo(1);
        }
    }

    @Test
    void aRefusedConnectionOnAWriteIsUnavailableBecauseNothingWasSent() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        VenueHttp nowhere = new VenueHttp(Venue.LIGHTER, camel, URI.create("http://127.0.0.1:" + closedPort));
        VenueException e = catchThrowableOfType(() -> nowhere.postReadingRefusals("/x", "text/plain", "a", Map.of()),
                VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.UNAVAILABLE);
    }
}
