package dev.b2bsdk.it.contract.selftest.typed;

/** A params object with a field ({@code colour}) the spec does not declare. */
public final class StrayParams {
  final Boolean verbose;

  private StrayParams(Builder b) {
    this.verbose = b.verbose;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link StrayParams}. */
  public static final class Builder {
    private Boolean verbose;

    public Builder verbose(Boolean verbose) {
      this.verbose = verbose;
      return this;
    }

    public Builder colour(String colour) {
      return this;
    }

    public StrayParams build() {
      return new StrayParams(this);
    }
  }
}
