package dev.b2bsdk.demo;

import com.google.gson.JsonObject;
import dev.b2bsdk.generated.shopapp.model.InterfaceDetails;
import dev.b2bsdk.generated.shopapp.model.InterfacePrestation;
import dev.b2bsdk.generated.shopapp.model.InterfaceStatus;
import dev.b2bsdk.shopapp.ShopApplicationClient;
import java.util.List;
import java.util.UUID;

/**
 * Shop Application: a token, the interfaces (shops) and each one's detail, each interface's
 * services ("prestations") with every occurrence of each, and the catalogue. Nothing is paged
 * and nothing is written.
 */
final class ShopAppTour implements ApiTour {

  private final Targets.ShopApp target;
  private final TourContext context;

  ShopAppTour(Targets.ShopApp target, TourContext context) {
    this.target = target;
    this.context = context;
  }

  @Override
  public List<ImplicitStep> implicitSteps() {
    return List.of(new ImplicitStep("token", "GET", "/token"));
  }

  @Override
  public void run(Steps steps, JsonObject summary) {
    try (ShopApplicationClient shop = context.configure(ShopApplicationClient.builder(),
            steps.trace())
        .baseUrl(target.baseUrl())
        .clientId(target.clientId())
        .clientSecret(target.clientSecret())
        .build()) {
      List<UUID> keys = steps.run("list interfaces", () -> shop.interfaces().list(),
          list -> list.size() + (list.size() == 1 ? " interface" : " interfaces"));
      summary.addProperty("interfaces", keys.size());
      int services = 0;
      int occurrences = 0;
      for (UUID key : keys) {
        String shortKey = key.toString().substring(0, 8);
        steps.run("read interface " + shortKey, () -> shop.interfaces().get(key),
            ShopAppTour::describe);
        Prestations counted = steps.run("prestations of " + shortKey,
            () -> prestations(shop, key),
            p -> p.services() + " services, " + p.occurrences() + " occurrences");
        services += counted.services();
        occurrences += counted.occurrences();
      }
      summary.addProperty("prestations", services);
      summary.addProperty("prestationOccurrences", occurrences);
      List<String> catalogue = steps.run("list catalogue", () -> shop.catalogue().list(),
          list -> list.size() + " services for ordering");
      summary.addProperty("catalogue", catalogue.size());
    }
  }

  /** The services of one interface and their occurrences. */
  private record Prestations(int services, int occurrences) { }

  private static Prestations prestations(ShopApplicationClient shop, UUID key) {
    List<String> codes = shop.interfacePrestations().list(key);
    int occurrences = 0;
    for (String code : codes) {
      // a service added several times comes back once per occurrence
      List<InterfacePrestation> each = shop.interfacePrestations().get(key, code);
      occurrences += each.size();
    }
    return new Prestations(codes.size(), occurrences);
  }

  private static String describe(InterfaceDetails details) {
    InterfaceStatus status = details.getStatut();
    return "statut " + (status == null ? "?" : status.getValue() + " " + status.name())
        + (details.getUrl() == null ? "" : ", " + details.getUrl());
  }
}
