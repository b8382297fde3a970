package dev.b2bsdk.carecloud;

import dev.b2bsdk.generated.carecloud.model.PostTokenLoginRequest.LoginTypeEnum;

/** What identifies a customer at {@link CareCloudCustomerClient#loginCustomer}. */
public enum LoginType {
  /** The customer's e-mail address. */
  EMAIL(LoginTypeEnum.EMAIL),
  /** The customer's phone number. */
  PHONE(LoginTypeEnum.PHONE),
  /** The number of one of the customer's cards. */
  CARD(LoginTypeEnum.CARD);

  private final LoginTypeEnum wire;

  LoginType(LoginTypeEnum wire) {
    this.wire = wire;
  }

  LoginTypeEnum wire() {
    return wire;
  }
}
