package dev.b2bsdk.generated.intouch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.reflect.TypeToken;
import dev.b2bsdk.generated.intouch.invoker.JSON;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every JSON example in {@code specs/intouch.yaml} (request bodies, success and error responses)
 * must parse with the generated models and Gson adapters and serialise back to the same JSON.
 * A member the schema does not declare, or a date the adapters cannot read, fails the test.
 */
class SpecExamplesTest {

    private static final String MODEL_PACKAGE = "dev.b2bsdk.generated.intouch.model.";
    private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");
    /** The adapter writes local date-times with a space; the vendor sends a 'T'. Same value. */
    private static final Pattern LOCAL_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");

    private final Gson gson = new JSON().getGson();

    /** One example together with the schema it illustrates. */
    private record Case(String where, JsonNode schema, JsonNode example) { }

    @Test
    void everyExampleRoundTripsThroughGeneratedModels() throws IOException {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(specPath()));
        List<Case> cases = collect(spec);

        assertThat(cases).as("examples found in the spec").hasSizeGreaterThan(60);
        for (Case c : cases) {
            Type type = javaType(c.schema());
            JsonElement original = JsonParser.parseString(c.example().toString());
            Object parsed = gson.fromJson(original, type);
            JsonElement back = gson.toJsonTree(parsed, type);
            assertThat(normalise(back)).as(c.where()).isEqualTo(normalise(original));
        }
    }

    @Test
    void everySuccessResponseWithBodyHasAnExample() throws IOException {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(specPath()));
        List<String> missing = new ArrayList<>();
        forEachOperation(spec, (where, op) -> op.path("responses").fields().forEachRemaining(r -> {
            JsonNode json = resolve(spec, r.getValue()).path("content").path("application/json");
            if (r.getKey().startsWith("2") && !json.isMissingNode()
                    && !json.has("example") && !json.has("examples")) {
                missing.add(where + " " + r.getKey());
            }
        }));
        assertThat(missing).isEmpty();
    }

    private static List<Case> collect(JsonNode spec) {
        List<Case> cases = new ArrayList<>();
        forEachOperation(spec, (where, op) -> {
            addCases(spec, where + " request", op.path("requestBody").path("content").path("application/json"), cases);
            op.path("responses").fields().forEachRemaining(r -> addCases(spec, where + " " + r.getKey(),
                    resolve(spec, r.getValue()).path("content").path("application/json"), cases));
        });
        return cases;
    }

    private static void addCases(JsonNode spec, String where, JsonNode media, List<Case> cases) {
        if (media.isMissingNode()) {
            return;
        }
        JsonNode schema = media.path("schema");
        if (media.has("example")) {
            cases.add(new Case(where, schema, media.get("example")));
        }
        media.path("examples").fields().forEachRemaining(e ->
                cases.add(new Case(where + " " + e.getKey(), schema, resolve(spec, e.getValue()).get("value"))));
    }

    private interface OperationVisitor {
        void visit(String where, JsonNode operation);
    }

    private static void forEachOperation(JsonNode spec, OperationVisitor visitor) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    visitor.visit(method.toUpperCase() + " " + path.getKey(), path.getValue().get(method));
                }
            }
        }
    }

    /** Follows a local {@code $ref} ("#/components/...") once. */
    private static JsonNode resolve(JsonNode spec, JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : spec.at(ref.asText().substring(1));
    }

    private static Type javaType(JsonNode schema) {
        if (schema.has("$ref")) {
            return modelClass(schema.get("$ref").asText());
        }
        assertThat(schema.path("type").asText()).as("inline schema %s", schema).isEqualTo("array");
        return TypeToken.getParameterized(List.class, modelClass(schema.path("items").path("$ref").asText())).getType();
    }

    private static Class<?> modelClass(String ref) {
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        try {
            return Class.forName(MODEL_PACKAGE + name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no generated model for " + ref, e);
        }
    }

    /** Drops null members (Gson does not write them) and writes local date-times one way. */
    private static JsonElement normalise(JsonElement element) {
        if (element.isJsonObject()) {
            JsonObject copy = new JsonObject();
            element.getAsJsonObject().entrySet().stream()
                    .filter(e -> !e.getValue().isJsonNull())
                    .forEach(e -> copy.add(e.getKey(), normalise(e.getValue())));
            return copy;
        }
        if (element.isJsonArray()) {
            JsonArray copy = new JsonArray();
            element.getAsJsonArray().forEach(e -> copy.add(normalise(e)));
            return copy;
        }
        if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()
                && LOCAL_DATE_TIME.matcher(element.getAsString()).matches()) {
            return new JsonPrimitive(element.getAsString().replace('T', ' '));
        }
        return element;
    }

    /** specs/intouch.yaml, found from the module directory (Surefire's working directory) upwards. */
    private static Path specPath() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("specs/intouch.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("specs/intouch.yaml not found above " + Path.of("").toAbsolutePath());
    }
}
