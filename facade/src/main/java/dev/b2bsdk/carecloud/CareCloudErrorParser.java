package dev.b2bsdk.carecloud;

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
 * Reads CareCloud's error body
 * {@code {"error": {type, exception, title, detail, error_data: {invalid_params: [...], ...}}}}:
 * error code = {@code exception} (else {@code type}), message = {@code detail} (else
 * {@code title}), one {@link FieldProblem} per {@code invalid_params[]} entry (field =
 * {@code name}, message = {@code message}, code = {@code reason}).
 *
 * <p>Reads a JSON tree rather than the generated {@code ErrorResponse}, so that an unexpected
 * type anywhere (a number for {@code name}, a string for {@code error}) costs that field, not
 * the whole parse. Never throws; empty, HTML or truncated bodies give {@link ErrorDetails#EMPTY}.
 */
final class CareCloudErrorParser extends JsonErrorBodyParser {

  @Override
  protected ErrorDetails parse(int status, JsonObject root) {
    JsonElement value = root.get("error");
    if (value == null || !value.isJsonObject()) {
      // {"error": "text"} from a proxy or an older endpoint: keep the text
      return value != null && value.isJsonPrimitive()
          ? ErrorDetails.of(null, value.getAsString())
          : ErrorDetails.EMPTY;
    }
    JsonObject error = value.getAsJsonObject();
    String code = firstText(error, "exception", "type");
    String message = firstText(error, "detail", "title");
    return new ErrorDetails(code, message, invalidParams(error.get("error_data")));
  }

  /** A string field of {@code error.error_data} in {@code body}, or null. */
  static String errorData(String body, String field) {
    JsonObject error = errorObject(body);
    JsonElement data = error == null ? null : error.get("error_data");
    return data != null && data.isJsonObject() ? valueText(data.getAsJsonObject().get(field)) : null;
  }

  private static JsonObject errorObject(String body) {
    JsonObject root = object(body);
    JsonElement error = root == null ? null : root.get("error");
    return error != null && error.isJsonObject() ? error.getAsJsonObject() : null;
  }

  private static List<FieldProblem> invalidParams(JsonElement errorData) {
    if (errorData == null || !errorData.isJsonObject()) {
      return List.of();
    }
    JsonElement params = errorData.getAsJsonObject().get("invalid_params");
    if (params == null || !params.isJsonArray()) {
      return List.of();
    }
    List<FieldProblem> problems = new ArrayList<>();
    for (JsonElement p : params.getAsJsonArray()) {
      if (p.isJsonObject()) {
        JsonObject o = p.getAsJsonObject();
        problems.add(new FieldProblem(valueText(o.get("name")), valueText(o.get("message")),
            valueText(o.get("reason"))));
      }
    }
    return problems;
  }

  private static String firstText(JsonObject o, String... names) {
    for (String name : names) {
      String value = valueText(o.get(name));
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  /** A value as text: strings and numbers as is, an array of them dotted (a field path). */
  private static String valueText(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (e.isJsonPrimitive()) {
      return e.getAsString();
    }
    if (e.isJsonArray()) {
      JsonArray array = e.getAsJsonArray();
      StringJoiner path = new StringJoiner(".");
      for (JsonElement part : array) {
        if (!part.isJsonPrimitive()) {
          return e.toString();
        }
        path.add(part.getAsString());
      }
      return path.toString();
    }
    return e.toString();
  }
}
