package dev.b2bsdk.it.contract;

import java.io.IOException;
import retrofit2.Call;
import retrofit2.Response;

/**
 * The client under contract test, built against the suite's WireMock: it hands out the generated
 * API interfaces whose requests get validated, executes their calls, and stubs the requests it
 * makes on its own (token endpoints) before each case.
 */
public interface ContractTarget extends AutoCloseable {

  /**
   * An implementation of a generated API interface whose calls go through the client under test
   * (its OkHttp chain, authentication included) for {@code operation}.
   */
  <S> S api(Class<S> service, SpecOperation operation);

  /** Executes a call the way the client does; a non-2xx answer may throw. */
  Response<?> execute(Call<?> call) throws IOException;

  /** Stubs what the client requests by itself (token endpoints); called before every case. */
  default void stubSupportRequests(ContractStubs stubs) {
  }

  /** Releases the client (a logout it makes here is validated too). */
  @Override
  void close();
}
