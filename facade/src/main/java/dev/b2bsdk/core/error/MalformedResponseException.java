package dev.b2bsdk.core.error;

/**
 * The service answered with success (2xx) but the body was not what the operation declares:
 * invalid JSON, an HTML page from a proxy, an empty body where JSON was expected, a value of the
 * wrong type. {@link #status()} and {@link #bodySnippet()} show what arrived; the cause is the
 * parser's exception. Often means the spec and the service disagree.
 */
public class MalformedResponseException extends ApiException {
  private static final long serialVersionUID = 1L;

  public MalformedResponseException(Builder builder) {
    super(builder);
  }
}
