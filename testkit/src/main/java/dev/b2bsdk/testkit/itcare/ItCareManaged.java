package dev.b2bsdk.testkit.itcare;

import static dev.b2bsdk.testkit.core.Json.obj;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.b2bsdk.testkit.core.Json;
import dev.b2bsdk.testkit.core.JsonQueries;
import dev.b2bsdk.testkit.core.MockFailure;
import dev.b2bsdk.testkit.core.MockRequest;
import dev.b2bsdk.testkit.core.MockResponse;
import dev.b2bsdk.testkit.itcare.ItCareActions.Operation;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Handlers of the managed services: databases (PostgreSQL, MariaDB, Redis, OpenSearch), message
 * brokers (Apache Kafka, RabbitMQ), GlusterFS and Matomo. A creation is validated like the vendor
 * describes it (required fields, ranges, the administrator password rule, name patterns, odd node
 * counts ...), then runs through the same action lifecycle as an instance: the resource exists at
 * once as CREATING and becomes ACTIVE when its action succeeds (it is removed when the action
 * fails). Operations ({@code PATCH}) and deletions are actions too; dry runs validate and change
 * nothing.
 */
final class ItCareManaged {

  /** The vendor media type of the GlusterFS and Matomo lists. */
  static final String VENDOR_JSON = "application/vnd.cegedim-it.v1+json";

  private static final Pattern ADMIN_PASSWORD = Pattern.compile(
      "^(?=.*[0-9])(?=.*[a-z])(?=.*[A-Z])(?=.*[!@#&()–{}:;',?/*~$^+=<>]).{12,20}$");
  private static final Pattern LOWER_NAME = Pattern.compile("^[a-z0-9]{5,60}$");
  private static final Pattern DASHED_NAME = Pattern.compile("^[a-z0-9-]{4,60}$");
  private static final Set<String> SIZINGS = Set.of("XS", "S", "M", "L", "XL");
  private static final DateTimeFormatter OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .toFormatter(Locale.ROOT);

  /** One kind of managed resource and its rules. */
  record Kind(String key, String path, String label, String category, String type,
      String resourceType, List<String> required, Set<String> operations) {
  }

  static final Map<String, Kind> KINDS = Map.of(
      "postgresql", new Kind("postgresql", "/databases/postgresql", "PostgreSQL",
          "MANAGED_DATABASE", "POSTGRESQL", "DATABASE", List.of("productCode", "name",
          "nodeSizing", "diskSize", "admPassword", "serviceId", "networkId", "topology"),
          Set.of("start", "stop", "resize", "restore", "enable_ha")),
      "mariadb", new Kind("mariadb", "/databases/mariadb", "MariaDB", "MANAGED_DATABASE",
          "MARIADB", "DATABASE", List.of("area", "name", "nodeSizing", "diskSize",
          "admPassword", "version", "serviceId", "networkId", "instanceCount", "topology"),
          Set.of()),
      "redis", new Kind("redis", "/databases/redis", "Redis", "MANAGED_DATABASE", "REDIS",
          "DATABASE", List.of("name", "nodeSizing", "diskSize", "admPassword", "serviceId",
          "networkId", "instanceCount"), Set.of()),
      "opensearch", new Kind("opensearch", "/databases/opensearch", "OpenSearch",
          "MANAGED_DATABASE", "OPENSEARCH", "DATABASE", List.of("area", "name", "nodeSizing",
          "diskSize", "admPassword", "clusterVersion", "serviceId", "networkId",
          "instanceCount", "nodePrefix"),
          Set.of("start", "stop", "add_nodes", "resize_nodes", "update_monitoring")),
      "apache-kafka", new Kind("apache-kafka", "/message-brokers/apache-kafka", "Apache Kafka",
          "MESSAGE_BROKER", "KAFKA", "BROKER", List.of("name", "nodePrefix", "nodeSizing",
          "brokerCount", "diskSize", "admPassword", "serviceId", "networkId"),
          Set.of("start", "stop")),
      "rabbitmq", new Kind("rabbitmq", "/message-brokers/rabbitmq", "RabbitMQ",
          "MESSAGE_BROKER", "RABBITMQ", "BROKER", List.of("name", "brokerCount", "diskSize",
          "admPassword", "serviceId", "networkId"), Set.of()),
      "glusterfs", new Kind("glusterfs", "/storage/glusterfs", "GlusterFS", "STORAGE",
          "GLUSTERFS", "STORAGE", List.of("name"), Set.of()),
      "matomo", new Kind("matomo", "/analytics/matomo", "Matomo", "ANALYTICS", "MATOMO",
          "ANALYTICS", List.of("name", "region", "sizing", "password", "serviceId"),
          Set.of("start", "stop", "extend")));

