/**
 * What every API client shares: the common builder settings ({@link dev.b2bsdk.core.client.ClientBuilder})
 * and the settings object they produce ({@link dev.b2bsdk.core.client.ClientSettings}).
 */
package dev.b2bsdk.core.client;
