package dev.b2bsdk.testkit.carecloud;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How many loyalty points the {@link CareCloudMock} assigns for a purchase
 * ({@code POST /purchases/actions/send-purchase}), given the amount that earns points: the sum of
 * {@code paid_amount} over the bill items not marked {@code loyalty_off}.
 */
@FunctionalInterface
public interface PointsRule {

  /** The default: 1 point for every whole 10 of the amount. */
  PointsRule DEFAULT = perAmount(BigDecimal.ONE, BigDecimal.TEN);

  /** Points for {@code eligibleAmount} (never negative; zero assigns nothing). */
  BigDecimal points(BigDecimal eligibleAmount);

  /** {@code points} for every whole {@code amount} spent, for example 1 point per 10 CZK. */
  static PointsRule perAmount(BigDecimal points, BigDecimal amount) {
    Objects.requireNonNull(points);
    if (amount == null || amount.signum() <= 0) {
      throw new IllegalArgumentException("amount must be positive");
    }
    return eligible -> eligible.signum() <= 0 ? BigDecimal.ZERO
        : eligible.divide(amount, 0, RoundingMode.FLOOR).multiply(points);
  }
}
