package dev.b2bsdk.generated.carecloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.b2bsdk.generated.carecloud.invoker.JSON;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every request and response example in {@code specs/carecloud.yaml} must deserialise into the
 * generated model of its schema with the generated {@link JSON} adapters, and must not carry a
 * property the model does not know (Gson would drop it silently).
 */
class SpecExamplesTest {

    private static final String MODEL_PACKAGE = "dev.b2bsdk.generated.carecloud.model.";
    private static final String SCHEMA_REF = "#/components/schemas/";

    private final Gson gson = new JSON().getGson();

    @Test
    @SuppressWarnings("unchecked")
    void everyExampleParsesIntoItsModel() throws IOException {
        Map<String, Object> spec;
        // snakeyaml also resolves the YAML anchors the spec uses for repeated examples
        try (Reader in = Files.newBufferedReader(specFile())) {
            spec = new Yaml().load(in);
        }
        List<String> problems = new ArrayList<>();
        int checked = 0;
        Map<String, Object> paths = (Map<String, Object>) spec.get("paths");
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            for (Map.Entry<String, Object> op : ((Map<String, Object>) path.getValue()).entrySet()) {
                Map<String, Object> operation = (Map<String, Object>) op.getValue();
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
                if (body != null) {
                    checked += check(where + " request", (Map<String, Object>) body.get("content"), problems);
                }
                Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                for (Map.Entry<String, Object> response : responses.entrySet()) {
                    Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) response.getValue()).get("content");
                    if (content != null) {
                        checked += check(where + " " + response.getKey(), content, problems);
                    }
                }
            }
        }
        Map<String, Object> shared = (Map<String, Object>) ((Map<String, Object>) spec.get("components")).get("responses");
        for (Map.Entry<String, Object> response : shared.entrySet()) {
            Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) response.getValue()).get("content");
            checked += check("components.responses." + response.getKey(), content, problems);
        }

        assertThat(problems).isEmpty();
        // 270 success bodies + 106 request bodies + 6 error examples; fewer means examples went missing
        assertThat(checked).isGreaterThanOrEqualTo(382);
    }

    @SuppressWarnings("unchecked")
    private int check(String where, Map<String, Object> content, List<String> problems) {
        Map<String, Object> media = (Map<String, Object>) content.get("application/json");
        Object example = media.get("example");
        if (example == null) {
            return 0;
        }
        String ref = (String) ((Map<String, Object>) media.get("schema")).get("$ref");
        if (ref == null || !ref.startsWith(SCHEMA_REF)) {
            problems.add(where + ": schema is not a $ref to a named schema");
            return 0;
        }
        try {
            Class<?> model = Class.forName(MODEL_PACKAGE + ref.substring(SCHEMA_REF.length()));
            JsonElement expected = gson.toJsonTree(example);
            JsonElement actual = gson.toJsonTree(gson.fromJson(expected, model));
            compare(where, "$", expected, actual, problems);
        } catch (ClassNotFoundException | RuntimeException e) {
            problems.add(where + ": " + e);
        }
        return 1;
    }

    /** Every non-null value of the example must survive the trip through the model. */
    private static void compare(String where, String at, JsonElement expected, JsonElement actual, List<String> problems) {
        if (expected.isJsonNull()) {
            return;
        }
        if (actual == null || actual.isJsonNull()) {
            problems.add(where + ": " + at + " was dropped by the model");
        } else if (expected.isJsonObject()) {
            JsonObject got = actual.getAsJsonObject();
            expected.getAsJsonObject().entrySet().forEach(e ->
                    compare(where, at + "." + e.getKey(), e.getValue(), got.get(e.getKey()), problems));
        } else if (expected.isJsonArray()) {
            if (expected.getAsJsonArray().size() != actual.getAsJsonArray().size()) {
                problems.add(where + ": " + at + " changed length");
                return;
            }
            for (int i = 0; i < expected.getAsJsonArray().size(); i++) {
                compare(where, at + "[" + i + "]", expected.getAsJsonArray().get(i),
                        actual.getAsJsonArray().get(i), problems);
            }
        }
    }

    private static Path specFile() {
        // surefire runs in the module directory: generated-clients/carecloud
        Path file = Path.of("../../specs/carecloud.yaml").toAbsolutePath().normalize();
        assertThat(file).exists();
        return file;
    }
}
