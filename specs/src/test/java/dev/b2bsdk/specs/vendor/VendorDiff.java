package dev.b2bsdk.specs.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vendor drift report behind {@code scripts/vendor-diff}: compares our spec with a vendor's
 * OpenAPI file, fact by fact, and fails on any difference the allow-list does not name.
 *
 * <p>Both files are flattened into facts keyed by location: each operation (method and path),
 * its operationId and interfaces, each parameter (in, name: type, format, enum, required), and
 * each field of the request body and of every success response (dotted path with {@code []} for
 * array items: type, format, enum, required, readOnly). {@code $ref}s are followed (cycles
 * stop), {@code allOf} is merged, and a {@code oneOf}/{@code anyOf} of several JSON types counts
 * as "any value". Error responses are not compared: our specs use one error schema per API.
 *
 * <p>Every difference is one line, {@code <kind> <METHOD> <path> <where> : vendor <v> ; ours <o>}.
 * An allow-list line is {@code <glob> -- <reason>}; {@code *} in the glob matches any text, the
 * rest is literal. A difference matched by a line is reported as allowed; any other difference
 * makes the exit status 1. Where our format is a date format the vendor does not state, every
 * vendor example of that field must parse in our format (kind {@code example}).
 *
 * <p>Interfaces of a vendor operation: "enterprise" or "customer" when its description has a
 * warning line saying it is available only in that API (or another operation's description
 * links it as "(Enterprise API only)"), "customer" for operations with a customer-interface
 * server; otherwise both.
 *
 * <pre>
 * VendorDiff --api A --ours FILE --vendor FILE --allow FILE [--report OUT.txt]
 * exit 0 no difference outside the allow-list, 1 otherwise, 2 usage or unreadable file
 * </pre>
 */
public final class VendorDiff {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
  private static final Pattern ONLY_IN = Pattern.compile("⚠️[^\\n]*available only in (Enterprise|Customer) API");
  private static final Pattern LINKED_ENTERPRISE_ONLY =
      Pattern.compile("reference/([a-z0-9-]+)\\)[^\\[\\n]{0,5}\\(Enterprise API only\\)");

  /** One fact: its location key and its value. */
  record Fact(String kind, String where, String value) {}

  /** Result of a comparison. */
  public record Report(List<String> allowed, List<String> notAllowed, List<String> unusedAllowLines,
                       Map<String, Integer> allowedPerLine, int vendorOperations, int ourOperations) {
    public boolean passed() {
      return notAllowed.isEmpty();
    }
  }

  private VendorDiff() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      Map<String, String> o = new LinkedHashMap<>();
      for (int i = 0; i < args.length; i++) {
        if (!args[i].startsWith("--") || i + 1 >= args.length) {
          throw new IllegalArgumentException("usage: VendorDiff --api A --ours FILE --vendor FILE --allow FILE [--report OUT]");
        }
        o.put(args[i].substring(2), args[++i]);
      }
      String api = require(o, "api");
      Path ours = Path.of(require(o, "ours"));
      Path vendor = Path.of(require(o, "vendor"));
      Path allow = Path.of(require(o, "allow"));
      Report report = compare(ours, vendor, readAllowList(allow));
      String text = render(api, o.getOrDefault("ours-label", ours.toString()),
          o.getOrDefault("vendor-label", vendor.toString()), o.getOrDefault("allow-label", allow.toString()), report);
      out.print(text);
      if (o.containsKey("report")) {
        Path file = Path.of(o.get("report"));
        if (file.getParent() != null) {
          Files.createDirectories(file.getParent());
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
      }
      return report.passed() ? 0 : 1;
    } catch (IllegalArgumentException e) {
      err.println("vendor-diff: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("vendor-diff: " + e);
      return 2;
    }
  }

