package dev.b2bsdk.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The values of the SDK's own credentials and issued tokens, masked by {@link Redactor} wherever
 * they appear: a server that echoes a client secret in a 401 message, a Keycloak
 * {@code error_description}, a plain-text 503 or a header cannot make it reach an exception
 * message, a cause, a body snippet or a log line. Name-based redaction (fields called
 * {@code password}, {@code token}, ...) cannot catch such echoes; this does, whatever carries them.
 *
 * <p>Credentials (client secrets, passwords, Basic credentials) are registered by the clients
 * when they are built or used, issued tokens when they are received ({@code AccessToken}). Each
 * value is also matched URL-encoded, JSON-escaped and, for Basic credentials, Base64-encoded.
 * Credentials are kept for the life of the JVM (there are few); tokens are kept for the
 * {@value #TOKEN_LIMIT} most recent ones, far more than the tokens alive at any time. Values
 * shorter than {@value #MIN_LENGTH} characters are not registered (masking "ab" everywhere would
 * make every text unreadable and protect nothing); values shorter than {@value #WORD_LENGTH} are
 * masked only as a whole word (a password {@code secret} does not turn {@code client_secret}
 * into {@code client_REDACTED}).
 */
public final class SecretValues {

  /** Shortest value masked. */
  public static final int MIN_LENGTH = 4;

  /** Values shorter than this are masked only where no letter, digit or underscore touches them. */
  public static final int WORD_LENGTH = 8;

  /** How many issued tokens are remembered. */
  public static final int TOKEN_LIMIT = 4096;

  private static final Set<String> CREDENTIALS = ConcurrentHashMap.newKeySet();
  private static final Map<String, Boolean> TOKENS = Collections.synchronizedMap(
      new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > TOKEN_LIMIT;
        }
      });
  private static volatile String[] all = new String[0];
  private static volatile java.util.regex.Pattern shortWords;

  private SecretValues() {
  }

  /** Registers a credential (client secret, password). Null and short values are ignored. */
  public static void registerCredential(String value) {
    if (value != null && value.length() >= MIN_LENGTH) {
      for (String v : variants(value)) {
        CREDENTIALS.add(v);
      }
      rebuild();
    }
  }

  /** Registers the two parts and the Base64 form of HTTP Basic credentials. */
  public static void registerBasic(String username, String password) {
    registerCredential(password);
    if (username != null && password != null) {
      registerCredential(Base64.getEncoder().encodeToString(
          (username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** Registers an issued token (access, refresh, device token). */
  public static void registerToken(String value) {
    if (value != null && value.length() >= MIN_LENGTH && !TOKENS.containsKey(value)) {
      for (String v : variants(value)) {
        TOKENS.put(v, Boolean.TRUE);
      }
      rebuild();
    }
  }

  /** {@code text} with every registered value replaced by {@link Redactor#MASK}. */
  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : all) {
      if (out.contains(secret)) {
        out = out.replace(secret, Redactor.MASK);
      }
    }
    java.util.regex.Pattern words = shortWords;
    if (words != null) {
      out = words.matcher(out).replaceAll(Redactor.MASK);
    }
    return out;
  }

  /** True when {@code text} holds a registered value. */
  public static boolean occursIn(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    for (String secret : all) {
      if (text.contains(secret)) {
        return true;
      }
    }
    java.util.regex.Pattern words = shortWords;
    return words != null && words.matcher(text).find();
  }

  private static List<String> variants(String value) {
    List<String> out = new ArrayList<>(3);
    out.add(value);
    String url = URLEncoder.encode(value, StandardCharsets.UTF_8);
    if (!url.equals(value)) {
      out.add(url);
    }
    String json = value.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/");
    if (!json.equals(value)) {
      out.add(json);
    }
    return out;
  }

  private static synchronized void rebuild() {
    List<String> values = new ArrayList<>(CREDENTIALS);
    synchronized (TOKENS) {
      values.addAll(TOKENS.keySet());
    }
    // longest first, so that a value containing another is masked whole
    values.sort((a, b) -> Integer.compare(b.length(), a.length()));
    List<String> longOnes = new ArrayList<>();
    StringBuilder shortOnes = new StringBuilder();
    for (String v : values) {
      if (v.length() >= WORD_LENGTH) {
        longOnes.add(v);
      } else {
        shortOnes.append(shortOnes.length() == 0 ? "" : "|").append(java.util.regex.Pattern.quote(v));
      }
    }
    all = longOnes.toArray(new String[0]);
    shortWords = shortOnes.length() == 0 ? null
        : java.util.regex.Pattern.compile("(?<![A-Za-z0-9_])(?:" + shortOnes + ")(?![A-Za-z0-9_])");
  }
}
