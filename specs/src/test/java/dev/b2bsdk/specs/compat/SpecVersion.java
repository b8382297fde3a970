package dev.b2bsdk.specs.compat;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A spec's {@code info.version} read as a semantic version {@code MAJOR.MINOR.PATCH}; missing
 * minor or patch parts count as 0 and a pre-release or build suffix is kept but not compared.
 */
public final class SpecVersion {
  private static final Pattern SEMVER = Pattern.compile("v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?([-+][0-9A-Za-z.+-]*)?");

  private final String text;
  private final int major;
  private final int minor;
  private final int patch;

  private SpecVersion(String text, int major, int minor, int patch) {
    this.text = text;
    this.major = major;
    this.minor = minor;
    this.patch = patch;
  }

  /** Parses {@code text}; throws {@link IllegalArgumentException} when it is not semantic. */
  public static SpecVersion parse(String text) {
    Matcher m = SEMVER.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("info.version '" + text + "' is not MAJOR.MINOR.PATCH");
    }
    return new SpecVersion(text.trim(), Integer.parseInt(m.group(1)), part(m.group(2)), part(m.group(3)));
  }

  private static int part(String group) {
    return group == null ? 0 : Integer.parseInt(group);
  }

  public int major() {
    return major;
  }

  public int minor() {
    return minor;
  }

  public int patch() {
    return patch;
  }

  /** The first version of the next major line, e.g. {@code 2.0.0} for {@code 1.4.2}. */
  public SpecVersion nextMajor() {
    return new SpecVersion((major + 1) + ".0.0", major + 1, 0, 0);
  }

  /** True when this version's major part is greater than {@code other}'s. */
  public boolean isMajorBumpOf(SpecVersion other) {
    return major > other.major;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SpecVersion && ((SpecVersion) o).text.equals(text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text);
  }

  /** The version exactly as written in the spec. */
  @Override
  public String toString() {
    return text;
  }
}
