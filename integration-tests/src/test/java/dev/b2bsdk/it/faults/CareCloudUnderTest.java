package dev.b2bsdk.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.b2bsdk.carecloud.CareCloudEnterpriseClient;
import dev.b2bsdk.core.http.CallOptions;
import dev.b2bsdk.core.http.RetryMode;
import dev.b2bsdk.generated.carecloud.invoker.JSON;
import dev.b2bsdk.generated.carecloud.model.Customer;
import dev.b2bsdk.generated.carecloud.model.PostCustomerRequest;
import dev.b2bsdk.testkit.carecloud.CareCloudMock;
import dev.b2bsdk.testkit.core.MockServer;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * CareCloud, enterprise interface: login bearer token ({@code POST /users/actions/login}, JSON
 * body with the password); read = {@code GET /customers/{id}} (the customer's {@code state} is an
 * integer enum), create = {@code POST /customers}, page = an offset page of customers. Its retry
 * defaults include 500.
 */
final class CareCloudUnderTest extends ClientUnderTest {

  private static final String LOGIN = "fm-carecloud-user";
  private static final String PASSWORD = "CcP4ssw0rd-Tz8mQ";
  private static final String WRONG_PASSWORD = "CcWr0ngPw-4Lr7N";
  private static final String INTERFACE = CareCloudMock.BASE_PATH + "/"
      + CareCloudMock.ENTERPRISE + "/v1.0";
  private static final Gson GSON = JSON.createGson().create();

  private final CareCloudMock mock =
      CareCloudMock.builder().userCredentials(LOGIN, PASSWORD).customers(20).start();

  @Override
  String name() {
    return "CareCloud";
  }

  @Override
  public String toString() {
    return "CareCloud enterprise";
  }

  @Override
  MockServer<?> mock() {
    return mock;
  }

