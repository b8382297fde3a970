package dev.b2bsdk.it.readme;

import dev.b2bsdk.carecloud.CareCloudEnterpriseClient;
import dev.b2bsdk.carecloud.DeviceTokenStore;
import dev.b2bsdk.generated.carecloud.model.Customer;
import dev.b2bsdk.generated.intouch.model.PartyInput;
import dev.b2bsdk.intouch.InTouchClient;
import dev.b2bsdk.itcare.ItCareClient;
import dev.b2bsdk.shopapp.ShopApplicationClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the README's prose introduces before a snippet uses it: the clients of the quick start,
 * a logger, the customer interface's app-provided values. Every README block that is not a whole
 * class compiles as the body of a method of a subclass. Never instantiated.
 */
@SuppressWarnings("unused")
public abstract class SnippetContext {
  protected ItCareClient itcare;
  protected CareCloudEnterpriseClient cc;
  protected ShopApplicationClient shop;
  protected InTouchClient crm;
  protected final Logger log = LoggerFactory.getLogger("readme");
  protected PartyInput input;
  protected String installationId;
  protected DeviceTokenStore myPersistentStore;
  protected String email;
  protected String password;

  /** The paging example's per-customer work. */
  protected void sync(Customer customer) {}
}
