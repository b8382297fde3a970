package dev.b2bsdk.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.b2bsdk.core.http.CallOptions;
import dev.b2bsdk.core.http.RetryMode;
import dev.b2bsdk.generated.intouch.invoker.JSON;
import dev.b2bsdk.generated.intouch.model.Party;
import dev.b2bsdk.generated.intouch.model.PartyInput;
import dev.b2bsdk.generated.intouch.model.PartyType;
import dev.b2bsdk.intouch.InTouchClient;
import dev.b2bsdk.testkit.core.MockServer;
import dev.b2bsdk.testkit.intouch.InTouchMock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * InTouch: HTTP Basic on every request, no token endpoint (the token faults are replaced by
 * wrong credentials and a 401 mid-session, or reported as not applicable); read =
 * {@code GET /parties/{id}} ({@code type} is a string enum), create = {@code POST /parties}
 * (201 + {@code Location}), page = a position page of parties.
 */
final class InTouchUnderTest extends ClientUnderTest {

  private static final String USER = "fm-intouch-api";
  private static final String PASSWORD = "InT0uchPw-Jq5sYc";
  private static final String WRONG_PASSWORD = "InTWr0ng-Pm2dXa";
  private static final Gson GSON = JSON.createGson().create();

  private final InTouchMock mock = InTouchMock.builder().credentials(USER, PASSWORD).start();

  @Override
  String name() {
    return InTouchClient.API;
  }

  @Override
  MockServer<?> mock() {
    return mock;
  }

  private long partyId() {
    return mock.parties().get(0).get("id").getAsLong();
  }

  @Override
  Session connect(Setup setup) {
    InTouchClient client = setup.apply(InTouchClient.builder())
        .baseUrl(setup.url(mock.baseUrl()))
        .username(USER)
        .password(setup.validCredentials() ? PASSWORD : WRONG_PASSWORD)
        .build();
    long id = partyId();
    return new Session() {
      @Override
      public Object read() {
        return client.parties().get(id);
      }

      @Override
      public Object create() {
        return client.createParty(request());
      }

      @Override
      public Object createRetryingAlways() {
        return client.withOptions(CallOptions.retry(RetryMode.ALWAYS)).createParty(request());
      }

      @Override
      public java.util.concurrent.CompletableFuture<?> readAsync() {
        return client.parties().getAsync(id);
      }

      @Override
      public java.util.concurrent.CompletableFuture<?> createAsync() {
        return client.parties().createAsync(request());
      }

      @Override
      public java.util.concurrent.CompletableFuture<?> createRetryingAlwaysAsync() {
        return client.withOptions(CallOptions.retry(RetryMode.ALWAYS)).parties().createAsync(request());
      }

      @Override
      public long readPage() {
        return client.parties().list().withPageSize(PAGE_SIZE).stream().count();
      }

      @Override
      public void readModifyWrite() {
        Party party = client.parties().get(id);
        party.setSurname("Dvořáková");
        client.parties().update(id, party);
      }

      @Override
      public void close() {
        client.close();
      }
    };
  }

  @Override
  Optional<Update> update() {
    JsonObject party = mock.party(partyId()).orElseThrow();
    party.addProperty("type", "HOUSEHOLD");                       // not in the spec's enum
    party.add("comment", com.google.gson.JsonNull.INSTANCE);      // sent as null: stays null
    JsonObject loyalty = new JsonObject();                        // unknown, nested
    loyalty.addProperty("tier", "GOLD");
    loyalty.add("since", com.google.gson.JsonNull.INSTANCE);
    loyalty.addProperty("points", new java.math.BigDecimal("12345678901234567890.125"));
    party.add("x_loyalty", loyalty);
    JsonArray labels = new JsonArray();
    labels.add("vip");
    party.add("labels", labels);
    return Optional.of(new Update(read(), new Endpoint("PUT", read().path()), party.toString(), 200));
  }

  @Override
  com.google.gson.JsonElement expectedUpdate(JsonObject record) {
    record.addProperty("surname", "Dvořáková");
    return record;
  }

  private static PartyInput request() {
    return GSON.fromJson("{\"type\":\"INDIVIDUAL\",\"surname\":\"Beneš\",\"city\":\"Brno\"}",
        PartyInput.class);
  }

  @Override
  Endpoint read() {
    return new Endpoint("GET", InTouchMock.API_PATH + "/parties/" + partyId());
  }

  @Override
  Endpoint create() {
    return new Endpoint("POST", InTouchMock.API_PATH + "/parties");
  }

  @Override
  Endpoint page() {
    return new Endpoint("GET", InTouchMock.API_PATH + "/parties");
  }

  @Override
  Optional<Endpoint> token() {
    return Optional.empty();
  }

  @Override
  boolean retries500() {
    return false;
  }

  @Override
  List<String> credentialsInUse() {
    return List.of(PASSWORD, basic(USER, PASSWORD));
  }

  @Override
  List<String> credentials() {
    return List.of(PASSWORD, WRONG_PASSWORD, basic(USER, PASSWORD), basic(USER, WRONG_PASSWORD));
  }

  @Override
  String readBody(Body shape) {
    JsonObject party = mock.party(partyId()).orElseThrow();
    switch (shape) {
      case UNKNOWN_ENUM -> {
        party.addProperty("type", "HOUSEHOLD");
        party.addProperty("surname", "Dvořák");
      }
      case EXTRA_FIELDS -> {
        party.addProperty("type", "INDIVIDUAL");
        party.addProperty("surname", "Dvořák");
        JsonArray labels = new JsonArray();
        labels.add("vip");
        party.add("labels", labels);
        party.addProperty("gdprConsent", true);
      }
      case MISSING_FIELDS -> {
        long id = party.get("id").getAsLong();
        party = new JsonObject();
        party.addProperty("id", id);
      }
    }
    return party.toString();
  }

  @Override
  void checkRead(Body shape, Object result) {
    Party party = (Party) result;
    assertThat(party.getId()).isEqualTo(partyId());
    switch (shape) {
      case UNKNOWN_ENUM -> {
        assertThat(party.getType()).hasToString("HOUSEHOLD");
        assertThat(party.getType().isKnown()).isFalse();
        assertThat(party.getSurname()).isEqualTo("Dvořák");
      }
      case EXTRA_FIELDS -> {
        assertThat(party.getType()).isEqualTo(PartyType.INDIVIDUAL);
        assertThat(party.getSurname()).isEqualTo("Dvořák");
      }
      case MISSING_FIELDS -> {
        assertThat(party.getType()).isNull();
        assertThat(party.getSurname()).isNull();
        assertThat(party.getEntered()).isNull();
      }
    }
  }

  @Override
  PageBody pageBody(int bytes) {
    String filler = pad(bytes / PAGE_SIZE);
    String items = IntStream.range(0, PAGE_SIZE)
        .mapToObj(i -> "{\"id\":" + (500000 + i) + ",\"type\":\"INDIVIDUAL\",\"surname\":\"S" + i
            + "\",\"comment\":\"" + filler + "\"}")
        .collect(Collectors.joining(","));
    return new PageBody("{\"total\":" + PAGE_SIZE + ",\"position\":0,\"size\":" + PAGE_SIZE
        + ",\"items\":[" + items + "]}", PAGE_SIZE);
  }
}
