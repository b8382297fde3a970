package dev.b2bsdk.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * The one place that decides what is secret. Used by exception messages and body snippets, and
 * by the HTTP logger, so that a rule added here protects every output at once.
 *
 * <p>Rules:
 * <ul>
 *   <li>Headers {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie},
 *       {@code Set-Cookie} (and common API-key headers): value replaced.</li>
 *   <li>Names (case-insensitive, {@code _}/{@code -} ignored) that look secret: {@code password},
 *       {@code secret}, {@code client_secret}, {@code token}, {@code access_token},
 *       {@code refresh_token}, {@code bearer_token}, {@code token_id}, {@code api_key}, and any name
 *       ending in {@code token}, {@code secret} or {@code password}. Their values are replaced in
 *       URL query parameters, JSON fields and form fields. {@code client_id} is an identifier, not
 *       a secret, and stays readable, except on token URLs (next rule).</li>
 *   <li>A URL whose path ends in {@code /token} loses its whole query (Shop Application sends
 *       {@code client_id} and {@code client_secret} there).</li>
 *   <li>A path segment right after {@code /tokens/} is a token id (CareCloud's customer
 *       interface puts the bearer token in the path) and is replaced.</li>
 *   <li>In free text: {@code Bearer …}/{@code Basic …} credentials and JWTs are replaced.</li>
 *   <li>Anywhere, whatever field, header or free text carries them: the values of the SDK's own
 *       credentials and issued tokens ({@link SecretValues}), so that a server echoing a secret
 *       cannot leak it.</li>
 * </ul>
 * Redaction is deliberately eager: a false positive costs readability, a miss leaks a secret.
 */
public final class Redactor {

  /** What replaces a secret. */
  public static final String MASK = "REDACTED";

  /** The longest snippet of a body kept on an exception. */
  public static final int SNIPPET_LIMIT = 1024;

  private static final Set<String> SENSITIVE_HEADERS = Set.of(
      "authorization", "proxy-authorization", "cookie", "set-cookie",
      "x-api-key", "x-auth-token", "x-access-token");

  private static final Set<String> SECRET_NAMES = Set.of(
      "password", "passwd", "pwd", "secret", "clientsecret", "token", "accesstoken",
      "refreshtoken", "bearertoken", "idtoken", "tokenid", "apikey", "authorization",
      "sessionid");

  // The string value's loop is possessive (*+): Java matches a greedy loop over an alternation
  // recursively, one stack frame chain per character, and overflows on a value of ~2000 chars.
  private static final Pattern JSON_FIELD = Pattern.compile(
      "\"([^\"\\\\]{1,64})\"(\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*+\"?|[^,{}\\[\\]\\s\"]+)");
  // a field whose value is a flat object or array ({"address": {"street": .., "city": ..}})
  private static final Pattern FLAT_JSON_FIELD = Pattern.compile(
      "\"([^\"\\\\]{1,64})\"(\\s*:\\s*)(\\{[^{}]*+\\}|\\[[^\\[\\]]*+\\])");
  private static final Pattern FORM_FIELD = Pattern.compile(
      "(^|[?&;\\s])([A-Za-z0-9_.\\-\\[\\]]{1,64})=([^&\\s\"]*)");
  private static final Pattern AUTH_SCHEME = Pattern.compile(
      "(?i)\\b(bearer|basic)(\\s+)[A-Za-z0-9._~+/=\\-]{4,}");
  private static final Pattern JWT = Pattern.compile(
      "eyJ[A-Za-z0-9_\\-]{4,}\\.[A-Za-z0-9_\\-]{4,}\\.[A-Za-z0-9_\\-]*");

  /** JSON / form names (normalised like secret names) whose values are personal data. */
  private static final Set<String> PERSONAL_NAMES = Set.of(
      "firstname", "lastname", "surname", "middlename", "fullname", "givenname", "familyname",
      "maidenname", "nickname", "prenom", "nomdefamille", "jmeno", "prijmeni",
      "email", "mail", "emailaddress", "loginvalue", "phone", "phonenumber", "telephone", "tel",
      "mobile", "mobilephone", "fax", "birthdate", "birthday", "dateofbirth", "dob", "birthdt",
      "address", "address1", "address2", "addressline1", "addressline2", "street", "streetname",
      "housenumber", "city", "town", "zip", "zipcode", "postcode", "postalcode", "psc",
      "adresse", "courriel", "portable", "datenaissance", "datedenaissance", "ulice", "mesto");
  private static final String PERSONAL_MASK = "PERSONAL";
  private static final Pattern EMAIL = Pattern.compile(
      "[A-Za-z0-9._%+\\-]{1,64}@[A-Za-z0-9.\\-]{1,253}\\.[A-Za-z]{2,24}");

  private Redactor() {
  }

  /** True when a field of this name carries personal data (names, e-mail, phone, birthdate, address). */
  public static boolean isPersonalName(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    String n = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(".", "");
    return PERSONAL_NAMES.contains(n);
  }

