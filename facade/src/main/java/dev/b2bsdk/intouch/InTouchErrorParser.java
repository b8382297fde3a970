package dev.b2bsdk.intouch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.b2bsdk.internal.JsonErrorBodyParser;
import dev.b2bsdk.core.error.ErrorDetails;
import dev.b2bsdk.core.error.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Reads InTouch error bodies, {@code {"ok": false, "status": 404, "problems": [{"level":
 * "SEVERE", "field": "surname", "message": "..."}]}}, into {@link ErrorDetails}: each problem
 * becomes a {@link FieldProblem} (field, message, level as its code) and the service message
 * joins the problems ({@code surname: must not be empty; ...}). No error code: InTouch has none.
 * Anything else (empty, HTML, other JSON) yields {@link ErrorDetails#EMPTY}; never throws.
 */
final class InTouchErrorParser extends JsonErrorBodyParser {

  @Override
  protected ErrorDetails parse(int status, JsonObject json) {
    if (!(json.get("problems") instanceof JsonArray)) {
      return ErrorDetails.EMPTY;
    }
    List<FieldProblem> problems = new ArrayList<>();
    StringJoiner message = new StringJoiner("; ");
    for (JsonElement element : json.getAsJsonArray("problems")) {
      if (!element.isJsonObject()) {
        continue;
      }
      JsonObject p = element.getAsJsonObject();
      String field = text(p.get("field"));
      String text = text(p.get("message"));
      problems.add(new FieldProblem(field, text, text(p.get("level"))));
      if (text != null) {
        message.add(field != null ? field + ": " + text : text);
      }
    }
    return new ErrorDetails(null, message.length() == 0 ? null : message.toString(), problems);
  }
}
