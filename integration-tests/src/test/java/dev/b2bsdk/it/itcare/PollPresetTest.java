package dev.b2bsdk.it.itcare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b2bsdk.core.polling.AsyncOperation;
import dev.b2bsdk.core.polling.PollOptions;
import dev.b2bsdk.generated.itcare.model.Action;
import dev.b2bsdk.generated.itcare.model.Instance;
import dev.b2bsdk.generated.itcare.model.InstanceOperation;
import dev.b2bsdk.generated.itcare.model.InstanceOperationRequest;
import dev.b2bsdk.itcare.ItCareClient;
import dev.b2bsdk.testkit.itcare.ItCareMock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link PollOptions#forTests()}: an ITCare action that the mock finishes after 5 polls is
 * waited for in well under the default schedule's first interval (1 s), with every poll sent.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PollPresetTest {

  @Test
  void forTestsWaitsForAMockActionInMilliseconds() {
    try (ItCareMock mock = ItCareMock.builder().actionPolls(5).build().start();
         ItCareClient itcare = ItCareClient.builder().baseUrl(mock.baseUrl()).tokenUrl(mock.tokenUrl())
             .clientId(mock.clientId()).clientSecret(mock.clientSecret())
             .pollOptions(PollOptions.forTests()).build()) {
      Instance vm = itcare.instances().list().stream()
          .filter(i -> "ACTIVE".equals(i.getStatus())).findFirst().orElseThrow();
      AsyncOperation<Action> op = itcare.instances()
          .beginPatch(vm.getId(), new InstanceOperationRequest().operation(InstanceOperation.STOP));
      long start = System.nanoTime();
      Action done = op.waitForCompletion().value();
      Duration waited = Duration.ofNanos(System.nanoTime() - start);

      assertThat(done.getStatus()).hasToString("SUCCESS");
      assertThat(mock.pollsOf(Long.parseLong(op.operationId()))).isGreaterThanOrEqualTo(5);
      // the default schedule would not even have sent its first poll by now
      assertThat(waited).isLessThan(PollOptions.defaults().initialInterval());
    }
  }

  @Test
  void forTestsIsFastAndDeterministic() {
    PollOptions fast = PollOptions.forTests();
    assertThat(fast.initialInterval()).isEqualTo(Duration.ofMillis(10));
    assertThat(fast.maxInterval()).isEqualTo(Duration.ofMillis(100));
    assertThat(fast.jitter()).isZero();
    assertThat(fast.totalTimeout()).isEqualTo(Duration.ofSeconds(30));
  }
}