  private static String require(Map<String, String> o, String key) {
    String v = o.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing --" + key);
    }
    return v;
  }

  // ------------------------------------------------------------------ allow-list

  /** An allow-list line: a glob over difference lines and the reason. */
  public record AllowLine(String glob, String reason, Pattern pattern) {
    boolean matches(String difference) {
      return pattern.matcher(difference).matches();
    }
  }

  public static List<AllowLine> readAllowList(Path file) throws IOException {
    List<AllowLine> lines = new ArrayList<>();
    int n = 0;
    for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      n++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int sep = line.indexOf(" -- ");
      if (sep < 0 || line.substring(sep + 4).isBlank()) {
        throw new IllegalArgumentException(file + ":" + n + ": an allow-list line is '<glob> -- <reason>'");
      }
      lines.add(allowLine(line.substring(0, sep).strip(), line.substring(sep + 4).strip()));
    }
    return lines;
  }

  public static AllowLine allowLine(String glob, String reason) {
    List<String> parts = new ArrayList<>();
    for (String part : glob.split("\\*", -1)) {
      parts.add(Pattern.quote(part));
    }
    return new AllowLine(glob, reason, Pattern.compile(String.join(".*", parts), Pattern.DOTALL));
  }

  // ------------------------------------------------------------------ comparison

  public static Report compare(Path ours, Path vendor, List<AllowLine> allowList) throws IOException {
    JsonNode o = read(ours);
    JsonNode v = read(vendor);
    Map<String, Fact> of = facts(o, false);
    Map<String, Fact> vf = facts(v, true);
    Set<String> differences = new LinkedHashSet<>();
    Set<String> keys = new TreeSet<>(vf.keySet());
    keys.addAll(of.keySet());
    for (String key : keys) {
      Fact a = vf.get(key);
      Fact b = of.get(key);
      if (a != null && b != null && a.value().equals(b.value())) {
        continue;
      }
      // an operation or a field missing on one side: report it once, not its every attribute
      String kind = (a != null ? a : b).kind();
      String where = (a != null ? a : b).where();
      if (a == null && parentMissing(key, vf) || b == null && parentMissing(key, of)) {
        continue;
      }
      differences.add(kind + " " + where + " : vendor " + (a == null ? "(missing)" : a.value())
          + " ; ours " + (b == null ? "(missing)" : b.value()));
    }
    differences.addAll(unparseableVendorExamples(o, v));

    List<String> allowed = new ArrayList<>();
    List<String> notAllowed = new ArrayList<>();
    Map<String, Integer> perLine = new LinkedHashMap<>();
    allowList.forEach(l -> perLine.put(l.glob(), 0));
    for (String d : differences) {
      AllowLine hit = allowList.stream().filter(l -> l.matches(d)).findFirst().orElse(null);
      if (hit == null) {
        notAllowed.add(d);
      } else {
        allowed.add(d);
        perLine.merge(hit.glob(), 1, Integer::sum);
      }
    }
    List<String> unused = perLine.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
    return new Report(allowed, notAllowed, unused, perLine, operationCount(v), operationCount(o));
  }

  /** True when the fact's operation or enclosing field is itself absent (reported once already). */
  private static boolean parentMissing(String key, Map<String, Fact> side) {
    String[] parts = key.split("\u0000");
    String op = parts[1];
    if (!side.containsKey("operation\u0000" + op + "\u0000")) {
      return !parts[0].equals("operation");
    }
    if (parts[0].equals("field")) {
      String field = parts[2];
      String attr = parts.length > 3 ? parts[3] : "";
      if (!attr.equals("present") && !side.containsKey("field\u0000" + op + "\u0000" + field + "\u0000present")) {
        return true;
      }
      // a nested field of a field that is absent on this side
      int dot = Math.max(field.lastIndexOf('.'), field.lastIndexOf("[]"));
      while (dot > 0) {
        String parent = field.substring(0, dot);
        if (parent.endsWith("[]")) {
          parent = parent.substring(0, parent.length() - 2);
        }
        String pk = "field\u0000" + op + "\u0000" + parent + "\u0000present";
        if (fieldKnown(parent, op, side) && !side.containsKey(pk)) {
          return true;
        }
        dot = Math.max(parent.lastIndexOf('.'), parent.lastIndexOf("[]"));
      }
    }
    if (parts[0].equals("param") && parts.length > 3 && !parts[3].equals("present")) {
      return !side.containsKey("param\u0000" + op + "\u0000" + parts[2] + "\u0000present");
    }
    return false;
  }

  private static boolean fieldKnown(String field, String op, Map<String, Fact> side) {
    // body roots ("request", "response 200") are not fields themselves
    return field.contains(".");
  }

  private static int operationCount(JsonNode spec) {
    int n = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("paths").fields(); it.hasNext(); ) {
      for (Iterator<String> m = it.next().getValue().fieldNames(); m.hasNext(); ) {
        if (METHODS.contains(m.next())) {
          n++;
        }
      }
    }
    return n;
  }

  static JsonNode read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such file: " + file);
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readLocation(file.toAbsolutePath().toString(), null, options);
    if (parsed == null || parsed.getOpenAPI() == null) {
      throw new IllegalArgumentException(file + " is not an OpenAPI 3 file"
          + (parsed == null ? "" : ": " + parsed.getMessages()));
    }
    return Yaml.mapper().readTree(file.toFile());
  }

  // ------------------------------------------------------------------ facts

  static Map<String, Fact> facts(JsonNode spec, boolean vendor) {
    Map<String, Fact> facts = new TreeMap<>();
    Set<String> enterpriseOnly = new TreeSet<>();
    Set<String> customerOnly = new TreeSet<>();
    if (vendor) {
      vendorInterfaces(spec, enterpriseOnly, customerOnly);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      for (Iterator<Map.Entry<String, JsonNode>> ms = path.getValue().fields(); ms.hasNext(); ) {
        Map.Entry<String, JsonNode> m = ms.next();
        if (!METHODS.contains(m.getKey())) {
          continue;
        }
        JsonNode op = m.getValue();
        String opKey = m.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
        put(facts, "operation", opKey, "", "exists");
        put(facts, "operationId", opKey, "", op.path("operationId").asText("(none)"));
        String interfaces;
        if (vendor) {
          String id = op.path("operationId").asText();
          interfaces = enterpriseOnly.contains(id) ? "[enterprise]"
              : customerOnly.contains(id) ? "[customer]" : "[enterprise, customer]";
        } else {
          List<String> list = new ArrayList<>();
          op.path("x-interfaces").forEach(n -> list.add(n.asText()));
          interfaces = list.toString();
        }
        put(facts, "interfaces", opKey, "", interfaces);

        List<JsonNode> params = new ArrayList<>();
        path.getValue().path("parameters").forEach(params::add);
        op.path("parameters").forEach(params::add);
        for (JsonNode p : params) {
          p = deref(spec, p);
          String name = p.path("name").asText();
          JsonNode schema = deref(spec, p.path("schema"));
          String type = schema.path("type").asText("(none)");
          if (!vendor && "array".equals(type) && name.endsWith("[]")) {
            name = name.substring(0, name.length() - 2);
            put(facts, "param-name", opKey, p.path("in").asText() + " " + name, name + "[]");
          } else if (vendor && "array".equals(type)) {
            put(facts, "param-name", opKey, p.path("in").asText() + " " + name, name);
          }
          String where = p.path("in").asText() + " " + name;
          put(facts, "param", opKey, where, "present", "present");
          put(facts, "param", opKey, where + " type", typeOf(spec, schema, vendor), "type");
          put(facts, "param", opKey, where + " format", schema.path("format").asText("(none)"), "format");
          put(facts, "param", opKey, where + " enum", enumOf(schema), "enum");
          put(facts, "param", opKey, where + " required", String.valueOf(p.path("required").asBoolean(false)), "required");
        }
        JsonNode body = deref(spec, op.path("requestBody"));
        JsonNode bodySchema = body.path("content").path("application/json").path("schema");
        if (!bodySchema.isMissingNode()) {
          fields(spec, facts, opKey, "request", bodySchema, false, new LinkedHashSet<>(), vendor);
        }
        for (Iterator<Map.Entry<String, JsonNode>> rs = op.path("responses").fields(); rs.hasNext(); ) {
          Map.Entry<String, JsonNode> r = rs.next();
          if (!r.getKey().startsWith("2")) {
            continue;
          }
          put(facts, "response", opKey, r.getKey(), "declared");
          JsonNode schema = deref(spec, r.getValue()).path("content").path("application/json").path("schema");
          if (!schema.isMissingNode()) {
            fields(spec, facts, opKey, "response " + r.getKey(), schema, false, new LinkedHashSet<>(), vendor);
          }
        }
      }
    }
    return facts;
  }

  private static void put(Map<String, Fact> facts, String kind, String op, String where, String value) {
    facts.put(kind + "\u0000" + op + "\u0000" + where, new Fact(kind, op + (where.isEmpty() ? "" : " " + where), value));
  }

  private static void put(Map<String, Fact> facts, String kind, String op, String where, String value, String attr) {
    String base = attr.equals("present") ? where : where.substring(0, where.length() - attr.length() - 1);
    facts.put(kind + "\u0000" + op + "\u0000" + base + "\u0000" + attr, new Fact(kind, op + " " + where, value));
  }

  /** Walks a body schema; every property becomes facts under its dotted path. */
  private static void fields(JsonNode spec, Map<String, Fact> facts, String op, String at, JsonNode schema,
                             boolean required, Set<String> refs, boolean vendor) {
    String ref = schema.path("$ref").asText(null);
    if (ref != null) {
      if (!refs.add(ref)) {
        return; // a cycle: the fields were described at the outer level
      }
      fields(spec, facts, op, at, deref(spec, schema), required, refs, vendor);
      refs.remove(ref);
      return;
    }
    schema = merged(spec, schema);
    boolean isField = at.contains(".") || at.endsWith("[]");
    if (isField) {
      String field = at;
      putField(facts, op, field, "present", "present");
      putField(facts, op, field, "type", typeOf(spec, schema, vendor));
      putField(facts, op, field, "format", schema.path("format").asText("(none)"));
      putField(facts, op, field, "enum", enumOf(schema));
      if (!at.endsWith("[]")) {
        putField(facts, op, field, "required", String.valueOf(required));
        putField(facts, op, field, "readOnly", String.valueOf(schema.path("readOnly").asBoolean(false)));
      }
      if (!schema.path("example").isMissingNode()) {
        EXAMPLES.put(op + "\u0000" + field, schema.path("example"));
      }
    }
    if (schema.has("items")) {
      fields(spec, facts, op, at + "[]", schema.path("items"), false, refs, vendor);
    }
    Set<String> req = new LinkedHashSet<>();
    schema.path("required").forEach(n -> req.add(n.asText()));
    for (Iterator<Map.Entry<String, JsonNode>> ps = schema.path("properties").fields(); ps.hasNext(); ) {
      Map.Entry<String, JsonNode> p = ps.next();
      fields(spec, facts, op, at + "." + p.getKey(), p.getValue(), req.contains(p.getKey()), refs, vendor);
    }
  }

  /** Examples seen while walking the vendor file (op + field -> example); read by the date check. */
  private static final Map<String, JsonNode> EXAMPLES = new TreeMap<>();

  private static void putField(Map<String, Fact> facts, String op, String field, String attr, String value) {
    String kind = attr.equals("present") ? "field" : attr;
    facts.put("field\u0000" + op + "\u0000" + field + "\u0000" + attr,
        new Fact(kind, op + " " + field, value));
  }

  /** allOf merged into one object schema; other schemas as they are. */
  private static JsonNode merged(JsonNode spec, JsonNode schema) {
    if (!schema.has("allOf")) {
      return schema;
    }
    var out = Yaml.mapper().createObjectNode();
    var props = out.putObject("properties");
    var req = out.putArray("required");
    out.put("type", "object");
    for (JsonNode part : schema.path("allOf")) {
      JsonNode p = merged(spec, deref(spec, part));
      p.path("properties").fields().forEachRemaining(e -> props.set(e.getKey(), e.getValue()));
      p.path("required").forEach(req::add);
    }
    schema.fields().forEachRemaining(e -> {
      if (!e.getKey().equals("allOf") && !out.has(e.getKey())) {
        out.set(e.getKey(), e.getValue());
      }
    });
    return out;
  }

  private static String typeOf(JsonNode spec, JsonNode schema, boolean vendor) {
    JsonNode alts = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
    if (alts != null) {
      Set<String> types = new TreeSet<>();
      alts.forEach(a -> types.add(deref(spec, a).path("type").asText("object")));
      return types.size() > 1 ? "(any)" : types.iterator().next();
    }
    if (schema.has("type")) {
      return schema.get("type").asText();
    }
    if (schema.has("properties") || schema.has("allOf")) {
      return "object";
    }
    // ours: no type means any JSON value on purpose; the vendor: a value whose type is not stated
    return vendor ? "(none)" : "(any)";
  }

  private static String enumOf(JsonNode schema) {
    if (!schema.has("enum")) {
      return "(open)";
    }
    Set<String> values = new TreeSet<>();
    schema.get("enum").forEach(v -> values.add(v.isNull() ? "null" : v.asText()));
    return values.toString();
  }

  private static JsonNode deref(JsonNode spec, JsonNode node) {
    int guard = 0;
    while (node.has("$ref") && guard++ < 20) {
      String ref = node.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new IllegalArgumentException("external $ref not supported: " + ref);
      }
      JsonNode target = spec;
      for (String part : ref.substring(2).split("/")) {
        target = target.path(part.replace("~1", "/").replace("~0", "~"));
      }
      node = target;
    }
    return node;
  }

  private static void vendorInterfaces(JsonNode spec, Set<String> enterprise, Set<String> customer) {
    Map<String, String> bySlug = new TreeMap<>();
    List<String> descriptions = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("paths").fields(); it.hasNext(); ) {
      JsonNode item = it.next().getValue();
      for (Iterator<Map.Entry<String, JsonNode>> ms = item.fields(); ms.hasNext(); ) {
        Map.Entry<String, JsonNode> m = ms.next();
        if (!METHODS.contains(m.getKey())) {
          continue;
        }
        JsonNode op = m.getValue();
        String id = op.path("operationId").asText();
        String description = op.path("description").asText("");
        bySlug.put(id.toLowerCase(Locale.ROOT), id);
        descriptions.add(description);
        Matcher only = ONLY_IN.matcher(description);
        while (only.find()) {
          (only.group(1).equals("Enterprise") ? enterprise : customer).add(id);
        }
        JsonNode servers = op.has("servers") ? op.get("servers") : item.path("servers");
        for (JsonNode s : servers) {
          if (s.path("url").asText().contains("customer-interface")) {
            customer.add(id);
          }
        }
      }
    }
    for (String d : descriptions) {
      Matcher linked = LINKED_ENTERPRISE_ONLY.matcher(d);
      while (linked.find()) {
        String id = bySlug.get(linked.group(1));
        if (id != null && !customer.contains(id)) {
          enterprise.add(id);
        }
      }
    }
  }

  // ------------------------------------------------------------------ vendor examples of date fields

  private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
      .appendValue(ChronoField.YEAR, 1, 9, SignStyle.NORMAL).appendLiteral('-')
      .appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-')
      .appendValue(ChronoField.DAY_OF_MONTH, 2).toFormatter(Locale.ROOT);
  private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
      .append(DATE)
      .optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart().appendLiteral('T').optionalEnd()
      .append(DateTimeFormatter.ISO_LOCAL_TIME).toFormatter(Locale.ROOT);

  /** Where our spec declares a date format, each vendor example of that field must parse in it. */
  private static List<String> unparseableVendorExamples(JsonNode ours, JsonNode vendor) {
    EXAMPLES.clear();
    facts(vendor, true); // fills EXAMPLES with the vendor's field examples
    Map<String, JsonNode> vendorExamples = new TreeMap<>(EXAMPLES);
    EXAMPLES.clear();
    Map<String, Fact> of = facts(ours, false);
    EXAMPLES.clear();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : vendorExamples.entrySet()) {
      String[] k = e.getKey().split("\u0000");
      Fact format = of.get("field\u0000" + k[0] + "\u0000" + k[1] + "\u0000format");
      if (format == null || !e.getValue().isTextual()) {
        continue;
      }
      String text = e.getValue().asText();
      try {
        switch (format.value()) {
          case "local-date-time" -> LocalDateTime.parse(text, DATE_TIME);
          case "date" -> LocalDate.parse(text, DATE);
          case "local-time" -> LocalTime.parse(text, DateTimeFormatter.ISO_LOCAL_TIME);
          default -> {
            continue;
          }
        }
      } catch (DateTimeParseException ex) {
        problems.add("example " + k[0] + " " + k[1] + " : vendor '" + text + "' ; ours does not parse it as "
            + format.value());
      }
    }
    return problems;
  }

  // ------------------------------------------------------------------ report

  static String render(String api, String oursLabel, String vendorLabel, String allowLabel, Report r) {
    StringBuilder b = new StringBuilder();
    b.append("vendor-diff ").append(api).append(": ").append(oursLabel).append(" against ").append(vendorLabel)
        .append('\n');
    b.append("operations: vendor ").append(r.vendorOperations()).append(", ours ").append(r.ourOperations()).append('\n');
    b.append("differences: ").append(r.allowed().size() + r.notAllowed().size()).append(" (")
        .append(r.allowed().size()).append(" allowed by ").append(allowLabel).append(", ")
        .append(r.notAllowed().size()).append(" not allowed)\n");
    b.append("\nallowed deviations, per allow-list line:\n");
    r.allowedPerLine().forEach((glob, n) -> b.append(String.format("  %5d  %s%n", n, glob)));
    if (!r.unusedAllowLines().isEmpty()) {
      b.append("\nallow-list lines that matched nothing (stale? remove them):\n");
      r.unusedAllowLines().forEach(l -> b.append("  ").append(l).append('\n'));
    }
    if (!r.notAllowed().isEmpty()) {
      b.append("\nNOT ALLOWED (fix specs/").append(api).append(".yaml, or add a line with the reason to ")
          .append(allowLabel).append("):\n");
      r.notAllowed().forEach(d -> b.append("  ").append(d).append('\n'));
    }
    b.append('\n').append(r.passed()
        ? "result: OK, every difference is an allow-listed deviation\n"
        : "result: FAILED, " + r.notAllowed().size() + " difference(s) not in the allow-list\n");
    return b.toString();
  }
}
