package io.perpcarry.emulator.edgex;

import com.fasterxml.jackson.databind.JsonNode;

/** A REST endpoint: the {@code data} of a SUCCESS envelope, or an {@link EdgexError}. */
@FunctionalInterface
public interface EdgexHandler {
    JsonNode handle(EdgexCall call);
}
