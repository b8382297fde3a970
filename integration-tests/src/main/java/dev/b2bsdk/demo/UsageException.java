package dev.b2bsdk.demo;

/** A command line the tour cannot run (exit status 2); the message says what to change. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
