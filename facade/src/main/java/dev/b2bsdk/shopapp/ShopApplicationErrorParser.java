package dev.b2bsdk.shopapp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.b2bsdk.core.error.ErrorBodyParser;
import dev.b2bsdk.core.error.ErrorDetails;

/**
 * Reads Shop Application error bodies, {@code {"error": true, "message": "..."}}, into
 * {@link ErrorDetails} (message only: the API has no error codes and no field problems).
 *
 * <p>The API answers an unknown route with 400 and this body (it has no 404), so such an answer
 * becomes a {@code ValidationException} whose message says the route is unknown. Anything else
 * (empty, HTML, other JSON) yields {@link ErrorDetails#EMPTY}; never throws.
 */
final class ShopApplicationErrorParser implements ErrorBodyParser {

  @Override
  public ErrorDetails parse(int status, String contentType, String body) {
    JsonObject json = object(body);
    if (json == null) {
      return ErrorDetails.EMPTY;
    }
    String message = text(json.get("message"));
    if (message == null) {
      // tolerate {"error": "..."}: some error paths may put the text there
      message = text(json.get("error"));
    }
    return message == null ? ErrorDetails.EMPTY : ErrorDetails.of(null, message);
  }

  private static JsonObject object(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonElement element = JsonParser.parseString(body);
      return element.isJsonObject() ? element.getAsJsonObject() : null;
    } catch (RuntimeException e) {
      return null; // not JSON (a proxy's HTML page, a truncated body)
    }
  }

  private static String text(JsonElement element) {
    if (element == null || !element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
      return null;
    }
    String value = element.getAsString();
    return value.isBlank() ? null : value;
  }
}
