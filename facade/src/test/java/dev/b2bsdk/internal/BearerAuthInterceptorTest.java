package dev.b2bsdk.internal;



import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.b2bsdk.core.error.AuthenticationException;
import dev.b2bsdk.core.error.ErrorDetails;
import dev.b2bsdk.core.http.RetryOptions;
import dev.b2bsdk.core.http.TransportOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.http.Field;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;

class BearerAuthInterceptorTest {

  interface ThingsApi {
    @GET("things/{id}")
    Call<String> getThing(@Path("id") String id);
  }

  /** A Keycloak-like token endpoint, as an API package would declare it. */
  interface TokenApi {
    @FormUrlEncoded
    @POST("protocol/openid-connect/token")
    Call<TokenResponse> token(@Header("Authorization") String basic,
        @Field("grant_type") String grantType);
  }

  static final class TokenResponse {
    String access_token;
    long expires_in;
  }

  static final ErrorBodyParser PARSER = (status, type, body) -> {
    try {
      JsonObject o = JsonParser.parseString(body).getAsJsonObject();
      return ErrorDetails.of(o.get("errorCode").getAsString(), o.get("errorMessage").getAsString());
    } catch (RuntimeException e) {
      return ErrorDetails.EMPTY;
    }
  };

  private final MockWebServer api = new MockWebServer();
  private final MutableClock clock = MutableClock.atEpoch();
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final FakeTokenSource source = new FakeTokenSource(clock, Duration.ofMinutes(20));
  private TokenCache cache;
  private ClientRuntime runtime;

  @BeforeEach
  void start() throws IOException {
    api.start();
    cache = TokenCache.builder(source).name("ITCare").clock(clock).executor(Runnable::run).build();
    runtime = unauthenticated().withAuthentication(new BearerAuthInterceptor(cache));
  }

  @AfterEach
  void stop() throws IOException {
    runtime.close();
    api.shutdown();
  }

