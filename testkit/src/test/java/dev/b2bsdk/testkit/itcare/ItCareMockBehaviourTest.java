package dev.b2bsdk.testkit.itcare;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.b2bsdk.testkit.TestHttp;
import dev.b2bsdk.testkit.TestHttp.Reply;
import java.time.Duration;
import okhttp3.Credentials;
import org.junit.jupiter.api.Test;

/** ITCare options and state rules beyond the validated flow. */
class ItCareMockBehaviourTest {

  private final TestHttp http = new TestHttp();

  @Test
  void actionsCanEndInErrorAndThenChangeNothing() {
    try (ItCareMock mock = ItCareMock.builder().actionOutcome(ActionOutcome.ERROR).start()) {
      TestHttp authed = authed(mock);
      long action = obj(authed.send("PATCH", mock.baseUrl() + "/compute/instances/1204571",
          "{\"operation\":\"stop\"}")).get("id").getAsLong();
      assertThat(status(authed, mock, action)).isEqualTo("IN_PROGRESS");
      assertThat(status(authed, mock, action)).isEqualTo("ERROR");
      assertThat(mock.instance(1204571).orElseThrow().get("status").getAsString()).isEqualTo("ACTIVE");

      long create = obj(authed.post(mock.baseUrl() + "/compute/instances", "{\"name\":\"pdebappsrv09\","
          + "\"area\":\"EB1\",\"resourceId\":\"3021\",\"serviceId\":40213}")).get("id").getAsLong();
      assertThat(mock.instances()).hasSize(6);
      status(authed, mock, create);
      status(authed, mock, create);
      assertThat(mock.instances()).hasSize(5);

      mock.setActionOutcome(ActionOutcome.SUCCESS);
      long retry = obj(authed.send("PATCH", mock.baseUrl() + "/compute/instances/1204571",
          "{\"operation\":\"stop\"}")).get("id").getAsLong();
      status(authed, mock, retry);
      assertThat(status(authed, mock, retry)).isEqualTo("SUCCESS");
      assertThat(mock.pollsOf(retry)).isEqualTo(2);
    }
  }

  @Test
  void pollCountIsConfigurableAndRunningActionsBlockTheResource() {
    try (ItCareMock mock = ItCareMock.builder().actionPolls(3).start()) {
      TestHttp authed = authed(mock);
      String url = mock.baseUrl() + "/compute/instances/1204571";
      long action = obj(authed.send("PATCH", url, "{\"operation\":\"reboot\"}")).get("id").getAsLong();
      assertThat(authed.send("PATCH", url, "{\"operation\":\"reboot\"}").code()).isEqualTo(409);
      assertThat(status(authed, mock, action)).isEqualTo("IN_PROGRESS");
      assertThat(status(authed, mock, action)).isEqualTo("IN_PROGRESS");
      assertThat(status(authed, mock, action)).isEqualTo("SUCCESS");
      assertThat(status(authed, mock, action)).isEqualTo("SUCCESS");
      assertThat(authed.send("PATCH", url, "{\"operation\":\"reboot\"}").code()).isEqualTo(202);
    }
  }

  @Test
  void emptyAcceptedBodyStillCreatesAFindableAction() {
    try (ItCareMock mock = ItCareMock.builder().emptyAcceptedBody(true).start()) {
      TestHttp authed = authed(mock);
      Reply accepted = authed.send("PATCH", mock.baseUrl() + "/compute/instances/1204571",
          "{\"operation\":\"stop\"}");
      assertThat(accepted.code()).isEqualTo(202);
      assertThat(accepted.text()).isEmpty();
      assertThat(authed.get(mock.baseUrl() + "/actions?resourceName=pdebwebsrv01").json()
          .getAsJsonArray()).hasSize(1);
    }
  }

  @Test
  void dryRunValidatesLikeARealCallAndChangesNothing() {
    try (ItCareMock mock = ItCareMock.create().start()) {
      TestHttp authed = authed(mock);
      Reply refused = authed.send("DELETE", mock.baseUrl() + "/compute/instances/1204571", null,
          "ITCare-DryRun", "true");
      assertThat(refused.code()).isEqualTo(409);
      Reply dry = authed.post(mock.baseUrl() + "/compute/instances", "{\"name\":\"pdebappsrv09\","
          + "\"area\":\"EB1\",\"resourceId\":\"3021\",\"serviceId\":40213}", "ITCare-DryRun", "true");
      assertThat(dry.code()).isEqualTo(202);
      assertThat(obj(dry).get("status").getAsString()).isEqualTo("DRY_RUN");
      assertThat(mock.instances()).hasSize(5);
      assertThat(mock.actions()).isEmpty();
    }
  }

