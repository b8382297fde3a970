package dev.b2bsdk.itcare;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.b2bsdk.core.error.MalformedResponseException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A page whose fourth item has a value of the wrong type: the error names operation and path. */
class ItCareMalformedPageTest extends ItCareWireMockTest {

  @BeforeEach
  void client() {
    stubTokens("tok1");
    client = builder().build();
  }

  @Test
  void theFailingItemIsNamedByItsJsonPath() {
    String item = "{\"id\":%d,\"name\":\"vm%d\",\"creationTime\":\"2016-06-01T12:27:19.000+0200\"}";
    String bad = "{\"id\":4,\"name\":\"vm4\",\"creationTime\":20160601}";
    api.stubFor(get(urlPathEqualTo("/itcare/compute/instances")).willReturn(okJson(
        "{\"content\":[" + String.format(item, 1, 1) + "," + String.format(item, 2, 2) + ","
            + String.format(item, 3, 3) + "," + bad + "],\"totalElements\":4,\"totalPages\":1,"
            + "\"number\":0,\"size\":10,\"last\":true}")));

    assertThatThrownBy(() -> client.instances().list().stream().count())
        .isInstanceOfSatisfying(MalformedResponseException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.bodySnippet()).contains("vm4"))
        .hasMessage("ITCare listInstances → 200: "
            + "$.content[3].creationTime: expected a date string, got 20160601");
  }
}
