/**
 * Mock of the Shop Application API (Cegid): {@link dev.b2bsdk.testkit.shopapp.ShopApplicationMock}.
 */
package dev.b2bsdk.testkit.shopapp;
