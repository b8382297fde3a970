package dev.b2bsdk.specs.compat;

/** A spec could not be read or compared; the message names the file and the parser's complaint. */
public final class SpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SpecException(String message) {
    super(message);
  }

  public SpecException(String message, Throwable cause) {
    super(message, cause);
  }
}
