package dev.b2bsdk.generated.intouch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.b2bsdk.generated.intouch.api.AboutApi;
import dev.b2bsdk.generated.intouch.api.CodeListsApi;
import dev.b2bsdk.generated.intouch.api.CommentsApi;
import dev.b2bsdk.generated.intouch.api.CommunicationsApi;
import dev.b2bsdk.generated.intouch.api.FilesApi;
import dev.b2bsdk.generated.intouch.api.ProductsApi;
import dev.b2bsdk.generated.intouch.api.StoresApi;
import dev.b2bsdk.generated.intouch.api.OpportunitiesApi;
import dev.b2bsdk.generated.intouch.api.PartiesApi;
import dev.b2bsdk.generated.intouch.invoker.JSON;
import dev.b2bsdk.generated.intouch.model.About;
import dev.b2bsdk.generated.intouch.model.CodeList;
import dev.b2bsdk.generated.intouch.model.Comm;
import dev.b2bsdk.generated.intouch.model.CommPage;
import dev.b2bsdk.generated.intouch.model.CommentPage;
import dev.b2bsdk.generated.intouch.model.CommentInput;
import dev.b2bsdk.generated.intouch.model.ErrorResponse;
import dev.b2bsdk.generated.intouch.model.FileRecord;
import dev.b2bsdk.generated.intouch.model.Membership;
import dev.b2bsdk.generated.intouch.model.Product;
import dev.b2bsdk.generated.intouch.model.ProductInput;
import dev.b2bsdk.generated.intouch.model.Store;
import dev.b2bsdk.generated.intouch.model.Opportunity;
import dev.b2bsdk.generated.intouch.model.PageInfo;
import dev.b2bsdk.generated.intouch.model.Party;
import dev.b2bsdk.generated.intouch.model.PartyInput;
import dev.b2bsdk.generated.intouch.model.PartyPage;
import dev.b2bsdk.generated.intouch.model.PartyType;
import dev.b2bsdk.generated.intouch.model.ProblemLevel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;
import retrofit2.converter.scalars.ScalarsConverterFactory;

/**
 * Round trip of the generated InTouch CRM client against WireMock serving the vendor's own
 * payloads: the seed's paging envelope and error body ({@code seed/}), and the examples of the
 * vendor's other pages ({@code docs/}). Checks what reaches the wire (method, path, query, body)
 * and what comes back as Java values, dates included.
 */
class RoundTripTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final Gson gson = new JSON().getGson();
    private Retrofit retrofit;

    @BeforeEach
    void setUp() {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(5))
                .writeTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(10))
                .build();
        retrofit = new Retrofit.Builder()
                .baseUrl(wm.baseUrl() + "/")
                .client(http)
                .addConverterFactory(ScalarsConverterFactory.create())
                .addConverterFactory(GsonConverterFactory.create(gson))
                .build();
    }

    @Test
    void listPartiesSendsPagingQueryAndReadsSeedEnvelope() throws IOException {
        wm.stubFor(get(urlPathEqualTo("/parties")).willReturn(json(200, "seed/party-page.json")));

        Response<PartyPage> response = retrofit.create(PartiesApi.class)
                .listParties(60, 20, "modified", false).execute();

        assertThat(response.code()).isEqualTo(200);
        PartyPage page = response.body();
        // the envelope fields come from the shared parent, so one adapter can page every list
        assertThat(page).isInstanceOf(PageInfo.class);
        assertThat(page.getTotal()).isEqualTo(360L);
        assertThat(page.getPosition()).isEqualTo(60);
        assertThat(page.getSize()).isEqualTo(20);
        assertThat(page.getOrderBy()).isEqualTo("modified");
        assertThat(page.getDesc()).isFalse();
        assertThat(page.getItems()).hasSize(2);

        Party karel = page.getItems().get(0);
        assertThat(karel.getId()).isEqualTo(370L);
        assertThat(karel.getType()).isEqualTo(PartyType.INDIVIDUAL);
        assertThat(karel.getFirstname()).isEqualTo("Karel");
        assertThat(karel.getSurname()).isEqualTo("Novotný");
        assertThat(karel.getZip()).isEqualTo("602 00");
        assertThat(karel.getCountry()).isEqualTo("CZ");
        assertThat(karel.getCategories()).isEqualTo("c1,c7");
        assertThat(karel.getBirthday()).isEqualTo(LocalDate.of(1978, 5, 14));
        assertThat(karel.getEntered()).isEqualTo(LocalDateTime.of(2019, 2, 11, 10, 24, 5));
        assertThat(karel.getEnteredBy()).isEqualTo("gregor");
        assertThat(karel.getModified()).isEqualTo(LocalDateTime.of(2024, 3, 18, 14, 2, 37));
        assertThat(karel.getModifiedBy()).isEqualTo("api");

        Party branch = page.getItems().get(1);
        assertThat(branch.getType()).isEqualTo(PartyType.BRANCH);
        assertThat(branch.getCompany()).isEqualTo("Dobrý nápoj s.r.o. – provozovna Ostrava");
        assertThat(branch.getBirthday()).isNull();
        assertThat(branch.getModified()).isEqualTo(LocalDateTime.of(2024, 3, 18, 15, 47, 59));

        wm.verify(getRequestedFor(urlPathEqualTo("/parties"))
                .withQueryParam("position", equalTo("60"))
                .withQueryParam("size", equalTo("20"))
                .withQueryParam("orderBy", equalTo("modified"))
                .withQueryParam("desc", equalTo("false")));
    }

    @Test
    void getAboutReadsVersionAndTimeZone() throws IOException {
        wm.stubFor(get(urlEqualTo("/about")).willReturn(json(200, "docs/about.json")));

        About about = retrofit.create(AboutApi.class).getAbout().execute().body();

        assertThat(about.getCrmId()).isEqualTo("ANNECA");
        assertThat(about.getMode()).isEqualTo(100);
        assertThat(about.getPartyId()).isEqualTo(2L);
        assertThat(about.getName()).isEqualTo("Dobrý nápoj s.r.o.");
        assertThat(about.getTimeZone()).isEqualTo("Europe/Prague");
        assertThat(about.getUrl()).isEqualTo("https://crm.dobrynapoj.cz");
        assertThat(about.getVersion()).containsExactly(6, 3, 0, 0);
        wm.verify(getRequestedFor(urlEqualTo("/about")));
    }

    @Test
    void createPartySendsNoIdAndExposesLocationOfCreatedRecord() throws IOException {
        String location = "https://crm.mycompany.cz/api/parties/2412";
        wm.stubFor(post(urlEqualTo("/parties")).willReturn(json(201, "docs/party-created.json")
                .withHeader("Location", location)));

        PartyInput input = new PartyInput()
                .type(PartyType.INDIVIDUAL)
                .firstname("Jan")
                .surname("Dvořák")
                .email("jan.dvorak@email.cz")
                .city("Olomouc")
                .country("CZ")
                .birthday(LocalDate.of(1985, 11, 2));
        Response<Party> response = retrofit.create(PartiesApi.class).createParty(input).execute();

        assertThat(response.code()).isEqualTo(201);
        assertThat(response.headers().get("Location")).isEqualTo(location);
        Party stored = response.body();
        assertThat(stored.getId()).isEqualTo(2412L);
        assertThat(stored.getSurname()).isEqualTo("Dvořák");
        assertThat(stored.getEntered()).isEqualTo(LocalDateTime.of(2024, 12, 5, 10, 15, 30));

        wm.verify(postRequestedFor(urlEqualTo("/parties"))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("""
                        {"type": "INDIVIDUAL", "firstname": "Jan", "surname": "Dvořák",
                         "email": "jan.dvorak@email.cz", "city": "Olomouc", "country": "CZ",
                         "birthday": "1985-11-02"}""")));
        assertThat(onlyBody("POST", "/parties").has("id")).isFalse();
    }

    @Test
    void patchPartySendsOnlyTheChangedField() throws IOException {
        wm.stubFor(patch(urlEqualTo("/parties/370")).willReturn(json(200, "docs/party-created.json")));

        Response<Party> response = retrofit.create(PartiesApi.class)
                .patchParty(370L, new PartyInput().email("karel.novotny@dobrynapoj.cz")).execute();

        assertThat(response.code()).isEqualTo(200);
        // equalToJson is strict about extra members: any null field serialised would fail here
        wm.verify(patchRequestedFor(urlEqualTo("/parties/370"))
                .withRequestBody(equalToJson("{\"email\": \"karel.novotny@dobrynapoj.cz\"}")));
        assertThat(onlyBody("PATCH", "/parties/370").keySet()).containsExactly("email");
    }

    @Test
    void updatePartyWithFetchedRecordSendsBackEverythingItRead() throws IOException {
        // a Party is a PartyInput: get, change, put back. The record is written whole (issue 13:
        // a full replace must not drop what the server sent), id and audit fields included
        Party fetched = gson.fromJson(resource("docs/party-created.json"), Party.class);
        fetched.phone("+420 777 000 111");
        wm.stubFor(put(urlEqualTo("/parties/2412")).willReturn(json(200, "docs/party-created.json")));

        Response<Party> response = retrofit.create(PartiesApi.class).updateParty(2412L, fetched).execute();

        assertThat(response.code()).isEqualTo(200);
        wm.verify(putRequestedFor(urlEqualTo("/parties/2412")));
        JsonObject sent = onlyBody("PUT", "/parties/2412");
        JsonObject read = JsonParser.parseString(resource("docs/party-created.json")).getAsJsonObject();
        read.addProperty("phone", "+420 777 000 111");
        assertThat(sent).isEqualTo(read);
        assertThat(sent.get("phone").getAsString()).isEqualTo("+420 777 000 111");
        assertThat(sent.get("surname").getAsString()).isEqualTo("Dvořák");
        assertThat(sent.get("birthday").getAsString()).isEqualTo("1985-11-02");
    }

    @Test
    void errorBodyOfSeedParsesIntoErrorResponse() throws IOException {
        wm.stubFor(get(urlEqualTo("/parties/999")).willReturn(json(404, "seed/error-404.json")));

        Response<Party> response = retrofit.create(PartiesApi.class).getParty(999L).execute();

        assertThat(response.isSuccessful()).isFalse();
        assertThat(response.code()).isEqualTo(404);
        ErrorResponse error = gson.fromJson(response.errorBody().string(), ErrorResponse.class);
        assertThat(error.getOk()).isFalse();
        assertThat(error.getStatus()).isEqualTo(404);
        assertThat(error.getProblems()).hasSize(1);
        assertThat(error.getProblems().get(0).getLevel()).isEqualTo(ProblemLevel.SEVERE);
        assertThat(error.getProblems().get(0).getField()).isEqualTo("surname");
        assertThat(error.getProblems().get(0).getMessage()).isEqualTo("This is not human name");
    }

    @Test
    void unknownPartyTypeDoesNotBreakParsing() {
        Party party = gson.fromJson("{\"id\": 5, \"type\": \"SUPPLIER\"}", Party.class);

        assertThat(party.getType()).hasToString("SUPPLIER");
        assertThat(party.getType().isKnown()).isFalse();
        assertThat(gson.toJson(party)).contains("\"type\":\"SUPPLIER\"");
    }

    @Test
    void everyVendorPartyTypeIsAKnownConstant() {
        List<String> vendor = List.of("ORGANIZATION", "INDIVIDUAL", "FREELANCER", "BRANCH", "JOB",
                "DEPARTMENT", "ROBOT", "FAMILY", "GROUP", "ANONYMOUS");
        for (String type : vendor) {
            Party party = gson.fromJson("{\"id\": 5, \"type\": \"" + type + "\"}", Party.class);
            assertThat(party.getType().isKnown()).as(type).isTrue();
            assertThat(gson.toJsonTree(party).getAsJsonObject().get("type").getAsString()).isEqualTo(type);
        }
    }

    @Test
    void listMembersReadsTheVendorExample() throws IOException {
        wm.stubFor(get(urlPathEqualTo("/members")).willReturn(json(200, "docs/members-page.json")));

        Membership link = retrofit.create(PartiesApi.class).listMembers(0, 20, null, null).execute().body()
                .getItems().get(0);

        assertThat(link.getOrg()).isEqualTo(370L);
        assertThat(link.getMember()).isEqualTo(1050L);
        assertThat(link.getPriority()).isEqualTo(1);
        assertThat(link.getForContact()).isFalse();
        assertThat(link.getEnterDate()).isNull();
    }

    @Test
    void storesCarrySubjectAndStreetAndProductsTheirCustomer() throws IOException {
        wm.stubFor(get(urlPathEqualTo("/stores")).willReturn(json(200, "docs/store-page.json")));
        wm.stubFor(get(urlPathEqualTo("/products")).willReturn(json(200, "docs/product-page.json")));

        Store store = retrofit.create(StoresApi.class).listStores(null, null, null, null).execute().body()
                .getItems().get(0);
        assertThat(store.getId()).isEqualTo(2L);
        assertThat(store.getSubject()).isEqualTo("Výdejní sklad Praha");
        assertThat(store.getStreet()).isEqualTo("Pražská 8");

        Product product = retrofit.create(ProductsApi.class).listProducts(null, null, null, null).execute().body()
                .getItems().get(0);
        assertThat(product.getCustomer()).isEqualTo(2168L);
        assertThat(product.getName()).isEqualTo("Bio chleba");
        assertThat(product.getAction()).isTrue();
    }

    @Test
    void createProductPostsToProductsAndReadsTheLocation() throws IOException {
        wm.stubFor(post(urlEqualTo("/products")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withHeader("Location", "https://crm.mycompany.cz/api/products/371")
                .withBody("{\"id\": 371, \"customer\": 2168, \"name\": \"Bio rohlík\", \"action\": false}")));

        Response<Product> created = retrofit.create(ProductsApi.class)
                .createProduct(new ProductInput().customer(2168L).name("Bio rohlík").action(false)).execute();

        assertThat(created.code()).isEqualTo(201);
        assertThat(created.headers().get("Location")).endsWith("/products/371");
        assertThat(created.body().getId()).isEqualTo(371L);
        wm.verify(postRequestedFor(urlEqualTo("/products"))
                .withRequestBody(equalToJson("{\"customer\": 2168, \"name\": \"Bio rohlík\", \"action\": false}")));
    }

    @Test
    void notesHangUnderOtherRecordsThanParties() throws IOException {
        wm.stubFor(post(urlEqualTo("/opportunities/1602/comments")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withHeader("Location", "https://crm.mycompany.cz/api/comments/371")
                .withBody("{\"id\": 371, \"comment\": \"Nabídka do pátku.\", \"html\": false}")));

        Response<?> created = retrofit.create(CommentsApi.class)
                .createOpportunityComment(1602L, new CommentInput().comment("Nabídka do pátku.").html(false)).execute();

        assertThat(created.code()).isEqualTo(201);
        wm.verify(postRequestedFor(urlEqualTo("/opportunities/1602/comments"))
                .withRequestBody(equalToJson("{\"comment\": \"Nabídka do pátku.\", \"html\": false}")));
    }

    @Test
    void aFileBodyComesBase64EncodedOnlyWhenAskedFor() throws IOException {
        wm.stubFor(get(urlPathEqualTo("/parties/241/files/5201")).willReturn(json(200, "docs/file-with-data.json")));
        wm.stubFor(get(urlPathEqualTo("/files/5202")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\": false, \"status\": 403, \"problems\": [{\"level\": \"SEVERE\","
                        + " \"message\": \"Access denied\"}]}")));
        FilesApi files = retrofit.create(FilesApi.class);

        FileRecord file = files.getPartyFile(241L, "5201", true).execute().body();
        assertThat(file.getId()).isEqualTo("5201");
        assertThat(file.getData()).isEqualTo("JVBERi0=");
        assertThat(new String(Base64.getDecoder().decode(file.getData()), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(file.getModified()).isEqualTo(LocalDateTime.of(2024, 11, 25, 16, 30, 2));
        wm.verify(getRequestedFor(urlEqualTo("/parties/241/files/5201?data=true")));

        Response<FileRecord> denied = files.getFile("5202", null).execute();
        assertThat(denied.code()).isEqualTo(403);
        assertThat(gson.fromJson(denied.errorBody().string(), ErrorResponse.class).getStatus()).isEqualTo(403);
        wm.verify(getRequestedFor(urlEqualTo("/files/5202")));
    }

    @Test
    void listCommsReadsPlannedAndDoneCommunications() throws IOException {
        wm.stubFor(get(urlPathEqualTo("/comm")).willReturn(json(200, "docs/comm-page.json")));

        CommPage page = retrofit.create(CommunicationsApi.class)
                .listComms(0, 20, "modified", true).execute().body();

        assertThat(page.getTotal()).isEqualTo(2L);
        assertThat(page.getDesc()).isTrue();
        Comm planned = page.getItems().get(0);
        assertThat(planned.getContacted()).as("null = still planned").isNull();
        assertThat(planned.getContactedTime()).isNull();
        assertThat(planned.getPlanContact()).isEqualTo(LocalDate.of(2024, 12, 24));
        Comm done = page.getItems().get(1);
        assertThat(done.getContacted()).isEqualTo(LocalDate.of(2024, 11, 28));
        assertThat(done.getContactedTime()).isEqualTo(LocalTime.of(14, 5, 0));
        assertThat(done.getCallDuration()).isEqualTo(312);
        assertThat(done.getOpportunity()).isEqualTo(1602L);
        assertThat(done.getModified()).isEqualTo(LocalDateTime.of(2024, 11, 28, 14, 11, 47));
        wm.verify(getRequestedFor(urlPathEqualTo("/comm"))
                .withQueryParam("orderBy", equalTo("modified"))
                .withQueryParam("desc", equalTo("true")));
    }

    @Test
    void getOpportunityReadsDecimalAmountAndCloseDate() throws IOException {
        wm.stubFor(get(urlEqualTo("/opportunities/370")).willReturn(json(200, "docs/opportunity.json")));

        Opportunity opportunity = retrofit.create(OpportunitiesApi.class).getOpportunity(370L).execute().body();

        assertThat(opportunity.getAmount()).isEqualByComparingTo(new BigDecimal("245000.00"));
        assertThat(opportunity.getCurrency()).isEqualTo("CZK");
        assertThat(opportunity.getProbability()).isEqualTo(60);
        assertThat(opportunity.getStage()).isEqualTo("apro");
        assertThat(opportunity.getCloseDate()).isEqualTo(LocalDate.of(2025, 1, 31));
        assertThat(opportunity.getCustomer()).isEqualTo(2168L);
    }

    @Test
    void listCommentsSendsSourceFilters() throws IOException {
        wm.stubFor(get(urlPathEqualTo("/comments")).willReturn(json(200, "docs/comment-page.json")));

        CommentPage page = retrofit.create(CommentsApi.class)
                .listComments(null, null, null, null, 1, "241").execute().body();

        assertThat(page.getItems()).hasSize(1);
        assertThat(page.getItems().get(0).getComment()).isEqualTo("Je to totální <b>borec</b>. To se musí nechat.");
        assertThat(page.getItems().get(0).getHtml()).isTrue();
        assertThat(page.getItems().get(0).getEntered()).isEqualTo(LocalDateTime.of(2024, 6, 12, 17, 3, 44));
        // unset paging parameters stay off the URL: the server applies its own defaults
        wm.verify(getRequestedFor(urlEqualTo("/comments?srcType=1&srcId=241")));
    }

    @Test
    void getCodeListReadsItems() throws IOException {
        wm.stubFor(get(urlEqualTo("/lists/_enf")).willReturn(json(200, "docs/code-list.json")));

        CodeList list = retrofit.create(CodeListsApi.class).getCodeList("_enf").execute().body();

        assertThat(list.getId()).isEqualTo("_enf");
        assertThat(list.getName()).isEqualTo("Kontakt: Původ");
        assertThat(list.getLocked()).isFalse();
        assertThat(list.getItems()).extracting(i -> i.getValue()).containsExactly("bcca", "impr");
        assertThat(list.getItems().get(0).getName()).isEqualTo("Vizitka");
    }

    private static ResponseDefinitionBuilder json(int status, String resource) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(resource(resource));
    }

    /** The JSON body of the single request WireMock received for this method and URL. */
    private static JsonObject onlyBody(String method, String url) {
        List<LoggedRequest> requests = wm.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .filter(r -> r.getMethod().getName().equals(method) && r.getUrl().equals(url))
                .toList();
        assertThat(requests).hasSize(1);
        return JsonParser.parseString(requests.get(0).getBodyAsString()).getAsJsonObject();
    }

    private static String resource(String name) {
        try (InputStream in = RoundTripTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
