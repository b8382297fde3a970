package dev.b2bsdk.specs.compat;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of the release rule for one API: whether the build may pass, and a message that
 * says what changed and, on failure, how to fix it.
 */
public final class Verdict {
  /** Why the rule passed or failed. */
  public enum Outcome {
    /** No API difference against the baseline. */
    UNCHANGED(true),
    /** Only compatible changes. */
    COMPATIBLE(true),
    /** Breaking changes, released as a new major version with a changelog entry. */
    BREAKING_WITH_MAJOR_BUMP(true),
    /** No baseline recorded yet (a new API): nothing to compare with. */
    NO_BASELINE(true),
    /** Breaking changes while the major version stayed the same. */
    BREAKING_WITHOUT_MAJOR_BUMP(false),
    /** The major version was raised without a changelog entry for the new version. */
    MISSING_CHANGELOG_ENTRY(false),
    /** {@code info.version} is not a semantic version. */
    INVALID_VERSION(false),
    /** A spec could not be parsed or compared. */
    UNREADABLE(false);

    private final boolean passes;

    Outcome(boolean passes) {
      this.passes = passes;
    }

    public boolean passes() {
      return passes;
    }
  }

  private final Outcome outcome;
  private final String message;
  private final SpecComparison comparison;

  Verdict(Outcome outcome, String message, SpecComparison comparison) {
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.message = Objects.requireNonNull(message, "message");
    this.comparison = comparison;
  }

  public Outcome outcome() {
    return outcome;
  }

  public boolean passed() {
    return outcome.passes();
  }

  /** Readable explanation; starts with the API name, ends with how to fix it on failure. */
  public String message() {
    return message;
  }

  /** The comparison behind this verdict; empty when there was no baseline or a spec was unreadable. */
  public Optional<SpecComparison> comparison() {
    return Optional.ofNullable(comparison);
  }

  @Override
  public String toString() {
    return outcome + ": " + message;
  }
}
