package dev.b2bsdk.codegen;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenProperty;
import org.openapitools.codegen.SupportingFile;
import org.openapitools.codegen.languages.JavaClientCodegen;
import org.openapitools.codegen.model.ModelMap;
import org.openapitools.codegen.model.OperationMap;
import org.openapitools.codegen.model.OperationsMap;

/**
 * The facade's typed operation layer, generated from a spec: one {@code <Tag>Operations} class
 * per tag with one method per operation, and one {@code <Client>Operations} base class holding
 * the groups. It extends the stock {@code java} generator (same settings, so every Java type it
 * names is the one the generated Retrofit interface declares) and replaces its outputs.
 *
 * <p>Why a class and not only templates: the names and types the layer needs are derived from
 * more than one place of the spec — the unwrapped type of an envelope is a property of the
 * response model, the item type and accessors of a page come from {@code x-paging} plus the
 * envelope model, and method names must be checked for collisions within their group. Mustache
 * cannot compute these; the templates ({@code templates/typed}) only lay them out.
 *
 * <p>Method names, from the operationId (the vendor's, kept in the spec):
 * <ol>
 *   <li>the leading lower-case word is the verb: {@code post} becomes {@code create},
 *       {@code put} becomes {@code update}; a paged GET ({@code x-paging}) becomes {@code list};
 *   <li>the group's noun (the tag, plural or singular) right after the verb is dropped:
 *       {@code getCustomer} in {@code Customers} is {@code get}, {@code listCustomerCards} is
 *       {@code listCards};
 *   <li>when that yields a Java keyword or two equal names in one group, those operations keep
 *       the name of step 1 ({@code importParty});
 *   <li>an asynchronous operation ({@code x-async-action}) is {@code begin} + the name.
 * </ol>
 * Header parameters marked {@code x-client-managed} are left out of every signature (the client
 * sets them); operations marked {@code x-client-managed} (token endpoints on another host) get
 * no typed method: the client's token source calls them.
 */
public class TypedSurfaceCodegen extends JavaClientCodegen {

  /** Additional property: the API's package name under {@code dev.b2bsdk} ({@code carecloud}). */
  public static final String API = "b2bApi";
  /** Additional property: prefix of the generated base class ({@code CareCloud}). */
  public static final String CLIENT = "b2bClient";
  /** Additional property: the model a poller of {@code x-async-action} operations yields. */
  public static final String ASYNC_RESULT = "b2bAsyncResult";
  /** Additional property: the envelope property every response is wrapped in ({@code data}). */
  public static final String ENVELOPE = "b2bEnvelope";