  private final Supplier<ItCareData> data;
  private final Supplier<ItCareActions> actions;
  private final Clock clock;
  private final int maxPageSize;

  ItCareManaged(Supplier<ItCareData> data, Supplier<ItCareActions> actions, Clock clock,
      int maxPageSize) {
    this.data = data;
    this.actions = actions;
    this.clock = clock;
    this.maxPageSize = maxPageSize;
  }

  // ------------------------------------------------------------------ lists

  /** {@code GET /storage/glusterfs} and {@code GET /analytics/matomo}, in the vendor media type. */
  MockResponse list(MockRequest r, String kind) {
    Kind k = KINDS.get(kind);
    Predicate<JsonObject> filter = JsonQueries.fieldIn("name", r.queryAll("names"))
        .and(JsonQueries.fieldIn("serviceId", r.queryAll("services")))
        .and(JsonQueries.fieldIn("environment", r.queryAll("environments")))
        .and(JsonQueries.fieldIn("status", r.queryAll("statuses")))
        .and(JsonQueries.fieldIn("cloudId", r.queryAll("clouds")));
    List<JsonObject> matching = data.get().managed.values().stream()
        .filter(x -> k.path().equals(Json.str(x, "path"))).filter(filter).toList();
    return MockResponse.raw(200, VENDOR_JSON,
        Json.write(SpringPages.page(r, matching, maxPageSize)));
  }

  // ------------------------------------------------------------------ create

  MockResponse create(MockRequest r, String kind, String user) {
    Kind k = KINDS.get(kind);
    JsonObject body = object(r);
    for (String field : k.required()) {
      JsonElement e = body.get(field);
      if (e == null || e.isJsonNull() || (e.isJsonPrimitive() && e.getAsString().isBlank())) {
        throw invalid(field);
      }
    }
    String name = body.get("name").getAsString().trim();
    validate(k, body, name);
    long serviceId = longField(body, "serviceId");
    ItCareData d = data.get();
    JsonObject service = d.service(serviceId);
    if (service == null) {
      throw MockFailure.invalidField("serviceId", "INCONSISTENT_DATA",
          "Unknown service " + serviceId).withValue(Long.toString(serviceId));
    }
    boolean taken = d.managed.values().stream().anyMatch(x -> k.path().equals(Json.str(x,
        "path")) && name.equalsIgnoreCase(Json.str(x, "name")));
    if (taken) {
      throw MockFailure.of(409, "ALREADY_EXISTS", "A " + k.label() + " named " + name
          + " already exists");
    }
    Operation op = new Operation("CREATE_" + k.type(), k.resourceType(), k.type(), name,
        d.nextManagedId, serviceId, "Creation of " + k.label() + " " + name + " submitted",
        "Creating " + k.label() + " " + name, k.label() + " " + name + " created",
        "Creation of " + k.label() + " " + name + " failed", null, null);
    if (ItCareActions.dryRun(r)) {
      return actions.get().accept(r, op, user);
    }
    long id = d.nextManagedId++;
    JsonElement backup = body.get("backupEnabled");
    JsonObject created = obj("id", id, "name", name, "path", k.path(), "status", "CREATING",
        "category", k.category(), "type", k.type(), "family", k.type(),
        "environment", "PRODUCTION", "serviceId", serviceId, "serviceKey", service.get("key"),
        "serviceName", service.get("name"), "cloudId", 12, "cloudName", "Cegedim Pharma",
        "productName", productName(k, body), "resourceType", k.resourceType(),
        "supportLevel", "SILVER", "supportPhase", "BUILD", "internalResourceId", 7000000 + id,
        "creationTime", ItCareData.format(ZonedDateTime.now(clock)), "creationUser", user,
        "comment", null, "internalType", k.type(),
        "backupStatus", backup != null && backup.isJsonPrimitive() && backup.getAsBoolean());
    d.managed.put(id, created);
    return actions.get().accept(r, new Operation(op.process(), op.resourceType(), op.family(),
        name, id, serviceId, op.submitted(), op.inProgress(), op.succeeded(), op.failed(),
        () -> created.addProperty("status", "ACTIVE"), () -> d.managed.remove(id)), user);
  }

