package dev.b2bsdk.shopapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b2bsdk.core.error.ErrorDetails;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ShopApplicationErrorParserTest {

  private final ShopApplicationErrorParser parser = new ShopApplicationErrorParser();

  @Test
  void readsTheVendorsErrorBody() {
    ErrorDetails details = parser.parse(400, "application/json",
        "{\"error\": true, \"message\": \"Route inconnue\"}");
    assertThat(details.message()).isEqualTo("Route inconnue");
    assertThat(details.errorCode()).isNull();
    assertThat(details.problems()).isEmpty();
  }

  @Test
  void acceptsTheMessageInTheErrorField() {
    assertThat(parser.parse(401, null, "{\"error\": \"Token invalide\"}").message())
        .isEqualTo("Token invalide");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "<html><h1>Bad Gateway</h1></html>", "{\"error\": true",
      "[1,2]", "\"text\"", "{\"error\": true}", "{\"message\": 42}", "{\"message\": {\"a\": 1}}",
      "null"})
  void anythingElseIsEmptyAndNeverThrows(String body) {
    assertThat(parser.parse(500, "text/html", body)).isEqualTo(ErrorDetails.EMPTY);
  }
}
