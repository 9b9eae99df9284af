package io.perpcarry.engine;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh {@link Fixture} (engine beans on two fake venues) in a temporary data directory for every test. */
abstract class OnFixture {
    @TempDir
    Path dir;
    Fixture f;

    @BeforeEach
    void setUpFixture() {
        f = new Fixture(dir);
    }

    @AfterEach
    void closeFixture() {
        f.close();
    }
}
