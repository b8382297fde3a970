package dev.b2bsdk.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import dev.b2bsdk.core.http.CallOptions;
import dev.b2bsdk.core.http.RetryMode;
import dev.b2bsdk.generated.itcare.invoker.JSON;
import dev.b2bsdk.generated.itcare.model.Action;
import dev.b2bsdk.generated.itcare.model.ActionStatus;
import dev.b2bsdk.generated.itcare.model.CreateInstanceRequest;
import dev.b2bsdk.itcare.ItCareClient;
import dev.b2bsdk.testkit.core.MockServer;
import dev.b2bsdk.testkit.itcare.ItCareMock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * ITCare: OAuth2 client credentials (Keycloak, POST form, Basic client authentication); read =
 * {@code GET /actions} (a list of actions with the {@code ActionStatus} enum), create =
 * {@code POST /compute/instances}, page = a Spring page of instances.
 */
final class ItCareUnderTest extends ClientUnderTest {

  private static final String CLIENT_ID = "fm-itcare-client";
  private static final String SECRET = "ItcS3cret-7Hq2vLp";
  private static final String WRONG_SECRET = "ItcWr0ng-9Kp4xZd";
  private static final Gson GSON = JSON.createGson().create();

  private final ItCareMock mock = ItCareMock.builder().credentials(CLIENT_ID, SECRET).start();

  @Override
  String name() {
    return ItCareClient.API;
  }

  @Override
  MockServer<?> mock() {
    return mock;
  }

  @Override
  Session connect(Setup setup) {
    ItCareClient client = setup.apply(ItCareClient.builder())
        .baseUrl(setup.url(mock.baseUrl()))
        .tokenUrl(setup.url(mock.tokenUrl()))
        .clientId(CLIENT_ID)
        .clientSecret(setup.validCredentials() ? SECRET : WRONG_SECRET)
        .build();
    return new Session() {
      @Override
      public Object read() {
        return client.actions().list();
      }

      @Override
      public Object create() {
        return client.instances().beginCreate(request());
      }

      @Override
      public Object createRetryingAlways() {
        ItCareClient view = client.withOptions(CallOptions.retry(RetryMode.ALWAYS));
        return view.instances().beginCreate(request());
      }

      @Override
      public java.util.concurrent.CompletableFuture<?> readAsync() {
        return client.actions().listAsync();
      }

      @Override
      public long readPage() {
        return client.instances().list().withPageSize(PAGE_SIZE).stream().count();
      }

      @Override
      public void close() {
        client.close();
      }
    };
  }

  private static CreateInstanceRequest request() {
    return GSON.fromJson("{\"name\":\"pdebappsrv09\",\"area\":\"EB1\",\"resourceId\":\"3021\","
        + "\"serviceId\":40213}", CreateInstanceRequest.class);
  }

  @Override
  boolean asyncCreate() {
    return false;
  }

  @Override
  Endpoint read() {
    return new Endpoint("GET", ItCareMock.API_PATH + "/actions");
  }

  @Override
  Endpoint create() {
    return new Endpoint("POST", ItCareMock.API_PATH + "/compute/instances");
  }

  @Override
  Endpoint page() {
    return new Endpoint("GET", ItCareMock.API_PATH + "/compute/instances");
  }

  @Override
  Optional<Endpoint> token() {
    return Optional.of(new Endpoint("POST", ItCareMock.TOKEN_PATH));
  }

  @Override
  boolean retries500() {
    return false;
  }

  @Override
  List<String> credentialsInUse() {
    return List.of(SECRET, basic(CLIENT_ID, SECRET));
  }

  @Override
  List<String> credentials() {
    return List.of(SECRET, WRONG_SECRET, basic(CLIENT_ID, SECRET), basic(CLIENT_ID, WRONG_SECRET));
  }

  @Override
  String readBody(Body shape) {
    return switch (shape) {
      case UNKNOWN_ENUM -> "[{\"id\":880011,\"status\":\"PAUSED_BY_OPERATOR\","
          + "\"resourceName\":\"pdebappsrv01\",\"process\":\"stop\"}]";
      case EXTRA_FIELDS -> "[{\"id\":880011,\"status\":\"SUCCESS\","
          + "\"resourceName\":\"pdebappsrv01\",\"costCenter\":{\"code\":\"CC-1\","
          + "\"tags\":[\"a\",{\"deep\":null}]},\"retried\":true}]";
      case MISSING_FIELDS -> "[{\"id\":880011}]";
    };
  }

  @Override
  void checkRead(Body shape, Object result) {
    @SuppressWarnings("unchecked")
    List<Action> actions = (List<Action>) result;
    assertThat(actions).hasSize(1);
    Action action = actions.get(0);
    assertThat(action.getId()).isEqualTo(880011L);
    switch (shape) {
      case UNKNOWN_ENUM -> {
        assertThat(action.getStatus()).hasToString("PAUSED_BY_OPERATOR");
        assertThat(action.getStatus().isKnown()).isFalse();
        assertThat(action.getResourceName()).isEqualTo("pdebappsrv01");
      }
      case EXTRA_FIELDS -> {
        assertThat(action.getStatus()).isEqualTo(ActionStatus.SUCCESS);
        assertThat(action.getResourceName()).isEqualTo("pdebappsrv01");
      }
      case MISSING_FIELDS -> {
        assertThat(action.getStatus()).isNull();
        assertThat(action.getResourceName()).isNull();
      }
    }
  }

  @Override
  PageBody pageBody(int bytes) {
    String filler = pad(bytes / PAGE_SIZE);
    String content = IntStream.range(0, PAGE_SIZE)
        .mapToObj(i -> "{\"id\":" + (2000000 + i) + ",\"name\":\"pdebsrv" + i
            + "\",\"status\":\"ACTIVE\",\"comment\":\"" + filler + "\"}")
        .collect(Collectors.joining(","));
    return new PageBody("{\"content\":[" + content + "],\"number\":0,\"size\":" + PAGE_SIZE
        + ",\"totalElements\":" + PAGE_SIZE + ",\"totalPages\":1,\"numberOfElements\":"
        + PAGE_SIZE + ",\"first\":true,\"last\":true,\"empty\":false}", PAGE_SIZE);
  }
}
