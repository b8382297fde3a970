package dev.b2bsdk.internal;

import dev.b2bsdk.internal.SecretValues;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import okhttp3.Credentials;

/**
 * A user name and password for HTTP Basic (InTouch on every call; ITCare's client id and secret
 * at the token endpoint). Immutable. {@link #toString()} never shows the password.
 */
public final class BasicCredentials {

  private final String username;
  private final String password;
  private final String header;

  private BasicCredentials(String username, String password) {
    this.username = Objects.requireNonNull(username, "username");
    this.password = Objects.requireNonNull(password, "password");
    this.header = Credentials.basic(username, password, StandardCharsets.UTF_8);
    SecretValues.registerBasic(username, password);
  }

  public static BasicCredentials of(String username, String password) {
    return new BasicCredentials(username, password);
  }

  public String username() {
    return username;
  }

  /** The password; handle with care. */
  public String password() {
    return password;
  }

  /** The {@code Authorization} header value: {@code Basic base64(username:password)} (UTF-8). */
  public String authorizationHeader() {
    return header;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BasicCredentials && username.equals(((BasicCredentials) o).username)
        && password.equals(((BasicCredentials) o).password);
  }

  @Override
  public int hashCode() {
    return Objects.hash(username, password);
  }

  @Override
  public String toString() {
    return "BasicCredentials{username=" + username + ", password=REDACTED}";
  }
}
