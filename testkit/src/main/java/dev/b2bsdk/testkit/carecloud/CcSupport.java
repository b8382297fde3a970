package dev.b2bsdk.testkit.carecloud;

import static dev.b2bsdk.testkit.core.Json.obj;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.b2bsdk.testkit.core.Json;
import dev.b2bsdk.testkit.core.JsonQueries;
import dev.b2bsdk.testkit.core.MockFailure;
import dev.b2bsdk.testkit.core.MockRequest;
import dev.b2bsdk.testkit.core.MockResponse;
import dev.b2bsdk.testkit.core.Paging;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** CareCloud conventions shared by the handlers: envelopes, offset paging, body checks. */
final class CcSupport {

  static final int DEFAULT_COUNT = 100;

  private CcSupport() {
  }

  /** {@code {"data": body}} with {@code status}. */
  static MockResponse data(int status, JsonElement body) {
    return MockResponse.json(status, obj("data", withoutNulls(body)));
  }

  /**
   * A copy without JSON nulls: the vendor declares no field nullable, so the mock leaves an
   * unset field out rather than sending {@code null}.
   */
  static JsonElement withoutNulls(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return com.google.gson.JsonNull.INSTANCE;
    }
    if (e.isJsonObject()) {
      JsonObject out = new JsonObject();
      e.getAsJsonObject().entrySet().stream().filter(x -> !x.getValue().isJsonNull())
          .forEach(x -> out.add(x.getKey(), withoutNulls(x.getValue())));
      return out;
    }
    if (e.isJsonArray()) {
      com.google.gson.JsonArray out = new com.google.gson.JsonArray();
      e.getAsJsonArray().forEach(x -> out.add(withoutNulls(x)));
      return out;
    }
    return e;
  }

  /** 200 {@code {"data": body}}. */
  static MockResponse ok(JsonElement body) {
    return data(200, body);
  }

  /**
   * One page: {@code count} (default 100, at least 1, capped by the mock's {@code maxPageSize}),
   * {@code offset} (default 0), {@code sort_field} (any first-level field) and
   * {@code sort_direction} (ASC|DESC); the list under {@code name} plus {@code total_items}.
   */
  static MockResponse page(MockRequest r, String name, Collection<JsonObject> items,
      int maxPageSize) {
    long count = r.queryLong("count", DEFAULT_COUNT);
    long offset = r.queryLong("offset", 0);
    if (count < 1) {
      throw invalid("count", "not_allowed_value", "Parameter count must be at least 1",
          Long.toString(count));
    }
    if (offset < 0) {
      throw invalid("offset", "not_allowed_value", "Parameter offset must not be negative",
          Long.toString(offset));
    }
    List<JsonObject> sorted = new ArrayList<>(items);
    String field = r.query("sort_field").filter(s -> !s.isBlank()).orElse(null);
    if (field != null) {
      String direction = r.query("sort_direction").orElse("ASC").toUpperCase(Locale.ROOT);
      if (!direction.equals("ASC") && !direction.equals("DESC")) {
        throw invalid("sort_direction", "not_allowed_value",
            "Parameter sort_direction must be ASC or DESC", direction);
      }
      sorted.sort(JsonQueries.byField(field, direction.equals("DESC")));
    }
    int size = Paging.effectiveSize(count, 0, maxPageSize);
    JsonArray array = new JsonArray();
    Paging.slice(sorted, offset, size).forEach(x -> array.add(x.deepCopy()));
    return ok(obj(name, array, "total_items", sorted.size()));
  }

  /** Every item, not paged, with {@code total_items}. */
  static MockResponse all(String name, Collection<JsonObject> items) {
    JsonArray array = new JsonArray();
    items.forEach(x -> array.add(x.deepCopy()));
    return ok(obj(name, array, "total_items", items.size()));
  }

  /** 400 with one invalid parameter. */
  static MockFailure invalid(String name, String reason, String message, String value) {
    MockFailure f = MockFailure.invalidField(name, reason, message);
    return value == null ? f : f.withValue(value);
  }

  /** 404 naming the resource and id. */
  static MockFailure notFound(String resource, String id) {
    return MockFailure.of(404, "not_found", "Resource " + resource + " with id " + id
        + " was not found").withResource(resource, id);
  }

  /** The body as an object. */
  static JsonObject object(MockRequest r) {
    JsonElement body = r.json();
    if (!body.isJsonObject()) {
      throw invalid("body", "invalid_value_format", "The request body must be a JSON object",
          null);
    }
    return body.getAsJsonObject();
  }

  /** A required object member. */
  static JsonObject requiredObject(JsonObject o, String name, String path) {
    JsonObject value = Json.objOrNull(o, name);
    if (value == null) {
      throw invalid(path, "required", "Parameter " + path + " is required", null);
    }
    return value;
  }

  /** A required non-blank string member. */
  static String requiredString(JsonObject o, String name, String path) {
    JsonElement e = o.get(name);
    if (e == null || e.isJsonNull()) {
      throw invalid(path, "required", "Parameter " + path + " is required", null);
    }
    if (!e.isJsonPrimitive() || e.getAsString().isBlank()) {
      throw invalid(path, "empty", "Parameter " + path + " must not be empty", null);
    }
    return e.getAsString();
  }

  /** A required boolean member. */
  static boolean requiredBoolean(JsonObject o, String name, String path) {
    JsonElement e = o.get(name);
    if (e == null || e.isJsonNull()) {
      throw invalid(path, "required", "Parameter " + path + " is required", null);
    }
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
      throw invalid(path, "invalid_value_format", "Parameter " + path + " must be a boolean",
          e.toString());
    }
    return e.getAsBoolean();
  }

  /** Boolean query filter: null when absent. */
  static Boolean boolQuery(MockRequest r, String name) {
    return r.query(name).map(v -> {
      if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
        throw invalid(name, "invalid_value_format", "Parameter " + name + " must be true or false",
            v);
      }
      return Boolean.parseBoolean(v);
    }).orElse(null);
  }
}
