package dev.b2bsdk.carecloud;

import dev.b2bsdk.core.error.ApiException;
import dev.b2bsdk.core.error.AuthenticationException;
import java.util.Locale;

/**
 * The operation exists, but not in the interface this client talks to (403
 * {@code interface_not_allowed_exception}): for example {@code POST /cards} through the customer
 * interface. A programming error, not a credential problem: call the operation through the
 * other client ({@link CareCloudEnterpriseClient} or {@link CareCloudCustomerClient}).
 *
 * <p>A subtype of {@link AuthenticationException} because the status is 403 and retrying with the
 * same client cannot help; code that handles every refusal alike keeps working.
 */
public final class InterfaceNotAllowedException extends AuthenticationException {
  private static final long serialVersionUID = 1L;

  /** CareCloud's error code for this case. */
  public static final String ERROR_CODE = "interface_not_allowed_exception";

  /** Serializable: plain strings, read from the error body. */
  private final String resourceName;
  private final String interfaceName;

  private InterfaceNotAllowedException(ApiException.Builder builder, String resourceName,
      String interfaceName) {
    super(builder);
    this.resourceName = resourceName;
    this.interfaceName = interfaceName;
  }

  /** {@code error_data.invalid_resource_name}: the resource refused, or null. */
  public String resourceName() {
    return resourceName;
  }

  /** {@code error_data.interface}: the interface that refused it, or null. */
  public String interfaceName() {
    return interfaceName;
  }

  /** {@code e} as this type when it reports {@code interface_not_allowed}, else {@code e}. */
  static ApiException refine(ApiException e) {
    if (e instanceof InterfaceNotAllowedException || e.status() != 403 || e.errorCode() == null
        || !e.errorCode().toLowerCase(Locale.ROOT).contains("interface_not_allowed")) {
      return e;
    }
    InterfaceNotAllowedException refined = new InterfaceNotAllowedException(e.toBuilder(),
        CareCloudErrorParser.errorData(e.bodySnippet(), "invalid_resource_name"),
        CareCloudErrorParser.errorData(e.bodySnippet(), "interface"));
    refined.setStackTrace(e.getStackTrace());
    return refined;
  }
}
