package io.perpcarry.app;

import io.perpcarry.config.BotConfig;
import io.perpcarry.config.BotConfigLoader;
import io.perpcarry.config.EnvironmentSource;
import io.perpcarry.config.RuntimeEnvironment;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.VenueConnector;
import io.perpcarry.venue.edgex.EdgexConnector;
import io.perpcarry.venue.lighter.LighterConnector;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * What an operator command works with: the validated config, the environment, and both venue connectors over
 * a small Camel context of its own (commands run beside the daemon, never inside it). Closing it closes all.
 * Credentials are optional: public reads work without them, private calls fail naming what is missing.
 */
public final class VenueSession implements AutoCloseable {
    private final BotConfig config;
    private final RuntimeEnvironment environment;
    private final CamelContext camel;
    private final LighterConnector lighter;
    private final EdgexConnector edgex;

    private VenueSession(BotConfig config, RuntimeEnvironment environment, CamelContext camel, LighterConnector lighter,
                         EdgexConnector edgex) {
        this.config = config;
        this.environment = environment;
        this.camel = camel;
        this.lighter = lighter;
        this.edgex = edgex;
    }

    /** Opens a session on {@code configFile} (null: the default) and the process environment plus .env. */
    public static VenueSession open(Path configFile) {
        AppPaths paths = AppPaths.defaults().withBotConfig(configFile);
        BotConfig config = BotConfigLoader.load(paths.botConfig());
        RuntimeEnvironment env = RuntimeEnvironment.read(EnvironmentSource.withDotEnv(System.getenv(), paths.home().resolve(".env")));
        return open(config, env);
    }

    public static VenueSession open(BotConfig config, RuntimeEnvironment env) {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.disableJMX();
        camel.start();
        LighterConnector lighter = null;
        try {
            lighter = LighterConnector.fromEnvironment(camel, env, Clock.systemUTC());
            EdgexConnector edgex = EdgexConnector.fromEnvironment(camel, env, Clock.systemUTC());
            return new VenueSession(config, env, camel, lighter, edgex);
        } catch (RuntimeException e) {
            if (lighter != null) {
                lighter.close();
            }
            camel.stop();
            throw e;
        }
    }

    /** Starts both venues' streams for the symbols each lists (books for pricing and the funding table). */
    public void startStreams(Collection<String> symbols) {
        lighter.startStreams(symbols.stream().filter(lighter.markets()::containsKey).toList());
        edgex.startStreams(symbols.stream().filter(edgex.markets()::containsKey).toList());
    }

    public BotConfig config() {
        return config;
    }

    public RuntimeEnvironment environment() {
        return environment;
    }

    public LighterConnector lighter() {
        return lighter;
    }

    public EdgexConnector edgex() {
        return edgex;
    }

    public VenueConnector venue(Venue v) {
        return v == Venue.LIGHTER ? lighter : edgex;
    }

    public List<VenueConnector> venues() {
        return List.of(lighter, edgex);
    }

    public Map<Venue, VenueConnector> byVenue() {
        return Map.of(Venue.LIGHTER, lighter, Venue.EDGEX, edgex);
    }

    @Override
    public void close() {
        try {
            lighter.close();
            edgex.close();
        } finally {
            camel.stop();
        }
    }
}
