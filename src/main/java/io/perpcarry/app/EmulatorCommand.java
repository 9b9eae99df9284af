package io.perpcarry.app;

import io.perpcarry.emulator.LocalExchanges;
import io.perpcarry.emulator.VenueId;
import io.perpcarry.emulator.edgex.EdgexAccount;
import io.perpcarry.emulator.lighter.LighterApiKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Runs both exchange emulators on loopback until Ctrl-C. */
@Command(name = "emulator", description = "Run the Lighter and EdgeX emulators on loopback until Ctrl-C.")
public final class EmulatorCommand implements Callable<Integer> {
    @Option(names = "--scenario", paramLabel = "FILE", description = "Scenario (default: config/demo/scenario.json)")
    Path scenario;

    @Option(names = "--lighter-port", paramLabel = "N", description = "Lighter port (default: any free port)")
    int lighterPort;

    @Option(names = "--edgex-port", paramLabel = "N", description = "EdgeX port (default: any free port)")
    int edgexPort;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: the scenario's)")
    Long seed;

    @Option(names = "--time-scale", paramLabel = "X", description = "Market time runs X times faster (default: the scenario's)")
    Double timeScale;

    @Option(names = "--lighter-api-key", paramLabel = "ACCOUNT_INDEX:API_KEY_INDEX:PUBLIC_KEY_HEX",
            description = "Also accept this API key (its account starts with 10,000 USD)")
    List<String> lighterKeys = new ArrayList<>();

    @Option(names = "--edgex-account", paramLabel = "ACCOUNT_ID:TRADING_ADDRESS:API_KEY:PASSPHRASE:SECRET",
            description = "Also accept this EdgeX account (starts with 10,000 USD)")
    List<String> edgexAccounts = new ArrayList<>();

    @Option(names = "--lighter-exec-latency-ms", paramLabel = "MS",
            description = "Lighter acks sendTx at once and executes after MS ms, like the venue (default: ${DEFAULT-VALUE})")
    long lighterExecLatencyMs = 250;

    @Option(names = "--lighter-exec-jitter-ms", paramLabel = "MS",
            description = "Plus a uniform random 0..MS ms per order (default: ${DEFAULT-VALUE})")
    long lighterExecJitterMs = 50;

    @Option(names = "--print-env", description = "Also print export lines that point the bot at these emulators")
    boolean printEnv;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (timeScale != null && !(timeScale > 0)) {
            throw new ParameterException(spec.commandLine(), "--time-scale must be > 0, got " + timeScale);
        }
        if (lighterExecLatencyMs < 0 || lighterExecJitterMs < 0) {
            throw new ParameterException(spec.commandLine(), "--lighter-exec-latency-ms and --lighter-exec-jitter-ms must be >= 0");
        }
        Path file = scenario != null ? scenario : AppPaths.defaults().home().resolve("config/demo/scenario.json");
        LocalExchanges.Options options = new LocalExchanges.Options(file, lighterPort, edgexPort, seed, timeScale,
                lighterKeys.stream().map(this::lighterKey).toList(), edgexAccounts.stream().map(this::edgexAccount).toList());
        CountDownLatch stopped = new CountDownLatch(1);
        try (LocalExchanges exchanges = LocalExchanges.start(options, Clock.systemUTC())) {
            exchanges.engine().venue(VenueId.LIGHTER).executionLatency().set(lighterExecLatencyMs, lighterExecJitterMs);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("# Lighter emulator: %s  %s%n", exchanges.lighter().baseUrl(), exchanges.lighter().wsUrl());
            out.printf("# EdgeX emulator:   %s  %s%n", exchanges.edgex().baseUrl(), exchanges.edgex().wsUrl());
            out.printf("# scenario %s, seed %d, time x%s, Lighter execution %d+0..%d ms after the ack; Ctrl-C stops%n",
                    file, exchanges.scenario().seed(), exchanges.scenario().timeScale(), lighterExecLatencyMs,
                    lighterExecJitterMs);
            if (printEnv) {
                out.println("# demo credentials (valid only for these emulators):");
                for (Map.Entry<String, String> e : exchanges.environment().entrySet()) {
                    out.printf("export %s=%s%n", e.getKey(), shellQuote(e.getValue()));
                }
            }
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "emulator-stop"));
            stopped.await();
        }
        return 0;
    }

    private LighterApiKey lighterKey(String spec3) {
        String[] p = spec3.split(":");
        if (p.length != 3) {
            throw new ParameterException(spec.commandLine(), "--lighter-api-key takes ACCOUNT_INDEX:API_KEY_INDEX:PUBLIC_KEY_HEX");
        }
        try {
            return new LighterApiKey(Long.parseLong(p[0]), Integer.parseInt(p[1]), p[2]);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--lighter-api-key: " + e.getMessage());
        }
    }

    private EdgexAccount edgexAccount(String spec5) {
        String[] p = spec5.split(":", 5);
        if (p.length != 5) {
            throw new ParameterException(spec.commandLine(), "--edgex-account takes ACCOUNT_ID:TRADING_ADDRESS:API_KEY:PASSPHRASE:SECRET");
        }
        try {
            return EdgexAccount.of(Long.parseLong(p[0]), p[1], p[2], p[3], p[4]);
        } catch (RuntimeException e) {
            // EdgexAccount's messages never carry the secret
            throw new ParameterException(spec.commandLine(), "--edgex-account: " + e.getMessage());
        }
    }

    static String shellQuote(String v) {
        return v.matches("[A-Za-z0-9_./:@-]+") ? v : "'" + v.replace("'", "'\\''") + "'";
    }
}
