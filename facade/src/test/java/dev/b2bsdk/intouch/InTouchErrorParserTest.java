package dev.b2bsdk.intouch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b2bsdk.core.error.ErrorDetails;
import dev.b2bsdk.core.error.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InTouchErrorParserTest {

  private final InTouchErrorParser parser = new InTouchErrorParser();

  @Test
  void readsEveryProblemWithFieldMessageAndLevel() {
    ErrorDetails details = parser.parse(400, "application/json", "{\"ok\": false, \"status\": 400,"
        + " \"problems\": [{\"level\": \"SEVERE\", \"field\": \"surname\", \"message\": \"is required\"},"
        + " {\"level\": \"INFO\", \"message\": \"record not saved\"}]}");
    assertThat(details.errorCode()).isNull();
    assertThat(details.message()).isEqualTo("surname: is required; record not saved");
    assertThat(details.problems()).containsExactly(
        new FieldProblem("surname", "is required", "SEVERE"),
        new FieldProblem(null, "record not saved", "INFO"));
  }

  @Test
  void toleratesOddProblemEntries() {
    ErrorDetails details = parser.parse(400, null,
        "{\"problems\": [42, {\"level\": \"WARNING\", \"field\": \"email\"}, {\"message\": \"\"}]}");
    assertThat(details.problems()).containsExactly(
        new FieldProblem("email", null, "WARNING"), new FieldProblem(null, null, null));
    assertThat(details.message()).isNull();
  }

  @Test
  void emptyProblemListGivesNoMessage() {
    ErrorDetails details = parser.parse(404, null, "{\"ok\": false, \"status\": 404, \"problems\": []}");
    assertThat(details.message()).isNull();
    assertThat(details.problems()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "<html>Bad Gateway</html>", "{\"ok\": false", "[]", "null",
      "{\"ok\": false, \"status\": 500}", "{\"problems\": \"none\"}", "{\"problems\": {\"a\": 1}}"})
  void anythingElseIsEmptyAndNeverThrows(String body) {
    assertThat(parser.parse(500, "text/html", body)).isEqualTo(ErrorDetails.EMPTY);
  }
}
