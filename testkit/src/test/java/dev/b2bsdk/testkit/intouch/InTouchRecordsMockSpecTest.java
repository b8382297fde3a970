package dev.b2bsdk.testkit.intouch;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.b2bsdk.testkit.SpecValidator;
import dev.b2bsdk.testkit.TestHttp;
import dev.b2bsdk.testkit.TestHttp.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import okhttp3.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The InTouch operations added with the vendor's 6.5 pages, through plain OkHttp and checked
 * against {@code specs/intouch.yaml}: the vendor's party types, members, product create, notes
 * under every record, files (metadata, Base64 body on request, 403, 404), and the {@code /notes}
 * naming of the 6.2 docs.
 */
class InTouchRecordsMockSpecTest {

  private final TestHttp http = new TestHttp();
  private InTouchMock mock;
  private SpecValidator validation;
  private String api;
  private TestHttp authed;

  @BeforeEach
  void start() {
    mock = InTouchMock.builder().parties(30).start();
    validation = SpecValidator.forApi("intouch");
    mock.server().addMockServiceRequestListener(validation);
    api = mock.baseUrl();
    authed = http.with("Authorization", Credentials.basic("demo", "demo-password"));
  }

  @AfterEach
  void stop() {
    mock.stop();
  }

  @Test
  void vendorPartyTypesMembersAndProducts() {
    for (String type : List.of("ORGANIZATION", "FREELANCER", "DEPARTMENT", "ANONYMOUS")) {
      Reply created = authed.post(api + "/parties", "{\"type\":\"" + type + "\",\"company\":\"Firma "
          + type + "\",\"surname\":\"Novák\"}");
      assertThat(created.code()).as(type).isEqualTo(201);
      assertThat(obj(created).get("type").getAsString()).isEqualTo(type);
    }
    Reply company = authed.post(api + "/parties", "{\"type\":\"COMPANY\",\"company\":\"X\"}",
        SpecValidator.INVALID_ON_PURPOSE, "not a vendor type");
    assertThat(company.code()).isEqualTo(400);
    assertThat(obj(company).getAsJsonArray("problems").get(0).getAsJsonObject().get("field").getAsString())
        .isEqualTo("type");

    JsonObject members = obj(authed.get(api + "/members?size=5&orderBy=priority"));
    assertThat(members.get("total").getAsInt()).isEqualTo(mock.members().size()).isPositive();
    JsonObject link = members.getAsJsonArray("items").get(0).getAsJsonObject();
    assertThat(mock.party(link.get("org").getAsLong()).orElseThrow().get("type").getAsString())
        .isEqualTo("ORGANIZATION");
    assertThat(authed.get(api + "/members?orderBy=nope", SpecValidator.INVALID_ON_PURPOSE, "bad sort").code())
        .isEqualTo(400);

    Reply product = authed.post(api + "/products", "{\"customer\":2,\"name\":\"Bio rohlík\",\"action\":false}");
    assertThat(product.code()).isEqualTo(201);
    assertThat(product.header("Location")).isEqualTo(api + "/products/9");
    assertThat(obj(authed.get(api + "/products/9")).get("customer").getAsLong()).isEqualTo(2L);
    assertThat(authed.post(api + "/products", "{\"customer\":999,\"name\":\"X\"}").code()).isEqualTo(400);
    validation.assertValidationPassed();
  }

  @Test
  void notesHangUnderEveryRecord() {
    for (String record : List.of("opportunities", "comm", "buscases", "products", "stores")) {
      String url = api + "/" + record + "/1/comments";
      Reply created = authed.post(url, "{\"comment\":\"Poznámka k " + record + "\",\"html\":false}");
      assertThat(created.code()).as(record).isEqualTo(201);
      JsonArray items = obj(authed.get(url)).getAsJsonArray("items");
      assertThat(items).as(record).hasSize(1);
      assertThat(items.get(0).getAsJsonObject().get("comment").getAsString()).isEqualTo("Poznámka k " + record);
      assertThat(authed.get(api + "/" + record + "/999/comments").code()).isEqualTo(404);
    }
    // a note of an opportunity is not a note of the contact with the same id
    assertThat(obj(authed.get(api + "/parties/1/comments")).getAsJsonArray("items"))
        .noneMatch(i -> i.getAsJsonObject().get("comment").getAsString().startsWith("Poznámka"));
    validation.assertValidationPassed();
  }

