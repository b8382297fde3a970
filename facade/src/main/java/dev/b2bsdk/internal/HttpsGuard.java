package dev.b2bsdk.internal;

import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Refuses plain-http URLs except on loopback hosts (tests, local proxies). Credentials and
 * customer data must never cross a network in clear text; loopback never leaves the machine.
 * No DNS lookup is made: only {@code localhost}, {@code 127.0.0.0/8} and {@code ::1} literals
 * count as loopback.
 */
public final class HttpsGuard {

  private HttpsGuard() {
  }

  /**
   * Parses {@code url} and checks it.
   *
   * @param setting the name of the setting, used in the error message ({@code "baseUrl"})
   * @throws IllegalArgumentException if the URL is not http(s) or is plain http to a non-loopback host
   */
  public static HttpUrl requireHttps(String setting, String url) {
    if (url == null) {
      throw new IllegalArgumentException(setting + " must be set");
    }
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new IllegalArgumentException(setting + " is not an absolute http(s) URL");
    }
    return requireHttps(setting, parsed);
  }

  /** Checks an already parsed URL; see {@link #requireHttps(String, String)}. */
  public static HttpUrl requireHttps(String setting, HttpUrl url) {
    if (!isSecure(url)) {
      throw new IllegalArgumentException(
          setting + " must use https for non-loopback host " + url.host());
    }
    return url;
  }

  /** True for https URLs and for any URL whose host is loopback. */
  public static boolean isSecure(HttpUrl url) {
    return url.isHttps() || isLoopback(url.host());
  }

  /** True for {@code localhost}, an IPv4 literal in {@code 127.0.0.0/8}, or {@code ::1}. */
  public static boolean isLoopback(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
        || isIpv4Loopback(h);
  }

  private static boolean isIpv4Loopback(String h) {
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
          || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return Integer.parseInt(parts[0]) == 127;
  }
}
