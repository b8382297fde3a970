package dev.b2bsdk.generated.carecloud;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.b2bsdk.generated.carecloud.api.CardsApi;
import dev.b2bsdk.generated.carecloud.api.CustomersApi;
import dev.b2bsdk.generated.carecloud.api.TokensApi;
import dev.b2bsdk.generated.carecloud.api.UsersApi;
import dev.b2bsdk.generated.carecloud.api.PurchasesApi;
import dev.b2bsdk.generated.carecloud.api.VouchersApi;
import dev.b2bsdk.generated.carecloud.api.WalletApi;
import dev.b2bsdk.generated.carecloud.invoker.JSON;
import dev.b2bsdk.generated.carecloud.model.Address;
import dev.b2bsdk.generated.carecloud.model.Agreement;
import dev.b2bsdk.generated.carecloud.model.Card;
import dev.b2bsdk.generated.carecloud.model.BillItem;
import dev.b2bsdk.generated.carecloud.model.FinalBill;
import dev.b2bsdk.generated.carecloud.model.GetCardsResponse;
import dev.b2bsdk.generated.carecloud.model.GetWalletPointsResponse;
import dev.b2bsdk.generated.carecloud.model.PaymentRecap;
import dev.b2bsdk.generated.carecloud.model.PaymentVoucher;
import dev.b2bsdk.generated.carecloud.model.PluId;
import dev.b2bsdk.generated.carecloud.model.PostPurchaseSendRequest;
import dev.b2bsdk.generated.carecloud.model.PostPurchaseSendResponse;
import dev.b2bsdk.generated.carecloud.model.PostCustomerResponse;
import dev.b2bsdk.generated.carecloud.model.PostTokenResponse;
import dev.b2bsdk.generated.carecloud.model.CustomAgreements;
import dev.b2bsdk.generated.carecloud.model.Customer;
import dev.b2bsdk.generated.carecloud.model.PostCustomerRequest;
import dev.b2bsdk.generated.carecloud.model.GetCustomersResponse;
import dev.b2bsdk.generated.carecloud.model.PostTokenLoginRequest;
import dev.b2bsdk.generated.carecloud.model.PostTokenLoginResponse;
import dev.b2bsdk.generated.carecloud.model.CustomerSourceRecord;
import dev.b2bsdk.generated.carecloud.model.Device;
import dev.b2bsdk.generated.carecloud.model.ErrorResponse;
import dev.b2bsdk.generated.carecloud.model.InvalidParam;
import dev.b2bsdk.generated.carecloud.model.PostUserLoginResponse;
import dev.b2bsdk.generated.carecloud.model.PersonalInformation;
import dev.b2bsdk.generated.carecloud.model.Setup;
import dev.b2bsdk.generated.carecloud.model.PostTokenRequest;
import dev.b2bsdk.generated.carecloud.model.User;
import dev.b2bsdk.generated.carecloud.model.PostUserLoginRequest;
import dev.b2bsdk.generated.carecloud.model.PostVoucherApplyRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;
import retrofit2.converter.scalars.ScalarsConverterFactory;

/**
 * Drives the generated CareCloud client against WireMock serving the vendor's own sample payloads
 * (copied verbatim from the seeds into {@code src/test/resources/seed}), through both interfaces'
 * base paths, and checks what the client sent and what it parsed, dates included.
 */
class RoundTripTest {

    private static final String ENTERPRISE = "/webservice/rest-api/enterprise-interface/v1.0";
    private static final String CUSTOMER = "/webservice/rest-api/customer-interface/v1.0";
    private static final String LANGUAGE = "cs, en-gb;q=0.8";
    /**
     * Every email in the seeds reads "[email protected]" with a no-break space (U+00A0): the
     * vendor page's obfuscated addresses as scraped. Kept verbatim, so the tests expect it too.
     */
    private static final String SEED_EMAIL = "[email\u00A0protected]";

    @RegisterExtension
    static final WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private Retrofit enterprise;
    private Retrofit customer;

