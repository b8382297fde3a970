package dev.b2bsdk.generated.shopapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.gson.Gson;
import dev.b2bsdk.generated.shopapp.api.AuthenticationApi;
import dev.b2bsdk.generated.shopapp.api.CatalogueApi;
import dev.b2bsdk.generated.shopapp.api.InterfacePrestationsApi;
import dev.b2bsdk.generated.shopapp.api.InterfacesApi;
import dev.b2bsdk.generated.shopapp.invoker.JSON;
import dev.b2bsdk.generated.shopapp.model.ErrorResponse;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import retrofit2.http.Body;

/**
 * Every example printed in specs/shopapp.yaml must parse, with the generated models and the
 * generated Gson adapters, into exactly the value it shows: a date example the adapter cannot
 * read, or a field name the model does not know, fails here.
 */
class SpecExamplesTest {

  private static final Path SPEC = Path.of(System.getProperty("user.dir"), "..", "..", "specs", "shopapp.yaml");
  private static final List<Class<?>> APIS = List.of(
      AuthenticationApi.class, InterfacesApi.class, InterfacePrestationsApi.class, CatalogueApi.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Gson GSON = new JSON().getGson();

  static Stream<Arguments> examples() throws IOException {
    JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(SPEC.toFile());
    List<Arguments> cases = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        JsonNode op = ops.next().getValue();
        if (!op.has("operationId")) {
          continue; // path-level "parameters"
        }
        Method method = apiMethod(op.get("operationId").asText());
        Type returned = ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
        JsonNode ok = op.path("responses").path("200").path("content").path("application/json");
        addExamples(cases, op.get("operationId").asText() + " 200", ok, returned);
        JsonNode body = op.path("requestBody").path("content").path("application/json");
        if (!body.isMissingNode()) {
          addExamples(cases, op.get("operationId").asText() + " request", body, bodyType(method));
        }
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> responses = spec.path("components").path("responses").fields();
        responses.hasNext(); ) {
      Map.Entry<String, JsonNode> response = responses.next();
      addExamples(cases, response.getKey(), response.getValue().path("content").path("application/json"),
          ErrorResponse.class);
    }
    return cases.stream();
  }

  @Test
  void everyExampleOfTheSpecIsCollected() throws IOException {
    // Eleven operations with one 200 example, getInterface with three, two request bodies, four
    // shared error responses: a lost example (or a broken walk of the spec) shows up here.
    assertThat(examples().count()).isEqualTo(11 + 3 + 2 + 4);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleParsesIntoWhatItShows(String name, JsonNode example, Type type) throws IOException {
    Object parsed = GSON.fromJson(MAPPER.writeValueAsString(example), type);
    JsonNode written = MAPPER.readTree(GSON.toJson(parsed, type));

    assertThat(normalise(written)).isEqualTo(normalise(example));
  }

  private static void addExamples(List<Arguments> cases, String name, JsonNode media, Type type) {
    if (media.has("example")) {
      cases.add(Arguments.of(name, media.get("example"), type));
    }
    for (Iterator<Map.Entry<String, JsonNode>> named = media.path("examples").fields(); named.hasNext(); ) {
      Map.Entry<String, JsonNode> example = named.next();
      cases.add(Arguments.of(name + " " + example.getKey(), example.getValue().get("value"), type));
    }
  }

  private static Method apiMethod(String operationId) {
    return APIS.stream()
        .flatMap(api -> Stream.of(api.getMethods()))
        .filter(m -> m.getName().equals(operationId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no generated method for operationId " + operationId));
  }

  private static Type bodyType(Method method) {
    for (Parameter parameter : method.getParameters()) {
      if (parameter.isAnnotationPresent(Body.class)) {
        return parameter.getParameterizedType();
      }
    }
    throw new AssertionError(method.getName() + " has a request body in the spec but no @Body parameter");
  }

  /**
   * Puts the example and the re-serialised value on the same footing: "" dates read as null and
   * nulls are not written back, and a number compares by value (490 == 490.0).
   */
  private static JsonNode normalise(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      node.fields().forEachRemaining(field -> {
        JsonNode value = field.getValue();
        if (!value.isNull() && !(value.isTextual() && value.asText().isEmpty())) {
          copy.set(field.getKey(), normalise(value));
        }
      });
      return copy;
    }
    if (node.isArray()) {
      var copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> copy.add(normalise(item)));
      return copy;
    }
    if (node.isNumber()) {
      return JsonNodeFactory.instance.numberNode(node.decimalValue().stripTrailingZeros());
    }
    return node;
  }
}
