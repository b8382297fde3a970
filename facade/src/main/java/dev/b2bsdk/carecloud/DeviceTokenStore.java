package dev.b2bsdk.carecloud;

import java.util.Optional;

/**
 * Keeps a device's CareCloud token between client instances and app restarts.
 *
 * <p>A device token never expires, and creating a new one for the same device and application
 * invalidates the previous one. So an app should create it once and reuse it: the
 * {@link CareCloudCustomerClient} loads the token from this store before it creates one, saves
 * every token it creates, and replaces the stored token only when the server rejects it (401).
 *
 * <p>Implement it on your platform's secure storage (Android Keystore-backed preferences, the iOS
 * keychain through your bridge, an encrypted file or database). The token is a credential: never
 * log it. Methods may be called from any thread (never concurrently by one client).
 *
 * <p>Without a store of yours, the builder uses one in-memory store shared by every customer
 * client of the JVM: the token survives client instances, not a restart.
 */
public interface DeviceTokenStore {

  /** The stored token of this application and device, if any. */
  Optional<String> load(String externalApplicationId, String deviceId);

  /** Stores {@code token} for this application and device, replacing any previous one. */
  void save(String externalApplicationId, String deviceId, String token);

  /** Forgets the token of this application and device (the server rejected it). */
  void clear(String externalApplicationId, String deviceId);

  /** A new, empty store in memory: thread-safe, lost with the JVM. */
  static DeviceTokenStore inMemory() {
    return new InMemoryDeviceTokenStore();
  }
}
