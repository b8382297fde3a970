package dev.b2bsdk.it.intouch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b2bsdk.generated.intouch.model.Comment;
import dev.b2bsdk.generated.intouch.model.CommentInput;
import dev.b2bsdk.generated.intouch.model.CommentPage;
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
      Comment created = crm.execute(crm.commentsApi().createOpportunityComment(1L,
          new CommentInput().comment("Nabídka do pátku.").html(false)));
      assertThat(created.getComment()).isEqualTo("Nabídka do pátku.");
      assertThat(created.getSrcId()).isEqualTo("1");

      CommentPage page = crm.execute(crm.commentsApi().listOpportunityComments(1L, null, null,
          null, null));
      assertThat(page.getItems()).extracting(Comment::getComment).containsExactly("Nabídka do pátku.");
      assertThat(crm.execute(crm.commentsApi().listComments(null, null, null, null,
          created.getSrcType(), "1")).getTotal()).isEqualTo(1L);
    }
  }
}
