/**
 * The ITCare (Cegedim Cloud) client: {@link dev.b2bsdk.itcare.ItCareClient} and its builder; the
 * typed operations ({@code *Operations}, one per spec tag, with their params objects) are
 * generated from the spec at build time. Package-private: the OAuth2 token source, the action
 * tracker behind the {@code begin…} methods, the dry-run marker and the error-body parser.
 */
package dev.b2bsdk.itcare;
