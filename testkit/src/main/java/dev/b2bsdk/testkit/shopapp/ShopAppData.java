package dev.b2bsdk.testkit.shopapp;

import static dev.b2bsdk.testkit.core.Json.obj;

import com.google.gson.JsonObject;
import dev.b2bsdk.testkit.core.FakeData;
import dev.b2bsdk.testkit.core.Json;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Shop Application data a mock serves: the catalogue and the interfaces (the seed's five keys
 * first, then generated ones) with their service occurrences. Mutable; guarded by the mock's lock.
 */
final class ShopAppData {

  static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  static final ZoneId ZONE = ZoneId.of("Europe/Paris");

  /** One occurrence of a service on an interface. */
  static final class Occurrence {
    final String code;
    final String created;
    final String reference;
    final String formUrl;
    String cancelled;

    Occurrence(String code, String created, String reference, String formUrl) {
      this.code = code;
      this.created = created;
      this.reference = reference;
      this.formUrl = formUrl;
    }

    JsonObject json() {
      JsonObject o = obj("code", code, "date_creation", created, "resilie", cancelled != null,
          "date_resiliation", cancelled == null ? "" : cancelled, "reference_unique", reference);
      if (formUrl != null) {
        o.addProperty("url_formulaire", formUrl);
      }
      return o;
    }
  }

  /** One interface (shop). */
  static final class Shop {
    final String key;
    final String guid;
    final String created;
    final String url;
    final String formUrl;
    final List<Occurrence> occurrences = new ArrayList<>();
    int statut;
    String deletion;
    int installingReadsLeft;

    Shop(String key, String guid, String created, int statut, String url, String formUrl) {
      this.key = key;
      this.guid = guid;
      this.created = created;
      this.statut = statut;
      this.url = url;
      this.formUrl = formUrl;
    }

    JsonObject details() {
      JsonObject o = obj("date_creation", created, "statut", statut);
      if (statut == 3) {
        if (formUrl != null) {
          o.addProperty("url_formulaire", formUrl);
        }
      } else if (url != null) {
        o.addProperty("url", url);
        o.addProperty("url_administration", url + "/superadmin/");
      }
      if (deletion != null) {
        o.addProperty("date_suppression", deletion);
      }
      return o;
    }
  }

  private record CatalogueEntry(String code, String name, String summary, String details,
      double price, List<String> associated) {
  }

  private static final List<CatalogueEntry> CATALOGUE = List.of(
      new CatalogueEntry("IN-BTQST-S", "Boutique en ligne — mise en service",
          "Installation et paramétrage de votre boutique en ligne.",
          "<p>Mise en service complète de la boutique : <strong>nom de domaine</strong>, thème, "
              + "import du catalogue et formation d'une heure.</p>",
          490, List.of("IN-BTQZ-AMM", "IN-BTQZ-AMA")),
      new CatalogueEntry("IN-BTQZ-AMM", "Abonnement boutique — mensuel",
          "Hébergement, maintenance et support de la boutique, facturés au mois.",
          "<p>Hébergement haute disponibilité, mises à jour et support par e-mail.</p>", 39.9,
          List.of()),
      new CatalogueEntry("MO-ARTCRITERES-S", "Module critères articles",
          "Filtres de recherche par critères sur les fiches articles.",
          "<p>Ajoute des <em>critères</em> (taille, couleur, matière) filtrables dans le "
              + "catalogue.</p>", 150, List.of()),
      new CatalogueEntry("IN-BTQZ-AMA", "Abonnement boutique — annuel",
          "Hébergement, maintenance et support de la boutique, facturés à l'année.",
          "<p>Deux mois offerts par rapport à l'abonnement mensuel.</p>", 399, List.of()),
      new CatalogueEntry("IN-CAISSE-S", "Caisse connectée — mise en service",
          "Installation de la caisse connectée synchronisée avec la boutique.",
          "<p>Paramétrage de la caisse, des moyens de paiement et de la synchronisation des "
              + "stocks.</p>", 290, List.of("IN-CAISSE-AMM")),
      new CatalogueEntry("IN-CAISSE-AMM", "Abonnement caisse — mensuel",
          "Licence et support de la caisse connectée, facturés au mois.",
          "<p>Licence d'un poste de caisse, mises à jour et assistance.</p>", 29.9, List.of()),
      new CatalogueEntry("MO-FIDELITE-S", "Module fidélité",
          "Cartes et points de fidélité partagés entre boutique et caisse.",
          "<p>Programme de fidélité : cumul de points, paliers et bons d'achat.</p>", 190,
          List.of()));

  final Map<String, JsonObject> catalogue = new LinkedHashMap<>();
  final Map<String, Shop> shops = new LinkedHashMap<>();
  final FakeData fake;
  private long referenceCounter;

