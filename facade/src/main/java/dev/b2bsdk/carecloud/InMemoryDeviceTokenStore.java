package dev.b2bsdk.carecloud;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link DeviceTokenStore} in a map; thread-safe; never prints a token. */
final class InMemoryDeviceTokenStore implements DeviceTokenStore {

  /** The default store of every customer client that was given none. */
  static final InMemoryDeviceTokenStore SHARED = new InMemoryDeviceTokenStore();

  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  @Override
  public Optional<String> load(String externalApplicationId, String deviceId) {
    return Optional.ofNullable(tokens.get(key(externalApplicationId, deviceId)));
  }

  @Override
  public void save(String externalApplicationId, String deviceId, String token) {
    tokens.put(key(externalApplicationId, deviceId), token);
  }

  @Override
  public void clear(String externalApplicationId, String deviceId) {
    tokens.remove(key(externalApplicationId, deviceId));
  }

  private static String key(String externalApplicationId, String deviceId) {
    // length prefix: no pair of ids can produce the key of another pair
    return externalApplicationId.length() + ":" + externalApplicationId + ":" + deviceId;
  }

  @Override
  public String toString() {
    return "InMemoryDeviceTokenStore{entries=" + tokens.size() + '}';
  }
}
