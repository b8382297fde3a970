package dev.b2bsdk.carecloud;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.b2bsdk.carecloud.CareCloudMock.ENTERPRISE;
import static dev.b2bsdk.carecloud.CareCloudMock.list;
import static dev.b2bsdk.carecloud.CareCloudMock.loginOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.b2bsdk.core.paging.PagedIterable;
import dev.b2bsdk.core.paging.Sort;
import dev.b2bsdk.generated.carecloud.model.Card;
import dev.b2bsdk.generated.carecloud.model.Customer;
import dev.b2bsdk.generated.carecloud.model.Language;
import dev.b2bsdk.generated.carecloud.model.SegmentRecord;
import dev.b2bsdk.generated.carecloud.model.Voucher;
import java.time.Duration;
import java.time.ZoneId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code count}/{@code offset} paging of every CareCloud list, against WireMock. */
class CareCloudPagingTest {

  private static final String LANGUAGE = "cs, en-gb;q=0.8";

  private CareCloudMock mock;
  private CareCloudEnterpriseClient client;

  @BeforeEach
  void start() {
    mock = new CareCloudMock();
    mock.stubLogins(loginOk("tok-A", mock.clock.instant().plus(Duration.ofHours(7)),
        ZoneId.of("Europe/Prague")));
    client = mock.enterprise().acceptLanguage(LANGUAGE).build();
  }

  @AfterEach
  void stop() {
    client.close();
    mock.close();
  }

  private void stubPage(String path, int offset, String body) {
    mock.wm.stubFor(get(urlPathEqualTo(ENTERPRISE + path))
        .withQueryParam("offset", equalTo(String.valueOf(offset)))
        .willReturn(okJson(body)));
  }

