package dev.b2bsdk.core.http;

/**
 * How much {@link RedactingHttpLogger} writes (to SLF4J logger {@code dev.b2bsdk.http} at DEBUG).
 * Secrets are redacted at every level.
 */
public enum HttpLogLevel {
  /** Nothing (the default). */
  NONE,
  /** Method, URL, status, duration. */
  BASIC,
  /** {@link #BASIC} plus request and response headers. */
  HEADERS,
  /** {@link #HEADERS} plus the first 4 KiB of textual bodies (request and response). */
  BODY
}
