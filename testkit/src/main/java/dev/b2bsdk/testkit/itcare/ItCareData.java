package dev.b2bsdk.testkit.itcare;

import static dev.b2bsdk.testkit.core.Json.obj;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.b2bsdk.testkit.core.FakeData;
import dev.b2bsdk.testkit.core.Person;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ITCare data a mock serves: services, instances (the spec's two examples first, then generated
 * ones), other resources, snapshots and Overdrive instances, plus the id sequences. Mutable; guarded
 * by the mock's lock.
 */
final class ItCareData {

  /** ITCare dates: ISO-8601 with millis and an offset without colon, e.g. {@code +0200}. */
  static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
  static final ZoneId ZONE = ZoneId.of("Europe/Paris");

  /** Fields of an instance that a {@code Resource} does not carry. */
  static final List<String> RESOURCE_FIELDS = List.of("id", "name", "path", "status", "category",
      "type", "family", "environment", "serviceId", "serviceKey", "serviceName", "cloudId",
      "cloudName", "productName", "resourceType", "supportLevel", "supportPhase",
      "internalResourceId", "creationTime", "creationUser", "comment");

  private record Product(String family, String type, String name, String code) {
  }

  private static final List<Product> PRODUCTS = List.of(
      new Product("DEBIAN", "LINUX", "Debian 12", "deb"),
      new Product("RHEL", "LINUX", "Red Hat Enterprise Linux 9", "rhl"),
      new Product("UBUNTU", "LINUX", "Ubuntu 22.04", "ubu"),
      new Product("WINDOWS", "WINDOWS", "Windows Server 2022", "win"),
      new Product("CENTOS", "LINUX", "CentOS 7", "cen"));

  final Map<Long, JsonObject> services = new LinkedHashMap<>();
  final Map<Long, JsonObject> instances = new LinkedHashMap<>();
  final Map<Long, List<JsonObject>> snapshots = new LinkedHashMap<>();
  final Map<Long, JsonObject> overdrives = new LinkedHashMap<>();
  /** Databases, message brokers, GlusterFS and Matomo resources, by id (each knows its path). */
  final Map<Long, JsonObject> managed = new LinkedHashMap<>();
  final FakeData fake;
  long nextInstanceId;
  long nextSnapshotId = 88122;
  long nextOverdriveId = 3101;
  long nextManagedId = 3300001;
  int nextIpHost = 40;

  ItCareData(long seed, int instanceCount) {
    this.fake = new FakeData(seed);
    seedServices();
    seedInstances(instanceCount);
    seedOtherResources();
  }

  static String format(ZonedDateTime time) {
    return DATE_TIME.format(time.withZoneSameInstant(ZONE));
  }

  JsonObject service(long id) {
    return services.get(id);
  }

  /** A new instance record as created by {@code POST /compute/instances}. */
  JsonObject newInstance(long id, String name, String family, String version, String environment,
      JsonObject service, String area, String az, long sizing, String comment, String user,
      ZonedDateTime now) {
    Product product = PRODUCTS.stream().filter(p -> p.family().equalsIgnoreCase(family))
        .findFirst().orElse(new Product(family.toUpperCase(), "LINUX", family, "gen"));
    String productName = version == null ? product.name()
        : product.name().replaceAll("[0-9][0-9.]*$", "").trim() + " " + version;
    int cpu = 2 << (int) (Math.abs(sizing) % 3);
    String ip = "10.59.13." + (nextIpHost++ % 250 + 2);
    return instance(id, name, "CREATING", product.type(), product.family(), environment,
        service, productName, "SILVER", "BUILD", 5350200 + id % 1000, format(now), user, comment,
        cpu, cpu * 2, ip, az, area, 60.0, network(name, ip, "LAN", "EB_1130_LAN2"));
  }

  private void seedServices() {
    services.put(40213L, obj("id", 40213, "key", "ECOMWEB", "name", "E-commerce Web Front",
        "description", "Public web shop front ends", "status", "ACTIVE"));
    services.put(40388L, obj("id", 40388, "key", "PAYROLL", "name", "Payroll Back Office",
        "description", JsonNull.INSTANCE, "status", "ACTIVE"));
    services.put(40412L, obj("id", 40412, "key", "PHARMADATA", "name", "Pharma Data Warehouse",
        "description", "Reporting and BI for pharmacy chains", "status", "ACTIVE"));
    services.put(40517L, obj("id", 40517, "key", "CRMINT", "name", "CRM Integration",
        "description", "Exchanges between the CRM and the ERP", "status", "ACTIVE"));
  }

