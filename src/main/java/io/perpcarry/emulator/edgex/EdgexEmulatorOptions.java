package io.perpcarry.emulator.edgex;

import java.time.Duration;
import java.util.Objects;

import io.perpcarry.crypto.edgex.EdgexDomain;

/**
 * How the emulator listens and what it publishes beyond the scenario.
 *
 * @param host         bind address; loopback unless a test needs otherwise
 * @param port         0 = any free port (read it back with {@link EdgexEmulator#port()})
 * @param domain       {@code global.chainId}/{@code nativeChainId} and {@code global.contractAddress}
 *                     of the metadata, which EIP-712 order signatures are bound to
 * @param authWindow   how far {@code X-edgeX-Timestamp} may be from the wall clock
 * @param tick         how often the engine is synced to drive WebSocket pushes and socket faults
 * @param pingInterval how often the server pings each WebSocket
 */
public record EdgexEmulatorOptions(String host, int port, EdgexDomain domain, Duration authWindow, Duration tick,
                                   Duration pingInterval) {

    /** The chain id the v2 SDK's own tests use, and an arbitrary verifying contract. */
    public static final EdgexDomain DEFAULT_DOMAIN =
            EdgexDomain.of("33431", "0x4d2f8a6e1f7c3b9a5d0e2c4b6a8f1e3d5c7b9a0f");

    public EdgexEmulatorOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(domain, "domain");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        for (Duration d : new Duration[] {authWindow, tick, pingInterval}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("durations must be positive");
            }
        }
    }

    /** Loopback, any port, default domain, 30 s timestamp window, 100 ms tick, 15 s pings. */
    public static EdgexEmulatorOptions defaults() {
        return new EdgexEmulatorOptions("127.0.0.1", 0, DEFAULT_DOMAIN, Duration.ofSeconds(30),
                Duration.ofMillis(100), Duration.ofSeconds(15));
    }

    public EdgexEmulatorOptions withPort(int newPort) {
        return new EdgexEmulatorOptions(host, newPort, domain, authWindow, tick, pingInterval);
    }

    public EdgexEmulatorOptions withPingInterval(Duration d) {
        return new EdgexEmulatorOptions(host, port, domain, authWindow, tick, d);
    }

    public EdgexEmulatorOptions withTick(Duration d) {
        return new EdgexEmulatorOptions(host, port, domain, authWindow, d, pingInterval);
    }
}
