package dev.b2bsdk.carecloud;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Filters and order of {@code listCustomers} (both clients): every filter set must match (AND);
 * the values of one list filter are alternatives (OR, at most 1000 values). Sent with every page.
 * Immutable.
 *
 * <pre>{@code
 * CustomerQuery.builder().lastName("Smith").customerSourceId(webShop)
 *     .sort(Sort.ascending("last_change")).build()
 * }</pre>
 */
public final class CustomerQuery {

  private static final CustomerQuery ALL = builder().build();

  private final String email;
  private final String phone;
  private final String customerSourceId;
  private final String firstName;
  private final String lastName;
  private final String birthdate;
  private final List<String> emailList;
  private final List<String> customerIds;
  private final Sort sort;

  private CustomerQuery(Builder b) {
    this.email = b.email;
    this.phone = b.phone;
    this.customerSourceId = b.customerSourceId;
    this.firstName = b.firstName;
    this.lastName = b.lastName;
    this.birthdate = b.birthdate;
    this.emailList = Queries.copy(b.emailList, "emailList");
    this.customerIds = Queries.copy(b.customerIds, "customerIds");
    this.sort = b.sort;
  }

  /** No filter, the server's order. */
  public static CustomerQuery all() {
    return ALL;
  }

  /** A builder with no filter and no order set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this query's settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.email = email;
    b.phone = phone;
    b.customerSourceId = customerSourceId;
    b.firstName = firstName;
    b.lastName = lastName;
    b.birthdate = birthdate;
    b.emailList = emailList == null ? null : new ArrayList<>(emailList);
    b.customerIds = customerIds == null ? null : new ArrayList<>(customerIds);
    b.sort = sort;
    return b;
  }

  /** {@code email}, or null. */
  public String email() {
    return email;
  }

  /** {@code phone}, or null. */
  public String phone() {
    return phone;
  }

  /** {@code customer_source_id}, or null. */
  public String customerSourceId() {
    return customerSourceId;
  }

  /** {@code first_name}, or null. */
  public String firstName() {
    return firstName;
  }

  /** {@code last_name}, or null. */
  public String lastName() {
    return lastName;
  }

  /** {@code birthdate} as sent ({@code YYYY-MM-DD}), or null. */
  public String birthdate() {
    return birthdate;
  }

  /** {@code email_list[]}, or null. */
  public List<String> emailList() {
    return emailList;
  }

  /** {@code customer_ids[]}, or null. */
  public List<String> customerIds() {
    return customerIds;
  }

  /** The order, or null for the server's. */
  public Sort sort() {
    return sort;
  }

  @Override
  public String toString() {
    // personal data stays out of logs: only which filters are set
    return "CustomerQuery{filters=" + Queries.names("email", email, "phone", phone,
        "customer_source_id", customerSourceId, "first_name", firstName, "last_name", lastName,
        "birthdate", birthdate, "email_list", emailList, "customer_ids", customerIds)
        + ", sort=" + sort + '}';
  }

  /** Builds a {@link CustomerQuery}; every setting is optional. */
  public static final class Builder {
    private String email;
    private String phone;
    private String customerSourceId;
    private String firstName;
    private String lastName;
    private String birthdate;
    private List<String> emailList;
    private List<String> customerIds;
    private Sort sort;

    private Builder() {
    }

    /** Customers with this e-mail address. */
    public Builder email(String email) {
      this.email = email;
      return this;
    }

    /** Customers with this phone number. */
    public Builder phone(String phone) {
      this.phone = phone;
      return this;
    }

    /** Customers from this source. */
    public Builder customerSourceId(String customerSourceId) {
      this.customerSourceId = customerSourceId;
      return this;
    }

    /** Customers with this first name. */
    public Builder firstName(String firstName) {
      this.firstName = firstName;
      return this;
    }

    /** Customers with this last name. */
    public Builder lastName(String lastName) {
      this.lastName = lastName;
      return this;
    }

    /** Customers born on this date. */
    public Builder birthdate(LocalDate birthdate) {
      this.birthdate = birthdate == null ? null : birthdate.toString();
      return this;
    }

    /** Customers with any of these e-mail addresses (at most 1000). */
    public Builder emailList(Collection<String> emails) {
      this.emailList = emails == null ? null : new ArrayList<>(emails);
      return this;
    }

    /** Customers with any of these ids (at most 1000). */
    public Builder customerIds(Collection<String> ids) {
      this.customerIds = ids == null ? null : new ArrayList<>(ids);
      return this;
    }

    /** The order of the results. */
    public Builder sort(Sort sort) {
      this.sort = sort;
      return this;
    }

    /**
     * The immutable query.
     *
     * @throws IllegalArgumentException if a list filter has more than 1000 values
     */
    public CustomerQuery build() {
      return new CustomerQuery(this);
    }
  }
}
