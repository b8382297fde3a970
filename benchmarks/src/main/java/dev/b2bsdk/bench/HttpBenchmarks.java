package dev.b2bsdk.bench;

import dev.b2bsdk.generated.carecloud.model.Customer;
import dev.b2bsdk.generated.carecloud.model.CustomerListResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
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

/**
 * One GET over loopback, three ways (see {@link CareCloudFixture}): a small object (one
 * customer, ~1 KB) and a page of 100 customers (~100 KB). Each method returns the parsed model
 * so that JMH consumes it. The ratios facade ÷ raw and facade ÷ stock come from these scores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class HttpBenchmarks {

  private CareCloudFixture fixture;

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
  public Customer smallGet_facade() {
    return fixture.facadeGetCustomer();
  }

  @Benchmark
  public Customer smallGet_raw() throws IOException {
    return fixture.rawGetCustomer();
  }

  @Benchmark
  public Object smallGet_stock() throws IOException {
    return fixture.stockGetCustomer();
  }

  @Benchmark
  public CustomerListResponse page100_facade() {
    return fixture.facadeListCustomers(CareCloudFixture.PAGE_SIZE, 0);
  }

  @Benchmark
  public CustomerListResponse page100_raw() throws IOException {
    return fixture.rawListCustomers(CareCloudFixture.PAGE_SIZE, 0);
  }

  @Benchmark
  public Object page100_stock() throws IOException {
    return fixture.stockListCustomers(CareCloudFixture.PAGE_SIZE, 0);
  }
}
