/**
 * Shop Application (Cegid) client: {@link dev.b2bsdk.shopapp.ShopApplicationClient}, its
 * {@code GET /token} token source and its error parser. Nothing in this API is paged.
 */
package dev.b2bsdk.shopapp;
