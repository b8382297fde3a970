package dev.b2bsdk.testkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import wiremock.com.fasterxml.jackson.databind.JsonNode;
import wiremock.com.fasterxml.jackson.databind.ObjectMapper;
import wiremock.com.fasterxml.jackson.databind.node.ArrayNode;
import wiremock.com.fasterxml.jackson.databind.node.ObjectNode;
import wiremock.com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.b2bsdk.testkit.SpecValidator;
import dev.b2bsdk.testkit.TestHttp;
import dev.b2bsdk.testkit.TestHttp.Reply;
import dev.b2bsdk.testkit.carecloud.CareCloudMock;
import dev.b2bsdk.testkit.intouch.InTouchMock;
import dev.b2bsdk.testkit.itcare.ItCareMock;
import dev.b2bsdk.testkit.shopapp.ShopApplicationMock;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The spec-driven default responder, per API: each mock is started on a copy of its own spec whose
 * servers are moved under {@value #RELOCATED}, so that no stateful route answers and every
 * operation goes through the responder. Every operation, called with valid credentials and the
 * spec's example arguments, gets a 2xx that validates against the spec (swagger-request-validator);
 * paged operations walk to the end seeing each item once; bad requests get 400 in the API's error
 * body; unknown paths stay 404; credentials are still required; users' stubs still win. A fixture
 * spec with two added operations proves a new operation is mockable without code.
 */
class SpecResponderTest {

  private static final String RELOCATED = "/spec-only";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final MediaType JSON = MediaType.get("application/json");
  private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

  @TempDir
  Path dir;

  private final TestHttp http = new TestHttp();
  private final Map<String, String> tokens = new HashMap<>();
  private MockServer<?> mock;

  @AfterEach
  void stop() {
    if (mock != null) {
      mock.stop();
    }
  }

  // ------------------------------------------------------------------ every operation

  @ParameterizedTest
  @ValueSource(strings = {"itcare", "carecloud", "shopapp", "intouch"})
  void everyOperationGetsAValidAnswer(String api) throws IOException {
    Path spec = relocatedSpec(api);
    mock = start(api, spec);
    SpecResponder responder = mock.specResponder();
    warmUp(api, responder);
    SpecValidator validation = validator(spec, responder);
    mock.server().addMockServiceRequestListener(validation);

    Map<String, Boolean> answered = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    for (SpecOperation op : responder.operations()) {
      answered.putIfAbsent(op.operationId(), true);
      if (!interfaceAllowed(op)) {
        Reply refused = call(op, exampleRequest(responder, op), credentials(api, op));
        assertThat(refused.code()).as("%s", op).isEqualTo(403);
        assertThat(refused.json().getAsJsonObject().getAsJsonObject("error").get("type")
            .getAsString()).isEqualTo("interface_not_allowed_exception");
        continue;
      }
      Reply reply = call(op, exampleRequest(responder, op), credentials(api, op));
      if (reply.code() / 100 != 2) {
        answered.put(op.operationId(), false);
        failures.add(op + " → " + reply.code() + " " + reply.text());
      }
    }
    long ok = answered.values().stream().filter(b -> b).count();
    int specified = operationCount(spec);
    System.out.printf("spec responder %s: %d/%d operations%n", api, ok, specified);
    assertThat(failures).isEmpty();
    assertThat(answered).hasSize(specified);
    validation.assertValidationPassed();
  }

  @ParameterizedTest
  @ValueSource(strings = {"itcare", "carecloud", "shopapp", "intouch"})
  void pagedOperationsWalkToTheEndSeeingEachItemOnce(String api) throws IOException {
    Path spec = relocatedSpec(api);
    mock = start(api, spec);
    SpecResponder responder = mock.specResponder();
    warmUp(api, responder);
    SpecValidator validation = validator(spec, responder);
    mock.server().addMockServiceRequestListener(validation);
    Set<String> walked = new LinkedHashSet<>();
    for (SpecOperation op : responder.operations()) {
      if (!op.hasExtension("x-paging") || !interfaceAllowed(op)) {
        continue;
      }
      List<String> items = walk(op, responder, credentials(api, op), 3);
      assertThat(items).as("%s", op).hasSize(SpecResponder.COLLECTION_SIZE)
          .doesNotHaveDuplicates();
      // another page size sees the same collection in the same order
      assertThat(walk(op, responder, credentials(api, op), 5)).as("%s", op).isEqualTo(items);
      walked.add(op.operationId());
    }
    long paged = responder.operations().stream().filter(op -> op.hasExtension("x-paging"))
        .map(SpecOperation::operationId).distinct().count();
    assertThat(walked).hasSize((int) paged);
    System.out.printf("spec responder %s: %d/%d paged operations walked%n", api, walked.size(),
        paged);
    validation.assertValidationPassed();
  }

  @ParameterizedTest
  @ValueSource(strings = {"itcare", "carecloud", "shopapp", "intouch"})
  void badRequestsGet400InTheApisErrorBody(String api) throws IOException {
    mock = start(api, relocatedSpec(api));
    SpecResponder responder = mock.specResponder();
    int violations = 0;
    // a malformed JSON body
    Optional<SpecOperation> withBody = find(responder, op -> jsonBodySchema(responder, op) != null
        && responder.spec().resolve(op.node().path("requestBody")).path("required").asBoolean());
    if (withBody.isPresent()) {
      SpecOperation op = withBody.get();
      Example broken = exampleRequest(responder, op);
      Reply malformed = call(op, new Example(broken.path(), broken.query(), "{\"oops\": ",
          false), credentials(api, op));
      assertThat(malformed.code()).as("%s", op).isEqualTo(400);
      assertErrorShape(api, malformed, null);
      violations++;
    }
    // a required body property missing
    Optional<SpecOperation> withRequired = find(responder, op -> {
      JsonNode schema = jsonBodySchema(responder, op);
      return schema != null && !responder.sampler().required(schema).isEmpty();
    });
    if (withRequired.isPresent()) {
      SpecOperation op = withRequired.get();
      String property = responder.sampler().required(jsonBodySchema(responder, op)).iterator()
          .next();
      Example full = exampleRequest(responder, op);
      JsonObject body = JsonParser.parseString(full.body()).getAsJsonObject();
      body.remove(property);
      Reply missing = call(op, new Example(full.path(), full.query(), body.toString(), false),
          credentials(api, op));
      assertThat(missing.code()).as("%s", op).isEqualTo(400);
      assertErrorShape(api, missing, property);
      violations++;
    }
    // an integer query parameter that is not one
    Optional<SpecOperation> withInteger = find(responder, op -> integerQuery(responder, op) != null);
    if (withInteger.isPresent()) {
      SpecOperation op = withInteger.get();
      String name = integerQuery(responder, op);
      Example plain = exampleRequest(responder, op);
      Map<String, String> query = new LinkedHashMap<>(plain.query());
      query.put(name, "twelve");
      Reply notNumber = call(op, new Example(plain.path(), query, plain.body(), plain.form()),
          credentials(api, op));
      assertThat(notNumber.code()).as("%s", op).isEqualTo(400);
      assertErrorShape(api, notNumber, name);
      violations++;
    }
    // a required query parameter left out
    Optional<SpecOperation> withRequiredQuery = find(responder, op -> op.parameters().stream()
        .anyMatch(p -> p.path("in").asText().equals("query") && p.path("required").asBoolean()));
    if (withRequiredQuery.isPresent()) {
      SpecOperation op = withRequiredQuery.get();
      Example plain = exampleRequest(responder, op);
      Map<String, String> query = new LinkedHashMap<>(plain.query());
      String name = query.keySet().iterator().next();
      query.remove(name);
      Reply missing = call(op, new Example(plain.path(), query, plain.body(), plain.form()),
          credentials(api, op));
      assertThat(missing.code()).as("%s", op).isEqualTo(400);
      assertErrorShape(api, missing, name);
      violations++;
    }
    assertThat(violations).isGreaterThanOrEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"itcare", "carecloud", "shopapp", "intouch"})
  void unknownPathsStayUnknownAndCredentialsAreRequired(String api) throws IOException {
    mock = start(api, relocatedSpec(api));
    SpecResponder responder = mock.specResponder();
    SpecOperation secured = first(responder, op -> op.secured() && interfaceAllowed(op)
        && op.method().equals("GET"));
    String base = mock.rootUrl() + secured.basePath();
    Reply unknown = http.get(base + "/no-such-resource/42", credentials(api, secured));
    // Shop Application has no 404: an unknown route is a 400 there
    assertThat(unknown.code()).isEqualTo(api.equals("shopapp") ? 400 : 404);
    assertErrorShape(api, unknown, null);

    Reply anonymous = call(secured, exampleRequest(responder, secured));
    assertThat(anonymous.code()).as("%s", secured).isEqualTo(401);
    assertErrorShape(api, anonymous, null);
    assertThat(call(secured, exampleRequest(responder, secured), credentials(api, secured))
        .code() / 100).isEqualTo(2);
  }

  @Test
  void usersOwnStubsStillWin() throws IOException {
    mock = start("intouch", relocatedSpec("intouch"));
    mock.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock
        .get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(RELOCATED
            + "/api/products"))
        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(418)));
    Reply stubbed = http.get(mock.rootUrl() + RELOCATED + "/api/products",
        "Authorization", Credentials.basic("demo", "demo-password"));
    assertThat(stubbed.code()).isEqualTo(418);
    Reply spec = http.get(mock.rootUrl() + RELOCATED + "/api/stores",
        "Authorization", Credentials.basic("demo", "demo-password"));
    assertThat(spec.code()).isEqualTo(200);
  }

  @Test
  void theStatefulBehaviourStillAnswersWhatItServes() {
    mock = InTouchMock.builder().parties(12).start();
    Reply parties = http.get(mock.baseUrl() + "/parties?size=50",
        "Authorization", Credentials.basic("demo", "demo-password"));
    // the seeded address book, not the spec responder's collection of 7
    assertThat(parties.json().getAsJsonObject().get("total").getAsInt()).isEqualTo(12);
  }

  @Test
  void synthesisedAnswersDependOnTheSeedOnly() throws IOException {
    Path spec = relocatedSpec("intouch");
    String[] auth = {"Authorization", Credentials.basic("demo", "demo-password")};
    String page = RELOCATED + "/api/parties?size=7";
    List<String> answers = new ArrayList<>();
    for (long seed : new long[] {1, 1, 2}) {
      try (InTouchMock m = InTouchMock.builder().seed(seed).spec(spec).start()) {
        answers.add(http.get(m.rootUrl() + page, auth).text());
      }
    }
    assertThat(answers.get(0)).isEqualTo(answers.get(1));
    assertThat(answers.get(2)).isNotEqualTo(answers.get(0));
  }

  // ------------------------------------------------------------------ a new operation, no code

  @Test
  void operationsAddedToACopyOfASpecAreAnsweredWithoutCode() throws IOException {
    Path spec = specWith("intouch", "gadgets.yaml");

    mock = InTouchMock.builder().parties(12).spec(spec).start();
    SpecValidator validation = SpecValidator.forSpec(spec.toString(), List.of("/api"));
    mock.server().addMockServiceRequestListener(validation);
    String api = mock.baseUrl();
    String[] auth = {"Authorization", Credentials.basic("demo", "demo-password")};

    // the paged operation: every gadget once, then the walk stops
    List<String> seen = new ArrayList<>();
    int pages = 0;
    for (int position = 0; pages < 10; position += 3) {
      JsonObject page = http.get(api + "/gadgets?position=" + position + "&size=3", auth).json()
          .getAsJsonObject();
      pages++;
      page.getAsJsonArray("items").forEach(e -> seen.add(e.toString()));
      assertThat(page.get("position").getAsInt()).isEqualTo(position);
      assertThat(page.get("size").getAsInt()).isEqualTo(3);
      if (position + 3 >= page.get("total").getAsInt()) {
        break;
      }
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(7).doesNotHaveDuplicates();
    assertThat(seen.get(0)).contains("\"name\":\"Gadget one\""); // the example's item first

    // the plain operation: the documented status and example
    TestHttp authed = http.with(auth);
    Reply polished = authed.post(api + "/gadgets/5/actions/polish", "{\"finish\":\"matte\"}");
    assertThat(polished.code()).isEqualTo(200);
    assertThat(polished.json().getAsJsonObject().get("name").getAsString())
        .isEqualTo("Gadget polished");
    // validated: a finish the enum does not list, a batch off its pattern, a missing body, a path
    // id that is no integer
    Reply wrongFinish = authed.post(api + "/gadgets/5/actions/polish", "{\"finish\":\"shiny\"}",
        SpecValidator.INVALID_ON_PURPOSE, "1");
    assertThat(wrongFinish.code()).isEqualTo(400);
    assertErrorShape("intouch", wrongFinish, "finish");
    Reply wrongBatch = authed.post(api + "/gadgets/5/actions/polish",
        "{\"finish\":\"matte\",\"batch\":\"X1\"}", SpecValidator.INVALID_ON_PURPOSE, "1");
    assertThat(wrongBatch.code()).isEqualTo(400);
    assertErrorShape("intouch", wrongBatch, "batch");
    assertThat(authed.post(api + "/gadgets/5/actions/polish",
        "{\"finish\":\"matte\",\"batch\":\"B0042\"}").code()).isEqualTo(200);
    Reply noBody = authed.post(api + "/gadgets/5/actions/polish", null,
        SpecValidator.INVALID_ON_PURPOSE, "1");
    assertThat(noBody.code()).isEqualTo(400);
    Reply wrongId = authed.post(api + "/gadgets/five/actions/polish", "{\"finish\":\"matte\"}",
        SpecValidator.INVALID_ON_PURPOSE, "1");
    assertThat(wrongId.code()).isEqualTo(400);
    assertErrorShape("intouch", wrongId, "id");
    assertThat(http.post(api + "/gadgets/5/actions/polish", "{\"finish\":\"matte\"}").code())
        .isEqualTo(401);
    // a spec path more specific than a stateful route ({id} = "recent") goes to the spec
    Reply recent = authed.get(api + "/parties/recent");
    assertThat(recent.code()).isEqualTo(200);
    assertThat(recent.json().isJsonArray()).isTrue();
    assertThat(recent.json().getAsJsonArray().get(0).getAsJsonObject().has("id")).isTrue();
    // the stateful behaviours are untouched
    assertThat(authed.get(api + "/parties?size=50").json().getAsJsonObject().get("total")
        .getAsInt()).isEqualTo(12);
    validation.assertValidationPassed();
  }

  @Test
  void aCareCloudOperationAddedToTheSpecIsServedOnItsInterfacesOnly() throws IOException {
    Path spec = specWith("carecloud", "gift-cards.yaml");
    CareCloudMock cc = CareCloudMock.builder().spec(spec).start();
    mock = cc;
    SpecOperation enterprise = mock.specResponder().operations().stream()
        .filter(op -> op.operationId().equals("listGiftCards")
            && op.serverVariables().get("interface").equals("enterprise-interface"))
        .findFirst().orElseThrow();
    SpecOperation customer = mock.specResponder().operations().stream()
        .filter(op -> op.operationId().equals("listGiftCards") && op != enterprise)
        .findFirst().orElseThrow();
    String[] user = credentials("carecloud", enterprise);
    String[] device = credentials("carecloud", customer);
    SpecValidator validation = SpecValidator.forSpec(spec.toString(), List.of(
        CareCloudMock.BASE_PATH + "/enterprise-interface/v1.0",
        CareCloudMock.BASE_PATH + "/customer-interface/v1.0"));
    mock.server().addMockServiceRequestListener(validation);

    List<String> cards = walk(enterprise, mock.specResponder(), user, 3);
    assertThat(cards).hasSize(SpecResponder.COLLECTION_SIZE).doesNotHaveDuplicates();
    Reply refused = http.get(cc.customerUrl() + "/gift-cards", device);
    assertThat(refused.code()).isEqualTo(403);
    assertThat(refused.json().getAsJsonObject().getAsJsonObject("error").get("type")
        .getAsString()).isEqualTo("interface_not_allowed_exception");
    assertThat(http.get(cc.enterpriseUrl() + "/gift-cards").code()).isEqualTo(401);
    // the stateful customers are still the seeded 120
    assertThat(http.get(cc.enterpriseUrl() + "/customers?count=1", user).json().getAsJsonObject()
        .getAsJsonObject("data").get("total_items").getAsInt()).isEqualTo(120);
    validation.assertValidationPassed();
  }

  // ------------------------------------------------------------------ helpers

  /** A copy of the API's spec with the paths and schemas of {@code fixtures/<fixture>} added. */
  private Path specWith(String api, String fixture) throws IOException {
    ObjectNode doc = (ObjectNode) readSpec(api);
    ObjectNode added;
    try (InputStream in = getClass().getResourceAsStream("/fixtures/" + fixture)) {
      added = (ObjectNode) YAML.readTree(in);
    }
    ((ObjectNode) doc.get("paths")).setAll((ObjectNode) added.get("paths"));
    ((ObjectNode) doc.get("components").get("schemas")).setAll(
        (ObjectNode) added.get("components").get("schemas"));
    Path spec = dir.resolve(api + "-with-" + fixture);
    YAML.writeValue(spec.toFile(), doc);
    return spec;
  }

  private record Example(String path, Map<String, String> query, String body, boolean form) {
  }

  private static MockServer<?> start(String api, Path spec) {
    return switch (api) {
      case "itcare" -> ItCareMock.builder().spec(spec).start();
      case "carecloud" -> CareCloudMock.builder().spec(spec).start();
      case "shopapp" -> ShopApplicationMock.builder().spec(spec).start();
      case "intouch" -> InTouchMock.builder().spec(spec).start();
      default -> throw new IllegalArgumentException(api);
    };
  }

  private static JsonNode readSpec(String api) throws IOException {
    try (InputStream in = SpecResponderTest.class.getClassLoader()
        .getResourceAsStream("specs/" + api + ".yaml")) {
      return YAML.readTree(in);
    }
  }

  /** A copy of the API's spec whose every server sits under {@value #RELOCATED}. */
  private Path relocatedSpec(String api) throws IOException {
    JsonNode doc = readSpec(api);
    relocate(doc);
    Path out = dir.resolve(api + ".yaml");
    YAML.writeValue(out.toFile(), doc);
    return out;
  }

  private static void relocate(JsonNode node) {
    if (node.isObject()) {
      JsonNode servers = node.get("servers");
      if (servers instanceof ArrayNode list) {
        for (JsonNode server : list) {
          String url = server.path("url").asText();
          int scheme = url.indexOf("://");
          int slash = url.indexOf('/', scheme + 3);
          String moved = slash < 0 ? url + RELOCATED
              : url.substring(0, slash) + RELOCATED + url.substring(slash);
          ((ObjectNode) server).put("url", moved);
        }
      }
      node.forEach(SpecResponderTest::relocate);
    } else if (node.isArray()) {
      node.forEach(SpecResponderTest::relocate);
    }
  }

  private static int operationCount(Path spec) {
    io.swagger.v3.oas.models.OpenAPI parsed = new OpenAPIV3Parser().read(spec.toString());
    return parsed.getPaths().values().stream().mapToInt(p -> p.readOperations().size()).sum();
  }

  private static SpecValidator validator(Path spec, SpecResponder responder) {
    List<String> bases = responder.operations().stream().map(SpecOperation::basePath).distinct()
        .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    return SpecValidator.forSpec(spec.toString(), bases);
  }

  private static boolean interfaceAllowed(SpecOperation op) {
    String iface = op.serverVariables().get("interface");
    List<String> served = op.extensionValues("x-interfaces");
    return iface == null || served.isEmpty() || served.stream().anyMatch(iface::startsWith);
  }

  private static SpecOperation first(SpecResponder responder,
      java.util.function.Predicate<SpecOperation> test) {
    return find(responder, test).orElseThrow();
  }

  private static Optional<SpecOperation> find(SpecResponder responder,
      java.util.function.Predicate<SpecOperation> test) {
    return responder.operations().stream().filter(SpecResponderTest::interfaceAllowed)
        .filter(test).findFirst();
  }

  /** Fetches every credential before the validator listens (token calls hit the real paths). */
  private void warmUp(String api, SpecResponder responder) {
    responder.operations().stream().filter(op -> op.secured() && interfaceAllowed(op))
        .forEach(op -> credentials(api, op));
  }

  private static JsonNode jsonBodySchema(SpecResponder responder, SpecOperation op) {
    JsonNode content = responder.spec().resolve(op.node().path("requestBody")).path("content");
    JsonNode media = content.get("application/json");
    return media == null ? null : media.path("schema");
  }

  private static String integerQuery(SpecResponder responder, SpecOperation op) {
    for (JsonNode p : op.parameters()) {
      if (p.path("in").asText().equals("query")
          && responder.sampler().type(p.path("schema")).equals("integer")) {
        return p.path("name").asText();
      }
    }
    return null;
  }

  /** Path, required query parameters and body from the spec's examples (else synthesised). */
  private static Example exampleRequest(SpecResponder responder, SpecOperation op) {
    Map<String, String> pathValues = new HashMap<>();
    Map<String, String> query = new LinkedHashMap<>();
    for (JsonNode p : op.parameters()) {
      String in = p.path("in").asText();
      String name = p.path("name").asText();
      if (in.equals("path")) {
        pathValues.put(name, exampleValue(responder, p));
      } else if (in.equals("query") && p.path("required").asBoolean(false)) {
        query.put(name, exampleValue(responder, p));
      }
    }
    StringBuilder path = new StringBuilder(op.basePath());
    for (String segment : op.path().split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      path.append('/');
      path.append(segment.startsWith("{") ? "{" + segment.substring(1, segment.length() - 1)
          + "=" + pathValues.get(segment.substring(1, segment.length() - 1)) + "}" : segment);
    }
    JsonNode requestBody = responder.spec().resolve(op.node().path("requestBody"));
    JsonNode content = requestBody.path("content");
    String body = null;
    boolean form = false;
    if (content.isObject() && !content.isEmpty()) {
      String type = content.fieldNames().next();
      JsonNode media = content.get(type);
      JsonElement value = null;
      if (media.has("example")) {
        value = SchemaSampler.toGson(media.get("example"));
      } else if (media.has("examples") && media.get("examples").size() > 0) {
        value = SchemaSampler.toGson(responder.spec().resolve(media.get("examples").elements()
            .next()).path("value"));
      }
      if (value == null) {
        value = responder.sampler().sampleRequest(media.path("schema"), new Random(7));
      }
      form = type.contains("form");
      if (form) {
        StringBuilder encoded = new StringBuilder();
        value.getAsJsonObject().entrySet().forEach(e -> encoded.append(encoded.isEmpty() ? "" : "&")
            .append(e.getKey()).append('=').append(e.getValue().getAsString()));
        body = encoded.toString();
      } else {
        body = value.toString();
      }
    }
    return new Example(path.toString(), query, body, form);
  }

  private static String exampleValue(SpecResponder responder, JsonNode parameter) {
    JsonNode example = parameter.get("example");
    if (example == null && parameter.path("examples").size() > 0) {
      example = responder.spec().resolve(parameter.get("examples").elements().next())
          .path("value");
    }
    JsonElement value = example != null ? SchemaSampler.toGson(example)
        : responder.sampler().sample(parameter.path("schema"), new Random(7), true);
    if (value.isJsonArray()) {
      value = value.getAsJsonArray().get(0);
    }
    return value.getAsString();
  }

  private Reply call(SpecOperation op, Example example, String... headers) {
    HttpUrl.Builder url = HttpUrl.get(mock.rootUrl()).newBuilder();
    for (String segment : example.path().split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (segment.startsWith("{") && segment.contains("=")) {
        url.addPathSegment(segment.substring(segment.indexOf('=') + 1, segment.length() - 1));
      } else {
        url.addPathSegment(segment);
      }
    }
    example.query().forEach(url::addQueryParameter);
    RequestBody body = example.body() == null
        ? (op.method().equals("GET") || op.method().equals("DELETE") ? null
            : RequestBody.create(new byte[0], null))
        : RequestBody.create(example.body(), example.form() ? FORM : JSON);
    Request.Builder request = new Request.Builder().url(url.build()).method(op.method(), body);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try (Response response = http.client().newCall(request.build()).execute()) {
      return new Reply(response.code(), response.headers(), response.body() == null ? null
          : response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Walks every page of a paged operation with page size {@code size}; the items as JSON text. */
  private List<String> walk(SpecOperation op, SpecResponder responder, String[] auth, int size) {
    String style = op.node().get("x-paging").path("style").asText();
    String items = op.node().get("x-paging").path("items").asText();
    Example base = exampleRequest(responder, op);
    List<String> seen = new ArrayList<>();
    for (int page = 0; page < 20; page++) {
      Map<String, String> query = new LinkedHashMap<>(base.query());
      switch (style) {
        case "offset" -> {
          query.put("count", String.valueOf(size));
          query.put("offset", String.valueOf(page * size));
        }
        case "spring" -> {
          query.put("size", String.valueOf(size));
          query.put("page", String.valueOf(page));
        }
        default -> {
          query.put("size", String.valueOf(size));
          query.put("position", String.valueOf(page * size));
        }
      }
      Reply reply = call(op, new Example(base.path(), query, base.body(), base.form()), auth);
      assertThat(reply.code()).as("%s page %d", op, page).isEqualTo(200);
      JsonObject body = reply.json().getAsJsonObject();
      boolean last;
      switch (style) {
        case "offset" -> {
          JsonObject data = body.getAsJsonObject("data");
          data.getAsJsonArray(items).forEach(e -> seen.add(e.toString()));
          last = (page + 1) * size >= data.get("total_items").getAsInt();
        }
        case "spring" -> {
          body.getAsJsonArray(items).forEach(e -> seen.add(e.toString()));
          last = body.get("last").getAsBoolean();
          assertThat(body.get("number").getAsInt()).isEqualTo(page);
        }
        default -> {
          body.getAsJsonArray(items).forEach(e -> seen.add(e.toString()));
          last = (page + 1) * size >= body.get("total").getAsInt();
        }
      }
      if (last) {
        return seen;
      }
    }
    throw new AssertionError(op + ": the walk did not end in 20 pages");
  }

  /** Credentials the API wants for {@code op} (its interface's, for CareCloud). */
  private String[] credentials(String api, SpecOperation op) {
    return switch (api) {
      case "itcare" -> op.securitySchemes().equals(List.of("basic"))
          ? new String[] {"Authorization", Credentials.basic("demo-client", "demo-secret")}
          : bearer(tokens.computeIfAbsent("itcare", k -> {
        ItCareMock itcare = (ItCareMock) mock;
        return http.form(itcare.tokenUrl(), "grant_type=client_credentials", "Authorization",
            Credentials.basic(itcare.clientId(), itcare.clientSecret())).json().getAsJsonObject()
            .get("access_token").getAsString();
      }));
      case "shopapp" -> bearer(tokens.computeIfAbsent("shopapp", k -> http.get(mock.rootUrl()
          + "/token?client_id=demo-client&client_secret=demo-secret").json().getAsJsonObject()
          .get("access_token").getAsString()));
      case "intouch" -> new String[] {"Authorization", Credentials.basic("demo", "demo-password")};
      case "carecloud" -> {
        CareCloudMock cc = (CareCloudMock) mock;
        boolean customer = "customer-interface".equals(op.serverVariables().get("interface"));
        yield bearer(customer
            ? tokens.computeIfAbsent("cc-customer", k -> http.post(cc.customerUrl() + "/tokens",
                "{\"device\":{\"device_id\":\"spec-device\",\"device_system\":\"Android 14\","
                    + "\"device_name\":\"Pixel 8\",\"device_type\":\"phone\"},\"setup\":"
                    + "{\"language_id\":\"en\",\"allowed_gps\":true,\"allowed_notifications\":"
                    + "false},\"external_application_id\":\"demo-customer-app\"}").json()
                .getAsJsonObject().getAsJsonObject("data").get("token_id").getAsString())
            : tokens.computeIfAbsent("cc-enterprise", k -> http.post(cc.enterpriseUrl()
                + "/users/actions/login", "{\"user_external_application_id\":\"demo-app\","
                + "\"login\":\"demo\",\"password\":\"demo-password\"}").json().getAsJsonObject()
                .getAsJsonObject("data").get("bearer_token").getAsString()));
      }
      default -> throw new IllegalArgumentException(api);
    };
  }

  private static String[] bearer(String token) {
    return new String[] {"Authorization", "Bearer " + token};
  }

  /** The API's own error body; {@code field}, when given, is named in it. */
  private static void assertErrorShape(String api, Reply reply, String field) {
    JsonObject body = reply.json().getAsJsonObject();
    switch (api) {
      case "itcare" -> {
        assertThat(body.has("errorCode")).as(reply.text()).isTrue();
        assertThat(body.has("errorMessage")).as(reply.text()).isTrue();
        if (field != null) {
          assertThat(body.get("errorDesc").getAsString()).isEqualTo(field);
        }
      }
      case "carecloud" -> {
        JsonObject error = body.getAsJsonObject("error");
        assertThat(error.has("type")).as(reply.text()).isTrue();
        if (field != null) {
          JsonArray invalid = error.getAsJsonObject("error_data").getAsJsonArray("invalid_params");
          assertThat(invalid.get(0).getAsJsonObject().get("name").getAsString()).endsWith(field);
        }
      }
      case "shopapp" -> {
        assertThat(body.get("error").getAsBoolean()).as(reply.text()).isTrue();
        if (field != null) {
          assertThat(body.get("message").getAsString()).contains(field);
        }
      }
      case "intouch" -> {
        assertThat(body.get("ok").getAsBoolean()).as(reply.text()).isFalse();
        if (field != null) {
          assertThat(body.getAsJsonArray("problems").get(0).getAsJsonObject().get("field")
              .getAsString()).endsWith(field);
        }
      }
      default -> throw new IllegalArgumentException(api);
    }
  }
}
