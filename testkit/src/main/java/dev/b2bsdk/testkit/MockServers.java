package dev.b2bsdk.testkit;

import dev.b2bsdk.testkit.carecloud.CareCloudMock;
import dev.b2bsdk.testkit.intouch.InTouchMock;
import dev.b2bsdk.testkit.itcare.ItCareMock;
import dev.b2bsdk.testkit.shopapp.ShopApplicationMock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The four mocks together, started in-process on loopback with their default data and credentials,
 * for a demo or manual exploration. {@link #main} prints the URLs and credentials and runs until
 * interrupted:
 *
 * <pre>
 * mvn -q -pl testkit dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=runtime
 * java -cp "testkit/target/classes:$(cat testkit/cp.txt)" dev.b2bsdk.testkit.MockServers --port 8081
 * </pre>
 */
public final class MockServers implements AutoCloseable {

  private final ItCareMock itcare;
  private final CareCloudMock careCloud;
  private final ShopApplicationMock shopApplication;
  private final InTouchMock inTouch;

  private MockServers(ItCareMock itcare, CareCloudMock careCloud,
      ShopApplicationMock shopApplication, InTouchMock inTouch) {
    this.itcare = itcare;
    this.careCloud = careCloud;
    this.shopApplication = shopApplication;
    this.inTouch = inTouch;
  }

  /** Starts the four mocks on dynamic ports with their defaults. */
  public static MockServers start() {
    return start(0);
  }

  /**
   * Starts the four mocks; {@code firstPort} 0 means dynamic ports, otherwise ITCare, CareCloud,
   * Shop Application and InTouch listen on {@code firstPort} to {@code firstPort + 3}.
   */
  public static MockServers start(int firstPort) {
    ItCareMock itcare = null;
    CareCloudMock careCloud = null;
    ShopApplicationMock shop = null;
    try {
      itcare = ItCareMock.builder().port(port(firstPort, 0)).start();
      careCloud = CareCloudMock.builder().port(port(firstPort, 1)).start();
      shop = ShopApplicationMock.builder().port(port(firstPort, 2)).start();
      InTouchMock inTouch = InTouchMock.builder().port(port(firstPort, 3)).start();
      return new MockServers(itcare, careCloud, shop, inTouch);
    } catch (RuntimeException e) {
      for (AutoCloseable started : new AutoCloseable[] {itcare, careCloud, shop}) {
        closeQuietly(started);
      }
      throw e;
    }
  }

  /** The ITCare mock. */
  public ItCareMock itcare() {
    return itcare;
  }

  /** The CareCloud mock. */
  public CareCloudMock careCloud() {
    return careCloud;
  }

  /** The Shop Application mock. */
  public ShopApplicationMock shopApplication() {
    return shopApplication;
  }

  /** The InTouch mock. */
  public InTouchMock inTouch() {
    return inTouch;
  }

  /** Human-readable URLs and credentials of the four mocks (they are test credentials). */
  public String describe() {
    return String.join(System.lineSeparator(), List.of(
        "ITCare            base URL   " + itcare.baseUrl(),
        "                  token URL  " + itcare.tokenUrl(),
        "                  client     " + itcare.clientId() + " / " + itcare.clientSecret(),
        "CareCloud         base URL   " + careCloud.baseUrl()
            + "  (+ /enterprise-interface/v1.0 or /customer-interface/v1.0)",
        "                  enterprise app " + careCloud.externalAppId() + ", user "
            + careCloud.login() + " / " + careCloud.password(),
        "                  customer   app " + careCloud.customerAppId() + ", customer "
            + careCloud.customerEmail() + " / " + careCloud.customerPassword(),
        "Shop Application  base URL   " + shopApplication.baseUrl(),
        "                  client     " + shopApplication.clientId() + " / "
            + shopApplication.clientSecret(),
        "InTouch           base URL   " + inTouch.baseUrl(),
        "                  user       " + inTouch.username() + " / " + inTouch.password()));
  }

  /** Stops the four mocks. */
  @Override
  public void close() {
    for (AutoCloseable mock : new AutoCloseable[] {itcare, careCloud, shopApplication, inTouch}) {
      closeQuietly(mock);
    }
  }

  /**
   * Starts the four mocks and prints their URLs and credentials. Options: {@code --port N} (the
   * four listen on N..N+3; default: free ports).
   */
  public static void main(String[] args) throws InterruptedException {
    int firstPort = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> firstPort = Integer.parseInt(args[++i]);
        case "--help", "-h" -> {
          System.out.println("usage: MockServers [--port N]   (the four mocks on N..N+3)");
          return;
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    MockServers servers = start(firstPort);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      servers.close();
      stopped.countDown();
    }, "mock-servers-stop"));
    System.out.println(servers.describe());
    System.out.println("Mock servers running; press Ctrl+C to stop.");
    stopped.await();
  }

  private static int port(int first, int offset) {
    return first == 0 ? 0 : first + offset;
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception ignored) {
      // stopping a mock cannot usefully fail
    }
  }
}
