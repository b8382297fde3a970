package dev.b2bsdk.internal;

import dev.b2bsdk.core.error.ErrorDetails;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Base of the error parsers of APIs whose error bodies are JSON objects: reads the body once,
 * tolerating what real servers and proxies send instead (an empty body, an HTML page, a
 * truncated or non-object JSON body all give {@link ErrorDetails#EMPTY}), and hands the object
 * to {@link #parse(int, JsonObject)}. A subclass that throws is still safe: the core wraps every
 * parser so that a failure costs the details, never the exception.
 */
public abstract class JsonErrorBodyParser implements ErrorBodyParser {

  @Override
  public final ErrorDetails parse(int status, String contentType, String body) {
    JsonObject json = object(body);
    return json == null ? ErrorDetails.EMPTY : parse(status, json);
  }

  /** The details of one error body that is a JSON object. */
  protected abstract ErrorDetails parse(int status, JsonObject json);

  /** {@code body} as a JSON object, or null when it is empty, not JSON, or not an object. */
  public static JsonObject object(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonElement element = JsonParser.parseString(body);
      return element.isJsonObject() ? element.getAsJsonObject() : null;
    } catch (RuntimeException e) {
      return null; // not JSON: a proxy's HTML page, a truncated body
    }
  }

  /** A non-blank string value, or null (absent, null, blank, number, boolean, object, array). */
  protected static String text(JsonElement element) {
    if (element == null || !element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
      return null;
    }
    String value = element.getAsString();
    return value.isBlank() ? null : value;
  }
}
