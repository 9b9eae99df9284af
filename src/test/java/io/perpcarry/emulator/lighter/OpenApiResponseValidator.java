package io.perpcarry.emulator.lighter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Validates JSON bodies against the official Lighter OpenAPI (swagger 2.0) definitions in
 * {@code src/test/resources/reference/lighter-openapi.json}. A definition is checked as a draft-4 schema
 * {@code {"$ref":"#/definitions/Name","definitions":{...all spec definitions...}}}, so nested refs resolve
 * inside the spec.
 */
public final class OpenApiResponseValidator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode SPEC = load();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

    private OpenApiResponseValidator() {
    }

    private static JsonNode load() {
        try (InputStream in = OpenApiResponseValidator.class.getResourceAsStream("/reference/lighter-openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("reference/lighter-openapi.json not on the test classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The definition name the spec gives for {@code method path} and {@code status}, e.g. "OrderBooks". */
    public static String definitionFor(String method, String path, int status) {
        JsonNode resp = SPEC.path("paths").path(path).path(method.toLowerCase()).path("responses")
                .path(Integer.toString(status));
        String ref = resp.path("schema").path("$ref").asText("");
        if (!ref.startsWith("#/definitions/")) {
            throw new IllegalArgumentException("spec has no schema for " + method + " " + path + " " + status);
        }
        return ref.substring("#/definitions/".length());
    }

    /** Validation messages (empty when valid). */
    public static Set<String> errors(String definition, JsonNode body) {
        return schema(definition).validate(body).stream().map(ValidationMessage::getMessage)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Throws AssertionError listing every violation. */
    public static void assertValid(String definition, JsonNode body) {
        Set<String> errs = errors(definition, body);
        if (!errs.isEmpty()) {
            throw new AssertionError("response does not match #/definitions/" + definition + ": " + errs
                    + "\nbody: " + body);
        }
    }

    private static JsonSchema schema(String definition) {
        return CACHE.computeIfAbsent(definition, d -> {
            if (!SPEC.path("definitions").has(d)) {
                throw new IllegalArgumentException("no definition " + d + " in the spec");
            }
            ObjectNode root = JSON.createObjectNode();
            root.put("$schema", "http://json-schema.org/draft-04/schema#");
            root.put("$ref", "#/definitions/" + d);
            root.set("definitions", SPEC.get("definitions"));
            return FACTORY.getSchema(root);
        });
    }
}
