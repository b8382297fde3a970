/**
 * Mock of the ITCare API and its Keycloak token endpoint: {@link dev.b2bsdk.testkit.itcare.ItCareMock}.
 */
package dev.b2bsdk.testkit.itcare;
