package dev.b2bsdk.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The checks a generated method runs before sending, naming the parameter as the spec does. */
class ArgsTest {

  @Test
  void aMissingValueIsNamedAsInTheSpec() {
    assertThatThrownBy(() -> Args.require(null, "customer_id"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("customer_id is required");
    assertThatThrownBy(() -> Args.require(null, "body"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("body is required");
    assertThatThrownBy(() -> Args.require((String) null, "cle_interface", true))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("cle_interface is required");
  }

  @Test
  void aBlankPathSegmentIsMissingButABlankValueOtherwiseIsNot() {
    assertThatThrownBy(() -> Args.require(" ", "customer_id", true))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("customer_id is required");
    assertThatThrownBy(() -> Args.require("", "customer_id", true))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("customer_id is required");
    assertThatCode(() -> Args.require(" ", "q", false)).doesNotThrowAnyException();
  }

  @Test
  void presentValuesPass() {
    assertThatCode(() -> Args.require("c1", "customer_id", true)).doesNotThrowAnyException();
    assertThatCode(() -> Args.require(0L, "id")).doesNotThrowAnyException();
    assertThatCode(() -> Args.require(new Object(), "body")).doesNotThrowAnyException();
  }
}
