package dev.b2bsdk.carecloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Configuration errors fail at build() naming the setting; nothing secret is printed. */
class CareCloudBuilderTest {

  private CareCloudMock mock;

  @BeforeEach
  void start() {
    mock = new CareCloudMock();
  }

  @AfterEach
  void stop() {
    mock.close();
  }

  @Test
  void theBaseUrlIsRequired() {
    assertThatThrownBy(() -> mock.enterprise().baseUrl(null).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("baseUrl is required");
    assertThatThrownBy(() -> mock.customer(DeviceTokenStore.inMemory()).baseUrl(" ").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("baseUrl is required");
  }

  @Test
  void plainHttpToANonLoopbackHostIsRefused() {
    assertThatThrownBy(() -> mock.enterprise()
        .baseUrl("http://myproject.crmcarecloud.com/webservice/rest-api").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseUrl").hasMessageContaining("https");
    assertThatThrownBy(() -> mock.customer(DeviceTokenStore.inMemory())
        .baseUrl("http://10.0.0.5/webservice/rest-api").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
  }

  @Test
  void theOtherInterfacesUrlIsRefused() {
    assertThatThrownBy(() -> mock.enterprise()
        .baseUrl(mock.projectUrl() + "/customer-interface/v1.0").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseUrl points at the customer-interface");
  }

  @Test
  void theInterfacePathIsAppendedOrKept() {
    try (CareCloudEnterpriseClient e = mock.enterprise().build();
        CareCloudEnterpriseClient full = mock.enterprise()
            .baseUrl(mock.projectUrl() + "/enterprise-interface/v1.0").build();
        CareCloudCustomerClient c = mock.customer(DeviceTokenStore.inMemory()).build()) {
      assertThat(e.baseUrl()).isEqualTo(mock.projectUrl() + "/enterprise-interface/v1.0/");
      assertThat(full.baseUrl()).isEqualTo(e.baseUrl());
      assertThat(c.baseUrl()).isEqualTo(mock.projectUrl() + "/customer-interface/v1.0/");
    }
  }

  @Test
  void enterpriseCredentialsAreRequired() {
    assertThatThrownBy(() -> mock.enterprise().externalApplicationId(null).build())
        .hasMessage("externalApplicationId is required");
    assertThatThrownBy(() -> mock.enterprise().login("").build())
        .hasMessage("login is required");
    assertThatThrownBy(() -> mock.enterprise().password(null).build())
        .hasMessage("password is required");
  }

  @Test
  void customerDeviceAndSetupAreRequired() {
    assertThatThrownBy(() -> mock.customer(DeviceTokenStore.inMemory()).device(null).build())
        .hasMessage("device is required");
    assertThatThrownBy(() -> mock.customer(DeviceTokenStore.inMemory()).setup(null).build())
        .hasMessage("setup is required");
    assertThatThrownBy(() -> Device.builder().id("x").system("s").name("n").build())
        .hasMessage("device type is required");
    assertThatThrownBy(() -> DeviceSetup.of(" ", true, true))
        .hasMessage("setup languageId is required");
  }

  @Test
  void otherSettingsAreChecked() {
    assertThatThrownBy(() -> mock.enterprise().acceptLanguage("cs\r\nX-Evil: 1").build())
        .hasMessage("acceptLanguage is not a valid header value");
    assertThatThrownBy(() -> mock.enterprise().acceptLanguage(" ").build())
        .hasMessage("acceptLanguage must not be blank");
    assertThatThrownBy(() -> mock.enterprise().projectZone(null))
        .isInstanceOf(NullPointerException.class).hasMessage("projectZone");
    assertThatThrownBy(() -> mock.enterprise().assumedTokenLifetime(Duration.ZERO))
        .hasMessageContaining("assumedTokenLifetime");
    assertThatThrownBy(() -> mock.enterprise().tokenExpiryMargin(Duration.ofMinutes(10)).build())
        .hasMessageContaining("tokenExpiryMargin");
  }

  @Test
  void toStringShowsTheUrlAndIdsButNoSecret() {
    CareCloudEnterpriseClient.Builder builder = mock.enterprise();
    assertThat(builder.toString()).contains(mock.projectUrl()).contains(CareCloudMock.LOGIN_NAME)
        .doesNotContain(CareCloudMock.PASSWORD);
    try (CareCloudEnterpriseClient e = builder.build();
        CareCloudCustomerClient c = mock.customer(DeviceTokenStore.inMemory()).build()) {
      assertThat(e.toString()).contains("enterprise-interface").contains(CareCloudMock.LOGIN_NAME)
          .doesNotContain(CareCloudMock.PASSWORD);
      assertThat(c.toString()).contains("customer-interface").contains("install-42");
    }
  }

  @Test
  void defaultsAreDocumentedValues() {
    try (CareCloudEnterpriseClient e = mock.enterprise().build()) {
      assertThat(e.projectZone()).isEqualTo(ZoneId.of("Europe/Prague"));
      assertThat(e.acceptLanguage()).isEmpty();
    }
    assertThat(CareCloudClients.DEFAULT_RETRY.retryableStatuses())
        .containsExactlyInAnyOrder(429, 500, 502, 503, 504);
  }

  @Test
  void buildingSendsNothing() {
    mock.enterprise().build().close();
    mock.customer(DeviceTokenStore.inMemory()).build().close();
    assertThat(mock.all()).isEmpty();
  }
}
