package dev.b2bsdk.testkit.core;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.Collection;
import java.util.Map;

/**
 * JSON writing and small helpers over Gson's tree model. Mocks build bodies as {@link JsonObject}s so
 * that exactly the spec's properties go out (the validators reject unknown ones); an explicit
 * {@link JsonNull} member is written as {@code null} (only used where the spec says nullable).
 */
public final class Json {

  private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping()
      .create();

  private Json() {
  }

  /** Compact JSON text. */
  public static String write(JsonElement element) {
    return GSON.toJson(element);
  }

  /** Parses JSON text (lenient about nothing: malformed input throws). */
  public static JsonElement parse(String text) {
    return JsonParser.parseString(text);
  }

  /** An object from alternating names and values (String, Number, Boolean, JsonElement, null). */
  public static JsonObject obj(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must alternate");
    }
    JsonObject out = new JsonObject();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      out.add((String) namesAndValues[i], value(namesAndValues[i + 1]));
    }
    return out;
  }

  /** An array of values (String, Number, Boolean, JsonElement). */
  public static JsonArray arr(Collection<?> values) {
    JsonArray out = new JsonArray();
    values.forEach(v -> out.add(value(v)));
    return out;
  }

  /** An array of values. */
  public static JsonArray arr(Object... values) {
    return arr(java.util.Arrays.asList(values));
  }

  /** Wraps a Java value as a JSON element. */
  public static JsonElement value(Object v) {
    if (v == null) {
      return JsonNull.INSTANCE;
    } else if (v instanceof JsonElement e) {
      return e;
    } else if (v instanceof String s) {
      return new JsonPrimitive(s);
    } else if (v instanceof Number n) {
      return new JsonPrimitive(n);
    } else if (v instanceof Boolean b) {
      return new JsonPrimitive(b);
    } else if (v instanceof Collection<?> c) {
      return arr(c);
    } else if (v instanceof Map<?, ?> m) {
      JsonObject o = new JsonObject();
      m.forEach((k, val) -> o.add(String.valueOf(k), value(val)));
      return o;
    }
    return new JsonPrimitive(String.valueOf(v));
  }

  /** String member, or null when absent or JSON null. */
  public static String str(JsonObject o, String name) {
    JsonElement e = o.get(name);
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }

  /** Object member, or null when absent or not an object. */
  public static JsonObject objOrNull(JsonObject o, String name) {
    JsonElement e = o.get(name);
    return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
  }

  /** A copy of {@code source} keeping only the named members that are present. */
  public static JsonObject pick(JsonObject source, Collection<String> names) {
    JsonObject out = new JsonObject();
    for (String name : names) {
      if (source.has(name)) {
        out.add(name, source.get(name).deepCopy());
      }
    }
    return out;
  }
}
