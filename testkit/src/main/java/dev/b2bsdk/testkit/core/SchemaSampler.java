package dev.b2bsdk.testkit.core;

import wiremock.com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Synthesises a JSON value from a schema of an {@link OpenApiSpec}: deterministic for a given
 * {@link Random}, honouring {@code enum}, {@code format} (date, date-time, local-date-time,
 * local-time, email, uuid, uri, byte, int32/int64), {@code pattern} (simple regular expressions),
 * {@code minimum}/{@code maximum},
 * {@code minLength}/{@code maxLength}, {@code minItems}/{@code maxItems} and {@code allOf}. With
 * {@code useExamples}, a schema's own {@code example} wins (the spec author's realistic value);
 * without, every value is drawn from the random source (distinct records for a page).
 */
final class SchemaSampler {

  private static final int MAX_DEPTH = 8;
  private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 8, 0);
  private static final String[] WORDS = {"alpha", "bravo", "delta", "echo", "kilo", "lima",
      "nova", "orbit", "pixel", "quartz", "sigma", "tango", "vega", "zephyr"};

  private final OpenApiSpec spec;

  SchemaSampler(OpenApiSpec spec) {
    this.spec = spec;
  }

  /** A response value of {@code schema} (write-only properties left out). */
  JsonElement sample(JsonNode schema, Random random, boolean useExamples) {
    return new Run(random, useExamples, "writeOnly").sample(schema, 0, "value");
  }

  /** A request value of {@code schema} (read-only properties left out). */
  JsonElement sampleRequest(JsonNode schema, Random random) {
    return new Run(random, true, "readOnly").sample(schema, 0, "value");
  }

  /** The merged {@code properties} of an object schema and its {@code allOf} branches. */
  Map<String, JsonNode> properties(JsonNode schema) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    collect(spec.resolve(schema), out, new LinkedHashSet<>(), 0);
    return out;
  }

  /** The merged {@code required} names of an object schema and its {@code allOf} branches. */
  Set<String> required(JsonNode schema) {
    Set<String> out = new LinkedHashSet<>();
    collect(spec.resolve(schema), new LinkedHashMap<>(), out, 0);
    return out;
  }

  /** The effective type of a schema ({@code object} when it only has properties or allOf). */
  String type(JsonNode schema) {
    JsonNode s = spec.resolve(schema);
    if (s.has("type")) {
      return s.get("type").asText();
    }
    if (s.has("properties") || s.has("allOf")) {
      return "object";
    }
    if (s.has("items")) {
      return "array";
    }
    return "";
  }

  private void collect(JsonNode schema, Map<String, JsonNode> props, Set<String> required,
      int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    for (JsonNode branch : schema.path("allOf")) {
      collect(spec.resolve(branch), props, required, depth + 1);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      props.put(e.getKey(), e.getValue());
    }
    schema.path("required").forEach(r -> required.add(r.asText()));
  }

  /** One sampling pass: its random source, whether examples win, which access mode is left out. */
  private final class Run {
    private final Random random;
    private final boolean useExamples;
    private final String skipped;

    Run(Random random, boolean useExamples, String skipped) {
      this.random = random;
      this.useExamples = useExamples;
      this.skipped = skipped;
    }

    JsonElement sample(JsonNode raw, int depth, String name) {
      JsonNode schema = spec.resolve(raw);
      if (useExamples && schema.has("example")) {
        return toGson(schema.get("example"));
      }
      if (schema.has("enum") && schema.get("enum").size() > 0) {
        JsonNode values = schema.get("enum");
        int index = useExamples ? 0 : random.nextInt(values.size());
        JsonNode value = values.get(index);
        if (value.isNull() && values.size() > 1) {
          value = values.get(index == 0 ? 1 : 0);
        }
        return toGson(value);
      }
      if (schema.has("oneOf") || schema.has("anyOf")) {
        JsonNode options = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
        if (options.size() > 0) {
          return sample(options.get(0), depth + 1, name);
        }
      }
      return switch (type(schema)) {
        case "object" -> object(schema, depth);
        case "array" -> array(schema, depth, name);
        case "integer" -> new JsonPrimitive(integer(schema, random));
        case "number" -> new JsonPrimitive(number(schema, random));
        case "boolean" -> new JsonPrimitive(useExamples || random.nextBoolean());
        case "string" -> new JsonPrimitive(string(schema, random, name));
        default -> new JsonPrimitive(string(schema, random, name));
      };
    }

    JsonElement object(JsonNode schema, int depth) {
      JsonObject out = new JsonObject();
      if (depth >= MAX_DEPTH) {
        return out;
      }
      // allOf branches may carry their own examples: merge the samples of every branch
      for (JsonNode branch : schema.path("allOf")) {
        JsonElement part = sample(branch, depth + 1, "value");
        if (part.isJsonObject()) {
          part.getAsJsonObject().entrySet().forEach(e -> out.add(e.getKey(), e.getValue()));
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode prop = spec.resolve(e.getValue());
        if (prop.path(skipped).asBoolean(false)) {
          continue;
        }
        out.add(e.getKey(), sample(e.getValue(), depth + 1, e.getKey()));
      }
      return out;
    }

    JsonElement array(JsonNode schema, int depth, String name) {
      JsonArray out = new JsonArray();
      if (depth >= MAX_DEPTH || !schema.has("items")) {
        return out;
      }
      int min = schema.path("minItems").asInt(0);
      int max = schema.path("maxItems").asInt(Math.max(min, 2));
      int count = Math.max(min, Math.min(max, useExamples ? 1 : 1 + random.nextInt(2)));
      for (int i = 0; i < count; i++) {
        JsonElement item = i == 0 ? sample(schema.get("items"), depth + 1, name)
            : new Run(random, false, skipped).sample(schema.get("items"), depth + 1, name);
        out.add(item);
      }
      return out;
    }
  }

  private static long integer(JsonNode schema, Random random) {
    long min = schema.has("minimum") ? schema.get("minimum").asLong() : 1;
    long max = schema.has("maximum") ? schema.get("maximum").asLong()
        : Math.max(min, 1) + ("int32".equals(schema.path("format").asText()) ? 999 : 99_999);
    if (schema.path("exclusiveMinimum").asBoolean(false)) {
      min++;
    }
    if (schema.path("exclusiveMaximum").asBoolean(false)) {
      max--;
    }
    if (max <= min) {
      return min;
    }
    return min + Math.floorMod(random.nextLong(), max - min + 1);
  }

  private static double number(JsonNode schema, Random random) {
    double min = schema.has("minimum") ? schema.get("minimum").asDouble() : 0;
    double max = schema.has("maximum") ? schema.get("maximum").asDouble() : min + 1000;
    double value = min + random.nextDouble() * (max - min);
    return Math.round(value * 100) / 100.0;
  }

  private String string(JsonNode schema, Random random, String name) {
    if (schema.has("pattern")) {
      String matching = PatternSampler.sample(schema.get("pattern").asText(), random);
      if (matching != null) {
        return matching;
      }
    }
    String format = schema.path("format").asText("");
    LocalDateTime at = EPOCH.plusMinutes(random.nextInt(60 * 24 * 365));
    String value = switch (format) {
      case "date" -> at.toLocalDate().toString();
      case "date-time" -> at.atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      case "local-date-time" -> at.withNano(0).format(DateTimeFormatter.ofPattern(
          "yyyy-MM-dd'" + spec.dateTimeSeparator() + "'HH:mm:ss"));
      case "local-time", "time" -> at.format(DateTimeFormatter.ofPattern("HH:mm:ss"));
      case "email" -> word(random) + "." + word(random) + "@example.com";
      case "uuid" -> new UUID(random.nextLong(), random.nextLong()).toString();
      case "uri", "url" -> "https://example.com/" + word(random) + "/" + random.nextInt(10_000);
      case "byte" -> Base64.getEncoder().encodeToString(word(random).getBytes());
      default -> readable(name, random);
    };
    int minLength = schema.path("minLength").asInt(0);
    int maxLength = schema.path("maxLength").asInt(Integer.MAX_VALUE);
    StringBuilder padded = new StringBuilder(value);
    while (padded.length() < minLength) {
      padded.append('x');
    }
    String out = padded.toString();
    return out.length() > maxLength ? out.substring(0, maxLength) : out;
  }

  private static String readable(String name, Random random) {
    String base = name.replaceAll("[^A-Za-z0-9]", "");
    if (base.isEmpty() || base.length() > 12) {
      base = word(random);
    }
    return base + "-" + word(random) + "-" + (100 + random.nextInt(900));
  }

  private static String word(Random random) {
    return WORDS[random.nextInt(WORDS.length)];
  }

  /** A Jackson tree as a Gson tree. */
  static JsonElement toGson(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return JsonNull.INSTANCE;
    }
    return Json.parse(node.toString());
  }
}
