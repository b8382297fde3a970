package dev.b2bsdk.demo;

import com.google.gson.JsonObject;
import java.util.List;

/** The tour of one API: its steps, and the fields it adds to that API's summary. */
interface ApiTour {

  /** The steps the SDK performs implicitly for this API (tokens, logins), to show as steps. */
  List<ImplicitStep> implicitSteps();

  /**
   * Runs the steps, adding to {@code summary} as they succeed (so a failure leaves what was
   * learned before it).
   *
   * @throws Steps.StepFailed when a step fails
   */
  void run(Steps steps, JsonObject summary);
}
