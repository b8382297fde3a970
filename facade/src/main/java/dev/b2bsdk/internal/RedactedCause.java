package dev.b2bsdk.internal;

import dev.b2bsdk.core.error.ApiException;

/**
 * Stands in for a cause whose message held a secret (a server echoed a credential into a parser
 * error, an I/O error quoted a URL with a token): the original class name, the redacted message,
 * the original stack trace and, recursively, the original causes treated the same way. Causes
 * without secrets are kept as they are, so {@code getCause() instanceof SocketTimeoutException}
 * still works in the ordinary case.
 */
public final class RedactedCause extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_DEPTH = 16;

  private final String originalType;

  private RedactedCause(String originalType, String message, Throwable cause) {
    super(originalType + (message == null ? "" : ": " + message), cause);
    this.originalType = originalType;
  }

  /** The class name of the exception this one replaces. */
  public String originalType() {
    return originalType;
  }

  /** {@code cause} itself if nothing in its chain needs redaction, else a redacted copy of the chain. */
  public static Throwable safe(Throwable cause) {
    return cause == null || !needsRedaction(cause) ? cause : copy(cause, 0);
  }

  private static boolean needsRedaction(Throwable t) {
    int depth = 0;
    for (Throwable c = t; c != null && depth < MAX_DEPTH; c = c.getCause(), depth++) {
      if (c instanceof ApiException || c instanceof RedactedCause) {
        return false;   // built from redacted parts
      }
      String m = c.getMessage();
      if (m != null && !m.equals(Redactor.text(m))) {
        return true;
      }
    }
    return false;
  }

  private static Throwable copy(Throwable t, int depth) {
    if (t == null || t instanceof ApiException || t instanceof RedactedCause || depth >= MAX_DEPTH) {
      return t;
    }
    String m = t.getMessage();
    if (m == null || m.equals(Redactor.text(m))) {
      if (!needsRedaction(t.getCause() == t ? null : t.getCause())) {
        return t;
      }
    }
    RedactedCause copy = new RedactedCause(t.getClass().getName(), Redactor.text(m),
        copy(t.getCause() == t ? null : t.getCause(), depth + 1));
    copy.setStackTrace(t.getStackTrace());
    return copy;
  }
}
