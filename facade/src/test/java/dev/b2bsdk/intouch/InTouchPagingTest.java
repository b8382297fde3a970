package dev.b2bsdk.intouch;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.b2bsdk.core.paging.Page;
import dev.b2bsdk.core.paging.PagedIterable;
import dev.b2bsdk.core.paging.Sort;
import dev.b2bsdk.generated.intouch.model.Comment;
import dev.b2bsdk.generated.intouch.model.Party;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Position paging of every InTouch list, against WireMock; the journal is the evidence. */
class InTouchPagingTest {

  private InTouchServer server;
  private InTouchClient client;

  @BeforeEach
  void start() {
    server = new InTouchServer();
    client = server.builder().build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static List<Long> ids(PagedIterable<Party> parties) {
    return parties.stream().map(Party::getId).collect(Collectors.toList());
  }

  private static List<Long> range(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> (long) i).collect(Collectors.toList());
  }

  @Test
  void walksSeveralPagesLazilyWithTheDefaultPageSize() {
    server.stubPage("/parties", 0, 100, 250, 0, 100);
    server.stubPage("/parties", 100, 100, 250, 100, 100);
    server.stubPage("/parties", 200, 100, 250, 200, 50);

    PagedIterable<Party> parties = client.parties().list();
    assertThat(server.requests()).isEmpty(); // nothing fetched before iteration
    assertThat(ids(parties)).isEqualTo(range(0, 250));

    assertThat(server.positions()).containsExactly("0", "100", "200");
    for (LoggedRequest r : server.requests()) {
      assertThat(r.queryParameter("size").firstValue()).isEqualTo("100");
      assertThat(r.queryParameter("orderBy").isPresent()).as("unsorted: no orderBy").isFalse();
      assertThat(r.queryParameter("desc").isPresent()).as("unsorted: no desc").isFalse();
    }
  }

  @Test
  void filtersAndOrderGoWithEveryPage() {
    for (int p = 0; p < 3; p++) {
      server.stubPage("/comments", p * 20, 20, 55, p * 20, p < 2 ? 20 : 15);
    }
    CommentsOperations.ListParams query = CommentsOperations.ListParams.builder().srcType(1)
        .srcId("241").sort(Sort.desc("modified")).build();

    List<Comment> notes = new ArrayList<>();
    client.comments().list(query).withPageSize(20).forEach(notes::add);

    assertThat(notes).hasSize(55);
    assertThat(server.positions()).containsExactly("0", "20", "40");
    for (LoggedRequest r : server.requests()) {
      assertThat(r.queryParameter("orderBy").firstValue()).isEqualTo("modified");
      assertThat(r.queryParameter("desc").firstValue()).isEqualTo("true");
      assertThat(r.queryParameter("srcType").firstValue()).isEqualTo("1");
      assertThat(r.queryParameter("srcId").firstValue()).isEqualTo("241");
    }
  }

  @Test
  void busCaseTypeAndPartyNotesCarryTheirFiltersOnEveryPage() {
    server.stubPage("/buscases", 0, 2, 3, 0, 2);
    server.stubPage("/buscases", 2, 2, 3, 2, 1);
    server.stubPage("/parties/241/comments", 0, 2, 3, 0, 2);
    server.stubPage("/parties/241/comments", 2, 2, 3, 2, 1);

    assertThat(client.businessCases().list(BusinessCasesOperations.ListParams
        .builder().caseType(7).sort(Sort.asc("id")).build()).withPageSize(2).stream()).hasSize(3);
    assertThat(client.comments().listPartyComments(241L, CommentsOperations
        .ListPartyCommentsParams.builder().sort(Sort.asc("entered")).build())
        .withPageSize(2).stream()).hasSize(3);

    List<LoggedRequest> requests = server.requests();
    assertThat(requests).hasSize(4);
    for (LoggedRequest r : requests.subList(0, 2)) {
      assertThat(r.getUrl()).startsWith("/api/buscases?");
      assertThat(r.queryParameter("caseType").firstValue()).isEqualTo("7");
      assertThat(r.queryParameter("orderBy").firstValue()).isEqualTo("id");
      assertThat(r.queryParameter("desc").firstValue()).isEqualTo("false");
    }
    for (LoggedRequest r : requests.subList(2, 4)) {
      assertThat(r.getUrl()).startsWith("/api/parties/241/comments?");
      assertThat(r.queryParameter("orderBy").firstValue()).isEqualTo("entered");
      assertThat(r.queryParameter("desc").firstValue()).isEqualTo("false");
    }
  }

  @Test
  void pageSizeIsClampedTo1000AndTheServersSmallerSizeIsTrusted() {
    // asks for 5000 → 1000 is sent; the server caps pages at 500 and says so
    server.stubPage("/parties", 0, 1000, 1200, 0, 500, 0, 500);
    server.stubPage("/parties", 500, 1000, 1200, 500, 500, 500, 500);
    server.stubPage("/parties", 1000, 1000, 1200, 1000, 500, 1000, 200);

    assertThat(ids(client.parties().list().withPageSize(5000))).isEqualTo(range(0, 1200));

    assertThat(server.positions()).containsExactly("0", "500", "1000");
    assertThat(server.requests()).allSatisfy(
        r -> assertThat(r.queryParameter("size").firstValue()).isEqualTo("1000"));
  }

