package io.perpcarry.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
            String row = readme.lines().filter(l -> l.startsWith("| `" + key.name() + "` |")).findFirst().orElseThrow();
            String documented = row.split("\\|")[3].trim().replace(",", "").replace("\"", "").replace("`", "");
            Object def = key.defaultValue();
            String expected = def == null ? "null" : def instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString()
                    : def instanceof java.util.List<?> l ? String.join(" ", l.stream().map(Object::toString).toList())
                    : def.toString();
            assertThat(documented).as(key.name() + " default").isEqualTo(expected.replace("\"", ""));
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
