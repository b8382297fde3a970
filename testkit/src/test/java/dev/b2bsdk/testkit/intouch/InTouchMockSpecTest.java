package dev.b2bsdk.testkit.intouch;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.b2bsdk.testkit.SpecValidator;
import dev.b2bsdk.testkit.TestHttp;
import dev.b2bsdk.testkit.TestHttp.Reply;
import dev.b2bsdk.testkit.core.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A realistic InTouch flow through plain OkHttp, checked against {@code specs/intouch.yaml}: about,
 * Basic auth (good and wrong), every page of contacts (sorted and unsorted, the 1000 cap), detail,
 * create + read back + Location, duplicate and import, replace and patch, every other entity
 * (communications, opportunities, business cases, products, warehouses, code lists, notes), and
 * injected 429/503 answers.
 */
class InTouchMockSpecTest {

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
  void fullFlowValidatesAgainstTheSpec() {
    JsonObject about = obj(http.get(api + "/about"));
    assertThat(about.get("mode").getAsInt()).isEqualTo(100);
    assertThat(about.get("timeZone").getAsString()).isEqualTo("Europe/Prague");

    Reply wrong = http.get(api + "/parties", "Authorization", Credentials.basic("demo", "nope"));
    assertThat(wrong.code()).isEqualTo(401);
    assertThat(obj(wrong).get("ok").getAsBoolean()).isFalse();
    assertThat(wrong.header("WWW-Authenticate")).startsWith("Basic");

    // every page of contacts, 7 per page
    List<JsonObject> all = new ArrayList<>();
    int pages = 0;
    for (int position = 0; ; position += 7) {
      JsonObject page = obj(authed.get(api + "/parties?position=" + position + "&size=7"));
      pages++;
      assertThat(page.has("orderBy")).isFalse();
      page.getAsJsonArray("items").forEach(e -> all.add(e.getAsJsonObject()));
      if (position + 7 >= page.get("total").getAsInt()) {
        break;
      }
    }
    assertThat(pages).isEqualTo(5);
    assertThat(all).hasSize(30);
    assertThat(all.get(0).get("surname").getAsString()).isEqualTo("Novotný");

    JsonObject recent = obj(authed.get(api + "/parties?orderBy=modified&desc=true&size=30"));
    assertThat(recent.get("orderBy").getAsString()).isEqualTo("modified");
    assertThat(recent.get("desc").getAsBoolean()).isTrue();
    List<String> modified = new ArrayList<>();
    recent.getAsJsonArray("items").forEach(e -> modified.add(e.getAsJsonObject().get("modified").getAsString()));
    assertThat(modified).isSortedAccordingTo(java.util.Comparator.reverseOrder());

    JsonObject capped = obj(authed.get(api + "/parties?size=5000", SpecValidator.INVALID_ON_PURPOSE, "size > 1000"));
    assertThat(capped.get("size").getAsInt()).isEqualTo(1000);
    assertThat(capped.getAsJsonArray("items")).hasSize(30);

    assertThat(obj(authed.get(api + "/parties/2")).get("type").getAsString()).isEqualTo("BRANCH");
    Reply missing = authed.get(api + "/parties/999");
    assertThat(missing.code()).isEqualTo(404);
    assertThat(obj(missing).get("status").getAsInt()).isEqualTo(404);

    // create, read back
    String jan = "{\"type\":\"INDIVIDUAL\",\"firstname\":\"Jan\",\"surname\":\"Dvořák\","
        + "\"email\":\"jan.dvorak@email.cz\",\"phone\":\"+420 777 456 123\",\"street\":\"Masarykova 7\","
        + "\"city\":\"Olomouc\",\"zip\":\"779 00\",\"country\":\"CZ\",\"birthday\":\"1985-11-02\","
        + "\"categories\":\"c2\"}";
    Reply created = authed.post(api + "/parties", jan);
    assertThat(created.code()).isEqualTo(201);
    long id = obj(created).get("id").getAsLong();
    assertThat(id).isEqualTo(31);
    assertThat(created.header("Location")).isEqualTo(api + "/parties/31");
    assertThat(obj(authed.get(created.header("Location"))).get("surname").getAsString()).isEqualTo("Dvořák");
    Reply duplicate = authed.post(api + "/parties", jan);
    assertThat(duplicate.code()).isEqualTo(400);
    assertThat(obj(duplicate).getAsJsonArray("problems").get(0).getAsJsonObject().get("field").getAsString())
        .isEqualTo("email");
    assertThat(authed.post(api + "/parties", "{\"id\":5,\"surname\":\"X\"}",
        SpecValidator.INVALID_ON_PURPOSE, "id in create").code()).isEqualTo(400);
    assertThat(authed.post(api + "/parties", "{\"type\":\"INDIVIDUAL\",\"firstname\":\"Eva\"}").code())
        .isEqualTo(400);
    Reply imported = authed.post(api + "/parties/import", jan);
    assertThat(imported.code()).isEqualTo(200);
    assertThat(obj(imported).get("id").getAsLong()).isEqualTo(31);
    assertThat(authed.post(api + "/parties/import", "{\"type\":\"ORGANIZATION\",\"company\":\"Pekárna Hájek s.r.o.\","
        + "\"email\":\"info@pekarnahajek.cz\"}").code()).isEqualTo(201);

    // replace clears omitted fields, patch keeps them
    JsonObject replaced = obj(authed.send("PUT", api + "/parties/31",
        "{\"type\":\"INDIVIDUAL\",\"firstname\":\"Jan\",\"surname\":\"Dvořák\",\"city\":\"Praha\"}"));
    assertThat(replaced.has("email")).isFalse();
    JsonObject patched = obj(authed.send("PATCH", api + "/parties/31", "{\"email\":\"jan.dvorak@seznam.cz\"}"));
    assertThat(patched.get("city").getAsString()).isEqualTo("Praha");
    assertThat(patched.get("email").getAsString()).isEqualTo("jan.dvorak@seznam.cz");

    // communications
    assertThat(obj(authed.get(api + "/comm?orderBy=modified&desc=true")).get("total").getAsInt()).isPositive();
    Reply comm = authed.post(api + "/comm", "{\"contactType\":1,\"customer\":31,\"name\":\"Zavolat\","
        + "\"planContact\":\"2024-12-24\",\"comment\":\"Domluvit termín ochutnávky nových limonád.\"}");
    assertThat(comm.code()).isEqualTo(201);
    long commId = obj(comm).get("id").getAsLong();
    assertThat(authed.post(api + "/comm", "{\"contactType\":1,\"customer\":999}").code()).isEqualTo(400);
    JsonObject done = obj(authed.send("PUT", api + "/comm/" + commId, "{\"contactType\":1,\"customer\":31,"
        + "\"name\":\"Zavolat\",\"contacted\":\"2024-12-23\",\"contactedTime\":\"10:30:00\","
        + "\"planContact\":\"2024-12-24\",\"comment\":\"Ochutnávka domluvena na 8. ledna.\"}"));
    assertThat(done.get("contactedTime").getAsString()).isEqualTo("10:30:00");
    assertThat(obj(authed.get(api + "/comm/" + commId)).get("contacted").getAsString()).isEqualTo("2024-12-23");

    // opportunities, business cases
    long opportunity = obj(authed.post(api + "/opportunities", "{\"name\":\"Výběrové řízení na výdejníky kávy\","
        + "\"customer\":31,\"amount\":245000.00,\"currency\":\"CZK\",\"probability\":60,\"stage\":\"apro\","
        + "\"closeDate\":\"2025-01-31\"}")).get("id").getAsLong();
    assertThat(obj(authed.send("PUT", api + "/opportunities/" + opportunity, "{\"name\":\"Výběrové řízení\","
        + "\"customer\":31,\"probability\":0,\"stage\":\"lost\",\"lostOccasion\":\"price\"}"))
        .get("stage").getAsString()).isEqualTo("lost");
    assertThat(obj(authed.get(api + "/opportunities")).getAsJsonArray("items")).isNotEmpty();
    assertThat(obj(authed.get(api + "/opportunities/" + opportunity)).get("probability").getAsInt()).isZero();
    long busCase = obj(authed.post(api + "/buscases", "{\"caseType\":7,\"customer\":31,"
        + "\"name\":\"Objednávka na výdejníky kávy\",\"totalPrice\":10500.00,\"currency\":\"CZK\"}"))
        .get("id").getAsLong();
    assertThat(obj(authed.get(api + "/buscases?caseType=7")).get("total").getAsInt()).isEqualTo(1);
    assertThat(obj(authed.get(api + "/buscases/" + busCase)).get("caseType").getAsInt()).isEqualTo(7);

    // products, warehouses
    JsonObject product = obj(authed.get(api + "/products/1"));
    assertThat(product.get("code").getAsString()).isEqualTo("BIO-CHL-500");
    assertThat(obj(authed.send("PUT", api + "/products/1", "{\"code\":\"BIO-CHL-500\",\"name\":\"Bio chleba\","
        + "\"unit\":\"ks\",\"price\":59.90,\"currency\":\"CZK\",\"action\":true}")).get("price").getAsDouble())
        .isEqualTo(59.90);
    assertThat(obj(authed.get(api + "/products?orderBy=price")).get("total").getAsInt()).isEqualTo(8);
    long store = obj(authed.post(api + "/stores", "{\"subject\":\"Sklad Plzeň\",\"street\":\"Borská 5\"}")).get("id").getAsLong();
    assertThat(obj(authed.send("PUT", api + "/stores/" + store, "{\"subject\":\"Sklad Plzeň-Bory\",\"street\":\"Borská 5\"}"))
        .get("subject").getAsString()).isEqualTo("Sklad Plzeň-Bory");
    assertThat(obj(authed.get(api + "/stores")).get("total").getAsInt()).isEqualTo(3);
    assertThat(obj(authed.get(api + "/stores/" + store)).get("street").getAsString()).isEqualTo("Borská 5");

    // code lists
    assertThat(authed.get(api + "/lists").json().getAsJsonArray()).hasSize(3);
    assertThat(obj(authed.get(api + "/lists/_enf")).getAsJsonArray("items")).isNotEmpty();
    assertThat(authed.send("PUT", api + "/lists/prod_sizes", "{\"name\":\"Velikosti\",\"locked\":false}").code())
        .isEqualTo(201);
    assertThat(authed.send("PUT", api + "/lists/prod_sizes", "{\"name\":\"Velikosti produktu\"}").code())
        .isEqualTo(200);

    // notes
    assertThat(authed.post(api + "/comments", "{\"srcType\":1,\"srcId\":\"31\",\"comment\":\"Volat po 16. hodině.\","
        + "\"html\":false}").code()).isEqualTo(201);
    assertThat(authed.post(api + "/parties/31/comments", "{\"comment\":\"Je to totální <b>borec</b>.\",\"html\":true}")
        .code()).isEqualTo(201);
    JsonArray notes = obj(authed.get(api + "/parties/31/comments")).getAsJsonArray("items");
    assertThat(notes).hasSize(2);
    assertThat(obj(authed.get(api + "/comments?srcType=1&srcId=31")).get("total").getAsInt()).isEqualTo(2);

    // injected 429 and 503 carry the error body and Retry-After
    mock.faults().nextFor("GET", "/parties", Fault.TOO_MANY_REQUESTS.withRetryAfter(Duration.ofSeconds(3)));
    Reply throttled = authed.get(api + "/parties");
    assertThat(throttled.code()).isEqualTo(429);
    assertThat(throttled.header("Retry-After")).isEqualTo("3");
    mock.faults().next(Fault.SERVICE_UNAVAILABLE);
    assertThat(authed.get(api + "/parties/1").code()).isEqualTo(503);
    assertThat(authed.get(api + "/parties/1").code()).isEqualTo(200);

    validation.assertValidationPassed();
  }

  private static JsonObject obj(Reply reply) {
    return reply.json().getAsJsonObject();
  }
}
