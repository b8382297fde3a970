package dev.b2bsdk.testkit.intouch;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.b2bsdk.testkit.TestHttp;
import dev.b2bsdk.testkit.TestHttp.Reply;
import okhttp3.Credentials;
import org.junit.jupiter.api.Test;

/** InTouch options and write rules beyond the validated flow. */
class InTouchMockBehaviourTest {

  private final TestHttp http = new TestHttp();

  @Test
  void configuredCapWinsOverTheRequestedSize() {
    try (InTouchMock mock = InTouchMock.builder().parties(25).maxPageSize(10).start()) {
      JsonObject page = authed(mock).get(mock.baseUrl() + "/parties?size=100&position=20").json()
          .getAsJsonObject();
      assertThat(page.get("size").getAsInt()).isEqualTo(10);
      assertThat(page.get("total").getAsInt()).isEqualTo(25);
      assertThat(page.getAsJsonArray("items")).hasSize(5);
    }
  }

  @Test
  void maintenanceModeFailsEverythingButAbout() {
    try (InTouchMock mock = InTouchMock.builder().mode(5).start()) {
      assertThat(http.get(mock.baseUrl() + "/about").json().getAsJsonObject().get("mode").getAsInt())
          .isEqualTo(5);
      assertThat(authed(mock).get(mock.baseUrl() + "/parties").code()).isEqualTo(500);
    }
  }

  @Test
  void writesAreStrictAndPatchNullClears() {
    try (InTouchMock mock = InTouchMock.builder().credentials("api", "s3cret").start()) {
      TestHttp authed = http.with("Authorization", Credentials.basic("api", "s3cret"));
      String parties = mock.baseUrl() + "/parties";
      Reply unknownField = authed.post(parties, "{\"surname\":\"Beneš\",\"nickname\":\"B\"}");
      assertThat(unknownField.code()).isEqualTo(400);
      assertThat(unknownField.text()).contains("nickname");
      assertThat(authed.post(parties, "{\"surname\":\"Beneš\",\"birthday\":\"14.5.1978\"}").code())
          .isEqualTo(400);
      assertThat(authed.post(parties, "{\"surname\":\"Beneš\",\"categories\":\"c99\"}").code())
          .isEqualTo(400);
      JsonObject created = authed.post(parties, "{\"surname\":\"Beneš\",\"city\":\"Brno\"}").json()
          .getAsJsonObject();
      assertThat(created.get("type").getAsString()).isEqualTo("INDIVIDUAL");
      assertThat(created.get("enteredBy").getAsString()).isEqualTo("api");
      long id = created.get("id").getAsLong();
      JsonObject patched = authed.send("PATCH", parties + "/" + id, "{\"city\":null}").json()
          .getAsJsonObject();
      assertThat(patched.has("city")).isFalse();
      assertThat(mock.party(id).orElseThrow().get("surname").getAsString()).isEqualTo("Beneš");
    }
  }

  @Test
  void seedStartsWithTheSpecExamplesAndIsDeterministic() {
    try (InTouchMock a = InTouchMock.builder().parties(40).build();
        InTouchMock b = InTouchMock.builder().parties(40).build()) {
      assertThat(a.parties()).hasSize(40).isEqualTo(b.parties());
      assertThat(a.parties().get(0).get("email").getAsString()).isEqualTo("karel.novotny@seznam.cz");
      assertThat(a.parties().stream().map(p -> p.get("type").getAsString()).distinct())
          .contains("INDIVIDUAL", "ORGANIZATION", "BRANCH");
    }
  }

  private static TestHttp authed(InTouchMock mock) {
    return new TestHttp().with("Authorization", Credentials.basic(mock.username(), mock.password()));
  }
}
