package dev.b2bsdk.testkit.core;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A token a mock handed out: its value, kind (e.g. {@code access}, {@code refresh}, {@code device}),
 * subject (client id, login...), when it was issued, when it expires (null: never) and free
 * attributes (e.g. the customer bound to a CareCloud device token). Immutable.
 */
public final class IssuedToken {

  private final String value;
  private final String kind;
  private final String subject;
  private final Instant issuedAt;
  private final Instant expiresAt;
  private final Map<String, String> attributes;

  IssuedToken(String value, String kind, String subject, Instant issuedAt, Instant expiresAt,
      Map<String, String> attributes) {
    this.value = Objects.requireNonNull(value);
    this.kind = Objects.requireNonNull(kind);
    this.subject = subject;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
    this.attributes = Map.copyOf(attributes);
  }

  /** The token string sent by clients. */
  public String value() {
    return value;
  }

  /** Kind, as chosen by the issuing mock. */
  public String kind() {
    return kind;
  }

  /** Who it was issued to. */
  public String subject() {
    return subject;
  }

  /** Issue instant. */
  public Instant issuedAt() {
    return issuedAt;
  }

  /** Expiry instant, or null when the token never expires. */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** Whether the token has expired at {@code now}. */
  public boolean expiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  /** An attribute, or null. */
  public String attribute(String name) {
    return attributes.get(name);
  }

  /** A copy with one attribute set (null removes it). */
  public IssuedToken withAttribute(String name, String attributeValue) {
    Map<String, String> copy = new LinkedHashMap<>(attributes);
    if (attributeValue == null) {
      copy.remove(name);
    } else {
      copy.put(name, attributeValue);
    }
    return new IssuedToken(value, kind, subject, issuedAt, expiresAt, copy);
  }

  /** A copy that expired at {@code instant}. */
  IssuedToken expiredSince(Instant instant) {
    return new IssuedToken(value, kind, subject, issuedAt, instant, attributes);
  }

  /** Never prints the token value: tests log these. */
  @Override
  public String toString() {
    return "IssuedToken{kind=" + kind + ", subject=" + subject + ", expiresAt=" + expiresAt + "}";
  }
}
