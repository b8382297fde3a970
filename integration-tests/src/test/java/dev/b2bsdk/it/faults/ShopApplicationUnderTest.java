package dev.b2bsdk.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import dev.b2bsdk.core.http.CallOptions;
import dev.b2bsdk.core.http.RetryMode;
import dev.b2bsdk.generated.shopapp.invoker.JSON;
import dev.b2bsdk.generated.shopapp.model.InterfaceDetails;
import dev.b2bsdk.generated.shopapp.model.InterfaceStatus;
import dev.b2bsdk.generated.shopapp.model.NewInterfaceRequest;
import dev.b2bsdk.shopapp.ShopApplicationClient;
import dev.b2bsdk.testkit.core.MockServer;
import dev.b2bsdk.testkit.shopapp.ShopApplicationMock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Shop Application: {@code GET /token?client_id=…&client_secret=…} (the secret in the URL);
 * read = {@code GET /interfaces/{key}} ({@code statut} is an integer enum), create =
 * {@code POST /interfaces}; nothing is paged, so the 10 MB answer is the plain list of interface
 * keys.
 */
final class ShopApplicationUnderTest extends ClientUnderTest {

  private static final String CLIENT_ID = "fm-shop-client";
  private static final String SECRET = "ShopS3cret-Vb6wRt";
  private static final String WRONG_SECRET = "ShopWr0ng-Hc3sKe";
  private static final Gson GSON = JSON.createGson().create();

  private final ShopApplicationMock mock =
      ShopApplicationMock.builder().credentials(CLIENT_ID, SECRET).start();

  @Override
  String name() {
    return ShopApplicationClient.API;
  }

  @Override
  MockServer<?> mock() {
    return mock;
  }

  private UUID key() {
    return UUID.fromString(mock.interfaceKeys().get(0));
  }

  @Override
  Session connect(Setup setup) {
    ShopApplicationClient client = setup.apply(ShopApplicationClient.builder())
        .baseUrl(setup.url(mock.baseUrl()))
        .clientId(CLIENT_ID)
        .clientSecret(setup.validCredentials() ? SECRET : WRONG_SECRET)
        .build();
    UUID key = key();
    return new Session() {
      @Override
      public Object read() {
        return client.interfaces().get(key);
      }

      @Override
      public Object create() {
        return client.interfaces().create(request());
      }

      @Override
      public Object createRetryingAlways() {
        ShopApplicationClient view = client.withOptions(CallOptions.retry(RetryMode.ALWAYS));
        return view.interfaces().create(request());
      }

      @Override
      public java.util.concurrent.CompletableFuture<?> readAsync() {
        return client.interfaces().getAsync(key);
      }

      @Override
      public java.util.concurrent.CompletableFuture<?> createAsync() {
        return client.interfaces().createAsync(request());
      }

      @Override
      public java.util.concurrent.CompletableFuture<?> createRetryingAlwaysAsync() {
        return client.withOptions(CallOptions.retry(RetryMode.ALWAYS)).interfaces().createAsync(request());
      }

      @Override
      public long readPage() {
        return client.interfaces().list().size();
      }

      @Override
      public void close() {
        client.close();
      }
    };
  }

  private static NewInterfaceRequest request() {
    return GSON.fromJson("{\"guid\":\"CRM-2025-000912\","
        + "\"prestations\":[\"IN-BTQST-S\",\"IN-BTQZ-AMM\"],"
        + "\"client\":{\"nom\":\"Martin\",\"prenom\":\"Claire\",\"societe\":\"Les Jolies Choses\","
        + "\"adresse\":\"12 rue de la République\",\"code_postal\":\"69002\",\"ville\":\"Lyon\","
        + "\"pays\":\"France\",\"telephone\":\"04 78 42 17 35\","
        + "\"email\":\"claire.martin@example.fr\"},\"sous_domaine\":\"jolieschoses\"}",
        NewInterfaceRequest.class);
  }

  @Override
  Endpoint read() {
    return new Endpoint("GET", "/interfaces/" + key());
  }

  @Override
  Endpoint create() {
    return new Endpoint("POST", "/interfaces");
  }

  @Override
  Endpoint page() {
    return new Endpoint("GET", "/interfaces");
  }

  @Override
  Optional<Endpoint> token() {
    return Optional.of(new Endpoint("GET", "/token"));
  }

  @Override
  boolean retries500() {
    return false;
  }

  @Override
  List<String> credentialsInUse() {
    return List.of(SECRET);
  }

  @Override
  List<String> credentials() {
    return List.of(SECRET, WRONG_SECRET);
  }

  @Override
  String readBody(Body shape) {
    return switch (shape) {
      case UNKNOWN_ENUM -> "{\"date_creation\":\"2024-03-01 10:00:00\",\"statut\":9,"
          + "\"url\":\"https://jolieschoses.shop-application.com\"}";
      case EXTRA_FIELDS -> "{\"date_creation\":\"2024-03-01 10:00:00\",\"statut\":1,"
          + "\"url\":\"https://jolieschoses.shop-application.com\","
          + "\"theme\":{\"nom\":\"clair\",\"couleurs\":[\"#fff\"]},\"visites\":1234}";
      case MISSING_FIELDS -> "{}";
    };
  }

  @Override
  void checkRead(Body shape, Object result) {
    InterfaceDetails details = (InterfaceDetails) result;
    switch (shape) {
      case UNKNOWN_ENUM -> {
        assertThat(details.getStatut().getValue()).isEqualTo(9);
        assertThat(details.getStatut().isKnown()).isFalse();
        assertThat(details.getUrl()).isEqualTo("https://jolieschoses.shop-application.com");
      }
      case EXTRA_FIELDS -> {
        assertThat(details.getStatut()).isEqualTo(InterfaceStatus.ACTIVE);
        assertThat(details.getUrl()).isEqualTo("https://jolieschoses.shop-application.com");
      }
      case MISSING_FIELDS -> {
        assertThat(details.getStatut()).isNull();
        assertThat(details.getUrl()).isNull();
        assertThat(details.getDateCreation()).isNull();
      }
    }
  }

  @Override
  PageBody pageBody(int bytes) {
    long count = bytes / 39 + 1; // "<36-char uuid>",
    String keys = LongStream.range(0, count)
        .mapToObj(i -> '"' + new UUID(0x5A5A_0000_0000_0000L, i).toString() + '"')
        .collect(Collectors.joining(","));
    return new PageBody("[" + keys + "]", count);
  }
}
