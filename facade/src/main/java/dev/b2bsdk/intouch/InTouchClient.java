package dev.b2bsdk.intouch;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.b2bsdk.internal.BasicAuthInterceptor;
import dev.b2bsdk.internal.BasicCredentials;
import dev.b2bsdk.core.client.ClientBuilder;
import dev.b2bsdk.internal.OperationInvoker;
import dev.b2bsdk.internal.ClientSettings;
import dev.b2bsdk.core.http.CallOptions;
import dev.b2bsdk.internal.ClientRuntime;
import dev.b2bsdk.core.http.PolitenessOptions;
import dev.b2bsdk.core.http.RetryOptions;
import dev.b2bsdk.core.paging.PagedIterable;
import dev.b2bsdk.generated.intouch.api.AboutApi;
import dev.b2bsdk.generated.intouch.api.BusinessCasesApi;
import dev.b2bsdk.generated.intouch.api.CodeListsApi;
import dev.b2bsdk.generated.intouch.api.CommentsApi;
import dev.b2bsdk.generated.intouch.api.FilesApi;
import dev.b2bsdk.generated.intouch.api.CommunicationsApi;
import dev.b2bsdk.generated.intouch.api.OpportunitiesApi;
import dev.b2bsdk.generated.intouch.api.PartiesApi;
import dev.b2bsdk.generated.intouch.api.ProductsApi;
import dev.b2bsdk.generated.intouch.api.StoresApi;
import dev.b2bsdk.generated.intouch.invoker.JSON;
import dev.b2bsdk.generated.intouch.model.BusCase;
import dev.b2bsdk.generated.intouch.model.BusCasePage;
import dev.b2bsdk.generated.intouch.model.Comm;
import dev.b2bsdk.generated.intouch.model.CommPage;
import dev.b2bsdk.generated.intouch.model.Comment;
import dev.b2bsdk.generated.intouch.model.CommentPage;
import dev.b2bsdk.generated.intouch.model.Opportunity;
import dev.b2bsdk.generated.intouch.model.OpportunityPage;
import dev.b2bsdk.generated.intouch.model.Party;
import dev.b2bsdk.generated.intouch.model.PartyInput;
import dev.b2bsdk.generated.intouch.model.PartyPage;
import dev.b2bsdk.generated.intouch.model.Product;
import dev.b2bsdk.generated.intouch.model.ProductPage;
import dev.b2bsdk.generated.intouch.model.Store;
import dev.b2bsdk.generated.intouch.model.StorePage;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import retrofit2.Response;

/**
 * Client of the InTouch CRM REST API of one self-hosted installation. Thread-safe; build once,
 * share, {@link #close()} at the end.
 *
 * <pre>{@code
 * try (InTouchClient crm = InTouchClient.builder()
 *     .baseUrl("https://crm.mycompany.cz/api")
 *     .username("api-user")
 *     .password(System.getenv("INTOUCH_PASSWORD"))
 *     .build()) {
 *   crm.parties().list(PartiesOperations.ListParams.builder().sort(Sort.desc("modified")).build())
 *       .stream()
 *       .limit(500)
 *       .forEach(party -> System.out.println(party.getSurname()));
 *   Party created = crm.createParty(new PartyInput().surname("Novák").type(PartyType.INDIVIDUAL));
 * }
 * }</pre>
 *
 * <p><b>Authentication.</b> HTTP Basic on every request of a secured operation; the public
 * {@code GET /about} ({@code security: []} in the spec, {@code about().get()}) is sent without
 * credentials. Wrong credentials fail at once with an {@code AuthenticationException} after a
 * single request: the same credentials are never sent twice.
 *
 * <p><b>Lists.</b> Each paged operation has a {@code list…} method returning a lazy
 * {@link PagedIterable} ({@code position}/{@code size} paging, 100 records per page unless
 * {@link PagedIterable#withPageSize} says otherwise, clamped to the API's maximum of 1000); the
 * sort and filters are sent with every page. Non-paged lists are plain {@link List}s.
 *
 * <p><b>Politeness.</b> The vendor asks for good behaviour, so this client sends at most
 * {@value #DEFAULT_MAX_CONCURRENT_REQUESTS} requests at once by default (further calls wait for a
 * slot, within their call timeout); {@link Builder#politeness} replaces the limit,
 * {@link PolitenessOptions#none()} lifts it. Retries: {@link RetryOptions#defaults()} (429, 502,
 * 503, 504 with backoff, {@code Retry-After} honoured); a create (POST) is never resent once it
 * may have reached the server.
 *
 * <p><b>Errors.</b> The API's {@code problems[]} become the exception's
 * {@link dev.b2bsdk.core.error.ApiException#problems()} (field, message, level as code) and its
 * message.
 */
public final class InTouchClient extends InTouchOperations {

