package dev.b2bsdk.demo;

import com.google.gson.JsonObject;
import dev.b2bsdk.carecloud.CareCloudCustomerClient;
import dev.b2bsdk.carecloud.CareCloudEnterpriseClient;
import dev.b2bsdk.carecloud.Device;
import dev.b2bsdk.carecloud.DeviceSetup;
import dev.b2bsdk.carecloud.DeviceTokenStore;
import dev.b2bsdk.carecloud.LoginType;
import dev.b2bsdk.generated.carecloud.model.PostCustomerResponseData;
import dev.b2bsdk.generated.carecloud.model.Customer;
import dev.b2bsdk.generated.carecloud.model.PostCustomerRequest;
import dev.b2bsdk.generated.carecloud.model.CustomerSource;
import dev.b2bsdk.generated.carecloud.model.CustomerSourceRecord;
import dev.b2bsdk.generated.carecloud.model.Language;
import dev.b2bsdk.generated.carecloud.model.PersonalInformation;
import dev.b2bsdk.generated.carecloud.model.Segment;
import dev.b2bsdk.generated.carecloud.model.PostSegmentAddCustomerRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CareCloud: the enterprise interface logs in and lists every customer (paged), then - writes
 * allowed - creates a customer from the first customer source and adds it to the first
 * segment; the customer interface creates a device token, logs the customer in by e-mail and
 * reads {@code GET /customers}, which shows that customer only.
 */
final class CareCloudTour implements ApiTour {

  private final Targets.CareCloud target;
  private final TourContext context;

  CareCloudTour(Targets.CareCloud target, TourContext context) {
    this.target = target;
    this.context = context;
  }

  @Override
  public List<ImplicitStep> implicitSteps() {
    return List.of(new ImplicitStep("enterprise login", "POST", "/users/actions/login"),
        new ImplicitStep("create device token", "POST", "/tokens"));
  }

  @Override
  public void run(Steps steps, JsonObject summary) {
    CareCloudEnterpriseClient.Builder enterprise =
        context.configure(CareCloudEnterpriseClient.builder(), steps.trace())
            .baseUrl(target.baseUrl())
            .externalApplicationId(target.appId())
            .login(target.login())
            .password(target.password());
    if (target.zone() != null) {
      enterprise.projectZone(target.zone());
    }
    try (CareCloudEnterpriseClient carecloud = enterprise.build()) {
      PageCount customers = steps.run("list customers",
          () -> PageCount.walk(context.paged(carecloud.customers().list()), c -> { }),
          count -> count.describe("customers"));
      summary.addProperty("customers", customers.items());
      summary.addProperty("pages", customers.pages());
      summary.addProperty("pageSize", customers.pageSize());
      summary.addProperty("writes", context.writes());
      if (context.writes()) {
        createAndSegment(carecloud, steps, summary);
      } else {
        steps.note("create customer", "skipped: read-only run (pass --allow-writes)");
        steps.note("add to segment", "skipped: read-only run (pass --allow-writes)");
      }
    }
    customerInterface(steps, summary);
  }

  private void createAndSegment(CareCloudEnterpriseClient carecloud, Steps steps,
      JsonObject summary) {
    CustomerSource source = steps.run("first customer source",
        () -> carecloud.customerSources().list().stream().findFirst().orElseThrow(
            () -> new IllegalStateException("GET /customer-sources returned no source")),
        s -> s.getCustomerSourceId() + " " + s.getName());
    String customerId = steps.run("create customer",
        () -> createCustomer(carecloud, source),
        id -> "customer " + id + " (Ada Lovelace)");
    summary.addProperty("createdCustomerId", customerId);
    Segment segment = steps.run("first segment",
        () -> carecloud.segments().list().stream().findFirst().orElseThrow(
            () -> new IllegalStateException("GET /segments returned no segment")),
        s -> s.getSegmentId() + " " + s.getName());
    summary.addProperty("segmentId", segment.getSegmentId());
    steps.run("add to segment", () -> {
      carecloud.segments().createAddCustomer(segment.getSegmentId(),
          new PostSegmentAddCustomerRequest().customerId(customerId));
      return segment;
    }, s -> "added to segment " + s.getSegmentId());
    summary.addProperty("addedToSegment", true);
  }