  @Test
  void filesComeAsMetadataAndTheirBodyOnRequest() {
    JsonObject page = obj(authed.get(api + "/parties/1/files"));
    assertThat(page.get("total").getAsInt()).isEqualTo(2);
    assertThat(page.get("orderBy").getAsString()).isEqualTo("modified");
    assertThat(page.get("desc").getAsBoolean()).isTrue();
    JsonObject newest = page.getAsJsonArray("items").get(0).getAsJsonObject();
    assertThat(newest.get("name").getAsString()).isEqualTo("smlouva.pdf");
    assertThat(newest.has("data")).isFalse();
    String id = newest.get("id").getAsString();

    assertThat(obj(authed.get(api + "/parties/1/files/" + id)).has("data")).isFalse();
    JsonObject withData = obj(authed.get(api + "/parties/1/files/" + id + "?data=true"));
    assertThat(new String(Base64.getDecoder().decode(withData.get("data").getAsString()),
        StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4 smlouva");
    assertThat(obj(authed.get(api + "/files/" + id + "?data=true")).get("size").getAsInt())
        .isEqualTo(16);

    String restricted = page.getAsJsonArray("items").get(1).getAsJsonObject().get("id").getAsString();
    Reply denied = authed.get(api + "/parties/1/files/" + restricted + "?data=true");
    assertThat(denied.code()).isEqualTo(403);
    assertThat(obj(denied).get("status").getAsInt()).isEqualTo(403);
    assertThat(authed.get(api + "/parties/2/files/" + id).code()).isEqualTo(404);
    assertThat(authed.get(api + "/files/1").code()).isEqualTo(404);

    String added = mock.addFile("stores", 1, "inventura.csv", "text/csv",
        "a;b".getBytes(StandardCharsets.US_ASCII), true);
    assertThat(obj(authed.get(api + "/stores/1/files")).get("total").getAsInt()).isEqualTo(1);
    assertThat(obj(authed.get(api + "/files?orderBy=name&desc=false")).getAsJsonArray("items").get(0)
        .getAsJsonObject().get("id").getAsString()).isEqualTo(added);
    assertThat(mock.fileIds("stores", 1)).containsExactly(added);
    validation.assertValidationPassed();
  }

  @Test
  void theNotesNamingOfTheOlderDocsIsAvailable() {
    mock.stop();
    mock = InTouchMock.builder().notesNaming(true).start();
    api = mock.baseUrl();
    Reply created = authed.post(api + "/opportunities/1/notes", "{\"note\":\"Nabídka do pátku.\",\"html\":false}");
    assertThat(created.code()).isEqualTo(201);
    assertThat(obj(created).get("note").getAsString()).isEqualTo("Nabídka do pátku.");
    assertThat(obj(created).has("comment")).isFalse();
    assertThat(created.header("Location")).startsWith(api + "/notes/");
    JsonObject page = obj(authed.get(api + "/notes?srcType=2&srcId=1"));
    assertThat(page.getAsJsonArray("items").get(0).getAsJsonObject().get("note").getAsString())
        .isEqualTo("Nabídka do pátku.");
    assertThat(authed.get(api + "/comments").code()).isEqualTo(404);
    assertThat(authed.post(api + "/notes", "{\"srcType\":1,\"srcId\":\"1\",\"comment\":\"x\"}").code())
        .isEqualTo(400);
  }

  private static JsonObject obj(Reply reply) {
    return reply.json().getAsJsonObject();
  }
}
