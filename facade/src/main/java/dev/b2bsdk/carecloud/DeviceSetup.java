package dev.b2bsdk.carecloud;

import dev.b2bsdk.generated.carecloud.model.Setup;
import java.util.Objects;

/**
 * The {@code setup} of a device token: the app's language and what the user allowed. Sent when
 * the token is created and by {@link CareCloudCustomerClient#updateDevice}. Immutable.
 *
 * @see #of(String, boolean, boolean)
 */
public final class DeviceSetup {

  private final String languageId;
  private final boolean allowedGps;
  private final boolean allowedNotifications;

  private DeviceSetup(String languageId, boolean allowedGps, boolean allowedNotifications) {
    if (languageId == null || languageId.isBlank()) {
      throw new IllegalArgumentException("setup languageId is required");
    }
    this.languageId = languageId;
    this.allowedGps = allowedGps;
    this.allowedNotifications = allowedNotifications;
  }

  /**
   * A setup.
   *
   * @param languageId {@code language_id}, a CareCloud language id such as {@code en} or {@code cs}
   * @param allowedGps whether the user allowed location access
   * @param allowedNotifications whether the user allowed push notifications
   */
  public static DeviceSetup of(String languageId, boolean allowedGps, boolean allowedNotifications) {
    return new DeviceSetup(languageId, allowedGps, allowedNotifications);
  }

  /** {@code language_id}. */
  public String languageId() {
    return languageId;
  }

  /** {@code allowed_gps}. */
  public boolean allowedGps() {
    return allowedGps;
  }

  /** {@code allowed_notifications}. */
  public boolean allowedNotifications() {
    return allowedNotifications;
  }

  Setup toModel() {
    return new Setup().languageId(languageId).allowedGps(allowedGps)
        .allowedNotifications(allowedNotifications);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DeviceSetup)) {
      return false;
    }
    DeviceSetup s = (DeviceSetup) o;
    return languageId.equals(s.languageId) && allowedGps == s.allowedGps
        && allowedNotifications == s.allowedNotifications;
  }

  @Override
  public int hashCode() {
    return Objects.hash(languageId, allowedGps, allowedNotifications);
  }

  @Override
  public String toString() {
    return "DeviceSetup{languageId=" + languageId + ", allowedGps=" + allowedGps
        + ", allowedNotifications=" + allowedNotifications + '}';
  }
}