  private static String createCustomer(CareCloudEnterpriseClient carecloud,
      CustomerSource source) {
    // English when the project has it, else its first language: language_id is required
    List<Language> languages = carecloud.languages().get();
    String language = languages.stream().map(Language::getLanguageId)
        .filter("en"::equals).findFirst()
        .orElse(languages.isEmpty() ? "en" : languages.get(0).getLanguageId());
    // a fresh e-mail each run: a project may refuse a second customer with the same one
    String email = "ada.lovelace+" + Long.toString(System.currentTimeMillis(), 36)
        + "@example.com";
    PostCustomerRequest request = new PostCustomerRequest()
        .customer(new Customer().personalInformation(new PersonalInformation()
            .firstName("Ada").lastName("Lovelace").email(email).languageId(language)))
        .customerSource(new CustomerSourceRecord().customerSourceId(source.getCustomerSourceId()))
        .autologin(false);
    PostCustomerResponseData created = carecloud.customers().create(request);
    return Optional.ofNullable(created).map(PostCustomerResponseData::getCustomerId)
        .filter(id -> !id.isBlank())
        .orElseThrow(() -> new IllegalStateException(
            "POST /customers answered without data.customer_id"));
  }

  private void customerInterface(Steps steps, JsonObject summary) {
    CareCloudCustomerClient.Builder builder =
        context.configure(CareCloudCustomerClient.builder(), steps.trace())
            .baseUrl(target.baseUrl())
            .externalApplicationId(target.customerAppId())
            .device(device())
            .setup(DeviceSetup.of("en", false, false))
            // a store of this run only: the tour shows the device token being created
            .tokenStore(new RunTokenStore());
    if (target.zone() != null) {
      builder.projectZone(target.zone());
    }
    try (CareCloudCustomerClient customer = builder.build()) {
      String loggedIn = steps.run("customer login",
          () -> customer.loginCustomer(LoginType.EMAIL, target.customerEmail(),
              target.customerPassword()),
          id -> target.customerEmail() + ": customer " + id);
      String seen = steps.run("read GET /customers",
          () -> customer.customers().list().stream().findFirst()
              .map(Customer::getCustomerId).orElseThrow(() -> new IllegalStateException(
                  "GET /customers showed the logged-in customer nothing")),
          id -> "customer " + id + (id.equals(loggedIn) ? ", the one logged in" : ""));
      summary.addProperty("customerInterfaceCustomerId", seen);
    }
  }

  /** The demo's device: stable per user account, so each run replaces the previous token. */
  private static Device device() {
    String user = System.getProperty("user.name", "demo");
    String id = UUID.nameUUIDFromBytes(("b2bsdk-demo:" + user).getBytes(StandardCharsets.UTF_8))
        .toString();
    return Device.builder()
        .id(id)
        .system(System.getProperty("os.name", "unknown") + " "
            + System.getProperty("os.version", ""))
        .name("b2bsdk demo tour")
        .type("desktop")
        .build();
  }

  /** Device tokens of one run, in memory. */
  private static final class RunTokenStore implements DeviceTokenStore {
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    @Override
    public Optional<String> load(String externalApplicationId, String deviceId) {
      return Optional.ofNullable(tokens.get(externalApplicationId + '\n' + deviceId));
    }

    @Override
    public void save(String externalApplicationId, String deviceId, String token) {
      tokens.put(externalApplicationId + '\n' + deviceId, token);
    }

    @Override
    public void clear(String externalApplicationId, String deviceId) {
      tokens.remove(externalApplicationId + '\n' + deviceId);
    }

    @Override
    public String toString() {
      return "RunTokenStore{entries=" + tokens.size() + '}';
    }
  }
}