  private void seedInstances(int count) {
    // the spec's own examples come first: the demo tour stops the first ACTIVE one
    List<JsonObject> seeded = new ArrayList<>();
    seeded.add(instance(1204571, "pdebwebsrv01", "ACTIVE", "LINUX", "DEBIAN", "PRODUCTION",
        services.get(40213L), "Debian 11", "GOLD", "RUN", 5350129,
        "2016-06-01T12:27:19.000+0200", "jdupont", "Front web node A", 4, 8, "10.59.13.29",
        "EB-A", "EB1", 120.0, network("pdebwebsrv01", "10.59.13.29", "DMZ", "EB_1125_DMZ8",
            "www-ecom", "cegedim.cloud")));
    seeded.add(instance(1204588, "pwinsqlsrv02", "INACTIVE", "WINDOWS", "WINDOWS", "DEVELOPMENT",
        services.get(40213L), "Windows Server 2019", "SILVER", "BUILD", 5350144,
        "2019-11-18T08:05:42.000+0100", "mmartin", null, 2, 16, "10.59.14.12", "EB-B", "EB1",
        250.5, obj("technicalID", "EB_1130_LAN2", "cidr", "10.59.14.0/24", "scope", "LAN",
            "ipAddress", "10.59.14.12", "dns", new JsonArray())));
    long id = 1204588;
    List<JsonObject> serviceList = List.copyOf(services.values());
    for (int i = seeded.size(); i < count; i++) {
      id += fake.between(3, 40);
      seeded.add(generatedInstance(id, i + 1, fake.pick(serviceList)));
    }
    for (JsonObject instance : seeded.subList(0, Math.min(count, seeded.size()))) {
      instances.put(instance.get("id").getAsLong(), instance);
    }
    nextInstanceId = id + 17;
    JsonObject first = instances.get(1204571L);
    if (first != null) {
      snapshots.put(1204571L, new ArrayList<>(List.of(obj("id", "1204571-snap-88121",
          "label", "before-upgrade-php8", "creationUser", "Jean Dupont",
          "creationTime", "2024-06-11T21:02:10.000+0200", "recoveryTime", null,
          "expirationTime", "2024-06-14T21:02:10.000+0200",
          "description", "Snapshot before the PHP 8.2 upgrade", "changeReference", "RFC_123",
          "size", 19.6))));
    }
  }

  private JsonObject generatedInstance(long id, int index, JsonObject service) {
    Product product = fake.pick(PRODUCTS);
    String env = fake.pick(List.of("PRODUCTION", "PRODUCTION", "QUALIFICATION", "DEVELOPMENT"));
    String role = fake.pick(product.type().equals("WINDOWS") ? List.of("sql", "app", "rds", "ad")
        : List.of("web", "app", "db", "bat", "ftp"));
    String name = env.substring(0, 1).toLowerCase() + product.code() + role + "srv"
        + String.format("%02d", index);
    boolean dmz = role.equals("web") || role.equals("ftp");
    int subnet = fake.between(13, 24);
    String ip = "10.59." + subnet + "." + fake.between(10, 250);
    Person owner = fake.frenchPerson();
    String login = FakeData.ascii(owner.firstName()).charAt(0)
        + FakeData.ascii(owner.lastName()).replace(".", "");
    LocalDate day = fake.dateBetween(LocalDate.of(2016, 1, 1), LocalDate.of(2024, 12, 31));
    ZonedDateTime created = day.atTime(LocalTime.of(fake.between(7, 19), fake.between(0, 59),
        fake.between(0, 59))).atZone(ZONE);
    int cpu = fake.pick(List.of(2, 4, 4, 8, 16));
    return instance(id, name, fake.chance(0.8) ? "ACTIVE" : "INACTIVE", product.type(),
        product.family(), env, service, product.name(), fake.pick(List.of("GOLD", "SILVER",
            "BRONZE")), env.equals("PRODUCTION") ? "RUN" : "BUILD", 5350000 + fake.between(100,
            999), format(created), login, fake.chance(0.5) ? null : "Node " + role.toUpperCase()
            + " of " + service.get("key").getAsString(), cpu, cpu * fake.pick(List.of(2, 4)), ip,
        fake.pick(List.of("EB-A", "EB-B", "EB-C")), "EB1", fake.between(120, 1000) / 2.0,
        network(name, ip, dmz ? "DMZ" : "LAN", dmz ? "EB_1125_DMZ8" : "EB_11" + subnet + "_LAN2"));
  }

