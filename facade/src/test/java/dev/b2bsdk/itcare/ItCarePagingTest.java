package dev.b2bsdk.itcare;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.b2bsdk.core.paging.Page;
import dev.b2bsdk.core.paging.Sort;
import dev.b2bsdk.generated.itcare.model.Action;
import dev.b2bsdk.generated.itcare.model.ActionStatus;
import dev.b2bsdk.generated.itcare.model.Instance;
import dev.b2bsdk.generated.itcare.model.Resource;
import dev.b2bsdk.generated.itcare.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spring paging of the three paged ITCare lists, end to end; the journal is the evidence. */
class ItCarePagingTest extends ItCareWireMockTest {

  private static final String INSTANCES = "/itcare/compute/instances";

  @BeforeEach
  void client() {
    stubTokens("tok1");
    client = builder().build();
  }

  /** A Spring page of items with the given ids. */
  private static String page(String itemTemplate, List<Long> ids, int number, int size,
      long totalElements, Boolean last) {
    String content = ids.stream().map(id -> String.format(itemTemplate, id, id))
        .collect(Collectors.joining(","));
    int totalPages = (int) ((totalElements + size - 1) / size);
    return "{\"content\":[" + content + "],\"totalElements\":" + totalElements
        + ",\"totalPages\":" + totalPages + ",\"number\":" + number + ",\"size\":" + size
        + ",\"numberOfElements\":" + ids.size() + ",\"first\":" + (number == 0)
        + (last == null ? "" : ",\"last\":" + last) + ",\"empty\":" + ids.isEmpty()
        + ",\"sort\":{\"empty\":false,\"sorted\":true,\"unsorted\":false}}";
  }

  private static String instancePage(List<Long> ids, int number, int size, long total,
      Boolean last) {
    return page("{\"id\":%d,\"name\":\"vm%d\",\"creationTime\":\"2016-06-01T12:27:19.000+0200\"}",
        ids, number, size, total, last);
  }

  private static List<Long> ids(long from, long toInclusive) {
    return LongStream.rangeClosed(from, toInclusive).boxed().collect(Collectors.toList());
  }

