package dev.b2bsdk.generated.shopapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.b2bsdk.generated.shopapp.api.AuthenticationApi;
import dev.b2bsdk.generated.shopapp.api.CatalogueApi;
import dev.b2bsdk.generated.shopapp.api.InterfacePrestationsApi;
import dev.b2bsdk.generated.shopapp.api.InterfacesApi;
import dev.b2bsdk.generated.shopapp.invoker.JSON;
import dev.b2bsdk.generated.shopapp.model.AddedPrestation;
import dev.b2bsdk.generated.shopapp.model.CancelledPrestation;
import dev.b2bsdk.generated.shopapp.model.ClientContact;
import dev.b2bsdk.generated.shopapp.model.DeletionResponse;
import dev.b2bsdk.generated.shopapp.model.ErrorResponse;
import dev.b2bsdk.generated.shopapp.model.InterfaceDetails;
import dev.b2bsdk.generated.shopapp.model.InterfacePrestation;
import dev.b2bsdk.generated.shopapp.model.InterfaceStatus;
import dev.b2bsdk.generated.shopapp.model.NewInterfaceRequest;
import dev.b2bsdk.generated.shopapp.model.NewInterfaceResponse;
import dev.b2bsdk.generated.shopapp.model.Prestation;
import dev.b2bsdk.generated.shopapp.model.ReactivationResponse;
import dev.b2bsdk.generated.shopapp.model.TokenResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;
import retrofit2.converter.scalars.ScalarsConverterFactory;

/**
 * The generated Shop Application client against WireMock serving the vendor documentation's
 * own sample payloads ({@code src/test/resources/seed}): proves the spec's names, types, paths and
 * dates match what the API really sends.
 */
class RoundTripTest {

  private static final String KEY = "e831c78b-a576-4aad-8d5f-d594b0ccadbe";
  private static final UUID CLE_INTERFACE = UUID.fromString(KEY);

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final JSON json = new JSON();
  private AuthenticationApi authentication;
  private InterfacesApi interfaces;
  private InterfacePrestationsApi interfacePrestations;
  private CatalogueApi catalogue;

