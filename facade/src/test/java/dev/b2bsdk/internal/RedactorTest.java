package dev.b2bsdk.internal;


import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class RedactorTest {

  @Test
  void secretQueryParametersAreReplaced() {
    String url = Redactor.url(HttpUrl.get(
        "https://api.example.com/things?page=2&access_token=abc123&clientSecret=s3cr3t&name=x"));
    assertThat(url).isEqualTo(
        "https://api.example.com/things?page=2&access_token=REDACTED&clientSecret=REDACTED&name=x");
  }

  @Test
  void tokenUrlLosesItsWholeQuery() {
    String url = Redactor.url(HttpUrl.get(
        "https://api.cegid.shop-application.io/token?client_id=my-id&client_secret=s3cr3t"));
    assertThat(url).isEqualTo("https://api.cegid.shop-application.io/token");
  }

  @Test
  void tokenIdInPathAndUserInfoAreReplaced() {
    String url = Redactor.url(HttpUrl.get(
        "https://user:pw@crm.example.com/rest/tokens/8ea6abece4cd0a4d/actions/login"));
    assertThat(url).isEqualTo("https://crm.example.com/rest/tokens/REDACTED/actions/login");
  }

  @Test
  void unparsableUrlLosesItsQuery() {
    assertThat(Redactor.url("not a url?password=x")).isEqualTo("not a url");
  }

  @Test
  void credentialHeadersAreReplaced() {
    Headers headers = Headers.of("Authorization", "Bearer abc.def", "Cookie", "s=1",
        "Set-Cookie", "s=2", "Proxy-Authorization", "Basic Zm9vOmJhcg==", "Accept", "application/json");
    assertThat(String.join("\n", Redactor.headers(headers)))
        .contains("Authorization: REDACTED", "Cookie: REDACTED", "Set-Cookie: REDACTED",
            "Proxy-Authorization: REDACTED", "Accept: application/json")
        .doesNotContain("abc.def", "s=1", "s=2", "Zm9vOmJhcg");
  }

  @Test
  void secretJsonFieldsAreReplacedWhateverTheirCase() {
    String body = "{\"login\":\"jane\",\"password\":\"hunter2\",\"data\":{\"bearer_token\":\"tok1\","
        + "\"refreshToken\":\"tok2\",\"token_type\":\"bearer\",\"expires_in\":1200,\"PIN\":1,"
        + "\"api_key\": 12345}}";
    String out = Redactor.text(body);
    assertThat(out).doesNotContain("hunter2", "tok1", "tok2", "12345")
        .contains("\"login\":\"jane\"", "\"password\":\"REDACTED\"", "\"token_type\":\"bearer\"",
            "\"expires_in\":1200");
  }

  @Test
  void truncatedJsonStillLosesTheSecret() {
    assertThat(Redactor.text("{\"access_token\":\"eyJhbGciOiJSUz")).doesNotContain("eyJhbGciOiJSUz");
  }

  @Test
  void formFieldsBearerCredentialsAndJwtsInTextAreReplaced() {
    String text = "grant_type=refresh_token&refresh_token=r3fr3sh&client_id=app"
        + " header Bearer abcdefgh1234 and eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
    String out = Redactor.text(text);
    assertThat(out).doesNotContain("r3fr3sh", "abcdefgh1234", "c2lnbmF0dXJl")
        .contains("grant_type=refresh_token", "client_id=app", "Bearer REDACTED");
  }

  @Test
  void snippetIsRedactedBeforeItIsTruncated() {
    String body = "x".repeat(1020) + "{\"password\":\"hunter2\"}";
    String snippet = Redactor.snippet(body);
    assertThat(snippet).hasSize(Redactor.SNIPPET_LIMIT).doesNotContain("hunt");
  }

  @Test
  void secretNames() {
    assertThat(Redactor.isSecretName("client_secret")).isTrue();
    assertThat(Redactor.isSecretName("Token_Id")).isTrue();
    assertThat(Redactor.isSecretName("push_token")).isTrue();
    assertThat(Redactor.isSecretName("new-password")).isTrue();
    assertThat(Redactor.isSecretName("client_id")).isFalse();
    assertThat(Redactor.isSecretName("token_type")).isFalse();
    assertThat(Redactor.isSecretName("name")).isFalse();
  }
}
