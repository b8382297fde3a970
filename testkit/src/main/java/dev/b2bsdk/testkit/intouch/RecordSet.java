package dev.b2bsdk.testkit.intouch;

import static dev.b2bsdk.testkit.core.Json.obj;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.b2bsdk.testkit.core.JsonQueries;
import dev.b2bsdk.testkit.core.MockFailure;
import dev.b2bsdk.testkit.core.MockRequest;
import dev.b2bsdk.testkit.core.Paging;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One InTouch record type (parties, comm, ...): its writable fields, its records keyed by integer id,
 * and the generic operations every InTouch entity shares — paging with {@code position/size/orderBy/
 * desc}, strict validation of writes (unknown field, wrong type, an {@code id} in a create: 400),
 * audit fields set by the server.
 */
final class RecordSet {

  /** Extra checks of one record type, run on the merged record before it is stored. */
  interface Rule {
    void check(JsonObject record, Long id);
  }

  static final int DEFAULT_SIZE = 20;
  static final int MAX_SIZE = 1000;
  private static final Set<String> AUDIT = Set.of("id", "entered", "enteredBy", "modified",
      "modifiedBy");

  final String path;
  final String singular;
  private final Map<String, Field> fields = new LinkedHashMap<>();
  private final Rule rule;
  final Map<Long, JsonObject> records = new LinkedHashMap<>();
  long nextId = 1;

  RecordSet(String path, String singular, List<Field> fieldList, Rule rule) {
    this.path = path;
    this.singular = singular;
    fieldList.forEach(f -> fields.put(f.name(), f));
    this.rule = rule;
  }

  /** Stores a seeded record as is (id assigned in order). */
  JsonObject seed(JsonObject writable, String entered, String enteredBy, String modified,
      String modifiedBy) {
    JsonObject record = compose(nextId++, writable, entered, enteredBy, modified, modifiedBy);
    records.put(record.get("id").getAsLong(), record);
    return record;
  }

  /** One page of the records matching {@code filter}. */
  JsonObject page(MockRequest r, Predicate<JsonObject> filter, int configuredMax) {
    Set<String> sortable = new java.util.HashSet<>(fields.keySet());
    sortable.addAll(AUDIT);
    return pageOf(records.values().stream().filter(filter).toList(), r, sortable, null, false,
        configuredMax);
  }

  /**
   * One page of {@code all} in the InTouch envelope: {@code position}, {@code size} (default 20, at
   * most 1000), {@code orderBy} (one of {@code sortable}, else 400) and {@code desc}; {@code
   * defaultOrderBy}/{@code defaultDesc} apply when the request names no order (file lists).
   */
  static JsonObject pageOf(List<JsonObject> all, MockRequest r, Set<String> sortable,
      String defaultOrderBy, boolean defaultDesc, int configuredMax) {
    long position = r.queryLong("position", 0);
    long requested = r.queryLong("size", DEFAULT_SIZE);
    if (position < 0) {
      throw MockFailure.invalidField("position", "invalid", "position must be >= 0");
    }
    if (requested < 1) {
      throw MockFailure.invalidField("size", "invalid", "size must be >= 1");
    }
    int size = Paging.effectiveSize(requested, MAX_SIZE, configuredMax);
    List<JsonObject> matching = new ArrayList<>(all);
    String orderBy = r.query("orderBy").filter(s -> !s.isBlank()).orElse(defaultOrderBy);
    boolean desc = Boolean.parseBoolean(r.query("desc").orElse(Boolean.toString(defaultDesc)));
    if (orderBy != null) {
      if (!sortable.contains(orderBy)) {
        throw MockFailure.invalidField("orderBy", "invalid", "Unknown field " + orderBy);
      }
      matching.sort(JsonQueries.byField(orderBy, desc));
    }
    JsonArray items = new JsonArray();
    Paging.slice(matching, position, size).forEach(x -> items.add(x.deepCopy()));
    JsonObject page = obj("total", matching.size(), "position", position, "size", size);
    if (orderBy != null) {
      page.addProperty("orderBy", orderBy);
      page.addProperty("desc", desc);
    }
    page.add("items", items);
    return page;
  }

  JsonObject get(long id) {
    JsonObject record = records.get(id);
    if (record == null) {
      throw MockFailure.notFound(singular, Long.toString(id));
    }
    return record;
  }

  /** Validates and stores a new record; returns it. */
  JsonObject create(JsonElement body, String user, String now) {
    JsonObject input = writable(body, true);
    rule.check(input, null);
    JsonObject record = compose(nextId, input, now, user, now, user);
    records.put(nextId++, record);
    return record;
  }

  /** Replaces the writable fields of a record (omitted ones are cleared). */
  JsonObject replace(long id, JsonElement body, String user, String now) {
    JsonObject old = get(id);
    JsonObject input = writable(body, false);
    rule.check(input, id);
    JsonObject record = compose(id, input, old.get("entered").getAsString(),
        old.get("enteredBy").getAsString(), now, user);
    records.put(id, record);
    return record;
  }

  /** Changes only the fields sent; a JSON null clears a field. */
  JsonObject patch(long id, JsonElement body, String user, String now) {
    JsonObject old = get(id);
    JsonObject changes = object(body, false);
    JsonObject merged = new JsonObject();
    fields.keySet().forEach(name -> {
      if (changes.has(name)) {
        if (!changes.get(name).isJsonNull()) {
          merged.add(name, changes.get(name));
        }
      } else if (old.has(name)) {
        merged.add(name, old.get(name));
      }
    });
    JsonObject input = writable(merged, false);
    rule.check(input, id);
    JsonObject record = compose(id, input, old.get("entered").getAsString(),
        old.get("enteredBy").getAsString(), now, user);
    records.put(id, record);
    return record;
  }

  Collection<JsonObject> all() {
    return records.values();
  }

  /** The writable fields of {@code body}, validated; nulls are dropped. */
  JsonObject writable(JsonElement body, boolean create) {
    JsonObject in = object(body, create);
    JsonObject out = new JsonObject();
    for (Map.Entry<String, Field> f : fields.entrySet()) {
      JsonElement value = in.get(f.getKey());
      if (value != null && !value.isJsonNull()) {
        f.getValue().check(value);
        out.add(f.getKey(), value.deepCopy());
      }
    }
    return out;
  }

  private JsonObject object(JsonElement body, boolean create) {
    if (body == null || !body.isJsonObject()) {
      throw MockFailure.of(400, "invalid", "The body must be a JSON object");
    }
    JsonObject in = body.getAsJsonObject();
    if (create && in.has("id")) {
      throw MockFailure.invalidField("id", "not_allowed",
          "A new record must not contain an id");
    }
    Set<String> unknown = in.keySet().stream()
        .filter(k -> !fields.containsKey(k) && !AUDIT.contains(k))
        .collect(Collectors.toCollection(java.util.TreeSet::new));
    if (!unknown.isEmpty()) {
      String first = unknown.iterator().next();
      throw MockFailure.invalidField(first, "unknown", "Unknown field " + first);
    }
    return in;
  }

  private static JsonObject compose(long id, JsonObject writable, String entered,
      String enteredBy, String modified, String modifiedBy) {
    JsonObject record = obj("id", id);
    writable.entrySet().forEach(e -> record.add(e.getKey(), e.getValue().deepCopy()));
    record.addProperty("entered", entered);
    record.addProperty("enteredBy", enteredBy);
    record.addProperty("modified", modified);
    record.addProperty("modifiedBy", modifiedBy);
    return record;
  }
}
