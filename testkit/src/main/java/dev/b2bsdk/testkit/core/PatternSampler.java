package dev.b2bsdk.testkit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A string matching a schema's {@code pattern}, for the regular expressions specs use: literals,
 * escapes ({@code \d \w \s} and escaped punctuation), character classes with ranges, groups with
 * alternatives, quantifiers ({@code ? * + {n} {n,m} {n,}}) and anchors. Anything else gives
 * {@code null} (the caller keeps its own value).
 */
final class PatternSampler {

  private final String pattern;
  private final Random random;
  private int pos;

  private PatternSampler(String pattern, Random random) {
    this.pattern = pattern;
    this.random = random;
  }

  /** A string matching {@code pattern}, or null when the pattern is beyond this sampler. */
  static String sample(String pattern, Random random) {
    try {
      PatternSampler sampler = new PatternSampler(pattern, random);
      StringBuilder out = new StringBuilder();
      sampler.alternatives(out);
      if (sampler.pos != pattern.length()) {
        return null;
      }
      String value = out.toString();
      return java.util.regex.Pattern.compile(pattern).matcher(value).find() ? value : null;
    } catch (RuntimeException unsupported) {
      return null;
    }
  }

  private void alternatives(StringBuilder out) {
    List<StringBuilder> options = new ArrayList<>();
    options.add(new StringBuilder());
    while (pos < pattern.length() && pattern.charAt(pos) != ')') {
      if (pattern.charAt(pos) == '|') {
        pos++;
        options.add(new StringBuilder());
        continue;
      }
      sequenceItem(options.get(options.size() - 1));
    }
    out.append(options.get(random.nextInt(options.size())));
  }

  private void sequenceItem(StringBuilder out) {
    char c = pattern.charAt(pos);
    if (c == '^' || c == '$') {
      pos++;
      return;
    }
    int start = pos;
    atom(new StringBuilder()); // measure the atom's extent once
    int end = pos;
    int[] range = quantifier();
    int times = range[0] + (range[1] > range[0] ? random.nextInt(range[1] - range[0] + 1) : 0);
    int after = pos;
    for (int i = 0; i < times; i++) {
      pos = start;
      atom(out);
    }
    if (pos != end && times > 0) {
      throw new IllegalStateException("inconsistent atom");
    }
    pos = after;
  }

  private int[] quantifier() {
    if (pos >= pattern.length()) {
      return new int[] {1, 1};
    }
    char q = pattern.charAt(pos);
    switch (q) {
      case '?' -> {
        pos++;
        return new int[] {0, 1};
      }
      case '*' -> {
        pos++;
        return new int[] {0, 3};
      }
      case '+' -> {
        pos++;
        return new int[] {1, 3};
      }
      case '{' -> {
        int close = pattern.indexOf('}', pos);
        String[] bounds = pattern.substring(pos + 1, close).split(",", -1);
        pos = close + 1;
        int min = Integer.parseInt(bounds[0].trim());
        int max = bounds.length == 1 ? min
            : bounds[1].isBlank() ? min + 3 : Integer.parseInt(bounds[1].trim());
        return new int[] {min, max};
      }
      default -> {
        return new int[] {1, 1};
      }
    }
  }

  private void atom(StringBuilder out) {
    char c = pattern.charAt(pos);
    switch (c) {
      case '(' -> {
        pos++;
        if (pattern.startsWith("?:", pos)) {
          pos += 2;
        }
        alternatives(out);
        expect(')');
      }
      case '[' -> out.append(characterClass());
      case '\\' -> out.append(escape());
      case '.' -> {
        pos++;
        out.append((char) ('a' + random.nextInt(26)));
      }
      default -> {
        pos++;
        out.append(c);
      }
    }
  }

  private char characterClass() {
    expect('[');
    if (pattern.charAt(pos) == '^') {
      throw new IllegalStateException("negated classes are not supported");
    }
    List<Character> chars = new ArrayList<>();
    while (pattern.charAt(pos) != ']') {
      char from;
      if (pattern.charAt(pos) == '\\') {
        String set = classEscape();
        set.chars().forEach(ch -> chars.add((char) ch));
        continue;
      }
      from = pattern.charAt(pos++);
      if (pattern.charAt(pos) == '-' && pattern.charAt(pos + 1) != ']') {
        char to = pattern.charAt(pos + 1);
        pos += 2;
        for (char ch = from; ch <= to; ch++) {
          chars.add(ch);
        }
      } else {
        chars.add(from);
      }
    }
    pos++;
    return chars.get(random.nextInt(chars.size()));
  }

  private String classEscape() {
    pos++;
    char e = pattern.charAt(pos++);
    return switch (e) {
      case 'd' -> "0123456789";
      case 'w' -> "abcdefghijklmnopqrstuvwxyz0123456789_";
      case 's' -> " ";
      default -> String.valueOf(e);
    };
  }

  private char escape() {
    String set = classEscape();
    return set.charAt(random.nextInt(set.length()));
  }

  private void expect(char c) {
    if (pattern.charAt(pos) != c) {
      throw new IllegalStateException("expected " + c);
    }
    pos++;
  }
}
