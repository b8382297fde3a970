package dev.b2bsdk.testkit.itcare;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.b2bsdk.testkit.SpecValidator;
import dev.b2bsdk.testkit.TestHttp;
import dev.b2bsdk.testkit.TestHttp.Reply;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ITCare databases, message brokers, GlusterFS, Matomo and Overdrive list through plain OkHttp,
 * every request and response checked against {@code specs/itcare.yaml}: creations run through the
 * action lifecycle (CREATING, polled to SUCCESS, ACTIVE), dry runs change nothing, the vendor's
 * constraints give 400, operations and deletions are actions too.
 */
class ItCareManagedMockSpecTest {

  private static final String PASSWORD = "Adm1n!Passw0rd";

  private final TestHttp http = new TestHttp();
  private ItCareMock mock;
  private SpecValidator validation;
  private String api;
  private TestHttp authed;

  @BeforeEach
  void start() {
    mock = ItCareMock.builder().start();
    validation = SpecValidator.forApi("itcare");
    mock.server().addMockServiceRequestListener(validation);
    api = mock.baseUrl();
    JsonObject token = http.form(mock.tokenUrl(), "grant_type=client_credentials",
        "Authorization", Credentials.basic("demo-client", "demo-secret")).json().getAsJsonObject();
    authed = http.with("Authorization", "Bearer " + token.get("access_token").getAsString());
  }

  @AfterEach
  void stop() {
    mock.stop();
  }

  @Test
  void postgresqlLifecycleRunsThroughActions() {
    String create = "{\"area\":\"EB1\",\"productCode\":\"deb12pg16\",\"name\":\"ppgsqlecom02\","
        + "\"nodeSizing\":\"2cpu4gb\",\"diskSize\":40,\"admPassword\":\"" + PASSWORD + "\","
        + "\"serviceId\":40213,\"networkId\":\"132\",\"topology\":\"STANDALONE\"}";

    // a dry run validates, echoes the header and creates nothing
    Reply dry = authed.post(api + "/databases/postgresql", create, "ITCare-DryRun", "true");
    assertThat(dry.code()).isEqualTo(202);
    assertThat(dry.header("ITCare-DryRun")).isEqualTo("true");
    assertThat(obj(dry).has("id")).isFalse();
    assertThat(mock.managed("/databases/postgresql")).hasSize(1); // the seeded one
    assertThat(mock.actions()).isEmpty();

    // the vendor's password rule and disk range, checked in a dry run too
    Reply weak = authed.post(api + "/databases/postgresql", create.replace(PASSWORD, "password"),
        SpecValidator.INVALID_ON_PURPOSE, "weak password", "ITCare-DryRun", "true");
    assertThat(weak.code()).isEqualTo(400);
    assertThat(obj(weak).get("errorDesc").getAsString()).isEqualTo("admPassword");
    Reply tooSmall = authed.post(api + "/databases/postgresql", create.replace("\"diskSize\":40",
        "\"diskSize\":20"), SpecValidator.INVALID_ON_PURPOSE, "disk below 40 GB");
    assertThat(obj(tooSmall).get("errorDesc").getAsString()).isEqualTo("diskSize");

    long action = obj(authed.post(api + "/databases/postgresql", create)).get("id").getAsLong();
    JsonObject creating = mock.managed("/databases/postgresql").get(1);
    assertThat(creating.get("status").getAsString()).isEqualTo("CREATING");
    assertThat(poll(action)).containsExactly("IN_PROGRESS", "SUCCESS");
    long id = creating.get("id").getAsLong();
    assertThat(status("/databases/postgresql", id)).isEqualTo("ACTIVE");
    assertThat(authed.post(api + "/databases/postgresql", create).code()).isEqualTo(409);

    String url = api + "/databases/postgresql/" + id;
    poll(obj(authed.send("PATCH", url, "{\"operation\":\"resize\",\"options\":{\"sizing\":\"4cpu8gb\"}}"))
        .get("id").getAsLong());
    assertThat(mock.managed("/databases/postgresql").get(1).get("productName").getAsString())
        .isEqualTo("PostgreSQL 4cpu8gb");
    // restore from the seeded database, the timestamp with the vendor's "+00:00" offset
    poll(obj(authed.send("PATCH", url, "{\"operation\":\"restore\",\"options\":{\"sourceId\":2230017,"
        + "\"stop\":\"BEFORE\",\"timestamp\":\"2022-11-02T09:32:02.000+00:00\"}}")).get("id").getAsLong());
    assertThat(mock.managed("/databases/postgresql").get(1).get("comment").getAsString())
        .isEqualTo("Restored from ppgsqlecom01 at 2022-11-02T09:32:02.000+00:00");
    Reply badSource = authed.send("PATCH", url, "{\"operation\":\"restore\",\"options\":{\"sourceId\":1,"
        + "\"stop\":\"BEFORE\",\"timestamp\":\"2022-11-02T09:32:02Z\"}}");
    assertThat(badSource.code()).isEqualTo(400);
    poll(obj(authed.send("PATCH", url, "{\"operation\":\"stop\"}")).get("id").getAsLong());
    assertThat(status("/databases/postgresql", id)).isEqualTo("INACTIVE");
    assertThat(authed.send("PATCH", url, "{\"operation\":\"stop\"}").code()).isEqualTo(409);

    poll(obj(authed.delete(url)).get("id").getAsLong());
    assertThat(mock.managed("/databases/postgresql")).hasSize(1);
    assertThat(authed.delete(url).code()).isEqualTo(404);
    validation.assertValidationPassed();
  }