  @Override
  Session connect(Setup setup) {
    CareCloudEnterpriseClient client = setup.apply(CareCloudEnterpriseClient.builder())
        .baseUrl(setup.url(mock.baseUrl()))
        .externalApplicationId(mock.externalAppId())
        .login(LOGIN)
        .password(setup.validCredentials() ? PASSWORD : WRONG_PASSWORD)
        .build();
    return new Session() {
      @Override
      public Object read() {
        return client.customers().get(mock.johnSmithId());
      }

      @Override
      public Object create() {
        return client.customers().create(request());
      }

      @Override
      public Object createRetryingAlways() {
        CareCloudEnterpriseClient view = client.withOptions(CallOptions.retry(RetryMode.ALWAYS));
        return view.customers().create(request());
      }

      @Override
      public java.util.concurrent.CompletableFuture<?> readAsync() {
        return client.customers().getAsync(mock.johnSmithId());
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
        return client.customers().list().withPageSize(PAGE_SIZE).stream().count();
      }

      @Override
      public void readModifyWrite() {
        Customer customer = client.customers().get(mock.johnSmithId());
        customer.getPersonalInformation().setLastName("Smithová");
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
    JsonObject customer = mock.customer(mock.johnSmithId()).orElseThrow();
    customer.addProperty("state", 7);                              // not in the spec's enum
    JsonObject personal = customer.getAsJsonObject("personal_information");
    personal.addProperty("gender", 3);                             // not in the spec's enum
    personal.addProperty("nickname", "Johnny");                    // unknown, nested
    personal.add("phone", com.google.gson.JsonNull.INSTANCE);      // sent as null: stays null
    JsonObject tier = new JsonObject();                            // unknown, nested object
    tier.addProperty("code", "GOLD");
    tier.add("since", com.google.gson.JsonNull.INSTANCE);
    customer.add("loyalty_tier", tier);
    customer.addProperty("customer_score", new java.math.BigDecimal("97.50000000000000000001"));
    JsonObject envelope = new JsonObject();
    envelope.add("data", customer);
    return Optional.of(new Update(read(), new Endpoint("PUT", read().path()), envelope.toString(), 204));
  }

  @Override
  com.google.gson.JsonElement expectedUpdate(JsonObject record) {
    JsonObject customer = record.getAsJsonObject("data");
    customer.getAsJsonObject("personal_information").addProperty("last_name", "Smithová");
    JsonObject body = new JsonObject();
    body.add("customer", customer);
    return body;
  }

  private static PostCustomerRequest request() {
    return GSON.fromJson("{\"customer\":{\"personal_information\":{\"gender\":2,"
        + "\"first_name\":\"Jana\",\"last_name\":\"Novakova\",\"email\":\"jana@example.com\","
        + "\"language_id\":\"cs\"}},\"customer_source\":{\"customer_source_id\":"
        + "\"86e05affc7a7abefcd513ab400\",\"external_id\":\"ESHOP-104522\"},\"autologin\":false}",
        PostCustomerRequest.class);
  }

  @Override
  Endpoint read() {
    return new Endpoint("GET", INTERFACE + "/customers/" + mock.johnSmithId());
  }

  @Override
  Endpoint create() {
    return new Endpoint("POST", INTERFACE + "/customers");
  }

  @Override
  Endpoint page() {
    return new Endpoint("GET", INTERFACE + "/customers");
  }

  @Override
  Optional<Endpoint> token() {
    return Optional.of(new Endpoint("POST", INTERFACE + "/users/actions/login"));
  }

  @Override
  boolean retries500() {
    return true;
  }

  @Override
  List<String> credentialsInUse() {
    return List.of(PASSWORD);
  }

  @Override
  List<String> credentials() {
    return List.of(PASSWORD, WRONG_PASSWORD);
  }

  @Override
  String readBody(Body shape) {
    JsonObject customer = mock.customer(mock.johnSmithId()).orElseThrow();
    switch (shape) {
      case UNKNOWN_ENUM -> customer.addProperty("state", 7);
      case EXTRA_FIELDS -> {
        JsonObject tier = new JsonObject();
        tier.addProperty("code", "GOLD");
        tier.add("since", null);
        customer.add("loyalty_tier", tier);
        customer.addProperty("customer_score", 97.5);
      }
      case MISSING_FIELDS -> {
        customer = new JsonObject();
        customer.addProperty("customer_id", mock.johnSmithId());
      }
    }
    JsonObject envelope = new JsonObject();
    envelope.add("data", customer);
    return envelope.toString();
  }

  @Override
  void checkRead(Body shape, Object result) {
    Customer customer = (Customer) result;
    assertThat(customer.getCustomerId()).isEqualTo(mock.johnSmithId());
    switch (shape) {
      case UNKNOWN_ENUM -> {
        assertThat(customer.getState()).isEqualTo(Customer.StateEnum.fromValue(7));
        assertThat(customer.getState().isKnown()).isFalse();
        assertThat(customer.getPersonalInformation().getLastName()).isEqualTo("Smith");
      }
      case EXTRA_FIELDS -> {
        assertThat(customer.getState()).isNotNull();
        assertThat(customer.getState().isKnown()).isTrue();
        assertThat(customer.getAdditionalProperty("loyalty_tier").toString())
            .isEqualTo("{\"code\":\"GOLD\",\"since\":null}");
        assertThat(customer.getPersonalInformation().getLastName()).isEqualTo("Smith");
      }
      case MISSING_FIELDS -> {
        assertThat(customer.getState()).isNull();
        assertThat(customer.getPersonalInformation()).isNull();
      }
    }
  }

  @Override
  PageBody pageBody(int bytes) {
    String filler = pad(bytes / PAGE_SIZE);
    String customers = IntStream.range(0, PAGE_SIZE)
        .mapToObj(i -> "{\"customer_id\":\"fm" + i + "\",\"personal_information\":{"
            + "\"first_name\":\"Jan\",\"last_name\":\"" + filler + "\"},\"state\":1}")
        .collect(Collectors.joining(","));
    return new PageBody("{\"data\":{\"customers\":[" + customers + "],\"total_items\":"
        + PAGE_SIZE + "}}", PAGE_SIZE);
  }
}
