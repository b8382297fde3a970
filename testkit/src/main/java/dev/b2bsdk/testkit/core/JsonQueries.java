package dev.b2bsdk.testkit.core;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Predicate;

/** Sorting and filtering of stored records (JSON objects) by a first-level field. */
public final class JsonQueries {

  private JsonQueries() {
  }

  /**
   * Orders records by {@code field}: numbers numerically, booleans false first, anything else as
   * text; records without the field (or with null) come last in either direction.
   */
  public static Comparator<JsonObject> byField(String field, boolean descending) {
    return (a, b) -> {
      JsonElement x = a.get(field);
      JsonElement y = b.get(field);
      boolean xMissing = x == null || x.isJsonNull();
      boolean yMissing = y == null || y.isJsonNull();
      if (xMissing || yMissing) {
        return Boolean.compare(xMissing, yMissing);
      }
      int order = compare(x, y);
      return descending ? -order : order;
    };
  }

  /**
   * Records whose {@code field}, as text, equals one of {@code values} (case-insensitive); an empty
   * {@code values} keeps everything. A value starting with {@code !} excludes instead (ITCare names).
   */
  public static Predicate<JsonObject> fieldIn(String field, Collection<String> values) {
    if (values == null || values.isEmpty()) {
      return r -> true;
    }
    return record -> {
      String actual = text(record.get(field));
      boolean anyPositive = false;
      boolean matched = false;
      for (String v : values) {
        if (v.startsWith("!")) {
          if (v.substring(1).equalsIgnoreCase(actual)) {
            return false;
          }
        } else {
          anyPositive = true;
          matched |= v.equalsIgnoreCase(actual);
        }
      }
      return !anyPositive || matched;
    };
  }

  private static int compare(JsonElement x, JsonElement y) {
    if (x.isJsonPrimitive() && y.isJsonPrimitive()) {
      JsonPrimitive p = x.getAsJsonPrimitive();
      JsonPrimitive q = y.getAsJsonPrimitive();
      if (p.isNumber() && q.isNumber()) {
        return Double.compare(p.getAsDouble(), q.getAsDouble());
      }
      if (p.isBoolean() && q.isBoolean()) {
        return Boolean.compare(p.getAsBoolean(), q.getAsBoolean());
      }
    }
    return text(x).toLowerCase(Locale.ROOT).compareTo(text(y).toLowerCase(Locale.ROOT));
  }

  private static String text(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return "";
    }
    return e.isJsonPrimitive() ? e.getAsString() : e.toString();
  }
}
