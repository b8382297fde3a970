package dev.b2bsdk.demo;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line of the demo tour, as picocli fills it in. Read once by {@link Plan}, which
 * turns it into what the tour does; nothing else looks at it.
 */
@Command(
    name = "scripts/demo",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Runs the b2bsdk tour of ITCare, CareCloud, Shop Application and InTouch: paged lists,"
            + " logins, a dry run, an asynchronous action and its polling, creates and reads back.",
        "",
        "Without a URL option it starts the four mocks in-process on 127.0.0.1 and runs every"
            + " step, writes included. With URL options it runs against those servers (a"
            + " sandbox), with credentials from the environment, and skips the write steps unless"
            + " --allow-writes is given.",
        ""},
    footer = {
        "",
        "Environment variables, read only when a URL option is given:",
        "  itcare     ITCARE_CLIENT_ID, ITCARE_CLIENT_SECRET",
        "  carecloud  CARECLOUD_APP_ID, CARECLOUD_LOGIN, CARECLOUD_PASSWORD (enterprise)",
        "             CARECLOUD_CUSTOMER_APP_ID, CARECLOUD_CUSTOMER_EMAIL,",
        "             CARECLOUD_CUSTOMER_PASSWORD (customer interface)",
        "  shopapp    SHOPAPP_CLIENT_ID, SHOPAPP_CLIENT_SECRET",
        "  intouch    INTOUCH_USER, INTOUCH_PASSWORD",
        "",
        "With URL options, the APIs that run are those named by --only, else those whose",
        "URL option is given. ITCare and Shop Application default to the vendors' URLs;",
        "the default ITCare token endpoint is Keycloak's realm cloud:",
        "  https://accounts.cegedim.cloud/auth/realms/cloud/protocol/openid-connect/token",
        "",
        "Exit status: 0 every API ok; 1 an API failed (the others still ran);",
        "2 a bad command line or a missing environment variable (nothing ran)."})
final class DemoOptions {

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "--json",
      description = "Print only the summary JSON on stdout; the step lines go to stderr.")
  boolean json;

  @Option(names = "--only", split = ",", paramLabel = "API",
      description = "Run only these APIs: itcare, carecloud, shopapp, intouch (comma-separated).")
  List<Api> only;

  @Option(names = "--page-size", paramLabel = "N",
      description = "Page size sent as each API's page-size parameter: ITCare size,"
          + " CareCloud count, InTouch size (Shop Application does not page). Default: the"
          + " SDK's, 100.")
  Integer pageSize;

  @Option(names = "--allow-writes",
      description = "Run the write steps against real servers: stop an ITCare instance, create a"
          + " CareCloud customer and add it to a segment, create an InTouch party. Always on"
          + " against the built-in mocks.")
  boolean allowWrites;

  @Option(names = "--itcare-url", paramLabel = "URL",
      description = "ITCare API root.%nDefault: https://api.cegedim.cloud/itcare")
  String itcareUrl;

  @Option(names = "--itcare-token-url", paramLabel = "URL",
      description = "ITCare token endpoint, the full URL. Default: see below.")
  String itcareTokenUrl;

  @Option(names = "--carecloud-url", paramLabel = "URL",
      description = "CareCloud project URL, up to and including /webservice/rest-api"
          + " (the client appends the interface path).")
  String careCloudUrl;

  @Option(names = "--carecloud-zone", paramLabel = "ZONE",
      description = "CareCloud project time zone.%nDefault: Europe/Prague")
  ZoneId careCloudZone;

  @Option(names = "--shopapp-url", paramLabel = "URL",
      description = "Shop Application base URL.%nDefault: https://api.cegid.shop-application.io")
  String shopAppUrl;

  @Option(names = "--intouch-url", paramLabel = "URL",
      description = "InTouch installation URL, up to and including /api,%n"
          + "e.g. https://crm.mycompany.cz/api")
  String inTouchUrl;

  /** True if any URL option was given: the tour then runs against real servers. */
  boolean anyUrl() {
    return Stream.of(itcareUrl, itcareTokenUrl, careCloudUrl, shopAppUrl, inTouchUrl)
        .anyMatch(url -> url != null);
  }

  /** True if a URL option of {@code api} was given. */
  boolean hasUrlFor(Api api) {
    return switch (api) {
      case ITCARE -> itcareUrl != null || itcareTokenUrl != null;
      case CARECLOUD -> careCloudUrl != null;
      case SHOPAPP -> shopAppUrl != null;
      case INTOUCH -> inTouchUrl != null;
    };
  }
}
