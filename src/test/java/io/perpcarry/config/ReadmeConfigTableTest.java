package io.perpcarry.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table and .env.example stay in step with what the code accepts. */
class ReadmeConfigTableTest {
    @Test
    void everyKeyIsDocumentedWithItsDefault() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (ConfigKey key : BotConfigSchema.KEYS) {
            assertThat(readme).as(key.name()).contains("| `" + key.name() + "` |");
        }
    }

    @Test
    void everyCredentialIsInEnvExampleWithoutAValue() throws Exception {
        String example = Files.readString(Path.of(".env.example"));
        for (String name : RuntimeEnvironment.EDGEX_NAMES) {
            assertThat(example).contains("\n" + name + "=\n");
        }
        assertThat(example).contains("\nLIGHTER_API_KEY_PRIVATE_KEY=\n").contains("\nLIGHTER_ACCOUNT_INDEX=\n")
                .contains("\nLIGHTER_API_KEY_INDEX=\n");
    }
}
