package dev.b2bsdk.internal;

/** Checks of the arguments of a generated method, before anything is sent. */
public final class Args {

  private Args() {
  }

  /**
   * Fails with an {@link IllegalArgumentException} naming the parameter as the spec does when a
   * required argument is missing.
   */
  public static void require(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is required");
    }
  }

  /** Like {@link #require(Object, String)}; a path segment must also not be blank. */
  public static void require(String value, String name, boolean text) {
    if (value == null || (text && value.isBlank())) {
      throw new IllegalArgumentException(name + " is required");
    }
  }
}
