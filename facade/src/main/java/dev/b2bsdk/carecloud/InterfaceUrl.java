package dev.b2bsdk.carecloud;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Turns the project URL a user gives into the base URL of one interface.
 *
 * <p>The user gives the project URL up to and including {@code /webservice/rest-api}; the
 * interface path ({@code enterprise-interface/v1.0/} or {@code customer-interface/v1.0/}) is
 * appended. A URL that already ends with this client's interface path (with or without the
 * version) is accepted as is, so a URL copied from the vendor's documentation works too. A URL
 * ending with the other interface's path is refused: it would send credentials of one interface
 * to the other, and every call would fail with 403.
 */
enum InterfaceUrl {
  ENTERPRISE("enterprise-interface"),
  CUSTOMER("customer-interface");

  /** The API version this SDK's spec describes. */
  static final String VERSION = "v1.0";
  private static final Pattern ANY_VERSION = Pattern.compile("v\\d+(\\.\\d+)*");

  private final String segment;

  InterfaceUrl(String segment) {
    this.segment = segment;
  }

  /** The path segment, e.g. {@code enterprise-interface}. */
  String segment() {
    return segment;
  }

  /**
   * The base URL of this interface for {@code projectUrl}. An unparsable URL is returned
   * unchanged, so that the core's URL check reports it with the setting's name.
   *
   * @throws IllegalArgumentException if {@code projectUrl} ends with the other interface's path
   */
  String resolve(String projectUrl) {
    HttpUrl url = projectUrl == null ? null : HttpUrl.parse(projectUrl);
    if (url == null) {
      return projectUrl;
    }
    List<String> path = new ArrayList<>();
    for (String s : url.pathSegments()) {
      if (!s.isEmpty()) {
        path.add(s);
      }
    }
    int n = path.size();
    String last = n > 0 ? path.get(n - 1) : "";
    String beforeLast = n > 1 ? path.get(n - 2) : "";
    InterfaceUrl other = this == ENTERPRISE ? CUSTOMER : ENTERPRISE;
    if (last.equals(other.segment)
        || (beforeLast.equals(other.segment) && ANY_VERSION.matcher(last).matches())) {
      throw new IllegalArgumentException("baseUrl points at the " + other.segment
          + ", this client talks to the " + segment + ": give the project URL up to "
          + "/webservice/rest-api (e.g. https://<project>/webservice/rest-api)");
    }
    if (beforeLast.equals(segment) && ANY_VERSION.matcher(last).matches()) {
      // the caller chose the version
    } else if (last.equals(segment)) {
      path.add(VERSION);
    } else {
      path.add(segment);
      path.add(VERSION);
    }
    HttpUrl.Builder b = url.newBuilder().encodedPath("/");
    for (String s : path) {
      b.addPathSegment(s);
    }
    return b.addPathSegment("").build().toString();
  }
}
