package dev.b2bsdk.core.error;

/**
 * One problem the service reported about one field of a request, e.g. CareCloud's
 * {@code invalid_params[]} entry or an InTouch {@code problems[]} entry.
 *
 * @param field the field name as the service spells it, or null when the problem is not tied to a field
 * @param message the human-readable text, or null
 * @param code a machine-readable reason or level ({@code required}, {@code SEVERE}, ...), or null
 */
public record FieldProblem(String field, String message, String code) {

  /** Short form used in exception messages: {@code field 'name': must not be empty}. */
  String describe() {
    StringBuilder out = new StringBuilder();
    if (field != null && !field.isEmpty()) {
      out.append("field '").append(field).append('\'');
    }
    String text = message != null && !message.isEmpty() ? message : code;
    if (text != null && !text.isEmpty()) {
      if (out.length() > 0) {
        out.append(": ");
      }
      out.append(text);
    }
    return out.toString();
  }
}
