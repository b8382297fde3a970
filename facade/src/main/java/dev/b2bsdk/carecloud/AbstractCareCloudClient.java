package dev.b2bsdk.carecloud;

import dev.b2bsdk.core.client.ServiceClient;
import dev.b2bsdk.core.http.ClientRuntime;
import dev.b2bsdk.core.paging.OffsetPaging;
import dev.b2bsdk.core.paging.PagedIterable;
import dev.b2bsdk.generated.carecloud.api.CardTypesApi;
import dev.b2bsdk.generated.carecloud.api.CardsApi;
import dev.b2bsdk.generated.carecloud.api.CountriesApi;
import dev.b2bsdk.generated.carecloud.api.CurrenciesApi;
import dev.b2bsdk.generated.carecloud.api.CustomerSourcesApi;
import dev.b2bsdk.generated.carecloud.api.CustomerTypesApi;
import dev.b2bsdk.generated.carecloud.api.CustomersApi;
import dev.b2bsdk.generated.carecloud.api.LanguagesApi;
import dev.b2bsdk.generated.carecloud.api.RewardsApi;
import dev.b2bsdk.generated.carecloud.api.SegmentsApi;
import dev.b2bsdk.generated.carecloud.api.StatusesApi;
import dev.b2bsdk.generated.carecloud.api.StoresApi;
import dev.b2bsdk.generated.carecloud.api.TestsApi;
import dev.b2bsdk.generated.carecloud.api.VouchersApi;
import dev.b2bsdk.generated.carecloud.model.Card;
import dev.b2bsdk.generated.carecloud.model.CardType;
import dev.b2bsdk.generated.carecloud.model.Country;
import dev.b2bsdk.generated.carecloud.model.Currency;
import dev.b2bsdk.generated.carecloud.model.Customer;
import dev.b2bsdk.generated.carecloud.model.CustomerSource;
import dev.b2bsdk.generated.carecloud.model.CustomerType;
import dev.b2bsdk.generated.carecloud.model.Language;
import dev.b2bsdk.generated.carecloud.model.LanguageList;
import dev.b2bsdk.generated.carecloud.model.LanguageListResponse;
import dev.b2bsdk.generated.carecloud.model.Reward;
import dev.b2bsdk.generated.carecloud.model.Segment;
import dev.b2bsdk.generated.carecloud.model.SegmentGroup;
import dev.b2bsdk.generated.carecloud.model.SegmentRecord;
import dev.b2bsdk.generated.carecloud.model.SegmentRecordList;
import dev.b2bsdk.generated.carecloud.model.SegmentRecordListResponse;
import dev.b2bsdk.generated.carecloud.model.Status;
import dev.b2bsdk.generated.carecloud.model.StatusRecord;
import dev.b2bsdk.generated.carecloud.model.Store;
import dev.b2bsdk.generated.carecloud.model.Voucher;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import retrofit2.Call;

/**
 * Everything the enterprise and the customer client share, written once: the generated API
 * interfaces both interfaces serve, a lazy
 * {@code list…} per paged operation, the non-paged lists, and the project-time helpers.
 * Package-private: users see these methods on {@link CareCloudEnterpriseClient} and
 * {@link CareCloudCustomerClient}.
 */
abstract class AbstractCareCloudClient extends ServiceClient {

  final ZoneId zone;
  final String acceptLanguage;

  private final CardTypesApi cardTypesApi;
  private final CardsApi cardsApi;
  private final CountriesApi countriesApi;
  private final CurrenciesApi currenciesApi;
  private final CustomerSourcesApi customerSourcesApi;
  private final CustomerTypesApi customerTypesApi;
  private final CustomersApi customersApi;
  private final LanguagesApi languagesApi;
  private final RewardsApi rewardsApi;
  private final SegmentsApi segmentsApi;
  private final StatusesApi statusesApi;
  private final StoresApi storesApi;
  private final TestsApi testsApi;
  private final VouchersApi vouchersApi;

  /** @param runtime the authenticated runtime (or a view of it) */
  AbstractCareCloudClient(ClientRuntime runtime, ZoneId zone, String acceptLanguage) {
    super(runtime);
    this.zone = zone;
    this.acceptLanguage = acceptLanguage;
    this.cardTypesApi = runtime.create(CardTypesApi.class);
    this.cardsApi = runtime.create(CardsApi.class);
    this.countriesApi = runtime.create(CountriesApi.class);
    this.currenciesApi = runtime.create(CurrenciesApi.class);
    this.customerSourcesApi = runtime.create(CustomerSourcesApi.class);
    this.customerTypesApi = runtime.create(CustomerTypesApi.class);
    this.customersApi = runtime.create(CustomersApi.class);
    this.languagesApi = runtime.create(LanguagesApi.class);
    this.rewardsApi = runtime.create(RewardsApi.class);
    this.segmentsApi = runtime.create(SegmentsApi.class);
    this.statusesApi = runtime.create(StatusesApi.class);
    this.storesApi = runtime.create(StoresApi.class);
    this.testsApi = runtime.create(TestsApi.class);
    this.vouchersApi = runtime.create(VouchersApi.class);
  }

