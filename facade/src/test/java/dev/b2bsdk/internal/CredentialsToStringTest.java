package dev.b2bsdk.internal;


import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CredentialsToStringTest {

  @Test
  void accessTokenNeverShowsItsSecrets() {
    AccessToken token = AccessToken.of("eyJsecret-access", Instant.parse("2026-01-01T00:20:00Z"))
        .withRefreshToken("secret-refresh", Instant.parse("2026-01-01T02:00:00Z"));
    assertThat(token.toString())
        .doesNotContain("secret-access", "secret-refresh", "eyJ")
        .contains("2026-01-01T00:20:00Z", "REDACTED");
    assertThat(AccessToken.neverExpiring("abc-secret").toString())
        .doesNotContain("abc-secret").contains("never");
  }

  @Test
  void basicCredentialsNeverShowThePassword() {
    BasicCredentials credentials = BasicCredentials.of("api-user", "hunter2");
    assertThat(credentials.toString()).contains("api-user").doesNotContain("hunter2");
    assertThat(credentials.toString()).doesNotContain(credentials.authorizationHeader().substring(6));
  }

  @Test
  void refreshTokenValidity() {
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    AccessToken token = AccessToken.expiringIn("a", Duration.ofMinutes(20), clock)
        .withRefreshToken("r", clock.instant().plus(Duration.ofHours(2)));
    assertThat(token.expiresAt()).contains(Instant.parse("2026-01-01T00:20:00Z"));
    assertThat(token.hasRefreshTokenValidFor(clock.instant(), Duration.ofMinutes(1))).isTrue();
    assertThat(token.hasRefreshTokenValidFor(clock.instant().plus(Duration.ofHours(2)), Duration.ZERO)).isFalse();
    assertThat(AccessToken.neverExpiring("a").hasRefreshTokenValidFor(clock.instant(), Duration.ZERO)).isFalse();
  }
}
