package dev.b2bsdk.bench;

import dev.b2bsdk.core.paging.OffsetPaging;
import dev.b2bsdk.core.paging.PageFetcher;
import dev.b2bsdk.core.paging.PagedIterable;
import dev.b2bsdk.generated.carecloud.model.Customer;
import dev.b2bsdk.generated.carecloud.model.CustomerList;
import dev.b2bsdk.generated.carecloud.model.CustomerListResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Walking 10 pages of 100 customers (1,000 items), items per second:
 * <ul>
 *   <li>{@code loopback_*}: each page fetched over loopback through the facade's call path;
 *       the helper ({@link PagedIterable} + {@link OffsetPaging}) against a hand-written offset
 *       loop making exactly the same calls;</li>
 *   <li>{@code inMemory_*}: each page parsed by Gson from its JSON held in memory, no I/O; the
 *       same comparison with less work per page, so the helper's own cost shows more.</li>
 * </ul>
 * Every item goes to the {@link Blackhole} on both sides.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class PagingBenchmarks {

  static final int PAGES = 10;
  static final int ITEMS = PAGES * CareCloudFixture.PAGE_SIZE;

  private CareCloudFixture fixture;
  private PagedIterable<Customer> loopbackPages;
  private PageFetcher<CustomerListResponse> inMemoryFetcher;
  private PagedIterable<Customer> inMemoryPages;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    fixture = new CareCloudFixture(PAGES, ITEMS);
    loopbackPages = fixture.facadeCustomerPages();
    inMemoryFetcher = request -> parse(request.offset());
    inMemoryPages = PagedIterable.of(inMemoryFetcher,
            OffsetPaging.<CustomerListResponse, Customer>of(
                e -> e.getData() == null ? null : e.getData().getCustomers(),
                e -> e.getData() == null ? null : e.getData().getTotalItems()))
        .withPageSize(CareCloudFixture.PAGE_SIZE);
    int helper = 0;
    for (Customer c : loopbackPages) {
      helper++;
    }
    int raw = rawLoop(this::fetchLoopback, null);
    CareCloudFixture.check(helper == ITEMS && raw == ITEMS,
        "paging walked " + helper + " / " + raw + " items, expected " + ITEMS);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    fixture.close();
  }

  @Benchmark
  @OperationsPerInvocation(ITEMS)
  public void loopback_helper(Blackhole bh) {
    for (Customer c : loopbackPages) {
      bh.consume(c);
    }
  }

  @Benchmark
  @OperationsPerInvocation(ITEMS)
  public void loopback_rawLoop(Blackhole bh) throws IOException {
    rawLoop(this::fetchLoopback, bh);
  }

  @Benchmark
  @OperationsPerInvocation(ITEMS)
  public void inMemory_helper(Blackhole bh) {
    for (Customer c : inMemoryPages) {
      bh.consume(c);
    }
  }

  @Benchmark
  @OperationsPerInvocation(ITEMS)
  public void inMemory_rawLoop(Blackhole bh) throws IOException {
    rawLoop(offset -> parse(offset), bh);
  }

  private CustomerListResponse fetchLoopback(long offset) {
    return fixture.facadeListCustomers(CareCloudFixture.PAGE_SIZE, (int) offset);
  }

  private CustomerListResponse parse(long offset) {
    return fixture.gson.fromJson(
        fixture.pageBody((int) (offset / CareCloudFixture.PAGE_SIZE)), CustomerListResponse.class);
  }

  /** One page at an offset, for the raw loop. */
  @FunctionalInterface
  private interface OffsetFetch {
    CustomerListResponse fetch(long offset) throws IOException;
  }

  /**
   * The loop a developer writes without the helper: offset += items received until the total
   * is reached or a short page comes.
   */
  private static int rawLoop(OffsetFetch fetcher, Blackhole bh) throws IOException {
    int seen = 0;
    int offset = 0;
    while (true) {
      CustomerListResponse envelope = fetcher.fetch(offset);
      CustomerList data = envelope.getData();
      List<Customer> items = data.getCustomers();
      for (Customer c : items) {
        if (bh != null) {
          bh.consume(c);
        }
      }
      seen += items.size();
      offset += items.size();
      Integer total = data.getTotalItems();
      if (items.size() < CareCloudFixture.PAGE_SIZE || (total != null && offset >= total)) {
        return seen;
      }
    }
  }
}
