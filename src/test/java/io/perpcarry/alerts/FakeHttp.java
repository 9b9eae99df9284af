package io.perpcarry.alerts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP receiver standing in for api.telegram.org or a webhook: records each request and answers
 * {@code status} with {@code body}, or never answers ({@link #hanging}).
 */
final class FakeHttp implements AutoCloseable {
    record Request(String method, String path, String contentType, String body) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final CountDownLatch firstRequest = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final HttpServer server;
    private final int status;
    private final String body;
    private final boolean hang;

    private FakeHttp(int status, String body, boolean hang) throws IOException {
        this.status = status;
        this.body = body;
        this.hang = hang;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeHttp answering(int status, String body) throws IOException {
        return new FakeHttp(status, body, false);
    }

    static FakeHttp telegram() throws IOException {
        return answering(200, "{\"ok\":true,\"result\":{\"message_id\":1,\"date\":1700000000,"
                + "\"chat\":{\"id\":\"-100123\",\"type\":\"group\"},\"text\":\"x\"}}");
    }

    static FakeHttp hanging() throws IOException {
        return new FakeHttp(0, "", true);
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange x) throws IOException {
        String in = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(x.getRequestMethod(), x.getRequestURI().getPath(),
                x.getRequestHeaders().getFirst("Content-Type"), in));
        firstRequest.countDown();
        if (hang) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.close();
            return;
        }
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, out.length);
        try (OutputStream os = x.getResponseBody()) {
            os.write(out);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
