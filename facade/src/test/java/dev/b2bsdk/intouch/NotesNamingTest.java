package dev.b2bsdk.intouch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.b2bsdk.generated.intouch.model.Comment;
import dev.b2bsdk.generated.intouch.model.CommentInput;
import dev.b2bsdk.generated.intouch.model.CommentPage;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code notesNaming(true)}: a server that names notes {@code /notes} + {@code note} (the vendor's
 * 6.2 docs) is reached through the same generated {@code …Comments} methods and models.
 */
class NotesNamingTest {

  private InTouchServer server;

  @BeforeEach
  void start() {
    server = new InTouchServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void commentsRequestsGoToNotesAndNoteReadsAsComment() {
    server.wm.stubFor(post(urlEqualTo("/api/opportunities/1602/notes")).willReturn(aResponse()
        .withStatus(201).withHeader("Content-Type", "application/json")
        .withHeader("Location", server.baseUrl() + "/notes/371")
        .withBody("{\"id\":371,\"note\":\"Nabídka do pátku.\",\"html\":false}")));
    server.wm.stubFor(get(urlPathEqualTo("/api/notes")).willReturn(okJson(
        "{\"total\":1,\"position\":0,\"size\":20,\"items\":[{\"id\":371,\"srcType\":2,"
            + "\"srcId\":\"1602\",\"note\":\"Nabídka do pátku.\",\"html\":false}]}")));

    try (InTouchClient crm = server.builder().notesNaming(true).build()) {
      Comment created = crm.comments().createOpportunityComment(1602L,
          new CommentInput().comment("Nabídka do pátku.").html(false));
      assertThat(created.getId()).isEqualTo(371L);
      assertThat(created.getComment()).isEqualTo("Nabídka do pátku.");

      List<Comment> page = crm.comments().list(CommentsOperations.ListParams.builder()
          .srcType(2).srcId("1602").build()).withPageSize(20).stream().toList();
      assertThat(page).singleElement()
          .satisfies(c -> assertThat(c.getComment()).isEqualTo("Nabídka do pátku."));
    }
    server.wm.verify(postRequestedFor(urlEqualTo("/api/opportunities/1602/notes"))
        .withRequestBody(equalToJson("{\"note\":\"Nabídka do pátku.\",\"html\":false}")));
    server.wm.verify(getRequestedFor(urlPathEqualTo("/api/notes"))
        .withQueryParam("srcType", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2"))
        .withQueryParam("srcId", com.github.tomakehurst.wiremock.client.WireMock.equalTo("1602")));
  }

  @Test
  void byDefaultNotesAreComments() {
    server.wm.stubFor(post(urlEqualTo("/api/parties/241/comments")).willReturn(aResponse()
        .withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("{\"id\":372,\"comment\":\"x\"}")));

    try (InTouchClient crm = server.builder().build()) {
      assertThat(crm.comments().createPartyComment(241L,
          new CommentInput().comment("x")).getComment()).isEqualTo("x");
    }
    server.wm.verify(postRequestedFor(urlEqualTo("/api/parties/241/comments"))
        .withRequestBody(equalToJson("{\"comment\":\"x\"}")));
  }
}