  /** The API's name in exceptions, logs and the user agent. */
  public static final String API = "InTouch";

  /** Requests in flight at once unless {@link Builder#politeness} says otherwise. */
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 4;

  private static final Gson GSON = JSON.createGson().create();

  private final String username;
  private final PartiesApi parties;

  private InTouchClient(ClientRuntime runtime, String username) {
    super(new OperationInvoker(runtime, null, null));
    this.username = username;
    this.parties = runtime.create(PartiesApi.class);
  }

  /** A builder; {@code baseUrl}, {@code username} and {@code password} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates a contact ({@code POST /parties}, 201) and returns it as stored. If the body lacks
   * the new id, it is taken from the {@code Location} header ({@code …/parties/2412}).
   *
   * <p>Sent once: a failure after the request may have reached the server (reset, read timeout)
   * is a {@code TransportException}, not a retry, since a second POST could create a duplicate.
   * When duplicates are a concern, {@code parties().importParty(input)} is duplicate-safe.
   */
  public Party createParty(PartyInput input) {
    Response<Party> response =
        executeForResponse(parties.createParty(Objects.requireNonNull(input, "input")));
    return withLocationId(response.body(), response.headers().get("Location"));
  }

  /**
   * A view of this client whose calls carry {@code options} (extra headers, retry mode), sharing
   * its connections and limits. Use the view's own API accessors; its {@code close()} does nothing.
   */
  public InTouchClient withOptions(CallOptions options) {
    return new InTouchClient(runtime.withOptions(options), username);
  }


  @Override
  public String toString() {
    return "InTouchClient{baseUrl=" + runtime.baseUrl() + ", username=" + username + '}';
  }

  /** {@code party} with its id taken from {@code location} when the body did not carry one. */
  static Party withLocationId(Party party, String location) {
    if (party != null && party.getId() != null) {
      return party;
    }
    Long id = idFromLocation(location);
    if (id == null) {
      return party;
    }
    JsonObject json = party == null ? new JsonObject() : GSON.toJsonTree(party).getAsJsonObject();
    json.addProperty("id", id);
    return GSON.fromJson(json, Party.class);
  }

  /** The numeric last path segment of a {@code Location} header, or null. */
  static Long idFromLocation(String location) {
    if (location == null) {
      return null;
    }
    HttpUrl url = HttpUrl.parse(location);
    List<String> segments = url != null ? url.pathSegments() : List.of(location.split("/"));
    for (int i = segments.size() - 1; i >= 0; i--) {
      String segment = segments.get(i);
      if (!segment.isEmpty()) {
        try {
          return Long.valueOf(segment);
        } catch (NumberFormatException e) {
          return null;
        }
      }
    }
    return null;
  }

  /**
   * Builds an {@link InTouchClient}: {@link #baseUrl} (the installation's {@code
   * https://<server>/api}; there is no vendor default), {@link #username} and {@link #password}
   * are required; every other setting of {@link ClientBuilder} is optional. Not thread-safe.
   */
  public static final class Builder extends ClientBuilder<Builder> {
    private String username;
    private String password;
    private boolean notesNaming;

    private Builder() {
    }

    /**
     * {@code true}: the server names notes as the vendor's 6.2 documentation does, {@code /notes}
     * with the text in {@code note}; the client then sends every {@code …/comments} request there
     * and reads the answers into the same models. Default {@code false}: {@code /comments} and
     * {@code comment}, as the later documentation says. The vendor's pages disagree and carry no
     * dates, so the choice is the caller's; {@code GET /about} does not tell.
     */
    public Builder notesNaming(boolean notes) {
      this.notesNaming = notes;
      return this;
    }

    /** The CRM login (required); the vendor recommends a user of access type "API only". */
    public Builder username(String username) {
      this.username = username;
      return this;
    }

    /** The password (required); never logged nor shown by {@code toString()}. */
    public Builder password(String password) {
      this.password = password;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the setting that is missing or invalid (for
     *     example a missing base URL, or plain http to a non-loopback host)
     */
    public InTouchClient build() {
      String user = requireText(username, "username");
      String secret = requireText(password, "password");
      ClientSettings settings = settings(null, RetryOptions.defaults(),
          PolitenessOptions.of(DEFAULT_MAX_CONCURRENT_REQUESTS, 0));
      Interceptor auth = new BasicAuthInterceptor(API, BasicCredentials.of(user, secret));
      ClientRuntime runtime = settings
          .runtime(API, GSON, new InTouchErrorParser())
          .authentication(notesNaming ? new NotesNamingInterceptor(auth) : auth)
          .build();
      return new InTouchClient(runtime, user);
    }

    @Override
    public String toString() {
      return "InTouchClient.Builder{baseUrl=" + configuredBaseUrl() + ", username=" + username
          + '}';
    }
  }
}
