package dev.b2bsdk.internal;

import dev.b2bsdk.core.polling.PollResponse;

import java.io.IOException;

/**
 * One poll: one status request (for example {@code GET /actions/{id}}) mapped to a {@link
 * PollResponse}. Blocking; the {@link Poller} runs it on its scheduler.
 *
 * <p>Map status labels with a {@link StatusClassifier} so that an unknown label becomes {@link
 * PollStatus#UNKNOWN} rather than a parse error.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface PollFunction<T> {
  /**
   * Performs one poll.
   *
   * @throws IOException on a transport failure; counts as a failed poll attempt
   */
  PollResponse<T> poll() throws IOException;
}
