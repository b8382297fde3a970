package dev.b2bsdk.testkit.carecloud;

/**
 * Who calls: an enterprise user (sees everything) or a customer-interface device token, logged in
 * as a customer or not (sees only that customer's records).
 *
 * @param enterprise whether the call came through the enterprise interface
 * @param customerId the customer logged in on the device token, or null
 * @param token the bearer token
 */
record Viewer(boolean enterprise, String customerId, String token) {

  static final String ATTRIBUTE = "carecloud.viewer";

  /** Whether this viewer may see records of {@code ownerId}. */
  boolean sees(String ownerId) {
    return enterprise || (customerId != null && customerId.equals(ownerId));
  }
}