  // ------------------------------------------------------------------ generated APIs

  /** Card types ({@code /card-types}). */
  public CardTypesApi cardTypesApi() {
    return cardTypesApi;
  }

  /** Cards ({@code /cards}); {@code createCard} is enterprise only. */
  public CardsApi cardsApi() {
    return cardsApi;
  }

  /** Countries ({@code /countries}). */
  public CountriesApi countriesApi() {
    return countriesApi;
  }

  /** Currencies ({@code /currencies}). */
  public CurrenciesApi currenciesApi() {
    return currenciesApi;
  }

  /** Customer sources ({@code /customer-sources}). */
  public CustomerSourcesApi customerSourcesApi() {
    return customerSourcesApi;
  }

  /** Customer types ({@code /customer-types}). */
  public CustomerTypesApi customerTypesApi() {
    return customerTypesApi;
  }

  /** Customers and their sub-lists ({@code /customers}); {@code searchCustomers} is enterprise only. */
  public CustomersApi customersApi() {
    return customersApi;
  }

  /** Languages ({@code /languages}). */
  public LanguagesApi languagesApi() {
    return languagesApi;
  }

  /** Rewards ({@code /rewards}). */
  public RewardsApi rewardsApi() {
    return rewardsApi;
  }

  /** Segments and segment groups; {@code createSegment} is enterprise only. */
  public SegmentsApi segmentsApi() {
    return segmentsApi;
  }

  /** Loyalty statuses ({@code /statuses}). */
  public StatusesApi statusesApi() {
    return statusesApi;
  }

  /** Stores ({@code /stores}). */
  public StoresApi storesApi() {
    return storesApi;
  }

  /** The connection test ({@code /tests/connection}). */
  public TestsApi testsApi() {
    return testsApi;
  }

  /** Vouchers ({@code /vouchers}); update, delete and apply are enterprise only. */
  public VouchersApi vouchersApi() {
    return vouchersApi;
  }

  // ------------------------------------------------------------------ paged lists

  /** All customers (enterprise) or the logged-in customer (customer interface), lazily paged. */
  public PagedIterable<Customer> listCustomers() {
    return listCustomers(CustomerQuery.all());
  }

  /** Customers matching {@code query}, lazily paged; the filters are sent with every page. */
  public PagedIterable<Customer> listCustomers(CustomerQuery query) {
    CustomerQuery q = Objects.requireNonNull(query, "query");
    return pages(CareCloudPages.CUSTOMERS, q.sort(), (count, offset, field, direction) ->
        customersApi.listCustomers(count, offset, field, direction, q.email(), q.phone(),
            q.customerSourceId(), q.firstName(), q.lastName(), q.birthdate(), q.emailList(),
            q.customerIds(), null));
  }

  /** The cards of one customer, lazily paged. */
  public PagedIterable<Card> listCustomerCards(String customerId) {
    return listCustomerCards(customerId, null);
  }

  /** The cards of one customer in the given order (null: the server's), lazily paged. */
  public PagedIterable<Card> listCustomerCards(String customerId, Sort sort) {
    String id = requireId(customerId, "customerId");
    return pages(CareCloudPages.CARDS, sort, (count, offset, field, direction) ->
        customersApi.listCustomerCards(id, count, offset, field, direction, null));
  }

  /** The vouchers of one customer, lazily paged. */
  public PagedIterable<Voucher> listCustomerVouchers(String customerId) {
    return listCustomerVouchers(customerId, null);
  }

  /** The vouchers of one customer in the given order (null: the server's), lazily paged. */
  public PagedIterable<Voucher> listCustomerVouchers(String customerId, Sort sort) {
    String id = requireId(customerId, "customerId");
    return pages(CareCloudPages.VOUCHERS, sort, (count, offset, field, direction) ->
        customersApi.listCustomerVouchers(id, count, offset, field, direction, null));
  }

  /** The rewards available to one customer, lazily paged. */
  public PagedIterable<Reward> listCustomerRewards(String customerId) {
    return listCustomerRewards(customerId, null);
  }

  /** The rewards available to one customer in the given order (null: the server's), lazily paged. */
  public PagedIterable<Reward> listCustomerRewards(String customerId, Sort sort) {
    String id = requireId(customerId, "customerId");
    return pages(CareCloudPages.REWARDS, sort, (count, offset, field, direction) ->
        customersApi.listCustomerRewards(id, count, offset, field, direction, null));
  }

