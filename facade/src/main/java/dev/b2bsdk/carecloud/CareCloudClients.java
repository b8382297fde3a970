package dev.b2bsdk.carecloud;

import dev.b2bsdk.core.http.RetryOptions;
import java.time.Duration;
import java.time.ZoneId;

/** Constants both CareCloud clients share. */
final class CareCloudClients {

  /** The API name in exceptions, logs and the user agent. */
  static final String API = "CareCloud";

  /**
   * The project zone unless the builder sets one: CareCloud is a Czech service and its
   * projects are set up in Prague time unless their owner changed it.
   */
  static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Prague");

  /** The enterprise token lifetime assumed when a login answer has no usable valid_to. */
  static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(7);

  /** The core defaults plus 500: the vendor asks for backoff with jitter on 429, 500 and 503. */
  static final RetryOptions DEFAULT_RETRY =
      RetryOptions.defaults().toBuilder().addRetryableStatus(500).build();

  private CareCloudClients() {
  }
}
