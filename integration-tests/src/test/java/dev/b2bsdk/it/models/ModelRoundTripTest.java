package dev.b2bsdk.it.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.internal.LazilyParsedNumber;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Property-based round trip over EVERY object schema of the four specs: random JSON valid for
 * the schema, plus what real servers add (unknown properties at every level, unknown enum values,
 * explicit nulls, absent and empty lists, fractional seconds, 19-digit integers and decimals
 * beyond double precision) → parse into the generated model → serialise → JSON-equal to the
 * input (order-insensitive; numbers compared by exact decimal value, everything else exactly).
 *
 * <p>The schemas come from the specs themselves (swagger-parser), so a schema added to a spec is
 * covered without touching this test, and a schema without a generated model fails it. Prints
 * {@code round trip: N models, N preserved}.
 */
public class ModelRoundTripTest {

  private static final String[] APIS = {"itcare", "carecloud", "shopapp", "intouch"};
  private static final int SAMPLES = 40;
  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  @Test
  void everyModelOfEverySpecRoundTripsExactly() throws Exception {
    int models = 0;
    int preserved = 0;
    List<String> failures = new ArrayList<>();
    List<String> formSchemas = new ArrayList<>();
    for (String api : APIS) {
      OpenAPI spec = parse(api);
      Gson gson = gson(api);
      DateTimeFormatter localWrite = (DateTimeFormatter) jsonClass(api)
          .getField("LOCAL_DATE_TIME_WRITE").get(null);
      Map<String, Schema> schemas = spec.getComponents().getSchemas();
      for (Map.Entry<String, Schema> e : new java.util.TreeMap<>(schemas).entrySet()) {
        if (!isObject(e.getValue(), schemas)) {
          continue;
        }
        if (formOnly(spec).contains(e.getKey())) {
          // a form body (application/x-www-form-urlencoded): the generator inlines its fields as
          // @Field parameters, there is no JSON model to round-trip
          formSchemas.add(api + " " + e.getKey());
          continue;
        }
        models++;
        Class<?> type = modelClass(api, e.getKey());
        if (type == null) {
          failures.add(api + " " + e.getKey() + ": no generated model class");
          continue;
        }
        Generator generator = new Generator(schemas, localWrite,
            new Random(31L * e.getKey().hashCode() + api.hashCode()));
        String failure = null;
        for (int i = 0; i < SAMPLES && failure == null; i++) {
          JsonElement input = generator.object(e.getValue(), 0, i);
          String text = input.toString();
          String written;
          try {
            written = gson.toJson(gson.fromJson(text, type));
          } catch (RuntimeException ex) {
            failure = api + " " + e.getKey() + ": " + ex + "\n  input:  " + text;
            break;
          }
          JsonElement output = JsonParser.parseString(written);
          if (!jsonEquals(input, output)) {
            failure = api + " " + e.getKey() + " (sample " + i + ")\n  input:  " + text
                + "\n  output: " + written;
          }
        }
        if (failure == null) {
          preserved++;
        } else {
          failures.add(failure);
        }
      }
    }
    System.out.println("round trip: " + models + " models, " + preserved + " preserved"
        + (formSchemas.isEmpty() ? "" : " (form bodies, no JSON model: " + formSchemas + ")"));
    assertThat(failures).as("models that lost or changed data").isEmpty();
    assertThat(preserved).isEqualTo(models).isGreaterThan(150);
  }

  @Test
  void theComparisonSeesALostFieldAChangedNumberAndANullTurnedAbsent() {
    // guards the guard: the equality used above is not vacuous
    JsonElement a = JsonParser.parseString("{\"a\":1,\"b\":[1,{\"c\":null}],\"n\":12345678901234567890.123456789}");
    assertThat(jsonEquals(a, JsonParser.parseString(
        "{\"b\":[1,{\"c\":null}],\"a\":1.0,\"n\":12345678901234567890.1234567890}"))).isTrue();
    assertThat(jsonEquals(a, JsonParser.parseString("{\"a\":1,\"b\":[1,{\"c\":null}]}"))).isFalse();
    assertThat(jsonEquals(a, JsonParser.parseString(
        "{\"a\":1,\"b\":[1,{}],\"n\":12345678901234567890.123456789}"))).isFalse();
    assertThat(jsonEquals(a, JsonParser.parseString(
        "{\"a\":1,\"b\":[1,{\"c\":null}],\"n\":12345678901234567890.12345679}"))).isFalse();
    assertThat(jsonEquals(JsonParser.parseString("{\"d\":\"2024-01-01 10:00:00.5\"}"),
        JsonParser.parseString("{\"d\":\"2024-01-01 10:00:00\"}"))).isFalse();
  }

