package dev.b2bsdk.core.http;

/** Whether a request may be retried; carried per request in {@link CallOptions}. */
public enum RetryMode {
  /**
   * The default: idempotent methods (GET, HEAD, PUT, DELETE, OPTIONS) retry on retryable
   * statuses and I/O errors; POST and PATCH retry only when the request provably never reached
   * the server (connection refused, unknown host, no route, connect timeout).
   */
  SAFE,
  /**
   * The caller vouches that repeating this request is harmless (e.g. an upsert, or an operation
   * with a caller-supplied id): every method is retried like an idempotent one.
   */
  ALWAYS,
  /** One attempt only. */
  NEVER
}
