package dev.b2bsdk.it.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every fenced {@code java} block of README.md compiles against the SDK, the testkit and the
 * optional observability libraries. A block that declares a type ({@code class ...}) is a
 * compilation unit as written; any other block is statements: its leading {@code import} lines
 * stay imports, the rest becomes the body of a method of a class extending {@link
 * SnippetContext}, which declares the few variables the README's prose introduces (the clients
 * {@code itcare}, {@code cc}, {@code crm}, …). Nothing is run: the snippets talk to real servers.
 */
class ReadmeSnippetsTest {

  private static final Pattern BLOCK =
      Pattern.compile("^```java\\n(.*?)^```$", Pattern.DOTALL | Pattern.MULTILINE);

  static Path readme() {
    Path here = Path.of("README.md");
    return Files.exists(here) ? here : Path.of("..", "README.md");
  }

  static List<String> javaBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(markdown);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  /** The compilation unit of block {@code index}. */
  static String compilationUnit(String block, int index) {
    StringBuilder imports = new StringBuilder();
    StringBuilder body = new StringBuilder();
    boolean inImports = true;
    for (String line : block.split("\n", -1)) {
      if (inImports && (line.startsWith("import ") || line.isBlank())) {
        imports.append(line).append('\n');
      } else {
        inImports = false;
        body.append(line).append('\n');
      }
    }
    String name = "ReadmeSnippet" + index;
    String pkg = "package dev.b2bsdk.it.readme.snippets;\n";
    if (Pattern.compile("^(@\\w+\\s*)*(public\\s+)?(final\\s+)?(class|record|interface|enum)\\s",
        Pattern.MULTILINE).matcher(body).find()) {
      return pkg + imports + body;
    }
    return pkg + imports + "import dev.b2bsdk.it.readme.SnippetContext;\n"
        + "@SuppressWarnings(\"all\")\nclass " + name + " extends SnippetContext {\n"
        + "  void snippet() throws Exception {\n" + body + "  }\n}\n";
  }

  @Test
  void everyJavaBlockOfTheReadmeCompiles() throws IOException {
    String markdown = Files.readString(readme(), StandardCharsets.UTF_8);
    List<String> blocks = javaBlocks(markdown);
    assertThat(blocks).as("java blocks in README.md").hasSizeGreaterThanOrEqualTo(10);

    assertThat(compileErrors(blocks)).as("README snippets that do not compile").isEmpty();
    System.out.println("readme snippets: " + blocks.size() + " compiled");
  }

  @Test
  void aBlockThatDoesNotCompileIsReported() throws IOException {
    String wrongType = "import dev.b2bsdk.core.paging.Sort;\n\nint n = Sort.asc(\"name\");\n";
    String unknownMethod = "crm.listParties();\n";
    assertThat(compileErrors(List.of(wrongType, unknownMethod)))
        .anyMatch(e -> e.contains("ReadmeSnippet1") && e.contains("incompatible types"))
        .anyMatch(e -> e.contains("ReadmeSnippet2") && e.contains("listParties"));
  }

  /** Compiles the blocks against the test classpath; one line per error. */
  static List<String> compileErrors(List<String> blocks) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> units = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      String source = compilationUnit(blocks.get(i), i + 1);
      String type = typeName(source, i + 1);
      units.add(new SimpleJavaFileObject(URI.create("string:///readme/" + type + ".java"),
          JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return source;
        }
      });
    }
    Path out = Files.createDirectories(Path.of("target", "readme-snippets"));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> errors = new ArrayList<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      boolean ok = javac.getTask(new StringWriter(), files, diagnostics, List.of("-d",
          out.toString(), "-classpath", System.getProperty("java.class.path"), "-proc:none",
          "--release", "17", "-Xlint:none"), null, units).call();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          errors.add((d.getSource() == null ? "" : d.getSource().getName()) + ':'
              + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
        }
      }
      if (!ok && errors.isEmpty()) {
        errors.add("javac failed without diagnostics");
      }
    }
    return errors;
  }

  private static String typeName(String source, int index) {
    Matcher m = Pattern.compile("^(?:@\\w+\\s*)*(?:public\\s+)?(?:final\\s+)?"
        + "(?:class|record|interface|enum)\\s+(\\w+)", Pattern.MULTILINE).matcher(source);
    return m.find() ? m.group(1) : "ReadmeSnippet" + index;
  }
}