  private static List<String> ids(String prefix, int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> prefix + i).collect(Collectors.toList());
  }

  private List<LoggedRequest> pages(String path) {
    return mock.gets(ENTERPRISE + path);
  }

  private static List<String> offsets(List<LoggedRequest> requests) {
    List<String> out = new ArrayList<>();
    for (LoggedRequest r : requests) {
      out.add(r.queryParameter("offset").firstValue());
    }
    return out;
  }

  @Test
  void walksSeveralPagesSendingFiltersSortAndLanguageWithEveryPage() {
    for (int offset = 0; offset < 5; offset += 2) {
      stubPage("customers", offset,
          list("customers", "customer_id", ids("c", offset, Math.min(offset + 2, 5)), 5));
    }
    CustomersOperations.ListParams params = CustomersOperations.ListParams.builder()
        .email("john@example.com").phone("420123456789").customerSourceId("src-1")
        .firstName("John").lastName("Smith").birthdate("1985-02-12")
        .emailList(List.of("a@example.com", "b@example.com")).customerIds(List.of("x1", "x2"))
        .sort(Sort.desc("last_change"))
        .build();

    List<String> got = client.customers().list(params).withPageSize(2).stream()
        .map(Customer::getCustomerId).collect(Collectors.toList());

    assertThat(got).containsExactly("c0", "c1", "c2", "c3", "c4");
    List<LoggedRequest> requests = pages("customers");
    assertThat(offsets(requests)).containsExactly("0", "2", "4");
    for (LoggedRequest r : requests) {
      assertThat(r.queryParameter("count").firstValue()).isEqualTo("2");
      assertThat(r.queryParameter("email").firstValue()).isEqualTo("john@example.com");
      assertThat(r.queryParameter("phone").firstValue()).isEqualTo("420123456789");
      assertThat(r.queryParameter("customer_source_id").firstValue()).isEqualTo("src-1");
      assertThat(r.queryParameter("first_name").firstValue()).isEqualTo("John");
      assertThat(r.queryParameter("last_name").firstValue()).isEqualTo("Smith");
      assertThat(r.queryParameter("birthdate").firstValue()).isEqualTo("1985-02-12");
      assertThat(r.queryParameter("email_list[]").values())
          .containsExactly("a@example.com", "b@example.com");
      assertThat(r.queryParameter("customer_ids[]").values()).containsExactly("x1", "x2");
      assertThat(r.queryParameter("sort_field").firstValue()).isEqualTo("last_change");
      assertThat(r.queryParameter("sort_direction").firstValue()).isEqualTo("DESC");
      assertThat(r.getHeader("Accept-Language")).isEqualTo(LANGUAGE);
      assertThat(r.getHeader("Authorization")).isEqualTo("Bearer tok-A");
    }
  }

  @Test
  void cardAndVoucherFiltersTravelWithEveryPage() {
    for (int offset = 0; offset < 3; offset += 2) {
      stubPage("cards", offset, list("cards", "card_id", ids("k", offset, Math.min(offset + 2, 3)), 3));
      stubPage("vouchers", offset,
          list("vouchers", "voucher_id", ids("v", offset, Math.min(offset + 2, 3)), 3));
    }
    List<Card> cards = toList(client.cards().list(CardsOperations.ListParams.builder()
        .customerId("c1").cardNumber("1000000000016").cardTypeId("t1").state(1).isValid(true)
        .sort(Sort.asc("card_number")).build()).withPageSize(2));
    List<Voucher> vouchers = toList(client.vouchers().list(VouchersOperations.ListParams.builder()
        .customerId("c1").code("SUMMER").storeId("s1").isValid(true).isApplied(false)
        .rewardId("r1").build()).withPageSize(2));

    assertThat(cards).extracting(Card::getCardId).containsExactly("k0", "k1", "k2");
    assertThat(vouchers).extracting(Voucher::getVoucherId).containsExactly("v0", "v1", "v2");
    for (LoggedRequest r : pages("cards")) {
      assertThat(r.getQueryParams().keySet()).contains("customer_id", "card_number",
          "card_type_id", "state", "is_valid", "sort_field", "sort_direction", "count", "offset");
      assertThat(r.queryParameter("state").firstValue()).isEqualTo("1");
      assertThat(r.queryParameter("is_valid").firstValue()).isEqualTo("true");
      assertThat(r.queryParameter("sort_field").firstValue()).isEqualTo("card_number");
      assertThat(r.queryParameter("sort_direction").firstValue()).isEqualTo("ASC");
      assertThat(r.getHeader("Accept-Language")).isEqualTo(LANGUAGE);
    }
    for (LoggedRequest r : pages("vouchers")) {
      assertThat(r.getQueryParams().keySet()).contains("customer_id", "code", "store_id",
          "is_valid", "is_applied", "reward_id", "count", "offset")
          .doesNotContain("sort_field", "sort_direction");
      assertThat(r.queryParameter("is_applied").firstValue()).isEqualTo("false");
      assertThat(r.getHeader("Accept-Language")).isEqualTo(LANGUAGE);
    }
    assertThat(offsets(pages("cards"))).containsExactly("0", "2");
    assertThat(offsets(pages("vouchers"))).containsExactly("0", "2");
  }

  @Test
  void rewardAndSegmentFiltersTravelWithEveryPage() {
    for (int offset = 0; offset < 3; offset += 2) {
      stubPage("rewards", offset, list("rewards", "reward_id", ids("r", offset, Math.min(offset + 2, 3)), 3));
      stubPage("segments", offset,
          list("segments", "segment_id", ids("g", offset, Math.min(offset + 2, 3)), 3));
    }
    assertThat(toList(client.rewards().list(RewardsOperations.ListParams.builder().code("R1")
        .rewardGroup(2).isAutomated(false).build()).withPageSize(2))).hasSize(3);
    assertThat(toList(client.segments().list(SegmentsOperations.ListParams.builder()
        .segmentGroupIds(List.of("sg1", "sg2")).build()).withPageSize(2))).hasSize(3);
    for (LoggedRequest r : pages("rewards")) {
      assertThat(r.queryParameter("code").firstValue()).isEqualTo("R1");
      assertThat(r.queryParameter("reward_group").firstValue()).isEqualTo("2");
      assertThat(r.queryParameter("is_automated").firstValue()).isEqualTo("false");
    }
    for (LoggedRequest r : pages("segments")) {
      assertThat(r.queryParameter("segment_group_ids[]").values()).containsExactly("sg1", "sg2");
    }
    assertThat(pages("rewards")).hasSize(2);
    assertThat(pages("segments")).hasSize(2);
  }

  @Test
  void aServerThatCapsThePageSizeIsFollowedByTheOffsetItReached() {
    for (int offset = 0; offset < 45; offset += 20) {
      stubPage("stores", offset,
          list("stores", "store_id", ids("s", offset, Math.min(offset + 20, 45)), 45));
    }
    assertThat(toList(client.stores().list().withPageSize(50))).hasSize(45);
    List<LoggedRequest> requests = pages("stores");
    assertThat(offsets(requests)).containsExactly("0", "20", "40");
    assertThat(requests).allSatisfy(r ->
        assertThat(r.queryParameter("count").firstValue()).isEqualTo("50"));
  }

  @Test
  void aRequestedPageSizeAboveTheMaximumIsClampedTo1000() {
    stubPage("countries", 0, list("countries", "country_id", List.of("cz", "sk"), 2));
    assertThat(toList(client.countries().list().withPageSize(5000))).hasSize(2);
    assertThat(pages("countries").get(0).queryParameter("count").firstValue()).isEqualTo("1000");
  }

  @Test
  void theDefaultPageSizeIs100() {
    stubPage("currencies", 0, list("currencies", "currency_id", List.of("czk"), 1));
    assertThat(toList(client.currencies().list())).hasSize(1);
    assertThat(pages("currencies").get(0).queryParameter("count").firstValue()).isEqualTo("100");
  }

  @Test
  void anEmptyMiddlePageIsSkipped() {
    stubPage("stores", 0, list("stores", "store_id", List.of("s0", "s1"), 6));
    stubPage("stores", 2, list("stores", "store_id", List.of(), 6));
    stubPage("stores", 4, list("stores", "store_id", List.of("s4", "s5"), 6));
    assertThat(toList(client.stores().list().withPageSize(2))).hasSize(4);
    assertThat(offsets(pages("stores"))).containsExactly("0", "2", "4");
  }

  /** A server ignoring {@code offset} repeats its first page: the walk still ends at the total. */
  @Test
  void aServerRepeatingTheSamePageStopsAtTheTotal() {
    mock.wm.stubFor(get(urlPathEqualTo(ENTERPRISE + "stores"))
        .willReturn(okJson(list("stores", "store_id", List.of("s0", "s1"), 5))));
    assertThat(toList(client.stores().list().withPageSize(2))).hasSize(6);
    assertThat(offsets(pages("stores"))).containsExactly("0", "2", "4");
  }

  @Test
  void withoutATotalAShortPageEndsTheWalk() {
    stubPage("stores", 0, list("stores", "store_id", List.of("s0", "s1"), null));
    stubPage("stores", 2, list("stores", "store_id", List.of("s2"), null));
    assertThat(toList(client.stores().list().withPageSize(2))).hasSize(3);
    assertThat(pages("stores")).hasSize(2);
  }

  @Test
  void aGrowingTotalIsFollowed() {
    stubPage("stores", 0, list("stores", "store_id", List.of("s0", "s1"), 4));
    stubPage("stores", 2, list("stores", "store_id", List.of("s2", "s3"), 5));
    stubPage("stores", 4, list("stores", "store_id", List.of("s4"), 5));
    assertThat(toList(client.stores().list().withPageSize(2))).hasSize(5);
  }

  @Test
  void earlyTerminationFetchesNoFurtherPage() {
    for (int offset = 0; offset < 100; offset += 10) {
      stubPage("stores", offset,
          list("stores", "store_id", ids("s", offset, offset + 10), 1000));
    }
    assertThat(client.stores().list().withPageSize(10).stream().limit(15).count()).isEqualTo(15);
    assertThat(offsets(pages("stores"))).containsExactly("0", "10");

    mock.wm.resetRequests();
    for (Object store : client.stores().list().withPageSize(10)) {
      assertThat(store).isNotNull();
      break;
    }
    assertThat(offsets(pages("stores"))).containsExactly("0");
  }

  @Test
  void nothingIsFetchedUntilTheFirstItemIsAskedFor() {
    PagedIterable<?> lazy = client.stores().list();
    assertThat(lazy).isNotNull();
    assertThat(mock.all()).isEmpty();
  }

  @Test
  void aFailedPageSurfacesTypedAndTheNextAttemptResendsIt() {
    stubPage("stores", 0, list("stores", "store_id", List.of("s0", "s1"), 4));
    mock.stubSequence(() -> get(urlPathEqualTo(ENTERPRISE + "stores"))
            .withQueryParam("offset", equalTo("2")),
        CareCloudMock.error(404, "not_found_exception", "gone"),
        okJson(list("stores", "store_id", List.of("s2", "s3"), 4)));
    var it = client.stores().list().withPageSize(2).iterator();
    it.next();
    it.next();
    assertThatThrownBy(it::hasNext)
        .isInstanceOf(dev.b2bsdk.core.error.NotFoundException.class);
    assertThat(it.hasNext()).isTrue();
    assertThat(it.next()).isNotNull();
  }

  /**
   * Every operation the generator made paged ({@code operations.tsv}) that the enterprise
   * interface serves, called through its typed method by reflection (a path parameter gets
   * {@code p1}); its envelope's list property is read from the generated response model.
   */
  static Stream<Arguments> everyPagedList() throws IOException {
    Set<String> enterprise = enterpriseOperations();
    List<Arguments> out = new ArrayList<>();
    for (String[] cols : pagedRows()) {
      if (!enterprise.contains(cols[0]) || !pathOnly(cols)) {
        continue; // ops whose list needs a body or a required filter: the contract suite's
      }
      String path = cols[5].replaceAll("\\{[^}]+}", "p1");
      int pathParams = (int) cols[5].chars().filter(ch -> ch == '{').count();
      out.add(op(cols[0], path, plural(cols[0], cols[1]), c -> {
        try {
          Object group = CareCloudOperations.class.getMethod(cols[1]).invoke(c);
          java.lang.reflect.Method list = java.util.Arrays.stream(group.getClass().getMethods())
              .filter(m -> m.getName().equals(cols[2]) && m.getParameterCount() == pathParams)
              .filter(m -> java.util.Arrays.stream(m.getParameterTypes())
                  .allMatch(t -> t == String.class))
              .findFirst().orElseThrow(() -> new AssertionError("no " + cols[2] + " method"));
          Object[] args = new Object[pathParams];
          java.util.Arrays.fill(args, "p1");
          return (PagedIterable<?>) list.invoke(group, args);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(cols[0], e);
        }
      }));
    }
    return out.stream();
  }

  /** Whether the typed list method takes only its path parameters. */
  private static boolean pathOnly(String[] cols) {
    int pathParams = (int) cols[5].chars().filter(ch -> ch == '{').count();
    try {
      Class<?> ops = CareCloudOperations.class.getMethod(cols[1]).getReturnType();
      return java.util.Arrays.stream(ops.getMethods()).anyMatch(m -> m.getName().equals(cols[2])
          && m.getParameterCount() == pathParams && java.util.Arrays.stream(m.getParameterTypes())
          .allMatch(t -> t == String.class));
    } catch (NoSuchMethodException e) {
      throw new AssertionError(cols[0], e);
    }
  }

  private static List<String[]> pagedRows() throws IOException {
    try (InputStream in = CareCloudOperations.class.getResourceAsStream("operations.tsv")) {
      assertThat(in).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(line -> line.split("\t")).filter(cols -> cols[3].equals("paged")).toList();
    }
  }

  /** The operationIds specs/carecloud.yaml serves without a token ({@code security: []}). */
  private static Set<String> noTokenOperations() throws IOException {
    Set<String> ids = new TreeSet<>();
    String current = null;
    for (String line : java.nio.file.Files.readAllLines(
        java.nio.file.Path.of("..", "specs", "carecloud.yaml"))) {
      String t = line.trim();
      if (t.startsWith("operationId: ")) {
        current = t.substring("operationId: ".length());
      } else if (t.equals("security: []") && current != null) {
        ids.add(current);
      }
    }
    return ids;
  }

  /** The operationIds whose {@code x-interfaces} in specs/carecloud.yaml name enterprise. */
  private static Set<String> enterpriseOperations() throws IOException {
    List<String> lines = java.nio.file.Files.readAllLines(
        java.nio.file.Path.of("..", "specs", "carecloud.yaml"));
    Set<String> ids = new TreeSet<>();
    String current = null;
    boolean inInterfaces = false;
    for (String line : lines) {
      String t = line.trim();
      if (t.startsWith("operationId: ")) {
        current = t.substring("operationId: ".length());
        inInterfaces = false;
      } else if (t.equals("x-interfaces:")) {
        inInterfaces = current != null;
      } else if (inInterfaces && t.startsWith("- ")) {
        if (t.equals("- enterprise")) {
          ids.add(current);
        }
      } else {
        inInterfaces = false;
      }
    }
    return ids;
  }

  /** The list property of the operation's {@code data} envelope, from the generated models. */
  private static String plural(String operationId, String group) {
    try {
      Class<?> ops = CareCloudOperations.class.getMethod(group).getReturnType();
      Class<?> api = ops.getDeclaredField("api").getType();
      java.lang.reflect.Method m = java.util.Arrays.stream(api.getMethods())
          .filter(x -> x.getName().equals(operationId)).findFirst().orElseThrow();
      Class<?> envelope = (Class<?>) ((java.lang.reflect.ParameterizedType) m.getGenericReturnType())
          .getActualTypeArguments()[0];
      Class<?> data = envelope.getDeclaredField("data").getType();
      for (java.lang.reflect.Field f : data.getDeclaredFields()) {
        if (List.class.isAssignableFrom(f.getType())) {
          return f.getAnnotation(com.google.gson.annotations.SerializedName.class).value();
        }
      }
      throw new AssertionError(operationId + ": no list in " + data.getSimpleName());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(operationId, e);
    }
  }

  private static Arguments op(String name, String path, String plural,
      Function<CareCloudEnterpriseClient, PagedIterable<?>> call) {
    return Arguments.of(name, path, plural, call);
  }

  /** The table is not empty and holds the paged lists this API is known to have. */
  @Test
  void theTableHoldsTheKnownPagedOperations() throws IOException {
    assertThat(everyPagedList().map(a -> (String) a.get()[0]))
        .contains("getCustomers", "getSubCustomerCards", "getSubCustomerVouchers", "getCards",
            "getCardTypes", "getVouchers", "getRewards", "getSegments", "getStores",
            "getCountries", "getCurrencies", "getPointReservations", "getPurchases");
  }

  /** Each paged operation reads its own envelope over two pages. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("everyPagedList")
  void everyPagedListWalksItsEnvelope(String name, String path, String plural,
      Function<CareCloudEnterpriseClient, PagedIterable<?>> call) throws IOException {
    boolean noToken = noTokenOperations().contains(name);
    stubPage(path, 0, list(plural, "id", List.of("a", "b"), 3));
    stubPage(path, 2, list(plural, "id", List.of("c"), 3));
    assertThat(toList(call.apply(client).withPageSize(2))).hasSize(3).doesNotContainNull();
    List<LoggedRequest> requests = pages(path);
    assertThat(offsets(requests)).containsExactly("0", "2");
    assertThat(requests).allSatisfy(r -> {
      assertThat(r.queryParameter("count").firstValue()).isEqualTo("2");
      if (noToken) {
        assertThat(r.containsHeader("Authorization")).isFalse();
      } else {
        assertThat(r.getHeader("Accept-Language")).isEqualTo(LANGUAGE);
      }
    });
  }

  @Test
  void languagesAndSegmentRecordsAreOneRequestLists() {
    mock.wm.stubFor(get(urlPathEqualTo(ENTERPRISE + "languages"))
        .willReturn(okJson(list("languages", "language_id", List.of("cs", "en", "de"), 3))));
    mock.wm.stubFor(get(urlPathEqualTo(ENTERPRISE + "segments/g1/segment-records"))
        .willReturn(okJson(list("segment_records", "customer_id", List.of("c1", "c2"), 2))));
    assertThat(client.languages().get()).extracting(Language::getLanguageId)
        .containsExactly("cs", "en", "de");
    assertThat(client.segments().getSubSegmentRecords("g1"))
        .extracting(SegmentRecord::getCustomerId).containsExactly("c1", "c2");
    LoggedRequest languages = pages("languages").get(0);
    assertThat(languages.getQueryParams()).isEmpty();
    // the vendor serves languages without a token (security: []): none is sent
    assertThat(languages.containsHeader("Authorization")).isFalse();
    assertThat(pages("segments/g1/segment-records")).hasSize(1);
    assertThat(pages("segments/g1/segment-records").get(0).getHeader("Accept-Language"))
        .isEqualTo(LANGUAGE);
  }

  @Test
  void anEmptyDataEnvelopeIsAnEmptyList() {
    stubPage("stores", 0, "{\"data\":null}");
    assertThat(toList(client.stores().list())).isEmpty();
    assertThat(pages("stores")).hasSize(1);
  }

  @Test
  void aBlankPathParameterFailsBeforeSendingNamingTheSpecParameter() {
    assertThatThrownBy(() -> client.customers().listSubCustomerCards(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("customer_id is required");
    assertThatThrownBy(() -> client.customers().listSubCustomerCards(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("customer_id is required");
    assertThat(mock.all()).isEmpty();
  }

  @Test
  void unsetParametersAreAbsentFromTheRequest() {
    stubPage("customers", 0, list("customers", "customer_id", List.of("c0"), 1));
    assertThat(toList(client.customers().list(CustomersOperations.ListParams.builder()
        .lastName("Smith").build()))).hasSize(1);
    assertThat(toList(client.customers().list(null))).hasSize(1);
    List<LoggedRequest> requests = pages("customers");
    assertThat(requests.get(0).getQueryParams().keySet())
        .containsExactlyInAnyOrder("count", "offset", "last_name");
    assertThat(requests.get(1).getQueryParams().keySet())
        .containsExactlyInAnyOrder("count", "offset");
  }

  private static <T> List<T> toList(PagedIterable<T> items) {
    List<T> out = new ArrayList<>();
    items.forEach(out::add);
    return out;
  }
}
