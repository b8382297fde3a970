package dev.b2bsdk.bench;

import dev.b2bsdk.internal.BearerAuthInterceptor;
import dev.b2bsdk.internal.ErrorBodyParser;
import dev.b2bsdk.internal.CallExecutor;
import dev.b2bsdk.internal.ErrorMapper;
import dev.b2bsdk.internal.RetryInterceptor;
import dev.b2bsdk.core.http.RetryOptions;
import dev.b2bsdk.internal.SnippetCapturingConverterFactory;
import dev.b2bsdk.generated.carecloud.api.CustomersApi;
import dev.b2bsdk.generated.carecloud.model.Customer;
import dev.b2bsdk.generated.carecloud.model.GetCustomerResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;
import retrofit2.converter.scalars.ScalarsConverterFactory;

/**
 * Where the facade's time goes on the small GET: the same call through seven stacks, each
 * adding one layer to the previous, interleaved like {@link HttpBenchmarks}. Not a target
 * metric: it explains {@code overheadRatioSmallGet} and {@code stockClientRatio}.
 * <ol start="0">
 *   <li>{@code rawNoCallTimeout}: OkHttp + Gson, no call timeout (OkHttp's default);</li>
 *   <li>{@code raw}: the same with the facade's 60 s call timeout (the raw side of the ratios);</li>
 *   <li>{@code retrofit}: + Retrofit and the generated interface, Gson converter, a static
 *       bearer header (what the stock client does);</li>
 *   <li>{@code snippet}: + the snippet-capturing converter, scalars converter and status
 *       recorder, ordered as {@code ClientRuntime} orders them;</li>
 *   <li>{@code retry}: + the retry interceptor with default options;</li>
 *   <li>{@code tokenAuth}: the static header replaced by the bearer interceptor over a token
 *       cache (FRESH), and execution through {@link CallExecutor} (error mapping);</li>
 *   <li>{@code facade}: the real {@code CareCloudEnterpriseClient} (adds the user agent and
 *       CareCloud's auth rules: default Accept-Language, token-in-path replay).</li>
 * </ol>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class LayersBenchmark {

  static final String[] LAYERS =
      {"rawNoCallTimeout", "raw", "retrofit", "snippet", "retry", "tokenAuth", "facade"};

  private CareCloudFixture fixture;
  private OkHttpClient rawNoCallTimeout;
  private CustomersApi retrofit;
  private CustomersApi snippet;
  private CustomersApi retry;
  private CustomersApi tokenAuth;
  private CallExecutor executor;

  /** Nanoseconds per layer in one iteration, and the invocations counted. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class LayerTimes {
    public long rawNoCallTimeoutNs;
    public long rawNs;
    public long retrofitNs;
    public long snippetNs;
    public long retryNs;
    public long tokenAuthNs;
    public long facadeNs;
    public long calls;
    int turn;

    @Setup(Level.Iteration)
    public void reset() {
      rawNoCallTimeoutNs = 0;
      rawNs = 0;
      retrofitNs = 0;
      snippetNs = 0;
      retryNs = 0;
      tokenAuthNs = 0;
      facadeNs = 0;
      calls = 0;
    }

    void add(int layer, long ns) {
      switch (layer) {
        case 0: rawNoCallTimeoutNs += ns; break;
        case 1: rawNs += ns; break;
        case 2: retrofitNs += ns; break;
        case 3: snippetNs += ns; break;
        case 4: retryNs += ns; break;
        case 5: tokenAuthNs += ns; break;
        default: facadeNs += ns; break;
      }
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    fixture = new CareCloudFixture(1, 1_000);
    fixture.verify();
    rawNoCallTimeout = fixture.raw.newBuilder().callTimeout(0, TimeUnit.SECONDS).build();
    Interceptor staticBearer = chain -> chain.proceed(chain.request().newBuilder()
        .header("Authorization", "Bearer " + CareCloudFixture.TOKEN).build());
    OkHttpClient base = fixture.raw.newBuilder().retryOnConnectionFailure(false).build();
    retrofit = new Retrofit.Builder().baseUrl(fixture.baseUrl)
        .client(base.newBuilder().addInterceptor(staticBearer).build())
        .addConverterFactory(GsonConverterFactory.create(fixture.gson))
        .build().create(CustomersApi.class);
    OkHttpClient recorded = base.newBuilder()
        .addInterceptor(SnippetCapturingConverterFactory.statusRecorder()).build();
    snippet = withSnippet(recorded.newBuilder().addInterceptor(staticBearer).build());
    OkHttpClient retrying = recorded.newBuilder()
        .addInterceptor(new RetryInterceptor(RetryOptions.defaults())).build();
    retry = withSnippet(retrying.newBuilder().addInterceptor(staticBearer).build());
    tokenAuth = withSnippet(retrying.newBuilder()
        .addInterceptor(new BearerAuthInterceptor(TokenBenchmark.freshCache())).build());
    executor = new CallExecutor(new ErrorMapper("CareCloud", ErrorBodyParser.none()));
    for (int layer = 0; layer < LAYERS.length; layer++) {
      CareCloudFixture.check(Fixtures.CUSTOMER_ID.equals(call(layer).getCustomerId()),
          "layer " + LAYERS[layer] + " read another customer");
    }
  }

  private CustomersApi withSnippet(OkHttpClient client) {
    return new Retrofit.Builder().baseUrl(fixture.baseUrl).client(client)
        .addConverterFactory(SnippetCapturingConverterFactory.create("CareCloud"))
        .addConverterFactory(ScalarsConverterFactory.create())
        .addConverterFactory(GsonConverterFactory.create(fixture.gson))
        .build().create(CustomersApi.class);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    fixture.close();
  }

  @Benchmark
  public void smallGet(LayerTimes t, Blackhole bh) throws IOException {
    int first = t.turn++ % LAYERS.length;
    for (int i = 0; i < LAYERS.length; i++) {
      int layer = (first + i) % LAYERS.length;
      long start = System.nanoTime();
      bh.consume(call(layer));
      t.add(layer, System.nanoTime() - start);
    }
    t.calls++;
  }

  private Customer call(int layer) throws IOException {
    switch (layer) {
      case 0: {
        okhttp3.Request request = new okhttp3.Request.Builder()
            .url(fixture.baseUrl.newBuilder().addPathSegment("customers")
                .addPathSegment(Fixtures.CUSTOMER_ID).build())
            .header("Authorization", "Bearer " + CareCloudFixture.TOKEN).build();
        try (okhttp3.Response r = rawNoCallTimeout.newCall(request).execute()) {
          if (!r.isSuccessful()) {
            throw new IOException("HTTP " + r.code());
          }
          return fixture.gson.fromJson(r.body().charStream(), GetCustomerResponse.class).getData();
        }
      }
      case 1: return fixture.rawGetCustomer();
      case 2: return body(retrofit.getCustomer(Fixtures.CUSTOMER_ID, null, null));
      case 3: return body(snippet.getCustomer(Fixtures.CUSTOMER_ID, null, null));
      case 4: return body(retry.getCustomer(Fixtures.CUSTOMER_ID, null, null));
      case 5: return executor.execute(tokenAuth.getCustomer(Fixtures.CUSTOMER_ID, null, null)).getData();
      default: return fixture.facadeGetCustomer();
    }
  }

  private static Customer body(Call<GetCustomerResponse> call) throws IOException {
    Response<GetCustomerResponse> r = call.execute();
    if (!r.isSuccessful()) {
      throw new IOException("HTTP " + r.code());
    }
    return r.body().getData();
  }
}
