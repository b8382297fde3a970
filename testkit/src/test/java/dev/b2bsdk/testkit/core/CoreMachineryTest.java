package dev.b2bsdk.testkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared machinery: path templates, paging arithmetic, sorting/filters, data, clock, tokens. */
class CoreMachineryTest {

  @Test
  void pathTemplatesMatchWholePathsAndSuffixes() {
    PathTemplate t = PathTemplate.of("/parties/{id}");
    assertThat(t.match("/parties/31")).contains(Map.of("id", "31"));
    assertThat(t.match("/parties")).isEmpty();
    assertThat(t.match("/parties/")).isEmpty();
    assertThat(t.matchesSuffix("/api/parties/31")).isTrue();
    assertThat(t.matchesSuffix("/api/parties/31/comments")).isFalse();
    assertThat(PathTemplate.of("/parties").matchesSuffix("/api/parties")).isTrue();
    assertThat(PathTemplate.of("/parties").matchesSuffix("/api/xparties")).isFalse();
  }

  @Test
  void routerPrefersLiteralSegmentsAndTellsUnknownPathFromWrongMethod() {
    Router router = new Router()
        .add("GET", "/customers/{id}", r -> MockResponse.empty(200))
        .add("GET", "/customers/actions/search", r -> MockResponse.empty(204));
    assertThat(router.route(request("GET", "/customers/actions/search")).status()).isEqualTo(204);
    assertThat(router.route(request("GET", "/customers/abc")).status()).isEqualTo(200);
    assertThatThrownBy(() -> router.route(request("DELETE", "/customers/abc")))
        .isInstanceOfSatisfying(MockFailure.class, f -> assertThat(f.status()).isEqualTo(405));
    assertThatThrownBy(() -> router.route(request("GET", "/nothing")))
        .isInstanceOfSatisfying(MockFailure.class, f -> assertThat(f.status()).isEqualTo(404));
  }

  @Test
  void pagingCapsAndSlices() {
    assertThat(Paging.effectiveSize(5000, 1000, 0)).isEqualTo(1000);
    assertThat(Paging.effectiveSize(50, 1000, 20)).isEqualTo(20);
    assertThat(Paging.effectiveSize(7, 0, 0)).isEqualTo(7);
    List<Integer> all = List.of(1, 2, 3, 4, 5);
    assertThat(Paging.slice(all, 3, 10)).containsExactly(4, 5);
    assertThat(Paging.slice(all, 5, 10)).isEmpty();
    assertThat(Paging.pageCount(5, 2)).isEqualTo(3);
    assertThat(Paging.pageCount(0, 2)).isZero();
  }

  @Test
  void sortsNumbersNumericallyWithMissingValuesLast() {
    List<JsonObject> rows = new ArrayList<>(List.of(Json.obj("n", 10), Json.obj("x", 1),
        Json.obj("n", 9), Json.obj("n", 100)));
    rows.sort(JsonQueries.byField("n", false));
    assertThat(rows).extracting(r -> r.has("n") ? r.get("n").getAsInt() : -1)
        .containsExactly(9, 10, 100, -1);
    rows.sort(JsonQueries.byField("n", true));
    assertThat(rows).extracting(r -> r.has("n") ? r.get("n").getAsInt() : -1)
        .containsExactly(100, 10, 9, -1);
  }

  @Test
  void fieldFilterSupportsNegation() {
    JsonObject a = Json.obj("name", "pdebwebsrv01");
    JsonObject b = Json.obj("name", "pwinsqlsrv02");
    assertThat(JsonQueries.fieldIn("name", List.of("!pdebwebsrv01")).test(a)).isFalse();
    assertThat(JsonQueries.fieldIn("name", List.of("!pdebwebsrv01")).test(b)).isTrue();
    assertThat(JsonQueries.fieldIn("name", List.of("PWINSQLSRV02")).test(b)).isTrue();
    assertThat(JsonQueries.fieldIn("name", List.of()).test(a)).isTrue();
  }

  @Test
  void fakeDataIsDeterministicPerSeed() {
    FakeData one = new FakeData(7);
    FakeData two = new FakeData(7);
    for (int i = 0; i < 20; i++) {
      assertThat(one.person()).isEqualTo(two.person());
    }
    Person cz = new FakeData(1).czechPerson();
    assertThat(cz.countryCode()).isEqualTo("CZ");
    assertThat(cz.email()).matches("[a-z0-9.]+@[a-z.]+");
    assertThat(cz.phone()).startsWith("+420 ");
    assertThat(FakeData.ascii("Dvořáková Řehoř")).isEqualTo("dvorakova.rehor");
  }

  @Test
  void tokensExpireOnTheGivenClock() {
    MutableClock clock = MutableClock.startingAt(Instant.parse("2025-01-01T00:00:00Z"));
    TokenStore store = new TokenStore(clock);
    IssuedToken token = store.issueJwt("access", "demo-client", Duration.ofMinutes(20), Map.of());
    IssuedToken forever = store.issueOpaque("device", "d1", null, 72, Map.of("device_id", "d1"));
    assertThat(token.value().split("\\.")).hasSize(3);
    assertThat(forever.value()).hasSize(72);
    assertThat(store.lookup(token.value()).state()).isEqualTo(TokenStore.State.VALID);
    clock.advance(Duration.ofMinutes(20));
    assertThat(store.lookup(token.value()).state()).isEqualTo(TokenStore.State.EXPIRED);
    assertThat(store.lookup(forever.value()).state()).isEqualTo(TokenStore.State.VALID);
    store.expireAll();
    assertThat(store.lookup(forever.value()).state()).isEqualTo(TokenStore.State.EXPIRED);
    store.revokeAll();
    assertThat(store.lookup(forever.value()).state()).isEqualTo(TokenStore.State.UNKNOWN);
    assertThat(token.toString()).doesNotContain(token.value());
  }

  private static MockRequest request(String method, String path) {
    com.github.tomakehurst.wiremock.verification.LoggedRequest raw =
        com.github.tomakehurst.wiremock.verification.LoggedRequest.createFrom(
            com.github.tomakehurst.wiremock.http.ImmutableRequest.create()
                .withAbsoluteUrl("http://127.0.0.1:1" + path)
                .withMethod(com.github.tomakehurst.wiremock.http.RequestMethod.fromString(method))
                .build());
    return MockRequest.of(raw);
  }
}
