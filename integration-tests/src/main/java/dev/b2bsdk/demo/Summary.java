package dev.b2bsdk.demo;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.b2bsdk.core.error.ApiException;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The {@code --json} summary: one object with a member per API that ran, in tour order, each on
 * its own line. An API that failed has {@code "ok": false} and {@code "error": {"type",
 * "status", "message"}} (plus {@code "step"}), next to whatever it had found before.
 */
final class Summary {

  private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping()
      .create();

  private Summary() {
  }

  /** A summary object that starts with {@code "ok": true}, so that {@code ok} comes first. */
  static JsonObject started() {
    JsonObject summary = new JsonObject();
    summary.addProperty("ok", true);
    return summary;
  }

  /** Marks {@code summary} failed by {@code failure} in {@code step}. */
  static void failed(JsonObject summary, String step, Throwable failure) {
    JsonObject error = new JsonObject();
    error.addProperty("type", failure.getClass().getSimpleName());
    int status = status(failure);
    // 0 means no HTTP answer (transport failure, timeout, bad setting): no status to report
    error.addProperty("status", status == 0 ? null : status);
    String message = failure.getMessage();
    error.addProperty("message", message == null ? failure.getClass().getName() : message);
    error.addProperty("step", step);
    summary.addProperty("ok", false);
    summary.add("error", error);
  }

  /**
   * The HTTP status of the failure: its own, or - when it wraps another API failure, as a call
   * whose token could not be had wraps the token request's - the first one found in its causes.
   */
  private static int status(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ApiException api && api.status() != 0) {
        return api.status();
      }
    }
    return 0;
  }

  /**
   * The JSON text: {@code {"itcare": {...},\n "carecloud": {...}}}, ASCII only (anything else
   * written as a JSON unicode escape), so that it survives any terminal or pipe encoding.
   */
  static String render(Map<Api, JsonObject> results) {
    StringJoiner members = new StringJoiner(",\n ", "{", "}");
    results.forEach((api, summary) ->
        members.add(GSON.toJson(api.key()) + ": " + GSON.toJson(summary)));
    return asciiOnly(members.toString());
  }

  private static String asciiOnly(String json) {
    StringBuilder out = new StringBuilder(json.length());
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      // outside strings JSON is ASCII, so only string contents are escaped
      if (c < 0x80) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.toString();
  }
}