  @Test
  void anEmptyMiddlePageIsSkipped() {
    server.stubPage("/parties", 0, 10, 30, 0, 10);
    server.stubPage("/parties", 10, 10, 30, 10, 0);
    server.stubPage("/parties", 20, 10, 30, 20, 10);

    List<Long> ids = ids(client.parties().list().withPageSize(10));

    assertThat(ids).hasSize(20).containsAll(range(0, 10)).containsAll(range(20, 30));
    assertThat(server.positions()).containsExactly("0", "10", "20");
    // page by page, the empty page is not handed out
    assertThat(client.parties().list().withPageSize(10).streamByPage().map(Page::offset))
        .containsExactly(0L, 20L);
  }

  @Test
  void aRepeatedPositionEndsTheWalkInsteadOfLooping() {
    server.stubPage("/parties", 0, 100, 300, 0, 100);
    // a server that ignores position: it answers page 0 again
    server.stubPage("/parties", 100, 100, 300, 0, 100, 0, 100);

    assertThat(ids(client.parties().list())).isEqualTo(range(0, 100));
    assertThat(server.positions()).containsExactly("0", "100");
  }

  @Test
  void noPageIsRequestedPastTheReportedTotal() {
    // the server would keep answering full pages: the reported total ends the walk
    for (int p = 0; p < 10; p++) {
      server.stubPage("/parties", p * 10, 10, 20, p * 10, 10);
    }
    List<Long> ids = ids(client.parties().list().withPageSize(10));
    assertThat(ids).isEqualTo(range(0, 20));
    assertThat(server.positions()).containsExactly("0", "10");
  }

  @Test
  void earlyTerminationFetchesNoFurtherPage() {
    for (int p = 0; p < 10; p++) {
      server.stubPage("/parties", p * 100, 100, 1000, p * 100, 100);
    }
    PagedIterable<Party> parties = client.parties().list();

    assertThat(parties.stream().limit(100).count()).isEqualTo(100);
    assertThat(server.positions()).containsExactly("0");

    server.wm.resetRequests();
    assertThat(parties.stream().limit(150).count()).isEqualTo(150);
    assertThat(server.positions()).containsExactly("0", "100");

    server.wm.resetRequests();
    int seen = 0;
    for (Party party : parties) {
      if (++seen == 5) {
        break;
      }
    }
    assertThat(server.positions()).containsExactly("0");

    server.wm.resetRequests();
    assertThat(parties.firstPage().total()).isEqualTo(1000L);
    assertThat(server.positions()).containsExactly("0");
  }

  /**
   * Every operation the generator made paged ({@code operations.tsv}), called through its typed
   * method by reflection: a path parameter gets the id 9.
   */
  static Stream<Arguments> everyPagedOperation() throws IOException {
    try (InputStream in = InTouchClient.class.getResourceAsStream("operations.tsv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(line -> line.split("\\t"))
          .filter(cols -> cols[3].equals("paged"))
          .map(cols -> op(cols[0], "/" + cols[5].replace("{id}", "9"), c -> {
            try {
              Object group = InTouchClient.class.getMethod(cols[1]).invoke(c);
              java.lang.reflect.Method list = java.util.Arrays.stream(group.getClass().getMethods())
                  .filter(m -> m.getName().equals(cols[2]))
                  .filter(m -> java.util.Arrays.stream(m.getParameterTypes())
                      .allMatch(t -> t == Long.class || t == long.class))
                  .findFirst().orElseThrow();
              Object[] args = new Object[list.getParameterCount()];
              java.util.Arrays.fill(args, 9L);
              return (PagedIterable<?>) list.invoke(group, args);
            } catch (ReflectiveOperationException e) {
              throw new AssertionError(cols[0], e);
            }
          }))
          .toList().stream();
    }
  }

  private static Arguments op(String operationId, String path,
      Function<InTouchClient, PagedIterable<?>> list) {
    return Arguments.of(operationId, path, list);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyPagedOperation")
  void everyPagedOperationWalksItsPages(String operationId, String path,
      Function<InTouchClient, PagedIterable<?>> list) {
    server.stubPage(path, 0, 2, 3, 0, 2);
    server.stubPage(path, 2, 2, 3, 2, 1);

    assertThat(list.apply(client).withPageSize(2).stream().count()).isEqualTo(3);

    assertThat(server.requests()).extracting(LoggedRequest::getUrl)
        .containsExactly("/api" + path + "?position=0&size=2", "/api" + path + "?position=2&size=2");
  }

  /** The table is not empty and names the operations this API is known to page. */
  @Test
  void theTableHoldsTheKnownPagedOperations() throws IOException {
    assertThat(everyPagedOperation().map(a -> (String) a.get()[0]))
        .contains("listParties", "listComms", "listOpportunities", "listBusCases",
            "listProducts", "listStores", "listComments", "listPartyComments");
  }

  @Test
  void anEnvelopeWithoutTotalEndsOnAShortPage() {
    server.wm.stubFor(get(urlPathEqualTo("/api/stores"))
        .willReturn(okJson("{\"position\":0,\"size\":100,\"items\":[{\"id\":1},{\"id\":2}]}")));
    assertThat(client.stores().list().stream().count()).isEqualTo(2);
    assertThat(server.requests()).hasSize(1);
  }
}
