package dev.b2bsdk.specs.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release rule against small fixture specs (src/test/resources/compat-fixtures): each variant
 * makes one kind of change to base.yaml, and the readable message must name it.
 */
class CompatibilityFixturesTest {
  private static final Path FIXTURES = Path.of("src/test/resources/compat-fixtures");
  private static final SpecFile BASE = fixture("base.yaml");
  private static final SpecFile CHANGELOG_1_0_0 = fixture("changelog-1.0.0-only.md");

  private static SpecFile fixture(String name) {
    return SpecFile.of(FIXTURES.resolve(name), name);
  }

  private static Verdict check(String variant, SpecFile changelog) {
    return ReleaseRule.check("fixture", BASE, fixture(variant), changelog);
  }

  @Test
  void newOptionalFieldsAndANewOperationAreCompatible() {
    Verdict v = check("compatible-additions.yaml", CHANGELOG_1_0_0);

    assertThat(v.passed()).as(v.message()).isTrue();
    assertThat(v.outcome()).isEqualTo(Verdict.Outcome.COMPATIBLE);
    assertThat(v.message()).startsWith("fixture: compatible change (baseline 1.0.0 → 1.1.0)");
    SpecComparison c = v.comparison().orElseThrow();
    assertThat(c.breakingChanges()).isEmpty();
    assertThat(c.summary().operationsAdded()).containsExactly("GET /orders");
    assertThat(c.summary().operationsRemoved()).isEmpty();
    assertThat(c.summary().schemasChanged()).containsExactly("Customer", "CustomerCreate");
  }

  @Test
  void aDocumentationOnlyChangePassesAndSuggestsAVersionBump() {
    Verdict v = check("docs-only.yaml", CHANGELOG_1_0_0);

    assertThat(v.passed()).as(v.message()).isTrue();
    assertThat(v.comparison().orElseThrow().breakingChanges()).isEmpty();
    assertThat(v.comparison().orElseThrow().summary().operationsChanged()).containsExactly("GET /customers/{id}");
    assertThat(v.message()).contains("info.version unchanged");
  }

  @Test
  void theSameSpecIsUnchanged() {
    Verdict v = check("base.yaml", CHANGELOG_1_0_0);

    assertThat(v.outcome()).isEqualTo(Verdict.Outcome.UNCHANGED);
    assertThat(v.message()).isEqualTo("fixture: no API change against baseline 1.0.0");
  }

  @Test
  void aRemovedOperationFailsWithoutAMajorBump() {
    Verdict v = check("removed-operation.yaml", CHANGELOG_1_0_0);

    assertThat(v.passed()).isFalse();
    assertThat(v.outcome()).isEqualTo(Verdict.Outcome.BREAKING_WITHOUT_MAJOR_BUMP);
    assertThat(v.message())
        .startsWith("fixture: incompatible change without a major version bump (baseline 1.0.0 → 1.1.0): "
            + "DELETE /customers/{id} removed")
        .contains("How to fix: if the vendor really changed its API, raise info.version in "
            + "removed-operation.yaml to 2.0.0 and add a '## 2.0.0' entry to changelog-1.0.0-only.md")
        .contains("otherwise revert the change");
  }

  @Test
  void aNewRequiredRequestFieldFails() {
    Verdict v = check("new-required-request-field.yaml", CHANGELOG_1_0_0);

    assertThat(v.passed()).isFalse();
    assertThat(v.comparison().orElseThrow().breakingChanges())
        .containsExactly("POST /customers request: new required property 'vatNumber'");
    assertThat(v.message()).contains("(baseline 1.0.0 → 1.1.0): POST /customers request: new required property 'vatNumber'");
  }

  @Test
  void aChangedPropertyTypeFailsInEveryOperationThatReturnsIt() {
    Verdict v = check("changed-property-type.yaml", CHANGELOG_1_0_0);

    assertThat(v.passed()).isFalse();
    assertThat(v.message()).contains("(baseline 1.0.0 → 1.0.1)");
    assertThat(v.comparison().orElseThrow().breakingChanges()).containsExactlyInAnyOrder(
        "GET /customers response 200: property '[].age' type changed from integer to string",
        "POST /customers response 201: property 'age' type changed from integer to string",
        "GET /customers/{id} response 200: property 'age' type changed from integer to string");
  }

  @Test
  void aChangedFormatFails() {
    Verdict v = check("changed-property-format.yaml", CHANGELOG_1_0_0);

    assertThat(v.passed()).isFalse();
    assertThat(v.message()).contains("GET /customers/{id} response 200: property 'createdAt' format changed "
        + "from date-time to local-date-time");
  }

  @Test
  void aRenamedOperationIdFails() {
    Verdict v = check("renamed-operation-id.yaml", CHANGELOG_1_0_0);

    assertThat(v.passed()).isFalse();
    assertThat(v.comparison().orElseThrow().breakingChanges()).containsExactly(
        "GET /customers/{id}: operationId renamed 'getCustomer' → 'fetchCustomer' (renames the generated Java method)");
  }

  @Test
  void theSameBreakingChangesPassWithAMajorBumpAndAChangelogEntry() {
    Verdict v = check("major-bump.yaml", fixture("changelog-with-2.0.0.md"));

    assertThat(v.passed()).as(v.message()).isTrue();
    assertThat(v.outcome()).isEqualTo(Verdict.Outcome.BREAKING_WITH_MAJOR_BUMP);
    assertThat(v.message())
        .contains("(baseline 1.0.0 → 2.0.0)")
        .contains("DELETE /customers/{id} removed")
        .contains("POST /customers request: new required property 'vatNumber'");
  }

