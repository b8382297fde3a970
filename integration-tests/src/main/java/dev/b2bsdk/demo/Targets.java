package dev.b2bsdk.demo;

import dev.b2bsdk.testkit.MockServers;
import dev.b2bsdk.testkit.carecloud.CareCloudMock;
import dev.b2bsdk.testkit.intouch.InTouchMock;
import dev.b2bsdk.testkit.itcare.ItCareMock;
import dev.b2bsdk.testkit.shopapp.ShopApplicationMock;
import java.time.ZoneId;

/**
 * Where each API of the tour runs and with which credentials. Immutable values; their {@code
 * toString()} never shows a secret.
 */
final class Targets {

  /** ITCare: API root, token endpoint, OAuth client. */
  record ItCare(String baseUrl, String tokenUrl, String clientId, String clientSecret) {
    @Override
    public String toString() {
      return "ItCare{" + baseUrl + ", token " + tokenUrl + ", client " + clientId + '}';
    }
  }

  /**
   * CareCloud: project URL, project zone (null: the client's default, Europe/Prague), enterprise
   * user, customer-interface application and customer.
   */
  record CareCloud(String baseUrl, ZoneId zone, String appId, String login, String password,
      String customerAppId, String customerEmail, String customerPassword) {
    @Override
    public String toString() {
      return "CareCloud{" + baseUrl + ", " + zone + ", app " + appId + ", user " + login
          + ", customer app " + customerAppId + ", customer " + customerEmail + '}';
    }
  }

  /** Shop Application: base URL and API client. */
  record ShopApp(String baseUrl, String clientId, String clientSecret) {
    @Override
    public String toString() {
      return "ShopApp{" + baseUrl + ", client " + clientId + '}';
    }
  }

  /** InTouch: installation URL and Basic credentials. */
  record InTouch(String baseUrl, String user, String password) {
    @Override
    public String toString() {
      return "InTouch{" + baseUrl + ", user " + user + '}';
    }
  }

  private final ItCare itcare;
  private final CareCloud careCloud;
  private final ShopApp shopApp;
  private final InTouch inTouch;

  /** Any of the four may be null when its API does not run. */
  Targets(ItCare itcare, CareCloud careCloud, ShopApp shopApp, InTouch inTouch) {
    this.itcare = itcare;
    this.careCloud = careCloud;
    this.shopApp = shopApp;
    this.inTouch = inTouch;
  }

  /** The running mocks, with the credentials they accept. */
  static Targets of(MockServers mocks) {
    ItCareMock it = mocks.itcare();
    CareCloudMock cc = mocks.careCloud();
    ShopApplicationMock shop = mocks.shopApplication();
    InTouchMock crm = mocks.inTouch();
    return new Targets(
        new ItCare(it.baseUrl(), it.tokenUrl(), it.clientId(), it.clientSecret()),
        new CareCloud(cc.baseUrl(), cc.projectZone(), cc.externalAppId(), cc.login(),
            cc.password(), cc.customerAppId(), cc.customerEmail(), cc.customerPassword()),
        new ShopApp(shop.baseUrl(), shop.clientId(), shop.clientSecret()),
        new InTouch(crm.baseUrl(), crm.username(), crm.password()));
  }

  ItCare itcare() {
    return itcare;
  }

  CareCloud careCloud() {
    return careCloud;
  }

  ShopApp shopApp() {
    return shopApp;
  }

  InTouch inTouch() {
    return inTouch;
  }

  @Override
  public String toString() {
    return "Targets{" + itcare + ", " + careCloud + ", " + shopApp + ", " + inTouch + '}';
  }
}
