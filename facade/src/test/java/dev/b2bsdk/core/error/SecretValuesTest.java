package dev.b2bsdk.core.error;

import dev.b2bsdk.internal.AccessToken;
import dev.b2bsdk.internal.BasicCredentials;
import dev.b2bsdk.internal.RedactedCause;
import dev.b2bsdk.internal.Redactor;
import dev.b2bsdk.internal.SecretValues;

import dev.b2bsdk.internal.RedactedCause;
import dev.b2bsdk.internal.Redactor;
import dev.b2bsdk.internal.SecretValues;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretValuesTest {

  @Test
  void aRegisteredCredentialIsMaskedInFreeTextWhateverCarriesIt() {
    SecretValues.registerCredential("Zq9-echo/secret+1");
    String echoed = "client Zq9-echo/secret+1 refused; form=" + URLEncoder.encode("Zq9-echo/secret+1",
        StandardCharsets.UTF_8) + "; json={\"note\":\"Zq9-echo\\/secret+1\"}";
    assertThat(Redactor.text(echoed)).doesNotContain("Zq9-echo").contains("REDACTED");
    assertThat(Redactor.snippet("<p>" + echoed + "</p>")).doesNotContain("Zq9-echo");
    assertThat(Redactor.url("https://h.example/a/Zq9-echo%2Fsecret%2B1/b?note=Zq9-echo/secret%2B1"))
        .doesNotContain("Zq9-echo");
  }

  @Test
  void issuedTokensAndBasicCredentialsAreMasked() {
    AccessToken.of("tok-issued-7f3a9c", null).withRefreshToken("ref-issued-88aa", null);
    BasicCredentials.of("api-user", "B4sic-pw-echo");
    String basic = Base64.getEncoder().encodeToString(
        "api-user:B4sic-pw-echo".getBytes(StandardCharsets.UTF_8));
    String masked = Redactor.text("tokens tok-issued-7f3a9c ref-issued-88aa, password "
        + "B4sic-pw-echo, header " + basic);
    assertThat(masked).doesNotContain("tok-issued-7f3a9c").doesNotContain("ref-issued-88aa")
        .doesNotContain("B4sic-pw-echo").doesNotContain(basic);
  }

  @Test
  void aShortCredentialIsMaskedAsAWordOnly() {
    SecretValues.registerCredential("qsecr7");
    assertThat(Redactor.text("password qsecr7 refused (field client_qsecr7_x)"))
        .isEqualTo("password REDACTED refused (field client_qsecr7_x)");
  }

  @Test
  void shortValuesAreNotRegistered() {
    SecretValues.registerCredential("abc");
    assertThat(Redactor.text("abc def")).isEqualTo("abc def");
  }

  @Test
  void aCauseThatQuotesASecretIsReplacedByARedactedCopyOtherCausesAreKept() {
    SecretValues.registerCredential("Cause-s3cret-xyz");
    IOException quoting = new IOException("server said Cause-s3cret-xyz",
        new IllegalStateException("inner Cause-s3cret-xyz"));
    ApiException e = new TransportException(ApiException.builder("X").detail("failed").cause(quoting));
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(t.toString()).doesNotContain("Cause-s3cret-xyz");
    }
    assertThat(e.getCause()).isInstanceOf(RedactedCause.class)
        .hasMessageStartingWith("java.io.IOException: server said REDACTED");
    assertThat(e.getCause().getStackTrace()).isEqualTo(quoting.getStackTrace());

    IOException plain = new IOException("Connection reset");
    assertThat(new TransportException(ApiException.builder("X").cause(plain)).getCause()).isSameAs(plain);
  }

  @Test
  void personalDataIsMaskedInBodiesButNotOtherFields() {
    String body = "{\"customer_id\":\"c1\",\"personal_information\":{\"first_name\":\"Jana\","
        + "\"last_name\":\"Nováková\",\"email\":\"jana@example.cz\",\"phone\":420123456789,"
        + "\"birthdate\":\"1985-02-12\",\"gender\":2},\"address\":{\"street\":\"Hlavní 1\","
        + "\"city\":\"Brno\"},\"state\":1,\"note\":null,\"nickname\":null}";
    String masked = Redactor.personalData(body);
    assertThat(masked).contains("\"customer_id\":\"c1\"").contains("\"gender\":2")
        .contains("\"state\":1").contains("\"first_name\":\"PERSONAL\"")
        .contains("\"address\":\"PERSONAL\"").contains("\"nickname\":null")
        .doesNotContain("Jana").doesNotContain("Nováková").doesNotContain("jana@example.cz")
        .doesNotContain("420123456789").doesNotContain("1985-02-12").doesNotContain("Hlavní")
        .doesNotContain("Brno");
    assertThat(Redactor.personalData("firstname=Jana&surname=Novak&size=10"))
        .isEqualTo("firstname=PERSONAL&surname=PERSONAL&size=10");
  }
}
