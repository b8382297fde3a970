package dev.b2bsdk.it.faults;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.b2bsdk.it.faults.ClientUnderTest.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The checks every matrix case ends with must be able to fail: a leaked secret, a create sent
 * twice and a client that logged nothing each make {@link CaseContext#verifyInvariants} throw.
 */
class MatrixInvariantsTest {

  private static ClientUnderTest api;
  private static LogCapture logs;

  @BeforeAll
  static void start() {
    logs = new LogCapture();
    api = new InTouchUnderTest();
  }

  @AfterAll
  static void stop() {
    api.close();
    logs.close();
  }

  @BeforeEach
  void reset() {
    api.mock().reset();
    logs.clear();
  }

  @Test
  void aCleanCasePasses() {
    try (CaseContext ctx = new CaseContext(api)) {
      ctx.connect().create();
      ctx.closeClients();
      assertThatCode(() -> ctx.verifyInvariants(logs)).doesNotThrowAnyException();
    }
  }

  @Test
  void aSecretInTheLogFailsTheCase() {
    try (CaseContext ctx = new CaseContext(api)) {
      ctx.connect().read();
      LoggerFactory.getLogger("dev.b2bsdk.http").debug("oops {}", api.credentials().get(0));
      assertThatThrownBy(() -> ctx.verifyInvariants(logs)).hasMessageContaining("leaks a secret");
    }
  }

  @Test
  void aCreateSentTwiceFailsTheCase() {
    try (CaseContext ctx = new CaseContext(api)) {
      Session session = ctx.connect();
      session.create();
      session.create();
      assertThatThrownBy(() -> ctx.verifyInvariants(logs))
          .hasMessageContaining("sent more than once");
    }
  }

  @Test
  void aClientThatLoggedNothingFailsTheCase() {
    try (CaseContext ctx = new CaseContext(api)) {
      ctx.connect();
      assertThatThrownBy(() -> ctx.verifyInvariants(logs)).hasMessageContaining("HTTP log");
    }
  }
}
