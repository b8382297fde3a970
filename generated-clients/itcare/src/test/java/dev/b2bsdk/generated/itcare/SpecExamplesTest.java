package dev.b2bsdk.generated.itcare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.b2bsdk.generated.itcare.api.ActionsApi;
import dev.b2bsdk.generated.itcare.api.AuthenticationApi;
import dev.b2bsdk.generated.itcare.api.DatabasesApi;
import dev.b2bsdk.generated.itcare.api.GlusterFsApi;
import dev.b2bsdk.generated.itcare.api.HealthApi;
import dev.b2bsdk.generated.itcare.api.InstancesApi;
import dev.b2bsdk.generated.itcare.api.MatomoApi;
import dev.b2bsdk.generated.itcare.api.MessageBrokersApi;
import dev.b2bsdk.generated.itcare.api.OverdriveApi;
import dev.b2bsdk.generated.itcare.api.ResourcesApi;
import dev.b2bsdk.generated.itcare.api.ServicesApi;
import dev.b2bsdk.generated.itcare.invoker.JSON;
import dev.b2bsdk.generated.itcare.model.ActionTracking;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.HTTP;
import retrofit2.http.Header;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;

/**
 * Every JSON example of {@code specs/itcare.yaml} read by the generated models: each one parses
 * into the Java type of its operation, and writing it back keeps every non-null field and value
 * (dates compared as {@link OffsetDateTime}). A renamed field, a wrong type or a date the
 * adapters cannot read fails here. Also checks the generated surface against the spec's
 * conventions (one method per operationId, dry-run header on mutations, async → ActionTracking).
 *
 * <p>Reads YAML with jackson-dataformat-yaml, which WireMock brings onto the test classpath.
 */
class SpecExamplesTest {

  private static final List<Class<?>> APIS = List.of(ActionsApi.class, AuthenticationApi.class,
      HealthApi.class, InstancesApi.class, OverdriveApi.class, ResourcesApi.class, ServicesApi.class,
      GlusterFsApi.class, DatabasesApi.class, MessageBrokersApi.class, MatomoApi.class);
  private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
  private static final Pattern DATE_TIME = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T.*");

