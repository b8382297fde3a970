package dev.b2bsdk.internal;

import dev.b2bsdk.core.paging.PageRequest;

import java.io.IOException;

/**
 * Fetches the raw envelope of one page (SPI).
 *
 * <p>An API package implements it as a lambda that calls the generated Retrofit method with the
 * caller's filters, sort and headers plus the paging parameters of {@code request}: since the
 * same lambda serves every page, the filters are sent with every page by construction.
 *
 * @param <E> the envelope type (a generated model)
 */
@FunctionalInterface
public interface PageFetcher<E> {
  /**
   * Fetches one page.
   *
   * @return the envelope; {@code null} (for example a 204 without body) ends the iteration
   * @throws IOException on a transport failure; the iterator rethrows it wrapped in {@link
   *     java.io.UncheckedIOException}. Unchecked exceptions (the typed API exceptions) propagate
   *     unchanged.
   */
  E fetch(PageRequest request) throws IOException;
}
