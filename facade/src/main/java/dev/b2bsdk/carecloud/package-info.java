/**
 * Clients for the CRM CareCloud REST API: {@link dev.b2bsdk.carecloud.CareCloudEnterpriseClient}
 * for back-office systems (a user login) and {@link dev.b2bsdk.carecloud.CareCloudCustomerClient}
 * for end-user apps (a device token, optionally bound to a customer).
 *
 * <p>Both expose the generated Retrofit interfaces, already authenticated, a lazy {@code list…}
 * for every paged list ({@code count}/{@code offset} paging), and helpers for CareCloud's
 * project-local date-times. Errors are the SDK's {@link dev.b2bsdk.core.error.ApiException}
 * hierarchy; calling an operation the interface does not serve raises
 * {@link dev.b2bsdk.carecloud.InterfaceNotAllowedException}.
 */
package dev.b2bsdk.carecloud;
