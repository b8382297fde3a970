package dev.b2bsdk.bench;

import java.io.IOException;
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
 * One GET over loopback, the three ways of {@link CareCloudFixture}: a small object (one
 * customer, ~1 KB) and a page of 100 customers (~110 KB).
 *
 * <p><b>Interleaved.</b> Each invocation makes the same call once per side, in a rotating order
 * (facade-raw-stock, raw-stock-facade, stock-facade-raw), and times each call with
 * {@code System.nanoTime()} (~25 ns, against calls of 50 µs and more). The per-side totals are
 * JMH auxiliary counters ({@link SideTimes}), so every measured iteration yields one
 * facade ÷ raw and one facade ÷ stock ratio from calls made microseconds apart: a burst of
 * background load hits all sides alike instead of whichever benchmark happened to run then.
 * The primary score (time of one invocation, all three calls) is informative only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class HttpBenchmarks {

  private CareCloudFixture fixture;

  /** Nanoseconds spent per side in one iteration, and the invocations counted. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class SideTimes {
    public long facadeNs;
    public long rawNs;
    public long stockNs;
    public long calls;
    int turn;

    @Setup(Level.Iteration)
    public void reset() {
      facadeNs = 0;
      rawNs = 0;
      stockNs = 0;
      calls = 0;
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    fixture = new CareCloudFixture(1, 1_000);
    fixture.verify();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    fixture.close();
  }

  @Benchmark
  public void smallGet(SideTimes t, Blackhole bh) throws IOException {
    int first = t.turn++ % 3;
    for (int i = 0; i < 3; i++) {
      int side = (first + i) % 3;
      long start = System.nanoTime();
      if (side == 0) {
        bh.consume(fixture.facadeGetCustomer());
        t.facadeNs += System.nanoTime() - start;
      } else if (side == 1) {
        bh.consume(fixture.rawGetCustomer());
        t.rawNs += System.nanoTime() - start;
      } else {
        bh.consume(fixture.stockGetCustomer());
        t.stockNs += System.nanoTime() - start;
      }
    }
    t.calls++;
  }

  @Benchmark
  public void page100(SideTimes t, Blackhole bh) throws IOException {
    int first = t.turn++ % 3;
    for (int i = 0; i < 3; i++) {
      int side = (first + i) % 3;
      long start = System.nanoTime();
      if (side == 0) {
        bh.consume(fixture.facadeListCustomers(CareCloudFixture.PAGE_SIZE, 0));
        t.facadeNs += System.nanoTime() - start;
      } else if (side == 1) {
        bh.consume(fixture.rawListCustomers(CareCloudFixture.PAGE_SIZE, 0));
        t.rawNs += System.nanoTime() - start;
      } else {
        bh.consume(fixture.stockListCustomers(CareCloudFixture.PAGE_SIZE, 0));
        t.stockNs += System.nanoTime() - start;
      }
    }
    t.calls++;
  }
}
