package dev.b2bsdk.internal;

import dev.b2bsdk.internal.SecretValues;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A bearer token as a {@link TokenSource} obtained it: the value, when it expires (absent = never,
 * e.g. a CareCloud device token), and optionally a refresh token with its own expiry (ITCare).
 * Immutable. {@link #toString()} never shows a secret.
 */
public final class AccessToken {

  private final String value;
  private final Instant expiresAt;
  private final String refreshToken;
  private final Instant refreshTokenExpiresAt;

  private AccessToken(String value, Instant expiresAt, String refreshToken,
      Instant refreshTokenExpiresAt) {
    if (Objects.requireNonNull(value, "value").isEmpty()) {
      throw new IllegalArgumentException("token value must not be empty");
    }
    this.value = value;
    this.expiresAt = expiresAt;
    this.refreshToken = refreshToken;
    // an issued token is masked wherever a server may echo it (messages, snippets, logs)
    SecretValues.registerToken(value);
    SecretValues.registerToken(refreshToken);
    this.refreshTokenExpiresAt = refreshTokenExpiresAt;
  }

  /** @param expiresAt when the token stops working, or null if it never expires */
  public static AccessToken of(String value, Instant expiresAt) {
    return new AccessToken(value, expiresAt, null, null);
  }

  /** A token that never expires (it is replaced only after a 401). */
  public static AccessToken neverExpiring(String value) {
    return new AccessToken(value, null, null, null);
  }

  /** A token valid for {@code lifetime} from now, as OAuth2's {@code expires_in} says. */
  public static AccessToken expiringIn(String value, Duration lifetime, Clock clock) {
    return new AccessToken(value, clock.instant().plus(lifetime), null, null);
  }

  /**
   * This token with a refresh token.
   *
   * @param expiresAt when the refresh token stops working, or null if unknown / never
   */
  public AccessToken withRefreshToken(String refreshToken, Instant expiresAt) {
    return new AccessToken(value, this.expiresAt, refreshToken, expiresAt);
  }

  /** The secret to send as {@code Authorization: Bearer <value>}. */
  public String value() {
    return value;
  }

  /** When the token expires; empty if it never does. */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  /** The refresh token, if the server issued one. */
  public Optional<String> refreshToken() {
    return Optional.ofNullable(refreshToken);
  }

  /** When the refresh token expires; empty if unknown or never. */
  public Optional<Instant> refreshTokenExpiresAt() {
    return Optional.ofNullable(refreshTokenExpiresAt);
  }

  /**
   * True if there is a refresh token still valid {@code margin} after {@code now} (a source
   * prefers it over a new grant while it lasts).
   */
  public boolean hasRefreshTokenValidFor(Instant now, Duration margin) {
    return refreshToken != null
        && (refreshTokenExpiresAt == null || now.plus(margin).isBefore(refreshTokenExpiresAt));
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AccessToken)) {
      return false;
    }
    AccessToken other = (AccessToken) o;
    return value.equals(other.value) && Objects.equals(expiresAt, other.expiresAt)
        && Objects.equals(refreshToken, other.refreshToken)
        && Objects.equals(refreshTokenExpiresAt, other.refreshTokenExpiresAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, expiresAt, refreshToken, refreshTokenExpiresAt);
  }

  @Override
  public String toString() {
    return "AccessToken{value=REDACTED, expiresAt=" + (expiresAt == null ? "never" : expiresAt)
        + (refreshToken == null ? "" : ", refreshToken=REDACTED, refreshTokenExpiresAt="
            + (refreshTokenExpiresAt == null ? "unknown" : refreshTokenExpiresAt))
        + '}';
  }
}
