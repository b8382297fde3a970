package dev.b2bsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The four mocks together, as the demo and {@code main} start them. */
class MockServersTest {

  @Test
  void startsAllFourAndDescribesHowToReachThem() {
    MockServers servers = MockServers.start();
    try (servers) {
      String text = servers.describe();
      assertThat(text).contains(servers.itcare().baseUrl(), servers.itcare().tokenUrl(),
          servers.careCloud().baseUrl(), servers.shopApplication().baseUrl(),
          servers.inTouch().baseUrl(), "demo-client / demo-secret", "demo / demo-password",
          "john.smith@example.com / customer-password", "demo-customer-app");
      TestHttp http = new TestHttp();
      assertThat(http.get(servers.itcare().baseUrl() + "/health").code()).isEqualTo(200);
      assertThat(http.get(servers.careCloud().enterpriseUrl() + "/tests/connection?test_string=x")
          .code()).isEqualTo(200);
      assertThat(http.get(servers.shopApplication().baseUrl()
          + "/token?client_id=demo-client&client_secret=demo-secret").code()).isEqualTo(200);
      assertThat(http.get(servers.inTouch().baseUrl() + "/about").code()).isEqualTo(200);
    }
    assertThat(servers.itcare().isRunning()).isFalse();
    assertThat(servers.inTouch().isRunning()).isFalse();
  }
}
