/**
 * The ITCare (Cegedim Cloud) client: {@link dev.b2bsdk.itcare.ItCareClient} and its builder,
 * the filter objects of its paged lists ({@link dev.b2bsdk.itcare.InstanceQuery}, {@link
 * dev.b2bsdk.itcare.ResourceQuery}, {@link dev.b2bsdk.itcare.ServiceQuery}) and of the actions
 * list ({@link dev.b2bsdk.itcare.ActionQuery}). Package-private: the OAuth2 token source, the
 * Spring-page adapters, the action tracker behind the {@code begin…} methods, the dry-run
 * marker and the error-body parser.
 */
package dev.b2bsdk.itcare;
