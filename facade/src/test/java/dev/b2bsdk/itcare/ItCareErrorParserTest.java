package dev.b2bsdk.itcare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b2bsdk.core.error.ErrorDetails;
import dev.b2bsdk.core.error.FieldProblem;
import org.junit.jupiter.api.Test;

class ItCareErrorParserTest {
  private final ItCareErrorParser parser = new ItCareErrorParser();

  @Test
  void itCareBodyWithAFieldError() {
    ErrorDetails d = parser.parse(400, "application/json", "{\"status\": \"BAD_REQUEST\","
        + " \"errorCode\": \"INVALID_FIELD_VALUE\", \"errorDesc\": \"name\","
        + " \"errorMessage\": \"Error on field 'name'\"}");
    assertThat(d.errorCode()).isEqualTo("INVALID_FIELD_VALUE");
    assertThat(d.message()).isEqualTo("Error on field 'name'");
    assertThat(d.problems()).containsExactly(
        new FieldProblem("name", "Error on field 'name'", "INVALID_FIELD_VALUE"));
  }

  @Test
  void itCareBodyWithoutAFieldKeepsTheDescriptionAsFallbackMessage() {
    ErrorDetails d = parser.parse(409, null,
        "{\"status\":\"CONFLICT\",\"errorCode\":\"INSTANCE_NOT_INACTIVE\","
            + "\"errorDesc\":\"Instance must be stopped first\"}");
    assertThat(d.errorCode()).isEqualTo("INSTANCE_NOT_INACTIVE");
    assertThat(d.message()).isEqualTo("Instance must be stopped first");
    assertThat(d.problems()).isEmpty();
  }

  @Test
  void oauthErrorOfTheTokenEndpoint() {
    ErrorDetails d = parser.parse(401, "application/json",
        "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client credentials\"}");
    assertThat(d).isEqualTo(ErrorDetails.of("invalid_client", "Invalid client credentials"));
  }

  @Test
  void springBootDefaultErrorBody() {
    ErrorDetails d = parser.parse(500, "application/json", "{\"timestamp\":\"2024-06-12T07:15:02Z\","
        + "\"status\":500,\"error\":\"Internal Server Error\",\"message\":\"Boom\",\"path\":\"/x\"}");
    assertThat(d).isEqualTo(ErrorDetails.of(null, "Boom"));
  }

  @Test
  void bodiesThatSayNothingYieldEmptyDetails() {
    for (String body : new String[] {"", "   ", "<html><body>502 Bad Gateway</body></html>",
        "{\"errorCode\": ", "[1,2]", "null", "42", "{\"status\":\"NOT_FOUND\"}",
        "{\"errorCode\": {\"nested\": true}}"}) {
      assertThat(parser.parse(404, "text/html", body)).as(body).isEqualTo(ErrorDetails.EMPTY);
    }
  }
}
