package dev.b2bsdk.specs.compat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Command line behind {@code scripts/spec-diff} and {@code scripts/regenerate}; run from the
 * specs module's test classpath so openapi-diff never ships in the specs jar.
 *
 * <pre>
 * diff    --api A --old FILE --new FILE --changelog FILE [--old-label L] [--new-label L]
 *         [--changelog-label L] [--report OUT.md]
 *         prints a Markdown report; exit 0 compatible or unchanged, 1 incompatible, 2 error
 * summary --root REPO [--tsv OUT.tsv] API...
 *         applies the release rule to specs/API.yaml against specs/baseline/API.yaml;
 *         exit 0 when every API passes, 1 when one fails, 2 on error
 * </pre>
 */
public final class SpecTool {
  private SpecTool() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      if (args.length == 0) {
        throw new IllegalArgumentException("usage: SpecTool diff|summary ...");
      }
      List<String> rest = List.of(args).subList(1, args.length);
      switch (args[0]) {
        case "diff":
          return diff(rest, out);
        case "summary":
          return summary(rest, out);
        default:
          throw new IllegalArgumentException("unknown command " + args[0] + " (diff|summary)");
      }
    } catch (IllegalArgumentException | SpecException e) {
      err.println("spec-tool: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("spec-tool: " + e);
      return 2;
    }
  }

  private static int diff(List<String> args, PrintStream out) throws IOException {
    Map<String, String> o = options(args, new ArrayList<>());
    String api = required(o, "api");
    Path oldPath = Path.of(required(o, "old"));
    Path newPath = Path.of(required(o, "new"));
    Path changelog = Path.of(required(o, "changelog"));
    SpecComparison c = SpecComparison.compare(api,
        SpecFile.of(oldPath, o.getOrDefault("old-label", oldPath.toString())),
        SpecFile.of(newPath, o.getOrDefault("new-label", newPath.toString())));
    Verdict verdict = ReleaseRule.evaluate(c,
        SpecFile.of(changelog, o.getOrDefault("changelog-label", changelog.toString())));
    String report = MarkdownReport.render(c, verdict);
    if (o.containsKey("report")) {
      Path file = Path.of(o.get("report"));
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, report, StandardCharsets.UTF_8);
    }
    out.print(report);
    return c.isIncompatible() ? 1 : 0;
  }

  private static int summary(List<String> args, PrintStream out) throws IOException {
    List<String> apis = new ArrayList<>();
    Map<String, String> o = options(args, apis);
    Path root = Path.of(required(o, "root"));
    if (apis.isEmpty()) {
      throw new IllegalArgumentException("summary: name at least one API");
    }
    StringBuilder tsv = new StringBuilder();
    boolean allPass = true;
    for (String api : apis) {
      Verdict v = ReleaseRule.check(api,
          SpecFile.of(root.resolve("specs/baseline/" + api + ".yaml"), "specs/baseline/" + api + ".yaml"),
          SpecFile.of(root.resolve("specs/" + api + ".yaml"), "specs/" + api + ".yaml"),
          SpecFile.of(root.resolve("specs/changelog/" + api + ".md"), "specs/changelog/" + api + ".md"));
      allPass &= v.passed();
      out.println((v.passed() ? "[ok]   " : "[FAIL] ") + v.message().replace("\n", "\n       "));
      tsv.append(tsvRow(api, v));
    }
    if (o.containsKey("tsv")) {
      Path file = Path.of(o.get("tsv"));
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, tsv.toString(), StandardCharsets.UTF_8);
    }
    return allPass ? 0 : 1;
  }

  /** api, PASS/FAIL, outcome, result, old version, new version, ops +/-/~, schemas +/-/~. */
  private static String tsvRow(String api, Verdict v) {
    List<String> cells = new ArrayList<>(List.of(api, v.passed() ? "PASS" : "FAIL", v.outcome().name()));
    if (v.comparison().isPresent()) {
      SpecComparison c = v.comparison().get();
      ChangeSummary s = c.summary();
      cells.addAll(List.of(c.result(), String.valueOf(c.oldVersion()), String.valueOf(c.newVersion()),
          n(s.operationsAdded()), n(s.operationsRemoved()), n(s.operationsChanged()),
          n(s.schemasAdded()), n(s.schemasRemoved()), n(s.schemasChanged())));
    } else {
      cells.addAll(List.of("-", "-", "-", "-", "-", "-", "-", "-", "-"));
    }
    return String.join("\t", cells) + "\n";
  }

  private static String n(List<String> list) {
    return String.valueOf(list.size());
  }

  private static Map<String, String> options(List<String> args, List<String> positional) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("--")) {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException(a + " needs a value");
        }
        options.put(a.substring(2), args.get(++i));
      } else {
        positional.add(a);
      }
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing --" + name);
    }
    return value;
  }
}
