package dev.b2bsdk.it.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.b2bsdk.demo.DemoTour;
import dev.b2bsdk.testkit.MockServers;
import dev.b2bsdk.testkit.carecloud.CareCloudMock;
import dev.b2bsdk.testkit.core.Fault;
import dev.b2bsdk.testkit.core.MockServer;
import dev.b2bsdk.testkit.intouch.InTouchMock;
import dev.b2bsdk.testkit.itcare.ItCareMock;
import dev.b2bsdk.testkit.shopapp.ShopApplicationMock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The demo tour ({@code scripts/demo}) against the testkit mocks, in-process: its {@code --json}
 * summary must report exactly what the mocks hold and did, a failing API must not stop the
 * others, and the options and environment variables must behave as the README says.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DemoTourTest {

  /** The documented defaults of {@link ShopApplicationMock}: 3 + 2 occurrences, 7 services. */
  private static final int SHOP_OCCURRENCES = 5;
  private static final int SHOP_CATALOGUE = 7;
  /** The SDK's default page size of every paged list. */
  private static final int DEFAULT_PAGE_SIZE = 100;

  private static MockServers mocks;

  @BeforeAll
  static void startMocks() {
    mocks = MockServers.start();
  }

  @AfterAll
  static void stopMocks() {
    mocks.close();
  }

  @BeforeEach
  void seededState() {
    for (MockServer<?> mock : all(mocks)) {
      mock.reset();
    }
  }

  // ------------------------------------------------------------------ the whole tour

  @Test
  void theTourReportsWhatTheMocksHoldAndDid() {
    int instances = mocks.itcare().instances().size();
    int customers = mocks.careCloud().customers().size();
    int parties = mocks.inTouch().parties().size();
    int interfaces = mocks.shopApplication().interfaceKeys().size();

    Run run = tour(Map.of(), "--json");

    assertThat(run.status).isEqualTo(DemoTour.OK);
    JsonObject summary = run.json();
    assertThat(summary.keySet()).containsExactly("itcare", "carecloud", "shopapp", "intouch");

    JsonObject itcare = summary.getAsJsonObject("itcare");
    assertThat(itcare.get("ok").getAsBoolean()).isTrue();
    assertThat(itcare.get("instances").getAsInt()).isEqualTo(instances);
    assertThat(itcare.get("pages").getAsInt()).isEqualTo(pages(instances, DEFAULT_PAGE_SIZE));
    assertThat(itcare.get("dryRunEchoed").getAsBoolean()).isTrue();
    JsonObject database = itcare.getAsJsonObject("databaseDryRun");
    assertThat(database.get("operation").getAsString()).isEqualTo("createPostgresql");
    assertThat(database.get("accepted").getAsBoolean()).isTrue();
    assertThat(database.get("dryRunEchoed").getAsBoolean()).isTrue();
    JsonObject action = itcare.getAsJsonObject("action");
    long actionId = action.get("id").getAsLong();
    assertThat(action.get("status").getAsString()).isEqualTo("SUCCESS");
    // the mock's default k: the 2nd GET /actions/{id} answers SUCCESS
    assertThat(action.get("polls").getAsInt()).isEqualTo(2)
        .isEqualTo(mocks.itcare().pollsOf(actionId));
    long stopped = itcare.get("instanceId").getAsLong();
    assertThat(mocks.itcare().instance(stopped).orElseThrow().get("status").getAsString())
        .isEqualTo("INACTIVE");

    JsonObject carecloud = summary.getAsJsonObject("carecloud");
    assertThat(carecloud.get("ok").getAsBoolean()).isTrue();
    assertThat(carecloud.get("customers").getAsInt()).isEqualTo(customers);
    assertThat(carecloud.get("pages").getAsInt()).isEqualTo(pages(customers, DEFAULT_PAGE_SIZE));
    String created = carecloud.get("createdCustomerId").getAsString();
    assertThat(created).isNotBlank();
    assertThat(mocks.careCloud().customer(created)).isPresent();
    assertThat(carecloud.get("addedToSegment").getAsBoolean()).isTrue();
    assertThat(mocks.careCloud().segmentMembers(carecloud.get("segmentId").getAsString()))
        .contains(created);
    assertThat(carecloud.get("customerInterfaceCustomerId").getAsString())
        .isEqualTo(mocks.careCloud().johnSmithId());
    // the point-of-sale flow: John's card, a purchase of 249.90 earning 24 points by the mock's
    // default rule (1 per whole 10), a voucher applied, 10 points reserved then freed
    JsonObject pos = carecloud.getAsJsonObject("pos");
    String john = mocks.careCloud().johnSmithId();
    assertThat(pos.get("customerId").getAsString()).isEqualTo(john);
    assertThat(pos.get("cardNumber").getAsString()).isNotBlank();
    assertThat(pos.get("recommendedRewards").getAsInt()).isNotNegative();
    assertThat(pos.get("purchaseId").getAsString()).isNotBlank();
    assertThat(pos.get("voucherApplied").getAsBoolean()).isTrue();
    assertThat(pos.get("pointsAfter").getAsBigDecimal()
        .subtract(pos.get("pointsBefore").getAsBigDecimal())).isEqualByComparingTo("24");
    assertThat(pos.get("reservedPoints").getAsBigDecimal()).isEqualByComparingTo("10");
    assertThat(pos.get("availableWhileReserved").getAsBigDecimal()).isEqualByComparingTo(
        pos.get("pointsAfter").getAsBigDecimal().subtract(BigDecimal.TEN));
    assertThat(pos.get("availableAfterFree").getAsBigDecimal())
        .isEqualByComparingTo(pos.get("pointsAfter").getAsBigDecimal())
        .isEqualByComparingTo(mocks.careCloud().availablePoints(john));
    assertThat(pos.get("credits").getAsBigDecimal()).isNotNull();

    JsonObject shopapp = summary.getAsJsonObject("shopapp");
    assertThat(shopapp.get("ok").getAsBoolean()).isTrue();
    assertThat(shopapp.get("interfaces").getAsInt()).isEqualTo(interfaces);
    assertThat(shopapp.get("prestationOccurrences").getAsInt()).isEqualTo(SHOP_OCCURRENCES);
    assertThat(shopapp.get("catalogue").getAsInt()).isEqualTo(SHOP_CATALOGUE);

    JsonObject intouch = summary.getAsJsonObject("intouch");
    assertThat(intouch.get("ok").getAsBoolean()).isTrue();
    assertThat(intouch.get("parties").getAsInt()).isEqualTo(parties);
    assertThat(intouch.get("pages").getAsInt()).isEqualTo(pages(parties, DEFAULT_PAGE_SIZE));
    long party = intouch.get("createdPartyId").getAsLong();
    assertThat(mocks.inTouch().party(party).orElseThrow().get("surname").getAsString())
        .isEqualTo("Lovelace");

    // with --json the step lines go to stderr, one per step, with a duration
    assertThat(run.err).contains("itcare     list instances", "carecloud  enterprise login",
        "carecloud  create device token", "carecloud  pos send purchase", "shopapp    token", "intouch    read it back",
        "4 of 4 APIs ok");
    assertThat(run.errLines()).filteredOn(l -> l.startsWith("intouch"))
        .allMatch(l -> l.matches(".* \\d+ ms$"));
    // the wait for the action is one line: its status, a dot per poll, the final status
    assertThat(run.errLines()).anyMatch(l -> l.matches(
        "itcare +wait for action \\d+ +IN_PROGRESS\\.\\. SUCCESS after 2 polls +\\d+ ms"));
  }

  @Test
  void withoutArgumentsTheTourStartsItsOwnMocksAndPrintsStepLinesOnStdout() {
    Run run = tour(null, Map.of());

    assertThat(run.status).isEqualTo(DemoTour.OK);
    assertThat(run.out).startsWith("b2bsdk demo tour against the built-in mocks on 127.0.0.1")
        .contains("itcare     wait for action", "intouch    create party", "4 of 4 APIs ok");
    assertThat(run.err).isEmpty();
    // the tour's own mocks, not the test's
    assertThat(mocks.itcare().server().findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  // ------------------------------------------------------------------ options

  @Test
  void pageSizeIsSentAsEachApisPageParameter() {
    int instances = mocks.itcare().instances().size();
    int customers = mocks.careCloud().customers().size();
    int parties = mocks.inTouch().parties().size();

    Run run = tour(Map.of(), "--json", "--page-size", "7");

    assertThat(run.status).isEqualTo(DemoTour.OK);
    JsonObject summary = run.json();
    assertThat(summary.getAsJsonObject("itcare").get("pages").getAsInt())
        .isEqualTo(pages(instances, 7));
    assertThat(summary.getAsJsonObject("carecloud").get("pages").getAsInt())
        .isEqualTo(pages(customers, 7)).isEqualTo(18);
    assertThat(summary.getAsJsonObject("intouch").get("pages").getAsInt())
        .isEqualTo(pages(parties, 7)).isEqualTo(5);
    for (String api : List.of("itcare", "carecloud", "intouch")) {
      assertThat(summary.getAsJsonObject(api).get("pageSize").getAsInt()).isEqualTo(7);
    }
    assertThat(queryValues(mocks.itcare(), "/itcare/compute/instances", "size"))
        .isNotEmpty().containsOnly("7");
    assertThat(queryValues(mocks.careCloud(),
        "/webservice/rest-api/enterprise-interface/v1.0/customers", "count"))
        .hasSize(18).containsOnly("7");
    assertThat(queryValues(mocks.inTouch(), "/api/parties", "size"))
        .hasSize(5).containsOnly("7");
  }

  @Test
  void onlyRunsTheNamedApis() {
    Run run = tour(Map.of(), "--json", "--only", "shopapp,INTOUCH");

    assertThat(run.status).isEqualTo(DemoTour.OK);
    assertThat(run.json().keySet()).containsExactly("shopapp", "intouch");
    assertThat(mocks.itcare().server().findAll(anyRequestedFor(anyUrl()))).isEmpty();
    assertThat(mocks.careCloud().server().findAll(anyRequestedFor(anyUrl()))).isEmpty();
    assertThat(mocks.inTouch().server().findAll(anyRequestedFor(anyUrl()))).isNotEmpty();
    assertThat(run.err).doesNotContain("itcare ", "carecloud ").contains("2 of 2 APIs ok");
  }

  @Test
  void anUnknownApiOrPageSizeIsAUsageError() {
    Run unknown = tour(Map.of(), "--only", "itcare,sap");
    assertThat(unknown.status).isEqualTo(DemoTour.USAGE);
    assertThat(unknown.out).isEmpty();
    assertThat(unknown.err).contains("unknown API 'sap'", "itcare, carecloud, shopapp, intouch");

    Run zero = tour(Map.of(), "--page-size", "0");
    assertThat(zero.status).isEqualTo(DemoTour.USAGE);
    assertThat(zero.err).contains("--page-size must be at least 1");

    for (MockServer<?> mock : all(mocks)) {
      assertThat(mock.server().findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
  }

  @Test
  void helpNamesEveryOptionAndVariable() {
    Run run = tour(Map.of(), "--help");

    assertThat(run.status).isEqualTo(DemoTour.OK);
    assertThat(run.out).contains("--json", "--only", "--page-size", "--allow-writes",
        "--itcare-url", "--itcare-token-url", "--carecloud-url", "--carecloud-zone",
        "--shopapp-url", "--intouch-url", "ITCARE_CLIENT_ID", "ITCARE_CLIENT_SECRET",
        "CARECLOUD_APP_ID", "CARECLOUD_LOGIN", "CARECLOUD_PASSWORD", "CARECLOUD_CUSTOMER_APP_ID",
        "CARECLOUD_CUSTOMER_EMAIL", "CARECLOUD_CUSTOMER_PASSWORD", "SHOPAPP_CLIENT_ID",
        "SHOPAPP_CLIENT_SECRET", "INTOUCH_USER", "INTOUCH_PASSWORD");
  }

  // ------------------------------------------------------------------ failures

  @Test
  void aFailingApiReportsItsErrorAndTheOthersStillRun() {
    mocks.inTouch().faults().nextFor("GET", "/parties",
        Fault.status(500).withMessage("Party index is being rebuilt")).always();

    Run run = tour(Map.of(), "--json");

    assertThat(run.status).isEqualTo(DemoTour.API_FAILED);
    JsonObject summary = run.json();
    JsonObject intouch = summary.getAsJsonObject("intouch");
    assertThat(intouch.get("ok").getAsBoolean()).isFalse();
    JsonObject error = intouch.getAsJsonObject("error");
    assertThat(error.get("type").getAsString()).isEqualTo("ServerException");
    assertThat(error.get("status").getAsInt()).isEqualTo(500);
    assertThat(error.get("message").getAsString()).contains("Party index is being rebuilt");
    assertThat(error.get("step").getAsString()).isEqualTo("list parties");
    assertThat(intouch.has("createdPartyId")).isFalse();
    for (String api : List.of("itcare", "carecloud", "shopapp")) {
      assertThat(summary.getAsJsonObject(api).get("ok").getAsBoolean()).as(api).isTrue();
    }
    assertThat(run.errLines()).anyMatch(
        l -> l.matches("intouch +list parties +FAILED: ServerException.* \\d+ ms"));
    assertThat(run.err).contains("3 of 4 APIs ok (failed: intouch)");
  }

  @Test
  void aFailingImplicitStepIsNamedAsTheFailingStep() {
    // the SDK fetches the token inside the first call: the error names the token step
    Map<String, String> env = Map.of("SHOPAPP_CLIENT_ID", "demo-client",
        "SHOPAPP_CLIENT_SECRET", "not-the-secret");

    Run run = tour(env, "--json", "--shopapp-url", mocks.shopApplication().baseUrl());

    assertThat(run.status).isEqualTo(DemoTour.API_FAILED);
    JsonObject shopapp = run.json().getAsJsonObject("shopapp");
    assertThat(shopapp.get("ok").getAsBoolean()).isFalse();
    JsonObject error = shopapp.getAsJsonObject("error");
    assertThat(error.get("type").getAsString()).isEqualTo("AuthenticationException");
    assertThat(error.get("status").getAsInt()).isEqualTo(401);
    assertThat(error.get("step").getAsString()).isEqualTo("token");
    // the SDK's message has non-ASCII arrows: the JSON escapes them
    assertThat(run.out).matches("\\p{ASCII}*");
    assertThat(run.out + run.err).doesNotContain("not-the-secret");
  }

  @Test
  void aRetriedListRequestIsStillOnePage() {
    mocks.itcare().faults().nextFor("GET", "/compute/instances", Fault.SERVICE_UNAVAILABLE);

    Run run = tour(Map.of(), "--json", "--only", "itcare");

    assertThat(run.status).isEqualTo(DemoTour.OK);
    assertThat(run.json().getAsJsonObject("itcare").get("pages").getAsInt()).isEqualTo(1);
    assertThat(mocks.itcare().server()
        .findAll(getRequestedFor(urlPathEqualTo("/itcare/compute/instances")))).hasSize(2);
  }

  // ------------------------------------------------------------------ real servers

  @Test
  void withUrlOptionsTheCredentialsComeFromTheEnvironment() {
    try (ItCareMock itcare = ItCareMock.builder().credentials("it-client", "it-secret")
            .instances(12).actionPolls(3).start();
        CareCloudMock carecloud = CareCloudMock.builder().externalAppId("cc-app")
            .userCredentials("cc-user", "cc-password").customerAppId("cc-customer-app")
            .customers(45).start();
        ShopApplicationMock shop = ShopApplicationMock.builder()
            .credentials("shop-client", "shop-secret").start();
        InTouchMock intouch = InTouchMock.builder().credentials("crm-user", "crm-password")
            .parties(45).start()) {
      Map<String, String> env = new HashMap<>();
      env.put("ITCARE_CLIENT_ID", "it-client");
      env.put("ITCARE_CLIENT_SECRET", "it-secret");
      env.put("CARECLOUD_APP_ID", "cc-app");
      env.put("CARECLOUD_LOGIN", "cc-user");
      env.put("CARECLOUD_PASSWORD", "cc-password");
      env.put("CARECLOUD_CUSTOMER_APP_ID", "cc-customer-app");
      env.put("CARECLOUD_CUSTOMER_EMAIL", carecloud.customerEmail());
      env.put("CARECLOUD_CUSTOMER_PASSWORD", carecloud.customerPassword());
      env.put("SHOPAPP_CLIENT_ID", "shop-client");
      env.put("SHOPAPP_CLIENT_SECRET", "shop-secret");
      env.put("INTOUCH_USER", "crm-user");
      env.put("INTOUCH_PASSWORD", "crm-password");
      String[] urls = {"--json", "--itcare-url", itcare.baseUrl(),
          "--itcare-token-url", itcare.tokenUrl(), "--carecloud-url", carecloud.baseUrl(),
          "--carecloud-zone", "Europe/Prague", "--shopapp-url", shop.baseUrl(),
          "--intouch-url", intouch.baseUrl()};

      // read-only unless --allow-writes: the dry run still goes, the writes do not
      Run readOnly = tour(env, urls);
      assertThat(readOnly.status).isEqualTo(DemoTour.OK);
      JsonObject summary = readOnly.json();
      assertThat(summary.keySet()).containsExactly("itcare", "carecloud", "shopapp", "intouch");
      JsonObject it = summary.getAsJsonObject("itcare");
      assertThat(it.get("instances").getAsInt()).isEqualTo(12);
      assertThat(it.get("writes").getAsBoolean()).isFalse();
      assertThat(it.get("dryRunEchoed").getAsBoolean()).isTrue();
      assertThat(it.has("action")).isFalse();
      assertThat(itcare.actions()).isEmpty();
      assertThat(summary.getAsJsonObject("carecloud").has("createdCustomerId")).isFalse();
      assertThat(summary.getAsJsonObject("carecloud").get("customerInterfaceCustomerId")
          .getAsString()).isEqualTo(carecloud.johnSmithId());
      assertThat(carecloud.customers()).hasSize(45);
      assertThat(summary.getAsJsonObject("intouch").has("createdPartyId")).isFalse();
      assertThat(intouch.parties()).hasSize(45);
      assertThat(readOnly.err).contains("skipped: read-only run (pass --allow-writes)");

      List<String> withWrites = new ArrayList<>(List.of(urls));
      withWrites.add("--allow-writes");
      Run writes = tour(env, withWrites.toArray(String[]::new));
      assertThat(writes.status).isEqualTo(DemoTour.OK);
      summary = writes.json();
      JsonObject action = summary.getAsJsonObject("itcare").getAsJsonObject("action");
      assertThat(action.get("status").getAsString()).isEqualTo("SUCCESS");
      // this mock's k is 3
      assertThat(action.get("polls").getAsInt()).isEqualTo(3)
          .isEqualTo(itcare.pollsOf(action.get("id").getAsLong()));
      assertThat(summary.getAsJsonObject("carecloud").get("customers").getAsInt()).isEqualTo(45);
      assertThat(summary.getAsJsonObject("carecloud").get("createdCustomerId").getAsString())
          .isNotBlank();
      assertThat(summary.getAsJsonObject("intouch").get("parties").getAsInt()).isEqualTo(45);
      assertThat(summary.getAsJsonObject("intouch").get("createdPartyId").getAsLong())
          .isEqualTo(46);
      assertThat(writes.out + writes.err).doesNotContain("it-secret", "cc-password",
          "shop-secret", "crm-password");
    }
  }

  @Test
  void withAUrlOptionOnlyThatApiRunsAndAMissingVariableIsNamed() {
    Run run = tour(Map.of("INTOUCH_USER", "demo"), "--json",
        "--intouch-url", mocks.inTouch().baseUrl());

    assertThat(run.status).isEqualTo(DemoTour.USAGE);
    assertThat(run.out).isEmpty();
    assertThat(run.err).contains("missing environment variable INTOUCH_PASSWORD");
    assertThat(mocks.inTouch().server().findAll(anyRequestedFor(anyUrl()))).isEmpty();

    Run blank = tour(Map.of("INTOUCH_USER", " ", "INTOUCH_PASSWORD", "demo-password"),
        "--intouch-url", mocks.inTouch().baseUrl());
    assertThat(blank.status).isEqualTo(DemoTour.USAGE);
    assertThat(blank.err).contains("missing environment variable INTOUCH_USER");

    Run ok = tour(Map.of("INTOUCH_USER", "demo", "INTOUCH_PASSWORD", "demo-password"),
        "--json", "--intouch-url", mocks.inTouch().baseUrl());
    assertThat(ok.status).isEqualTo(DemoTour.OK);
    assertThat(ok.json().keySet()).containsExactly("intouch");
  }

  @Test
  void anApiWithoutItsProjectUrlIsAUsageError() {
    Run run = tour(Map.of(), "--only", "carecloud", "--itcare-url", mocks.itcare().baseUrl());

    assertThat(run.status).isEqualTo(DemoTour.USAGE);
    assertThat(run.err).contains("carecloud against a real server needs --carecloud-url");
  }

  // ------------------------------------------------------------------ helpers

  /** The outcome of one in-process run. */
  private record Run(int status, String out, String err) {
    JsonObject json() {
      // parseString rejects anything after the object: stdout must hold the JSON only
      return JsonParser.parseString(out).getAsJsonObject();
    }

    List<String> errLines() {
      return err.lines().toList();
    }
  }

  private static Run tour(Map<String, String> env, String... args) {
    return tour(mocks, env, args);
  }

  /** Runs the tour on the given mocks (null: the tour starts its own). */
  private static Run tour(MockServers given, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    DemoTour.Builder builder = DemoTour.builder()
        .out(new PrintStream(out, true, StandardCharsets.UTF_8))
        .err(new PrintStream(err, true, StandardCharsets.UTF_8))
        .env(env);
    if (given != null) {
      builder.mocks(given);
    }
    int status = builder.build().run(args);
    return new Run(status, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  private static List<String> queryValues(MockServer<?> mock, String path, String parameter) {
    return mock.server().findAll(getRequestedFor(urlPathEqualTo(path))).stream()
        .map(LoggedRequest.class::cast)
        .map(r -> r.queryParameter(parameter).isPresent()
            ? r.queryParameter(parameter).firstValue() : "(none)")
        .toList();
  }

  private static int pages(int items, int pageSize) {
    return Math.max(1, (items + pageSize - 1) / pageSize);
  }

  private static List<MockServer<?>> all(MockServers servers) {
    return List.of(servers.itcare(), servers.careCloud(), servers.shopApplication(),
        servers.inTouch());
  }
}