  private static void validate(Kind k, JsonObject body, String name) {
    boolean adminPassword = !k.key().equals("glusterfs") && !k.key().equals("matomo");
    if (adminPassword && !ADMIN_PASSWORD.matcher(body.get("admPassword").getAsString()).matches()) {
      throw MockFailure.invalidField("admPassword", "INVALID_FIELD_VALUE", "Error on field "
          + "'admPassword': 12 to 20 characters with a digit, a lowercase, an uppercase and a "
          + "special character");
    }
    if (Set.of("postgresql", "mariadb", "apache-kafka").contains(k.key())
        && (!LOWER_NAME.matcher(name).matches() || name.equals("cluster"))) {
      throw invalid("name");
    }
    if (k.key().equals("matomo") && !DASHED_NAME.matcher(name).matches()) {
      throw invalid("name");
    }
    if (!k.key().equals("matomo") && Json.str(body, "area") == null
        && Json.str(body, "az") == null) {
      throw MockFailure.invalidField("area", "INVALID_FIELD_VALUE",
          "Error on field 'area': give 'area' or 'az'");
    }
    if (body.has("diskSize")) {
      long disk = longField(body, "diskSize");
      boolean rabbit = k.key().equals("rabbitmq");
      if (disk < (rabbit ? 10 : 40) || disk > (rabbit ? 2048 : 1024)) {
        throw invalid("diskSize");
      }
    }
    switch (k.key()) {
      case "opensearch" -> {
        String count = body.get("instanceCount").getAsString();
        int n = count.matches("[0-9]+") ? Integer.parseInt(count) : -1;
        if (n < 3 || n > 51 || n % 2 == 0) {
          throw invalid("instanceCount");
        }
      }
      case "mariadb" -> range(body, "instanceCount", 1, 3);
      case "redis" -> {
        long n = longField(body, "instanceCount");
        if (n != 1 && n != 3) {
          throw invalid("instanceCount");
        }
      }
      case "apache-kafka" -> range(body, "brokerCount", 3, 5);
      case "rabbitmq" -> {
        long n = longField(body, "brokerCount");
        if (n != 1 && (n < 3 || n > 5)) {
          throw invalid("brokerCount");
        }
      }
      case "matomo" -> {
        if (!SIZINGS.contains(body.get("sizing").getAsString())) {
          throw invalid("sizing");
        }
        String password = body.get("password").getAsString();
        if (password.length() < 12 || !password.matches(".*[a-z].*")
            || !password.matches(".*[A-Z].*") || !password.matches(".*[0-9].*")
            || password.matches("[A-Za-z0-9]*")) {
          throw invalid("password");
        }
      }
      default -> { }
    }
  }

  private static String productName(Kind k, JsonObject body) {
    String product = Json.str(body, "productCode");
    if (product == null) {
      product = Json.str(body, "version");
    }
    if (product == null) {
      product = Json.str(body, "clusterVersion");
    }
    if (product == null) {
      product = Json.str(body, "sizing");
    }
    return product == null ? k.label() : k.label() + " " + product;
  }

  // ------------------------------------------------------------------ patch and delete

  MockResponse patch(MockRequest r, String kind, String user) {
    Kind k = KINDS.get(kind);
    JsonObject resource = resource(r, k);
    JsonObject body = object(r);
    JsonElement opField = body.get("operation");
    if (opField == null || !opField.isJsonPrimitive()) {
      throw invalid("operation");
    }
    String operation = opField.getAsString().toLowerCase(Locale.ROOT);
    if (!k.operations().contains(operation)) {
      throw MockFailure.invalidField("operation", "INVALID_FIELD_VALUE",
          "Error on field 'operation'").withValue(operation);
    }
    JsonObject options = body.get("options") != null && body.get("options").isJsonObject()
        ? body.getAsJsonObject("options") : new JsonObject();
    String name = Json.str(resource, "name");
    String status = Json.str(resource, "status");
    String required = operation.equals("start") ? "INACTIVE" : "ACTIVE";
    if (!required.equals(status)) {
      throw MockFailure.of(409, "INVALID_STATE", "Cannot " + operation + " " + k.label() + " "
          + name + " in status " + status).withResource("status", status);
    }
    Runnable effect = effect(k, resource, operation, options);
    long id = resource.get("id").getAsLong();
    actions.get().requireIdle(k.resourceType(), id, name);
    String process = operation.toUpperCase(Locale.ROOT) + "_" + k.type();
    Operation op = new Operation(process, k.resourceType(), k.type(), name, id,
        resource.get("serviceId").getAsLong(), "Operation " + operation + " of " + k.label()
        + " " + name + " submitted", "Running " + operation + " on " + k.label() + " " + name,
        k.label() + " " + name + ": " + operation + " done", "Failed to " + operation + " "
        + k.label() + " " + name, effect, () -> { });
    return actions.get().accept(r, op, user);
  }

