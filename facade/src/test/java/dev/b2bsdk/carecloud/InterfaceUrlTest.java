package dev.b2bsdk.carecloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InterfaceUrlTest {

  private static final String E = "https://p.crmcarecloud.com/webservice/rest-api/enterprise-interface/v1.0/";

  @ParameterizedTest
  @ValueSource(strings = {
      "https://p.crmcarecloud.com/webservice/rest-api",
      "https://p.crmcarecloud.com/webservice/rest-api/",
      "https://p.crmcarecloud.com/webservice/rest-api/enterprise-interface",
      "https://p.crmcarecloud.com/webservice/rest-api/enterprise-interface/v1.0",
      "https://p.crmcarecloud.com/webservice/rest-api/enterprise-interface/v1.0/"})
  void theProjectUrlOrTheFullInterfaceUrlGiveTheSameBase(String given) {
    assertThat(InterfaceUrl.ENTERPRISE.resolve(given)).isEqualTo(E);
  }

  @ParameterizedTest
  @CsvSource({
      "https://p.example/webservice/rest-api, https://p.example/webservice/rest-api/customer-interface/v1.0/",
      "https://p.example/crm/proxy/, https://p.example/crm/proxy/customer-interface/v1.0/",
      "https://p.example/webservice/rest-api/customer-interface/v2.1, https://p.example/webservice/rest-api/customer-interface/v2.1/",
      "http://127.0.0.1:8080/webservice/rest-api, http://127.0.0.1:8080/webservice/rest-api/customer-interface/v1.0/"})
  void customerInterface(String given, String expected) {
    assertThat(InterfaceUrl.CUSTOMER.resolve(given)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://p.example/webservice/rest-api/customer-interface",
      "https://p.example/webservice/rest-api/customer-interface/v1.0/"})
  void theOtherInterfaceIsRefusedNamingTheSetting(String given) {
    assertThatThrownBy(() -> InterfaceUrl.ENTERPRISE.resolve(given))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("baseUrl points at the customer-interface");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not a url", "ftp://p.example/x"})
  void anUnparsableUrlIsLeftForTheCoreCheck(String given) {
    assertThat(InterfaceUrl.ENTERPRISE.resolve(given)).isEqualTo(given);
  }
}
