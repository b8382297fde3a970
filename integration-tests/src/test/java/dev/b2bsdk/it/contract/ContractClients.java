package dev.b2bsdk.it.contract;

import dev.b2bsdk.core.client.ClientBuilder;
import dev.b2bsdk.core.http.RetryOptions;
import java.time.Duration;

/** Settings every facade client under contract test gets. */
public final class ContractClients {
  /** The client id / login every contract client authenticates with. */
  public static final String CLIENT_ID = "contract-client";
  /** Its secret / password; what the mock checks is only that credentials are sent. */
  public static final String SECRET = "contract-secret";

  private ContractClients() {
  }

  /**
   * Short timeouts (a loopback stub answers at once or the exchange is broken) and no retries
   * (a retried request would hide a failed one from the journal).
   */
  public static <B extends ClientBuilder<B>> B testDefaults(B builder) {
    return builder
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(5))
        .writeTimeout(Duration.ofSeconds(5))
        .callTimeout(Duration.ofSeconds(10))
        .retry(RetryOptions.none());
  }
}
