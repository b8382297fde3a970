/**
 * One exception hierarchy for every API of the SDK, the parser SPI each API implements for its
 * error bodies, and the redaction rules that keep secrets out of messages, snippets and logs.
 *
 * <p>{@link dev.b2bsdk.core.error.ApiException} is the base type; subtypes exist only where a
 * caller branches on them. Nothing in this package depends on another {@code core} package.
 */
package dev.b2bsdk.core.error;
