package dev.b2bsdk.bench;

import com.google.gson.Gson;
import dev.b2bsdk.carecloud.CareCloudEnterpriseClient;
import dev.b2bsdk.internal.ClientRuntime;
import dev.b2bsdk.core.paging.PagedIterable;
import dev.b2bsdk.generated.carecloud.api.CustomersApi;
import dev.b2bsdk.generated.carecloud.invoker.JSON;
import dev.b2bsdk.generated.carecloud.model.Customer;
import dev.b2bsdk.generated.carecloud.model.GetCustomersResponse;
import dev.b2bsdk.generated.carecloud.model.GetCustomerResponse;
import java.io.Closeable;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One loopback CareCloud server (enterprise interface) and the three ways of calling it that the
 * benchmarks compare:
 * <ul>
 *   <li><b>facade</b>: the SDK's {@link CareCloudEnterpriseClient} as a user builds it, called
 *       through its typed layer ({@code customers().get(id)}, {@code customers().list()}; it logs
 *       in once at the first call, then every call goes through its whole chain: user agent,
 *       retry policy, the bearer token from its token cache, FRESH, CareCloud's auth rules,
 *       error mapping, the generated Retrofit interface and Gson models with snippet capture);
 *       </li>
 *   <li><b>raw</b>: what a careful hand-written call does: OkHttp with the same timeouts, the
 *       URL built per call, the bearer header, a status check, and the same generated Gson and
 *       model classes (so that only the SDK's machinery differs, not the model);</li>
 *   <li><b>stock</b>: the generator's own retrofit2 {@code ApiClient} (default supporting
 *       files, its {@code HttpBearerAuth}, OkHttp defaults: no call timeout) on the same
 *       operation. Its models keep {@code format: local-date-time} values ({@code last_change})
 *       as strings, as the stock generator has no mapping for that format: per customer it parses
 *       one date fewer than the other two sides (and it cannot read a 3-digit year such as the
 *       vendor's own example {@code 985-02-12}, so the fixtures use 4-digit years).</li>
 * </ul>
 * The server answers 401 to a request without the expected bearer token, so every side must
 * really authenticate.
 */
final class CareCloudFixture implements Closeable {

  static final String TOKEN = "bench-7f3a9c1e5b2d4f60a8e1c3b5d7f9a2c4";
  private static final String BEARER = "Bearer " + TOKEN;
  static final int PAGE_SIZE = 100;
  static final ZoneId PROJECT_ZONE = ZoneId.of("Europe/Prague");
  /** What the client is given; it appends {@code enterprise-interface/v1.0/}. */
  private static final String PROJECT_PATH = "webservice/rest-api";
  private static final String INTERFACE_PATH = PROJECT_PATH + "/enterprise-interface/v1.0/";

  final LoopbackServer server;
  /** The enterprise interface's base URL, as the facade resolves it. */
  final HttpUrl baseUrl;
  final Gson gson = JSON.createGson().create();

  final CareCloudEnterpriseClient facade;
  /**
   * One page at a given offset through the facade's runtime (its OkHttp chain, converters and
   * error mapping; a static bearer instead of the token cache): the typed layer has no call for
   * one page at an offset ({@code customers().list()} only walks from the first page), and the
   * client no longer hands out its generated interfaces.
   */
  final ClientRuntime pageRuntime;
  final CustomersApi facadeCustomers;
  final OkHttpClient raw;
  final dev.b2bsdk.bench.stock.carecloud.api.CustomersApi stockCustomers;

  private final Map<Integer, LoopbackServer.Reply> pages;
  private final LoopbackServer.Reply defaultPage;
  private final String[] pageBodies;

  /**
   * @param pagesServed distinct pages the server holds (offsets 0, 100, ...); any other offset
   *     gets the first page's items
   * @param totalItems the {@code total_items} every page reports
   */
  CareCloudFixture(int pagesServed, long totalItems) throws IOException {
    LoopbackServer.Reply one = LoopbackServer.Reply.json(200, Fixtures.customerResponse());
    LoopbackServer.Reply unauthorized = LoopbackServer.Reply.json(401,
        "{\"error\":{\"type\":\"error\",\"exception\":\"unauthorized_exception\",\"title\":\"Unauthorized\"}}");
    LoopbackServer.Reply notFound = LoopbackServer.Reply.empty(404);
    pages = new HashMap<>();
    pageBodies = new String[pagesServed];
    for (int p = 0; p < pagesServed; p++) {
      pageBodies[p] = Fixtures.customerPage(p * PAGE_SIZE, PAGE_SIZE, totalItems);
      pages.put(p * PAGE_SIZE, LoopbackServer.Reply.json(200, pageBodies[p]));
    }
    defaultPage = pages.get(0);
    String prefix = "/" + INTERFACE_PATH;
    String customerPath = prefix + "customers/" + Fixtures.CUSTOMER_ID;
    String customersPath = prefix + "customers";
    String loginPath = prefix + "users/actions/login";
    String logoutPath = prefix + "users/actions/logout";
    // valid_to in project local time, 7 h ahead (the vendor's default lifetime): stays FRESH
    LoopbackServer.Reply login = LoopbackServer.Reply.json(200, "{\"data\":{\"bearer_token\":\""
        + TOKEN + "\",\"valid_to\":\"" + LocalDateTime.now(PROJECT_ZONE).plusHours(7)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
        + "\",\"user\":{\"user_id\":\"86e05affc7a7abefcd513ab400\",\"login\":\"bench\","
        + "\"first_name\":\"Bench\",\"last_name\":\"Mark\",\"email\":\"[email protected]\"}}}");
    LoopbackServer.Reply loggedOut = LoopbackServer.Reply.empty(204);
    server = LoopbackServer.start(request -> {
      if (request.method.equals("POST") && request.path.equals(loginPath)) {
        return login;
      }
      if (!BEARER.equals(request.authorization)) {
        return unauthorized;
      }
      if (request.path.equals(customerPath)) {
        return one;
      }
      if (request.path.equals(logoutPath)) {
        return loggedOut;
      }
      if (request.path.equals(customersPath)) {
        String offset = request.queryParameter("offset");
        LoopbackServer.Reply page = offset == null ? null : pages.get(Integer.parseInt(offset));
        return page != null ? page : defaultPage;
      }
      return notFound;
    });
    baseUrl = HttpUrl.get(server.url(INTERFACE_PATH));

    // the facade as a user builds it: defaults for everything but the credentials
    facade = CareCloudEnterpriseClient.builder()
        .baseUrl(server.url(PROJECT_PATH))
        .externalApplicationId("82de12eb8b138791e678fd11c3")
        .login("bench")
        .password("not-a-secret")
        .projectZone(PROJECT_ZONE)
        .build();
    pageRuntime = ClientRuntime.builder("CareCloud")
        .baseUrl(baseUrl.toString())
        .gson(gson)
        .authentication(chain -> chain.proceed(chain.request().newBuilder()
            .header("Authorization", BEARER).build()))
        .build();
    facadeCustomers = pageRuntime.create(CustomersApi.class);

    raw = new OkHttpClient.Builder()
        .connectTimeout(10, TimeUnit.SECONDS)
        .readTimeout(30, TimeUnit.SECONDS)
        .writeTimeout(30, TimeUnit.SECONDS)
        .callTimeout(60, TimeUnit.SECONDS)
        .build();

    dev.b2bsdk.bench.stock.carecloud.invoker.ApiClient stock =
        new dev.b2bsdk.bench.stock.carecloud.invoker.ApiClient("bearerAuth");
    stock.setBearerToken(TOKEN);
    stock.getAdapterBuilder().baseUrl(baseUrl);
    stockCustomers = stock.createService(dev.b2bsdk.bench.stock.carecloud.api.CustomersApi.class);
  }

  // ------------------------------------------------------------------ small GET

  Customer facadeGetCustomer() {
    return facade.customers().get(Fixtures.CUSTOMER_ID);
  }

  Customer rawGetCustomer() throws IOException {
    HttpUrl url = baseUrl.newBuilder().addPathSegment("customers")
        .addPathSegment(Fixtures.CUSTOMER_ID).build();
    return rawGet(url, GetCustomerResponse.class).getData();
  }

  dev.b2bsdk.bench.stock.carecloud.model.Customer stockGetCustomer() throws IOException {
    retrofit2.Response<dev.b2bsdk.bench.stock.carecloud.model.GetCustomerResponse> r =
        stockCustomers.getCustomer(Fixtures.CUSTOMER_ID, null, null).execute();
    if (!r.isSuccessful()) {
      throw new IOException("HTTP " + r.code());
    }
    return r.body().getData();
  }

  // ------------------------------------------------------------------ one page of customers

  GetCustomersResponse facadeListCustomers(int count, int offset) {
    return pageRuntime.execute(facadeCustomers.getCustomers(null, count, offset,
        null, null, null, null, null, null, null, null, null, null, null));
  }

  GetCustomersResponse rawListCustomers(int count, int offset) throws IOException {
    HttpUrl url = baseUrl.newBuilder().addPathSegment("customers")
        .addQueryParameter("count", Integer.toString(count))
        .addQueryParameter("offset", Integer.toString(offset))
        .build();
    return rawGet(url, GetCustomersResponse.class);
  }

  dev.b2bsdk.bench.stock.carecloud.model.GetCustomersResponse stockListCustomers(int count,
      int offset) throws IOException {
    retrofit2.Response<dev.b2bsdk.bench.stock.carecloud.model.GetCustomersResponse> r =
        stockCustomers.getCustomers(null, count, offset,
            null, null, null, null, null, null, null, null, null, null, null).execute();
    if (!r.isSuccessful()) {
      throw new IOException("HTTP " + r.code());
    }
    return r.body();
  }

  /** The client's paged list of all customers, {@value #PAGE_SIZE} items a page. */
  PagedIterable<Customer> facadeCustomerPages() {
    return facade.customers().list().withPageSize(PAGE_SIZE);
  }

  /** The raw JSON of page {@code index} (for in-memory paging). */
  String pageBody(int index) {
    return pageBodies[index];
  }

  private <T> T rawGet(HttpUrl url, Class<T> type) throws IOException {
    Request request = new Request.Builder().url(url).header("Authorization", BEARER).build();
    try (Response response = raw.newCall(request).execute()) {
      ResponseBody body = response.body();
      if (!response.isSuccessful() || body == null) {
        throw new IOException("HTTP " + response.code() + " from " + url);
      }
      return gson.fromJson(body.charStream(), type);
    }
  }

  /** Fails unless all three sides read the same customer and a full page. */
  void verify() throws IOException {
    Customer f = facadeGetCustomer();
    Customer r = rawGetCustomer();
    dev.b2bsdk.bench.stock.carecloud.model.Customer s = stockGetCustomer();
    check(Fixtures.CUSTOMER_ID.equals(f.getCustomerId()) && f.equals(r)
        && Fixtures.CUSTOMER_ID.equals(s.getCustomerId())
        && f.getLastChange() != null && f.getPersonalInformation().getBirthdate() != null,
        "the three sides disagree on the customer");
    List<Customer> fp = facadeListCustomers(PAGE_SIZE, 0).getData().getCustomers();
    List<Customer> rp = rawListCustomers(PAGE_SIZE, 0).getData().getCustomers();
    int sp = stockListCustomers(PAGE_SIZE, 0).getData().getCustomers().size();
    check(fp.size() == PAGE_SIZE && fp.equals(rp) && sp == PAGE_SIZE,
        "the three sides disagree on the page");
  }

  static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(what);
    }
  }

  @Override
  public void close() throws IOException {
    facade.close(); // logs out
    pageRuntime.close();
    raw.dispatcher().executorService().shutdown();
    raw.connectionPool().evictAll();
    server.close();
  }
}
