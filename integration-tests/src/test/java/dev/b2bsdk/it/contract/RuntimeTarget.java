package dev.b2bsdk.it.contract;

import com.google.gson.Gson;
import dev.b2bsdk.internal.ClientRuntime;
import dev.b2bsdk.core.http.RetryOptions;
import dev.b2bsdk.core.http.TransportOptions;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import okhttp3.Interceptor;
import retrofit2.Call;
import retrofit2.Response;

/**
 * A target on the facade's {@link ClientRuntime} with a static {@code Authorization} header per
 * security scheme (Basic for HTTP basic, Bearer otherwise): the facade's OkHttp chain, converters
 * and error mapping, without its token engine. For operations no facade client reaches.
 */
public final class RuntimeTarget implements ContractTarget {
  static final String BEARER = "contract-test-token";
  static final String BASIC = "Basic " + Base64.getEncoder()
      .encodeToString("contract-client:contract-secret".getBytes(StandardCharsets.UTF_8));

  private final String api;
  private final String baseUrl;
  private final Gson gson;
  private final Map<String, ClientRuntime> runtimes = new HashMap<>();

  /**
   * @param api the API's name for the runtime
   * @param baseUrl the API's base URL on the mock
   * @param gson the generated {@code JSON} Gson
   */
  public RuntimeTarget(String api, String baseUrl, Gson gson) {
    this.api = api;
    this.baseUrl = baseUrl;
    this.gson = gson;
  }

  @Override
  public <S> S api(Class<S> service, SpecOperation operation) {
    String header = operation.security().isEmpty() ? null : header(operation.security().get(0));
    return runtimes.computeIfAbsent(String.valueOf(header), h -> runtime(header)).create(service);
  }

  @Override
  public Response<?> execute(Call<?> call) {
    return runtimes.values().iterator().next().calls().executeForResponse(call);
  }

  private ClientRuntime runtime(String header) {
    ClientRuntime.Builder b = ClientRuntime.builder(api)
        .baseUrl(baseUrl)
        .gson(gson)
        .retry(RetryOptions.none())
        .transport(timeouts());
    if (header != null) {
      b.authentication(staticHeader(header));
    }
    return b.build();
  }

  /** Short timeouts: a contract call on loopback answers at once or is broken. */
  public static TransportOptions timeouts() {
    return TransportOptions.builder()
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(5))
        .writeTimeout(Duration.ofSeconds(5))
        .callTimeout(Duration.ofSeconds(10))
        .build();
  }

  private static String header(SecurityScheme scheme) {
    return scheme.getType() == SecurityScheme.Type.HTTP && "basic".equalsIgnoreCase(scheme.getScheme())
        ? BASIC : "Bearer " + BEARER;
  }

  private static Interceptor staticHeader(String value) {
    return chain -> chain.proceed(chain.request().newBuilder().header("Authorization", value).build());
  }

  @Override
  public void close() {
    runtimes.values().forEach(ClientRuntime::close);
  }
}
