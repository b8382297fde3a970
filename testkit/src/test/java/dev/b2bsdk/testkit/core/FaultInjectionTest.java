package dev.b2bsdk.testkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import dev.b2bsdk.testkit.TestHttp;
import dev.b2bsdk.testkit.TestHttp.Reply;
import dev.b2bsdk.testkit.intouch.InTouchMock;
import dev.b2bsdk.testkit.shopapp.ShopApplicationMock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault API, exercised through a real mock: statuses, counts, scoping, transport faults. */
class FaultInjectionTest {

  private final TestHttp http = new TestHttp();
  private InTouchMock mock;
  private TestHttp authed;

  @BeforeEach
  void start() {
    mock = InTouchMock.builder().parties(3).start();
    authed = http.with("Authorization", Credentials.basic("demo", "demo-password"));
  }

  @AfterEach
  void stop() {
    mock.stop();
  }

  @Test
  void statusFaultFiresTheGivenNumberOfTimesWithTheApiErrorBody() {
    FaultRule rule = mock.faults().next(Fault.SERVICE_UNAVAILABLE).times(2);
    Reply first = authed.get(mock.baseUrl() + "/parties");
    assertThat(first.code()).isEqualTo(503);
    assertThat(first.json().getAsJsonObject().get("status").getAsInt()).isEqualTo(503);
    assertThat(authed.get(mock.baseUrl() + "/parties").code()).isEqualTo(503);
    assertThat(authed.get(mock.baseUrl() + "/parties").code()).isEqualTo(200);
    assertThat(rule.fired()).isEqualTo(2);
    assertThat(mock.faults().pending()).isEmpty();
  }

  @Test
  void scopedFaultHitsOnlyItsMethodAndPath() {
    mock.faults().nextFor("GET", "/parties/{id}", Fault.status(500).withMessage("boom"));
    assertThat(authed.get(mock.baseUrl() + "/parties").code()).isEqualTo(200);
    assertThat(authed.post(mock.baseUrl() + "/parties/1/comments", "{\"comment\":\"x\"}").code())
        .isEqualTo(201);
    Reply hit = authed.get(mock.baseUrl() + "/parties/2");
    assertThat(hit.code()).isEqualTo(500);
    assertThat(hit.text()).contains("boom");
    assertThat(authed.get(mock.baseUrl() + "/parties/2").code()).isEqualTo(200);
  }

  @Test
  void throttlingCarriesRetryAfterAsSecondsOrDate() {
    mock.faults().next(Fault.TOO_MANY_REQUESTS);
    assertThat(authed.get(mock.baseUrl() + "/parties").header("Retry-After")).isEqualTo("1");
    mock.faults().next(Fault.status(503).withRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
    assertThat(authed.get(mock.baseUrl() + "/parties").header("Retry-After"))
        .isEqualTo("Wed, 21 Oct 2015 07:28:00 GMT");
  }

  @Test
  void alwaysFiresUntilCancelledAndResetClearsRules() {
    FaultRule rule = mock.faults().nextForPath("/about", Fault.BAD_GATEWAY).always();
    for (int i = 0; i < 3; i++) {
      assertThat(http.get(mock.baseUrl() + "/about").code()).isEqualTo(502);
    }
    rule.cancel();
    assertThat(http.get(mock.baseUrl() + "/about").code()).isEqualTo(200);
    mock.faults().next(Fault.INTERNAL_SERVER_ERROR).always();
    mock.reset();
    assertThat(http.get(mock.baseUrl() + "/about").code()).isEqualTo(200);
  }

  @Test
  void connectionResetAndEmptyResponseBreakTheCall() {
    mock.faults().next(Fault.CONNECTION_RESET);
    assertThatThrownBy(() -> authed.get(mock.baseUrl() + "/parties"))
        .isInstanceOf(UncheckedIOException.class);
    mock.faults().next(Fault.EMPTY_RESPONSE);
    assertThatThrownBy(() -> authed.get(mock.baseUrl() + "/parties"))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(authed.get(mock.baseUrl() + "/parties").code()).isEqualTo(200);
  }

  @Test
  void malformedBodyIsNotJson() {
    mock.faults().next(Fault.MALFORMED_BODY);
    Reply reply = authed.get(mock.baseUrl() + "/parties");
    assertThat(reply.code()).isEqualTo(200);
    assertThatThrownBy(() -> JsonParser.parseString(reply.text()))
        .isInstanceOf(com.google.gson.JsonSyntaxException.class);
  }

  @Test
  void delayTripsAReadTimeoutThenServesNormally() throws IOException {
    OkHttpClient impatient = new OkHttpClient.Builder().readTimeout(200, TimeUnit.MILLISECONDS)
        .callTimeout(5, TimeUnit.SECONDS).retryOnConnectionFailure(false).build();
    mock.faults().next(Fault.delay(Duration.ofMillis(1500)));
    Request request = new Request.Builder().url(mock.baseUrl() + "/about").build();
    assertThatThrownBy(() -> impatient.newCall(request).execute().close())
        .isInstanceOf(SocketTimeoutException.class);
    try (Response ok = impatient.newCall(request).execute()) {
      assertThat(ok.code()).isEqualTo(200);
    }
  }

  @Test
  void tokenEndpointsAreFaultableToo() {
    try (ShopApplicationMock shop = ShopApplicationMock.builder().start()) {
      shop.faults().nextFor("GET", "/token", Fault.SERVICE_UNAVAILABLE);
      String url = shop.baseUrl() + "/token?client_id=demo-client&client_secret=demo-secret";
      Reply refused = http.get(url);
      assertThat(refused.code()).isEqualTo(503);
      assertThat(refused.json().getAsJsonObject().get("error").getAsBoolean()).isTrue();
      assertThat(http.get(url).code()).isEqualTo(200);
    }
  }

  @Test
  void statusFaultsRejectNonErrorStatuses() {
    assertThatThrownBy(() -> Fault.status(200)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.CONNECTION_RESET.withRetryAfter("1"))
        .isInstanceOf(IllegalStateException.class);
  }
}
