/**
 * Mock of the CRM CareCloud API, enterprise and customer interfaces on one server:
 * {@link dev.b2bsdk.testkit.carecloud.CareCloudMock}.
 */
package dev.b2bsdk.testkit.carecloud;