  @Test
  void everyDatabaseAndBrokerKindIsCreatedWithItsOwnRules() {
    Reply even = authed.post(api + "/databases/opensearch", "{\"area\":\"EB1\",\"name\":\"popensearch01\","
        + "\"nodeSizing\":\"2cpu4gb\",\"diskSize\":40,\"admPassword\":\"" + PASSWORD + "\","
        + "\"clusterVersion\":\"1.2.3\",\"serviceId\":40213,\"networkId\":\"1234511\","
        + "\"instanceCount\":\"4\",\"nodePrefix\":\"OPESTC\"}", SpecValidator.INVALID_ON_PURPOSE, "even");
    assertThat(obj(even).get("errorDesc").getAsString()).isEqualTo("instanceCount");
    created("/databases/opensearch", "{\"area\":\"EB1\",\"name\":\"popensearch01\","
        + "\"nodeSizing\":\"2cpu4gb\",\"diskSize\":40,\"admPassword\":\"" + PASSWORD + "\","
        + "\"clusterVersion\":\"1.2.3\",\"serviceId\":40213,\"networkId\":\"1234511\","
        + "\"instanceCount\":\"3\",\"nodePrefix\":\"OPESTC\",\"backupEnabled\":true}");
    long search = mock.managed("/databases/opensearch").get(0).get("id").getAsLong();
    assertThat(authed.send("PATCH", api + "/databases/opensearch/" + search, "{\"operation\":\"add_nodes\","
        + "\"options\":{\"diskSize\":10,\"nodeSize\":\"2cpu4gb\",\"nodesCount\":3}}").code()).isEqualTo(400);
    poll(obj(authed.send("PATCH", api + "/databases/opensearch/" + search, "{\"operation\":\"add_nodes\","
        + "\"options\":{\"diskSize\":10,\"nodeSize\":\"2cpu4gb\",\"nodesCount\":2}}")).get("id").getAsLong());
    poll(obj(authed.delete(api + "/databases/opensearch/" + search)).get("id").getAsLong());
    assertThat(mock.managed("/databases/opensearch")).isEmpty();

    created("/databases/mariadb", "{\"area\":\"EB1\",\"name\":\"pmariadbpay02\",\"nodeSizing\":\"2cpu4gb\","
        + "\"diskSize\":40,\"admPassword\":\"" + PASSWORD + "\",\"version\":\"10.6\",\"serviceId\":40388,"
        + "\"networkId\":\"1234511\",\"instanceCount\":1,\"topology\":\"SINGLE\"}");
    created("/databases/redis", "{\"area\":\"EB1\",\"productCode\":\"redis72\",\"name\":\"PREDIS-01\","
        + "\"nodeSizing\":\"2cpu4gb\",\"diskSize\":40,\"admPassword\":\"" + PASSWORD + "\","
        + "\"serviceId\":40213,\"networkId\":\"1234511\",\"instanceCount\":3}");
    Reply fiveBrokers = authed.post(api + "/message-brokers/apache-kafka", "{\"area\":\"EB1\",\"name\":\"pkafkaecom01\","
        + "\"nodePrefix\":\"DM123\",\"nodeSizing\":\"2cpu4gb\",\"brokerCount\":6,\"diskSize\":40,"
        + "\"admPassword\":\"" + PASSWORD + "\",\"serviceId\":40213,\"networkId\":\"1234511\"}",
        SpecValidator.INVALID_ON_PURPOSE, "6 brokers");
    assertThat(obj(fiveBrokers).get("errorDesc").getAsString()).isEqualTo("brokerCount");
    created("/message-brokers/apache-kafka", "{\"area\":\"EB1\",\"name\":\"pkafkaecom01\","
        + "\"nodePrefix\":\"DM123\",\"nodeSizing\":\"2cpu4gb\",\"brokerCount\":3,\"diskSize\":40,"
        + "\"admPassword\":\"" + PASSWORD + "\",\"serviceId\":40213,\"networkId\":\"1234511\"}");
    long kafka = mock.managed("/message-brokers/apache-kafka").get(0).get("id").getAsLong();
    poll(obj(authed.send("PATCH", api + "/message-brokers/apache-kafka/" + kafka, "{\"operation\":\"stop\"}"))
        .get("id").getAsLong());
    assertThat(status("/message-brokers/apache-kafka", kafka)).isEqualTo("INACTIVE");
    poll(obj(authed.delete(api + "/message-brokers/apache-kafka/" + kafka)).get("id").getAsLong());
    created("/message-brokers/rabbitmq", "{\"area\":\"EB1\",\"productCode\":\"rabbitmq313\","
        + "\"name\":\"prabbitecom01\",\"vmPrefix\":\"AAAAAA\",\"brokerCount\":3,\"nodeSizing\":\"2cpu4gb\","
        + "\"diskSize\":2048,\"admPassword\":\"" + PASSWORD + "\",\"serviceId\":40213,\"networkId\":\"1234511\"}");
    created("/storage/glusterfs", "{\"name\":\"pglusterfs01\",\"area\":\"EB1\",\"productCode\":\"glusterfs10\","
        + "\"serviceId\":40213,\"networkId\":\"1234511\"}");

    // every kind shows in the generic resource list
    JsonObject resources = obj(authed.get(api + "/compute/resources?categories=MESSAGE_BROKER&size=50"));
    assertThat(resources.get("totalElements").getAsInt()).isEqualTo(1);
    assertThat(obj(authed.get(api + "/compute/resources?types=GLUSTERFS")).get("totalElements").getAsInt())
        .isEqualTo(1);
    validation.assertValidationPassed();
  }

