package dev.b2bsdk.observe.micrometer;

import dev.b2bsdk.core.observe.SdkListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;

/**
 * Records the SDK's activity in a Micrometer {@link MeterRegistry}:
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th></tr>
 *   <tr><td>{@code b2bsdk.client.requests}</td><td>timer, one sample per HTTP attempt</td>
 *       <td>{@code api}, {@code operation}, {@code method}, {@code status} (0: no response),
 *       {@code outcome} (SUCCESS, CLIENT_ERROR, SERVER_ERROR, REDIRECTION, UNKNOWN),
 *       {@code exception} (simple class name or {@code none})</td></tr>
 *   <tr><td>{@code b2bsdk.client.retries}</td><td>counter</td>
 *       <td>{@code api}, {@code operation}, {@code reason} ({@code status 503}, {@code SocketTimeoutException})</td></tr>
 *   <tr><td>{@code b2bsdk.client.token.refreshes}</td><td>timer</td>
 *       <td>{@code api}, {@code outcome} (SUCCESS, FAILURE), {@code exception}</td></tr>
 *   <tr><td>{@code b2bsdk.client.polls}</td><td>counter</td>
 *       <td>{@code api}, {@code operation}, {@code status} (the raw status polled)</td></tr>
 * </table>
 *
 * <p>Every tag value comes from the spec or the SDK (operationIds, status codes, class names):
 * bounded, and never an id, a URL, a credential or personal data. Names follow Micrometer's
 * convention (dot-separated, lower case); each registry renders them its own way
 * ({@code b2bsdk_client_requests_seconds} in Prometheus).
 *
 * <pre>{@code
 * ItCareClient.builder()...listener(new MicrometerSdkListener(meterRegistry)).build();
 * }</pre>
 */
public final class MicrometerSdkListener implements SdkListener {
  public static final String REQUESTS = "b2bsdk.client.requests";
  public static final String RETRIES = "b2bsdk.client.retries";
  public static final String TOKEN_REFRESHES = "b2bsdk.client.token.refreshes";
  public static final String POLLS = "b2bsdk.client.polls";

  private final MeterRegistry registry;

  public MicrometerSdkListener(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void onRequestEnd(RequestEnd event) {
    RequestStart start = event.start();
    Timer.builder(REQUESTS)
        .description("HTTP attempts of the b2bsdk clients")
        .tag("api", start.api())
        .tag("operation", start.operation())
        .tag("method", start.method())
        .tag("status", Integer.toString(event.status()))
        .tag("outcome", event.outcome())
        .tag("exception", event.errorType() == null ? "none" : event.errorType())
        .register(registry)
        .record(event.duration());
  }

  @Override
  public void onRetry(Retry event) {
    Counter.builder(RETRIES)
        .description("Requests the b2bsdk retry policy sent again")
        .tag("api", event.api())
        .tag("operation", event.operation())
        .tag("reason", event.reason())
        .register(registry)
        .increment();
  }

  @Override
  public void onTokenRefresh(TokenRefresh event) {
    Timer.builder(TOKEN_REFRESHES)
        .description("Token requests of the b2bsdk clients")
        .tag("api", event.api())
        .tag("outcome", event.success() ? "SUCCESS" : "FAILURE")
        .tag("exception", event.errorType() == null ? "none" : event.errorType())
        .register(registry)
        .record(event.duration());
  }

  @Override
  public void onPoll(Poll event) {
    Counter.builder(POLLS)
        .description("Polls of asynchronous operations")
        .tag("api", event.api())
        .tag("operation", event.operation())
        .tag("status", event.status() == null ? "none" : event.status())
        .register(registry)
        .increment();
  }
}
