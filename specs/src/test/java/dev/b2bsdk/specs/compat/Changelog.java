package dev.b2bsdk.specs.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The per-API changelog {@code specs/changelog/<api>.md}: one Markdown heading per released spec
 * version, e.g. {@code ## 2.0.0 (2026-11-22)} or {@code ## [2.0.0]}.
 */
public final class Changelog {
  private Changelog() {}

  /** True when {@code file} exists and has a heading naming exactly {@code version}. */
  public static boolean hasEntry(Path file, String version) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    // "2.0.0" must not match "## 2.0.0-beta" or "## 12.0.0": the version is a whole token
    Pattern heading = Pattern.compile(
        "^#{1,6}\\s+\\[?v?" + Pattern.quote(version) + "\\]?(?![\\w.-]).*$", Pattern.MULTILINE);
    try {
      return heading.matcher(Files.readString(file, StandardCharsets.UTF_8)).find();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
