package dev.b2bsdk.testkit.itcare;

import static dev.b2bsdk.testkit.core.Json.obj;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.b2bsdk.testkit.core.Json;
import dev.b2bsdk.testkit.core.JsonQueries;
import dev.b2bsdk.testkit.core.MockFailure;
import dev.b2bsdk.testkit.core.MockRequest;
import dev.b2bsdk.testkit.core.MockResponse;
import dev.b2bsdk.testkit.itcare.ItCareActions.Operation;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Handlers of the ITCare resources: instances, snapshots, resources, services, Overdrive. */
final class ItCareCompute {

  private static final Set<String> SIZINGS = Set.of("XS", "S", "M", "L", "XL");

  private final Supplier<ItCareData> data;
  private final Supplier<ItCareActions> actionsRef;
  private final Clock clock;
  private final int maxPageSize;

  ItCareCompute(Supplier<ItCareData> data, Supplier<ItCareActions> actions, Clock clock,
      int maxPageSize) {
    this.data = data;
    this.actionsRef = actions;
    this.clock = clock;
    this.maxPageSize = maxPageSize;
  }

  // ------------------------------------------------------------------ instances

  MockResponse listInstances(MockRequest r) {
    Predicate<JsonObject> filter = JsonQueries.fieldIn("serviceId", r.queryAll("services"))
        .and(JsonQueries.fieldIn("name", r.queryAll("names")))
        .and(JsonQueries.fieldIn("type", r.queryAll("types")))
        .and(JsonQueries.fieldIn("family", r.queryAll("families")))
        .and(JsonQueries.fieldIn("environment", r.queryAll("environments")))
        .and(JsonQueries.fieldIn("status", r.queryAll("statuses")))
        .and(JsonQueries.fieldIn("availabilityZone", r.queryAll("az")))
        .and(JsonQueries.fieldIn("ipAddress", r.queryAll("ip")))
        .and(JsonQueries.fieldIn("cloudId", r.queryAll("clouds")))
        .and(i -> r.queryAll("vlan").isEmpty() || r.queryAll("vlan").stream().anyMatch(
            v -> v.equalsIgnoreCase(Json.str(i.getAsJsonObject("network"), "technicalID"))))
        // the mock stores no tags: a tag filter matches nothing
        .and(i -> r.queryAll("tags").isEmpty());
    List<JsonObject> matching = data.get().instances.values().stream().filter(filter).toList();
    return MockResponse.ok(SpringPages.page(r, matching, maxPageSize));
  }

  MockResponse getInstance(MockRequest r) {
    return MockResponse.ok(instance(r).deepCopy());
  }

  MockResponse createInstance(MockRequest r, String user) {
    JsonObject body = object(r);
    String name = requiredText(body, "name");
    // the sizing id's type is not stated by the vendor: a string, digits or not
    String sizing = requiredText(body, "resourceId");
    long resourceId = sizing.matches("[0-9]{1,18}") ? Long.parseLong(sizing) : sizing.hashCode();
    long serviceId = requiredLong(body, "serviceId");
    String area = Json.str(body, "area");
    String az = Json.str(body, "az");
    if (area == null && az == null) {
      throw MockFailure.invalidField("area", "INVALID_FIELD_VALUE",
          "Error on field 'area': give 'area' or 'az'");
    }
    ItCareData d = data.get();
    JsonObject service = d.service(serviceId);
    if (service == null) {
      throw MockFailure.invalidField("serviceId", "INCONSISTENT_DATA",
          "Unknown service " + serviceId).withValue(Long.toString(serviceId));
    }
    if (d.instances.values().stream().anyMatch(i -> name.equalsIgnoreCase(Json.str(i, "name")))) {
      throw MockFailure.of(409, "ALREADY_EXISTS", "An instance named " + name + " already exists");
    }
    String family = orDefault(Json.str(body, "family"), "DEBIAN");
    String environment = orDefault(Json.str(body, "environment"), "DEVELOPMENT");
    String finalArea = area != null ? area : "EB1";
    String finalAz = az != null ? az : "EB-A";
    Operation op = new Operation("CREATE_INSTANCE", "INSTANCE", family.toUpperCase(Locale.ROOT),
        name, d.nextInstanceId, serviceId, "Creation of instance " + name + " submitted",
        "Creating instance " + name, "Instance " + name + " created",
        "Creation of instance " + name + " failed", null, null);
    if (ItCareActions.dryRun(r)) {
      return actionsRef.get().accept(r, op, user);
    }
    long id = d.nextInstanceId++;
    JsonObject created = d.newInstance(id, name, family, Json.str(body, "version"), environment,
        service, finalArea, finalAz, resourceId, Json.str(body, "comment"), user,
        ZonedDateTime.now(clock));
    d.instances.put(id, created);
    Operation tracked = withEffects(op, () -> created.addProperty("status", "ACTIVE"),
        () -> d.instances.remove(id));
    return actionsRef.get().accept(r, tracked, user);
  }

