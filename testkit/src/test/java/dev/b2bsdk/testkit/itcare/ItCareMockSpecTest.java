package dev.b2bsdk.testkit.itcare;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.b2bsdk.testkit.SpecValidator;
import dev.b2bsdk.testkit.TestHttp;
import dev.b2bsdk.testkit.TestHttp.Reply;
import dev.b2bsdk.testkit.core.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A realistic ITCare flow through plain OkHttp, every request and response checked against
 * {@code specs/itcare.yaml}: tokens (client credentials, refresh, expiry, wrong secret), paged
 * listing with sort and filters, detail, storage, networks, snapshots, dry run, stop + action
 * polling, delete, create, Overdrive, services, resources and error bodies.
 */
class ItCareMockSpecTest {

  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2025-03-03T08:00:00Z"));
  private final TestHttp http = new TestHttp();
  private ItCareMock mock;
  private SpecValidator validation;
  private String api;

  @BeforeEach
  void start() {
    mock = ItCareMock.builder().clock(clock).instances(5).start();
    validation = SpecValidator.forApi("itcare");
    mock.server().addMockServiceRequestListener(validation);
    api = mock.baseUrl();
  }

  @AfterEach
  void stop() {
    mock.stop();
  }

  @Test
  void fullFlowValidatesAgainstTheSpec() {
    assertThat(http.get(api + "/health").json().getAsJsonObject().get("status").getAsString())
        .isEqualTo("UP");

    // wrong secret: OAuth error body
    Reply denied = http.form(mock.tokenUrl(), "grant_type=client_credentials",
        "Authorization", Credentials.basic("demo-client", "wrong"));
    assertThat(denied.code()).isEqualTo(401);
    assertThat(obj(denied).get("error").getAsString()).isEqualTo("unauthorized_client");

    JsonObject token = obj(http.form(mock.tokenUrl(), "grant_type=client_credentials",
        "Authorization", Credentials.basic("demo-client", "demo-secret")));
    assertThat(token.get("expires_in").getAsLong()).isEqualTo(1200);
    assertThat(token.get("refresh_expires_in").getAsLong()).isEqualTo(7200);
    TestHttp authed = http.with("Authorization", "Bearer " + token.get("access_token").getAsString());

    // no token: 401 with an ITCare body
    Reply anonymous = http.get(api + "/compute/instances");
    assertThat(anonymous.code()).isEqualTo(401);
    assertThat(obj(anonymous).get("status").getAsString()).isEqualTo("UNAUTHORIZED");

    // every page of instances, 2 per page
    List<JsonObject> all = new ArrayList<>();
    int pages = 0;
    for (int page = 0; ; page++) {
      JsonObject body = obj(authed.get(api + "/compute/instances?page=" + page + "&size=2"));
      pages++;
      body.getAsJsonArray("content").forEach(e -> all.add(e.getAsJsonObject()));
      if (body.get("last").getAsBoolean()) {
        assertThat(body.get("totalElements").getAsInt()).isEqualTo(5);
        assertThat(body.get("totalPages").getAsInt()).isEqualTo(3);
        break;
      }
    }
    assertThat(pages).isEqualTo(3);
    assertThat(all).hasSize(5);
    assertThat(all.get(0).get("name").getAsString()).isEqualTo("pdebwebsrv01");

    JsonObject sorted = obj(authed.get(api + "/compute/instances?sort=name,desc&size=50"));
    assertThat(sorted.getAsJsonObject("sort").get("sorted").getAsBoolean()).isTrue();
    List<String> names = names(sorted.getAsJsonArray("content"));
    assertThat(names).isSortedAccordingTo(java.util.Comparator.reverseOrder());

    JsonObject active = obj(authed.get(api + "/compute/instances?statuses=ACTIVE&names=!pdebwebsrv01"));
    active.getAsJsonArray("content").forEach(e -> {
      assertThat(e.getAsJsonObject().get("status").getAsString()).isEqualTo("ACTIVE");
      assertThat(e.getAsJsonObject().get("name").getAsString()).isNotEqualTo("pdebwebsrv01");
    });

    long id = all.get(0).get("id").getAsLong();
    String instanceUrl = api + "/compute/instances/" + id;
    assertThat(obj(authed.get(instanceUrl)).get("status").getAsString()).isEqualTo("ACTIVE");
    assertThat(obj(authed.get(instanceUrl + "/storage")).getAsJsonArray("fileSystems")).isNotEmpty();
    assertThat(authed.get(instanceUrl + "/networks").json().getAsJsonArray()).hasSize(1);
    assertThat(authed.get(instanceUrl + "/snapshots").json().getAsJsonArray()).hasSize(1);
    assertThat(authed.get(api + "/compute/instances/1204588/snapshots").code()).isEqualTo(204);
    Reply missing = authed.get(api + "/compute/instances/999");
    assertThat(missing.code()).isEqualTo(404);
    assertThat(obj(missing).get("status").getAsString()).isEqualTo("NOT_FOUND");

    // dry run: validated, echoed, nothing happens
    Reply dry = authed.send("PATCH", instanceUrl, "{\"operation\":\"stop\"}", "ITCare-DryRun", "true");
    assertThat(dry.code()).isEqualTo(202);
    assertThat(dry.header("ITCare-DryRun")).isEqualTo("true");
    assertThat(obj(dry).has("id")).isFalse();
    assertThat(mock.actions()).isEmpty();

    // stop for real, poll the action to SUCCESS
    Reply stop = authed.send("PATCH", instanceUrl,
        "{\"operation\":\"stop\",\"options\":{\"changeReference\":\"RFC_123\"}}");
    assertThat(stop.code()).isEqualTo(202);
    assertThat(stop.header("ITCare-DryRun")).isNull();
    long actionId = obj(stop).get("id").getAsLong();
    assertThat(poll(authed, actionId)).isEqualTo(List.of("IN_PROGRESS", "SUCCESS"));
    assertThat(obj(authed.get(instanceUrl)).get("status").getAsString()).isEqualTo("INACTIVE");
    assertThat(authed.send("PATCH", instanceUrl, "{\"operation\":\"stop\"}").code()).isEqualTo(409);
    JsonArray listed = authed.get(api + "/actions?resourceName=pdebwebsrv01&statuses=SUCCESS")
        .json().getAsJsonArray();
    assertThat(listed).hasSize(1);

    // delete the stopped instance (optional body)
    long deleteAction = obj(authed.send("DELETE", instanceUrl, "{\"changeReference\":\"RFC_124\"}"))
        .get("id").getAsLong();
    poll(authed, deleteAction);
    assertThat(authed.get(instanceUrl).code()).isEqualTo(404);

    // create an instance: visible at once as CREATING, ACTIVE when its action succeeds
    Reply invalid = authed.post(api + "/compute/instances", "{\"resourceId\":\"3021\",\"serviceId\":40213,\"area\":\"EB1\"}",
        SpecValidator.INVALID_ON_PURPOSE, "missing name");
    assertThat(invalid.code()).isEqualTo(400);
    assertThat(obj(invalid).get("errorDesc").getAsString()).isEqualTo("name");
    Reply created = authed.post(api + "/compute/instances", "{\"name\":\"pdebwebsrv03\",\"area\":\"EB1\","
        + "\"az\":\"EB-A\",\"family\":\"DEBIAN\",\"version\":\"12\",\"resourceId\":\"3021\","
        + "\"serviceId\":40213,\"environment\":\"PRODUCTION\",\"comment\":\"Third web front node\"}");
    long createAction = obj(created).get("id").getAsLong();
    JsonArray pending = authed.get(api + "/actions?resourceName=pdebwebsrv03").json().getAsJsonArray();
    assertThat(pending.get(0).getAsJsonObject().get("status").getAsString()).isEqualTo("IN_PROGRESS");
    JsonObject fresh = obj(authed.get(api + "/compute/instances?names=pdebwebsrv03"))
        .getAsJsonArray("content").get(0).getAsJsonObject();
    assertThat(fresh.get("status").getAsString()).isEqualTo("CREATING");
    poll(authed, createAction);
    assertThat(obj(authed.get(api + "/compute/instances/" + fresh.get("id").getAsLong()))
        .get("status").getAsString()).isEqualTo("ACTIVE");

    // snapshot of the new instance
    String snapshots = api + "/compute/instances/" + fresh.get("id").getAsLong() + "/snapshots";
    assertThat(authed.get(snapshots).code()).isEqualTo(204);
    poll(authed, obj(authed.post(snapshots, "{\"description\":\"Baseline\","
        + "\"changeReference\":\"RFC_125\"}")).get("id").getAsLong());
    JsonObject snapshot = authed.get(snapshots).json().getAsJsonArray().get(0).getAsJsonObject();
    String snapshotId = snapshot.get("id").getAsString();
    assertThat(snapshotId).startsWith(fresh.get("id").getAsLong() + "-snap-");
    assertThat(snapshot.get("description").getAsString()).isEqualTo("Baseline");
    assertThat(snapshot.get("changeReference").getAsString()).isEqualTo("RFC_125");
    assertThat(authed.delete(snapshots + "/" + fresh.get("id").getAsLong() + "-snap-0").code()).isEqualTo(404);
    poll(authed, obj(authed.delete(snapshots + "/" + snapshotId)).get("id").getAsLong());
    assertThat(authed.get(snapshots).code()).isEqualTo(204);

    // resources, services, Overdrive
    JsonObject databases = obj(authed.get(api + "/compute/resources?categories=MANAGED_DATABASE"));
    assertThat(databases.get("totalElements").getAsInt()).isEqualTo(2);
    assertThat(obj(authed.get(api + "/compute/services?size=2")).get("totalElements").getAsInt()).isEqualTo(4);
    assertThat(obj(authed.get(api + "/compute/services/40213")).get("key").getAsString()).isEqualTo("ECOMWEB");
    assertThat(authed.get(api + "/compute/services/1").code()).isEqualTo(404);
    Reply weakPassword = authed.post(api + "/storage/overdrive", "{\"name\":\"poverdrive01\","
        + "\"region\":\"EB\",\"sizing\":\"XS\",\"serviceId\":40213,\"password\":\"short\","
        + "\"driveSiteUri\":\"demo.mydrive.cegedim.cloud\"}", SpecValidator.INVALID_ON_PURPOSE, "weak");
    assertThat(weakPassword.code()).isEqualTo(400);
    poll(authed, obj(authed.post(api + "/storage/overdrive", "{\"name\":\"poverdrive01\","
        + "\"region\":\"EB\",\"sizing\":\"XS\",\"serviceId\":40213,\"password\":\"Password!!??12\","
        + "\"driveSiteUri\":\"demo.mydrive.cegedim.cloud\"}")).get("id").getAsLong());
    long overdriveId = mock.overdrives().get(0).get("id").getAsLong();
    poll(authed, obj(authed.send("PATCH", api + "/storage/overdrive/" + overdriveId,
        "{\"operation\":\"start\"}")).get("id").getAsLong());
    JsonObject storage = obj(authed.get(api + "/compute/resources?types=OVERDRIVE"));
    assertThat(storage.getAsJsonArray("content").get(0).getAsJsonObject().get("status").getAsString())
        .isEqualTo("ACTIVE");
    poll(authed, obj(authed.delete(api + "/storage/overdrive/" + overdriveId)).get("id").getAsLong());
    assertThat(mock.overdrives()).isEmpty();

    // refresh, then expiry on the mock's clock
    Reply badRefresh = http.form(mock.tokenUrl(), "grant_type=refresh_token&refresh_token=nope",
        "Authorization", Credentials.basic("demo-client", "demo-secret"));
    assertThat(badRefresh.code()).isEqualTo(400);
    assertThat(obj(badRefresh).get("error").getAsString()).isEqualTo("invalid_grant");
    clock.advance(Duration.ofSeconds(1201));
    Reply expired = authed.get(api + "/compute/instances");
    assertThat(expired.code()).isEqualTo(401);
    assertThat(obj(expired).get("errorCode").getAsString()).isEqualTo("TOKEN_EXPIRED");
    JsonObject refreshed = obj(http.form(mock.tokenUrl(), "grant_type=refresh_token&refresh_token="
        + token.get("refresh_token").getAsString(),
        "Authorization", Credentials.basic("demo-client", "demo-secret")));
    assertThat(http.get(api + "/compute/instances", "Authorization",
        "Bearer " + refreshed.get("access_token").getAsString()).code()).isEqualTo(200);

    validation.assertValidationPassed();
  }

  private List<String> poll(TestHttp authed, long actionId) {
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

  private static List<String> names(JsonArray array) {
    List<String> out = new ArrayList<>();
    for (JsonElement e : array) {
      out.add(e.getAsJsonObject().get("name").getAsString());
    }
    return out;
  }

  private static JsonObject obj(Reply reply) {
    return reply.json().getAsJsonObject();
  }
}
