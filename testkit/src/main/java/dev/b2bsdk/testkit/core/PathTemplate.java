package dev.b2bsdk.testkit.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A path with {@code {name}} segments, e.g. {@code /parties/{id}/comments}. Matches whole paths
 * ({@link #match}) or path suffixes ({@link #matchesSuffix}, used by fault rules so that
 * {@code /parties} names the resource whatever the base path).
 */
public final class PathTemplate {

  private final String template;
  private final String[] segments;

  private PathTemplate(String template) {
    this.template = template;
    this.segments = split(template);
  }

  /** Parses a template. */
  public static PathTemplate of(String template) {
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("a path template starts with '/': " + template);
    }
    return new PathTemplate(template);
  }

  /** Path parameters when the whole {@code path} matches. */
  public Optional<Map<String, String>> match(String path) {
    return match(split(path));
  }

  /** Path parameters when the path, already split by {@link #segmentsOf}, matches whole. */
  Optional<Map<String, String>> match(String[] parts) {
    if (parts.length != segments.length) {
      return Optional.empty();
    }
    return matchFrom(parts, 0);
  }

  /** Whether the last segments of {@code path} match this template. */
  public boolean matchesSuffix(String path) {
    String[] parts = split(path);
    return parts.length >= segments.length
        && matchFrom(parts, parts.length - segments.length).isPresent();
  }

  /** Literal segments count; more literals win when two templates match the same path. */
  int specificity() {
    int literal = 0;
    for (String s : segments) {
      if (!isParam(s)) {
        literal++;
      }
    }
    return literal;
  }

  @Override
  public String toString() {
    return template;
  }

  private Optional<Map<String, String>> matchFrom(String[] parts, int offset) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      String part = parts[offset + i];
      if (isParam(segment)) {
        if (part.isEmpty()) {
          return Optional.empty();
        }
        params.put(segment.substring(1, segment.length() - 1), part);
      } else if (!segment.equals(part)) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }

  private static boolean isParam(String segment) {
    return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
  }

  /** Number of segments of the template. */
  int length() {
    return segments.length;
  }

  /** The segments of a request path, as {@link #match(String[])} takes them. */
  static String[] segmentsOf(String path) {
    return split(path);
  }

  private static String[] split(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
  }
}
