package dev.b2bsdk.carecloud;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** What the query objects share: list-filter checks and a toString without personal data. */
final class Queries {

  /** CareCloud accepts at most this many values in one array filter. */
  static final int MAX_VALUES = 1000;

  private Queries() {
  }

  /** An immutable copy, null when empty (no parameter sent). */
  static List<String> copy(List<String> values, String name) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > MAX_VALUES) {
      throw new IllegalArgumentException(name + " has " + values.size()
          + " values; CareCloud accepts at most " + MAX_VALUES + " per filter");
    }
    for (String v : values) {
      if (v == null) {
        throw new IllegalArgumentException(name + " must not contain null");
      }
    }
    return List.copyOf(new ArrayList<>(values));
  }

  /** The names of the filters whose value is set: {@code [email, last_name]}. */
  static String names(Object... nameValuePairs) {
    StringJoiner out = new StringJoiner(", ", "[", "]");
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      if (nameValuePairs[i + 1] != null) {
        out.add((String) nameValuePairs[i]);
      }
    }
    return out.toString();
  }
}
