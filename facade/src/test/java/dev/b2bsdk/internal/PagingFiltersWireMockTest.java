package dev.b2bsdk.internal;

import dev.b2bsdk.core.paging.PagedIterable;


import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.b2bsdk.internal.FakeServer.ids;
import static dev.b2bsdk.internal.FakeServer.range;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.Gson;
import dev.b2bsdk.internal.Envelopes.CareCloudList;
import dev.b2bsdk.internal.Envelopes.InTouchPage;
import dev.b2bsdk.internal.Envelopes.SpringPage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Over real HTTP: a fetcher lambda that adds the caller's filters and the page's parameters to
 * every request, as an API package does; the WireMock journal shows the filters on every page.
 */
class PagingFiltersWireMockTest {
  private final Gson gson = new Gson();
  private WireMockServer wm;
  private OkHttpClient http;

  @BeforeEach
  void start() {
    wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    wm.start();
    http = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(5))
        .callTimeout(Duration.ofSeconds(10))
        .retryOnConnectionFailure(false)
        .build();
  }

  @AfterEach
  void stop() {
    wm.stop();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private <E> E getJson(HttpUrl url, Class<E> type) throws IOException {
    try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(response.code()).as("status of %s", url).isEqualTo(200);
      return gson.fromJson(response.body().charStream(), type);
    }
  }

  private HttpUrl.Builder url(String path) {
    return HttpUrl.get("http://127.0.0.1:" + wm.port()).newBuilder().encodedPath(path);
  }

  private void stubPages(String path, String pagingParam, List<String> values,
      Function<Integer, Object> body) {
    for (int i = 0; i < values.size(); i++) {
      wm.stubFor(get(urlPathEqualTo(path)).withQueryParam(pagingParam, equalTo(values.get(i)))
          .willReturn(okJson(gson.toJson(body.apply(i)))));
    }
  }

  private List<LoggedRequest> journal(String path) {
    return wm.findAll(getRequestedFor(urlPathEqualTo(path)));
  }

  @Test
  void springPagesCarryTheFiltersOnEveryPage() {
    String path = "/itcare/compute/instances";
    stubPages(path, "page", List.of("0", "1", "2"), i -> new SpringPage(
        FakeServer.slice(FakeServer.items(25), i * 10L, 10), 25L, 3, i, 10, i == 2));
    PageFetcher<SpringPage> fetcher = r -> getJson(url(path)
        .addQueryParameter("services", "7")
        .addQueryParameter("names", "!test*")
        .addQueryParameter("sort", "name,asc")
        .addQueryParameter("page", String.valueOf(r.pageNumber()))
        .addQueryParameter("size", String.valueOf(r.size()))
        .build(), SpringPage.class);

    assertThat(ids(PagedIterable.of(fetcher, Envelopes.SPRING).withPageSize(10)))
        .isEqualTo(range(0, 25));

    List<LoggedRequest> requests = journal(path);
    assertThat(requests).hasSize(3);
    assertThat(requests).allSatisfy(r -> {
      assertThat(r.queryParameter("services").firstValue()).isEqualTo("7");
      assertThat(r.queryParameter("names").firstValue()).isEqualTo("!test*");
      assertThat(r.queryParameter("sort").firstValue()).isEqualTo("name,asc");
      assertThat(r.queryParameter("size").firstValue()).isEqualTo("10");
    });
    assertThat(requests).extracting(r -> r.queryParameter("page").firstValue())
        .containsExactlyInAnyOrder("0", "1", "2");
  }

  @Test
  void careCloudOffsetsCarryTheFiltersOnEveryPage() {
    String path = "/enterprise/customers";
    stubPages(path, "offset", List.of("0", "2", "4"), i -> new CareCloudList(
        new Envelopes.CareCloudData(FakeServer.slice(FakeServer.items(5), i * 2L, 2), 5L)));
    PageFetcher<CareCloudList> fetcher = r -> getJson(url(path)
        .addQueryParameter("customer_ids[]", "a1")
        .addQueryParameter("customer_ids[]", "b2")
        .addQueryParameter("sort_field", "last_change")
        .addQueryParameter("count", String.valueOf(r.size()))
        .addQueryParameter("offset", String.valueOf(r.offset()))
        .build(), CareCloudList.class);

    assertThat(ids(PagedIterable.of(fetcher, Envelopes.CARECLOUD).withPageSize(2)))
        .isEqualTo(range(0, 5));

    List<LoggedRequest> requests = journal(path);
    assertThat(requests).hasSize(3);
    assertThat(requests).allSatisfy(r -> {
      assertThat(r.queryParameter("customer_ids[]").values()).containsExactly("a1", "b2");
      assertThat(r.queryParameter("sort_field").firstValue()).isEqualTo("last_change");
      assertThat(r.queryParameter("count").firstValue()).isEqualTo("2");
    });
  }

  @Test
  void inTouchPositionsCarryTheFiltersOnEveryPage() {
    String path = "/api/contacts";
    stubPages(path, "position", List.of("0", "10", "20"), i -> new InTouchPage(25L, i * 10L, 10,
        FakeServer.slice(FakeServer.items(25), i * 10L, 10)));
    PageFetcher<InTouchPage> fetcher = r -> getJson(url(path)
        .addQueryParameter("orderBy", "modified")
        .addQueryParameter("desc", "true")
        .addQueryParameter("position", String.valueOf(r.offset()))
        .addQueryParameter("size", String.valueOf(r.size()))
        .build(), InTouchPage.class);

    assertThat(ids(PagedIterable.of(fetcher, Envelopes.INTOUCH).withPageSize(10)))
        .isEqualTo(range(0, 25));

    List<LoggedRequest> requests = journal(path);
    assertThat(requests).hasSize(3);
    assertThat(requests).allSatisfy(r -> {
      assertThat(r.queryParameter("orderBy").firstValue()).isEqualTo("modified");
      assertThat(r.queryParameter("desc").firstValue()).isEqualTo("true");
    });
  }
}
