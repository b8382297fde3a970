package dev.b2bsdk.it.carecloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.b2bsdk.carecloud.CareCloudEnterpriseClient;
import dev.b2bsdk.carecloud.PointOfSale;
import dev.b2bsdk.core.error.ValidationException;
import dev.b2bsdk.generated.carecloud.model.Bill;
import dev.b2bsdk.generated.carecloud.model.BillItem;
import dev.b2bsdk.generated.carecloud.model.FinalBill;
import dev.b2bsdk.generated.carecloud.model.PaymentRecap;
import dev.b2bsdk.generated.carecloud.model.PaymentVoucher;
import dev.b2bsdk.generated.carecloud.model.PluId;
import dev.b2bsdk.generated.carecloud.model.PostPurchaseRecommendedRewardsRequest;
import dev.b2bsdk.generated.carecloud.model.PostRewardCreateVoucherRequest;
import dev.b2bsdk.testkit.carecloud.CareCloudMock;
import dev.b2bsdk.testkit.carecloud.PointsRule;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The point-of-sale helper against the stateful testkit CareCloud mock: the card identifies John
 * Smith, the purchase earns points by the mock's configured rule and consumes the applied
 * voucher (a second use is a 400 with {@code invalid_params}), a reservation lowers the available
 * points until freed.
 */
class PointOfSaleTest {
  private static final String STORE = "86e05affc7a7abefcd513ab400";
  private static final String CZK = "86e05affc7a7abefcd513ab400";
  private static final String JOHN_CARD = "1000000000016";

  private CareCloudMock mock;
  private CareCloudEnterpriseClient client;
  private PointOfSale pos;

  @BeforeEach
  void start() {
    // 2 points per whole 10 spent: not the mock's default, so the rule is shown to apply
    mock = CareCloudMock.builder().customers(20)
        .pointsRule(PointsRule.perAmount(BigDecimal.valueOf(2), BigDecimal.TEN)).start();
    client = CareCloudEnterpriseClient.builder().baseUrl(mock.baseUrl())
        .externalApplicationId(mock.externalAppId()).login(mock.login())
        .password(mock.password()).projectZone(mock.projectZone()).build();
    pos = PointOfSale.of(client, STORE, 3);
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (mock != null) {
      mock.stop();
    }
  }

  @Test
  void identifyRecommendPurchaseWithAVoucherBalanceReserveAndFree() {
    PointOfSale.Shopper john = pos.identifyByCard(JOHN_CARD).orElseThrow();
    assertThat(john.customerId()).isEqualTo(mock.johnSmithId());
    assertThat(john.cardNumber()).isEqualTo(JOHN_CARD);
    assertThat(pos.identifyByCard("9999999999999")).isEmpty();
    assertThat(pos.balance(john).availablePoints()).isEqualByComparingTo("150");

    String reward = client.rewards().list().stream().findFirst().orElseThrow().getRewardId();
    client.rewards().createCreateVoucher(reward,
        new PostRewardCreateVoucherRequest().customerId(john.customerId()).code("POS-10"));

    assertThat(pos.recommendedRewards(john,
        PostPurchaseRecommendedRewardsRequest.RewardListTypeEnum.A, basket("B-1"))).isNotNull();

    // 199.90 earns 2 x 19 points (valid a year from the payment time: now, as the mock runs on
    // the system clock); the loyalty_off 50.00 earns nothing
    String purchaseId = pos.sendPurchase(john, bill("B-1", "POS-10"));
    assertThat(client.purchases().getPurchase(purchaseId).getCustomerId())
        .isEqualTo(john.customerId());
    assertThat(pos.balance(john).availablePoints()).isEqualByComparingTo("188");

    // the voucher was consumed: on another bill it is refused, and nothing changes
    assertThatThrownBy(() -> pos.sendPurchase(john, bill("B-2", "POS-10")))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("bill.payment_recap.vouchers.code");
            assertThat(p.code()).isEqualTo("voucher_already_used");
          });
        });
    assertThat(pos.balance(john).availablePoints()).isEqualByComparingTo("188");

    pos.reservePoints(john, "R-1", new BigDecimal("100"), LocalDateTime.now().plusDays(1));
    assertThat(pos.balance(john).availablePoints()).isEqualByComparingTo("88");
    assertThat(mock.availablePoints(john.customerId())).isEqualByComparingTo("88");
    assertThatThrownBy(() -> pos.reservePoints(john, "R-2", new BigDecimal("89"), null))
        .isInstanceOf(ValidationException.class);
    pos.freePoints("R-1");
    PointOfSale.Balance balance = pos.balance(john);
    assertThat(balance.availablePoints()).isEqualByComparingTo("188");
    assertThat(balance.availableCredits()).isEqualByComparingTo("200");
  }

  private static Bill basket(String billId) {
    return new Bill().billId(billId).paymentTime(LocalDateTime.now().withNano(0))
        .currencyId(CZK).totalPrice(new BigDecimal("249.90")).billItems(items(billId));
  }

  private static FinalBill bill(String billId, String voucherCode) {
    return new FinalBill().billId(billId).purchaseTypeId("8370b7b17691a4d4cf8ad35722")
        .canceled(false).paymentType(FinalBill.PaymentTypeEnum.S)
        .paymentTime(LocalDateTime.now().withNano(0)).currencyId(CZK)
        .totalPrice(new BigDecimal("249.90")).billItems(items(billId))
        .paymentRecap(new PaymentRecap().vouchers(List.of(new PaymentVoucher().code(voucherCode)
            .discountValue(BigDecimal.TEN))));
  }

  private static List<BillItem> items(String billId) {
    return List.of(item(billId + "-1", "199.90", false), item(billId + "-2", "50.00", true));
  }

  private static BillItem item(String id, String paid, boolean loyaltyOff) {
    return new BillItem().billItemId(id)
        .pluIds(List.of(new PluId().listCode("EAN").code("8590000000001")))
        .pluName("Item " + id).vatRate(BigDecimal.valueOf(21)).quantity(BigDecimal.ONE)
        .paidAmount(new BigDecimal(paid)).price(new BigDecimal(paid)).loyaltyOff(loyaltyOff)
        .purchaseItemTypeId("8a1b2c3d4e5f60718293a4b5c6");
  }
}
