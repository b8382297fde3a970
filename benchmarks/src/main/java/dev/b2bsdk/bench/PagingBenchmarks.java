package dev.b2bsdk.bench;

import dev.b2bsdk.internal.OffsetPaging;
import dev.b2bsdk.core.paging.PagedIterable;
import dev.b2bsdk.generated.carecloud.model.Customer;
import dev.b2bsdk.generated.carecloud.model.GetCustomersResponseData;
import dev.b2bsdk.generated.carecloud.model.GetCustomersResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Walking 10 pages of 100 customers (1,000 items), the SDK's paging helper against a
 * hand-written offset loop making exactly the same page requests:
 * <ul>
 *   <li>{@link #pagingLoopback}: each page fetched over loopback; the helper is the client's own
 *       {@code customers().list()}, the hand loop calls the generated interface through the
 *       facade's runtime ({@link CareCloudFixture#pageRuntime}: the typed layer has no call for
 *       one page at an offset);</li>
 *   <li>{@link #pagingInMemory}: each page parsed by Gson from JSON held in memory, no I/O,
 *       through the core {@link PagedIterable} + {@link OffsetPaging}; less work per page, so
 *       the helper's own cost shows more.</li>
 * </ul>
 * Interleaved like {@link HttpBenchmarks}: each invocation walks once with each side, in
 * alternating order, timing each walk; every item goes to the {@link Blackhole} on both sides.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class PagingBenchmarks {

  static final int PAGES = 10;
  static final int ITEMS = PAGES * CareCloudFixture.PAGE_SIZE;

  private CareCloudFixture fixture;
  private PagedIterable<Customer> loopbackPages;
  private PagedIterable<Customer> inMemoryPages;

  /** Nanoseconds per side in one iteration, and the walks counted. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class WalkTimes {
    public long helperNs;
    public long rawNs;
    public long walks;
    int turn;

    @Setup(Level.Iteration)
    public void reset() {
      helperNs = 0;
      rawNs = 0;
      walks = 0;
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    fixture = new CareCloudFixture(PAGES, ITEMS);
    loopbackPages = fixture.facadeCustomerPages();
    inMemoryPages = PagedIterable.of(request -> parse(request.offset()),
            OffsetPaging.<GetCustomersResponse, Customer>of(
                e -> e.getData() == null ? null : e.getData().getCustomers(),
                e -> e.getData() == null ? null : e.getData().getTotalItems()))
        .withPageSize(CareCloudFixture.PAGE_SIZE);
    int helper = walk(loopbackPages, null);
    int raw = rawLoop(this::fetchLoopback, null);
    int helperMem = walk(inMemoryPages, null);
    int rawMem = rawLoop(this::parse, null);
    CareCloudFixture.check(helper == ITEMS && raw == ITEMS && helperMem == ITEMS && rawMem == ITEMS,
        "paging walked " + helper + " / " + raw + " / " + helperMem + " / " + rawMem
            + " items, expected " + ITEMS);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    fixture.close();
  }

  @Benchmark
  public void pagingLoopback(WalkTimes t, Blackhole bh) throws IOException {
    interleave(t, bh, loopbackPages, this::fetchLoopback);
  }

  @Benchmark
  public void pagingInMemory(WalkTimes t, Blackhole bh) throws IOException {
    interleave(t, bh, inMemoryPages, this::parse);
  }

  private static void interleave(WalkTimes t, Blackhole bh, PagedIterable<Customer> helper,
      OffsetFetch raw) throws IOException {
    boolean helperFirst = (t.turn++ & 1) == 0;
    for (int i = 0; i < 2; i++) {
      long start = System.nanoTime();
      if (helperFirst == (i == 0)) {
        walk(helper, bh);
        t.helperNs += System.nanoTime() - start;
      } else {
        rawLoop(raw, bh);
        t.rawNs += System.nanoTime() - start;
      }
    }
    t.walks++;
  }

  private static int walk(PagedIterable<Customer> pages, Blackhole bh) {
    int seen = 0;
    for (Customer c : pages) {
      if (bh != null) {
        bh.consume(c);
      }
      seen++;
    }
    return seen;
  }

  private GetCustomersResponse fetchLoopback(long offset) {
    return fixture.facadeListCustomers(CareCloudFixture.PAGE_SIZE, (int) offset);
  }

  private GetCustomersResponse parse(long offset) {
    return fixture.gson.fromJson(
        fixture.pageBody((int) (offset / CareCloudFixture.PAGE_SIZE)), GetCustomersResponse.class);
  }

  /** One page at an offset, for the raw loop. */
  @FunctionalInterface
  private interface OffsetFetch {
    GetCustomersResponse fetch(long offset) throws IOException;
  }

  /**
   * The loop a developer writes without the helper: offset += items received until the total
   * is reached or a short page comes.
   */
  private static int rawLoop(OffsetFetch fetcher, Blackhole bh) throws IOException {
    int seen = 0;
    int offset = 0;
    while (true) {
      GetCustomersResponse envelope = fetcher.fetch(offset);
      GetCustomersResponseData data = envelope.getData();
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
