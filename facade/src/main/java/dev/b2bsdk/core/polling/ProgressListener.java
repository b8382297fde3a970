package dev.b2bsdk.core.polling;

/**
 * Told about every status change of an operation (for logs or progress bars).
 *
 * <p>Called once per change of the status or of the service's raw status label, on the thread
 * that polled, in order. Keep it quick; an exception it throws is logged and ignored.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface ProgressListener<T> {
  /**
   * @param previous the last response before the change, or null for the first one
   * @param current the response that changed the status
   */
  void onStatusChange(PollResponse<T> previous, PollResponse<T> current);
}