  @Test
  void glusterFsAndMatomoListsAnswerTheVendorMediaType() {
    created("/storage/glusterfs", "{\"name\":\"pglusterfs01\",\"az\":\"EB-A\",\"serviceId\":40213}");
    Reply gluster = authed.get(api + "/storage/glusterfs?names=pglusterfs01");
    assertThat(gluster.header("Content-Type")).startsWith("application/vnd.cegedim-it.v1+json");
    assertThat(obj(gluster).getAsJsonArray("content")).hasSize(1);

    Reply weak = authed.post(api + "/analytics/matomo", "{\"region\":\"EB\",\"name\":\"pmatomo01\","
        + "\"sizing\":\"XS\",\"password\":\"Password!!??\",\"serviceId\":40213}",
        SpecValidator.INVALID_ON_PURPOSE, "no digit");
    assertThat(obj(weak).get("errorDesc").getAsString()).isEqualTo("password");
    created("/analytics/matomo", "{\"region\":\"EB\",\"name\":\"pmatomo01\",\"sizing\":\"XS\","
        + "\"password\":\"Password!!??12\",\"serviceId\":40213,\"cloudId\":12,"
        + "\"dbBackupPolicyId\":\"daily-7d\",\"backupEnabled\":true}");
    Reply matomo = authed.get(api + "/analytics/matomo?clouds=12");
    assertThat(matomo.header("Content-Type")).startsWith("application/vnd.cegedim-it.v1+json");
    JsonObject item = obj(matomo).getAsJsonArray("content").get(0).getAsJsonObject();
    assertThat(item.get("backupStatus").getAsBoolean()).isTrue();
    long id = item.get("id").getAsLong();
    assertThat(authed.send("PATCH", api + "/analytics/matomo/" + id,
        "{\"operation\":\"extend\",\"options\":{\"sizing\":\"XXL\"}}").code()).isEqualTo(400);
    poll(obj(authed.send("PATCH", api + "/analytics/matomo/" + id,
        "{\"operation\":\"extend\",\"options\":{\"sizing\":\"M\"}}")).get("id").getAsLong());
    assertThat(mock.managed("/analytics/matomo").get(0).get("productName").getAsString())
        .isEqualTo("Matomo M");
    poll(obj(authed.delete(api + "/analytics/matomo/" + id)).get("id").getAsLong());
    assertThat(obj(authed.get(api + "/analytics/matomo")).get("totalElements").getAsInt()).isZero();

    // Overdrive instances have their own paged list
    created("/storage/overdrive", "{\"name\":\"poverdrive01\",\"region\":\"EB\",\"sizing\":\"XS\","
        + "\"serviceId\":40213,\"password\":\"Password!!??12\",\"driveSiteUri\":\"demo.mydrive.cegedim.cloud\"}");
    JsonObject overdrives = obj(authed.get(api + "/storage/overdrive?names=poverdrive01"));
    assertThat(overdrives.get("totalElements").getAsInt()).isEqualTo(1);
    assertThat(obj(authed.get(api + "/storage/overdrive?names=other")).get("totalElements").getAsInt()).isZero();
    validation.assertValidationPassed();
  }