  /**
   * A body with personal data masked, for logs: the values of JSON and form fields named like
   * personal data (first/last name, e-mail, phone, birthdate, address parts) become
   * {@code "PERSONAL"} (a nested object or array under such a name is masked whole), and e-mail
   * addresses are masked anywhere. Apply after {@link #text}.
   */
  public static String personalData(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    if (out.indexOf('"') >= 0) {
      // scalars first, then flat objects and arrays under a personal name
      for (Pattern p : new Pattern[] {JSON_FIELD, FLAT_JSON_FIELD}) {
        Matcher m = p.matcher(out);
        StringBuilder b = new StringBuilder(out.length());
        while (m.find()) {
          String replacement = isPersonalName(m.group(1)) && !m.group(3).equals("null")
              ? "\"" + m.group(1) + "\"" + m.group(2) + "\"" + PERSONAL_MASK + "\""
              : m.group();
          m.appendReplacement(b, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(b);
        out = b.toString();
      }
    }
    if (out.indexOf('=') >= 0) {
      Matcher m = FORM_FIELD.matcher(out);
      StringBuilder b = new StringBuilder(out.length());
      while (m.find()) {
        String replacement = isPersonalName(m.group(2)) ? m.group(1) + m.group(2) + "=" + PERSONAL_MASK : m.group();
        m.appendReplacement(b, Matcher.quoteReplacement(replacement));
      }
      m.appendTail(b);
      out = b.toString();
    }
    return EMAIL.matcher(out).replaceAll(PERSONAL_MASK);
  }

  /** True when a field, parameter or header of this name carries a secret. */
  public static boolean isSecretName(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    String n = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(".", "");
    return SECRET_NAMES.contains(n)
        || n.endsWith("token") || n.endsWith("secret") || n.endsWith("password");
  }

  /** True for headers whose value is a credential. */
  public static boolean isSensitiveHeader(String name) {
    return name != null && SENSITIVE_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }

  /** A header value safe to print. */
  public static String headerValue(String name, String value) {
    if (isSensitiveHeader(name)) {
      return MASK;
    }
    return value == null ? null : text(value);
  }

  /** Headers as {@code name: value} lines, credentials replaced. */
  public static List<String> headers(Headers headers) {
    java.util.ArrayList<String> lines = new java.util.ArrayList<>(headers.size());
    for (int i = 0; i < headers.size(); i++) {
      lines.add(headers.name(i) + ": " + headerValue(headers.name(i), headers.value(i)));
    }
    return lines;
  }

  /** A URL safe to print: no user info, secret query values and token ids replaced. */
  public static String url(HttpUrl url) {
    if (url == null) {
      return null;
    }
    HttpUrl.Builder b = url.newBuilder().username("").password("").fragment(null);
    List<String> segments = url.pathSegments();
    for (int i = 1; i < segments.size(); i++) {
      if (segments.get(i - 1).equalsIgnoreCase("tokens") && !segments.get(i).isEmpty()) {
        b.setPathSegment(i, MASK);
      }
    }
    for (int i = 0; i < segments.size(); i++) {
      if (SecretValues.occursIn(segments.get(i))) {
        b.setPathSegment(i, SecretValues.mask(segments.get(i)));
      }
    }
    b.query(null);
    String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    if (!last.equalsIgnoreCase("token")) {
      for (int i = 0; i < url.querySize(); i++) {
        String name = url.queryParameterName(i);
        String value = url.queryParameterValue(i);
        b.addQueryParameter(name, isSecretName(name) && value != null ? MASK : SecretValues.mask(value));
      }
    }
    return SecretValues.mask(b.build().toString());
  }

  /** Like {@link #url(HttpUrl)} for a string; an unparsable URL loses everything after {@code ?}. */
  public static String url(String url) {
    if (url == null) {
      return null;
    }
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed != null) {
      return url(parsed);
    }
    int q = url.indexOf('?');
    return text(q < 0 ? url : url.substring(0, q));
  }

  /** Free text or a body (JSON, form, HTML, plain) with secret values replaced. */
  public static String text(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = SecretValues.mask(text);
    out = replaceJsonFields(out);
    out = replaceFormFields(out);
    out = AUTH_SCHEME.matcher(out).replaceAll("$1$2" + MASK);
    out = JWT.matcher(out).replaceAll(MASK);
    return out;
  }

  /** The first {@link #SNIPPET_LIMIT} characters of a body, redacted (before truncation, so a cut cannot hide a secret's name). */
  public static String snippet(String body) {
    if (body == null) {
      return null;
    }
    String redacted = text(body);
    return redacted.length() <= SNIPPET_LIMIT ? redacted : redacted.substring(0, SNIPPET_LIMIT);
  }

  private static String replaceJsonFields(String text) {
    if (text.indexOf('"') < 0) {
      return text;
    }
    Matcher m = JSON_FIELD.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String replacement = isSecretName(m.group(1))
          ? "\"" + m.group(1) + "\"" + m.group(2) + "\"" + MASK + "\""
          : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String replaceFormFields(String text) {
    if (text.indexOf('=') < 0) {
      return text;
    }
    Matcher m = FORM_FIELD.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String replacement = isSecretName(m.group(2))
          ? m.group(1) + m.group(2) + "=" + MASK
          : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
