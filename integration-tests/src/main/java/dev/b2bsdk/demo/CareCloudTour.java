package dev.b2bsdk.demo;

import com.google.gson.JsonObject;
import dev.b2bsdk.carecloud.CareCloudCustomerClient;
import dev.b2bsdk.carecloud.CareCloudEnterpriseClient;
import dev.b2bsdk.carecloud.Device;
import dev.b2bsdk.carecloud.DeviceSetup;
import dev.b2bsdk.carecloud.DeviceTokenStore;
import dev.b2bsdk.carecloud.CardsOperations;
import dev.b2bsdk.carecloud.LoginType;
import dev.b2bsdk.carecloud.PointOfSale;
import dev.b2bsdk.generated.carecloud.model.Bill;
import dev.b2bsdk.generated.carecloud.model.BillItem;
import dev.b2bsdk.generated.carecloud.model.Card;
import dev.b2bsdk.generated.carecloud.model.Currency;
import dev.b2bsdk.generated.carecloud.model.FinalBill;
import dev.b2bsdk.generated.carecloud.model.PaymentRecap;
import dev.b2bsdk.generated.carecloud.model.PaymentVoucher;
import dev.b2bsdk.generated.carecloud.model.PluId;
import dev.b2bsdk.generated.carecloud.model.PostPurchaseRecommendedRewardsRequest;
import dev.b2bsdk.generated.carecloud.model.PostRewardCreateVoucherRequest;
import dev.b2bsdk.generated.carecloud.model.PurchaseItemType;
import dev.b2bsdk.generated.carecloud.model.PurchaseType;
import dev.b2bsdk.generated.carecloud.model.Reward;
import dev.b2bsdk.generated.carecloud.model.Store;
import java.math.BigDecimal;
import java.time.LocalDateTime;
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
 * reads {@code GET /customers}, which shows that customer only; then - writes allowed - the
 * point-of-sale flow for that customer (see {@link #pointOfSale}).
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
      String customerId = customerInterface(steps, summary);
      if (context.writes()) {
        pointOfSale(carecloud, customerId, steps, summary);
      } else {
        steps.note("point of sale", "skipped: read-only run (pass --allow-writes)");
      }
    }
  }

  /**
   * The point-of-sale flow for the customer logged in above, through {@link PointOfSale}: their
   * first card identifies them, a basket gets its recommended rewards, a purchase pays with a
   * voucher created for the purpose, the balance is read, points reserved and freed.
   */
  private static void pointOfSale(CareCloudEnterpriseClient carecloud, String customerId,
      Steps steps, JsonObject summary) {
    JsonObject pos = new JsonObject();
    String store = carecloud.stores().list().stream().findFirst().map(Store::getStoreId)
        .orElseThrow(() -> new IllegalStateException("GET /stores returned no store"));
    PointOfSale till = PointOfSale.of(carecloud, store, 1);
    String cardNumber = carecloud.cards().list(CardsOperations.ListParams.builder()
            .customerId(customerId).build()).stream().map(Card::getCardNumber)
        .filter(n -> n != null && !n.isBlank()).findFirst()
        .orElseThrow(() -> new IllegalStateException("customer " + customerId + " has no card"));
    PointOfSale.Shopper shopper = steps.run("pos identify by card",
        () -> till.identifyByCard(cardNumber).orElseThrow(() -> new IllegalStateException(
            "card " + cardNumber + " identifies nobody")),
        s -> "card " + s.cardNumber() + ": customer " + s.customerId());
    pos.addProperty("customerId", shopper.customerId());
    pos.addProperty("cardNumber", shopper.cardNumber());
    String currency = carecloud.currencies().list().stream().findFirst()
        .map(Currency::getCurrencyId).orElse(null);
    String itemType = carecloud.purchaseItemTypes().list().stream().findFirst()
        .map(PurchaseItemType::getTypeId).orElse(null);
    String purchaseType = carecloud.purchaseTypes().list().stream().findFirst()
        .map(PurchaseType::getTypeId).orElse(null);
    String billId = "DEMO-" + Long.toString(System.currentTimeMillis(), 36);
    LocalDateTime paid = LocalDateTime.now().withNano(0);
    List<BillItem> items = List.of(new BillItem().billItemId(billId + "-1")
        .pluIds(List.of(new PluId().listCode("EAN").code("8590000000017")))
        .pluName("Demo item").vatRate(BigDecimal.valueOf(21)).quantity(BigDecimal.ONE)
        .paidAmount(new BigDecimal("249.90")).price(new BigDecimal("249.90"))
        .loyaltyOff(false).purchaseItemTypeId(itemType));
    int recommended = steps.run("pos recommended rewards",
        () -> till.recommendedRewards(shopper,
            PostPurchaseRecommendedRewardsRequest.RewardListTypeEnum.A, new Bill().billId(billId).paymentTime(paid)
            .currencyId(currency).totalPrice(new BigDecimal("249.90")).billItems(items)).size(),
        n -> n + " rewards recommended for a basket of 249.90");
    pos.addProperty("recommendedRewards", recommended);
    BigDecimal before = till.balance(shopper).availablePoints();
    String code = billId + "-V";
    steps.run("pos voucher", () -> {
      String reward = carecloud.rewards().list().stream().findFirst().map(Reward::getRewardId)
          .orElseThrow(() -> new IllegalStateException("GET /rewards returned no reward"));
      carecloud.rewards().createCreateVoucher(reward,
          new PostRewardCreateVoucherRequest().customerId(shopper.customerId()).code(code));
      return code;
    }, c -> "voucher " + c + " from the first reward");
    String purchaseId = steps.run("pos send purchase",
        () -> till.sendPurchase(shopper, new FinalBill().billId(billId).purchaseTypeId(purchaseType)
            .canceled(false).paymentType(FinalBill.PaymentTypeEnum.S).paymentTime(paid)
            .currencyId(currency).totalPrice(new BigDecimal("249.90")).billItems(items)
            .paymentRecap(new PaymentRecap().vouchers(List.of(
                new PaymentVoucher().code(code).discountValue(BigDecimal.TEN))))),
        id -> "purchase " + id + " (bill " + billId + ", voucher applied)");
    pos.addProperty("purchaseId", purchaseId);
    pos.addProperty("voucherApplied", true);
    PointOfSale.Balance after = steps.run("pos balance", () -> till.balance(shopper),
        b -> b.availablePoints().toPlainString() + " points (+"
            + b.availablePoints().subtract(before).toPlainString() + "), "
            + b.availableCredits().toPlainString() + " credits");
    pos.addProperty("pointsBefore", before);
    pos.addProperty("pointsAfter", after.availablePoints());
    pos.addProperty("credits", after.availableCredits());
    BigDecimal reserve = after.availablePoints().min(BigDecimal.TEN);
    String reservation = billId + "-R";
    BigDecimal reserved = steps.run("pos reserve points", () -> {
      till.reservePoints(shopper, reservation, reserve, paid.plusDays(1));
      return till.balance(shopper).availablePoints();
    }, a -> reserve.toPlainString() + " points reserved: " + a.toPlainString() + " available");
    pos.addProperty("reservedPoints", reserve);
    pos.addProperty("availableWhileReserved", reserved);
    BigDecimal freed = steps.run("pos free points", () -> {
      till.freePoints(reservation);
      return till.balance(shopper).availablePoints();
    }, a -> "freed: " + a.toPlainString() + " available");
    pos.addProperty("availableAfterFree", freed);
    summary.add("pos", pos);
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

  /** The customer interface's steps; returns the id of the customer logged in. */
  private String customerInterface(Steps steps, JsonObject summary) {
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
      return loggedIn;
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
