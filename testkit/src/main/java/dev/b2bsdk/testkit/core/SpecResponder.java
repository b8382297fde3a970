package dev.b2bsdk.testkit.core;

import wiremock.com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * The spec-driven default responder behind a mock's stateful routes: a request no stateful route
 * serves (or one whose spec operation is more specific than the stateful route it hit) is matched
 * to an operation of the mock's spec (server base path + path template + method), authenticated by
 * the mock's {@link MockServer#specGuard guard}, validated against the operation (required and
 * typed path/query parameters, required headers, a required body present, parseable and with its
 * required properties) — a violation is a 400 in the API's own error body — and answered with the
 * documented success status and the operation's example, or a value synthesised from the response
 * schema. {@code x-paging} operations ({@code offset}: {@code count}/{@code offset};
 * {@code spring}: {@code page}/{@code size}; {@code position}: {@code position}/{@code size}) page
 * over a deterministic collection of {@value #COLLECTION_SIZE} items (the example's first), so a
 * client walking the pages sees each item once and stops.
 */
final class SpecResponder {

  /** Items in the collection a paged operation serves. */
  static final int COLLECTION_SIZE = 7;

  /** A request matched to one operation. */
  record Match(SpecOperation operation, Map<String, String> pathParams, int specificity) {
  }

  private record Entry(SpecOperation operation, PathTemplate template) {
  }

  private final OpenApiSpec spec;
  private final SchemaSampler sampler;
  private final List<Entry> entries = new ArrayList<>();
  /** Entries by method and segment count, most specific first: a request looks at few. */
  private final Map<String, Map<Integer, List<Entry>>> index = new java.util.HashMap<>();
  private final long seed;
  private final int maxPageSize;
  private final Function<SpecOperation, Guard> guards;

  SpecResponder(OpenApiSpec spec, long seed, int maxPageSize,
      Function<SpecOperation, Guard> guards) {
    this.spec = spec;
    this.sampler = new SchemaSampler(spec);
    this.seed = seed;
    this.maxPageSize = maxPageSize;
    this.guards = guards;
    for (SpecOperation op : spec.operations()) {
      entries.add(new Entry(op, PathTemplate.of(op.basePath() + op.path())));
    }
    entries.sort(Comparator.comparingInt((Entry e) -> -e.template().specificity()));
    for (Entry entry : entries) {
      index.computeIfAbsent(entry.operation().method(), m -> new java.util.HashMap<>())
          .computeIfAbsent(entry.template().length(), n -> new ArrayList<>()).add(entry);
    }
  }

  /** Loads the spec at {@code source}. */
  static SpecResponder load(URL source, long seed, int maxPageSize,
      Function<SpecOperation, Guard> guards) {
    return new SpecResponder(OpenApiSpec.load(source), seed, maxPageSize, guards);
  }

  /** Every operation, once per base path. */
  List<SpecOperation> operations() {
    return spec.operations();
  }

  OpenApiSpec spec() {
    return spec;
  }

  SchemaSampler sampler() {
    return sampler;
  }

  /** The most specific operation with this method and path. */
  Optional<Match> match(MockRequest request) {
    String[] parts = PathTemplate.segmentsOf(request.path());
    List<Entry> candidates = index.getOrDefault(request.method(), Map.of())
        .getOrDefault(parts.length, List.of());
    for (Entry entry : candidates) {
      Optional<Map<String, String>> params = entry.template().match(parts);
      if (params.isPresent()) {
        return Optional.of(new Match(entry.operation(), params.get(),
            entry.template().specificity()));
      }
    }
    return Optional.empty();
  }

  /** Whether some operation has this path (with another method: a 405). */
  boolean knowsPath(MockRequest request) {
    String[] parts = PathTemplate.segmentsOf(request.path());
    return entries.stream().anyMatch(e -> e.template().match(parts).isPresent());
  }

  /** Authenticates, validates and answers a matched request. */
  MockResponse serve(Match match, MockRequest request) {
    SpecOperation op = match.operation();
    MockRequest bound = guards.apply(op).check(request.withPathParams(match.pathParams()));
    validateParameters(op, bound, match.pathParams());
    validateBody(op, bound);
    return respond(op, bound);
  }

  // ------------------------------------------------------------------ validation

  private void validateParameters(SpecOperation op, MockRequest r, Map<String, String> path) {
    for (JsonNode p : op.parameters()) {
      String name = p.path("name").asText();
      String in = p.path("in").asText();
      boolean required = p.path("required").asBoolean(false) || in.equals("path");
      JsonNode schema = spec.resolve(p.path("schema"));
      switch (in) {
        case "path" -> {
          String value = path.get(name);
          if (value != null) {
            checkScalar(name, value, schema);
          }
        }
        case "query" -> {
          List<String> values = r.queryAll(name);
          if (values.isEmpty() || (values.size() == 1 && values.get(0).isEmpty()
              && !"string".equals(sampler.type(schema)))) {
            if (required) {
              throw MockFailure.invalidField(name, "required", "Parameter '" + name
                  + "' is required");
            }
            continue;
          }
          if ("array".equals(sampler.type(schema))) {
            JsonNode items = spec.resolve(schema.path("items"));
            boolean explode = p.path("explode").asBoolean(true);
            for (String value : values) {
              for (String item : explode ? List.of(value) : List.of(value.split(",", -1))) {
                checkScalar(name, item, items);
              }
            }
          } else {
            checkScalar(name, values.get(0), schema);
          }
        }
        case "header" -> {
          if (required && r.header(name) == null) {
            throw MockFailure.invalidField(name, "required", "Header '" + name
                + "' is required");
          }
        }
        default -> {
          // cookies are not checked
        }
      }
    }
  }

  private void checkScalar(String name, String value, JsonNode schema) {
    String type = sampler.type(schema);
    try {
      switch (type) {
        case "integer" -> {
          long v = Long.parseLong(value.trim());
          checkRange(name, v, schema);
        }
        case "number" -> {
          double v = Double.parseDouble(value.trim());
          checkRange(name, v, schema);
        }
        case "boolean" -> {
          if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new NumberFormatException(value);
          }
        }
        default -> checkPattern(name, value, schema, "Parameter");
      }
    } catch (NumberFormatException e) {
      throw MockFailure.invalidField(name, "invalid_value_format", "Parameter '" + name
          + "' must be " + (type.equals("integer") ? "an integer" : "a " + type))
          .withValue(value);
    }
    JsonNode allowed = schema.path("enum");
    if (allowed.isArray() && allowed.size() > 0) {
      for (JsonNode a : allowed) {
        if (a.asText().equals(value)) {
          return;
        }
      }
      throw MockFailure.invalidField(name, "not_allowed_value", "Parameter '" + name
          + "' must be one of " + allowed).withValue(value);
    }
  }

  private static void checkRange(String name, double value, JsonNode schema) {
    if (schema.has("minimum") && value < schema.get("minimum").asDouble()) {
      throw MockFailure.invalidField(name, "invalid_value_format", "Parameter '" + name
          + "' must be >= " + schema.get("minimum").asText()).withValue(format(value));
    }
    if (schema.has("maximum") && value > schema.get("maximum").asDouble()) {
      throw MockFailure.invalidField(name, "invalid_value_format", "Parameter '" + name
          + "' must be <= " + schema.get("maximum").asText()).withValue(format(value));
    }
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  private void validateBody(SpecOperation op, MockRequest r) {
    JsonNode body = spec.resolve(op.node().path("requestBody"));
    if (body.isMissingNode() || !body.has("content")) {
      return;
    }
    boolean required = body.path("required").asBoolean(false);
    String mediaType = mediaType(body.get("content"));
    JsonNode schema = body.get("content").get(mediaType).path("schema");
    if (mediaType.contains("json")) {
      if (!r.hasBody()) {
        if (required) {
          throw MockFailure.invalidField("body", "required", "The request body is required");
        }
        return;
      }
      checkValue("", r.json(), schema);
    } else if (mediaType.contains("x-www-form-urlencoded")) {
      Map<String, List<String>> form = r.form();
      if (required && form.isEmpty()) {
        throw MockFailure.invalidField("body", "required", "The request body is required");
      }
      for (String name : sampler.required(schema)) {
        if (!form.containsKey(name)) {
          throw MockFailure.invalidField(name, "required", "Field '" + name + "' is required");
        }
      }
    } else if (required && !r.hasBody()) {
      throw MockFailure.invalidField("body", "required", "The request body is required");
    }
  }

  private void checkValue(String path, JsonElement value, JsonNode rawSchema) {
    JsonNode schema = spec.resolve(rawSchema);
    String field = path.isEmpty() ? "body" : path;
    if (value == null || value.isJsonNull()) {
      if (schema.path("nullable").asBoolean(false) || sampler.type(schema).isEmpty()) {
        return;
      }
      throw MockFailure.invalidField(field, "empty", "Field '" + field + "' must not be null");
    }
    switch (sampler.type(schema)) {
      case "object" -> {
        if (!value.isJsonObject()) {
          throw typeFailure(field, "an object");
        }
        JsonObject object = value.getAsJsonObject();
        Map<String, JsonNode> props = sampler.properties(schema);
        for (String name : sampler.required(schema)) {
          JsonNode prop = props.get(name);
          boolean readOnly = prop != null && spec.resolve(prop).path("readOnly").asBoolean(false);
          if (!readOnly && !object.has(name)) {
            String child = path.isEmpty() ? name : path + "." + name;
            throw MockFailure.invalidField(child, "required", "Field '" + child
                + "' is required");
          }
        }
        for (Map.Entry<String, JsonElement> member : object.entrySet()) {
          JsonNode prop = props.get(member.getKey());
          if (prop != null) {
            checkValue(path.isEmpty() ? member.getKey() : path + "." + member.getKey(),
                member.getValue(), prop);
          }
        }
      }
      case "array" -> {
        if (!value.isJsonArray()) {
          throw typeFailure(field, "an array");
        }
        JsonArray array = value.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
          checkValue(path + "[" + i + "]", array.get(i), schema.path("items"));
        }
      }
      case "integer" -> {
        if (!isNumber(value) || value.getAsDouble() != Math.rint(value.getAsDouble())) {
          throw typeFailure(field, "an integer");
        }
      }
      case "number" -> {
        if (!isNumber(value)) {
          throw typeFailure(field, "a number");
        }
      }
      case "boolean" -> {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
          throw typeFailure(field, "a boolean");
        }
      }
      case "string" -> {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
          throw typeFailure(field, "a string");
        }
        checkPattern(field, value.getAsString(), schema, "Field");
        JsonNode allowed = schema.path("enum");
        if (allowed.isArray() && allowed.size() > 0) {
          String text = value.getAsString();
          for (JsonNode a : allowed) {
            if (a.asText().equals(text)) {
              return;
            }
          }
          throw MockFailure.invalidField(field, "not_allowed_value", "Field '" + field
              + "' must be one of " + allowed).withValue(text);
        }
      }
      default -> {
        // no type: any value
      }
    }
  }

  private static void checkPattern(String name, String value, JsonNode schema, String what) {
    if (!schema.has("pattern")) {
      return;
    }
    boolean matches;
    try {
      matches = java.util.regex.Pattern.compile(schema.get("pattern").asText()).matcher(value)
          .find();
    } catch (java.util.regex.PatternSyntaxException notJava) {
      return; // an ECMA-only pattern: not checked
    }
    if (!matches) {
      throw MockFailure.invalidField(name, "invalid_value_format", what + " '" + name
          + "' must match " + schema.get("pattern").asText()).withValue(value);
    }
  }

  private static boolean isNumber(JsonElement value) {
    return value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
  }

  private static MockFailure typeFailure(String field, String what) {
    return MockFailure.invalidField(field, "invalid_value_format", "Field '" + field
        + "' must be " + what);
  }

  // ------------------------------------------------------------------ answers

  private MockResponse respond(SpecOperation op, MockRequest r) {
    JsonNode responses = op.node().path("responses");
    String key = null;
    for (Iterator<String> it = responses.fieldNames(); it.hasNext(); ) {
      String candidate = it.next();
      if (candidate.startsWith("2") && (key == null || candidate.compareTo(key) < 0)) {
        key = candidate;
      }
    }
    int status = key == null || !key.matches("\\d{3}") ? 200 : Integer.parseInt(key);
    JsonNode response = key == null ? wiremock.com.fasterxml.jackson.databind.node.MissingNode
        .getInstance() : spec.resolve(responses.get(key));
    Random random = new Random(seedOf(op, -1));
    MockResponse answer;
    JsonNode content = response.path("content");
    if (!content.isObject() || content.isEmpty()) {
      answer = MockResponse.empty(status);
    } else {
      String mediaType = mediaType(content);
      JsonNode media = content.get(mediaType);
      JsonElement body = example(media);
      if (body == null) {
        body = sampler.sample(media.path("schema"), random, true);
      }
      if (op.hasExtension("x-paging") && body.isJsonObject()) {
        body = page(op, r, body.getAsJsonObject(), media.path("schema"));
      }
      answer = mediaType.contains("json") ? MockResponse.json(status, body)
          : MockResponse.raw(status, mediaType, body.isJsonPrimitive() ? body.getAsString()
              : Json.write(body));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = response.path("headers").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode header = spec.resolve(e.getValue());
      if (!header.path("required").asBoolean(false) && !e.getKey().equalsIgnoreCase("Location")) {
        continue;
      }
      JsonNode example = header.has("example") ? header.get("example")
          : spec.resolve(header.path("schema")).path("example");
      String value = example.isMissingNode() ? sampler.sample(header.path("schema"), random, true)
          .getAsString() : example.asText();
      answer = answer.withHeader(e.getKey(), value);
    }
    return answer;
  }

  private JsonElement example(JsonNode media) {
    if (media.has("example")) {
      return SchemaSampler.toGson(media.get("example"));
    }
    for (JsonNode example : media.path("examples")) {
      JsonNode resolved = spec.resolve(example);
      if (resolved.has("value")) {
        return SchemaSampler.toGson(resolved.get("value"));
      }
    }
    return null;
  }

  private static String mediaType(JsonNode content) {
    String first = null;
    for (Iterator<String> it = content.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (name.contains("json")) {
        return name;
      }
      if (first == null) {
        first = name;
      }
    }
    return first == null ? "application/json" : first;
  }

  private long seedOf(SpecOperation op, int item) {
    return seed * 1_000_003L + op.operationId().hashCode() * 31L + item;
  }

  // ------------------------------------------------------------------ paging

  private JsonElement page(SpecOperation op, MockRequest r, JsonObject example, JsonNode schema) {
    JsonNode paging = op.node().get("x-paging");
    String style = paging.path("style").asText("");
    String itemsName = paging.path("items").asText("items");
    JsonElement synthesised = sampler.sample(schema, new Random(seedOf(op, -2)), true);
    if (!synthesised.isJsonObject()) {
      return example;
    }
    List<String> path = findArray(synthesised.getAsJsonObject(), itemsName, 0);
    if (path == null) {
      return example;
    }
    JsonObject body = example.deepCopy();
    JsonObject container = body;
    JsonObject fullContainer = synthesised.getAsJsonObject();
    JsonNode containerSchema = schema;
    for (String step : path) {
      fillMissing(container, fullContainer);
      if (!container.get(step).isJsonObject()) {
        container.add(step, fullContainer.get(step).deepCopy());
      }
      container = container.getAsJsonObject(step);
      fullContainer = fullContainer.getAsJsonObject(step);
      containerSchema = sampler.properties(containerSchema).get(step);
      if (containerSchema == null) {
        return example; // the envelope is beyond the schema walk (e.g. behind a oneOf)
      }
    }
    fillMissing(container, fullContainer);
    JsonNode arraySchema = sampler.properties(containerSchema).get(itemsName);
    if (arraySchema == null) {
      return example;
    }
    JsonNode itemSchema = spec.resolve(arraySchema).path("items");

    List<JsonElement> pool = new ArrayList<>();
    JsonElement exampleItems = container.get(itemsName);
    if (exampleItems != null && exampleItems.isJsonArray()) {
      exampleItems.getAsJsonArray().forEach(e -> {
        if (pool.size() < COLLECTION_SIZE) {
          pool.add(e);
        }
      });
    }
    for (int i = pool.size(); i < COLLECTION_SIZE; i++) {
      pool.add(sampler.sample(itemSchema, new Random(seedOf(op, i)), false));
    }

    String sizeParam = style.equals("offset") ? "count" : "size";
    String startParam = switch (style) {
      case "offset" -> "offset";
      case "spring" -> "page";
      default -> "position";
    };
    echoQuery(op, r, container, containerSchema, List.of(sizeParam, startParam));
    JsonNode sizeSchema = parameterSchema(op, sizeParam);
    long requested = r.queryLong(sizeParam, sizeSchema.path("default")
        .asLong(style.equals("offset") ? 100 : 20));
    int size = Paging.effectiveSize(requested, sizeSchema.path("maximum").asInt(0), maxPageSize);
    long startValue = Math.max(0, r.queryLong(startParam,
        parameterSchema(op, startParam).path("default").asLong(0)));
    long offset = style.equals("spring") ? startValue * size : startValue;
    List<JsonElement> slice = Paging.slice(pool, offset, size);
    JsonArray items = new JsonArray();
    slice.forEach(e -> items.add(e.deepCopy()));
    container.add(itemsName, items);
    int total = pool.size();
    switch (style) {
      case "offset" -> setIfPresent(container, "total_items", total);
      case "spring" -> {
        int totalPages = Paging.pageCount(total, size);
        setIfPresent(container, "totalElements", total);
        setIfPresent(container, "totalPages", totalPages);
        setIfPresent(container, "number", startValue);
        setIfPresent(container, "size", size);
        setIfPresent(container, "numberOfElements", slice.size());
        setIfPresent(container, "first", startValue == 0);
        setIfPresent(container, "last", startValue >= totalPages - 1);
        setIfPresent(container, "empty", slice.isEmpty());
        if (container.has("pageable") && container.get("pageable").isJsonObject()) {
          JsonObject pageable = container.getAsJsonObject("pageable");
          setIfPresent(pageable, "pageNumber", startValue);
          setIfPresent(pageable, "pageSize", size);
          setIfPresent(pageable, "offset", offset);
          setIfPresent(pageable, "paged", true);
          setIfPresent(pageable, "unpaged", false);
        }
      }
      default -> {
        setIfPresent(container, "total", total);
        setIfPresent(container, "position", startValue);
        setIfPresent(container, "size", size);
      }
    }
    return body;
  }

  /**
   * Envelope members named like a scalar query parameter of the operation (a sort echo such as
   * {@code orderBy}) carry the request's value, or are left out when the request had none.
   */
  private void echoQuery(SpecOperation op, MockRequest r, JsonObject container,
      JsonNode containerSchema, List<String> pagingParams) {
    Map<String, JsonNode> props = sampler.properties(containerSchema);
    for (JsonNode p : op.parameters()) {
      String name = p.path("name").asText();
      if (!p.path("in").asText().equals("query") || !props.containsKey(name)
          || pagingParams.contains(name)) {
        continue;
      }
      String type = sampler.type(props.get(name));
      if (!type.equals("string") && !type.equals("boolean") && !type.equals("integer")) {
        continue;
      }
      Optional<String> value = r.query(name);
      if (value.isEmpty()) {
        if (!sampler.required(containerSchema).contains(name)) {
          container.remove(name);
        }
        continue;
      }
      switch (type) {
        case "boolean" -> container.addProperty(name, Boolean.parseBoolean(value.get()));
        case "integer" -> container.addProperty(name, Long.parseLong(value.get().trim()));
        default -> container.addProperty(name, value.get());
      }
    }
  }

  private JsonNode parameterSchema(SpecOperation op, String name) {
    for (JsonNode p : op.parameters()) {
      if (p.path("in").asText().equals("query") && p.path("name").asText().equals(name)) {
        return spec.resolve(p.path("schema"));
      }
    }
    return wiremock.com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static List<String> findArray(JsonObject object, String name, int depth) {
    if (object.has(name) && object.get(name).isJsonArray()) {
      return new ArrayList<>();
    }
    if (depth >= 3) {
      return null;
    }
    for (Map.Entry<String, JsonElement> member : object.entrySet()) {
      if (member.getValue().isJsonObject()) {
        List<String> rest = findArray(member.getValue().getAsJsonObject(), name, depth + 1);
        if (rest != null) {
          rest.add(0, member.getKey());
          return rest;
        }
      }
    }
    return null;
  }

  private static void fillMissing(JsonObject target, JsonObject full) {
    for (Map.Entry<String, JsonElement> member : full.entrySet()) {
      if (!target.has(member.getKey())) {
        target.add(member.getKey(), member.getValue().deepCopy());
      }
    }
  }

  private static void setIfPresent(JsonObject object, String name, Object value) {
    if (object.has(name)) {
      object.add(name, value instanceof Boolean b ? new JsonPrimitive(b)
          : new JsonPrimitive((Number) value));
    }
  }
}
