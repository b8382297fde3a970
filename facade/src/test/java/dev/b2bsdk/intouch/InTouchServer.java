package dev.b2bsdk.intouch;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.b2bsdk.internal.MutableClock;
import dev.b2bsdk.internal.RecordingSleeper;
import dev.b2bsdk.core.http.RetryOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A WireMock InTouch installation on loopback ({@code /api}), with page stubs and the journal. */
final class InTouchServer implements AutoCloseable {

  static final String USER = "api-user";
  static final String PASSWORD = "pa55-InTouch-Secret";
  static final String BASIC = "Basic " + Base64.getEncoder()
      .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

  final WireMockServer wm;
  final MutableClock clock = MutableClock.atEpoch();
  final RecordingSleeper sleeper = new RecordingSleeper(clock);

  InTouchServer() {
    wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    wm.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + wm.port() + "/api";
  }

  /** A builder for this server: test clock and sleeper, short timeouts, no retries. */
  InTouchClient.Builder builder() {
    return InTouchClient.builder()
        .baseUrl(baseUrl())
        .username(USER)
        .password(PASSWORD)
        .clock(clock)
        .sleeper(sleeper)
        .retry(RetryOptions.none())
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(5))
        .writeTimeout(Duration.ofSeconds(5))
        .callTimeout(Duration.ofSeconds(15));
  }

  /**
   * Stubs the page of {@code path} requested at {@code position} with {@code size}: the envelope
   * reports {@code reportedPosition} and {@code reportedSize}, and holds items with ids
   * {@code firstId .. firstId + count - 1}.
   */
  void stubPage(String path, int position, int size, long total, int reportedPosition,
      int reportedSize, int firstId, int count) {
    wm.stubFor(get(urlPathEqualTo("/api" + path))
        .withQueryParam("position", equalTo(String.valueOf(position)))
        .withQueryParam("size", equalTo(String.valueOf(size)))
        .willReturn(okJson(page(total, reportedPosition, reportedSize, firstId, count))));
  }

  /** A page that echoes the request: {@code position} and {@code size} as asked. */
  void stubPage(String path, int position, int size, long total, int firstId, int count) {
    stubPage(path, position, size, total, position, size, firstId, count);
  }

  static String page(long total, int position, int size, int firstId, int count) {
    String items = IntStream.range(firstId, firstId + count)
        .mapToObj(id -> "{\"id\":" + id + ",\"surname\":\"S" + id + "\"}")
        .collect(Collectors.joining(","));
    return "{\"total\":" + total + ",\"position\":" + position + ",\"size\":" + size
        + ",\"items\":[" + items + "]}";
  }

  /** Every request received, oldest first. */
  List<LoggedRequest> requests() {
    List<LoggedRequest> all = wm.getAllServeEvents().stream()
        .map(ServeEvent::getRequest)
        .collect(Collectors.toList());
    Collections.reverse(all); // WireMock lists the newest first
    return all;
  }

  /** {@code position} of every request, oldest first. */
  List<String> positions() {
    return requests().stream().map(r -> r.queryParameter("position").firstValue())
        .collect(Collectors.toList());
  }

  @Override
  public void close() {
    wm.stop();
  }
}