  @Test
  void patchAndDeleteMayAnswer200AsTheVendorReferenceRendersThem() {
    mock.stop();
    mock = ItCareMock.builder().okOnPatchAndDelete(true).start();
    validation = SpecValidator.forApi("itcare");
    mock.server().addMockServiceRequestListener(validation);
    api = mock.baseUrl();
    JsonObject token = http.form(mock.tokenUrl(), "grant_type=client_credentials",
        "Authorization", Credentials.basic("demo-client", "demo-secret")).json().getAsJsonObject();
    authed = http.with("Authorization", "Bearer " + token.get("access_token").getAsString());

    Reply reset = authed.send("PATCH", api + "/compute/instances/1204571", "{\"operation\":\"reset\"}");
    assertThat(reset.code()).isEqualTo(200);
    assertThat(poll(obj(reset).get("id").getAsLong())).containsExactly("IN_PROGRESS", "SUCCESS");
    Reply dryDelete = authed.delete(api + "/databases/postgresql/2230017", "ITCare-DryRun", "true");
    assertThat(dryDelete.code()).isEqualTo(200);
    assertThat(dryDelete.header("ITCare-DryRun")).isEqualTo("true");
    assertThat(mock.managed("/databases/postgresql")).hasSize(1);
    // creations stay 202
    assertThat(authed.post(api + "/storage/glusterfs", "{\"name\":\"pglusterfs01\",\"az\":\"EB-A\","
        + "\"serviceId\":40213}").code()).isEqualTo(202);
    validation.assertValidationPassed();
  }

  private void created(String path, String body) {
    int before = mock.managed(path).size() + ("/storage/overdrive".equals(path) ? mock.overdrives().size() : 0);
    Reply accepted = authed.post(api + path, body);
    assertThat(accepted.code()).as(path + ": " + accepted.text()).isEqualTo(202);
    assertThat(poll(obj(accepted).get("id").getAsLong())).endsWith("SUCCESS");
    int after = mock.managed(path).size() + ("/storage/overdrive".equals(path) ? mock.overdrives().size() : 0);
    assertThat(after).as(path).isEqualTo(before + 1);
  }

  private String status(String path, long id) {
    return mock.managed(path).stream().filter(x -> x.get("id").getAsLong() == id).findFirst()
        .orElseThrow().get("status").getAsString();
  }

  private List<String> poll(long actionId) {
    List<String> statuses = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      JsonObject action = obj(authed.get(api + "/actions/" + actionId));
      statuses.add(action.get("status").getAsString());
      if (!"IN_PROGRESS".equals(action.get("status").getAsString())) {
        return statuses;
      }
    }
    throw new AssertionError("action " + actionId + " never finished: " + statuses);
  }

  private static JsonObject obj(Reply reply) {
    return reply.json().getAsJsonObject();
  }
}