  MockResponse patchInstance(MockRequest r, String user) {
    JsonObject instance = instance(r);
    JsonObject body = object(r);
    String operation = requiredText(body, "operation").toLowerCase(Locale.ROOT);
    String name = Json.str(instance, "name");
    String status = Json.str(instance, "status");
    long id = instance.get("id").getAsLong();
    String required;
    String after;
    switch (operation) {
      case "stop" -> {
        required = "ACTIVE";
        after = "INACTIVE";
      }
      case "start" -> {
        required = "INACTIVE";
        after = "ACTIVE";
      }
      case "reboot", "reset" -> {
        required = "ACTIVE";
        after = "ACTIVE";
      }
      default -> throw MockFailure.invalidField("operation", "INVALID_FIELD_VALUE",
          "Error on field 'operation'").withValue(operation);
    }
    if (!required.equals(status)) {
      throw MockFailure.of(409, "INVALID_STATE", "Cannot " + operation + " instance " + name
          + " in status " + status).withResource("status", status);
    }
    actionsRef.get().requireIdle("INSTANCE", id, name);
    String verb = switch (operation) {
      case "stop" -> "stopp";
      case "start" -> "start";
      case "reset" -> "reset";
      default -> "reboot";
    };
    Operation op = new Operation(operation.toUpperCase(Locale.ROOT) + "_INSTANCE", "INSTANCE",
        Json.str(instance, "family"), name, id, instance.get("serviceId").getAsLong(),
        capitalize(operation) + " of instance " + name + " submitted",
        capitalize(verb) + "ing instance " + name, "Instance " + name + " " + verb + "ed",
        "Failed to " + operation + " instance " + name,
        () -> instance.addProperty("status", after), () -> { });
    return actionsRef.get().accept(r, op, user);
  }

  MockResponse deleteInstance(MockRequest r, String user) {
    JsonObject instance = instance(r);
    if (r.hasBody()) {
      object(r); // validates that an optional body is JSON
    }
    String name = Json.str(instance, "name");
    long id = instance.get("id").getAsLong();
    if (!"INACTIVE".equals(Json.str(instance, "status"))) {
      throw MockFailure.of(409, "INVALID_STATE", "Instance " + name
          + " must be INACTIVE to be deleted").withResource("status", Json.str(instance, "status"));
    }
    actionsRef.get().requireIdle("INSTANCE", id, name);
    ItCareData d = data.get();
    Operation op = new Operation("DELETE_INSTANCE", "INSTANCE", Json.str(instance, "family"),
        name, id, instance.get("serviceId").getAsLong(), "Deletion of instance " + name
        + " submitted", "Deleting instance " + name, "Instance " + name + " deleted",
        "Failed to delete instance " + name, () -> {
          d.instances.remove(id);
          d.snapshots.remove(id);
        }, () -> { });
    return actionsRef.get().accept(r, op, user);
  }

  MockResponse storage(MockRequest r) {
    JsonObject instance = instance(r);
    double disks = instance.get("totalSizeDisks").getAsDouble();
    boolean windows = "WINDOWS".equals(Json.str(instance, "type"));
    double system = Math.min(disks, windows ? 80.0 : 19.6);
    double dataFs = Math.max(0, Math.round((disks * 0.93 - system) * 10) / 10.0);
    JsonArray fs = new JsonArray();
    String type = windows ? "NTFS" : "ext4";
    fs.add(obj("mountingPoint", windows ? "C:\\" : "/", "type", type, "sizeOf", system,
        "free", Math.round(system * 0.42 * 10) / 10.0));
    if (dataFs > 0) {
      fs.add(obj("mountingPoint", windows ? "D:\\" : "/data", "type", windows ? type : "xfs",
          "sizeOf", dataFs, "free", Math.round(dataFs * 0.61 * 10) / 10.0));
    }
    return MockResponse.ok(obj("totalSizeDisks", disks,
        "totalSizeFileSystems", Math.round((system + dataFs) * 10) / 10.0, "fileSystems", fs));
  }

