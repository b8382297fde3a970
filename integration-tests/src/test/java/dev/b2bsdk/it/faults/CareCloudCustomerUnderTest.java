package dev.b2bsdk.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import dev.b2bsdk.carecloud.CareCloudCustomerClient;
import dev.b2bsdk.carecloud.Device;
import dev.b2bsdk.carecloud.DeviceSetup;
import dev.b2bsdk.carecloud.DeviceTokenStore;
import dev.b2bsdk.core.http.CallOptions;
import dev.b2bsdk.core.http.RetryMode;
import dev.b2bsdk.generated.carecloud.invoker.JSON;
import dev.b2bsdk.generated.carecloud.model.PostCustomerRequest;
import dev.b2bsdk.generated.carecloud.model.Store;
import dev.b2bsdk.testkit.carecloud.CareCloudMock;
import dev.b2bsdk.testkit.core.MockServer;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * CareCloud, customer interface: a device token ({@code POST /tokens}, never expires, replaced
 * after a 401) kept in a fresh in-memory store per case; read = {@code GET /stores/{id}} (the
 * store's {@code state} is an integer enum), create = {@code POST /customers}, page = an offset
 * page of stores. The "credential" is the external application id: a wrong one is refused with
 * 400. Retry defaults as the enterprise client (500 included).
 */
final class CareCloudCustomerUnderTest extends ClientUnderTest {

  private static final String INTERFACE = CareCloudMock.BASE_PATH + "/"
      + CareCloudMock.CUSTOMER + "/v1.0";
  private static final Gson GSON = JSON.createGson().create();

  private final CareCloudMock mock = CareCloudMock.builder().customers(20).start();
  private final String storeId;

  CareCloudCustomerUnderTest() {
    try (CareCloudCustomerClient probe = builder(mock.customerAppId(), DeviceTokenStore.inMemory())
        .baseUrl(mock.baseUrl()).build()) {
      storeId = probe.stores().list().stream().findFirst().orElseThrow().getStoreId();
    }
  }

  private static CareCloudCustomerClient.Builder builder(String appId, DeviceTokenStore store) {
    return CareCloudCustomerClient.builder()
        .externalApplicationId(appId)
        .device(Device.builder().id("fm-device-0001").system("Android 14").name("Pixel 8")
            .type("phone").build())
        .setup(DeviceSetup.of("en", false, true))
        .tokenStore(store);
  }

  @Override
  String name() {
    return "CareCloud";
  }

  @Override
  public String toString() {
    return "CareCloud customer";
  }

  @Override
  MockServer<?> mock() {
    return mock;
  }

  @Override
  Session connect(Setup setup) {
    String appId = setup.validCredentials() ? mock.customerAppId() : "unknown-app-0000";
    CareCloudCustomerClient client = setup.apply(builder(appId, DeviceTokenStore.inMemory()))
        .baseUrl(setup.url(mock.baseUrl()))
        .build();
    return new Session() {
      @Override
      public Object read() {
        return client.stores().get(storeId);
      }

      @Override
      public Object create() {
        return client.customers().create(request());
      }

      @Override
      public Object createRetryingAlways() {
        CareCloudCustomerClient view = client.withOptions(CallOptions.retry(RetryMode.ALWAYS));
        return view.customers().create(request());
      }

      @Override
      public java.util.concurrent.CompletableFuture<?> readAsync() {
        return client.stores().getAsync(storeId);
      }

      @Override
      public java.util.concurrent.CompletableFuture<?> createAsync() {
        return client.customers().createAsync(request());
      }

      @Override
      public java.util.concurrent.CompletableFuture<?> createRetryingAlwaysAsync() {
        return client.withOptions(CallOptions.retry(RetryMode.ALWAYS)).customers().createAsync(request());
      }

      @Override
      public long readPage() {
        return client.stores().list().withPageSize(PAGE_SIZE).stream().count();
      }

      @Override
      public void readModifyWrite() {
        dev.b2bsdk.generated.carecloud.model.Customer customer =
            client.customers().get(mock.johnSmithId());
        customer.getPersonalInformation().setFirstName("Jan");
        client.customers().update(mock.johnSmithId(),
            new dev.b2bsdk.generated.carecloud.model.PutCustomerRequest().customer(customer));
      }

      @Override
      public void close() {
        client.close();
      }
    };
  }

  @Override
  Optional<Update> update() {
    com.google.gson.JsonObject customer = mock.customer(mock.johnSmithId()).orElseThrow();
    customer.addProperty("state", 9);                              // not in the spec's enum
    com.google.gson.JsonObject personal = customer.getAsJsonObject("personal_information");
    personal.addProperty("marketing_segment", "B2C-7");           // unknown, nested
    personal.add("birthdate", com.google.gson.JsonNull.INSTANCE);  // sent as null: stays null
    com.google.gson.JsonArray devices = new com.google.gson.JsonArray();
    devices.add("ios");
    devices.add(com.google.gson.JsonNull.INSTANCE);
    customer.add("devices", devices);                              // unknown list with a null
    com.google.gson.JsonObject envelope = new com.google.gson.JsonObject();
    envelope.add("data", customer);
    Endpoint get = new Endpoint("GET", INTERFACE + "/customers/" + mock.johnSmithId());
    return Optional.of(new Update(get, new Endpoint("PUT", get.path()), envelope.toString(), 204));
  }

  @Override
  com.google.gson.JsonElement expectedUpdate(com.google.gson.JsonObject record) {
    com.google.gson.JsonObject customer = record.getAsJsonObject("data");
    customer.getAsJsonObject("personal_information").addProperty("first_name", "Jan");
    com.google.gson.JsonObject body = new com.google.gson.JsonObject();
    body.add("customer", customer);
    return body;
  }

  private static PostCustomerRequest request() {
    return GSON.fromJson("{\"customer\":{\"personal_information\":{\"gender\":1,"
        + "\"first_name\":\"Petr\",\"last_name\":\"Svoboda\",\"email\":\"petr@example.com\","
        + "\"language_id\":\"cs\"}},\"customer_source\":{\"customer_source_id\":"
        + "\"86e05affc7a7abefcd513ab400\",\"external_id\":\"APP-1\"},\"autologin\":false}",
        PostCustomerRequest.class);
  }

  @Override
  Endpoint read() {
    return new Endpoint("GET", INTERFACE + "/stores/" + storeId);
  }

  @Override
  Endpoint create() {
    return new Endpoint("POST", INTERFACE + "/customers");
  }

  @Override
  Endpoint page() {
    return new Endpoint("GET", INTERFACE + "/stores");
  }

  @Override
  Optional<Endpoint> token() {
    return Optional.of(new Endpoint("POST", INTERFACE + "/tokens"));
  }

  @Override
  boolean retries500() {
    return true;
  }

  @Override
  int refusedStatus() {
    return 400;
  }

  @Override
  List<String> credentialsInUse() {
    return List.of();
  }

  @Override
  List<String> credentials() {
    return List.of(); // the device tokens the mock issued are checked by the matrix
  }

  @Override
  String readBody(Body shape) {
    String store = switch (shape) {
      case UNKNOWN_ENUM -> "{\"store_id\":\"" + storeId
          + "\",\"name\":\"Brno Centrum\",\"state\":7}";
      case EXTRA_FIELDS -> "{\"store_id\":\"" + storeId
          + "\",\"name\":\"Brno Centrum\",\"state\":1,"
          + "\"opening_hours\":{\"mo\":[\"08:00\",\"17:00\"]},\"rating\":4.5}";
      case MISSING_FIELDS -> "{\"store_id\":\"" + storeId + "\"}";
    };
    return "{\"data\":" + store + "}";
  }

  @Override
  void checkRead(Body shape, Object result) {
    Store store = (Store) result;
    assertThat(store.getStoreId()).isEqualTo(storeId);
    switch (shape) {
      case UNKNOWN_ENUM -> {
        assertThat(store.getState().getValue()).isEqualTo(7);   // kept as sent (open enum)
        assertThat(store.getState().isKnown()).isFalse();
        assertThat(store.getName()).isEqualTo("Brno Centrum");
      }
      case EXTRA_FIELDS -> {
        assertThat(store.getState()).isEqualTo(Store.StateEnum.NUMBER_1);
        assertThat(store.getName()).isEqualTo("Brno Centrum");
      }
      case MISSING_FIELDS -> {
        assertThat(store.getState()).isNull();
        assertThat(store.getName()).isNull();
      }
    }
  }

  @Override
  PageBody pageBody(int bytes) {
    String filler = pad(bytes / PAGE_SIZE);
    String stores = IntStream.range(0, PAGE_SIZE)
        .mapToObj(i -> "{\"store_id\":\"fm" + i + "\",\"name\":\"" + filler + "\",\"state\":1}")
        .collect(Collectors.joining(","));
    return new PageBody("{\"data\":{\"stores\":[" + stores + "],\"total_items\":" + PAGE_SIZE
        + "}}", PAGE_SIZE);
  }
}