  private ClientRuntime unauthenticated() {
    return ClientRuntime.builder("ITCare").baseUrl(api.url("/itcare").toString())
        .transport(TransportOptions.builder().connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(2)).callTimeout(Duration.ofSeconds(10)).build())
        .errorParser(PARSER).clock(clock).sleeper(sleeper).build();
  }

  private String getThing() {
    return runtime.execute(runtime.create(ThingsApi.class).getThing("1"));
  }

  @Test
  void addsTheBearerToken() throws Exception {
    api.enqueue(new MockResponse().setBody("ok"));
    assertThat(getThing()).isEqualTo("ok");
    assertThat(api.takeRequest().getHeader("Authorization")).isEqualTo("Bearer token-1");
  }

  @Test
  void a401WithTheCurrentTokenRefetchesOnceAndRetriesOnce() throws Exception {
    api.enqueue(new MockResponse().setResponseCode(401));
    api.enqueue(new MockResponse().setBody("ok"));

    assertThat(getThing()).isEqualTo("ok");

    assertThat(api.getRequestCount()).isEqualTo(2);
    assertThat(api.takeRequest().getHeader("Authorization")).isEqualTo("Bearer token-1");
    assertThat(api.takeRequest().getHeader("Authorization")).isEqualTo("Bearer token-2");
    assertThat(source.fetches).hasValue(2);
  }

  @Test
  void persistent401BecomesATypedExceptionAfterExactlyTwoAttempts() {
    for (int i = 0; i < 3; i++) {
      api.enqueue(new MockResponse().setResponseCode(401)
          .setBody("{\"errorCode\":\"UNAUTHORIZED\",\"errorMessage\":\"token rejected\"}"));
    }

    assertThatThrownBy(this::getThing)
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.status()).isEqualTo(401);
          assertThat(e.api()).isEqualTo("ITCare");
          assertThat(e.getMessage()).isEqualTo("ITCare getThing → 401 UNAUTHORIZED: token rejected");
        });
    assertThat(api.getRequestCount()).isEqualTo(2);
    assertThat(source.fetches).hasValue(2);
  }

  @Test
  void a401CarryingAnAlreadyReplacedTokenCausesNoExtraFetch() throws Exception {
    api.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if ("Bearer token-1".equals(request.getHeader("Authorization"))) {
          // another thread refreshes while this request is on the wire
          cache.invalidate(cache.get());
          assertThat(cache.get().value()).isEqualTo("token-2");
          return new MockResponse().setResponseCode(401);
        }
        return new MockResponse().setBody("ok");
      }
    });

    assertThat(getThing()).isEqualTo("ok");

    assertThat(source.fetches).hasValue(2); // the first token + the other thread's refresh only
    assertThat(api.getRequestCount()).isEqualTo(2);
    api.takeRequest();
    assertThat(api.takeRequest().getHeader("Authorization")).isEqualTo("Bearer token-2");
  }

  @Test
  void a401FollowedByAFailedRefreshIsATokenFailureWithoutReplay() {
    api.enqueue(new MockResponse().setResponseCode(401));
    api.enqueue(new MockResponse().setBody("ok"));
    source.hook = n -> {
      if (n == 2) {
        throw new IOException("token server down");
      }
    };

    assertThatThrownBy(this::getThing)
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("token server down");
    assertThat(api.getRequestCount()).isEqualTo(1);
    assertThat(source.fetches).hasValue(2);
  }

  @Test
  void aOneShotBodyIsNotReplayedAfter401() throws IOException {
    api.enqueue(new MockResponse().setResponseCode(401));
    api.enqueue(new MockResponse().setBody("ok"));
    RequestBody oneShot = new RequestBody() {
      @Override
      public MediaType contentType() {
        return MediaType.get("application/octet-stream");
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.writeUtf8("stream");
      }

      @Override
      public boolean isOneShot() {
        return true;
      }
    };
    Request request = new Request.Builder().url(api.url("/itcare/upload")).post(oneShot).build();

    try (Response response = runtime.okHttpClient().newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(401);
    }
    assertThat(api.getRequestCount()).isEqualTo(1);
    assertThat(source.fetches).hasValue(1);
  }

  @Test
  void refusesToSendATokenOverPlainHttpToARemoteHost() {
    OkHttpClient client = new OkHttpClient.Builder().addInterceptor(new BearerAuthInterceptor(cache))
        .callTimeout(5, TimeUnit.SECONDS).build();
    Request request = new Request.Builder().url("http://crm.example.com/api/things").build();

    assertThatThrownBy(() -> client.newCall(request).execute())
        .isInstanceOfSatisfying(ApiIOException.class, e -> assertThat(e.apiException())
            .isInstanceOf(AuthenticationException.class)
            .hasMessageContaining("refusing to send credentials over plain http to non-loopback host crm.example.com"));
    assertThat(source.fetches).hasValue(0);
  }

  @Test
  void tokenFailureReachesTheCallerTypedWithTheOperation() {
    source.failWith = new IOException("connection refused by token server");

    assertThatThrownBy(this::getThing)
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.operation()).isEqualTo("getThing");
          assertThat(e.status()).isZero();
          assertThat(e.getCause()).isSameAs(source.failWith);
          assertThat(e.getMessage()).startsWith("ITCare getThing → access token unavailable");
        });
    assertThat(api.getRequestCount()).isZero();
  }

  @Test
  void everyRetryAttemptAsksForTheCurrentToken() throws Exception {
    cache.get(); // token-1, valid 20 min
    clock.advance(Duration.ofMinutes(18));
    api.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "60"));
    api.enqueue(new MockResponse().setBody("ok"));

    assertThat(getThing()).isEqualTo("ok");

    // the 1-minute backoff reached the expiry margin: the retry carries a new token
    assertThat(sleeper.delays()).containsExactly(Duration.ofMinutes(1));
    assertThat(api.takeRequest().getHeader("Authorization")).isEqualTo("Bearer token-1");
    assertThat(api.takeRequest().getHeader("Authorization")).isEqualTo("Bearer token-2");
  }

  @Test
  void tokenEndpointOnTheUnauthenticatedRuntimeBypassesTheInterceptor() throws Exception {
    MockWebServer keycloak = new MockWebServer();
    keycloak.start();
    try (ClientRuntime base = unauthenticated()) {
      TokenApi tokens = base.retrofit(keycloak.url("/realms/cloud/").toString(), "tokenUrl")
          .create(TokenApi.class);
      BasicCredentials client = BasicCredentials.of("my-client", "my-secret");
      TokenSource http = previous -> {
        TokenResponse r = base.execute(tokens.token(client.authorizationHeader(), "client_credentials"));
        return AccessToken.expiringIn(r.access_token, Duration.ofSeconds(r.expires_in), clock);
      };
      ClientRuntime authed = base.withAuthentication(new BearerAuthInterceptor(
          TokenCache.builder(http).name("ITCare").clock(clock).build()));
      keycloak.enqueue(new MockResponse().setBody("{\"access_token\":\"kc-1\",\"expires_in\":1200}"));
      api.enqueue(new MockResponse().setBody("ok"));

      assertThat(authed.execute(authed.create(ThingsApi.class).getThing("1"))).isEqualTo("ok");

      RecordedRequest tokenRequest = keycloak.takeRequest();
      assertThat(tokenRequest.getHeader("Authorization")).isEqualTo(client.authorizationHeader());
      assertThat(tokenRequest.getBody().readUtf8()).isEqualTo("grant_type=client_credentials");
      assertThat(api.takeRequest().getHeader("Authorization")).isEqualTo("Bearer kc-1");
      assertThat(authed.okHttpClient().connectionPool()).isSameAs(base.okHttpClient().connectionPool());
    } finally {
      keycloak.shutdown();
    }
  }
}