  /** Validates the options of {@code operation} and returns its effect on success. */
  private Runnable effect(Kind k, JsonObject resource, String operation, JsonObject options) {
    switch (operation) {
      case "start" -> {
        return () -> resource.addProperty("status", "ACTIVE");
      }
      case "stop" -> {
        return () -> resource.addProperty("status", "INACTIVE");
      }
      case "resize", "extend" -> {
        String sizing = Json.str(options, "sizing");
        if (sizing == null || (operation.equals("extend") && !SIZINGS.contains(sizing))) {
          throw invalid("options.sizing");
        }
        return () -> resource.addProperty("productName", k.label() + " " + sizing);
      }
      case "restore" -> {
        JsonElement source = options.get("sourceId");
        long sourceId;
        try {
          sourceId = source == null ? -1 : source.getAsLong();
        } catch (NumberFormatException | UnsupportedOperationException e) {
          throw invalid("options.sourceId");
        }
        JsonObject from = data.get().managed.get(sourceId);
        if (from == null || !k.path().equals(Json.str(from, "path"))) {
          throw MockFailure.invalidField("options.sourceId", "INCONSISTENT_DATA",
              "Unknown " + k.label() + " " + source).withValue(String.valueOf(source));
        }
        String stop = Json.str(options, "stop");
        if (!"BEFORE".equals(stop) && !"AFTER".equals(stop)) {
          throw invalid("options.stop");
        }
        String timestamp = Json.str(options, "timestamp");
        try {
          OffsetDateTime.parse(String.valueOf(timestamp), OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
          throw invalid("options.timestamp");
        }
        return () -> resource.addProperty("comment", "Restored from " + Json.str(from, "name")
            + " at " + timestamp);
      }
      case "add_nodes" -> {
        JsonElement count = options.get("nodesCount");
        if (count == null || !count.isJsonPrimitive() || count.getAsInt() < 2
            || count.getAsInt() % 2 != 0) {
          throw invalid("options.nodesCount");
        }
        return () -> { };
      }
      case "resize_nodes" -> {
        if (Json.str(options, "nodeSize") == null || options.get("nodes") == null
            || !options.get("nodes").isJsonArray() || options.getAsJsonArray("nodes").isEmpty()) {
          throw invalid("options.nodes");
        }
        return () -> { };
      }
      case "update_monitoring" -> {
        String state = Json.str(options, "state");
        if (state != null && !state.equals("on") && !state.equals("off")) {
          throw invalid("options.state");
        }
        return () -> { };
      }
      default -> {
        return () -> { }; // enable_ha: options not documented
      }
    }
  }

  MockResponse delete(MockRequest r, String kind, String user) {
    Kind k = KINDS.get(kind);
    JsonObject resource = resource(r, k);
    long id = resource.get("id").getAsLong();
    String name = Json.str(resource, "name");
    actions.get().requireIdle(k.resourceType(), id, name);
    Operation op = new Operation("DELETE_" + k.type(), k.resourceType(), k.type(), name, id,
        resource.get("serviceId").getAsLong(), "Deletion of " + k.label() + " " + name
        + " submitted", "Deleting " + k.label() + " " + name, k.label() + " " + name
        + " deleted", "Failed to delete " + k.label() + " " + name,
        () -> data.get().managed.remove(id), () -> { });
    return actions.get().accept(r, op, user);
  }

  // ------------------------------------------------------------------ helpers

  private JsonObject resource(MockRequest r, Kind k) {
    long id = r.pathLong("id", k.key());
    JsonObject resource = data.get().managed.get(id);
    if (resource == null || !k.path().equals(Json.str(resource, "path"))) {
      throw MockFailure.notFound(k.key(), Long.toString(id));
    }
    return resource;
  }

  private static JsonObject object(MockRequest r) {
    JsonElement body = r.json();
    if (!body.isJsonObject()) {
      throw MockFailure.of(400, "INVALID_BODY", "The request body must be a JSON object");
    }
    return body.getAsJsonObject();
  }

  private static void range(JsonObject body, String field, long min, long max) {
    long n = longField(body, field);
    if (n < min || n > max) {
      throw invalid(field);
    }
  }

  private static long longField(JsonObject body, String field) {
    JsonElement e = body.get(field);
    try {
      if (e != null && e.isJsonPrimitive()) {
        return e.getAsLong();
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw invalid(field);
  }

  private static MockFailure invalid(String field) {
    return MockFailure.invalidField(field, "INVALID_FIELD_VALUE", "Error on field '" + field + "'");
  }
}
