/**
 * InTouch CRM client: {@link dev.b2bsdk.intouch.InTouchClient} (HTTP Basic on every call but the
 * public {@code GET /about}) and its builder; the typed operations ({@code *Operations}, one per
 * spec tag) are generated from the spec at build time. Package-private: the error parser and the
 * notes-naming rewrite.
 */
package dev.b2bsdk.intouch;