    @BeforeEach
    void setUp() {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(5))
                .writeTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(10))
                .build();
        enterprise = retrofit(http, ENTERPRISE);
        customer = retrofit(http, CUSTOMER);
    }

    private static Retrofit retrofit(OkHttpClient http, String basePath) {
        return new Retrofit.Builder()
                .baseUrl(wm.baseUrl() + basePath + "/")
                .client(http)
                .addConverterFactory(ScalarsConverterFactory.create())
                .addConverterFactory(GsonConverterFactory.create(new JSON().getGson()))
                .build();
    }

    // The vendor documents both 200 and 201 for the user login.
    @ParameterizedTest
    @ValueSource(ints = {200, 201})
    void enterpriseLoginParsesTheSeedResponse(int status) throws IOException {
        wm.stubFor(post(ENTERPRISE + "/users/actions/login")
                .willReturn(json(status, seed("user-login-response.json"))));

        PostUserLoginRequest body = new PostUserLoginRequest()
                .userExternalApplicationId("89d1a6111b3fb6e74665d948")
                .login("fabulous_user")
                .password("password_example");
        Response<PostUserLoginResponse> response =
                enterprise.create(UsersApi.class).postUserLogin(body, LANGUAGE).execute();

        assertThat(response.code()).isEqualTo(status);
        PostUserLoginResponse login = response.body();
        assertThat(login.getData().getBearerToken()).isEqualTo("09359095c5da43c7ae11e710eabce49418715a6a");
        assertThat(login.getData().getValidTo()).isEqualTo(LocalDateTime.of(2023, 1, 4, 10, 31, 56));
        User user = login.getData().getUser();
        assertThat(user.getUserId()).isEqualTo("838b73aacb5ac326cec4030c80");
        assertThat(user.getLogin()).isEqualTo("fabulous_user");
        assertThat(user.getFirstName()).isEqualTo("Faboulous");
        assertThat(user.getLastName()).isEqualTo("Legend");
        assertThat(user.getEmail()).isEqualTo(SEED_EMAIL);
        // the seed prints the phone as a JSON number; the model keeps it as the same digits
        assertThat(user.getPhone()).isEqualTo("420123828931");
        // the seed prints a singular user_role_id; the vendor's User has user_role_ids[] only
        assertThat(user.getUserRoleIds()).isNull();
        assertThat(user.getStoreId()).isEqualTo("86e05affc7a7abecd513ab400");
        assertThat(user.getLastLogin()).isNull();

        wm.verify(postRequestedFor(urlEqualTo(ENTERPRISE + "/users/actions/login"))
                .withHeader("Accept-Language", equalTo(LANGUAGE))
                .withHeader("Content-Type", containing("application/json"))
                .withoutHeader("Authorization")
                .withRequestBody(equalToJson(seed("user-login-request.json"), false, false)));
    }

    @Test
    void customerListParsesEverySeedFieldAndSendsPagingAndArrayFilters() throws IOException {
        wm.stubFor(get(urlPathEqualTo(ENTERPRISE + "/customers"))
                .willReturn(json(200, seed("customer-list-response.json"))));

        Response<GetCustomersResponse> response = enterprise.create(CustomersApi.class)
                .getCustomers(LANGUAGE, 50, 100, "last_change", "DESC", null, null, null, null, null, null, null,
                        List.of("8ea6abece4cd0a4ded0a29f093", "87af991126405bf8e7dfb36045"), null)
                .execute();

        assertThat(response.code()).isEqualTo(200);
        var list = response.body().getData();
        assertThat(list.getTotalItems()).isEqualTo(1);
        assertThat(list.getCustomers()).hasSize(1);
        Customer c = list.getCustomers().get(0);
        assertThat(c.getCustomerId()).isEqualTo("8ea6abece4cd0a4ded0a29f093");
        assertThat(c.getLastChange()).isEqualTo(LocalDateTime.of(2019, 6, 23, 11, 47, 22));
        assertThat(c.getState()).isEqualTo(Customer.StateEnum.NUMBER_1);
        assertThat(c.getDoiEmail()).isNull();
        assertThat(c.getDoiPhone()).isNull();

        PersonalInformation p = c.getPersonalInformation();
        assertThat(p.getGender()).isEqualTo(PersonalInformation.GenderEnum.NUMBER_1);
        assertThat(p.getFirstName()).isEqualTo("John");
        assertThat(p.getLastName()).isEqualTo("Smith");
        // the vendor's sample year "985" is kept verbatim and must still parse
        assertThat(p.getBirthdate()).isEqualTo(LocalDate.of(985, 2, 12));
        assertThat(p.getEmail()).isEqualTo(SEED_EMAIL);
        assertThat(p.getPhone()).isEqualTo("420523828931");
        assertThat(p.getLanguageId()).isEqualTo("en");
        assertThat(p.getStoreId()).isEqualTo("8bed991c68a4");

        Address a = p.getAddress();
        assertThat(a.getAddress1()).isEqualTo("Old Town Square");
        assertThat(a.getAddress2()).isEqualTo("34");
        assertThat(List.of(a.getAddress3(), a.getAddress4(), a.getAddress5(), a.getAddress6(), a.getAddress7()))
                .containsOnly("");
        assertThat(a.getZip()).isEqualTo("11000");
        assertThat(a.getCity()).isEqualTo("Prague 1");
        assertThat(a.getCountryCode()).isEqualTo("cz");

        Agreement g = p.getAgreement();
        assertThat(g.getAgreementGtc()).isEqualTo(Agreement.AgreementGtcEnum.NUMBER_1);
        assertThat(g.getAgreementProfiling()).isEqualTo(Agreement.AgreementProfilingEnum.NUMBER_1);
        assertThat(g.getAgreementMarketingCommunication())
                .isEqualTo(Agreement.AgreementMarketingCommunicationEnum.NUMBER_1);
        assertThat(g.getCustomAgreements()).hasSize(1);
        CustomAgreements ca = g.getCustomAgreements().get(0);
        assertThat(ca.getAgreementId()).isEqualTo("89ce2a1b9b01f5c939fb1e20cd");
        assertThat(ca.getAgreementValue()).isEqualTo(CustomAgreements.AgreementValueEnum.NUMBER_2);

        wm.verify(getRequestedFor(urlPathEqualTo(ENTERPRISE + "/customers"))
                .withQueryParam("count", equalTo("50"))
                .withQueryParam("offset", equalTo("100"))
                .withQueryParam("sort_field", equalTo("last_change"))
                .withQueryParam("sort_direction", equalTo("DESC"))
                .withQueryParam("customer_ids[]",
                        havingExactly("8ea6abece4cd0a4ded0a29f093", "87af991126405bf8e7dfb36045"))
                .withoutQueryParam("email_list[]")
                .withoutQueryParam("email")
                .withHeader("Accept-Language", equalTo(LANGUAGE)));
        // one repeated, bracketed key per value (Retrofit percent-encodes the brackets)
        LoggedRequest sent = wm.getAllServeEvents().get(0).getRequest();
        assertThat(sent.getUrl()).contains(
                "customer_ids%5B%5D=8ea6abece4cd0a4ded0a29f093&customer_ids%5B%5D=87af991126405bf8e7dfb36045");
    }

    @Test
    void customerInterfaceTokenCreateAndLoginSendTheSeedBodies() throws IOException {
        wm.stubFor(post(CUSTOMER + "/tokens")
                .willReturn(json(201, seed("token-create-response.json"))));
        String tokenId = "4d8121dea8ae3c7b7fc66e6924ecc466dc7aa13e299ac757d87533ab2630f31bd906aadf";
        wm.stubFor(post(CUSTOMER + "/tokens/" + tokenId + "/actions/login")
                .willReturn(json(200, seed("customer-login-response.json"))));
        TokensApi tokens = customer.create(TokensApi.class);

        PostTokenRequest create = new PostTokenRequest()
                .device(new Device().deviceId("123456").deviceSystem("OSX")
                        .deviceName("Test device").deviceType("iPhone"))
                .setup(new Setup().languageId("en").allowedGps(true).allowedNotifications(false))
                .externalApplicationId("82de12eb8b138791e678fd11c3")
                .pushToken("4f7f658bfa7a5959e093590");
        Response<PostTokenResponse> created = tokens.postToken(create, LANGUAGE).execute();

        assertThat(created.code()).isEqualTo(201);
        assertThat(created.body().getData().getTokenId()).isEqualTo(tokenId);

        PostTokenLoginRequest login = new PostTokenLoginRequest()
                .loginType(PostTokenLoginRequest.LoginTypeEnum.EMAIL)
                .loginValue(SEED_EMAIL)
                .password("password_example");
        Response<PostTokenLoginResponse> loggedIn = tokens.postTokenLogin(tokenId, login, LANGUAGE).execute();

        assertThat(loggedIn.code()).isEqualTo(200);
        assertThat(loggedIn.body().getData().getCustomerId()).isEqualTo("8ea6abece4cd0a4ded0a29f093");

        // strict comparison: nothing missing, nothing extra
        wm.verify(postRequestedFor(urlEqualTo(CUSTOMER + "/tokens"))
                .withoutHeader("Authorization")
                .withRequestBody(equalToJson(seed("token-create-request.json"), false, false)));
        wm.verify(postRequestedFor(urlEqualTo(CUSTOMER + "/tokens/" + tokenId + "/actions/login"))
                .withRequestBody(equalToJson(seed("customer-login-request.json"), false, false)));
    }

    @Test
    void customerCreateSerialisesTheRequiredFieldsOnly() throws IOException {
        wm.stubFor(post(ENTERPRISE + "/customers")
                .willReturn(json(201, "{\"data\":{\"customer_id\":\"87af991126405bf8e7dfb36045\"}}")));

        PostCustomerRequest body = new PostCustomerRequest()
                .customer(new Customer().personalInformation(new PersonalInformation()
                        .languageId("cs")
                        .birthdate(LocalDate.of(1990, 4, 18))))
                .customerSource(new CustomerSourceRecord().customerSourceId("86e05affc7a7abefcd513ab400"))
                .autologin(false);
        Response<PostCustomerResponse> response =
                enterprise.create(CustomersApi.class).postCustomer(body, null).execute();

        assertThat(response.code()).isEqualTo(201);
        assertThat(response.body().getData().getCustomerId()).isEqualTo("87af991126405bf8e7dfb36045");
        wm.verify(postRequestedFor(urlEqualTo(ENTERPRISE + "/customers"))
                .withoutHeader("Accept-Language")
                .withRequestBody(equalToJson("""
                        {"customer": {"personal_information": {"language_id": "cs", "birthdate": "1990-04-18"}},
                         "customer_source": {"customer_source_id": "86e05affc7a7abefcd513ab400"},
                         "autologin": false}
                        """, false, false)));
    }

    @Test
    void applyVoucherWritesTheLocalDateTimeWithASpace() throws IOException {
        wm.stubFor(post(ENTERPRISE + "/vouchers/8bb7345976bbc9ed20e5083dd6/actions/apply-voucher")
                .willReturn(aResponse().withStatus(204)));

        PostVoucherApplyRequest body = new PostVoucherApplyRequest()
                .storeId("86e05affc7a7abefcd513ab400")
                .dateApplied(LocalDateTime.of(2020, 12, 10, 10, 0, 0));
        Response<Void> response = enterprise.create(VouchersApi.class)
                .postVoucherApply("8bb7345976bbc9ed20e5083dd6", body, LANGUAGE).execute();

        assertThat(response.code()).isEqualTo(204);
        wm.verify(postRequestedFor(urlEqualTo(ENTERPRISE + "/vouchers/8bb7345976bbc9ed20e5083dd6/actions/apply-voucher"))
                .withRequestBody(equalToJson("""
                        {"store_id": "86e05affc7a7abefcd513ab400", "date_applied": "2020-12-10 10:00:00"}
                        """, false, false)));
    }

    @Test
    void cardValidityHasATimePartAndFractionalLastChangeRoundTrips() throws IOException {
        // date shapes as the vendor's examples print them: validity with a time part, last_change
        // with fractional seconds
        wm.stubFor(get(urlPathEqualTo(CUSTOMER + "/cards")).willReturn(json(200, """
                {"data": {"cards": [{"card_id": "81a94c48474bc45c03d41f7016",
                  "customer_id": "81ceb8582e2d8dbb7e71b7273b", "card_type_id": "8bed991c68a470e7aaeffbf048",
                  "card_number": "200120000290", "valid_from": "2021-04-14 00:00:00", "valid_to": "2059-07-05 00:00:00",
                  "store_id": null, "last_change": "2021-12-16 17:42:28.248955", "state": 1}],
                  "total_items": 1}}
                """)));

        Response<GetCardsResponse> response = customer.create(CardsApi.class)
                .getCards(null, 10, 0, null, null, "81ceb8582e2d8dbb7e71b7273b", null, null, 1, true,
                        List.of("200120000290", "200120000291"), null)
                .execute();

        Card card = response.body().getData().getCards().get(0);
        assertThat(card.getValidFrom()).isEqualTo(LocalDateTime.of(2021, 4, 14, 0, 0, 0));
        assertThat(card.getValidTo()).isEqualTo(LocalDateTime.of(2059, 7, 5, 0, 0, 0));
        assertThat(card.getLastChange()).isEqualTo(LocalDateTime.of(2021, 12, 16, 17, 42, 28, 248_955_000));
        assertThat(card.getStoreId()).isNull();
        assertThat(card.getState()).isEqualTo(Card.StateEnum.NUMBER_1);
        // written back: the time part and the fraction survive
        String written = new JSON().getGson().toJson(card);
        assertThat(written).contains("\"valid_from\":\"2021-04-14 00:00:00\"",
                "\"last_change\":\"2021-12-16 17:42:28.248955\"");
        wm.verify(getRequestedFor(urlPathEqualTo(CUSTOMER + "/cards"))
                .withQueryParam("count", equalTo("10"))
                .withQueryParam("offset", equalTo("0"))
                .withQueryParam("customer_id", equalTo("81ceb8582e2d8dbb7e71b7273b"))
                .withQueryParam("state", equalTo("1"))
                .withQueryParam("is_valid", equalTo("true"))
                .withQueryParam("card_number_list[]", havingExactly("200120000290", "200120000291")));
    }

    /** Every shape of date-time the vendor's examples print reads and writes back unchanged. */
    @ParameterizedTest
    @ValueSource(strings = {"2019-07-15 17:26:34", "2021-12-16 17:42:28.248955", "2022-09-14 07:39:08.99493",
            "2015-01-09 22:38:48.088", "2021-04-14 00:00:00"})
    void vendorDateTimeShapesRoundTrip(String text) {
        var gson = new JSON().getGson();
        LocalDateTime value = gson.fromJson("\"" + text + "\"", LocalDateTime.class);
        assertThat(gson.toJson(value)).isEqualTo("\"" + text + "\"");
    }

    @Test
    void sendPurchaseWritesExactAmountsAndLeavesUnsetFieldsOut() throws IOException {
        wm.stubFor(post(ENTERPRISE + "/purchases/actions/send-purchase")
                .willReturn(json(201, "{\"data\":{\"purchase_id\":\"8f2c55b0e1a3d4c5b6a7980112\"}}")));

        PostPurchaseSendRequest body = new PostPurchaseSendRequest()
                .storeId("86e05affc7a7abefcd513ab400").cashdeskNumber(3).cardNumber("1000000000016")
                .bill(new FinalBill().billId("BILL-1").purchaseTypeId("8370b7b17691a4d4cf8ad35722")
                        .canceled(false).paymentType(FinalBill.PaymentTypeEnum.S)
                        .paymentTime(LocalDateTime.of(2025, 3, 3, 9, 15)).currencyId("86e05affc7a7abefcd513ab400")
                        .totalPrice(new BigDecimal("0.30"))
                        .addBillItemsItem(new BillItem().billItemId("BILL-1-1").pluName("Espresso")
                                .addPluIdsItem(new PluId().listCode("EAN").code("8590000000001"))
                                .vatRate(new BigDecimal("21")).quantity(BigDecimal.ONE)
                                .price(new BigDecimal("0.1")).paidAmount(new BigDecimal("0.10"))
                                .loyaltyOff(false).purchaseItemTypeId("8a1b2c3d4e5f60718293a4b5c6"))
                        .paymentRecap(new PaymentRecap().addVouchersItem(new PaymentVoucher().code("POS-10"))));
        Response<PostPurchaseSendResponse> response =
                enterprise.create(PurchasesApi.class).postPurchaseSend(body, null).execute();

        assertThat(response.code()).isEqualTo(201);
        assertThat(response.body().getData().getPurchaseId()).isEqualTo("8f2c55b0e1a3d4c5b6a7980112");
        // money as decimal text, never through a binary float; nothing unset is sent
        wm.verify(postRequestedFor(urlEqualTo(ENTERPRISE + "/purchases/actions/send-purchase"))
                .withRequestBody(equalToJson("""
                        {"store_id": "86e05affc7a7abefcd513ab400", "cashdesk_number": 3, "card_number": "1000000000016",
                         "bill": {"bill_id": "BILL-1", "purchase_type_id": "8370b7b17691a4d4cf8ad35722",
                          "canceled": false, "payment_type": "S", "payment_time": "2025-03-03 09:15:00",
                          "currency_id": "86e05affc7a7abefcd513ab400", "total_price": 0.30,
                          "bill_items": [{"bill_item_id": "BILL-1-1", "plu_name": "Espresso",
                            "plu_ids": [{"list_code": "EAN", "code": "8590000000001"}], "vat_rate": 21,
                            "quantity": 1, "price": 0.1, "paid_amount": 0.10, "loyalty_off": false,
                            "purchase_item_type_id": "8a1b2c3d4e5f60718293a4b5c6"}],
                          "payment_recap": {"vouchers": [{"code": "POS-10"}]}}}
                        """, false, false)));
        String sent = wm.getAllServeEvents().get(0).getRequest().getBodyAsString();
        assertThat(sent).contains("\"total_price\":0.30", "\"paid_amount\":0.10");
    }

    @Test
    void pointBalancesReadAsExactDecimals() throws IOException {
        wm.stubFor(get(urlPathEqualTo(ENTERPRISE + "/wallet/actions/points-overview")).willReturn(json(200, """
                {"data": {"earned_points": 0.3, "redeemed_points": 0.1, "available_points": 0.2}}
                """)));

        var data = enterprise.create(WalletApi.class)
                .getWalletPoints("8ea6abece4cd0a4ded0a29f093", null, null, null).execute().body().getData();

        assertThat(data.getEarnedPoints().subtract(data.getRedeemedPoints())).isEqualTo(data.getAvailablePoints());
        wm.verify(getRequestedFor(urlPathEqualTo(ENTERPRISE + "/wallet/actions/points-overview"))
                .withQueryParam("customer_id", equalTo("8ea6abece4cd0a4ded0a29f093")));
    }

    @Test
    void errorBodiesParseIntoTheErrorSchema() throws IOException {
        wm.stubFor(get(ENTERPRISE + "/customers/8ea6abece4cd0a4ded0a29f093").willReturn(json(400, """
                {"error": {"type": "validation_exception", "exception": "validation_exception",
                  "title": "Bad request", "detail": "Invalid parameters",
                  "error_data": {"invalid_params": [
                    {"name": "email", "reason": "invalid_value_format", "value": "john@", "message": "Invalid email"},
                    {"name": ["a", "b"], "reason": "some_new_reason", "value": null, "message": "Other"}]}}}
                """)));
        wm.stubFor(post(ENTERPRISE + "/tokens").willReturn(json(403, """
                {"error": {"type": "interface_not_allowed_exception",
                  "title": "Enterprise interface is not allowed for this resource",
                  "detail": "Resource name \\"tokens\\" is not allowed in Enterprise interface",
                  "error_data": {"invalid_resource_name": "tokens", "interface": "Enterprise"}}}
                """)));

        Response<?> bad = enterprise.create(CustomersApi.class)
                .getCustomer("8ea6abece4cd0a4ded0a29f093", null, null).execute();
        ErrorResponse badError = parseError(bad);
        assertThat(bad.code()).isEqualTo(400);
        List<InvalidParam> params = badError.getError().getErrorData().getInvalidParams();
        assertThat(params).hasSize(2);
        assertThat(params.get(0).getName()).isEqualTo("email");
        assertThat(params.get(0).getReason()).isEqualTo("invalid_value_format");
        assertThat(params.get(0).getValue()).isEqualTo("john@");
        // an operation-specific reason, and a non-string name, must not break parsing
        assertThat(params.get(1).getName()).isEqualTo(List.of("a", "b"));
        assertThat(params.get(1).getReason()).isEqualTo("some_new_reason");

        Response<?> forbidden = enterprise.create(TokensApi.class)
                .postToken(new PostTokenRequest(), null).execute();
        ErrorResponse forbiddenError = parseError(forbidden);
        assertThat(forbidden.code()).isEqualTo(403);
        assertThat(forbiddenError.getError().getType()).isEqualTo("interface_not_allowed_exception");
        assertThat(forbiddenError.getError().getErrorData().getInvalidResourceName()).isEqualTo("tokens");
        assertThat(forbiddenError.getError().getErrorData().getInterface()).isEqualTo("Enterprise");
    }

    private static ErrorResponse parseError(Response<?> response) throws IOException {
        assertThat(response.isSuccessful()).isFalse();
        return new JSON().getGson().fromJson(response.errorBody().string(), ErrorResponse.class);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body);
    }

    private static String seed(String name) {
        try (InputStream in = RoundTripTest.class.getResourceAsStream("/seed/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource seed/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
