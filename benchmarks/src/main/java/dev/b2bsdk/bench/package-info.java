/**
 * JMH benchmarks and measuring mains for the SDK; run them with {@code scripts/bench}. Not part of
 * the SDK and not published.
 */
package dev.b2bsdk.bench;