  private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break",
      "byte", "case", "catch", "char", "class", "const", "continue", "default", "do", "double",
      "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if", "implements",
      "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
      "protected", "public", "return", "short", "static", "strictfp", "super", "switch",
      "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while",
      "var", "record", "yield");

  private String api;
  private String typedPackage;
  private final Map<String, CodegenModel> models = new HashMap<>();
  private final List<Map<String, Object>> index = new ArrayList<>();

  @Override
  public String getName() {
    return "b2bsdk-typed";
  }

  @Override
  public void processOpts() {
    super.processOpts();
    api = required(API);
    required(CLIENT);
    typedPackage = "dev.b2bsdk." + api;
    additionalProperties.put("typedPackage", typedPackage);
    modelTemplateFiles.clear();
    modelTestTemplateFiles.clear();
    modelDocTemplateFiles.clear();
    apiTemplateFiles.clear();
    apiTestTemplateFiles.clear();
    apiDocTemplateFiles.clear();
    supportingFiles.clear();
    apiTemplateFiles.put("typedGroup.mustache", ".java");
    String folder = sourceFolder + File.separator + typedPackage.replace('.', File.separatorChar);
    supportingFiles.add(new SupportingFile("typedClient.mustache", folder,
        additionalProperties.get(CLIENT) + "Operations.java"));
    supportingFiles.add(new SupportingFile("operationIndex.mustache",
        "src/main/resources/" + typedPackage.replace('.', '/'), "operations.tsv"));
  }

  private String required(String name) {
    Object value = additionalProperties.get(name);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException("b2bsdk-typed needs the additional property " + name);
    }
    return value.toString();
  }

  @Override
  public String apiFilename(String templateName, String tag) {
    return outputFolder + File.separator + sourceFolder + File.separator
        + typedPackage.replace('.', File.separatorChar) + File.separator + groupClass(tag) + ".java";
  }

  private String groupClass(String tag) {
    String name = toApiName(tag);
    return name.substring(0, name.length() - "Api".length()) + "Operations";
  }

  @Override
  public OperationsMap postProcessOperationsWithModels(OperationsMap objs, List<ModelMap> allModels) {
    OperationsMap result = super.postProcessOperationsWithModels(objs, allModels);
    if (models.isEmpty()) {
      for (ModelMap m : allModels) {
        models.put(m.getModel().classname, m.getModel());
      }
    }
    OperationMap ops = result.getOperations();
    String retrofitClass = ops.getClassname();
    String group = retrofitClass.substring(0, retrofitClass.length() - "Api".length());
    result.put("groupClass", group + "Operations");
    result.put("groupAccessor", lowerFirst(group));
    result.put("retrofitClass", retrofitClass);
    String groupTitle = ops.getOperation().isEmpty() || ops.getOperation().get(0).tags == null
        || ops.getOperation().get(0).tags.isEmpty() ? group
        : ops.getOperation().get(0).tags.get(0).getName();
    result.put("groupTitle", groupTitle);

    List<String> nouns = groupNouns(group, ops.getOperation());
    List<CodegenOperation> typed = new ArrayList<>();
    Map<String, List<CodegenOperation>> byName = new TreeMap<>();
    for (CodegenOperation op : ops.getOperation()) {
      if (Boolean.TRUE.equals(op.vendorExtensions.get("x-client-managed"))) {
        addIndex(op, group, null, "client-managed");
        continue;
      }
      typed.add(op);
      String name = methodName(op, nouns, true);
      op.vendorExtensions.put("x-b2b-name", name);
      byName.computeIfAbsent(name, k -> new ArrayList<>()).add(op);
    }
    for (List<CodegenOperation> same : byName.values()) {
      if (same.size() > 1) {
        for (CodegenOperation op : same) {
          op.vendorExtensions.put("x-b2b-name", methodName(op, nouns, false));
        }
      }
    }
    Set<String> seen = new java.util.HashSet<>();
    for (CodegenOperation op : typed) {
      String name = (String) op.vendorExtensions.get("x-b2b-name");
      if (!seen.add(name)) {
        throw new IllegalStateException("two operations of tag " + groupTitle
            + " map to the method name " + name + ": give one another operationId");
      }
      Map<String, Object> t = describe(op, name);
      op.vendorExtensions.put("x-b2b", t);
      addIndex(op, group, (String) t.get("method"), (String) t.get("kind"));
    }
    result.put("typedOperations", typed);
    result.put("hasTyped", !typed.isEmpty());
    boolean anonymous = false;
    for (CodegenOperation op : typed) {
      anonymous |= !op.hasAuthMethods;
    }
    result.put("hasAnonymous", anonymous);
    java.util.SortedSet<String> imports = new java.util.TreeSet<>();
    for (CodegenOperation op : typed) {
      collectModels(op.vendorExtensions.get("x-b2b"), imports);
    }
    List<Map<String, String>> importList = new ArrayList<>();
    // the JDK types the stock generator names by simple name, unless a model takes the name
    for (String jdk : new String[] {"java.io.File", "java.math.BigDecimal", "java.time.LocalDate",
        "java.time.LocalDateTime", "java.time.LocalTime", "java.time.OffsetDateTime",
        "java.util.List", "java.util.Map", "java.util.Set", "java.util.UUID"}) {
      if (!models.containsKey(jdk.substring(jdk.lastIndexOf('.') + 1))) {
        importList.add(Map.of("import", jdk));
      }
    }
    for (String m : imports) {
      importList.add(Map.of("import", modelPackage + "." + m));
    }
    result.put("typedImports", importList);
    return result;
  }

  @Override
  public Map<String, Object> postProcessSupportingFileData(Map<String, Object> objs) {
    Map<String, Object> data = super.postProcessSupportingFileData(objs);
    index.sort((a, b) -> a.get("operationId").toString().compareTo(b.get("operationId").toString()));
    data.put("operationIndex", index);
    return data;
  }

  private void addIndex(CodegenOperation op, String group, String method, String kind) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("operationId", op.operationIdOriginal == null ? op.operationId : op.operationIdOriginal);
    row.put("accessor", lowerFirst(group));
    row.put("method", method == null ? "-" : method);
    row.put("kind", kind);
    row.put("httpMethod", op.httpMethod);
    row.put("path", op.path);
    index.add(row);
  }

  /** Every model class named in the strings of {@code value}: imported one by one (see template). */
  @SuppressWarnings("unchecked")
  private void collectModels(Object value, Set<String> into) {
    if (value instanceof Map) {
      for (Object v : ((Map<String, Object>) value).values()) {
        collectModels(v, into);
      }
    } else if (value instanceof List) {
      for (Object v : (List<Object>) value) {
        collectModels(v, into);
      }
    } else if (value instanceof String) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*")
          .matcher((String) value);
      while (m.find()) {
        if (models.containsKey(m.group()) && !m.group().equals(value.toString().toLowerCase(Locale.ROOT))) {
          into.add(m.group());
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------- naming

  String methodName(CodegenOperation op, List<String> nouns, boolean stripNoun) {
    String id = op.operationId;
    int i = 0;
    while (i < id.length() && Character.isLowerCase(id.charAt(i))) {
      i++;
    }
    String verb = id.substring(0, i);
    String rest = id.substring(i);
    if (verb.equals("post")) {
      verb = "create";
    } else if (verb.equals("put")) {
      verb = "update";
    }
    if (paging(op) != null && (verb.equals("get") || verb.equals("list"))) {
      verb = "list";
    }
    if (stripNoun) {
      String stripped = rest;
      for (String noun : nouns) {
        if (startsWithWord(rest, noun)) {
          stripped = rest.substring(noun.length());
          break;
        }
      }
      String candidate = verb + stripped;
      if (!KEYWORDS.contains(candidate) && !candidate.isEmpty()) {
        rest = stripped;
      }
    }
    String name = verb.isEmpty() ? lowerFirst(rest) : verb + rest;
    if (KEYWORDS.contains(name)) {
      name = name + "Operation";
    }
    return name;
  }

  /**
   * The nouns dropped after a verb: the tag's (plural, then singular); when no operationId of the
   * group uses it, the noun most of them use ({@code BusinessCases}: {@code createBusCase},
   * {@code getBusCase}, {@code listBusCases} give {@code BusCase}).
   */
  static List<String> groupNouns(String group, List<CodegenOperation> ops) {
    // longest first: "Matomos" before "Matomo", "Customers" before "Customer"
    List<String> tagNouns = new ArrayList<>(new java.util.LinkedHashSet<>(
        List.of(plural(group), group, singular(group))));
    tagNouns.sort((a, b) -> b.length() - a.length());
    Map<String, Integer> counts = new TreeMap<>();
    for (CodegenOperation op : ops) {
      String rest = op.operationId.replaceFirst("^[a-z]+", "");
      for (String noun : tagNouns) {
        if (startsWithWord(rest, noun)) {
          return tagNouns;
        }
      }
      // the whole rest is the noun candidate (BusCase, BusCases) in singular form
      if (!rest.isEmpty()) {
        counts.merge(singular(rest), 1, Integer::sum);
      }
    }
    String best = null;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() >= 2 && (best == null || e.getValue() > counts.get(best))) {
        best = e.getKey();
      }
    }
    if (best == null) {
      return tagNouns;
    }
    return List.of(plural(best), best);
  }

  /** {@code Matomo} → {@code Matomos}; a word already plural stays as it is. */
  static String plural(String noun) {
    if (noun.endsWith("s")) {
      return noun;
    }
    return noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies"
        : noun.endsWith("x") || noun.endsWith("ch") ? noun + "es" : noun + "s";
  }

  private static boolean startsWithWord(String text, String word) {
    return !word.isEmpty() && text.startsWith(word)
        && (text.length() == word.length() || Character.isUpperCase(text.charAt(word.length())));
  }

  static String singular(String plural) {
    if (plural.endsWith("ies")) {
      return plural.substring(0, plural.length() - 3) + "y";
    }
    for (String end : new String[] {"sses", "uses", "ses", "xes", "ches", "shes"}) {
      if (plural.endsWith(end)) {
        return plural.substring(0, plural.length() - 2);
      }
    }
    if (plural.endsWith("s") && !plural.endsWith("ss")) {
      return plural.substring(0, plural.length() - 1);
    }
    return plural;
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static String upperFirst(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  // ---------------------------------------------------------------------------------- shape

  @SuppressWarnings("unchecked")
  private static Map<String, Object> paging(CodegenOperation op) {
    Object p = op.vendorExtensions.get("x-paging");
    return p instanceof Map ? (Map<String, Object>) p : null;
  }

  /** Everything the template needs to write the methods of one operation. */
  private Map<String, Object> describe(CodegenOperation op, String name) {
    Map<String, Object> t = new LinkedHashMap<>();
    boolean async = Boolean.TRUE.equals(op.vendorExtensions.get("x-async-action"));
    Map<String, Object> paging = paging(op);
    String style = paging == null ? null : String.valueOf(paging.get("style"));
    Set<String> pageParams = pageParams(style);

    List<Map<String, Object>> args = new ArrayList<>();
    List<Map<String, Object>> params = new ArrayList<>();
    List<String> callArgs = new ArrayList<>();
    boolean hasSort = false;
    for (CodegenParameter p : op.allParams) {
      boolean managed = p.isHeaderParam && Boolean.TRUE.equals(p.vendorExtensions.get("x-client-managed"));
      if (managed) {
        callArgs.add("null");
      } else if (pageParams.contains(p.baseName)) {
        String expr = pageExpression(style, p);
        hasSort |= expr.contains("sort");
        callArgs.add(expr);
      } else if (p.isPathParam || p.isBodyParam || p.required) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("type", p.dataType);
        a.put("name", p.paramName);
        a.put("specName", p.isBodyParam ? "body" : p.baseName);
        a.put("required", p.required || p.isPathParam);
        a.put("text", p.isPathParam && "String".equals(p.dataType));
        a.put("doc", doc(p.description, p.isBodyParam ? "the request body" : "{@code " + p.baseName + "}"));
        args.add(a);
        // Retrofit refuses a null @Body: an optional body left out is sent empty ({})
        boolean model = models.containsKey(p.dataType);
        callArgs.add(p.isBodyParam && !p.required && model
            ? "(" + p.paramName + " == null ? new " + p.dataType + "() : " + p.paramName + ")"
            : p.paramName);
      } else {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("type", p.dataType);
        q.put("name", p.paramName);
        q.put("specName", p.baseName);
        q.put("list", p.isArray || p.dataType.startsWith("List<"));
        q.put("where", p.isQueryParam ? "query" : p.isHeaderParam ? "header" : p.isFormParam ? "form" : "cookie");
        q.put("doc", doc(p.description, "{@code " + p.baseName + "}"));
        params.add(q);
        callArgs.add("p." + p.paramName);
      }
    }
    for (int i = 0; i < args.size(); i++) {
      args.get(i).put("last", i == args.size() - 1);
    }
    String capital = upperFirst(name);
    t.put("name", name);
    t.put("capital", capital);
    t.put("method", async ? "begin" + capital : name);
    t.put("args", args);
    t.put("hasArgs", !args.isEmpty());
    t.put("argsDecl", join(args, a -> a.get("type") + " " + a.get("name")));
    t.put("argsNames", join(args, a -> (String) a.get("name")));
    t.put("params", params);
    t.put("hasParams", !params.isEmpty() || hasSort);
    t.put("hasSort", hasSort);
    t.put("paramsClass", capital + "Params");
    boolean withParams = !params.isEmpty() || hasSort;
    String sep = args.isEmpty() ? "" : ", ";
    String argsDecl = join(args, a -> a.get("type") + " " + a.get("name"));
    String argsNames = join(args, a -> (String) a.get("name"));
    t.put("fullDecl", argsDecl + (withParams ? sep + capital + "Params params" : ""));
    t.put("fullNames", argsNames + (withParams ? sep + "params" : ""));
    t.put("nullNames", argsNames + (withParams ? sep + "null" : ""));
    // an operation without security (a health probe) must work even when the token server does not
    boolean anonymous = !op.hasAuthMethods;
    t.put("anonymous", anonymous);
    t.put("call", (anonymous ? "anonymousApi." : "api.") + op.operationId + "(" + String.join(", ", callArgs) + ")");
    t.put("interfaces", interfaces(op));
    t.put("interfacesDoc", interfaces(op) == null ? null : interfaces(op).replace("\"", ""));
    t.put("summary", op.summary == null ? op.operationId : escape(op.summary));
    t.put("httpMethod", op.httpMethod);
    t.put("path", op.path.startsWith("/") ? op.path : "/" + op.path);
    t.put("operationId", op.operationIdOriginal == null ? op.operationId : op.operationIdOriginal);
    t.put("deprecated", op.isDeprecated);

    String envelope = op.returnType == null ? "Void" : op.returnType;
    t.put("envelopeType", envelope);
    if (async) {
      t.put("kind", "async");
      t.put("async", true);
      t.put("asyncResult", required(ASYNC_RESULT));
    } else if (paging != null) {
      t.put("kind", "paged");
      t.put("paged", true);
      describePaging(op, style, String.valueOf(paging.get("items")), t);
    } else {
      t.put("kind", "plain");
      t.put("plain", true);
      describeUnwrap(op, t);
    }
    return t;
  }

  private static <T> String join(List<T> list, java.util.function.Function<T, String> f) {
    StringBuilder b = new StringBuilder();
    for (T x : list) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(f.apply(x));
    }
    return b.toString();
  }

  private static String doc(String description, String fallback) {
    if (description == null || description.isBlank()) {
      return fallback;
    }
    String d = escape(description.strip());
    int dot = d.indexOf(". ");
    return dot > 0 ? d.substring(0, dot + 1) : d;
  }

  private static String escape(String s) {
    return s.replace("*/", "*&#47;").replace("\n", " ").replace("@", "{@literal @}");
  }

  @SuppressWarnings("unchecked")
  private static String interfaces(CodegenOperation op) {
    Object v = op.vendorExtensions.get("x-interfaces");
    if (v instanceof List) {
      List<String> names = new ArrayList<>();
      for (Object o : (List<Object>) v) {
        names.add("\"" + o + "\"");
      }
      return String.join(", ", names);
    }
    return null;
  }

  private static Set<String> pageParams(String style) {
    if (style == null) {
      return Set.of();
    }
    switch (style) {
      case "offset":
        return Set.of("count", "offset", "sort_field", "sort_direction");
      case "spring":
        return Set.of("page", "size", "sort");
      case "position":
        return Set.of("position", "size", "orderBy", "desc");
      default:
        throw new IllegalStateException("unknown x-paging style " + style);
    }
  }

  /** The argument of one paging or sort parameter, from the page request {@code r} and {@code sort}. */
  private static String pageExpression(String style, CodegenParameter p) {
    String n = p.baseName;
    String expr;
    if (n.equals("count") || n.equals("size")) {
      expr = "r.size()";
    } else if (n.equals("offset") || n.equals("position")) {
      expr = "Math.toIntExact(r.offset())";
    } else if (n.equals("page")) {
      expr = "r.pageNumber()";
    } else if (n.equals("sort_field") || n.equals("orderBy")) {
      expr = "dev.b2bsdk.internal.Sorts.field(p.sort())";
    } else if (n.equals("sort_direction")) {
      expr = "dev.b2bsdk.internal.Sorts.direction(p.sort(), \"ASC\", \"DESC\")";
    } else if (n.equals("sort")) {
      expr = "dev.b2bsdk.internal.Sorts.spring(p.sort())";
    } else if (n.equals("desc")) {
      expr = "dev.b2bsdk.internal.Sorts.descending(p.sort())";
    } else {
      throw new IllegalStateException("no page expression for " + n);
    }
    if ("Long".equals(p.dataType) && expr.startsWith("Math.toIntExact")) {
      expr = "r.offset()";
    } else if ("Long".equals(p.dataType)) {
      expr = "(long) " + expr;
    }
    return expr;
  }

  private String envelopeProperty() {
    Object e = additionalProperties.get(ENVELOPE);
    return e == null || e.toString().isBlank() ? null : e.toString();
  }

  private static CodegenProperty property(CodegenModel model, String baseName) {
    if (model == null) {
      return null;
    }
    // allVars: page fields often come from a shared base through allOf
    for (CodegenProperty p : model.allVars) {
      if (p.baseName.equals(baseName)) {
        return p;
      }
    }
    return null;
  }

  private void describeUnwrap(CodegenOperation op, Map<String, Object> t) {
    String envelope = envelopeProperty();
    CodegenModel model = op.returnType == null ? null : models.get(op.returnType);
    CodegenProperty data = envelope == null ? null : property(model, envelope);
    String result;
    String value;
    if (data != null && model.vars.size() == 1) {
      result = data.datatypeWithEnum;
      value = "e == null ? null : e." + data.getter + "()";
    } else {
      result = op.returnType == null ? "Void" : op.returnType;
      value = null;
    }
    CodegenProperty only = "GET".equalsIgnoreCase(op.httpMethod) ? onlyList(models.get(result)) : null;
    if (only != null) {
      // a non-paged list envelope ({"languages": [...], "total_items": n}) reads as its list
      String inner = value == null ? "e" : "(" + value + ")";
      value = inner + " == null ? null : " + inner + "." + only.getter + "()";
      result = only.datatypeWithEnum;
    }
    if (result.startsWith("List<")) {
      // a list result is never null: an empty body or data reads as an empty list
      String v = value == null ? "e" : "(" + value + ")";
      t.put("unwrap", "e -> " + v + " == null ? java.util.List.of() : " + v);
    } else {
      t.put("unwrap", value == null ? "dev.b2bsdk.internal.OperationInvoker.identity()" : "e -> " + value);
    }
    t.put("resultType", result);
    t.put("isVoid", op.returnType == null);
  }

  /** The one array property of a list envelope whose other properties are at most a count. */
  private static CodegenProperty onlyList(CodegenModel model) {
    if (model == null) {
      return null;
    }
    CodegenProperty list = null;
    for (CodegenProperty p : model.vars) {
      if (p.isArray && list == null) {
        list = p;
      } else if (!p.baseName.equals("total_items") && !p.baseName.equals("total")) {
        return null;
      }
    }
    return list;
  }

  private void describePaging(CodegenOperation op, String style, String items, Map<String, Object> t) {
    CodegenModel model = models.get(op.returnType);
    if (model == null) {
      throw new IllegalStateException(op.operationId + ": x-paging needs a model response, got "
          + op.returnType);
    }
    String envelope = envelopeProperty();
    CodegenProperty data = envelope == null ? null : property(model, envelope);
    final CodegenModel page = data == null ? model : models.get(data.dataType);
    final String guard = data == null ? "" : "x." + data.getter + "() == null ? null : ";
    final String base = data == null ? "x" : "x." + data.getter + "()";
    CodegenProperty itemList = property(page, items);
    if (itemList == null || itemList.items == null) {
      throw new IllegalStateException(op.operationId + ": x-paging items '" + items
          + "' is not an array property of " + (page == null ? op.returnType : page.classname));
    }
    String itemType = itemList.items.datatypeWithEnum;
    String e = op.returnType;
    java.util.function.Function<String, String> get = baseName -> {
      CodegenProperty p = property(page, baseName);
      return p == null ? "x -> null" : "x -> " + guard + base + "." + p.getter + "()";
    };
    String adapter;
    switch (style) {
      case "offset":
        adapter = "dev.b2bsdk.internal.OffsetPaging.<" + e + ", " + itemType + ">of(" + get.apply(items) + ", "
            + get.apply("total_items") + ")";
        break;
      case "spring":
        adapter = "dev.b2bsdk.internal.SpringPaging.<" + e + ", " + itemType + ">of(" + get.apply(items) + ", "
            + get.apply("totalPages") + ", " + get.apply("last") + ", " + get.apply("number") + ", "
            + get.apply("size") + ").withTotalElements(" + get.apply("totalElements") + ")";
        break;
      case "position":
        adapter = "dev.b2bsdk.internal.PositionPaging.<" + e + ", " + itemType + ">of(" + get.apply(items) + ", "
            + get.apply("total") + ", " + get.apply("position") + ", " + get.apply("size") + ")";
        break;
      default:
        throw new IllegalStateException("unknown x-paging style " + style);
    }
    t.put("itemType", itemType);
    t.put("adapter", adapter);
    t.put("adapterField", upperSnake((String) t.get("name")) + "_PAGES");
  }

  private static String upperSnake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
