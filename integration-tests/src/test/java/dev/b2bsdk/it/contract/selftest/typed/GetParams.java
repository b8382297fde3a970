package dev.b2bsdk.it.contract.selftest.typed;

/** The optional parameters of {@code getThing}, as the generator writes a params object. */
public final class GetParams {
  final Boolean verbose;

  private GetParams(Builder b) {
    this.verbose = b.verbose;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link GetParams}. */
  public static final class Builder {
    private Boolean verbose;

    public Builder verbose(Boolean verbose) {
      this.verbose = verbose;
      return this;
    }

    public GetParams build() {
      return new GetParams(this);
    }
  }
}
