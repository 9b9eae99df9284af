package io.perpcarry.api;

import io.perpcarry.config.ConfigException;
import io.perpcarry.config.EnvironmentSource;
import io.perpcarry.config.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Properties;
import org.apache.camel.Exchange;

/**
 * Who may call the HTTP API. Control endpoints always need {@code Authorization: Bearer $PERPCARRY_API_TOKEN}
 * and refuse cross-origin browser requests; read endpoints need it too when the server binds beyond loopback.
 * Binding beyond loopback without a token refuses to start. The token never appears in a message or a log.
 */
public final class ApiAccess {
    public static final String TOKEN_VAR = "PERPCARRY_API_TOKEN";
    static final int MIN_TOKEN_LENGTH = 16;

    private final String host;
    private final Secret token;

    private ApiAccess(String host, Secret token) {
        this.host = host;
        this.token = token;
    }

    /**
     * @param host  what the server binds to ({@code camel.server.host})
     * @param token the variable's value, if set
     */
    public static ApiAccess of(String host, Optional<String> token) {
        Secret t = null;
        if (token.isPresent() && !token.get().isEmpty()) {
            String v = token.get();
            if (v.length() < MIN_TOKEN_LENGTH || !v.chars().allMatch(c -> c > 32 && c < 127)) {
                throw new ConfigException(TOKEN_VAR + ": must be at least " + MIN_TOKEN_LENGTH
                        + " printable characters without spaces (e.g. openssl rand -hex 24)");
            }
            t = Secret.of(v);
        }
        if (!loopback(host) && t == null) {
            throw new ConfigException(TOKEN_VAR + " is not set, but the HTTP server binds to " + host
                    + " (camel.server.host), beyond loopback: set " + TOKEN_VAR + " or bind to 127.0.0.1");
        }
        return new ApiAccess(host, t);
    }

    /** From the Camel properties file ({@code camel.server.host}, default 127.0.0.1) and the environment. */
    public static ApiAccess from(Path applicationProperties, EnvironmentSource env, Optional<String> hostOverride) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(applicationProperties)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + applicationProperties, e);
        }
        String host = hostOverride.orElse(p.getProperty("camel.server.host", "127.0.0.1").strip());
        return of(host, env.get(TOKEN_VAR));
    }

    static boolean loopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
    }

    public boolean tokenConfigured() {
        return token != null;
    }

    /** The values no response may contain (the secret-scan test, and {@link #scrub}). */
    public Optional<String> secretValue() {
        return Optional.ofNullable(token).map(Secret::reveal);
    }

    /** Read endpoints: open on loopback, the token beyond it. */
    public void checkRead(Exchange exchange) {
        try {
            if (!loopback(host)) {
                requireToken(exchange);
            }
        } finally {
            forgetCredentials(exchange);
        }
    }

    /** Control endpoints: the token always, and no cross-origin browser request. */
    public void checkControl(Exchange exchange) {
        try {
            requireToken(exchange);
            refuseCrossOrigin(exchange);
        } finally {
            forgetCredentials(exchange);
        }
    }

    /** Request headers travel with the exchange and could be echoed into the response: drop the credentials. */
    private static void forgetCredentials(Exchange exchange) {
        exchange.getMessage().removeHeader("Authorization");
        exchange.getMessage().removeHeader("Cookie");
    }

    private void requireToken(Exchange exchange) {
        if (token == null) {
            throw new ApiDeniedException(401, "control over HTTP needs " + TOKEN_VAR + " set in the bot's environment");
        }
        String auth = exchange.getMessage().getHeader("Authorization", String.class);
        String given = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).strip() : "";
        boolean ok = MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                token.reveal().getBytes(StandardCharsets.UTF_8));
        if (!ok) {
            throw new ApiDeniedException(401, given.isEmpty() ? "missing bearer token (Authorization: Bearer $" + TOKEN_VAR + ")"
                    : "wrong bearer token");
        }
    }

    /** A browser sends Origin (and Sec-Fetch-Site) on cross-site requests; only the dashboard's own origin passes. */
    private static void refuseCrossOrigin(Exchange exchange) {
        String site = exchange.getMessage().getHeader("Sec-Fetch-Site", String.class);
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw new ApiDeniedException(403, "cross-origin request refused (Sec-Fetch-Site: " + site + ")");
        }
        String origin = exchange.getMessage().getHeader("Origin", String.class);
        if (origin == null) {
            return; // curl, scripts and same-origin GETs send none
        }
        if (origin.equals("null")) {
            throw new ApiDeniedException(403, "cross-origin request refused (Origin: null)");
        }
        String hostHeader = exchange.getMessage().getHeader("Host", String.class);
        try {
            URI o = new URI(origin);
            String authority = o.getPort() < 0 ? o.getHost() : o.getHost() + ":" + o.getPort();
            if (hostHeader == null || !hostHeader.equalsIgnoreCase(authority)) {
                throw new ApiDeniedException(403, "cross-origin request refused (Origin " + origin + ")");
            }
        } catch (URISyntaxException e) {
            throw new ApiDeniedException(403, "cross-origin request refused (unreadable Origin)");
        }
    }
}
