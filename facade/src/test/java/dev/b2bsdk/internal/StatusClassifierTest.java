package dev.b2bsdk.internal;

import dev.b2bsdk.core.polling.PollStatus;


import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusClassifierTest {
  private final StatusClassifier itcare = StatusClassifier.builder()
      .map(PollStatus.IN_PROGRESS, "IN_PROGRESS", "PENDING")
      .map(PollStatus.SUCCESS, "SUCCESS")
      .map(PollStatus.FAILED, "ERROR")
      .build();

  @Test
  void mapsKnownLabelsIgnoringCase() {
    assertThat(itcare.classify("in_progress")).isEqualTo(PollStatus.IN_PROGRESS);
    assertThat(itcare.classify(" SUCCESS ")).isEqualTo(PollStatus.SUCCESS);
    assertThat(itcare.classify("Error")).isEqualTo(PollStatus.FAILED);
  }

  @Test
  void unknownLabelsAndNullAreUnknownNotErrors() {
    assertThat(itcare.classify("WAITING_FOR_APPROVAL")).isEqualTo(PollStatus.UNKNOWN);
    assertThat(itcare.classify(null)).isEqualTo(PollStatus.UNKNOWN);
    assertThat(PollStatus.UNKNOWN.isTerminal()).isFalse();
  }
}
