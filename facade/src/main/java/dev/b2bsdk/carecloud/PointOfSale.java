package dev.b2bsdk.carecloud;

import dev.b2bsdk.generated.carecloud.model.Bill;
import dev.b2bsdk.generated.carecloud.model.Card;
import dev.b2bsdk.generated.carecloud.model.Customer;
import dev.b2bsdk.generated.carecloud.model.FinalBill;
import dev.b2bsdk.generated.carecloud.model.GetWalletCreditsResponseData;
import dev.b2bsdk.generated.carecloud.model.GetWalletPointsResponseData;
import dev.b2bsdk.generated.carecloud.model.PostPointReservationCreateRequest;
import dev.b2bsdk.generated.carecloud.model.PostPointReservationReleaseRequest;
import dev.b2bsdk.generated.carecloud.model.PostPurchaseRecommendedRewardsRequest;
import dev.b2bsdk.generated.carecloud.model.PostPurchaseRecommendedRewardsResponseData;
import dev.b2bsdk.generated.carecloud.model.PostPurchaseSendRequest;
import dev.b2bsdk.generated.carecloud.model.PostPurchaseSendResponseData;
import dev.b2bsdk.generated.carecloud.model.PostSendOtpRequest;
import dev.b2bsdk.generated.carecloud.model.PostSendOtpResponseData;
import dev.b2bsdk.generated.carecloud.model.PostVerifyOtpRequest;
import dev.b2bsdk.generated.carecloud.model.PostVerifyOtpResponseData;
import dev.b2bsdk.generated.carecloud.model.RecommendedReward;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The point-of-sale flow of one cash desk, on the enterprise interface, built on the typed
 * methods: identify the customer (card number, or a one-time password), ask for the recommended
 * best rewards for a basket, send the purchase with its payments and applied vouchers, read the
 * points and credits balance, reserve and free points. Each method is one or two calls; errors are
 * the client's ({@code ValidationException} with the vendor's {@code invalid_params} for a voucher
 * already applied, a bill sent twice, more points than available). Thread-safe as the client is.
 *
 * <pre>{@code
 * PointOfSale pos = PointOfSale.of(carecloud, storeId, 3);
 * PointOfSale.Shopper shopper = pos.identifyByCard("1000000000016").orElseThrow();
 * List<RecommendedReward> best = pos.recommendedRewards(shopper, RewardListTypeEnum.A, basket);
 * String purchaseId = pos.sendPurchase(shopper, finalBill);
 * PointOfSale.Balance balance = pos.balance(shopper);
 * }</pre>
 */
public final class PointOfSale {

  /** The customer at the till: their id, and the card they showed (null when identified otherwise). */
  public record Shopper(String customerId, String cardNumber) {
    public Shopper {
      requireText(customerId, "customerId");
    }
  }

  /** The customer's points and credits ({@code points-overview} and {@code credits-overview}). */
  public record Balance(BigDecimal availablePoints, BigDecimal availableCredits,
      GetWalletPointsResponseData points, GetWalletCreditsResponseData credits) {
  }

  private final CareCloudEnterpriseClient client;
  private final String storeId;
  private final Integer cashdeskNumber;

  private PointOfSale(CareCloudEnterpriseClient client, String storeId, Integer cashdeskNumber) {
    this.client = Objects.requireNonNull(client, "client");
    this.storeId = requireText(storeId, "storeId");
    this.cashdeskNumber = cashdeskNumber;
  }

  /** The flow of cash desk {@code cashdeskNumber} (may be null) in store {@code storeId}. */
  public static PointOfSale of(CareCloudEnterpriseClient client, String storeId,
      Integer cashdeskNumber) {
    return new PointOfSale(client, storeId, cashdeskNumber);
  }

  /** The holder of card {@code cardNumber} ({@code GET /cards?card_number=}), if the card has one. */
  public Optional<Shopper> identifyByCard(String cardNumber) {
    requireText(cardNumber, "cardNumber");
    return client.cards().list(CardsOperations.ListParams.builder().cardNumber(cardNumber).build())
        .stream()
        .filter(c -> cardNumber.equals(c.getCardNumber()))
        .map(Card::getCustomerId)
        .filter(id -> id != null && !id.isBlank())
        .findFirst()
        .map(id -> new Shopper(id, cardNumber));
  }

  /**
   * Sends a one-time password to the customer's e-mail or phone ({@code request} as the project's
   * channels and templates need it); returns the request id {@link #identifyByOtp} needs.
   */
  public String sendOtp(PostSendOtpRequest request) {
    PostSendOtpResponseData sent = client.oneTimePassword().createSendOtp(
        Objects.requireNonNull(request, "request"));
    return requireText(sent == null ? null : sent.getRequestId(), "data.request_id");
  }

