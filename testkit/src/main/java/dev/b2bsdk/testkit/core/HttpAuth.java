package dev.b2bsdk.testkit.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/** Parsing of {@code Authorization} headers and constant-time credential checks. */
public final class HttpAuth {

  /** User and password of an HTTP Basic header. */
  public record Basic(String user, String password) {
    /** Never prints the password. */
    @Override
    public String toString() {
      return "Basic[user=" + user + "]";
    }
  }

  private HttpAuth() {
  }

  /** The credentials of a {@code Basic} header, if it is one and decodes. */
  public static Optional<Basic> basic(MockRequest request) {
    String header = request.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
          StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? Optional.empty()
          : Optional.of(new Basic(decoded.substring(0, colon), decoded.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The token of a {@code Bearer} header, if any. */
  public static Optional<String> bearer(MockRequest request) {
    String header = request.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  /** Constant-time comparison of a presented secret with the expected one. */
  public static boolean secretEquals(String presented, String expected) {
    if (presented == null || expected == null) {
      return false;
    }
    return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
        expected.getBytes(StandardCharsets.UTF_8));
  }
}
