package dev.b2bsdk.testkit.itcare;

/** How the {@link ItCareMock}'s asynchronous actions end. */
public enum ActionOutcome {
  /** The action succeeds and its change is applied (the default). */
  SUCCESS,
  /** The action fails: status ERROR, nothing changes (a created resource is removed). */
  ERROR
}