  // ---------------------------------------------------------------------------------------------

  /** JSON equality: objects order-insensitive, numbers by exact decimal value, strings exact. */
  public static boolean jsonEquals(JsonElement a, JsonElement b) {
    if (a.isJsonNull() || b.isJsonNull()) {
      return a.isJsonNull() && b.isJsonNull();
    }
    if (a.isJsonObject() && b.isJsonObject()) {
      JsonObject x = a.getAsJsonObject();
      JsonObject y = b.getAsJsonObject();
      if (!x.keySet().equals(y.keySet())) {
        return false;
      }
      for (String k : x.keySet()) {
        if (!jsonEquals(x.get(k), y.get(k))) {
          return false;
        }
      }
      return true;
    }
    if (a.isJsonArray() && b.isJsonArray()) {
      JsonArray x = a.getAsJsonArray();
      JsonArray y = b.getAsJsonArray();
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!jsonEquals(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isJsonPrimitive() && b.isJsonPrimitive()) {
      JsonPrimitive x = a.getAsJsonPrimitive();
      JsonPrimitive y = b.getAsJsonPrimitive();
      if (x.isNumber() && y.isNumber()) {
        return new BigDecimal(x.getAsString()).compareTo(new BigDecimal(y.getAsString())) == 0;
      }
      return x.isString() == y.isString() && x.isBoolean() == y.isBoolean()
          && x.getAsString().equals(y.getAsString());
    }
    return false;
  }

  private static OpenAPI parse(String api) throws IOException {
    try (InputStream in = ModelRoundTripTest.class.getClassLoader()
        .getResourceAsStream("specs/" + api + ".yaml")) {
      assertThat(in).as("specs/" + api + ".yaml on the class path").isNotNull();
      ParseOptions options = new ParseOptions();
      options.setResolve(false);
      return new OpenAPIV3Parser()
          .readContents(new String(in.readAllBytes(), StandardCharsets.UTF_8), null, options)
          .getOpenAPI();
    }
  }

  /** Schemas referenced only as form bodies. */
  @SuppressWarnings("rawtypes")
  private static Set<String> formOnly(OpenAPI spec) {
    Set<String> form = new TreeSet<>();
    Set<String> other = new TreeSet<>();
    spec.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
      if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
        op.getRequestBody().getContent().forEach((type, media) -> {
          Schema s = media.getSchema();
          if (s != null && s.get$ref() != null) {
            String name = s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1);
            (type.contains("x-www-form-urlencoded") ? form : other).add(name);
          }
        });
      }
    }));
    // referenced anywhere else (a response, another schema) means a model exists
    String all = io.swagger.v3.core.util.Json.pretty(spec.getComponents().getSchemas())
        + io.swagger.v3.core.util.Json.pretty(spec.getPaths());
    form.removeIf(name -> other.contains(name)
        || countOf(all, "/" + name + "\"") > 1);
    return form;
  }

  private static int countOf(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  private static Class<?> jsonClass(String api) throws ClassNotFoundException {
    return Class.forName("dev.b2bsdk.generated." + api + ".invoker.JSON");
  }

  private static Gson gson(String api) throws Exception {
    Object json = jsonClass(api).getConstructor().newInstance();
    return (Gson) json.getClass().getMethod("getGson").invoke(json);
  }

  private static Class<?> modelClass(String api, String schemaName) {
    StringBuilder name = new StringBuilder();
    boolean upper = true;
    for (char c : schemaName.toCharArray()) {
      if (!Character.isLetterOrDigit(c)) {
        upper = true;
        continue;
      }
      name.append(upper ? Character.toUpperCase(c) : c);
      upper = false;
    }
    try {
      return Class.forName("dev.b2bsdk.generated." + api + ".model." + name);
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  @SuppressWarnings("rawtypes")
  private static Schema deref(Schema s, Map<String, Schema> schemas) {
    while (s != null && s.get$ref() != null) {
      String ref = s.get$ref();
      s = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return s;
  }

  @SuppressWarnings("rawtypes")
  private static boolean isObject(Schema s, Map<String, Schema> schemas) {
    s = deref(s, schemas);
    if (s == null || s.getEnum() != null) {
      return false;
    }
    return "object".equals(s.getType()) || s.getProperties() != null || s.getAllOf() != null;
  }

  /** Random JSON for a schema. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  static final class Generator {
    private final Map<String, Schema> schemas;
    private final DateTimeFormatter localWrite;
    private final Random random;

    Generator(Map<String, Schema> schemas, DateTimeFormatter localWrite, Random random) {
      this.schemas = schemas;
      this.localWrite = localWrite;
      this.random = random;
    }

    /** Properties of an object schema, allOf merged; required names into {@code required}. */
    private Map<String, Schema> properties(Schema s, Set<String> required) {
      s = deref(s, schemas);
      Map<String, Schema> out = new LinkedHashMap<>();
      if (s.getAllOf() != null) {
        for (Object part : s.getAllOf()) {
          out.putAll(properties((Schema) part, required));
        }
      }
      if (s.getProperties() != null) {
        out.putAll(s.getProperties());
      }
      if (s.getRequired() != null) {
        required.addAll(s.getRequired());
      }
      return out;
    }

    JsonElement object(Schema schema, int depth, int sample) {
      Set<String> required = new TreeSet<>();
      Map<String, Schema> props = properties(schema, required);
      JsonObject o = new JsonObject();
      for (Map.Entry<String, Schema> p : props.entrySet()) {
        boolean must = required.contains(p.getKey()) || sample == 0;
        int dice = random.nextInt(10);
        if (!must && dice < 2) {
          continue;                              // absent: must stay absent
        }
        if (!must && dice < 4 || depth > 4) {
          o.add(p.getKey(), JsonNull.INSTANCE);  // explicit null: must come back as null
          continue;
        }
        o.add(p.getKey(), value(p.getValue(), depth + 1));
      }
      Schema s = deref(schema, schemas);
      Object extra = s.getAdditionalProperties();
      if (extra instanceof Schema && !props.isEmpty()) {
        // declared map entries are not expected on a model with properties (the trap in toolchain.md)
        extra = null;
      }
      if (sample % 3 != 2) {
        // what the vendor added after the spec was written
        o.add("x_unknown_" + random.nextInt(1000), anyJson(depth + 1));
        if (random.nextBoolean()) {
          o.add("x_unknown_null", JsonNull.INSTANCE);
        }
      }
      return o;
    }

    private JsonElement value(Schema schema, int depth) {
      Schema s = deref(schema, schemas);
      if (s == null) {
        return anyJson(depth);
      }
      if (isObject(s, schemas) && !(s.getProperties() == null && s.getAllOf() == null
          && s.getAdditionalProperties() != null)) {
        return object(s, depth, 1 + random.nextInt(10));
      }
      String type = s.getType();
      if (type == null && s.getTypes() != null && !s.getTypes().isEmpty()) {
        type = (String) s.getTypes().iterator().next();
      }
      if (s.getEnum() != null && !s.getEnum().isEmpty() && "boolean".equals(type)) {
        // a boolean enum (the vendor lists true and false) stays a JSON boolean
        return new JsonPrimitive(Boolean.valueOf(String.valueOf(
            s.getEnum().get(random.nextInt(s.getEnum().size())))));
      }
      if (s.getEnum() != null && !s.getEnum().isEmpty()) {
        boolean unknown = random.nextInt(4) == 0;
        if ("integer".equals(type)) {
          return new JsonPrimitive(unknown ? 9000 + random.nextInt(999)
              : ((Number) s.getEnum().get(random.nextInt(s.getEnum().size()))).intValue());
        }
        return new JsonPrimitive(unknown ? "VENDOR_ADDED_" + random.nextInt(99)
            : String.valueOf(s.getEnum().get(random.nextInt(s.getEnum().size()))));
      }
      if (type == null) {
        return anyJson(depth);
      }
      switch (type) {
        case "array": {
          JsonArray a = new JsonArray();
          int n = random.nextInt(4);   // 0: an empty list must stay an empty list
          for (int i = 0; i < n; i++) {
            a.add(value(s.getItems(), depth + 1));
          }
          return a;
        }
        case "object": {
          JsonObject map = new JsonObject();
          Object extra = s.getAdditionalProperties();
          for (int i = random.nextInt(3); i > 0; i--) {
            map.add("k" + random.nextInt(100), extra instanceof Schema
                ? value((Schema) extra, depth + 1) : anyJson(depth + 1));
          }
          return map;
        }
        case "integer":
          // only int64 is a long: an integer without a format is generated as an Integer
          return new JsonPrimitive(!"int64".equals(s.getFormat())
              ? (Number) (random.nextBoolean() ? Integer.MAX_VALUE - random.nextInt(9) : random.nextInt(5000) - 100)
              : (Number) (random.nextBoolean() ? 9_007_199_254_740_993L + random.nextInt(1000) // > 2^53
                  : (long) random.nextInt(100000)));
        case "number":
          if ("double".equals(s.getFormat())) {
            return new JsonPrimitive(random.nextInt(100000) / 64.0);
          }
          if ("float".equals(s.getFormat())) {
            return new JsonPrimitive(random.nextInt(100000) / 16.0f);
          }
          // BigDecimal: more digits than a double holds
          return new JsonPrimitive(new LazilyParsedNumber(
              (1 + random.nextInt(999)) + "12345678901234567." + (100 + random.nextInt(900)) + "000000001"));
        case "boolean":
          return new JsonPrimitive(random.nextBoolean());
        default:
          return new JsonPrimitive(string(s.getFormat()));
      }
    }

    private String string(String format) {
      int nanos = random.nextBoolean() ? 0 : (1 + random.nextInt(999)) * 1_000_000 + random.nextInt(1000) * 1000;
      LocalDateTime ldt = LocalDateTime.of(1950 + random.nextInt(80), 1 + random.nextInt(12),
          1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60), nanos);
      if (format == null) {
        return "Žluťoučký kůň " + random.nextInt(1000) + (random.nextBoolean() ? " \"quoted\" \\ ✓" : "");
      }
      switch (format) {
        case "date-time":
          return OFFSET.format(ldt.atOffset(random.nextBoolean() ? ZoneOffset.UTC : ZoneOffset.ofHoursMinutes(2, 0)));
        case "local-date-time":
          return localWrite.format(ldt);
        case "date":
          return LocalDate.from(ldt).toString();
        case "local-time":
          return DateTimeFormatter.ISO_LOCAL_TIME.format(LocalTime.from(ldt));
        case "uuid":
          return new UUID(random.nextLong(), random.nextLong()).toString();
        default:
          return "text-" + random.nextInt(1000);
      }
    }

    /** Arbitrary JSON: what an undeclared property or an untyped value may hold. */
    private JsonElement anyJson(int depth) {
      switch (depth > 3 ? random.nextInt(4) : random.nextInt(7)) {
        case 0: return JsonNull.INSTANCE;
        case 1: return new JsonPrimitive(new LazilyParsedNumber("123456789012345678901234567890.000000000000000000001"));
        case 2: return new JsonPrimitive("free text " + random.nextInt(100));
        case 3: return new JsonPrimitive(random.nextBoolean());
        case 4: {
          JsonArray a = new JsonArray();
          a.add(anyJson(depth + 1));
          a.add(JsonNull.INSTANCE);
          a.add(new JsonArray());
          return a;
        }
        default: {
          JsonObject o = new JsonObject();
          o.add("nested", anyJson(depth + 1));
          o.add("nothing", JsonNull.INSTANCE);
          o.add("empty", new JsonArray());
          o.add("n", new JsonPrimitive(new LazilyParsedNumber("1e400")));
          return o;
        }
      }
    }
  }
}
