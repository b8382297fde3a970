package dev.b2bsdk.internal;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HttpsGuardTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "https://crm.example.com/api/", "https://10.0.0.1/", "http://localhost:8080/",
      "http://LOCALHOST/", "http://127.0.0.1:1234/x", "http://127.255.3.4/", "http://[::1]:99/"})
  void acceptsHttpsAndLoopback(String url) {
    assertThat(HttpsGuard.requireHttps("baseUrl", url).toString()).isNotEmpty();
  }

  @Test
  void rejectsPlainHttpToARemoteHostNamingTheSetting() {
    assertThatThrownBy(() -> HttpsGuard.requireHttps("baseUrl", "http://crm.example.com/api"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseUrl must use https for non-loopback host crm.example.com");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://128.0.0.1/", "http://127.0.0.1.nip.io/", "http://localhost.example.com/",
      "http://10.0.0.1/", "http://[::2]/", "http://1127.0.0.1/", "http://0.0.0.0/"})
  void lookalikesAreNotLoopback(String url) {
    assertThatThrownBy(() -> HttpsGuard.requireHttps("tokenUrl", url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tokenUrl must use https");
  }

  @Test
  void rejectsMissingOrNonHttpUrls() {
    assertThatThrownBy(() -> HttpsGuard.requireHttps("baseUrl", (String) null))
        .hasMessage("baseUrl must be set");
    assertThatThrownBy(() -> HttpsGuard.requireHttps("baseUrl", "ftp://example.com/"))
        .hasMessage("baseUrl is not an absolute http(s) URL");
  }
}
