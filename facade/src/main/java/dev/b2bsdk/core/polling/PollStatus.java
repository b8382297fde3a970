package dev.b2bsdk.core.polling;

/** The classification of one status reply of a long-running operation. */
public enum PollStatus {
  /** Still running: keep polling. */
  IN_PROGRESS,
  /** Finished successfully: terminal. */
  SUCCESS,
  /** Finished with an error: terminal. */
  FAILED,
  /** A status label the SDK does not know: keep polling and report it to listeners. */
  UNKNOWN;

  /** True for {@link #SUCCESS} and {@link #FAILED}. */
  public boolean isTerminal() {
    return this == SUCCESS || this == FAILED;
  }
}