  /** Every resource that {@code GET /compute/resources} lists besides instances. */
  List<JsonObject> nonInstanceResources() {
    List<JsonObject> all = new ArrayList<>(managed.values());
    all.addAll(overdrives.values());
    return all;
  }

  private void seedOtherResources() {
    put(obj("id", 2230017, "name", "ppgsqlecom01", "path", "/databases/postgresql",
        "status", "ACTIVE", "category", "MANAGED_DATABASE", "type", "POSTGRESQL", "family",
        "POSTGRESQL", "environment", "PRODUCTION", "serviceId", 40213, "serviceKey", "ECOMWEB",
        "serviceName", "E-commerce Web Front", "cloudId", 12, "cloudName", "Cegedim Pharma",
        "productName", "PostgreSQL 15", "resourceType", "DATABASE", "supportLevel", "GOLD",
        "supportPhase", "RUN", "internalResourceId", 6120033, "creationTime",
        "2023-02-07T10:44:03.000+0100", "creationUser", "jdupont", "comment", null));
    put(obj("id", 2230154, "name", "pmariadbpay01", "path", "/databases/mariadb",
        "status", "ACTIVE", "category", "MANAGED_DATABASE", "type", "MARIADB", "family",
        "MARIADB", "environment", "PRODUCTION", "serviceId", 40388, "serviceKey", "PAYROLL",
        "serviceName", "Payroll Back Office", "cloudId", 12, "cloudName", "Cegedim Pharma",
        "productName", "MariaDB 10.11", "resourceType", "DATABASE", "supportLevel", "SILVER",
        "supportPhase", "RUN", "internalResourceId", 6120187, "creationTime",
        "2022-09-14T15:20:41.000+0200", "creationUser", "mmartin", "comment",
        "Payroll schema"));
  }

  private void put(JsonObject resource) {
    managed.put(resource.get("id").getAsLong(), resource);
  }

  private static JsonObject instance(long id, String name, String status, String type,
      String family, String environment, JsonObject service, String productName,
      String supportLevel, String supportPhase, long internalId, String creationTime,
      String creationUser, String comment, int cpu, int ram, String ip, String az, String area,
      double disks, JsonObject network) {
    return obj("id", id, "name", name, "path", "/compute/instances", "status", status,
        "type", type, "family", family, "environment", environment,
        "serviceId", service.get("id"), "serviceKey", service.get("key"),
        "serviceName", service.get("name"), "category", "INSTANCE", "cloudId", 12,
        "cloudName", "Cegedim Pharma", "productName", productName,
        "resourceType", "VIRTUAL_MACHINE", "supportLevel", supportLevel,
        "supportPhase", supportPhase, "internalResourceId", internalId,
        "creationTime", creationTime, "creationUser", creationUser, "comment", comment,
        "cpu", cpu, "ram", ram, "ipAddress", ip, "availabilityZone", az, "area", area,
        "region", area.replaceAll("[0-9]+$", ""), "totalSizeDisks", disks, "network", network);
  }

  private static JsonObject network(String name, String ip, String scope, String vlan,
      String... extraAliasAndDomain) {
    JsonArray dns = new JsonArray();
    dns.add(obj("alias", name, "domain", "hosting.cegedim.cloud"));
    for (int i = 0; i + 1 < extraAliasAndDomain.length; i += 2) {
      dns.add(obj("alias", extraAliasAndDomain[i], "domain", extraAliasAndDomain[i + 1]));
    }
    String cidr = ip.substring(0, ip.lastIndexOf('.')) + ".0/24";
    return obj("technicalID", vlan, "cidr", cidr, "scope", scope, "ipAddress", ip, "dns", dns);
  }
}
