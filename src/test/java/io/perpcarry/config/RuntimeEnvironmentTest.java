package io.perpcarry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeEnvironmentTest {
    static final String LIGHTER_KEY = "2a50e06cb39ce07e44220819ebe5aeb94333974664eafaef0f5d31d9aad0e049eb89e8288f1a0521";
    static final String EDGEX_KEY = "e123c2a30682bc7e2c0800151ded0802dd80618c46dc037f2652513cb7475422";
    static final String EDGEX_SECRET = "0d5c9d8cc5a13cb349a99b89b469a6e3";

    static Map<String, String> liveEnv() {
        Map<String, String> m = new HashMap<>();
        m.put("PERPCARRY_MODE", "live");
        m.put("LIGHTER_API_KEY_PRIVATE_KEY", "0x" + LIGHTER_KEY);
        m.put("LIGHTER_ACCOUNT_INDEX", "66241");
        m.put("LIGHTER_API_KEY_INDEX", "118");
        m.put("EDGEX_ACCOUNT_ID", "500000000911321981");
        m.put("EDGEX_API_KEY", "key-abc-123");
        m.put("EDGEX_API_PASSPHRASE", "pass-phrase-xyz");
        m.put("EDGEX_API_SECRET", EDGEX_SECRET);
        m.put("EDGEX_TRADING_PRIVATE_KEY", EDGEX_KEY);
        return m;
    }

    static RuntimeEnvironment read(Map<String, String> env) {
        return RuntimeEnvironment.read(new EnvironmentSource(env, Map.of(), Path.of(".env")));
    }

    @Test
    void demoNeedsNoCredentialsAndUsesMainnetDefaults() {
        RuntimeEnvironment e = read(Map.of());
        assertThat(e.mode()).isEqualTo(RunMode.DEMO);
        assertThat(e.lighter().baseUrl()).hasToString("https://mainnet.zklighter.elliot.ai");
        assertThat(e.lighter().wsUrl()).hasToString("wss://mainnet.zklighter.elliot.ai/stream");
        assertThat(e.lighterChainId()).isEqualTo(304);
        assertThat(e.edgex().baseUrl()).hasToString("https://edgex-prod-v2.edgex.exchange");
        assertThat(e.edgex().wsUrl()).hasToString("wss://edgex-quote-prod-v2.edgex.exchange");
        assertThat(e.lighter().credentials()).isEmpty();
    }

    @Test
    void liveReadsEveryCredentialAndStripsHexPrefix() {
        RuntimeEnvironment e = read(liveEnv());
        LighterCredentials l = e.lighter().credentials().orElseThrow();
        assertThat(l.apiKeyPrivateKey().reveal()).isEqualTo(LIGHTER_KEY);
        assertThat(l.accountIndex()).isEqualTo(66241);
        assertThat(l.apiKeyIndex()).isEqualTo(118);
        EdgexCredentials x = e.edgex().credentials().orElseThrow();
        assertThat(x.accountId()).isEqualTo(500000000911321981L);
        assertThat(x.tradingPrivateKey().reveal()).isEqualTo(EDGEX_KEY);
    }

    @Test
    void originalVariableNamesAreAccepted() {
        Map<String, String> m = liveEnv();
        m.remove("LIGHTER_API_KEY_PRIVATE_KEY");
        m.remove("LIGHTER_ACCOUNT_INDEX");
        m.remove("LIGHTER_API_KEY_INDEX");
        m.put("API_KEY_PRIVATE_KEY", LIGHTER_KEY);
        m.put("ACCOUNT_INDEX", "7");
        m.put("API_KEY_INDEX", "3");
        assertThat(read(m).lighter().credentials().orElseThrow().accountIndex()).isEqualTo(7);
    }

    @Test
    void liveNamesEveryMissingCredential() {
        Map<String, String> m = liveEnv();
        m.remove("EDGEX_API_SECRET");
        m.remove("LIGHTER_ACCOUNT_INDEX");
        ConfigException e = (ConfigException) catchThrowable(() -> read(m));
        assertThat(e.problems()).anyMatch(p -> p.startsWith("EDGEX_API_SECRET is missing: required in live mode"));
        assertThat(e.problems()).anyMatch(p -> p.startsWith("LIGHTER_ACCOUNT_INDEX (or ACCOUNT_INDEX) is missing"));
    }

    @Test
    void formatErrorsNameTheVariableButNeverTheValue() {
        Map<String, String> m = liveEnv();
        m.put("LIGHTER_API_KEY_PRIVATE_KEY", LIGHTER_KEY.substring(2));
        m.put("EDGEX_TRADING_PRIVATE_KEY", "zz" + EDGEX_KEY.substring(2));
        m.put("LIGHTER_API_KEY_INDEX", "255");
        m.put("LIGHTER_ACCOUNT_INDEX", "abc");
        ConfigException e = (ConfigException) catchThrowable(() -> read(m));
        assertThat(e.getMessage())
                .contains("LIGHTER_API_KEY_PRIVATE_KEY must be 40 bytes (80 hex digits), got 78 hex digits")
                .contains("EDGEX_TRADING_PRIVATE_KEY must be hexadecimal")
                .contains("LIGHTER_API_KEY_INDEX is out of range [0, 254]")
                .contains("LIGHTER_ACCOUNT_INDEX must be a whole number")
                .doesNotContain(LIGHTER_KEY.substring(2, 30))
                .doesNotContain(EDGEX_KEY.substring(2, 30))
                .doesNotContain("abc");
    }

    @Test
    void secretsNeverReachToStringOrDescribe() {
        RuntimeEnvironment e = read(liveEnv());
        String everything = e + " " + e.describe() + " " + e.lighter() + " " + e.edgex();
        for (String secret : liveEnv().values()) {
            if (secret.length() > 6) {
                assertThat(everything).doesNotContain(secret.replace("0x", ""));
            }
        }
        assertThat(everything).contains(Secret.MASK);
        assertThat(e.describe()).containsEntry("EDGEX_API_SECRET", "set " + Secret.MASK);
    }

    @Test
    void partialCredentialsInDemoAreAnErrorNotIgnored() {
        assertThatThrownBy(() -> read(Map.of("EDGEX_API_KEY", "k")))
                .hasMessageContaining("EDGEX_API_SECRET is missing: required because other credentials of this venue are set");
    }

    @Test
    void badModeAndBadUrlAreNamed() {
        assertThatThrownBy(() -> read(Map.of("PERPCARRY_MODE", "simulated"))).hasMessageContaining("PERPCARRY_MODE");
        assertThatThrownBy(() -> read(Map.of("LIGHTER_WS_URL", "http://x/stream")))
                .hasMessageContaining("LIGHTER_WS_URL must be a ws:// or wss:// URL");
    }

    @Test
    void dotEnvIsReadAndTheProcessEnvironmentWins(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve(".env"), "# secrets\nexport LIGHTER_BASE_URL=\"http://127.0.0.1:9\"\n"
                + "EDGEX_BASE_URL='http://127.0.0.1:10'\n\nLIGHTER_CHAIN_ID=300\n");
        RuntimeEnvironment e = RuntimeEnvironment.read(EnvironmentSource.withDotEnv(Map.of("LIGHTER_CHAIN_ID", "301"), f));
        assertThat(e.lighter().baseUrl()).hasToString("http://127.0.0.1:9");
        assertThat(e.edgex().baseUrl()).hasToString("http://127.0.0.1:10");
        assertThat(e.lighterChainId()).isEqualTo(301);
    }

    @Test
    void malformedDotEnvLineIsNamedWithoutItsContent(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve(".env"), "OK=1\n" + EDGEX_SECRET + "\n");
        assertThatThrownBy(() -> EnvironmentSource.withDotEnv(Map.of(), f))
                .hasMessageContaining("line 2: expected NAME=value")
                .hasMessageNotContaining(EDGEX_SECRET);
    }
}
