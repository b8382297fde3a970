package dev.b2bsdk.carecloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b2bsdk.core.error.ErrorDetails;
import dev.b2bsdk.core.error.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CareCloudErrorParserTest {

  private final CareCloudErrorParser parser = new CareCloudErrorParser();

  @Test
  void readsCodeMessageAndInvalidParams() {
    ErrorDetails d = parser.parse(400, "application/json", "{\"error\":{"
        + "\"type\":\"https://api.crmcarecloud.com/errors/invalid-parameters\","
        + "\"exception\":\"invalid_parameters_exception\",\"title\":\"Invalid parameters\","
        + "\"detail\":\"Some parameters are not valid\",\"error_data\":{\"invalid_params\":["
        + "{\"name\":\"email\",\"reason\":\"already_exists\",\"value\":\"a@b.cz\","
        + "\"message\":\"E-mail already exists\"},"
        + "{\"name\":\"language_id\",\"reason\":\"required\",\"value\":null}]}}}");
    assertThat(d.errorCode()).isEqualTo("invalid_parameters_exception");
    assertThat(d.message()).isEqualTo("Some parameters are not valid");
    assertThat(d.problems()).containsExactly(
        new FieldProblem("email", "E-mail already exists", "already_exists"),
        new FieldProblem("language_id", null, "required"));
  }

  @Test
  void fallsBackToTypeAndTitle() {
    ErrorDetails d = parser.parse(404, null,
        "{\"error\":{\"type\":\"not_found\",\"title\":\"Resource not found\","
            + "\"error_data\":{\"resource_name\":\"customers\",\"resource_id\":\"c1\"}}}");
    assertThat(d.errorCode()).isEqualTo("not_found");
    assertThat(d.message()).isEqualTo("Resource not found");
    assertThat(d.problems()).isEmpty();
  }

  @Test
  void aNameOfAnyJsonTypeIsKept() {
    ErrorDetails d = parser.parse(400, null, "{\"error\":{\"exception\":\"x\",\"error_data\":{"
        + "\"invalid_params\":[{\"name\":[\"personal_information\",\"email\"],\"reason\":\"empty\"},"
        + "{\"name\":7,\"reason\":\"invalid_value_format\"},{\"name\":{\"a\":1}},\"junk\"]}}}");
    assertThat(d.problems()).extracting(FieldProblem::field)
        .containsExactly("personal_information.email", "7", "{\"a\":1}");
    assertThat(d.problems().get(1).code()).isEqualTo("invalid_value_format");
  }

  @Test
  void aPlainStringErrorBecomesTheMessage() {
    assertThat(parser.parse(500, null, "{\"error\":\"Internal error\"}"))
        .isEqualTo(ErrorDetails.of(null, "Internal error"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "<html><body>502 Bad Gateway</body></html>",
      "{\"error\":{\"exception\":\"x\"", "[1,2]", "null", "{\"data\":{}}", "{\"error\":[1]}",
      "\u0000\u0001garbage"})
  void anythingElseIsEmptyAndNeverThrows(String body) {
    ErrorDetails d = parser.parse(502, "text/html", body);
    assertThat(d.problems()).isEmpty();
    assertThat(d.errorCode()).isNull();
  }

  @Test
  void errorDataFieldsAreReadable() {
    String body = "{\"error\":{\"exception\":\"interface_not_allowed_exception\","
        + "\"error_data\":{\"invalid_resource_name\":\"cards\",\"interface\":\"customer\"}}}";
    assertThat(CareCloudErrorParser.errorData(body, "invalid_resource_name")).isEqualTo("cards");
    assertThat(CareCloudErrorParser.errorData(body, "interface")).isEqualTo("customer");
    assertThat(CareCloudErrorParser.errorData("<html>", "interface")).isNull();
    assertThat(CareCloudErrorParser.errorData(null, "interface")).isNull();
  }
}
