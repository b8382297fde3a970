package dev.b2bsdk.itcare;

import com.google.gson.JsonObject;
import dev.b2bsdk.internal.JsonErrorBodyParser;
import dev.b2bsdk.core.error.ErrorDetails;
import dev.b2bsdk.core.error.FieldProblem;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads ITCare error bodies. Never throws.
 *
 * <ul>
 *   <li>ITCare: {@code {status, errorCode, errorDesc, errorMessage}} → code {@code errorCode},
 *       message {@code errorMessage} (else {@code errorDesc}); when the code is about a field
 *       ({@code INVALID_FIELD_VALUE}) {@code errorDesc} names the field and becomes a
 *       {@link FieldProblem}.</li>
 *   <li>Keycloak token endpoint: {@code {error, error_description}} → code {@code error},
 *       message {@code error_description}.</li>
 *   <li>Most ITCare error statuses have an empty body; that, HTML from a proxy or any other
 *       shape yields {@link ErrorDetails#EMPTY} (the status still types the exception).</li>
 * </ul>
 */
final class ItCareErrorParser extends JsonErrorBodyParser {

  /** OAuth error codes are lower-case snake case ({@code invalid_client}). */
  private static final Pattern OAUTH_CODE = Pattern.compile("[a-z0-9_]+");

  @Override
  protected ErrorDetails parse(int status, JsonObject json) {
    String errorCode = text(json, "errorCode");
    String errorMessage = text(json, "errorMessage");
    String errorDesc = text(json, "errorDesc");
    if (errorCode != null || errorMessage != null || errorDesc != null) {
      return itCare(errorCode, errorMessage, errorDesc);
    }
    String error = text(json, "error");
    if (error != null) {
      // Keycloak's {error, error_description}; a Spring Boot default body also has a textual
      // "error" ("Bad Request") next to "message": only a snake-case value is a code
      String code = OAUTH_CODE.matcher(error).matches() ? error : null;
      String message = first(text(json, "error_description"), text(json, "message"));
      return ErrorDetails.of(code, message != null ? message : (code == null ? error : null));
    }
    String message = text(json, "message");
    return message == null ? ErrorDetails.EMPTY : ErrorDetails.of(null, message);
  }

  private static ErrorDetails itCare(String code, String message, String desc) {
    boolean aboutField = desc != null && code != null
        && code.toUpperCase(Locale.ROOT).contains("FIELD");
    List<FieldProblem> problems = aboutField
        ? List.of(new FieldProblem(desc, message, code))
        : List.of();
    return new ErrorDetails(code, first(message, desc), problems);
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }

  private static String text(JsonObject json, String name) {
    return text(json.get(name));
  }
}
