package dev.b2bsdk.it.faults;

import dev.b2bsdk.core.client.ClientBuilder;
import dev.b2bsdk.testkit.core.MockServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * One API's client in the fault matrix: its mock (started once for the whole matrix), how to build
 * the client against it, the three operations every case drives (an idempotent read, a create, a
 * 10 MB page) and what the API's answers look like. The matrix knows nothing else about an API.
 */
abstract class ClientUnderTest implements AutoCloseable {

  /** A request the matrix can break: method and path on the mock server. */
  record Endpoint(String method, String path) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** The shapes of a 200 answer to {@link Session#read()} that the model must tolerate. */
  enum Body {
    /** An enum field holds a value the spec does not list. */
    UNKNOWN_ENUM,
    /** Fields the spec does not know, nested ones included. */
    EXTRA_FIELDS,
    /** Only the id; every other field absent. */
    MISSING_FIELDS
  }

  /** What a case asks of the client it builds. */
  interface Setup {
    /** Applies the matrix-wide settings: transport, timeouts, logging, clock, sleeper, retry. */
    <B extends ClientBuilder<B>> B apply(B builder);

    /** {@code url} on host {@code localhost}, which the case's resolver controls. */
    String url(String mockUrl);

    /** False when the case builds the client with a wrong secret. */
    boolean validCredentials();
  }

  /** One client built for one case. */
  interface Session extends AutoCloseable {
    /** The idempotent read (a GET). */
    Object read();

    /** The create (a POST), with the client's default retry mode. */
    Object create();

    /** The create on a view opted in with {@code CallOptions.retry(RetryMode.ALWAYS)}. */
    Object createRetryingAlways();

    /** {@link #read()} through the typed layer's {@code …Async} method. */
    default java.util.concurrent.CompletableFuture<?> readAsync() {
      throw new UnsupportedOperationException("no asynchronous read");
    }

    /** {@link #create()} through the typed layer's {@code …Async} method. */
    default java.util.concurrent.CompletableFuture<?> createAsync() {
      throw new UnsupportedOperationException("no asynchronous create");
    }

    /** {@link #createRetryingAlways()} through the typed layer's {@code …Async} method. */
    default java.util.concurrent.CompletableFuture<?> createRetryingAlwaysAsync() {
      throw new UnsupportedOperationException("no asynchronous create");
    }

    /** Walks the list in pages of {@link #PAGE_SIZE} items (if paged); returns the item count. */
    long readPage();

    /**
     * Read-modify-write: reads the record of {@link ClientUnderTest#update()} with the generated
     * models, changes the one field {@link ClientUnderTest#expectedUpdate} changes, and writes the
     * record back with the API's full-replace update.
     */
    default void readModifyWrite() {
      throw new UnsupportedOperationException("no write-back operation");
    }

    @Override
    void close();
  }

  /** Items on the 10 MB page (every paged API here allows 1000 per page). */
  static final int PAGE_SIZE = 1000;

  /**
   * A read-modify-write of one record: where it is read and written back, the record the server
   * sends (with fields the spec does not know, nested ones included, an unknown enum value and an
   * explicit null) and the status of the write's answer.
   */
  record Update(Endpoint get, Endpoint put, String record, int putStatus) {
  }

  /** The API's read-modify-write, or empty when no operation writes a record back. */
  Optional<Update> update() {
    return Optional.empty();
  }

  /** The body the server must receive: the record it sent, with only the one field changed. */
  com.google.gson.JsonElement expectedUpdate(com.google.gson.JsonObject record) {
    throw new UnsupportedOperationException("no write-back operation");
  }

  /** The API's name, as in the client's exceptions. */
  abstract String name();

  /** The API's mock, started. */
  abstract MockServer<?> mock();

  /** Builds a client for one case. */
  abstract Session connect(Setup setup);

  /** Where {@link Session#read()} goes. */
  abstract Endpoint read();

  /** Where {@link Session#create()} goes. */
  abstract Endpoint create();

  /** Where {@link Session#readPage()} goes. */
  abstract Endpoint page();

  /** The token endpoint, or empty for an API without one (Basic authentication). */
  abstract Optional<Endpoint> token();

  /** Whether the create has an {@code …Async} form (ITCare's is a {@code begin…} poller). */
  boolean asyncCreate() {
    return true;
  }

  /** Whether the API's retry defaults include 500 (CareCloud asks for it). */
  abstract boolean retries500();

  /** The status with which the API refuses wrong credentials (at its token endpoint, if any). */
  int refusedStatus() {
    return 401;
  }

  /** Secrets the client is given (right and wrong ones, in every encoding it sends them). */
  abstract List<String> credentials();

  /** The right credentials, in every encoding the client sends them: what an echoing server repeats. */
  abstract List<String> credentialsInUse();

  /** A 200 body for {@link Session#read()} in the given shape. */
  abstract String readBody(Body shape);

  /** Asserts what the client made of {@link #readBody(Body)}. */
  abstract void checkRead(Body shape, Object result);

  /** A 200 answer to {@link Session#readPage()}: one page of at least {@code bytes} bytes. */
  abstract PageBody pageBody(int bytes);

  /** A page body and the number of items it holds. */
  record PageBody(String json, long items) {
  }

  @Override
  public void close() {
    mock().stop();
  }

  @Override
  public String toString() {
    return name();
  }

  /** The value of an {@code Authorization: Basic} header for these credentials. */
  static String basic(String user, String password) {
    return Base64.getEncoder().encodeToString((user + ":" + password)
        .getBytes(StandardCharsets.UTF_8));
  }

  /** {@code n} characters of filler text. */
  static String pad(int n) {
    return "x".repeat(n);
  }
}
