/**
 * Shop Application (Cegid) client: {@link dev.b2bsdk.shopapp.ShopApplicationClient} and its
 * builder; the typed operations ({@code *Operations}, one per spec tag) are generated from the
 * spec at build time. Package-private: the {@code GET /token} token source and the error parser.
 * Nothing in this API is paged.
 */
package dev.b2bsdk.shopapp;