  private void stubPage(String path, int pageNumber, String body) {
    api.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo(String.valueOf(pageNumber)))
        .willReturn(okJson(body)));
  }

  private List<LoggedRequest> journal(String path) {
    return api.findAll(getRequestedFor(urlPathEqualTo(path)));
  }

  private static List<String> param(LoggedRequest r, String name) {
    QueryParameter p = r.getQueryParams().get(name);
    return p == null ? List.of() : p.values();
  }

  private static final InstancesOperations.ListParams PROD_DEBIAN =
      InstancesOperations.ListParams.builder()
          .environments(List.of("PRODUCTION"))
          .families(List.of("DEBIAN", "RHEL"))
          .names(List.of("!pdebtmp01"))
          .services(List.of(40213L))
          .tags(List.of("application:ecom"))
          .backupStatus(true)
          .sort(Sort.asc("name"))
          .build();

  @Test
  void severalPagesWithFiltersAndSortOnEveryPageRequest() {
    stubPage(INSTANCES, 0, instancePage(ids(1, 2), 0, 2, 5, false));
    stubPage(INSTANCES, 1, instancePage(ids(3, 4), 1, 2, 5, false));
    stubPage(INSTANCES, 2, instancePage(ids(5, 5), 2, 2, 5, true));

    List<Long> seen = client.instances().list(PROD_DEBIAN).withPageSize(2).stream()
        .map(Instance::getId).collect(Collectors.toList());

    assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L);
    List<LoggedRequest> requests = journal(INSTANCES);
    assertThat(requests).extracting(r -> param(r, "page"))
        .containsExactly(List.of("0"), List.of("1"), List.of("2"));
    for (LoggedRequest r : requests) {
      assertThat(param(r, "size")).containsExactly("2");
      assertThat(param(r, "environments")).containsExactly("PRODUCTION");
      assertThat(param(r, "families")).containsExactly("DEBIAN", "RHEL");
      assertThat(param(r, "names")).containsExactly("!pdebtmp01");
      assertThat(param(r, "services")).containsExactly("40213");
      assertThat(param(r, "tags")).containsExactly("application:ecom");
      assertThat(param(r, "backupStatus")).containsExactly("true");
      assertThat(param(r, "sort")).containsExactly("name,asc");
      // unset filters are not sent
      assertThat(r.getQueryParams().keySet()).containsExactlyInAnyOrder("page", "size",
          "environments", "families", "names", "services", "tags", "backupStatus", "sort");
      assertThat(r.getHeader("Authorization")).isEqualTo("Bearer tok1");
    }
  }

  @Test
  void serverCappedPageSizeIsTrusted() {
    // asked for 50, the server serves 2 per page
    stubPage(INSTANCES, 0, instancePage(ids(1, 2), 0, 2, 5, false));
    stubPage(INSTANCES, 1, instancePage(ids(3, 4), 1, 2, 5, false));
    stubPage(INSTANCES, 2, instancePage(ids(5, 5), 2, 2, 5, true));

    List<Instance> all = new ArrayList<>();
    client.instances().list().withPageSize(50).forEach(all::add);

    assertThat(all).extracting(Instance::getId).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(journal(INSTANCES)).extracting(r -> param(r, "page") + "/" + param(r, "size"))
        .containsExactly("[0]/[50]", "[1]/[2]", "[2]/[2]");
  }

  @Test
  void emptyMiddlePageIsSkipped() {
    stubPage(INSTANCES, 0, instancePage(ids(1, 2), 0, 2, 6, false));
    stubPage(INSTANCES, 1, instancePage(List.of(), 1, 2, 6, false));
    stubPage(INSTANCES, 2, instancePage(ids(5, 6), 2, 2, 6, true));

    assertThat(client.instances().list().withPageSize(2).stream().map(Instance::getId))
        .containsExactly(1L, 2L, 5L, 6L);
    assertThat(journal(INSTANCES)).hasSize(3);
  }

  @Test
  void serverRepeatingThePageCannotLoopForever() {
    // ignores ?page and always answers page 0, never "last"
    api.stubFor(get(urlPathEqualTo(INSTANCES))
        .willReturn(okJson(instancePage(ids(1, 2), 0, 2, 10, false))));

    assertThat(client.instances().list().withPageSize(2).stream().map(Instance::getId))
        .containsExactly(1L, 2L);
    assertThat(journal(INSTANCES)).hasSize(2); // the repeat is detected and dropped
  }

  @Test
  void earlyTerminationFetchesNoFurtherPage() {
    stubPage(INSTANCES, 0, instancePage(ids(1, 2), 0, 2, 6, false));
    stubPage(INSTANCES, 1, instancePage(ids(3, 4), 1, 2, 6, false));
    stubPage(INSTANCES, 2, instancePage(ids(5, 6), 2, 2, 6, true));

    assertThat(client.instances().list().withPageSize(2).stream().limit(3).map(Instance::getId))
        .containsExactly(1L, 2L, 3L);
    assertThat(journal(INSTANCES)).hasSize(2);

    for (Instance i : client.instances().list().withPageSize(2)) {
      if (i.getId() == 1L) {
        break;
      }
    }
    assertThat(journal(INSTANCES)).hasSize(3); // one more request: page 0 only
  }

  @Test
  void pagesAreFetchedOnDemandAndExposeTotals() {
    stubPage(INSTANCES, 0, instancePage(ids(1, 2), 0, 2, 3, false));
    stubPage(INSTANCES, 1, instancePage(ids(3, 3), 1, 2, 3, true));

    var pages = client.instances().list().withPageSize(2).byPage().iterator();
    assertThat(journal(INSTANCES)).isEmpty(); // lazy
    Page<Instance> first = pages.next();
    assertThat(first.items()).hasSize(2);
    assertThat(first.total()).isEqualTo(3L);
    assertThat(journal(INSTANCES)).hasSize(1);
    assertThat(pages.next().items()).extracting(Instance::getId).containsExactly(3L);
    assertThat(pages.hasNext()).isFalse();
    assertThat(journal(INSTANCES)).hasSize(2);
  }

  @Test
  void resourcesAreListedWithTheirFiltersOnEveryPage() {
    String path = "/itcare/compute/resources";
    String item = "{\"id\":%d,\"name\":\"res%d\",\"category\":\"MANAGED_DATABASE\"}";
    stubPage(path, 0, page(item, ids(1, 2), 0, 2, 3, false));
    stubPage(path, 1, page(item, ids(3, 3), 1, 2, 3, true));

    List<Resource> all = client.resources().list(ResourcesOperations.ListParams.builder()
        .categories(List.of("MANAGED_DATABASE")).types(List.of("POSTGRESQL"))
        .sort(Sort.desc("name")).build())
        .withPageSize(2).stream().collect(Collectors.toList());

    assertThat(all).extracting(Resource::getName).containsExactly("res1", "res2", "res3");
    assertThat(journal(path)).hasSize(2).allSatisfy(r -> {
      assertThat(param(r, "categories")).containsExactly("MANAGED_DATABASE");
      assertThat(param(r, "types")).containsExactly("POSTGRESQL");
      assertThat(param(r, "sort")).containsExactly("name,desc");
    });
  }

  @Test
  void servicesAreListedWithTheirFiltersOnEveryPage() {
    String path = "/itcare/compute/services";
    String item = "{\"id\":%d,\"key\":\"SVC%d\",\"name\":\"Service\",\"status\":\"ACTIVE\"}";
    stubPage(path, 0, page(item, ids(1, 1), 0, 1, 2, false));
    stubPage(path, 1, page(item, ids(2, 2), 1, 1, 2, true));

    List<Service> all = client.services().list(ServicesOperations.ListParams.builder()
        .names(List.of("!PAYROLL")).sort(Sort.asc("key")).build())
        .withPageSize(1).stream().collect(Collectors.toList());

    assertThat(all).extracting(Service::getKey).containsExactly("SVC1", "SVC2");
    assertThat(journal(path)).hasSize(2).allSatisfy(r -> {
      assertThat(param(r, "names")).containsExactly("!PAYROLL");
      assertThat(param(r, "sort")).containsExactly("key,asc");
    });
  }

  @Test
  void actionsAreAPlainListWithFilters() {
    api.stubFor(get(urlPathEqualTo("/itcare/actions")).willReturn(okJson(
        "[{\"id\":987654,\"status\":\"IN_PROGRESS\",\"message\":\"Stopping\","
            + "\"submittedAt\":\"2024-06-12T09:15:02.000+0200\",\"completedAt\":null},"
            + "{\"id\":987655,\"status\":\"PAUSED\"}]")));

    List<Action> actions = client.actions().list(ActionsOperations.ListParams.builder()
        .resourceName("pdebwebsrv01")
        .statuses(List.of(ActionStatus.IN_PROGRESS, ActionStatus.ERROR)).build());

    assertThat(actions).extracting(Action::getId).containsExactly(987654L, 987655L);
    assertThat(actions.get(1).getStatus()).isEqualTo(ActionStatus.fromValue("PAUSED"));
    LoggedRequest r = api.findAll(getRequestedFor(urlPathEqualTo("/itcare/actions"))).get(0);
    assertThat(param(r, "resourceName")).containsExactly("pdebwebsrv01");
    assertThat(param(r, "statuses")).containsExactly("IN_PROGRESS", "ERROR");
    assertThat(param(r, "resourceId")).isEmpty();
  }

  @Test
  void withoutParamsOnlyThePagingParametersAreSent() {
    stubPage(INSTANCES, 0, instancePage(ids(1, 1), 0, 100, 1, true));

    assertThat(client.instances().list(null).stream().map(Instance::getId)).containsExactly(1L);
    assertThat(client.instances().list(InstancesOperations.ListParams.builder().build())
        .stream().map(Instance::getId)).containsExactly(1L);

    assertThat(journal(INSTANCES)).hasSize(2).allSatisfy(r ->
        assertThat(r.getQueryParams().keySet()).containsExactlyInAnyOrder("page", "size"));
  }
}
