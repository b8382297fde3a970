package dev.b2bsdk.testkit;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A tiny OkHttp wrapper for the tests: bounded timeouts, no automatic retries, JSON in and out. */
public final class TestHttp {

  /** One answer: status, headers, raw body and the body parsed as JSON (null when empty). */
  public record Reply(int code, Headers headers, String text) {
    public JsonElement json() {
      return text == null || text.isBlank() ? null : JsonParser.parseString(text);
    }

    public String header(String name) {
      return headers.get(name);
    }
  }

  private static final MediaType JSON = MediaType.get("application/json");
  private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

  private final OkHttpClient client = new OkHttpClient.Builder()
      .connectTimeout(2, TimeUnit.SECONDS)
      .readTimeout(5, TimeUnit.SECONDS)
      .callTimeout(10, TimeUnit.SECONDS)
      .retryOnConnectionFailure(false)
      .build();

  private Headers defaults = Headers.of();

  /** A copy sending these headers on every request. */
  public TestHttp with(String... namesAndValues) {
    TestHttp copy = new TestHttp();
    copy.defaults = Headers.of(namesAndValues);
    return copy;
  }

  public Reply get(String url, String... headers) {
    return call(new Request.Builder().url(url).get(), headers);
  }

  public Reply delete(String url, String... headers) {
    return call(new Request.Builder().url(url).delete(), headers);
  }

  public Reply send(String method, String url, String json, String... headers) {
    RequestBody body = json == null ? RequestBody.create(new byte[0], null)
        : RequestBody.create(json, JSON);
    return call(new Request.Builder().url(url).method(method, body), headers);
  }

  public Reply post(String url, String json, String... headers) {
    return send("POST", url, json, headers);
  }

  public Reply form(String url, String form, String... headers) {
    return call(new Request.Builder().url(url).post(RequestBody.create(form, FORM)), headers);
  }

  public OkHttpClient client() {
    return client;
  }

  private Reply call(Request.Builder builder, String... headers) {
    builder.headers(defaults.newBuilder().addAll(Headers.of(headers)).build());
    try (Response response = client.newCall(builder.build()).execute()) {
      return new Reply(response.code(), response.headers(), response.body() == null ? null
          : response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