  ShopAppData(long seed, int interfaceCount, int catalogueSize) {
    this.fake = new FakeData(seed);
    List<CatalogueEntry> entries = CATALOGUE.subList(0, Math.min(catalogueSize, CATALOGUE.size()));
    List<String> codes = entries.stream().map(CatalogueEntry::code).toList();
    for (CatalogueEntry e : entries) {
      catalogue.put(e.code(), obj("code", e.code(), "nom", e.name(), "descriptif_court",
          e.summary(), "descriptif_long", e.details(), "prix", e.price(),
          "prestations_associees", Json.arr(e.associated().stream().filter(codes::contains)
              .toList())));
    }
    seedShops(interfaceCount);
  }

  static String format(LocalDateTime time) {
    return DATE_TIME.format(time);
  }

  /** A PHP {@code uniqid()}-like reference: 8 hex digits of seconds, 5 of microseconds. */
  String reference(LocalDateTime at) {
    long seconds = at.atZone(ZONE).toEpochSecond();
    long micros = (at.getNano() / 1000 + referenceCounter++ * 7919) % 0x100000;
    return String.format("%08x%05x", seconds, micros);
  }

  private void seedShops(int count) {
    List<Shop> seeded = new ArrayList<>();
    Shop first = new Shop("e831c78b-a576-4aad-8d5f-d594b0ccadbe", "CRM-2017-000118",
        "2017-11-10 10:04:10", 1, "http://nomdusite.com", null);
    occurrence(first, "IN-BTQST-S", "2017-11-10 10:04:10");
    occurrence(first, "IN-BTQZ-AMM", "2017-11-10 10:04:10");
    first.occurrences.add(new Occurrence("MO-ARTCRITERES-S", "2019-01-08 16:47:08",
        "5c34c58c2121e", null));
    seeded.add(first);

    Shop second = new Shop("902dcbe4-04dd-4150-8436-2757fd53ce51", "CRM-2018-000342",
        "2018-12-19 11:44:22", 1, "https://www.atelier-moreau.fr", null);
    occurrence(second, "IN-CAISSE-S", "2018-12-19 11:44:22");
    occurrence(second, "IN-CAISSE-AMM", "2018-12-19 11:44:22");
    seeded.add(second);

    Shop third = new Shop("87267e0f-d56e-4ade-abee-00a13e9675cd", "CRM-2018-000057",
        "2018-02-21 16:30:05", 2, "http://boutique-lesjolieschoses.fr", null);
    third.deletion = "2019-06-02 14:18:40";
    occurrence(third, "IN-BTQST-S", "2018-02-21 16:30:05");
    occurrence(third, "IN-BTQZ-AMA", "2018-02-21 16:30:05");
    seeded.add(third);

    Shop fourth = new Shop("8a0aeaec-c851-499c-928c-f6253ceeeb9d", "CRM-2019-000482",
        "2019-03-04 09:12:47", 3, null,
        "https://formulaire.shop-application.com/projet/5c7cdd0f8a3b1");
    fourth.occurrences.add(new Occurrence("IN-BTQST-S", "2019-03-04 09:12:47", "5c7cdd0f8a3b1",
        "https://formulaire.shop-application.com/projet/5c7cdd0f8a3b1"));
    occurrence(fourth, "IN-BTQZ-AMM", "2019-03-04 09:12:47");
    seeded.add(fourth);

    for (int i = seeded.size(); i < count; i++) {
      String key = i == 4 ? "8bc3398b-6ff1-4182-b3c2-4165812314e9" : fake.uuid().toString();
      String company = fake.frenchCompany();
      LocalDateTime created = fake.dateBetween(java.time.LocalDate.of(2017, 1, 1),
          java.time.LocalDate.of(2024, 12, 31)).atTime(fake.between(8, 18), fake.between(0, 59),
          fake.between(0, 59));
      Shop shop = new Shop(key, "CRM-" + created.getYear() + "-" + fake.digits(6),
          format(created), 1, "https://www." + FakeData.ascii(company).replace('.', '-')
          + ".fr", null);
      occurrence(shop, "IN-BTQST-S", format(created));
      occurrence(shop, fake.chance(0.5) ? "IN-BTQZ-AMM" : "IN-BTQZ-AMA", format(created));
      if (fake.chance(0.5)) {
        occurrence(shop, fake.chance(0.5) ? "MO-ARTCRITERES-S" : "MO-FIDELITE-S",
            format(created.plusDays(fake.between(20, 400))));
      }
      seeded.add(shop);
    }
    seeded.subList(0, Math.min(count, seeded.size())).forEach(s -> shops.put(s.key, s));
  }

  private void occurrence(Shop shop, String code, String created) {
    shop.occurrences.add(new Occurrence(code, created,
        reference(LocalDateTime.parse(created, DATE_TIME)), null));
  }
}
