package dev.b2bsdk.specs.compat;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file the compatibility tools read, with the name to show for it in messages (for example
 * {@code specs/baseline/itcare.yaml} or {@code v1.2.0:specs/itcare.yaml} for a spec taken from git).
 */
public final class SpecFile {
  private final Path path;
  private final String label;

  private SpecFile(Path path, String label) {
    this.path = Objects.requireNonNull(path, "path");
    this.label = Objects.requireNonNull(label, "label");
  }

  public static SpecFile of(Path path, String label) {
    return new SpecFile(path, label);
  }

  /** A file shown under its own path. */
  public static SpecFile of(Path path) {
    return new SpecFile(path, path.toString());
  }

  public Path path() {
    return path;
  }

  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
