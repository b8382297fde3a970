package dev.b2bsdk.core.error;

import dev.b2bsdk.internal.ErrorBodyParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import retrofit2.Invocation;

class ApiExceptionTest {

  /** Stands in for a generated API interface. */
  interface InstancesApi {
    Object createInstance(Object body);
  }

  private static Request retrofitRequest() throws NoSuchMethodException {
    Method method = InstancesApi.class.getMethod("createInstance", Object.class);
    return new Request.Builder()
        .url("https://api.example.com/itcare/compute/instances?token=abc&dry=1")
        .tag(Invocation.class, Invocation.of(method, List.of("body")))
        .build();
  }

  @Test
  void messageIsOneReadableLineWithOperationStatusCodeAndServiceMessage() throws Exception {
    ApiException e = ApiExceptions.forStatus(ApiException.builder("ITCare")
        .request(retrofitRequest())
        .status(422)
        .details(ErrorDetails.of("INVALID_FIELD_VALUE", "Error on field 'name'"))
        .body("{\"status\":\"BAD_REQUEST\",\"errorCode\":\"INVALID_FIELD_VALUE\"}"));

    assertThat(e).isInstanceOf(ValidationException.class);
    assertThat(e.getMessage())
        .isEqualTo("ITCare createInstance → 422 INVALID_FIELD_VALUE: Error on field 'name'");
    assertThat(e.operation()).isEqualTo("createInstance");
    assertThat(e.api()).isEqualTo("ITCare");
    assertThat(e.status()).isEqualTo(422);
    assertThat(e.requestMethod()).isEqualTo("GET");
    assertThat(e.requestUrl())
        .isEqualTo("https://api.example.com/itcare/compute/instances?token=REDACTED&dry=1");
    assertThat(e.bodySnippet()).contains("INVALID_FIELD_VALUE");
  }

  @Test
  void withoutServiceTextTheReasonPhraseAndPathAreUsed() {
    Request request = new Request.Builder().url("https://x.example/api/parties/7").delete().build();
    ApiException e = ApiExceptions.forStatus(ApiException.builder("InTouch").request(request).status(404));
    assertThat(e).isInstanceOf(NotFoundException.class);
    assertThat(e.getMessage()).isEqualTo("InTouch DELETE /api/parties/7 → 404 Not Found");
  }

  @Test
  void firstFieldProblemStandsInForAMissingMessage() {
    List<FieldProblem> problems = new ArrayList<>(List.of(
        new FieldProblem("surname", "must not be empty", "SEVERE"),
        new FieldProblem(null, "second", "WARNING")));
    ApiException e = ApiExceptions.forStatus(ApiException.builder("InTouch").status(400)
        .details(new ErrorDetails(null, null, problems)));
    problems.clear();

    assertThat(e.getMessage()).isEqualTo("InTouch → 400: field 'surname': must not be empty (+1 more)");
    assertThat(e.problems()).hasSize(2);
    assertThatThrownBy(() -> e.problems().add(new FieldProblem("a", "b", "c")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void statusPicksTheSubtype() {
    assertThat(typeFor(401)).isEqualTo(AuthenticationException.class);
    assertThat(typeFor(403)).isEqualTo(AuthenticationException.class);
    assertThat(typeFor(404)).isEqualTo(NotFoundException.class);
    assertThat(typeFor(400)).isEqualTo(ValidationException.class);
    assertThat(typeFor(409)).isEqualTo(ValidationException.class);
    assertThat(typeFor(422)).isEqualTo(ValidationException.class);
    assertThat(typeFor(429)).isEqualTo(ThrottledException.class);
    assertThat(typeFor(500)).isEqualTo(ServerException.class);
    assertThat(typeFor(503)).isEqualTo(ServerException.class);
    assertThat(typeFor(405)).isEqualTo(ApiException.class);
    assertThat(typeFor(0)).isEqualTo(ApiException.class);
  }

  private static Class<?> typeFor(int status) {
    return ApiExceptions.forStatus(ApiException.builder("X").status(status)).getClass();
  }

  @Test
  void throttledCarriesRetryAfter() {
    ThrottledException e = (ThrottledException) ApiExceptions.forStatus(
        ApiException.builder("CareCloud").status(429).retryAfter(Duration.ofSeconds(3)));
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    assertThat(((ThrottledException) ApiExceptions.forStatus(
        ApiException.builder("CareCloud").status(429))).retryAfter()).isEmpty();
  }

  @Test
  void transportFailureHasStatusZeroAndTheCause() {
    IOException cause = new ConnectException("Failed to connect to localhost/127.0.0.1:1");
    TransportException e = new TransportException(ApiException.builder("Shop")
        .detail("ConnectException: " + cause.getMessage()).cause(cause));
    assertThat(e.status()).isZero();
    assertThat(e.isTimeout()).isFalse();
    assertThat(e.getCause()).isSameAs(cause);
    assertThat(e.getMessage()).isEqualTo("Shop → ConnectException: Failed to connect to localhost/127.0.0.1:1");
  }

  @Test
  void withRequestKeepsTheTypeAndFillsTheRequest() throws Exception {
    MalformedResponseException raw = new MalformedResponseException(
        ApiException.builder("ITCare").status(200).body("<html>").detail("unreadable body"));
    ApiException enriched = ApiExceptions.withRequest(raw, retrofitRequest());

    assertThat(enriched).isInstanceOf(MalformedResponseException.class);
    assertThat(enriched.operation()).isEqualTo("createInstance");
    assertThat(enriched.status()).isEqualTo(200);
    assertThat(enriched.bodySnippet()).isEqualTo("<html>");
    assertThat(enriched.getStackTrace()).isEqualTo(raw.getStackTrace());
  }

  @Test
  void messagesAndSnippetsNeverCarrySecrets() {
    ApiException e = ApiExceptions.forStatus(ApiException.builder("Shop").status(401)
        .serviceMessage("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl is invalid")
        .body("{\"error\":true,\"client_secret\":\"s3cr3t\"}"));
    assertThat(e.getMessage()).doesNotContain("c2lnbmF0dXJl");
    assertThat(e.serviceMessage()).doesNotContain("c2lnbmF0dXJl");
    assertThat(e.bodySnippet()).doesNotContain("s3cr3t");
  }

  @Test
  void brokenParserYieldsEmptyDetails() {
    ErrorBodyParser broken = (status, type, body) -> {
      throw new IllegalStateException("bug");
    };
    assertThat(ErrorBodyParser.safely(broken, 500, "text/html", "<html>")).isEqualTo(ErrorDetails.EMPTY);
    assertThat(ErrorBodyParser.safely((s, t, b) -> null, 500, null, null)).isEqualTo(ErrorDetails.EMPTY);
  }
}
