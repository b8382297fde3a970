package dev.b2bsdk.carecloud;

import dev.b2bsdk.internal.ClientRuntime;
import dev.b2bsdk.internal.OperationInvoker;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What the enterprise and the customer client share: the generated operations of the spec (see
 * {@link CareCloudOperations}; an operation the client's interface does not serve fails before
 * sending) and the project-time helpers. Package-private: users see these methods on
 * {@link CareCloudEnterpriseClient} and {@link CareCloudCustomerClient}.
 */
abstract class AbstractCareCloudClient extends CareCloudOperations {

  final ZoneId zone;
  final String acceptLanguage;

  /**
   * @param runtime the authenticated runtime (or a view of it)
   * @param interfaceName {@code enterprise} or {@code customer}, as the spec's {@code x-interfaces}
   */
  AbstractCareCloudClient(ClientRuntime runtime, String interfaceName, ZoneId zone,
      String acceptLanguage) {
    super(new OperationInvoker(runtime, interfaceName, null));
    this.zone = zone;
    this.acceptLanguage = acceptLanguage;
  }

  // ------------------------------------------------------------------ project time

  /** The project's time zone, in which CareCloud writes its offset-less date-times. */
  public ZoneId projectZone() {
    return zone;
  }

  /**
   * The instant a CareCloud date-time ({@code last_change}, {@code valid_to}, ...) stands for,
   * read in the project zone; null for null. In a daylight-saving overlap the earlier instant.
   */
  public Instant toInstant(LocalDateTime projectTime) {
    return projectTime == null ? null : projectTime.atZone(zone).toInstant();
  }

  /** {@code instant} as a CareCloud date-time (project local time) for a request; null for null. */
  public LocalDateTime toLocalDateTime(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, zone);
  }

  /** The {@code Accept-Language} sent with every call that sets none, if configured. */
  public Optional<String> acceptLanguage() {
    return Optional.ofNullable(acceptLanguage);
  }

  /** The interface's base URL, e.g. {@code https://<project>/webservice/rest-api/enterprise-interface/v1.0/}. */
  public String baseUrl() {
    return runtime.baseUrl().toString();
  }

  /** Releases the client; see the subclass. */
  @Override
  public abstract void close();

  static String requireId(String id, String name) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return id;
  }
}