  @Test
  void aMajorBumpWithoutAChangelogEntryFails() {
    Verdict v = check("major-bump.yaml", CHANGELOG_1_0_0);

    assertThat(v.passed()).isFalse();
    assertThat(v.outcome()).isEqualTo(Verdict.Outcome.MISSING_CHANGELOG_ENTRY);
    assertThat(v.message())
        .startsWith("fixture: major version raised (baseline 1.0.0 → 2.0.0) but changelog-1.0.0-only.md "
            + "has no '## 2.0.0' entry")
        .contains("DELETE /customers/{id} removed")
        .contains("How to fix: add a '## 2.0.0' section to changelog-1.0.0-only.md");
  }

  @Test
  void aMissingChangelogFileCountsAsNoEntry() {
    Verdict v = check("major-bump.yaml", fixture("no-such-changelog.md"));

    assertThat(v.outcome()).isEqualTo(Verdict.Outcome.MISSING_CHANGELOG_ENTRY);
  }

  @Test
  void anApiWithoutBaselinePassesAndSaysHowToRecordOne() {
    Verdict v = ReleaseRule.check("fresh", fixture("no-such-baseline.yaml"), BASE, CHANGELOG_1_0_0);

    assertThat(v.outcome()).isEqualTo(Verdict.Outcome.NO_BASELINE);
    assertThat(v.message()).contains("scripts/spec-diff --accept fresh");
  }

  @Test
  void aNonSemanticVersionFails(@TempDir Path dir) throws IOException {
    Path spec = dir.resolve("odd-version.yaml");
    Files.writeString(spec, Files.readString(BASE.path()).replace("version: 1.0.0", "version: latest"));

    Verdict v = ReleaseRule.check("fixture", BASE, SpecFile.of(spec, "odd-version.yaml"), CHANGELOG_1_0_0);

    assertThat(v.outcome()).isEqualTo(Verdict.Outcome.INVALID_VERSION);
    assertThat(v.message()).contains("info.version 'latest' is not MAJOR.MINOR.PATCH in odd-version.yaml");
  }

  @Test
  void anUnreadableSpecFailsWithTheFileName(@TempDir Path dir) throws IOException {
    Path spec = dir.resolve("broken.yaml");
    Files.writeString(spec, "this: [is not: openapi");

    Verdict v = ReleaseRule.check("fixture", BASE, SpecFile.of(spec, "broken.yaml"), CHANGELOG_1_0_0);

    assertThat(v.outcome()).isEqualTo(Verdict.Outcome.UNREADABLE);
    assertThat(v.message()).startsWith("broken.yaml: ");
  }

  @Test
  void theDiffCommandExitsOneOnAnIncompatibleChangeAndWritesTheReport(@TempDir Path dir) {
    Path report = dir.resolve("out/fixture.md");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int status = SpecTool.run(new String[] {"diff", "--api", "fixture",
        "--old", BASE.path().toString(), "--old-label", "v1.0.0:specs/fixture.yaml",
        "--new", FIXTURES.resolve("removed-operation.yaml").toString(), "--new-label", "specs/fixture.yaml",
        "--changelog", CHANGELOG_1_0_0.path().toString(), "--report", report.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

    assertThat(status).isEqualTo(1);
    String md = out.toString(StandardCharsets.UTF_8);
    assertThat(md)
        .startsWith("# Spec diff: fixture")
        .contains("| old | `v1.0.0:specs/fixture.yaml` | 1.0.0 |")
        .contains("**Result: incompatible**")
        .contains("| operations | 0 | 1 | 0 |")
        .contains("- DELETE /customers/{id} removed")
        .contains("FAIL: fixture: incompatible change without a major version bump")
        .contains("## openapi-diff report");
    assertThat(report).hasContent(md);
  }

  @Test
  void theDiffCommandExitsZeroOnACompatibleChangeAndTwoOnAMissingFile() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    String[] compatible = {"diff", "--api", "fixture", "--old", BASE.path().toString(),
        "--new", FIXTURES.resolve("compatible-additions.yaml").toString(),
        "--changelog", CHANGELOG_1_0_0.path().toString()};
    String[] missing = {"diff", "--api", "fixture", "--old", "no/such/spec.yaml",
        "--new", BASE.path().toString(), "--changelog", CHANGELOG_1_0_0.path().toString()};
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    assertThat(SpecTool.run(compatible, sink, sink)).isZero();
    assertThat(SpecTool.run(missing, sink, new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no/such/spec.yaml: no such file");
  }

  @Test
  void changelogEntriesMatchWholeVersionsOnly(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("api.md");
    Files.writeString(log, "# api\n\n## [2.0.0] - 2026-11-22\n- x\n\n### 12.1.0\n\n## 3.0.0-beta\n");

    assertThat(Changelog.hasEntry(log, "2.0.0")).isTrue();
    assertThat(Changelog.hasEntry(log, "12.1.0")).isTrue();
    assertThat(Changelog.hasEntry(log, "2.1.0")).isFalse();
    assertThat(Changelog.hasEntry(log, "3.0.0")).isFalse();
    assertThat(Changelog.hasEntry(dir.resolve("missing.md"), "2.0.0")).isFalse();
  }

  @Test
  void versionsCompareByMajorPart() {
    assertThat(SpecVersion.parse("2.0.0").isMajorBumpOf(SpecVersion.parse("1.9.3"))).isTrue();
    assertThat(SpecVersion.parse("1.10").isMajorBumpOf(SpecVersion.parse("1.9.3"))).isFalse();
    assertThat(SpecVersion.parse("v3").major()).isEqualTo(3);
    assertThat(SpecVersion.parse("1.4.2-rc.1").nextMajor()).hasToString("2.0.0");
  }
}
