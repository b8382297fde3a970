package dev.b2bsdk.itcare;

import dev.b2bsdk.core.http.ClientRuntime;
import dev.b2bsdk.core.paging.PageRequest;
import dev.b2bsdk.core.paging.PagedIterable;
import dev.b2bsdk.core.paging.SpringPaging;
import dev.b2bsdk.generated.itcare.model.Instance;
import dev.b2bsdk.generated.itcare.model.InstancePage;
import dev.b2bsdk.generated.itcare.model.Resource;
import dev.b2bsdk.generated.itcare.model.ResourcePage;
import dev.b2bsdk.generated.itcare.model.Service;
import dev.b2bsdk.generated.itcare.model.ServicePage;
import java.util.List;
import java.util.function.Function;
import retrofit2.Call;

/**
 * The Spring Data envelopes of ITCare's paged lists, one adapter each (the generated page classes
 * share a shape but no base class), and the one helper every {@code list…} method uses.
 */
final class SpringPages {

  static final SpringPaging<InstancePage, Instance> INSTANCES = SpringPaging
      .<InstancePage, Instance>of(InstancePage::getContent, InstancePage::getTotalPages,
          InstancePage::getLast, InstancePage::getNumber, InstancePage::getSize)
      .withTotalElements(InstancePage::getTotalElements);

  static final SpringPaging<ResourcePage, Resource> RESOURCES = SpringPaging
      .<ResourcePage, Resource>of(ResourcePage::getContent, ResourcePage::getTotalPages,
          ResourcePage::getLast, ResourcePage::getNumber, ResourcePage::getSize)
      .withTotalElements(ResourcePage::getTotalElements);

  static final SpringPaging<ServicePage, Service> SERVICES = SpringPaging
      .<ServicePage, Service>of(ServicePage::getContent, ServicePage::getTotalPages,
          ServicePage::getLast, ServicePage::getNumber, ServicePage::getSize)
      .withTotalElements(ServicePage::getTotalElements);

  private SpringPages() {}

  /**
   * A lazy list whose every page is {@code call.apply(pageRequest)}: the caller's filters and
   * sort are captured by {@code call}, so they go with every page by construction.
   */
  static <E, T> PagedIterable<T> pages(ClientRuntime runtime,
      Function<PageRequest, Call<E>> call, SpringPaging<E, T> adapter) {
    return PagedIterable.of(request -> runtime.execute(call.apply(request)), adapter);
  }

  /** {@code values}, or null when empty so that Retrofit leaves the parameter out. */
  static <T> List<T> orNull(List<T> values) {
    return values == null || values.isEmpty() ? null : values;
  }
}
