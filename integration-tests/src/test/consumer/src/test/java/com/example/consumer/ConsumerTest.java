package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.b2bsdk.core.polling.PollOptions;
import dev.b2bsdk.generated.intouch.model.Party;
import dev.b2bsdk.generated.intouch.model.PartyInput;
import dev.b2bsdk.generated.itcare.model.Action;
import dev.b2bsdk.generated.itcare.model.Instance;
import dev.b2bsdk.generated.itcare.model.InstanceOperation;
import dev.b2bsdk.generated.itcare.model.InstanceOperationRequest;
import dev.b2bsdk.intouch.InTouchClient;
import dev.b2bsdk.itcare.ItCareClient;
import dev.b2bsdk.testkit.B2bMocks;
import dev.b2bsdk.testkit.intouch.InTouchMock;
import dev.b2bsdk.testkit.itcare.ItCareMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a user's test does with the testkit, on the user's own JUnit. */
class ConsumerTest {

  @RegisterExtension
  static final B2bMocks MOCKS = B2bMocks.with(ItCareMock.builder(), InTouchMock.builder().parties(45));

  @Test
  void runsOnTheUsersJUnit() {
    String expected = System.getProperty("expected.junit.version");
    String actual = Test.class.getPackage().getImplementationVersion();
    System.out.println("consumer: junit-jupiter-api " + actual);
    assertEquals(expected, actual, "the testkit must not bring its own JUnit");
  }

  @Test
  void noJettyJacksonGuavaOnTheTestClasspath() {
    for (String name : new String[] {"org.eclipse.jetty.server.Server",
        "com.fasterxml.jackson.databind.ObjectMapper", "com.google.common.collect.ImmutableList",
        "org.apache.hc.client5.http.classic.HttpClient"}) {
      assertThrows(ClassNotFoundException.class, () -> Class.forName(name), name);
    }
  }

  @Test
  void pagesAndCreatesAgainstTheInTouchMock(InTouchMock intouch) {
    try (InTouchClient crm = InTouchClient.builder().baseUrl(intouch.baseUrl())
        .username(intouch.username()).password(intouch.password()).build()) {
      assertEquals(45, crm.parties().list().stream().count());
      Party created = crm.createParty(new PartyInput().firstname("Jana").surname("Nováková"));
      assertTrue(intouch.party(created.getId()).isPresent());
    }
  }

  @Test
  void waitsForAnItCareActionWithTheTestPollPreset(ItCareMock itcare) {
    try (ItCareClient client = ItCareClient.builder().baseUrl(itcare.baseUrl())
        .tokenUrl(itcare.tokenUrl()).clientId(itcare.clientId()).clientSecret(itcare.clientSecret())
        .pollOptions(PollOptions.forTests()).build()) {
      Instance vm = client.instances().list().stream()
          .filter(i -> "ACTIVE".equals(i.getStatus())).findFirst().orElseThrow();
      long start = System.nanoTime();
      Action done = client.instances()
          .beginPatch(vm.getId(), new InstanceOperationRequest().operation(InstanceOperation.STOP))
          .waitForCompletion().value();
      assertEquals("SUCCESS", String.valueOf(done.getStatus()));
      assertTrue(System.nanoTime() - start < 1_000_000_000L, "forTests() polls in milliseconds");
    }
  }
}