  /** The loyalty status history of one customer, lazily paged. */
  public PagedIterable<StatusRecord> listCustomerStatusRecords(String customerId) {
    return listCustomerStatusRecords(customerId, null);
  }

  /** The loyalty status history of one customer in the given order, lazily paged. */
  public PagedIterable<StatusRecord> listCustomerStatusRecords(String customerId, Sort sort) {
    String id = requireId(customerId, "customerId");
    return pages(CareCloudPages.STATUS_RECORDS, sort, (count, offset, field, direction) ->
        customersApi.listCustomerStatusRecords(id, count, offset, field, direction, null));
  }

  /** All cards, lazily paged. */
  public PagedIterable<Card> listCards() {
    return listCards(CardQuery.all());
  }

  /** Cards matching {@code query}, lazily paged; the filters are sent with every page. */
  public PagedIterable<Card> listCards(CardQuery query) {
    CardQuery q = Objects.requireNonNull(query, "query");
    return pages(CareCloudPages.CARDS, q.sort(), (count, offset, field, direction) ->
        cardsApi.listCards(count, offset, field, direction, q.customerId(), q.cardNumber(),
            q.cardTypeId(), q.state(), q.valid(), null));
  }

  /** All card types, lazily paged. */
  public PagedIterable<CardType> listCardTypes() {
    return listCardTypes(null);
  }

  /** All card types in the given order (null: the server's), lazily paged. */
  public PagedIterable<CardType> listCardTypes(Sort sort) {
    return pages(CareCloudPages.CARD_TYPES, sort, (count, offset, field, direction) ->
        cardTypesApi.listCardTypes(count, offset, field, direction, null));
  }

  /** All vouchers, lazily paged. */
  public PagedIterable<Voucher> listVouchers() {
    return listVouchers(VoucherQuery.all());
  }

  /** Vouchers matching {@code query}, lazily paged; the filters are sent with every page. */
  public PagedIterable<Voucher> listVouchers(VoucherQuery query) {
    VoucherQuery q = Objects.requireNonNull(query, "query");
    return pages(CareCloudPages.VOUCHERS, q.sort(), (count, offset, field, direction) ->
        vouchersApi.listVouchers(count, offset, field, direction, q.customerId(), q.code(),
            q.storeId(), q.valid(), q.applied(), q.rewardId(), null));
  }

  /** All rewards, lazily paged. */
  public PagedIterable<Reward> listRewards() {
    return listRewards(RewardQuery.all());
  }

  /** Rewards matching {@code query}, lazily paged; the filters are sent with every page. */
  public PagedIterable<Reward> listRewards(RewardQuery query) {
    RewardQuery q = Objects.requireNonNull(query, "query");
    return pages(CareCloudPages.REWARDS, q.sort(), (count, offset, field, direction) ->
        rewardsApi.listRewards(count, offset, field, direction, q.code(), q.rewardGroup(),
            q.automated(), null));
  }

  /** All segments, lazily paged. */
  public PagedIterable<Segment> listSegments() {
    return listSegments(SegmentQuery.all());
  }

  /** Segments matching {@code query}, lazily paged; the filters are sent with every page. */
  public PagedIterable<Segment> listSegments(SegmentQuery query) {
    SegmentQuery q = Objects.requireNonNull(query, "query");
    return pages(CareCloudPages.SEGMENTS, q.sort(), (count, offset, field, direction) ->
        segmentsApi.listSegments(count, offset, field, direction, q.segmentGroupIds(), null));
  }

  /** All segment groups, lazily paged. */
  public PagedIterable<SegmentGroup> listSegmentGroups() {
    return listSegmentGroups(null);
  }

  /** All segment groups in the given order (null: the server's), lazily paged. */
  public PagedIterable<SegmentGroup> listSegmentGroups(Sort sort) {
    return pages(CareCloudPages.SEGMENT_GROUPS, sort, (count, offset, field, direction) ->
        segmentsApi.listSegmentGroups(count, offset, field, direction, null));
  }

  /** All stores, lazily paged. */
  public PagedIterable<Store> listStores() {
    return listStores(null);
  }

  /** All stores in the given order (null: the server's), lazily paged. */
  public PagedIterable<Store> listStores(Sort sort) {
    return pages(CareCloudPages.STORES, sort, (count, offset, field, direction) ->
        storesApi.listStores(count, offset, field, direction, null));
  }

  /** All countries, lazily paged. */
  public PagedIterable<Country> listCountries() {
    return listCountries(null);
  }

