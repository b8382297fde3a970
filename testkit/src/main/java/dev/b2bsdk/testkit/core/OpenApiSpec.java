package dev.b2bsdk.testkit.core;

import wiremock.com.fasterxml.jackson.databind.JsonNode;
import wiremock.com.fasterxml.jackson.databind.ObjectMapper;
import wiremock.com.fasterxml.jackson.databind.node.MissingNode;
import wiremock.com.fasterxml.jackson.databind.node.ObjectNode;
import wiremock.com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OpenAPI 3.0 document read with the Jackson YAML parser WireMock already brings (no
 * swagger-parser on users' classpaths): operations with their parameters (path-level merged into
 * operation-level), request bodies and responses, local {@code $ref}s resolved on demand, and the
 * server base paths each operation is served under (server variables in the path expanded over
 * their {@code enum}).
 */
final class OpenApiSpec {

  static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head",
      "options");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Map<String, OpenApiSpec> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final JsonNode root;
  private final List<SpecOperation> operations;
  private final char dateTimeSeparator;

  private OpenApiSpec(JsonNode root) {
    this.root = root;
    this.operations = List.copyOf(readOperations());
    this.dateTimeSeparator = localDateTimeSeparator(root);
  }

  /**
   * Reads a YAML or JSON document. Parsed documents are shared by content (they are immutable), so
   * starting many mocks of one API parses its spec once.
   */
  static OpenApiSpec load(URL source) {
    byte[] bytes;
    try (InputStream in = source.openStream()) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the spec " + source, e);
    }
    String key = digest(bytes);
    OpenApiSpec cached = CACHE.get(key);
    if (cached != null) {
      return cached;
    }
    OpenApiSpec parsed = parse(bytes, source);
    if (CACHE.size() >= 16) {
      CACHE.clear();
    }
    CACHE.put(key, parsed);
    return parsed;
  }

  private static OpenApiSpec parse(byte[] bytes, URL source) {
    try {
      JsonNode root = YAML.readTree(bytes);
      if (root == null || !root.isObject() || !root.has("paths")) {
        throw new IllegalArgumentException("not an OpenAPI document (no paths): " + source);
      }
      return new OpenApiSpec(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse the spec " + source, e);
    }
  }

  private static String digest(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest
          .getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every operation of the document, once per base path it is served under. */
  List<SpecOperation> operations() {
    return operations;
  }

  /** The separator of {@code format: local-date-time} values in this spec's examples. */
  char dateTimeSeparator() {
    return dateTimeSeparator;
  }

  /** {@code node} with its {@code $ref} chain followed (local references only). */
  JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current != null && current.has("$ref"); hops++) {
      if (hops > 32) {
        throw new IllegalStateException("$ref cycle at " + node.get("$ref").asText());
      }
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new IllegalStateException("only local $refs are supported: " + ref);
      }
      JsonNode target = root.at(ref.substring(1));
      if (target.isMissingNode()) {
        throw new IllegalStateException("unresolved $ref " + ref);
      }
      current = target;
    }
    return current == null ? MissingNode.getInstance() : current;
  }

  private List<SpecOperation> readOperations() {
    List<SpecOperation> out = new ArrayList<>();
    JsonNode globalSecurity = root.path("security");
    List<JsonNode> rootServers = list(root.path("servers"));
    for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = paths.next();
      String path = entry.getKey();
      JsonNode item = resolve(entry.getValue());
      List<JsonNode> pathServers = item.has("servers") ? list(item.get("servers")) : rootServers;
      for (String method : METHODS) {
        JsonNode op = item.get(method);
        if (op == null || !op.isObject()) {
          continue;
        }
        Map<String, JsonNode> params = new LinkedHashMap<>();
        for (JsonNode p : list(item.path("parameters"))) {
          JsonNode r = resolve(p);
          params.put(r.path("in").asText() + ":" + r.path("name").asText(), r);
        }
        for (JsonNode p : list(op.path("parameters"))) {
          JsonNode r = resolve(p);
          params.put(r.path("in").asText() + ":" + r.path("name").asText(), r);
        }
        JsonNode security = op.has("security") ? op.get("security") : globalSecurity;
        boolean secured = security.isArray() && security.size() > 0;
        List<String> schemes = new ArrayList<>();
        for (JsonNode requirement : list(security)) {
          requirement.fieldNames().forEachRemaining(name -> {
            JsonNode scheme = resolve(root.path("components").path("securitySchemes").path(name));
            String type = scheme.path("type").asText("");
            String kind = type.equals("http") ? scheme.path("scheme").asText("").toLowerCase(
                java.util.Locale.ROOT) : type;
            if (!schemes.contains(kind)) {
              schemes.add(kind);
            }
          });
        }
        List<JsonNode> servers = op.has("servers") ? list(op.get("servers")) : pathServers;
        String id = op.path("operationId").asText(method.toUpperCase() + " " + path);
        for (Map.Entry<String, Map<String, String>> base : basePaths(servers).entrySet()) {
          out.add(new SpecOperation(id, method.toUpperCase(), path, base.getKey(),
              base.getValue(), List.copyOf(schemes), (ObjectNode) op,
              List.copyOf(params.values())));
        }
      }
    }
    return out;
  }

  /** Base path → values of the server variables it was expanded with. */
  private static Map<String, Map<String, String>> basePaths(List<JsonNode> servers) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    if (servers.isEmpty()) {
      out.put("", Map.of());
      return out;
    }
    for (JsonNode server : servers) {
      String url = server.path("url").asText("/");
      int scheme = url.indexOf("://");
      String path = url;
      if (scheme >= 0) {
        int slash = url.indexOf('/', scheme + 3);
        path = slash < 0 ? "" : url.substring(slash);
      }
      List<Map.Entry<String, Map<String, String>>> expanded = new ArrayList<>();
      expanded.add(Map.entry(path, Map.of()));
      for (Iterator<Map.Entry<String, JsonNode>> vars = server.path("variables").fields();
          vars.hasNext(); ) {
        Map.Entry<String, JsonNode> var = vars.next();
        String token = "{" + var.getKey() + "}";
        List<String> values = new ArrayList<>();
        list(var.getValue().path("enum")).forEach(v -> values.add(v.asText()));
        if (values.isEmpty()) {
          values.add(var.getValue().path("default").asText(""));
        }
        List<Map.Entry<String, Map<String, String>>> next = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> e : expanded) {
          if (!e.getKey().contains(token)) {
            next.add(e);
            continue;
          }
          for (String value : values) {
            Map<String, String> bound = new LinkedHashMap<>(e.getValue());
            bound.put(var.getKey(), value);
            next.add(Map.entry(e.getKey().replace(token, value), Map.copyOf(bound)));
          }
        }
        expanded = next;
      }
      for (Map.Entry<String, Map<String, String>> e : expanded) {
        String base = e.getKey().endsWith("/") ? e.getKey().substring(0, e.getKey().length() - 1)
            : e.getKey();
        out.putIfAbsent(base, e.getValue());
      }
    }
    return out;
  }

  private static List<JsonNode> list(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(out::add);
    }
    return out;
  }

  /**
   * {@code 'T'} or {@code ' '}: whichever the document's zone-less date-time values (its examples)
   * use most, so synthesised {@code format: local-date-time} values look like the vendor's.
   */
  private static char localDateTimeSeparator(JsonNode root) {
    java.util.regex.Pattern local = java.util.regex.Pattern.compile(
        "\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}");
    int[] votes = new int[2];
    walk(root, node -> node.forEach(child -> {
      if (child.isTextual() && local.matcher(child.asText()).matches()) {
        votes[child.asText().charAt(10) == ' ' ? 0 : 1]++;
      }
    }));
    return votes[0] > votes[1] ? ' ' : 'T';
  }

  private static void walk(JsonNode node, java.util.function.Consumer<JsonNode> visitor) {
    if (node.isObject()) {
      visitor.accept(node);
      node.forEach(child -> walk(child, visitor));
    } else if (node.isArray()) {
      node.forEach(child -> walk(child, visitor));
    }
  }
}