  @BeforeEach
  void setUp() {
    OkHttpClient http = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(5))
        .callTimeout(Duration.ofSeconds(10))
        .build();
    Retrofit retrofit = new Retrofit.Builder()
        .baseUrl(wm.baseUrl() + "/")
        .client(http)
        .addConverterFactory(ScalarsConverterFactory.create())
        .addConverterFactory(GsonConverterFactory.create(json.getGson()))
        .build();
    authentication = retrofit.create(AuthenticationApi.class);
    interfaces = retrofit.create(InterfacesApi.class);
    interfacePrestations = retrofit.create(InterfacePrestationsApi.class);
    catalogue = retrofit.create(CatalogueApi.class);
  }

  // ------------------------------------------------------------------ Authentication

  @Test
  void tokenIsRequestedWithGetAndCredentialsInTheQuery() throws IOException {
    wm.stubFor(get(urlPathEqualTo("/token")).willReturn(okJson(seed("token.json"))));

    TokenResponse token = body(authentication.getToken("shopapp-partner-4471", "s3cr3t-Xq81vLm2").execute());

    assertThat(token.getAccessToken())
        .startsWith("eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.")
        .endsWith(".KfT9NHP_85k756Wt8Yt99QdUl5kdlPHB-zyk2GGJpsw");
    assertThat(token.getTokenType()).isEqualTo("bearer");
    assertThat(token.getExpiresIn()).isEqualTo(3600);
    // The vendor's design: credentials travel as query parameters of a GET, with no body.
    wm.verify(getRequestedFor(urlPathEqualTo("/token"))
        .withQueryParam("client_id", equalTo("shopapp-partner-4471"))
        .withQueryParam("client_secret", equalTo("s3cr3t-Xq81vLm2"))
        .withHeader("Authorization", absent()));
  }

  // ------------------------------------------------------------------ Interfaces

  @Test
  void listInterfacesReadsTheKeysAsUuids() throws IOException {
    wm.stubFor(get(urlEqualTo("/interfaces")).willReturn(okJson(seed("interfaces.json"))));

    List<UUID> keys = body(interfaces.listInterfaces().execute());

    assertThat(keys).hasSize(5).first().isEqualTo(CLE_INTERFACE);
    assertThat(keys.get(4)).isEqualTo(UUID.fromString("8bc3398b-6ff1-4182-b3c2-4165812314e9"));
    wm.verify(getRequestedFor(urlEqualTo("/interfaces")));
  }

  @Test
  void getInterfaceReadsDatesStatusAndEscapedUrls() throws IOException {
    // The seed's sample ends with a stray "}" (an extra closing brace after the object, which
    // makes it invalid JSON); seed/interface.json drops it: the real body is a flat object.
    wm.stubFor(get(urlEqualTo("/interfaces/" + KEY)).willReturn(okJson(seed("interface.json"))));

    InterfaceDetails details = body(interfaces.getInterface(CLE_INTERFACE).execute());

    assertThat(details.getDateCreation()).isEqualTo(LocalDateTime.of(2017, 11, 10, 10, 4, 10));
    assertThat(details.getStatut()).isEqualTo(InterfaceStatus.ACTIVE);
    assertThat(details.getStatut().getValue()).isEqualTo(1);
    // The vendor escapes slashes ("http:\/\/..."): JSON decoding must undo it.
    assertThat(details.getUrl()).isEqualTo("http://nomdusite.com");
    assertThat(details.getUrlAdministration()).isEqualTo("http://nomdusite.com/superadmin/");
    assertThat(details.getUrlFormulaire()).isNull();
    assertThat(details.getDateSuppression()).isNull();
  }

  @Test
  void unknownStatusIsKeptAndWrittenBack() {
    InterfaceDetails details = json.getGson().fromJson("{\"statut\": 7}", InterfaceDetails.class);

    assertThat(details.getStatut().getValue()).isEqualTo(7);
    assertThat(details.getStatut().isKnown()).isFalse();
    assertThat(json.getGson().toJson(details)).isEqualTo("{\"statut\":7}");
  }

  @Test
  void createInterfaceSendsTheFrenchFieldNames() throws IOException {
    wm.stubFor(post(urlEqualTo("/interfaces")).willReturn(okJson(seed("create-interface.json"))));
    NewInterfaceRequest order = new NewInterfaceRequest()
        .guid("CRM-2019-000482")
        .prestations(List.of("IN-BTQST-S", "IN-BTQZ-AMM"))
        .client(new ClientContact()
            .nom("Martin")
            .prenom("Claire")
            .societe("Les Jolies Choses SARL")
            .adresse("12 rue de la République")
            .codePostal("69002")
            .ville("Lyon")
            .pays("France")
            .telephone("04 78 42 17 35")
            .email("claire.martin@jolieschoses.fr")
            .rcs("RCS Lyon 812 345 678")
            .ape("4771Z"))
        .sousDomaine("jolieschoses");

    NewInterfaceResponse created = body(interfaces.createInterface(order).execute());

    assertThat(created.getSaKey()).isEqualTo(UUID.fromString("a4be38de-c03d-446f-94e7-b90784f35bc8"));
    wm.verify(postRequestedFor(urlEqualTo("/interfaces"))
        .withHeader("Content-Type", containing("application/json"))
        .withRequestBody(equalToJson("""
            {
              "guid": "CRM-2019-000482",
              "prestations": ["IN-BTQST-S", "IN-BTQZ-AMM"],
              "client": {
                "nom": "Martin",
                "prenom": "Claire",
                "societe": "Les Jolies Choses SARL",
                "adresse": "12 rue de la République",
                "code_postal": "69002",
                "ville": "Lyon",
                "pays": "France",
                "telephone": "04 78 42 17 35",
                "email": "claire.martin@jolieschoses.fr",
                "rcs": "RCS Lyon 812 345 678",
                "ape": "4771Z"
              },
              "sous_domaine": "jolieschoses"
            }""")));
  }

  @Test
  void deleteInterfaceReadsTheScheduledDeletionDate() throws IOException {
    wm.stubFor(delete(urlEqualTo("/interfaces/" + KEY)).willReturn(okJson(seed("delete-interface.json"))));

    DeletionResponse deletion = body(interfaces.deleteInterface(CLE_INTERFACE).execute());

    assertThat(deletion.getDateSuppression()).isEqualTo(LocalDateTime.of(2017, 11, 10, 10, 4, 10));
    wm.verify(deleteRequestedFor(urlEqualTo("/interfaces/" + KEY)));
  }

  @Test
  void reactivateInterfaceIsABodylessPostOnTheInterface() throws IOException {
    wm.stubFor(post(urlEqualTo("/interfaces/" + KEY)).willReturn(okJson(seed("reactivate-interface.json"))));

    ReactivationResponse reactivation = body(interfaces.reactivateInterface(CLE_INTERFACE).execute());

    assertThat(reactivation.getDateReactivation()).isEqualTo(LocalDateTime.of(2017, 11, 10, 10, 4, 10));
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/interfaces/" + KEY))))
        .singleElement()
        .satisfies(request -> assertThat(request.getBody()).isEmpty());
  }

  @Test
  void errorBodyParsesIntoTheErrorSchema() throws IOException {
    // No 404 in this API: an unknown route or key is a 400 with the error body.
    wm.stubFor(get(urlEqualTo("/interfaces/" + KEY))
        .willReturn(aResponse().withStatus(400)
            .withHeader("Content-Type", "application/json")
            .withBody(seed("error.json"))));

    Response<InterfaceDetails> response = interfaces.getInterface(CLE_INTERFACE).execute();

    assertThat(response.code()).isEqualTo(400);
    ErrorResponse error = json.getGson().fromJson(response.errorBody().string(), ErrorResponse.class);
    assertThat(error.getError()).isTrue();
    assertThat(error.getMessage()).isEqualTo("Morbi sed malesuada diam, vel condimentum libero.");
  }

  // ------------------------------------------------------------------ Interface prestations

  @Test
  void listInterfacePrestationsReadsTheCodes() throws IOException {
    wm.stubFor(get(urlEqualTo("/interfaces/" + KEY + "/prestations"))
        .willReturn(okJson(seed("interface-prestations.json"))));

    List<String> codes = body(interfacePrestations.listInterfacePrestations(CLE_INTERFACE).execute());

    assertThat(codes).containsExactly("IN-BTQST-S", "IN-BTQZ-AMM", "MO-ARTCRITERES-S");
  }

  @Test
  void interfacePrestationIsAnArrayAndItsEmptyCancellationDateReadsAsNull() throws IOException {
    wm.stubFor(get(urlEqualTo("/interfaces/" + KEY + "/prestations/IN-CAISSE-S"))
        .willReturn(okJson(seed("interface-prestation.json"))));

    List<InterfacePrestation> occurrences =
        body(interfacePrestations.getInterfacePrestation(CLE_INTERFACE, "IN-CAISSE-S").execute());

    assertThat(occurrences).singleElement().satisfies(p -> {
      assertThat(p.getCode()).isEqualTo("IN-CAISSE-S");
      assertThat(p.getDateCreation()).isEqualTo(LocalDateTime.of(2018, 12, 19, 11, 44, 22));
      assertThat(p.getResilie()).isFalse();
      assertThat(p.getDateResiliation()).isNull(); // the vendor sends "" for "not cancelled"
      assertThat(p.getReferenceUnique()).isEqualTo("5c34c58c2121e");
      assertThat(p.getUrlFormulaire()).isNull();
    });
  }

  @Test
  void cancellationDateOfACancelledOccurrenceReadsAsALocalDateTime() {
    // The seed only shows the "" case; a real date must read with the same local-date-time adapter.
    InterfacePrestation cancelled = json.getGson().fromJson(
        "{\"resilie\": true, \"date_resiliation\": \"2019-01-31 23:59:59\"}", InterfacePrestation.class);

    assertThat(cancelled.getResilie()).isTrue();
    assertThat(cancelled.getDateResiliation()).isEqualTo(LocalDateTime.of(2019, 1, 31, 23, 59, 59));
  }

  @Test
  void addInterfacePrestationsSendsABareArrayOfCodes() throws IOException {
    wm.stubFor(post(urlEqualTo("/interfaces/" + KEY + "/prestations"))
        .willReturn(okJson(seed("add-interface-prestations.json"))));

    List<AddedPrestation> added = body(
        interfacePrestations.addInterfacePrestations(CLE_INTERFACE, List.of("MO-ARTCRITERES-S")).execute());

    assertThat(added).singleElement().satisfies(p -> {
      assertThat(p.getCode()).isEqualTo("MO-ARTCRITERES-S");
      assertThat(p.getReferenceUnique()).isEqualTo("5c34c58c2121e");
      assertThat(p.getUrlFormulaire()).isNull();
    });
    wm.verify(postRequestedFor(urlEqualTo("/interfaces/" + KEY + "/prestations"))
        .withRequestBody(equalToJson("[\"MO-ARTCRITERES-S\"]")));
  }

  @Test
  void deleteInterfacePrestationAcceptsAUniqueReferenceInPlaceOfTheCode() throws IOException {
    String path = "/interfaces/" + KEY + "/prestations/5c34c58c2121e";
    wm.stubFor(delete(urlEqualTo(path)).willReturn(okJson(seed("delete-interface-prestation.json"))));

    List<CancelledPrestation> cancelled =
        body(interfacePrestations.deleteInterfacePrestation(CLE_INTERFACE, "5c34c58c2121e").execute());

    assertThat(cancelled).singleElement().satisfies(p -> {
      assertThat(p.getCode()).isEqualTo("MO-ARTCRITERES-S");
      assertThat(p.getReferenceUnique()).isEqualTo("5c34c58c2121e");
    });
    wm.verify(deleteRequestedFor(urlEqualTo(path)));
  }

  // ------------------------------------------------------------------ Catalogue

  @Test
  void listPrestationsReadsTheCatalogueCodes() throws IOException {
    wm.stubFor(get(urlEqualTo("/prestations")).willReturn(okJson(seed("prestations.json"))));

    assertThat(body(catalogue.listPrestations().execute()))
        .containsExactly("IN-BTQST-S", "IN-BTQZ-AMM", "MO-ARTCRITERES-S");
  }

  @Test
  void getPrestationUsesTheSingularPathAndReadsPriceAsANumber() throws IOException {
    wm.stubFor(get(urlEqualTo("/prestation/IN-BTQST-S")).willReturn(okJson(seed("prestation.json"))));

    Prestation prestation = body(catalogue.getPrestation("IN-BTQST-S").execute());

    assertThat(prestation.getCode()).isEqualTo("IN-BTQST-S");
    assertThat(prestation.getNom()).isEqualTo("Vestibulum erat ante");
    assertThat(prestation.getDescriptifCourt()).startsWith("Curabitur arcu ex");
    assertThat(prestation.getDescriptifLong()).startsWith("Donec vestibulum").endsWith("metus sollicitudin.");
    assertThat(prestation.getPrix()).isEqualByComparingTo("490");
    assertThat(prestation.getPrestationsAssociees()).containsExactly("IN-BTQZ-AMM", "IN-BTQZ-AMA");
    wm.verify(getRequestedFor(urlEqualTo("/prestation/IN-BTQST-S")));
  }

  // ------------------------------------------------------------------ helpers

  private static <T> T body(Response<T> response) {
    assertThat(response.isSuccessful()).as("HTTP %s", response.code()).isTrue();
    assertThat(response.body()).isNotNull();
    return response.body();
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
