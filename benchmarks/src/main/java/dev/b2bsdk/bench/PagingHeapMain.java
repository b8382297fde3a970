package dev.b2bsdk.bench;

import com.google.gson.Gson;
import dev.b2bsdk.core.paging.PagedIterable;
import dev.b2bsdk.generated.carecloud.model.Customer;
import dev.b2bsdk.generated.carecloud.model.GetCustomersResponse;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Streams 1,000,000 customers through {@code CareCloudEnterpriseClient.customers().list().stream()}
 * (a {@link PagedIterable}: 10,000 pages of 100, each fetched over loopback by the client and
 * parsed into the generated models) in a JVM started with {@code -Xmx64m}, and prints one JSON
 * line:
 * <ul>
 *   <li>{@code peakHeapMb}: the sum of the heap pools' peak usage since the start of the walk
 *       (garbage included: an upper bound of what the walk needed at any moment);</li>
 *   <li>{@code retainedMb}: the largest live heap above the pre-walk baseline, sampled after a
 *       full GC every {@value #SAMPLE_EVERY} items while the stream holds its current page;</li>
 *   <li>{@code pageMb}: the live size of one parsed page, measured by holding pages;
 *       {@code retainedPages = retainedMb / pageMb}.</li>
 * </ul>
 * Run by {@link BenchMain} in its own JVM so that nothing else shares the 64 MB.
 */
public final class PagingHeapMain {

  static final int TOTAL = 1_000_000;
  static final int SAMPLE_EVERY = 50_000;

  private PagingHeapMain() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("maxHeapMb", mb(Runtime.getRuntime().maxMemory()));
    out.put("gc", ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", ")));
    try (CareCloudFixture fixture = new CareCloudFixture(1, TOTAL)) {
      fixture.verify();

      // the live size of one parsed page: hold 4, compare with holding none
      long before = liveHeap();
      List<GetCustomersResponse> held = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        held.add(fixture.facadeListCustomers(CareCloudFixture.PAGE_SIZE, i * 100));
      }
      long withPages = liveHeap();
      double pageBytes = (withPages - before) / 4.0;
      CareCloudFixture.check(held.size() == 4 && pageBytes > 0, "could not size a page");
      held.clear();

      PagedIterable<Customer> customers = fixture.facadeCustomerPages();
      long baseline = liveHeap();
      List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP).collect(Collectors.toList());
      heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);

      long[] seen = {0};
      long[] maxRetained = {0};
      long walkStart = System.nanoTime();
      try (var stream = customers.stream()) {
        stream.forEach(c -> {
          if (c.getCustomerId() == null) {
            throw new IllegalStateException("customer without id");
          }
          if (++seen[0] % SAMPLE_EVERY == 0) {
            maxRetained[0] = Math.max(maxRetained[0], liveHeap() - baseline);
          }
        });
      }
      double walkSeconds = (System.nanoTime() - walkStart) / 1e9;
      long peak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();

      out.put("completed", seen[0] == TOTAL);
      out.put("items", seen[0]);
      out.put("pages", seen[0] / CareCloudFixture.PAGE_SIZE);
      out.put("peakHeapMb", mb(peak));
      out.put("baselineLiveMb", mb(baseline));
      out.put("retainedMb", mb(maxRetained[0]));
      out.put("pageMb", mb((long) pageBytes));
      out.put("retainedPages", round2(maxRetained[0] / pageBytes));
      out.put("walkSeconds", round2(walkSeconds));
      out.put("itemsPerSecond", Math.round(seen[0] / walkSeconds));
      out.put("connectionsOpened", fixture.server.connectionsAccepted());
    } catch (OutOfMemoryError e) {
      out.put("completed", false);
      out.put("error", "OutOfMemoryError: " + e.getMessage());
    }
    out.put("seconds", round2((System.nanoTime() - start) / 1e9));
    System.out.println("RESULT " + new Gson().toJson(out));
  }

  /** Used heap after two full collections: the live set. */
  static long liveHeap() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static double mb(long bytes) {
    return round2(bytes / (1024.0 * 1024.0));
  }

  static double round2(double v) {
    return Math.round(v * 100.0) / 100.0;
  }
}
