package dev.b2bsdk.specs.compat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * The Markdown report {@code scripts/spec-diff} prints: versions, a summary table, the breaking
 * changes, the release-rule verdict and openapi-diff's own detailed report.
 */
public final class MarkdownReport {
  private MarkdownReport() {}

  /** Renders {@code c}; {@code verdict} is the release rule applied to the same comparison. */
  public static String render(SpecComparison c, Verdict verdict) {
    StringBuilder md = new StringBuilder();
    ChangeSummary s = c.summary();
    md.append("# Spec diff: ").append(c.api()).append("\n\n");
    md.append("| | spec | info.version |\n|---|---|---|\n");
    md.append("| old | `").append(c.oldFile()).append("` | ").append(c.oldVersion()).append(" |\n");
    md.append("| new | `").append(c.newFile()).append("` | ").append(c.newVersion()).append(" |\n\n");
    md.append("**Result: ").append(c.result()).append("**\n\n");

    md.append("## Summary\n\n| | added | removed | changed |\n|---|---:|---:|---:|\n");
    md.append(row("operations", s.operationsAdded(), s.operationsRemoved(), s.operationsChanged()));
    md.append(row("schemas", s.schemasAdded(), s.schemasRemoved(), s.schemasChanged()));
    md.append('\n');
    names(md, "Operations added", s.operationsAdded());
    names(md, "Operations removed", s.operationsRemoved());
    names(md, "Operations changed", s.operationsChanged());
    names(md, "Schemas added", s.schemasAdded());
    names(md, "Schemas removed", s.schemasRemoved());
    names(md, "Schemas changed", s.schemasChanged());

    md.append("## Breaking changes\n\n");
    if (c.breakingChanges().isEmpty()) {
      md.append("None.\n\n");
    } else {
      c.breakingChanges().forEach(line -> md.append("- ").append(line).append('\n'));
      md.append('\n');
    }

    md.append("## Release rule (`mvn verify`)\n\n");
    md.append(verdict.passed() ? "PASS: " : "FAIL: ").append(verdict.message().replace("\n", "\n\n"))
        .append("\n\n");

    md.append("## openapi-diff report\n\n").append(openApiDiffMarkdown(c)).append('\n');
    return md.toString();
  }

  private static String row(String what, List<String> added, List<String> removed, List<String> changed) {
    return "| " + what + " | " + added.size() + " | " + removed.size() + " | " + changed.size() + " |\n";
  }

  private static void names(StringBuilder md, String title, List<String> names) {
    if (!names.isEmpty()) {
      md.append(title).append(": ");
      for (int i = 0; i < names.size(); i++) {
        md.append(i == 0 ? "" : ", ").append('`').append(names.get(i)).append('`');
      }
      md.append("\n\n");
    }
  }

  private static String openApiDiffMarkdown(SpecComparison c) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new MarkdownRender().render(c.diff(), new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8).strip();
  }
}
