package dev.b2bsdk.specs.compat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * Two versions of one API's spec compared with openapi-diff: the raw diff, a {@link ChangeSummary}
 * and the readable {@link BreakingChanges}. Immutable once built.
 */
public final class SpecComparison {
  /**
   * openapi-diff's default rules plus: a renamed operationId is incompatible, because it renames
   * the generated Java method every caller of the generated client uses.
   */
  static final OpenApiDiffOptions DIFF_OPTIONS = OpenApiDiffOptions.builder()
      .configProperty("incompatible.operation.id.changed", "true")
      .build();

  private final String api;
  private final SpecFile oldFile;
  private final SpecFile newFile;
  private final String oldVersion;
  private final String newVersion;
  private final ChangedOpenApi diff;
  private final ChangeSummary summary;
  private final List<String> breakingChanges;

  private SpecComparison(String api, SpecFile oldFile, SpecFile newFile, String oldVersion,
      String newVersion, ChangedOpenApi diff) {
    this.api = api;
    this.oldFile = oldFile;
    this.newFile = newFile;
    this.oldVersion = oldVersion;
    this.newVersion = newVersion;
    this.diff = diff;
    this.summary = ChangeSummary.of(diff);
    this.breakingChanges = BreakingChanges.of(diff);
  }

  /**
   * Compares {@code oldFile} (the released spec) with {@code newFile}; throws
   * {@link SpecException} when either cannot be parsed.
   */
  public static SpecComparison compare(String api, SpecFile oldFile, SpecFile newFile) {
    OpenAPI before = read(oldFile);
    OpenAPI after = read(newFile);
    String oldVersion = before.getInfo() == null ? null : before.getInfo().getVersion();
    String newVersion = after.getInfo() == null ? null : after.getInfo().getVersion();
    ChangedOpenApi diff;
    try {
      diff = OpenApiCompare.fromSpecifications(before, after, DIFF_OPTIONS);
    } catch (RuntimeException e) {
      throw new SpecException(api + ": openapi-diff failed comparing " + oldFile + " with " + newFile
          + ": " + e, e);
    }
    return new SpecComparison(api, oldFile, newFile, oldVersion, newVersion, diff);
  }

  private static OpenAPI read(SpecFile file) {
    if (!java.nio.file.Files.isRegularFile(file.path())) {
      throw new SpecException(file + ": no such file");
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser()
        .readLocation(file.path().toAbsolutePath().toString(), null, options);
    if (result.getOpenAPI() == null) {
      throw new SpecException(file + ": not a readable OpenAPI document: " + result.getMessages());
    }
    return result.getOpenAPI();
  }

  public String api() {
    return api;
  }

  public SpecFile oldFile() {
    return oldFile;
  }

  public SpecFile newFile() {
    return newFile;
  }

  /** {@code info.version} of the old spec, as written (may be null). */
  public String oldVersion() {
    return oldVersion;
  }

  /** {@code info.version} of the new spec, as written (may be null). */
  public String newVersion() {
    return newVersion;
  }

  public ChangedOpenApi diff() {
    return diff;
  }

  public ChangeSummary summary() {
    return summary;
  }

  /** One readable line per breaking change; empty when the change is compatible. */
  public List<String> breakingChanges() {
    return breakingChanges;
  }

  /** True when a client built from the old spec may fail against the new one. */
  public boolean isIncompatible() {
    return diff.isIncompatible() || !breakingChanges.isEmpty();
  }

  /** True when openapi-diff sees no difference at all and no named schema changed. */
  public boolean isUnchanged() {
    return diff.isUnchanged() && summary.isEmpty();
  }

  /** {@code compatible}, {@code incompatible} or {@code unchanged}. */
  public String result() {
    return isIncompatible() ? "incompatible" : isUnchanged() ? "unchanged" : "compatible";
  }
}
