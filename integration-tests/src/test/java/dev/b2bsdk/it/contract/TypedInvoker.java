package dev.b2bsdk.it.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.Gson;
import dev.b2bsdk.core.client.ApiResponse;
import dev.b2bsdk.core.paging.Page;
import dev.b2bsdk.core.paging.PagedIterable;
import dev.b2bsdk.core.paging.Sort;
import dev.b2bsdk.core.polling.AsyncOperation;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Calls an operation through the typed layer of a facade client and checks what it returns:
 * finds the group and method in the {@link OperationIndex}, synthesises the arguments by
 * parameter (path and required parameters by name from the spec's examples, the request body from
 * the request example, the params object through its builder with a value for every field, a
 * {@link Sort} for the sort parameters), and afterwards checks that every query parameter set
 * (and, for a paged operation, the page parameters) reached the server, and that the value the
 * typed method returns holds the example without loss (unwrapped from the envelope, or the page's
 * items).
 */
final class TypedInvoker {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OperationIndex index;
  private final Gson gson;
  private final String envelope;

  /**
   * @param envelope the property every response is wrapped in (CareCloud {@code data}), or null
   */
  TypedInvoker(OperationIndex index, Gson gson, String envelope) {
    this.index = index;
    this.gson = gson;
    this.envelope = envelope;
  }

  OperationIndex index() {
    return index;
  }

  /** Sends the case's request through {@code client}'s typed method and checks the result. */
  void invoke(Object client, ContractCase c, ContractStubs stubs) throws Exception {
    SpecOperation op = c.operation();
    OperationIndex.Entry e = index.entry(op.operationId());
    if (e == null) {
      throw new IllegalStateException(op + ": not in " + index.resource());
    }
    if (e.clientManaged()) {
      throw new IllegalStateException(op + " is client-managed: it has no typed method");
    }
    Object group = call(OperationIndex.accessor(client.getClass(), e), client);
    Method m = OperationIndex.resolveIn(group.getClass(), e);
    Arguments args = arguments(m, c);
    Object result = call(m, group, args.values);
    String label = c.label();
    switch (e.kind()) {
      case "plain" -> {
        checkPlain(label, c, m, (ApiResponse<?>) result);
        checkAsync(label, group, e, args.values, ((ApiResponse<?>) result).value());
      }
      case "paged" -> {
        Page<?> page = ((PagedIterable<?>) result).firstPage();
        args.sent.addAll(pageParameters(op));
        checkPage(label, c, page);
      }
      case "async" -> checkAccepted(label, c, (AsyncOperation<?>) result);
      default -> throw new IllegalStateException(e.kind());
    }
    checkSent(label, op, args.sent, stubs);
  }

  // ------------------------------------------------------------------ arguments

  /** The arguments, and the query parameters they make the request carry. */
  private record Arguments(Object[] values, Set<String> sent) {
  }

  private Arguments arguments(Method m, ContractCase c) throws Exception {
    SpecOperation op = c.operation();
    Set<String> sent = new LinkedHashSet<>();
    Set<Parameter> reached = new LinkedHashSet<>();
    java.lang.reflect.Parameter[] ps = m.getParameters();
    Object[] values = new Object[ps.length];
    boolean body = false;
    for (int i = 0; i < ps.length; i++) {
      java.lang.reflect.Parameter p = ps[i];
      if (!p.isNamePresent()) {
        throw new IllegalStateException(m + ": compiled without parameter names");
      }
      if (isParams(p.getType())) {
        values[i] = params(p.getType(), op, sent, reached);
        continue;
      }
      Parameter spec = byJavaName(op, p.getName());
      if (spec != null) {
        reached.add(spec);
        values[i] = convert(SpecExamples.always(spec), p.getParameterizedType());
        if ("query".equals(spec.getIn())) {
          sent.add(spec.getName());
        }
        continue;
      }
      if (op.requestBody() != null && !body) {
        if (c.requestBody() == null) {
          throw new IllegalStateException(op + ": the typed method takes a body (" + p.getName()
              + ") but the spec has no request body example");
        }
        values[i] = convert(c.requestBody(), p.getParameterizedType());
        body = true;
        continue;
      }
      throw new IllegalStateException(m.getDeclaringClass().getSimpleName() + "." + m.getName()
          + ": argument '" + p.getName() + "' matches no parameter of " + op
          + " and the operation has no (other) request body");
    }
    if (op.requestBody() != null && Boolean.TRUE.equals(op.requestBody().getRequired()) && !body) {
      throw new IllegalStateException(op + ": the typed method " + m.getName()
          + " takes no request body");
    }
    Set<String> paging = pageAndSortParameters(op);
    List<String> unreachable = new ArrayList<>();
    for (Parameter p : op.parameters()) {
      boolean managed = p.getExtensions() != null
          && Boolean.TRUE.equals(p.getExtensions().get("x-client-managed"));
      if (!reached.contains(p) && !managed && !paging.contains(p.getName())) {
        unreachable.add(p.getIn() + " " + p.getName());
      }
    }
    assertThat(unreachable).as("%s: spec parameters the typed method %s cannot send", op,
        m.getName()).isEmpty();
    return new Arguments(values, sent);
  }

