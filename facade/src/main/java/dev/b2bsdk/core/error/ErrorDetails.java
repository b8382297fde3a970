package dev.b2bsdk.core.error;

import java.util.List;

/**
 * What an {@link ErrorBodyParser} understood of an error body. Every part is optional.
 *
 * @param errorCode the service's machine-readable code ({@code INVALID_FIELD_VALUE}), or null
 * @param message the service's human-readable message, or null
 * @param problems per-field problems, never null (copied, immutable)
 */
public record ErrorDetails(String errorCode, String message, List<FieldProblem> problems) {

  /** Details of a body that said nothing useful (empty, HTML, unknown shape). */
  public static final ErrorDetails EMPTY = new ErrorDetails(null, null, List.of());

  public ErrorDetails {
    problems = problems == null ? List.of() : List.copyOf(problems);
  }

  /** Details with a code and a message and no field problems. */
  public static ErrorDetails of(String errorCode, String message) {
    return new ErrorDetails(errorCode, message, List.of());
  }
}
