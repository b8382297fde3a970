package dev.b2bsdk.demo;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The four APIs of the tour, in tour order, each with its key in the summary and in --only. */
enum Api {
  ITCARE("itcare"),
  CARECLOUD("carecloud"),
  SHOPAPP("shopapp"),
  INTOUCH("intouch");

  private final String key;

  Api(String key) {
    this.key = key;
  }

  /** The key in the JSON summary and in {@code --only}, e.g. {@code itcare}. */
  String key() {
    return key;
  }

  /**
   * The API named {@code key}, ignoring case.
   *
   * @throws IllegalArgumentException listing the valid keys
   */
  static Api fromKey(String key) {
    String wanted = key.trim().toLowerCase(Locale.ROOT);
    for (Api api : values()) {
      if (api.key.equals(wanted)) {
        return api;
      }
    }
    throw new IllegalArgumentException("unknown API '" + key + "': expected " + keys());
  }

  /** The valid keys, comma-separated. */
  static String keys() {
    return Arrays.stream(values()).map(Api::key).collect(Collectors.joining(", "));
  }
}
