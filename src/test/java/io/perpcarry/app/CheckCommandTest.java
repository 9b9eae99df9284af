package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CheckCommandTest {
    record Result(int exit, String out, String err) {
    }

    static Result check(String... args) {
        CommandLine cl = Cli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] full = new String[args.length + 1];
        full[0] = "check";
        System.arraycopy(args, 0, full, 1, args.length);
        int exit = cl.execute(full);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void shippedConfigPasses(@TempDir Path dir) {
        Result r = check("--config", "config/bot.json", "--env-file", dir.resolve("none.env").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("leverage").contains("(file)").contains("PERPCARRY_MODE");
    }

    @Test
    void unknownKeyWrongTypeAndRangeFailNamingTheKey(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("bot.json"), "{\"hold_duraton_hours\": 8, \"cross_ticks\": \"many\", \"leverage\": 500}");
        Result r = check("--config", f.toString(), "--env-file", dir.resolve("none.env").toString());
        assertThat(r.exit()).isEqualTo(Cli.EXIT_CONFIG);
        assertThat(r.err()).contains("unknown key 'hold_duraton_hours' (did you mean 'hold_duration_hours'?)")
                .contains("'cross_ticks': expected an integer")
                .contains("'leverage': 500 is out of range");
    }

    @Test
    void brokenJsonNamesLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("bot.json"), "{\n  \"leverage\": 3,,\n}");
        Result r = check("--config", f.toString(), "--env-file", dir.resolve("none.env").toString());
        assertThat(r.exit()).isEqualTo(Cli.EXIT_CONFIG);
        assertThat(r.err()).contains("line 2, column 17");
    }

    @Test
    void secretsFromDotEnvAreNeverPrinted(@TempDir Path dir) throws Exception {
        String key = "2a50e06cb39ce07e44220819ebe5aeb94333974664eafaef0f5d31d9aad0e049eb89e8288f1a0521";
        String secret = "0d5c9d8cc5a13cb349a99b89b469a6e3";
        Path env = Files.writeString(dir.resolve(".env"), String.join("\n",
                "LIGHTER_API_KEY_PRIVATE_KEY=" + key, "LIGHTER_ACCOUNT_INDEX=66241", "LIGHTER_API_KEY_INDEX=118",
                "EDGEX_ACCOUNT_ID=500000000911321981", "EDGEX_API_KEY=apikey-77", "EDGEX_API_PASSPHRASE=phrase-88",
                "EDGEX_API_SECRET=" + secret, "EDGEX_TRADING_PRIVATE_KEY=" + key.substring(0, 64)));
        Result r = check("--config", "config/bot.json", "--env-file", env.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String all = r.out() + r.err();
        assertThat(all).doesNotContain(key.substring(0, 20)).doesNotContain(secret)
                .doesNotContain("apikey-77").doesNotContain("phrase-88").doesNotContain("66241");
        assertThat(r.out()).contains("EDGEX_API_SECRET").contains("set ********");
    }

    @Test
    void badSecretFormatFailsWithoutEchoingIt(@TempDir Path dir) throws Exception {
        Path env = Files.writeString(dir.resolve(".env"), "PERPCARRY_MODE=live\nLIGHTER_API_KEY_PRIVATE_KEY=abcdef0123456789\n");
        Result r = check("--config", "config/bot.json", "--env-file", env.toString());
        assertThat(r.exit()).isEqualTo(Cli.EXIT_CONFIG);
        assertThat(r.err()).contains("LIGHTER_API_KEY_PRIVATE_KEY must be 40 bytes").contains("EDGEX_API_KEY is missing")
                .doesNotContain("abcdef0123456789");
    }

    @Test
    void alertAndApiVariablesAreCheckedAndNeverPrinted(@TempDir Path dir) throws Exception {
        String token = "123456789:AAHsecretTokenValue0123456789abcdef";
        String hook = "https://hooks.example.com/services/T000/B000/secretpath";
        Path env = Files.writeString(dir.resolve(".env"), "PERPCARRY_TELEGRAM_BOT_TOKEN=" + token + "\n"
                + "PERPCARRY_TELEGRAM_CHAT_ID=-1001234567\nPERPCARRY_ALERT_WEBHOOK_URL=" + hook + "\n"
                + "PERPCARRY_API_TOKEN=api-token-0123456789abcdef\n");
        Result r = check("--config", "config/bot.json", "--env-file", env.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("alerts: OK").contains("PERPCARRY_TELEGRAM_BOT_TOKEN").contains("-1001234567")
                .contains("PERPCARRY_API_TOKEN");
        assertThat(r.out() + r.err()).doesNotContain("AAHsecret").doesNotContain("secretpath")
                .doesNotContain("api-token-0123");

        Path half = Files.writeString(dir.resolve("half.env"), "PERPCARRY_TELEGRAM_BOT_TOKEN=" + token + "\n");
        Result bad = check("--config", "config/bot.json", "--env-file", half.toString());
        assertThat(bad.exit()).isEqualTo(Cli.EXIT_CONFIG);
        assertThat(bad.err()).contains("PERPCARRY_TELEGRAM_CHAT_ID is missing").doesNotContain("AAHsecret");
    }
}