  MockResponse networks(MockRequest r) {
    JsonArray out = new JsonArray();
    out.add(instance(r).get("network").deepCopy());
    return MockResponse.ok(out);
  }

  MockResponse listSnapshots(MockRequest r) {
    JsonObject instance = instance(r);
    List<JsonObject> list = data.get().snapshots.getOrDefault(instance.get("id").getAsLong(),
        List.of());
    if (list.isEmpty()) {
      return MockResponse.empty(204);
    }
    return MockResponse.ok(Json.arr(list.stream().map(JsonObject::deepCopy).toList()));
  }

  MockResponse createSnapshot(MockRequest r, String user) {
    JsonObject instance = instance(r);
    JsonObject body = object(r);
    String description = Json.str(body, "description");
    String changeReference = Json.str(body, "changeReference");
    long id = instance.get("id").getAsLong();
    String instanceName = Json.str(instance, "name");
    actionsRef.get().requireIdle("INSTANCE", id, instanceName);
    ItCareData d = data.get();
    String label = "snapshot-" + ZonedDateTime.now(clock)
        .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    double size = Math.min(instance.get("totalSizeDisks").getAsDouble(), 19.6);
    Operation op = new Operation("CREATE_SNAPSHOT", "INSTANCE", Json.str(instance, "family"),
        instanceName, id, instance.get("serviceId").getAsLong(), "Snapshot of instance "
        + instanceName + " submitted", "Creating a snapshot of instance " + instanceName,
        "Snapshot of instance " + instanceName + " created", "Snapshot of instance "
        + instanceName + " failed", () -> {
          ZonedDateTime now = ZonedDateTime.now(clock);
          // snapshot ids are strings prefixed with the instance id, e.g. 123-snap-42
          d.snapshots.computeIfAbsent(id, k -> new ArrayList<>()).add(obj(
              "id", id + "-snap-" + d.nextSnapshotId++, "label", label,
              "creationUser", user, "creationTime", ItCareData.format(now),
              "recoveryTime", JsonNull.INSTANCE,
              "expirationTime", ItCareData.format(now.plusDays(3)),
              "description", description == null ? JsonNull.INSTANCE : description,
              "changeReference", changeReference == null ? JsonNull.INSTANCE : changeReference,
              "size", size));
        }, () -> { });
    return actionsRef.get().accept(r, op, user);
  }

  MockResponse deleteSnapshot(MockRequest r, String user) {
    JsonObject instance = instance(r);
    long id = instance.get("id").getAsLong();
    String snapshotId = r.pathParam("snapshotId");
    List<JsonObject> list = data.get().snapshots.getOrDefault(id, List.of());
    JsonObject snapshot = list.stream().filter(x -> snapshotId.equals(Json.str(x, "id")))
        .findFirst().orElseThrow(() -> MockFailure.notFound("snapshot", snapshotId));
    String instanceName = Json.str(instance, "name");
    actionsRef.get().requireIdle("INSTANCE", id, instanceName);
    Operation op = new Operation("DELETE_SNAPSHOT", "INSTANCE", Json.str(instance, "family"),
        instanceName, id, instance.get("serviceId").getAsLong(), "Deletion of snapshot "
        + snapshotId + " submitted", "Deleting snapshot " + snapshotId, "Snapshot " + snapshotId
        + " deleted", "Failed to delete snapshot " + snapshotId,
        () -> data.get().snapshots.getOrDefault(id, new ArrayList<>()).remove(snapshot), () -> { });
    return actionsRef.get().accept(r, op, user);
  }

  // ------------------------------------------------------------------ resources and services

  MockResponse listResources(MockRequest r) {
    ItCareData d = data.get();
    List<JsonObject> all = new ArrayList<>();
    d.instances.values().forEach(i -> all.add(Json.pick(i, ItCareData.RESOURCE_FIELDS)));
    all.addAll(d.nonInstanceResources());
    all.sort(JsonQueries.byField("id", false));
    Predicate<JsonObject> filter = JsonQueries.fieldIn("category", r.queryAll("categories"))
        .and(JsonQueries.fieldIn("type", r.queryAll("types")))
        .and(JsonQueries.fieldIn("family", r.queryAll("families")))
        .and(JsonQueries.fieldIn("serviceId", r.queryAll("services")))
        .and(JsonQueries.fieldIn("name", r.queryAll("names")))
        .and(JsonQueries.fieldIn("environment", r.queryAll("environments")))
        .and(JsonQueries.fieldIn("status", r.queryAll("statuses")))
        .and(x -> r.queryAll("tags").isEmpty());
    return MockResponse.ok(SpringPages.page(r, all.stream().filter(filter).toList(),
        maxPageSize));
  }