  private static JsonNode spec;
  private static final Map<String, Method> methodsByOperationId = new HashMap<>();
  private final Gson gson = new JSON().getGson();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void load() throws IOException {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("specs/itcare.yaml"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("specs/itcare.yaml above the working directory").isNotNull();
    spec = new ObjectMapper(new YAMLFactory()).readTree(dir.resolve("specs/itcare.yaml").toFile());
    for (Class<?> api : APIS) {
      for (Method m : api.getDeclaredMethods()) {
        methodsByOperationId.put(m.getName(), m);
      }
    }
  }

  /** Calls {@code visitor} for each operation as (method, path, operation node). */
  private static void eachOperation(OperationVisitor visitor) {
    Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String method : METHODS) {
        JsonNode op = path.getValue().get(method);
        if (op != null) {
          visitor.visit(method, path.getKey(), op);
        }
      }
    }
  }

  private interface OperationVisitor {
    void visit(String method, String path, JsonNode operation);
  }

  private static JsonNode resolve(JsonNode node) {
    JsonNode ref = node.get("$ref");
    if (ref == null) {
      return node;
    }
    JsonNode target = spec;
    for (String part : ref.asText().substring(2).split("/")) {
      target = target.get(part);
    }
    return target;
  }

  private static Type callType(Method m) {
    return ((ParameterizedType) m.getGenericReturnType()).getActualTypeArguments()[0];
  }

  private static boolean has(Parameter p, Class<? extends Annotation> annotation) {
    return p.getAnnotation(annotation) != null;
  }

  @Test
  void everyOperationHasOneGeneratedMethod() {
    List<String> missing = new ArrayList<>();
    int[] count = {0};
    eachOperation((method, path, op) -> {
      count[0]++;
      if (!methodsByOperationId.containsKey(op.get("operationId").asText())) {
        missing.add(op.get("operationId").asText());
      }
    });
    assertThat(missing).as("operationIds without a generated method").isEmpty();
    assertThat(methodsByOperationId).hasSize(count[0]);
  }

  @Test
  void everyJsonExampleSurvivesTheGeneratedModels() throws IOException {
    List<String> problems = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    List<IOException> failures = new ArrayList<>();
    eachOperation((method, path, op) -> {
      Method m = methodsByOperationId.get(op.get("operationId").asText());
      if (m == null) {
        return;
      }
      String where = method.toUpperCase() + " " + path;
      try {
        Iterator<Map.Entry<String, JsonNode>> responses = op.get("responses").fields();
        while (responses.hasNext()) {
          Map.Entry<String, JsonNode> response = responses.next();
          if (response.getKey().startsWith("2")) {
            for (Map.Entry<String, JsonNode> example : jsonExamples(resolve(response.getValue()))) {
              String label = where + " " + response.getKey() + " " + example.getKey();
              check(label, example.getValue(), callType(m), problems);
              checked.add(label);
            }
          }
        }
        if (op.has("requestBody")) {
          for (Map.Entry<String, JsonNode> example : jsonExamples(op.get("requestBody"))) {
            if (!example.getKey().startsWith("application/json")) {
              continue; // the form body of the token request
            }
            Parameter body = Arrays.stream(m.getParameters()).filter(p -> has(p, Body.class)).findFirst().orElseThrow();
            String label = where + " request " + example.getKey();
            check(label, example.getValue(), body.getParameterizedType(), problems);
            checked.add(label);
          }
        }
      } catch (IOException e) {
        failures.add(e);
      }
    });
    assertThat(failures).isEmpty();
    assertThat(problems).as("examples that do not survive the models").isEmpty();
    // every JSON example (single or named, of every JSON media type) of every success response
    // and request body: none skipped silently
    System.out.println("itcare spec examples checked: " + checked.size());
    assertThat(checked).hasSize(EXPECTED_EXAMPLES);
  }

  /**
   * 49 single JSON examples of success responses (the 200 and the 202 of an asynchronous PATCH or
   * DELETE count apart) + 5 named ones (the Overdrive list, and the GlusterFS and Matomo lists
   * under two media types each) + 15 single JSON request examples + 8 named request examples
   * (the PostgreSQL, OpenSearch and Matomo operations).
   */
  private static final int EXPECTED_EXAMPLES = 77;

  /** The JSON examples of a response or request body, by "media type [example name]". */
  private static List<Map.Entry<String, JsonNode>> jsonExamples(JsonNode holder) {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    JsonNode content = holder.path("content");
    Iterator<Map.Entry<String, JsonNode>> media = content.fields();
    while (media.hasNext()) {
      Map.Entry<String, JsonNode> type = media.next();
      if (!type.getKey().contains("json")) {
        continue;
      }
      if (type.getValue().has("example")) {
        out.add(Map.entry(type.getKey(), type.getValue().get("example")));
      }
      Iterator<Map.Entry<String, JsonNode>> named = type.getValue().path("examples").fields();
      while (named.hasNext()) {
        Map.Entry<String, JsonNode> example = named.next();
        out.add(Map.entry(type.getKey() + " " + example.getKey(), resolve(example.getValue()).get("value")));
      }
    }
    return out;
  }

  private void check(String where, JsonNode example, Type type, List<String> problems) throws IOException {
    String text = json.writeValueAsString(example);
    Object parsed;
    try {
      parsed = gson.fromJson(text, type);
    } catch (RuntimeException e) {
      problems.add(where + ": does not parse into " + type.getTypeName() + ": " + e.getMessage());
      return;
    }
    compare(where, JsonParser.parseString(text), gson.toJsonTree(parsed, type), problems);
  }

  private static void compare(String where, JsonElement expected, JsonElement actual, List<String> problems) {
    if (expected.isJsonNull()) {
      return;
    }
    if (actual == null || actual.isJsonNull()) {
      problems.add(where + ": dropped " + expected);
    } else if (expected.isJsonObject()) {
      for (Map.Entry<String, JsonElement> e : expected.getAsJsonObject().entrySet()) {
        compare(where + "." + e.getKey(), e.getValue(), actual.getAsJsonObject().get(e.getKey()), problems);
      }
    } else if (expected.isJsonArray()) {
      if (!actual.isJsonArray() || actual.getAsJsonArray().size() != expected.getAsJsonArray().size()) {
        problems.add(where + ": array " + expected + " became " + actual);
        return;
      }
      for (int i = 0; i < expected.getAsJsonArray().size(); i++) {
        compare(where + "[" + i + "]", expected.getAsJsonArray().get(i), actual.getAsJsonArray().get(i), problems);
      }
    } else if (!samePrimitive(expected.getAsJsonPrimitive(), actual)) {
      problems.add(where + ": " + expected + " became " + actual);
    }
  }

  private static boolean samePrimitive(JsonPrimitive expected, JsonElement actual) {
    if (!actual.isJsonPrimitive()) {
      return false;
    }
    JsonPrimitive got = actual.getAsJsonPrimitive();
    if (expected.isNumber() && got.isNumber()) {
      return new BigDecimal(expected.getAsString()).compareTo(new BigDecimal(got.getAsString())) == 0;
    }
    if (expected.isString() && DATE_TIME.matcher(expected.getAsString()).matches()) {
      return OffsetDateTime.parse(expected.getAsString(), JSON.OFFSET_DATE_TIME)
          .equals(OffsetDateTime.parse(got.getAsString(), JSON.OFFSET_DATE_TIME));
    }
    return expected.equals(got);
  }

  @Test
  void everyMutationTakesTheDryRunHeaderAndAsyncOperationsReturnTracking() {
    List<String> problems = new ArrayList<>();
    eachOperation((method, path, op) -> {
      String id = op.get("operationId").asText();
      Method m = methodsByOperationId.get(id);
      if (m == null || id.equals("getToken")) {
        return;
      }
      HTTP http = m.getAnnotation(HTTP.class);
      boolean mutating = m.isAnnotationPresent(POST.class) || m.isAnnotationPresent(PATCH.class)
          || m.isAnnotationPresent(PUT.class) || m.isAnnotationPresent(DELETE.class)
          || (http != null && List.of("POST", "PATCH", "PUT", "DELETE").contains(http.method()));
      boolean dryRun = Arrays.stream(m.getParameters())
          .anyMatch(p -> has(p, Header.class) && p.getAnnotation(Header.class).value().equals("ITCare-DryRun")
              && p.getType() == Boolean.class);
      if (mutating != dryRun) {
        problems.add(id + ": mutating=" + mutating + " but dry-run header=" + dryRun);
      }
      boolean async = op.path("x-async-action").asBoolean(false);
      if (async != op.path("responses").has("202")) {
        problems.add(id + ": x-async-action and 202 disagree");
      }
      if (async && callType(m) != ActionTracking.class) {
        problems.add(id + ": async but returns " + callType(m).getTypeName());
      }
    });
    assertThat(problems).isEmpty();
  }
}
