package dev.b2bsdk.demo;

import com.google.gson.JsonObject;
import dev.b2bsdk.generated.intouch.model.Party;
import dev.b2bsdk.generated.intouch.model.PartyInput;
import dev.b2bsdk.generated.intouch.model.PartyType;
import dev.b2bsdk.intouch.InTouchClient;
import java.util.List;

/**
 * InTouch: list every party (paged), then - writes allowed - create a person and read it back
 * by id. HTTP Basic: no token step.
 */
final class InTouchTour implements ApiTour {

  private static final String FIRST_NAME = "Ada";
  private static final String SURNAME = "Lovelace";

  private final Targets.InTouch target;
  private final TourContext context;

  InTouchTour(Targets.InTouch target, TourContext context) {
    this.target = target;
    this.context = context;
  }

  @Override
  public List<ImplicitStep> implicitSteps() {
    return List.of();
  }

  @Override
  public void run(Steps steps, JsonObject summary) {
    try (InTouchClient crm = context.configure(InTouchClient.builder(), steps.trace())
        .baseUrl(target.baseUrl())
        .username(target.user())
        .password(target.password())
        .build()) {
      PageCount parties = steps.run("list parties",
          () -> PageCount.walk(context.paged(crm.parties().list()), p -> { }),
          count -> count.describe("parties"));
      summary.addProperty("parties", parties.items());
      summary.addProperty("pages", parties.pages());
      summary.addProperty("pageSize", parties.pageSize());
      summary.addProperty("writes", context.writes());
      if (!context.writes()) {
        steps.note("create party", "skipped: read-only run (pass --allow-writes)");
        return;
      }
      Party created = steps.run("create party", () -> {
        Party party = crm.createParty(new PartyInput().type(PartyType.INDIVIDUAL)
            .firstname(FIRST_NAME).surname(SURNAME));
        if (party == null || party.getId() == null) {
          throw new IllegalStateException("POST /parties answered without the new party's id");
        }
        return party;
      }, p -> "party " + p.getId() + " " + FIRST_NAME + " " + SURNAME);
      long id = created.getId();
      summary.addProperty("createdPartyId", id);
      steps.run("read it back", () -> {
        Party read = crm.parties().get(id);
        if (read == null || !SURNAME.equals(read.getSurname())
            || !FIRST_NAME.equals(read.getFirstname())) {
          throw new IllegalStateException("GET /parties/" + id + " does not return the party"
              + " just created");
        }
        return read;
      }, p -> "party " + id + ": " + p.getFirstname() + " " + p.getSurname() + ", type "
          + p.getType());
      summary.addProperty("readBack", true);
    }
  }
}
