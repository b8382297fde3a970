package dev.b2bsdk.testkit.core;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Tokens a mock issued, with expiry measured on the mock's {@link Clock} (so a test can move time).
 * Thread-safe. Token values are random (not derived from the data seed): a token from one mock run
 * never works on another.
 */
public final class TokenStore {

  /** Outcome of a token lookup. */
  public enum State {
    /** Known and not expired. */
    VALID,
    /** Known but expired. */
    EXPIRED,
    /** Never issued, revoked or replaced. */
    UNKNOWN
  }

  /** A lookup result: the state and, unless UNKNOWN, the token. */
  public record Lookup(State state, IssuedToken token) {
  }

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();

  /** A store measuring expiry on {@code clock}. */
  public TokenStore(Clock clock) {
    this.clock = clock;
  }

  /** Issues an opaque token of {@code hexChars} hex characters; {@code ttl} null = never expires. */
  public IssuedToken issueOpaque(String kind, String subject, Duration ttl, int hexChars,
      Map<String, String> attributes) {
    byte[] bytes = new byte[(hexChars + 1) / 2];
    random.nextBytes(bytes);
    String value = HexFormat.of().formatHex(bytes).substring(0, hexChars);
    return store(value, kind, subject, ttl, attributes);
  }

  /**
   * Issues a JWT-shaped token (unsigned: the signature part is random) whose payload carries
   * {@code iat}, {@code exp} and {@code sub}, like the real servers' tokens, so a client that
   * peeks at {@code exp} sees a coherent value.
   */
  public IssuedToken issueJwt(String kind, String subject, Duration ttl,
      Map<String, String> attributes) {
    Instant now = clock.instant();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"
        .getBytes(StandardCharsets.UTF_8));
    byte[] jti = new byte[12];
    random.nextBytes(jti);
    String payload = b64.encodeToString(Json.write(Json.obj(
        "sub", subject,
        "iat", now.getEpochSecond(),
        "exp", ttl == null ? null : now.plus(ttl).getEpochSecond(),
        "jti", HexFormat.of().formatHex(jti),
        "typ", kind)).getBytes(StandardCharsets.UTF_8));
    byte[] signature = new byte[32];
    random.nextBytes(signature);
    return store(header + "." + payload + "." + b64.encodeToString(signature), kind, subject, ttl,
        attributes);
  }

  /** Looks a token value up (null or blank: UNKNOWN). */
  public Lookup lookup(String value) {
    IssuedToken token = value == null ? null : tokens.get(value);
    if (token == null) {
      return new Lookup(State.UNKNOWN, null);
    }
    return new Lookup(token.expiredAt(clock.instant()) ? State.EXPIRED : State.VALID, token);
  }

  /** Replaces a stored token by {@code change(token)}; no-op when unknown. */
  public void update(String value, UnaryOperator<IssuedToken> change) {
    tokens.computeIfPresent(value, (k, t) -> change.apply(t));
  }

  /** Expires every token (of any kind) now: the next use answers 401. */
  public void expireAll() {
    expireIf(t -> true);
  }

  /** Expires the tokens matching {@code which} now. */
  public void expireIf(Predicate<IssuedToken> which) {
    Instant now = clock.instant();
    tokens.replaceAll((k, t) -> which.test(t) && !t.expiredAt(now) ? t.expiredSince(now) : t);
  }

  /** Forgets every token: they become unknown. */
  public void revokeAll() {
    tokens.clear();
  }

  /** Forgets the tokens matching {@code which}. */
  public void revokeIf(Predicate<IssuedToken> which) {
    tokens.values().removeIf(which);
  }

  /** Forgets one token. */
  public void revoke(String value) {
    if (value != null) {
      tokens.remove(value);
    }
  }

  /** Snapshot of the stored tokens. */
  public List<IssuedToken> tokens() {
    return List.copyOf(tokens.values());
  }

  /** The first stored token matching {@code which}. */
  public Optional<IssuedToken> find(Predicate<IssuedToken> which) {
    return tokens.values().stream().filter(which).findFirst();
  }

  private IssuedToken store(String value, String kind, String subject, Duration ttl,
      Map<String, String> attributes) {
    Instant now = clock.instant();
    IssuedToken token = new IssuedToken(value, kind, subject, now,
        ttl == null ? null : now.plus(ttl), attributes);
    tokens.put(value, token);
    return token;
  }
}
