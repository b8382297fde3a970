package dev.b2bsdk.core.error;

import dev.b2bsdk.internal.Redactor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Long JSON string values (a 10 KB comment on a logged page, a stack trace in an error body)
 * must not overflow the stack of the redacting regex: found by the fault matrix's 10 MB page,
 * where the BODY log of a page with long values failed the call with StackOverflowError.
 */
class RedactorLongValueTest {

  @Test
  void longPlainValueIsKeptAndTheNextSecretStillRedacted() {
    String value = "x".repeat(100_000);
    String redacted = Redactor.text("{\"comment\":\"" + value + "\",\"password\":\"hunter2\"}");
    assertThat(redacted).isEqualTo("{\"comment\":\"" + value + "\",\"password\":\"REDACTED\"}");
  }

  @Test
  void longValueOfEscapesIsKeptAndTheNextSecretStillRedacted() {
    String value = "\\u00e9\\\"".repeat(20_000);
    String redacted = Redactor.text("{\"note\":\"" + value + "\",\"client_secret\":\"s3cr3t\"}");
    assertThat(redacted).isEqualTo("{\"note\":\"" + value + "\",\"client_secret\":\"REDACTED\"}");
  }

  @Test
  void longSecretValueIsRedactedWhole() {
    String redacted = Redactor.snippet("{\"access_token\":\"" + "a".repeat(50_000) + "\"}");
    assertThat(redacted).isEqualTo("{\"access_token\":\"REDACTED\"}");
  }
}
