package dev.b2bsdk.it.contract.selftest.typed;

import com.google.gson.Gson;
import dev.b2bsdk.internal.ClientRuntime;
import dev.b2bsdk.core.http.RetryOptions;
import dev.b2bsdk.it.contract.RuntimeTarget;
import java.util.function.Function;

/**
 * A typed client of the self-test spec written by hand in the shape the generator gives the
 * real clients ({@code client.things().get(id, params)}, see {@code contract/selftest-operations.tsv}),
 * in flavours that each break one rule the typed contract suite checks. Its calls go through a
 * facade {@link ClientRuntime} with a static bearer token.
 *
 * @param <G> the flavour's group
 */
public class SelftestClient<G> implements AutoCloseable {
  private final ClientRuntime runtime;
  final G things;

  SelftestClient(String baseUrl, Function<ClientRuntime, G> group) {
    this.runtime = ClientRuntime.builder("selftest").baseUrl(baseUrl).gson(new Gson())
        .retry(RetryOptions.none()).transport(RuntimeTarget.timeouts())
        .authentication(chain -> chain.proceed(chain.request().newBuilder()
            .header("Authorization", "Bearer selftest").build()))
        .build();
    this.things = group.apply(runtime);
  }

  @Override
  public void close() {
    runtime.close();
  }

  /** Sends {@code verbose} as the spec says. */
  public static final class Good extends SelftestClient<Things.Good> {
    public Good(String baseUrl) {
      super(baseUrl, Things.Good::new);
    }

    public Things.Good things() {
      return things;
    }
  }

  /** Takes {@code verbose} in its params object but never sends it. */
  public static final class Ignoring extends SelftestClient<Things.Ignoring> {
    public Ignoring(String baseUrl) {
      super(baseUrl, Things.Ignoring::new);
    }

    public Things.Ignoring things() {
      return things;
    }
  }

  /** Has no way to send {@code verbose}. */
  public static final class Narrow extends SelftestClient<Things.Narrow> {
    public Narrow(String baseUrl) {
      super(baseUrl, Things.Narrow::new);
    }

    public Things.Narrow things() {
      return things;
    }
  }

  /** Has a params field the spec does not declare. */
  public static final class Stray extends SelftestClient<Things.Stray> {
    public Stray(String baseUrl) {
      super(baseUrl, Things.Stray::new);
    }

    public Things.Stray things() {
      return things;
    }
  }

  /** Returns values without their {@code name}. */
  public static final class Lossy extends SelftestClient<Things.Lossy> {
    public Lossy(String baseUrl) {
      super(baseUrl, Things.Lossy::new);
    }

    public Things.Lossy things() {
      return things;
    }
  }
}