  MockResponse listServices(MockRequest r) {
    List<JsonObject> matching = data.get().services.values().stream()
        .filter(JsonQueries.fieldIn("name", r.queryAll("names"))).toList();
    return MockResponse.ok(SpringPages.page(r, matching, maxPageSize));
  }

  MockResponse getService(MockRequest r) {
    long id = r.pathLong("id", "service");
    JsonObject service = data.get().service(id);
    if (service == null) {
      throw MockFailure.notFound("service", Long.toString(id));
    }
    return MockResponse.ok(service.deepCopy());
  }

  // ------------------------------------------------------------------ Overdrive

  MockResponse listOverdrives(MockRequest r) {
    List<JsonObject> matching = data.get().overdrives.values().stream()
        .filter(JsonQueries.fieldIn("name", r.queryAll("names"))).toList();
    return MockResponse.ok(SpringPages.page(r, matching, maxPageSize));
  }

  MockResponse createOverdrive(MockRequest r, String user) {
    JsonObject body = object(r);
    String name = requiredText(body, "name");
    String region = requiredText(body, "region");
    String sizing = requiredText(body, "sizing");
    String password = requiredText(body, "password");
    long serviceId = requiredLong(body, "serviceId");
    requiredText(body, "driveSiteUri");
    if (!SIZINGS.contains(sizing)) {
      throw MockFailure.invalidField("sizing", "INVALID_FIELD_VALUE", "Error on field 'sizing'")
          .withValue(sizing);
    }
    if (password.length() < 12 || !password.matches(".*[a-z].*") || !password.matches(".*[A-Z].*")
        || !password.matches(".*[0-9].*") || password.matches("[A-Za-z0-9]*")) {
      throw MockFailure.invalidField("password", "INVALID_FIELD_VALUE", "Error on field "
          + "'password': at least 12 characters with a lowercase, an uppercase, a digit and a "
          + "special character");
    }
    ItCareData d = data.get();
    JsonObject service = d.service(serviceId);
    if (service == null) {
      throw MockFailure.invalidField("serviceId", "INCONSISTENT_DATA",
          "Unknown service " + serviceId).withValue(Long.toString(serviceId));
    }
    if (d.overdrives.values().stream().anyMatch(o -> name.equalsIgnoreCase(Json.str(o, "name")))) {
      throw MockFailure.of(409, "ALREADY_EXISTS", "An Overdrive instance named " + name
          + " already exists");
    }
    Operation op = new Operation("CREATE_OVERDRIVE", "OVERDRIVE", "OVERDRIVE", name,
        d.nextOverdriveId, serviceId, "Creation of Overdrive " + name + " submitted",
        "Creating Overdrive " + name, "Overdrive " + name + " created",
        "Creation of Overdrive " + name + " failed", null, null);
    if (ItCareActions.dryRun(r)) {
      return actionsRef.get().accept(r, op, user);
    }
    long id = d.nextOverdriveId++;
    JsonObject created = obj("id", id, "name", name, "path", "/storage/overdrive",
        "status", "CREATING", "category", "STORAGE", "type", "OVERDRIVE", "family", "OVERDRIVE",
        "environment", "PRODUCTION", "serviceId", serviceId, "serviceKey", service.get("key"),
        "serviceName", service.get("name"), "cloudId", 12, "cloudName", "Cegedim Pharma",
        "productName", "Overdrive " + sizing, "resourceType", "OVERDRIVE", "supportLevel",
        "SILVER", "supportPhase", "BUILD", "internalResourceId", 7100000 + id,
        "creationTime", ItCareData.format(ZonedDateTime.now(clock)), "creationUser", user,
        "comment", "Region " + region);
    d.overdrives.put(id, created);
    return actionsRef.get().accept(r, withEffects(op, () -> created.addProperty("status", "INACTIVE"),
        () -> d.overdrives.remove(id)), user);
  }