  /** All countries in the given order (null: the server's), lazily paged. */
  public PagedIterable<Country> listCountries(Sort sort) {
    return pages(CareCloudPages.COUNTRIES, sort, (count, offset, field, direction) ->
        countriesApi.listCountries(count, offset, field, direction, null));
  }

  /** All currencies, lazily paged. */
  public PagedIterable<Currency> listCurrencies() {
    return listCurrencies(null);
  }

  /** All currencies in the given order (null: the server's), lazily paged. */
  public PagedIterable<Currency> listCurrencies(Sort sort) {
    return pages(CareCloudPages.CURRENCIES, sort, (count, offset, field, direction) ->
        currenciesApi.listCurrencies(count, offset, field, direction, null));
  }

  /** All customer sources, lazily paged. */
  public PagedIterable<CustomerSource> listCustomerSources() {
    return listCustomerSources(null);
  }

  /** All customer sources in the given order (null: the server's), lazily paged. */
  public PagedIterable<CustomerSource> listCustomerSources(Sort sort) {
    return pages(CareCloudPages.CUSTOMER_SOURCES, sort, (count, offset, field, direction) ->
        customerSourcesApi.listCustomerSources(count, offset, field, direction, null));
  }

  /** All customer types, lazily paged. */
  public PagedIterable<CustomerType> listCustomerTypes() {
    return listCustomerTypes(null);
  }

  /** All customer types in the given order (null: the server's), lazily paged. */
  public PagedIterable<CustomerType> listCustomerTypes(Sort sort) {
    return pages(CareCloudPages.CUSTOMER_TYPES, sort, (count, offset, field, direction) ->
        customerTypesApi.listCustomerTypes(count, offset, field, direction, null));
  }

  /** All loyalty statuses, lazily paged. */
  public PagedIterable<Status> listStatuses() {
    return listStatuses(null);
  }

  /** All loyalty statuses in the given order (null: the server's), lazily paged. */
  public PagedIterable<Status> listStatuses(Sort sort) {
    return pages(CareCloudPages.STATUSES, sort, (count, offset, field, direction) ->
        statusesApi.listStatuses(count, offset, field, direction, null));
  }

  // ------------------------------------------------------------------ non-paged lists

  /** All languages of the project (one request: the list is not paged). */
  public List<Language> listLanguages() {
    LanguageListResponse response = execute(languagesApi.listLanguages(null));
    return CareCloudPages.items(response, LanguageListResponse::getData,
        LanguageList::getLanguages);
  }

  /** The customers' records of one segment (one request: the list is not paged). */
  public List<SegmentRecord> listSegmentRecords(String segmentId) {
    SegmentRecordListResponse response = execute(
        segmentsApi.listSegmentRecords(requireId(segmentId, "segmentId"), null));
    return CareCloudPages.items(response, SegmentRecordListResponse::getData,
        SegmentRecordList::getSegmentRecords);
  }

  // ------------------------------------------------------------------ project time

  /** The project's time zone, in which CareCloud writes its offset-less date-times. */
  public ZoneId projectZone() {
    return zone;
  }

  /**
   * The instant a CareCloud date-time ({@code last_change}, {@code valid_to}, ...) stands for,
   * read in the project zone; null for null. In a daylight-saving overlap the earlier instant.
   */
  public Instant toInstant(LocalDateTime projectTime) {
    return projectTime == null ? null : projectTime.atZone(zone).toInstant();
  }

  /** {@code instant} as a CareCloud date-time (project local time) for a request; null for null. */
  public LocalDateTime toLocalDateTime(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, zone);
  }

  /** The {@code Accept-Language} sent with every call that sets none, if configured. */
  public Optional<String> acceptLanguage() {
    return Optional.ofNullable(acceptLanguage);
  }

  /** The interface's base URL, e.g. {@code https://<project>/webservice/rest-api/enterprise-interface/v1.0/}. */
  public String baseUrl() {
    return runtime.baseUrl().toString();
  }

  /** Releases the client; see the subclass. */
  @Override
  public abstract void close();

  // ------------------------------------------------------------------ helpers

  /** One page of a list: the generated method with the caller's filters bound. */
  @FunctionalInterface
  interface PageCall<E> {
    Call<E> page(Integer count, Integer offset, String sortField, String sortDirection);
  }

  /** The one generic paged list: the sort is bound once and sent with every page. */
  private <E, T> PagedIterable<T> pages(OffsetPaging<E, T> adapter, Sort sort, PageCall<E> call) {
    String field = Sort.field(sort);
    String direction = Sort.direction(sort);
    return PagedIterable.of(request -> execute(call.page(request.size(),
        Math.toIntExact(request.offset()), field, direction)), adapter);
  }

  static String requireId(String id, String name) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return id;
  }
}
