package dev.b2bsdk.shopapp;

import com.google.gson.JsonObject;
import dev.b2bsdk.internal.JsonErrorBodyParser;
import dev.b2bsdk.core.error.ErrorDetails;

/**
 * Reads Shop Application error bodies, {@code {"error": true, "message": "..."}}, into
 * {@link ErrorDetails} (message only: the API has no error codes and no field problems).
 *
 * <p>The API answers an unknown route with 400 and this body (it has no 404), so such an answer
 * becomes a {@code ValidationException} whose message says the route is unknown. Anything else
 * (empty, HTML, other JSON) yields {@link ErrorDetails#EMPTY}; never throws.
 */
final class ShopApplicationErrorParser extends JsonErrorBodyParser {

  @Override
  protected ErrorDetails parse(int status, JsonObject json) {
    String message = text(json.get("message"));
    if (message == null) {
      // tolerate {"error": "..."}: some error paths may put the text there
      message = text(json.get("error"));
    }
    return message == null ? ErrorDetails.EMPTY : ErrorDetails.of(null, message);
  }
}