  /**
   * Verifies {@code code} for the request {@link #sendOtp} made, then finds the customer by the
   * {@code recipient} it was sent to (an e-mail address if it has an {@code @}, else a phone
   * number). Empty when the code is not valid or no customer has that e-mail or phone.
   */
  public Optional<Shopper> identifyByOtp(String externalApplicationId, String requestId,
      String code, String recipient) {
    requireText(recipient, "recipient");
    PostVerifyOtpResponseData verified = client.oneTimePassword().createVerifyOtp(
        new PostVerifyOtpRequest().externalApplicationId(requireText(externalApplicationId,
            "externalApplicationId")).requestId(requireText(requestId, "requestId"))
            .verificationCode(requireText(code, "code")));
    if (verified == null || !Boolean.TRUE.equals(verified.getIsValid())) {
      return Optional.empty();
    }
    CustomersOperations.ListParams.Builder lookup = CustomersOperations.ListParams.builder();
    if (recipient.contains("@")) {
      lookup.email(recipient);
    } else {
      lookup.phone(recipient);
    }
    return client.customers().list(lookup.build()).stream()
        .map(Customer::getCustomerId)
        .filter(id -> id != null && !id.isBlank())
        .findFirst()
        .map(id -> new Shopper(id, null));
  }

  /**
   * The best rewards the project recommends for {@code basket} ({@code recommended-best-rewards});
   * {@code listType} is the vendor's required {@code reward_list_type}.
   */
  public List<RecommendedReward> recommendedRewards(Shopper shopper,
      PostPurchaseRecommendedRewardsRequest.RewardListTypeEnum listType, Bill basket) {
    Objects.requireNonNull(shopper, "shopper");
    PostPurchaseRecommendedRewardsResponseData answer = client.purchases()
        .createPurchaseRecommendedRewards(new PostPurchaseRecommendedRewardsRequest()
            .storeId(storeId).cashdeskNumber(cashdeskNumber)
            .customerId(shopper.customerId()).cardNumber(shopper.cardNumber())
            .rewardListType(Objects.requireNonNull(listType, "listType"))
            .bill(Objects.requireNonNull(basket, "basket")));
    return answer == null || answer.getRecommendedBestRewards() == null ? List.of()
        : answer.getRecommendedBestRewards();
  }

  /**
   * Sends the purchase ({@code send-purchase}): the bill with its payments
   * ({@code payment_recap}: points, credits, applied vouchers by code); returns the purchase id.
   */
  public String sendPurchase(Shopper shopper, FinalBill bill) {
    Objects.requireNonNull(shopper, "shopper");
    PostPurchaseSendResponseData sent = client.purchases().createPurchaseSend(
        new PostPurchaseSendRequest().storeId(storeId).cashdeskNumber(cashdeskNumber)
            .customerId(shopper.customerId()).cardNumber(shopper.cardNumber())
            .bill(Objects.requireNonNull(bill, "bill")));
    return requireText(sent == null ? null : sent.getPurchaseId(), "data.purchase_id");
  }

  /** The customer's points and credits (two calls). */
  public Balance balance(Shopper shopper) {
    String id = Objects.requireNonNull(shopper, "shopper").customerId();
    GetWalletPointsResponseData points = client.wallet().getPoints(id);
    GetWalletCreditsResponseData credits = client.wallet().getCredits(id);
    return new Balance(points == null || points.getAvailablePoints() == null ? BigDecimal.ZERO
        : points.getAvailablePoints(),
        credits == null || credits.getAvailableCredits() == null ? BigDecimal.ZERO
            : credits.getAvailableCredits(), points, credits);
  }

  /**
   * Reserves {@code amount} points of the customer under {@code externalId} (the POS's own
   * reference, needed to free them) until {@code expiration} (null: the project's default).
   */
  public void reservePoints(Shopper shopper, String externalId, BigDecimal amount,
      LocalDateTime expiration) {
    Objects.requireNonNull(shopper, "shopper");
    client.pointReservation().createCreate(new PostPointReservationCreateRequest()
        .externalId(requireText(externalId, "externalId")).customerId(shopper.customerId())
        .amount(Objects.requireNonNull(amount, "amount")).expirationTime(expiration));
  }

  /** Frees the points reserved under {@code externalId}. */
  public void freePoints(String externalId) {
    client.pointReservation().createRelease(new PostPointReservationReleaseRequest()
        .externalId(requireText(externalId, "externalId")));
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }
}
