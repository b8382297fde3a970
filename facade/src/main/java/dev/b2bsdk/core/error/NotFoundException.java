package dev.b2bsdk.core.error;

/** The addressed resource does not exist (404, or 410 Gone). */
public class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(Builder builder) {
    super(builder);
  }
}
