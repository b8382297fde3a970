package dev.b2bsdk.specs.compat;

import java.nio.file.Files;
import java.util.List;

/**
 * The rule {@code mvn verify} enforces for every spec: a change that breaks clients of the last
 * released version (the baseline) needs a new major {@code info.version} and an entry for that
 * version in the API's changelog. Compatible changes always pass.
 */
public final class ReleaseRule {
  /** At most this many breaking changes are spelled out in one message. */
  static final int MAX_LISTED = 20;

  private ReleaseRule() {}

  /**
   * Compares {@code current} with {@code baseline} and applies the rule; {@code changelog} is the
   * API's changelog, consulted only when the major version was raised.
   */
  public static Verdict check(String api, SpecFile baseline, SpecFile current, SpecFile changelog) {
    if (!Files.isRegularFile(baseline.path())) {
      return new Verdict(Verdict.Outcome.NO_BASELINE, api + ": no baseline " + baseline
          + " yet, nothing to compare with (record one at release: scripts/spec-diff --accept " + api + ")",
          null);
    }
    SpecComparison comparison;
    try {
      comparison = SpecComparison.compare(api, baseline, current);
    } catch (SpecException e) {
      return new Verdict(Verdict.Outcome.UNREADABLE, e.getMessage(), null);
    }
    return evaluate(comparison, changelog);
  }

  /** Applies the rule to an existing comparison (its old side plays the baseline). */
  public static Verdict evaluate(SpecComparison c, SpecFile changelog) {
    String api = c.api();
    SpecVersion before;
    SpecVersion after;
    try {
      before = SpecVersion.parse(c.oldVersion());
    } catch (IllegalArgumentException e) {
      return new Verdict(Verdict.Outcome.INVALID_VERSION, api + ": " + e.getMessage() + " in " + c.oldFile(), c);
    }
    try {
      after = SpecVersion.parse(c.newVersion());
    } catch (IllegalArgumentException e) {
      return new Verdict(Verdict.Outcome.INVALID_VERSION, api + ": " + e.getMessage() + " in " + c.newFile()
          + "\nHow to fix: use semantic versioning, e.g. info.version: 1.2.0", c);
    }
    String versions = "(baseline " + before + " → " + after + ")";
    boolean majorBump = after.isMajorBumpOf(before);
    List<String> breaking = c.breakingChanges();

    if (majorBump && !Changelog.hasEntry(changelog.path(), after.toString())) {
      return new Verdict(Verdict.Outcome.MISSING_CHANGELOG_ENTRY, api + ": major version raised " + versions
          + " but " + changelog + " has no '## " + after + "' entry"
          + (breaking.isEmpty() ? "" : "; breaking changes: " + list(breaking, api))
          + "\nHow to fix: add a '## " + after + "' section to " + changelog
          + " that lists the breaking changes and what callers must change.", c);
    }
    if (c.isIncompatible()) {
      if (majorBump) {
        return new Verdict(Verdict.Outcome.BREAKING_WITH_MAJOR_BUMP, api
            + ": breaking change released as a new major version " + versions + ", changelog entry found: "
            + list(breaking, api), c);
      }
      SpecVersion next = before.nextMajor();
      return new Verdict(Verdict.Outcome.BREAKING_WITHOUT_MAJOR_BUMP, api
          + ": incompatible change without a major version bump " + versions + ": " + list(breaking, api)
          + "\nHow to fix: if the vendor really changed its API, raise info.version in " + c.newFile()
          + " to " + next + " and add a '## " + next + "' entry to " + changelog
          + " saying what broke and what callers must change; otherwise revert the change."
          + " Full report: scripts/spec-diff " + api, c);
    }
    if (c.isUnchanged()) {
      return new Verdict(Verdict.Outcome.UNCHANGED, api + ": no API change against baseline " + before, c);
    }
    String hint = after.toString().equals(before.toString())
        ? " (info.version unchanged: raise the minor version when you release this)" : "";
    return new Verdict(Verdict.Outcome.COMPATIBLE, api + ": compatible change " + versions + ": "
        + c.summary() + hint, c);
  }

  private static String list(List<String> lines, String api) {
    if (lines.size() <= MAX_LISTED) {
      return String.join("; ", lines);
    }
    return String.join("; ", lines.subList(0, MAX_LISTED)) + "; … and " + (lines.size() - MAX_LISTED)
        + " more (scripts/spec-diff " + api + ")";
  }
}
