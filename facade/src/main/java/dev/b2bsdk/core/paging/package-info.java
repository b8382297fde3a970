/**
 * Lazy paging over list endpoints, written once for every API.
 *
 * <p>An API package supplies two small things: a {@link dev.b2bsdk.core.paging.PageFetcher} (a
 * lambda that calls the generated Retrofit method with the caller's filters plus the paging
 * parameters of one {@link dev.b2bsdk.core.paging.PageRequest}) and a
 * {@link dev.b2bsdk.core.paging.PageAdapter} for its paging style ({@link
 * dev.b2bsdk.core.paging.SpringPaging}, {@link dev.b2bsdk.core.paging.OffsetPaging}, {@link
 * dev.b2bsdk.core.paging.PositionPaging}). {@link dev.b2bsdk.core.paging.PagedIterable} owns the
 * loop and every guard against misbehaving servers.
 */
package dev.b2bsdk.core.paging;
