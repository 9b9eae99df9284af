package io.perpcarry.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A loopback HTTP proxy in front of an emulator that rewrites the body of one path: a venue that "reports" something
 * other than what it trades on, without teaching the emulator to lie.
 */
public final class RewritingProxy implements AutoCloseable {
    private static final Set<String> HOP = Set.of("host", "connection", "content-length", "transfer-encoding", "upgrade");
    private final Vertx vertx = Vertx.vertx();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpServer server;
    private final String target;

    public RewritingProxy(String targetBaseUrl, String path, UnaryOperator<String> rewrite) throws Exception {
        this.target = targetBaseUrl.replaceAll("/$", "");
        this.server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body ->
                vertx.<HttpResponse<String>>executeBlocking(() -> forward(req, body.toString()))
                        .onSuccess(r -> {
                            String out = req.path().equals(path) ? rewrite.apply(r.body()) : r.body();
                            req.response().setStatusCode(r.statusCode())
                                    .putHeader("Content-Type", r.headers().firstValue("Content-Type").orElse("application/json"))
                                    .end(out);
                        })
                        .onFailure(e -> req.response().setStatusCode(502).end(String.valueOf(e.getMessage())))))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private HttpResponse<String> forward(HttpServerRequest req, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target + req.uri())).timeout(Duration.ofSeconds(10))
                .method(req.method().name(), body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        req.headers().forEach(h -> {
            if (!HOP.contains(h.getKey().toLowerCase())) {
                b.header(h.getKey(), h.getValue());
            }
        });
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