  @Test
  void errorBodiesCanBeEmptyLikeTheRealApiAndPagesCanBeCapped() {
    try (ItCareMock mock = ItCareMock.builder().emptyErrorBodies(true).maxPageSize(2).instances(7)
        .start()) {
      TestHttp authed = authed(mock);
      Reply missing = authed.get(mock.baseUrl() + "/compute/instances/1");
      assertThat(missing.code()).isEqualTo(404);
      assertThat(missing.text()).isEmpty();
      JsonObject page = obj(authed.get(mock.baseUrl() + "/compute/instances?size=50"));
      assertThat(page.get("size").getAsInt()).isEqualTo(2);
      assertThat(page.getAsJsonArray("content")).hasSize(2);
      assertThat(page.get("totalPages").getAsInt()).isEqualTo(4);
    }
  }

  @Test
  void accessAndRefreshTokensExpireSeparately() {
    try (ItCareMock mock = ItCareMock.builder().credentials("my-client", "my-secret")
        .accessTokenTtl(Duration.ofSeconds(60)).start()) {
      JsonObject token = obj(http.form(mock.tokenUrl(), "grant_type=client_credentials",
          "Authorization", Credentials.basic("my-client", "my-secret")));
      assertThat(token.get("expires_in").getAsLong()).isEqualTo(60);
      String bearer = "Bearer " + token.get("access_token").getAsString();
      mock.expireAccessTokens();
      assertThat(http.get(mock.baseUrl() + "/compute/services", "Authorization", bearer).code()).isEqualTo(401);
      String refreshForm = "grant_type=refresh_token&refresh_token=" + token.get("refresh_token").getAsString();
      assertThat(http.form(mock.tokenUrl(), refreshForm, "Authorization",
          Credentials.basic("my-client", "my-secret")).code()).isEqualTo(200);
      mock.expireAllTokens();
      assertThat(http.form(mock.tokenUrl(), refreshForm, "Authorization",
          Credentials.basic("my-client", "my-secret")).code()).isEqualTo(400);
      assertThat(http.form(mock.tokenUrl(), "grant_type=password", "Authorization",
          Credentials.basic("my-client", "my-secret")).code()).isEqualTo(400);
    }
  }

  @Test
  void sameSeedSameDataAndResetRestoresItButKeepsTokens() {
    try (ItCareMock a = ItCareMock.builder().instances(9).start();
        ItCareMock b = ItCareMock.builder().instances(9).build();
        ItCareMock c = ItCareMock.builder().instances(9).seed(99).build()) {
      assertThat(a.instances()).isEqualTo(b.instances());
      assertThat(a.instances()).isNotEqualTo(c.instances());
      TestHttp authed = authed(a);
      long action = obj(authed.send("PATCH", a.baseUrl() + "/compute/instances/1204571",
          "{\"operation\":\"stop\"}")).get("id").getAsLong();
      status(authed, a, action);
      status(authed, a, action);
      assertThat(a.instance(1204571).orElseThrow().get("status").getAsString()).isEqualTo("INACTIVE");
      a.reset();
      assertThat(a.instances()).isEqualTo(b.instances());
      assertThat(a.actions()).isEmpty();
      assertThat(a.server().findAll(getRequestedFor(urlPathMatching("/itcare/.*")))).isEmpty();
      assertThat(authed.get(a.baseUrl() + "/compute/instances").code()).isEqualTo(200);
    }
  }

  @Test
  void usersOwnStubsWinAndTheJournalRecordsCalls() {
    try (ItCareMock mock = ItCareMock.create().start()) {
      mock.server().stubFor(get(urlPathEqualTo("/itcare/health"))
          .willReturn(aResponse().withStatus(503)));
      assertThat(http.get(mock.baseUrl() + "/health").code()).isEqualTo(503);
      TestHttp authed = authed(mock);
      authed.get(mock.baseUrl() + "/compute/instances");
      mock.server().verify(1, getRequestedFor(urlPathEqualTo("/itcare/compute/instances")));
    }
  }

  private TestHttp authed(ItCareMock mock) {
    JsonObject token = obj(http.form(mock.tokenUrl(), "grant_type=client_credentials",
        "Authorization", Credentials.basic(mock.clientId(), mock.clientSecret())));
    return http.with("Authorization", "Bearer " + token.get("access_token").getAsString());
  }

  private static String status(TestHttp authed, ItCareMock mock, long action) {
    return obj(authed.get(mock.baseUrl() + "/actions/" + action)).get("status").getAsString();
  }

  private static JsonObject obj(Reply reply) {
    return reply.json().getAsJsonObject();
  }
}
