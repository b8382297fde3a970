package dev.b2bsdk.internal;

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

  /**
   * True for {@code localhost}, an IPv4 literal in {@code 127.0.0.0/8}, or {@code ::1}. Runs on
   * every request of a loopback client (tests, benchmarks, local proxies), so it allocates
   * nothing: no lower-casing, no splitting.
   */
  public static boolean isLoopback(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    int start = 0;
    int end = host.length();
    if (end >= 2 && host.charAt(0) == '[' && host.charAt(end - 1) == ']') {
      start++;
      end--;
    }
    if (end > start && host.charAt(end - 1) == '.') {
      end--;
    }
    int length = end - start;
    return (length == 9 && host.regionMatches(true, start, "localhost", 0, 9))
        || (length == 3 && host.regionMatches(start, "::1", 0, 3))
        || (length == 15 && host.regionMatches(start, "0:0:0:0:0:0:0:1", 0, 15))
        || isIpv4Loopback(host, start, end);
  }

  /** Four dot-separated decimal parts of 1 to 3 digits, each at most 255, the first 127. */
  private static boolean isIpv4Loopback(String h, int start, int end) {
    int parts = 0;
    int first = -1;
    int value = 0;
    int digits = 0;
    for (int i = start; i <= end; i++) {
      char c = i < end ? h.charAt(i) : '.';
      if (c == '.') {
        if (digits == 0 || ++parts > 4) {
          return false;
        }
        if (parts == 1) {
          first = value;
        }
        value = 0;
        digits = 0;
      } else if (c >= '0' && c <= '9') {
        value = value * 10 + (c - '0');
        if (++digits > 3 || value > 255) {
          return false;
        }
      } else {
        return false;
      }
    }
    return parts == 4 && first == 127;
  }
}
