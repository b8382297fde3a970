package dev.b2bsdk.carecloud;

import dev.b2bsdk.internal.AccessToken;
import dev.b2bsdk.internal.TokenSource;
import dev.b2bsdk.core.error.ApiException;
import dev.b2bsdk.core.error.MalformedResponseException;
import dev.b2bsdk.core.http.CallOptions;
import dev.b2bsdk.internal.ClientRuntime;
import dev.b2bsdk.core.http.RetryMode;
import dev.b2bsdk.generated.carecloud.api.TokensApi;
import dev.b2bsdk.generated.carecloud.model.PostTokenResponse;
import dev.b2bsdk.generated.carecloud.model.PostTokenRequest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Customer-interface device tokens. They never expire, so the {@code TokenCache} asks for one
 * only at the first call and after a 401:
 * <ul>
 *   <li>first call: the token in the {@link DeviceTokenStore}, else a new one;</li>
 *   <li>after a 401: if the store holds another token than the rejected one (another client
 *       instance renewed it), that one; else the rejected token is cleared from the store and a
 *       new one created.</li>
 * </ul>
 * Every created token is saved. {@code POST /tokens} is retried like an idempotent call: a
 * repeated creation only invalidates the token of the attempt whose answer was lost.
 *
 * <p>A store that fails is logged and bypassed (a token is created, or used without being
 * saved) rather than making the client unusable.
 */
final class DeviceTokenSource implements TokenSource {

  private static final Logger LOG = LoggerFactory.getLogger("dev.b2bsdk.auth");

  private final ClientRuntime runtime;
  private final TokensApi tokensApi;
  private final DeviceTokenStore store;
  private final String externalApplicationId;
  private final Device device;
  private final DeviceSetup setup;
  private final String pushToken;
  private final String acceptLanguage;
  private volatile String current;

  /** @param runtime the unauthenticated runtime of the customer interface */
  DeviceTokenSource(ClientRuntime runtime, DeviceTokenStore store, String externalApplicationId,
      Device device, DeviceSetup setup, String pushToken, String acceptLanguage) {
    this.runtime = runtime;
    this.tokensApi = runtime.withOptions(CallOptions.retry(RetryMode.ALWAYS))
        .create(TokensApi.class);
    this.store = store;
    this.externalApplicationId = externalApplicationId;
    this.device = device;
    this.setup = setup;
    this.pushToken = pushToken;
    this.acceptLanguage = acceptLanguage;
  }

  @Override
  public AccessToken fetch(AccessToken previous) {
    Optional<String> stored = load();
    if (stored.isPresent() && (previous == null || !stored.get().equals(previous.value()))) {
      current = stored.get();
      return AccessToken.neverExpiring(current);
    }
    if (stored.isPresent()) {
      clear(); // the server rejected it: do not hand it to the next client instance
    }
    String created = create();
    save(created);
    current = created;
    return AccessToken.neverExpiring(created);
  }

  /** The token this source handed out last, or null before the first call. */
  String current() {
    return current;
  }

  private String create() {
    PostTokenResponse response = runtime.execute(tokensApi.postToken(new PostTokenRequest()
        .device(device.toModel())
        .setup(setup.toModel())
        .externalApplicationId(externalApplicationId)
        .pushToken(pushToken), acceptLanguage));
    String token = response == null || response.getData() == null
        ? null : response.getData().getTokenId();
    if (token == null || token.isBlank()) {
      throw new MalformedResponseException(ApiException.builder(CareCloudClients.API)
          .operation("postToken").detail("the token response carries no data.token_id"));
    }
    return token;
  }

  private Optional<String> load() {
    try {
      Optional<String> token = store.load(externalApplicationId, device.id());
      return token == null ? Optional.empty() : token.filter(t -> !t.isBlank());
    } catch (RuntimeException e) {
      LOG.warn("{}: device token store failed to load ({}); creating a new token",
          CareCloudClients.API, e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  private void save(String token) {
    try {
      store.save(externalApplicationId, device.id(), token);
    } catch (RuntimeException e) {
      LOG.warn("{}: device token store failed to save ({}); the token is used unsaved",
          CareCloudClients.API, e.getClass().getSimpleName());
    }
  }

  private void clear() {
    try {
      store.clear(externalApplicationId, device.id());
    } catch (RuntimeException e) {
      LOG.warn("{}: device token store failed to clear ({})", CareCloudClients.API,
          e.getClass().getSimpleName());
    }
  }

  @Override
  public String toString() {
    return "DeviceTokenSource{device=" + device.id() + '}';
  }
}
