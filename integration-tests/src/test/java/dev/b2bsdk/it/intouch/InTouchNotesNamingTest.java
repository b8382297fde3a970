package dev.b2bsdk.it.intouch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b2bsdk.generated.intouch.model.Comment;
import dev.b2bsdk.generated.intouch.model.CommentInput;
import dev.b2bsdk.intouch.CommentsOperations;
import dev.b2bsdk.intouch.InTouchClient;
import dev.b2bsdk.testkit.intouch.InTouchMock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vendor's pages name notes two ways ({@code /comments} + {@code comment}, {@code /notes} +
 * {@code note}): the client configured for either naming works against a mock serving it, through
 * the same generated methods and models.
 */
class InTouchNotesNamingTest {

  @ParameterizedTest(name = "notesNaming={0}")
  @ValueSource(booleans = {false, true})
  void aNoteUnderAnOpportunityIsCreatedAndListed(boolean notes) {
    try (InTouchMock mock = InTouchMock.builder().notesNaming(notes).start();
        InTouchClient crm = InTouchClient.builder().baseUrl(mock.baseUrl())
            .username(mock.username()).password(mock.password()).notesNaming(notes).build()) {
      Comment created = crm.comments().createOpportunityComment(1L,
          new CommentInput().comment("Nabídka do pátku.").html(false));
      assertThat(created.getComment()).isEqualTo("Nabídka do pátku.");
      assertThat(created.getSrcId()).isEqualTo("1");

      assertThat(crm.comments().listOpportunityComments(1L).stream().toList())
          .extracting(Comment::getComment).containsExactly("Nabídka do pátku.");
      assertThat(crm.comments().list(CommentsOperations.ListParams.builder()
          .srcType(created.getSrcType()).srcId("1").build()).firstPage().total()).isEqualTo(1L);
    }
  }
}