  private static boolean isParams(Class<?> type) {
    try {
      return type.getSimpleName().endsWith("Params") && type.getMethod("builder") != null;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** The params object with every field set from the spec: a value, or a {@link Sort}. */
  private Object params(Class<?> type, SpecOperation op, Set<String> sent, Set<Parameter> reached)
      throws Exception {
    Object builder = call(type.getMethod("builder"), null);
    Class<?> b = builder.getClass();
    List<String> stray = new ArrayList<>();
    for (Method setter : b.getMethods()) {
      if (setter.getDeclaringClass() != b || setter.getParameterCount() != 1
          || setter.getReturnType() != b) {
        continue;
      }
      if (setter.getParameterTypes()[0] == Sort.class) {
        call(setter, builder, Sort.desc(sortField(op)));
        for (String name : sortParameters(op)) {
          if (op.parameter("query", name) != null) {
            sent.add(name);
          }
        }
        continue;
      }
      Parameter spec = byJavaName(op, setter.getName());
      if (spec == null) {
        stray.add(setter.getName());
        continue;
      }
      reached.add(spec);
      call(setter, builder, convert(SpecExamples.always(spec),
          setter.getGenericParameterTypes()[0]));
      if ("query".equals(spec.getIn())) {
        sent.add(spec.getName());
      }
    }
    assertThat(stray).as("%s: fields of %s that match no parameter of the spec", op,
        type.getSimpleName()).isEmpty();
    return call(b.getMethod("build"), builder);
  }

  /** A spec parameter whose name is the Java name's ({@code cle_interface} for {@code cleInterface}). */
  private static Parameter byJavaName(SpecOperation op, String javaName) {
    String key = normal(javaName);
    Parameter found = null;
    for (Parameter p : op.parameters()) {
      if (normal(p.getName()).equals(key)) {
        if (found != null) {
          throw new IllegalStateException(op + ": '" + javaName + "' matches two parameters");
        }
        found = p;
      }
    }
    return found;
  }

  private static String normal(String name) {
    return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
  }

  private static Set<String> pageParameters(SpecOperation op) {
    String style = op.paging("style");
    if (style == null) {
      return Set.of();
    }
    return switch (style) {
      case "offset" -> Set.of("count", "offset");
      case "spring" -> Set.of("page", "size");
      case "position" -> Set.of("position", "size");
      default -> throw new IllegalStateException(op + ": unknown x-paging style " + style);
    };
  }

  private static Set<String> sortParameters(SpecOperation op) {
    String style = op.paging("style");
    if (style == null) {
      return Set.of();
    }
    return switch (style) {
      case "offset" -> Set.of("sort_field", "sort_direction");
      case "spring" -> Set.of("sort");
      case "position" -> Set.of("orderBy", "desc");
      default -> Set.of();
    };
  }

  private static Set<String> pageAndSortParameters(SpecOperation op) {
    Set<String> all = new LinkedHashSet<>(pageParameters(op));
    all.addAll(sortParameters(op));
    return all;
  }

  /** The field to sort by: the example of the sort (field) parameter, without a direction. */
  private static String sortField(SpecOperation op) {
    for (String name : List.of("sort_field", "orderBy", "sort")) {
      Parameter p = op.parameter("query", name);
      if (p != null) {
        JsonNode v = SpecExamples.of(p);
        if (v != null && v.isTextual() && !v.textValue().isBlank()) {
          String field = v.textValue();
          return field.contains(",") ? field.substring(0, field.indexOf(',')) : field;
        }
      }
    }
    return "id";
  }

  private Object convert(JsonNode value, Type type) {
    JsonNode v = value;
    if (v == null || v.isNull()) {
      return null;
    }
    Type raw = type instanceof ParameterizedType pt ? pt.getRawType() : type;
    if (raw instanceof Class<?> cls && Collection.class.isAssignableFrom(cls) && !v.isArray()) {
      v = JsonNodeFactory.instance.arrayNode().add(v);
    }
    return gson.fromJson(v.toString(), type);
  }

  private static Object call(Method m, Object target, Object... args) throws Exception {
    try {
      return m.invoke(target, args);
    } catch (IllegalAccessException e) {
      // a public method inherited from the package-private generated base class
      m.setAccessible(true);
      return call(m, target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception x) {
        throw x;
      }
      if (cause instanceof Error x) {
        throw x;
      }
      throw e;
    }
  }

  // ------------------------------------------------------------------ checks

  private void checkPlain(String label, ContractCase c, Method m, ApiResponse<?> r)
      throws Exception {
    assertThat(r.statusCode()).as("%s: status", label).isEqualTo(c.status());
    c.responseHeaders().forEach((name, value) -> assertThat(r.header(name))
        .as("%s: response header %s", label, name).isEqualTo(value));
    if (c.responseBody() == null) {
      return;
    }
    JsonNode expected = c.responseBody();
    String at = "$";
    if (envelope != null && expected.isObject() && expected.has(envelope)) {
      expected = expected.get(envelope);
      at = "$." + envelope;
    }
    assertThat(r.value()).as("%s: value of the typed method", label).isNotNull();
    Type value = ((ParameterizedType) m.getGenericReturnType()).getActualTypeArguments()[0];
    Type raw = value instanceof ParameterizedType pt ? pt.getRawType() : value;
    if (raw instanceof Class<?> cls) {
      assertThat(r.value()).as("%s: value type", label).isInstanceOf(cls);
    }
    JsonNode actual = JSON.readTree(gson.toJson(r.value()));
    if (actual.isArray() && expected.isObject()) {
      // a list envelope ({"languages": [...], "total_items": n}) is returned as its list
      String list = null;
      for (java.util.Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (expected.get(name).isArray()) {
          assertThat(list).as("%s: %s has one list", label, at).isNull();
          list = name;
        }
      }
      assertThat(list).as("%s: %s is a list envelope", label, at).isNotNull();
      expected = expected.get(list);
      at = at + "." + list;
    }
    ContractChecks.assertNoFieldLost(label, at, expected, actual);
  }

  /**
   * The {@code …Async} form of a plain operation sends the same request and completes with the
   * value the {@code …WithResponse} form returned.
   */
  private void checkAsync(String label, Object group, OperationIndex.Entry e, Object[] args,
      Object expected) throws Exception {
    Method async = null;
    for (Method x : group.getClass().getMethods()) {
      if (x.getName().equals(e.method() + "Async") && x.getParameterCount() == args.length) {
        async = x;
      }
    }
    if (async == null) {
      throw new IllegalStateException(label + ": no " + e.method() + "Async taking the same"
          + " arguments as " + e.method() + "WithResponse");
    }
    Object future = call(async, group, args);
    Object value;
    try {
      value = ((java.util.concurrent.CompletableFuture<?>) future)
          .get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException x) {
      throw new AssertionError(label + ": " + e.method() + "Async failed: " + x.getCause(),
          x.getCause());
    }
    assertThat(gson.toJson(value)).as("%s: value of %sAsync", label, e.method())
        .isEqualTo(gson.toJson(expected));
  }

  private void checkPage(String label, ContractCase c, Page<?> page) throws Exception {
    String items = c.operation().paging("items");
    JsonNode body = c.responseBody();
    if (items == null || body == null) {
      throw new IllegalStateException(c.operation() + ": x-paging without items, or no example");
    }
    String pointer = (envelope != null && body.has(envelope) ? "/" + envelope : "") + "/" + items;
    JsonNode expected = body.at(pointer);
    assertThat(expected.isArray()).as("%s: the example has its items at %s", label, pointer)
        .isTrue();
    ContractChecks.assertNoFieldLost(label, "$" + pointer.replace('/', '.'), expected,
        JSON.readTree(gson.toJson(page.items())));
    // the total the page reports drives the stop rule and the guards of the walk
    String total = switch (String.valueOf(c.operation().paging("style"))) {
      case "offset" -> "total_items";
      case "spring" -> "totalElements";
      case "position" -> "total";
      default -> null;
    };
    JsonNode reported = total == null ? null
        : body.at((envelope != null && body.has(envelope) ? "/" + envelope : "") + "/" + total);
    if (reported != null && reported.isNumber()) {
      assertThat(page.total()).as("%s: the page's total (%s of the example)", label, total)
          .isEqualTo(reported.longValue());
    }
  }

  private static void checkAccepted(String label, ContractCase c, AsyncOperation<?> operation) {
    JsonNode id = c.responseBody() == null ? null : c.responseBody().get("id");
    if (id == null || id.isNull()) {
      assertThat(operation.tracked()).as("%s: accepted without an action id", label).isFalse();
      return;
    }
    assertThat(operation.tracked()).as("%s: accepted and tracked", label).isTrue();
    assertThat(operation.operationId()).as("%s: action id", label).isEqualTo(id.asText());
  }

  /** The request of the operation carried every query parameter the arguments set. */
  private static void checkSent(String label, SpecOperation op, Set<String> sent,
      ContractStubs stubs) {
    List<ServeEvent> mine = stubs.wireMock().getAllServeEvents().stream()
        .filter(e -> stubs.operationOf(e) == op || (stubs.operationOf(e) != null
            && stubs.operationOf(e).operationId().equals(op.operationId())))
        .toList();
    if (mine.isEmpty() || sent.isEmpty()) {
      return; // "no request" is the journal's finding
    }
    ServeEvent last = mine.get(0); // the journal lists the newest first
    List<String> missing = new ArrayList<>();
    for (String name : sent) {
      QueryParameter q = last.getRequest().queryParameter(name);
      if (q == null || !q.isPresent()) {
        missing.add(name);
      }
    }
    assertThat(missing).as("%s: query parameters set through the typed method but not sent"
        + " (request %s)", label, last.getRequest().getUrl()).isEmpty();
  }
}
