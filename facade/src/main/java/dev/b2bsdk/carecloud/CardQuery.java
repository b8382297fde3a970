package dev.b2bsdk.carecloud;

/**
 * Filters and order of {@code listCards} (both clients); every filter set must match. Sent with
 * every page. Immutable.
 *
 * <pre>{@code
 * CardQuery.builder().customerId(id).valid(true).build()
 * }</pre>
 */
public final class CardQuery {

  private static final CardQuery ALL = builder().build();

  private final String customerId;
  private final String cardNumber;
  private final String cardTypeId;
  private final Integer state;
  private final Boolean valid;
  private final Sort sort;

  private CardQuery(Builder b) {
    this.customerId = b.customerId;
    this.cardNumber = b.cardNumber;
    this.cardTypeId = b.cardTypeId;
    this.state = b.state;
    this.valid = b.valid;
    this.sort = b.sort;
  }

  /** No filter, the server's order. */
  public static CardQuery all() {
    return ALL;
  }

  /** A builder with no filter and no order set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this query's settings. */
  public Builder toBuilder() {
    return new Builder().customerId(customerId).cardNumber(cardNumber).cardTypeId(cardTypeId)
        .state(state).valid(valid).sort(sort);
  }

  /** {@code customer_id}, or null. */
  public String customerId() {
    return customerId;
  }

  /** {@code card_number}, or null. */
  public String cardNumber() {
    return cardNumber;
  }

  /** {@code card_type_id}, or null. */
  public String cardTypeId() {
    return cardTypeId;
  }

  /** {@code state} (0 blocked, 1 active), or null. */
  public Integer state() {
    return state;
  }

  /** {@code is_valid}, or null. */
  public Boolean valid() {
    return valid;
  }

  /** The order, or null for the server's. */
  public Sort sort() {
    return sort;
  }

  @Override
  public String toString() {
    return "CardQuery{filters=" + Queries.names("customer_id", customerId, "card_number",
        cardNumber, "card_type_id", cardTypeId, "state", state, "is_valid", valid)
        + ", sort=" + sort + '}';
  }

  /** Builds a {@link CardQuery}; every setting is optional. */
  public static final class Builder {
    private String customerId;
    private String cardNumber;
    private String cardTypeId;
    private Integer state;
    private Boolean valid;
    private Sort sort;

    private Builder() {
    }

    /** Cards of this customer. */
    public Builder customerId(String customerId) {
      this.customerId = customerId;
      return this;
    }

    /** The card with this number. */
    public Builder cardNumber(String cardNumber) {
      this.cardNumber = cardNumber;
      return this;
    }

    /** Cards of this type. */
    public Builder cardTypeId(String cardTypeId) {
      this.cardTypeId = cardTypeId;
      return this;
    }

    /** Cards in this state: 0 blocked, 1 active. */
    public Builder state(Integer state) {
      this.state = state;
      return this;
    }

    /** Cards valid (true) or not valid (false) today. */
    public Builder valid(Boolean valid) {
      this.valid = valid;
      return this;
    }

    /** The order of the results. */
    public Builder sort(Sort sort) {
      this.sort = sort;
      return this;
    }

    /** The immutable query. */
    public CardQuery build() {
      return new CardQuery(this);
    }
  }
}
