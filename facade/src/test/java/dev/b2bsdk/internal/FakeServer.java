package dev.b2bsdk.internal;

import dev.b2bsdk.core.paging.PageRequest;


import dev.b2bsdk.internal.Envelopes.CareCloudData;
import dev.b2bsdk.internal.Envelopes.CareCloudList;
import dev.b2bsdk.internal.Envelopes.InTouchPage;
import dev.b2bsdk.internal.Envelopes.Item;
import dev.b2bsdk.internal.Envelopes.SpringPage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * An in-memory list endpoint for each style, plus a fetcher that counts calls and records the
 * requests it was given.
 */
final class FakeServer {
  private FakeServer() {}

  static List<Item> items(int n) {
    return IntStream.range(0, n).mapToObj(Item::new).collect(Collectors.toList());
  }

  static List<Item> slice(List<Item> data, long from, int count) {
    int start = (int) Math.min(from, data.size());
    return new ArrayList<>(data.subList(start, Math.min(data.size(), start + count)));
  }

  /** A well-behaved Spring Data server that caps the page size at {@code cap}. */
  static Function<PageRequest, SpringPage> spring(List<Item> data, int cap) {
    return r -> {
      int size = Math.min(r.size(), cap);
      int number = r.pageNumber();
      int totalPages = (data.size() + size - 1) / size;
      return new SpringPage(slice(data, (long) number * size, size), (long) data.size(),
          totalPages, number, size, number + 1 >= totalPages);
    };
  }

  /** A well-behaved CareCloud server that silently caps {@code count} at {@code cap}. */
  static Function<PageRequest, CareCloudList> carecloud(List<Item> data, int cap) {
    return r -> new CareCloudList(new CareCloudData(
        slice(data, r.offset(), Math.min(r.size(), cap)), (long) data.size()));
  }

  /** A well-behaved InTouch server that caps {@code size} at {@code cap} and reports it. */
  static Function<PageRequest, InTouchPage> intouch(List<Item> data, int cap) {
    return r -> {
      int size = Math.min(r.size(), cap);
      return new InTouchPage((long) data.size(), r.offset(), size,
          slice(data, r.offset(), size));
    };
  }

  /** Records requests and counts fetches. */
  static final class RecordingFetcher<E> implements PageFetcher<E> {
    private final Function<PageRequest, E> server;
    final List<PageRequest> requests = new ArrayList<>();

    RecordingFetcher(Function<PageRequest, E> server) {
      this.server = server;
    }

    @Override
    public E fetch(PageRequest request) {
      requests.add(request);
      return server.apply(request);
    }

    int fetches() {
      return requests.size();
    }

    List<Long> offsets() {
      return requests.stream().map(PageRequest::offset).collect(Collectors.toList());
    }

    List<Integer> pageNumbers() {
      return requests.stream().map(PageRequest::pageNumber).collect(Collectors.toList());
    }

    List<Integer> sizes() {
      return requests.stream().map(PageRequest::size).collect(Collectors.toList());
    }
  }

  static <E> RecordingFetcher<E> recording(Function<PageRequest, E> server) {
    return new RecordingFetcher<>(server);
  }

  static List<Integer> ids(Iterable<Item> items) {
    List<Integer> out = new ArrayList<>();
    items.forEach(i -> out.add(i.id()));
    return out;
  }

  static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().collect(Collectors.toList());
  }
}
