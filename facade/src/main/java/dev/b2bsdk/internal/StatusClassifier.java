package dev.b2bsdk.internal;

import dev.b2bsdk.core.polling.PollStatus;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a service's status labels to {@link PollStatus}, case-insensitively; any other label
 * (and null) is {@link PollStatus#UNKNOWN}, never an error, because services add statuses.
 * Immutable; build with {@link #builder()}.
 */
public final class StatusClassifier {
  private final Map<String, PollStatus> labels;

  private StatusClassifier(Map<String, PollStatus> labels) {
    this.labels = Map.copyOf(labels);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The classification of {@code label}. */
  public PollStatus classify(String label) {
    if (label == null) return PollStatus.UNKNOWN;
    return labels.getOrDefault(label.trim().toUpperCase(Locale.ROOT), PollStatus.UNKNOWN);
  }

  /** Builder of {@link StatusClassifier}. */
  public static final class Builder {
    private final Map<String, PollStatus> labels = new HashMap<>();

    private Builder() {}

    /** Maps each of {@code labels} to {@code status}. */
    public Builder map(PollStatus status, String... labels) {
      for (String label : labels) {
        this.labels.put(label.trim().toUpperCase(Locale.ROOT), status);
      }
      return this;
    }

    public StatusClassifier build() {
      return new StatusClassifier(labels);
    }
  }
}