  MockResponse patchOverdrive(MockRequest r, String user) {
    JsonObject overdrive = overdrive(r);
    JsonObject body = object(r);
    String operation = requiredText(body, "operation").toLowerCase(Locale.ROOT);
    String name = Json.str(overdrive, "name");
    String status = Json.str(overdrive, "status");
    String after;
    if (operation.equals("start")) {
      if (!"INACTIVE".equals(status)) {
        throw MockFailure.of(409, "INVALID_STATE", "Cannot start Overdrive " + name
            + " in status " + status);
      }
      after = "ACTIVE";
    } else if (operation.equals("stop")) {
      if (!"ACTIVE".equals(status) && !"INACTIVE".equals(status)) {
        throw MockFailure.of(409, "INVALID_STATE", "Cannot stop Overdrive " + name
            + " in status " + status);
      }
      after = "STOPPED";
    } else {
      throw MockFailure.invalidField("operation", "INVALID_FIELD_VALUE",
          "Error on field 'operation'").withValue(operation);
    }
    long id = overdrive.get("id").getAsLong();
    actionsRef.get().requireIdle("OVERDRIVE", id, name);
    Operation op = new Operation(operation.toUpperCase(Locale.ROOT) + "_OVERDRIVE", "OVERDRIVE",
        "OVERDRIVE", name, id, overdrive.get("serviceId").getAsLong(),
        capitalize(operation) + " of Overdrive " + name + " submitted",
        capitalize(operation) + " of Overdrive " + name + " in progress",
        "Overdrive " + name + (after.equals("ACTIVE") ? " started" : " stopped"),
        "Failed to " + operation + " Overdrive " + name,
        () -> overdrive.addProperty("status", after), () -> { });
    return actionsRef.get().accept(r, op, user);
  }

  MockResponse deleteOverdrive(MockRequest r, String user) {
    JsonObject overdrive = overdrive(r);
    long id = overdrive.get("id").getAsLong();
    String name = Json.str(overdrive, "name");
    actionsRef.get().requireIdle("OVERDRIVE", id, name);
    ItCareData d = data.get();
    Operation op = new Operation("DELETE_OVERDRIVE", "OVERDRIVE", "OVERDRIVE", name, id,
        overdrive.get("serviceId").getAsLong(), "Deletion of Overdrive " + name + " submitted",
        "Deleting Overdrive " + name, "Overdrive " + name + " deleted",
        "Failed to delete Overdrive " + name, () -> d.overdrives.remove(id), () -> { });
    return actionsRef.get().accept(r, op, user);
  }

  // ------------------------------------------------------------------ helpers

  private JsonObject instance(MockRequest r) {
    long id = r.pathLong("id", "instance");
    JsonObject instance = data.get().instances.get(id);
    if (instance == null) {
      throw MockFailure.notFound("instance", Long.toString(id));
    }
    return instance;
  }

  private JsonObject overdrive(MockRequest r) {
    long id = r.pathLong("id", "overdrive");
    JsonObject overdrive = data.get().overdrives.get(id);
    if (overdrive == null) {
      throw MockFailure.notFound("overdrive", Long.toString(id));
    }
    return overdrive;
  }

  private static Operation withEffects(Operation op, Runnable onSuccess, Runnable onError) {
    return new Operation(op.process(), op.resourceType(), op.family(), op.resourceName(),
        op.resourceId(), op.serviceId(), op.submitted(), op.inProgress(), op.succeeded(),
        op.failed(), onSuccess, onError);
  }

  private static JsonObject object(MockRequest r) {
    JsonElement body = r.json();
    if (!body.isJsonObject()) {
      throw MockFailure.of(400, "INVALID_BODY", "The request body must be a JSON object");
    }
    return body.getAsJsonObject();
  }

  private static String requiredText(JsonObject body, String field) {
    JsonElement e = body.get(field);
    if (e == null || e.isJsonNull() || !e.isJsonPrimitive() || e.getAsString().isBlank()) {
      throw MockFailure.invalidField(field, "INVALID_FIELD_VALUE", "Error on field '" + field
          + "'");
    }
    return e.getAsString().trim();
  }

  private static long requiredLong(JsonObject body, String field) {
    JsonElement e = body.get(field);
    try {
      if (e != null && e.isJsonPrimitive()) {
        return e.getAsLong();
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw MockFailure.invalidField(field, "INVALID_FIELD_VALUE", "Error on field '" + field + "'");
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
