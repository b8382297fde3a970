package dev.b2bsdk.intouch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import dev.b2bsdk.internal.RewrittenChain;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ByteString;

/**
 * Talks to a server that names notes as the vendor's 6.2 documentation does: the endpoints end in
 * {@code /notes} instead of {@code /comments} and the text is in {@code note} instead of
 * {@code comment} (the spec declares the other naming with {@code x-alias-path} and
 * {@code x-alias}). Requests to a path whose last segment is {@code comments} go to {@code notes}
 * with a body whose {@code comment} is sent as {@code note}; their JSON answers get {@code note}
 * back as {@code comment} (the note itself, or each of a page's {@code items}), so the generated
 * models read them unchanged. Other requests pass through untouched.
 *
 * <p>It wraps its successor (the Basic authentication interceptor) because the runtime installs
 * exactly one authentication interceptor.
 */
final class NotesNamingInterceptor implements Interceptor {

  private static final String COMMENTS = "comments";
  private static final String NOTES = "notes";

  private final Interceptor next;

  NotesNamingInterceptor(Interceptor next) {
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    List<String> segments = request.url().pathSegments();
    if (segments.isEmpty() || !COMMENTS.equals(segments.get(segments.size() - 1))) {
      return next.intercept(chain);
    }
    HttpUrl url = request.url().newBuilder()
        .setPathSegment(segments.size() - 1, NOTES).build();
    Request.Builder rewritten = request.newBuilder().url(url);
    RequestBody body = request.body();
    if (body != null && isJson(body.contentType())) {
      Buffer buffer = new Buffer();
      body.writeTo(buffer);
      ByteString bytes = buffer.readByteString();
      JsonElement json = parse(bytes.utf8());
      if (json != null && json.isJsonObject()) {
        rename(json.getAsJsonObject(), "comment", "note");
        rewritten.method(request.method(), RequestBody.create(json.toString(), body.contentType()));
      } else {
        rewritten.method(request.method(), RequestBody.create(bytes, body.contentType()));
      }
    }
    Response response = next.intercept(new RewrittenChain(chain, rewritten.build()));
    ResponseBody responseBody = response.body();
    if (!response.isSuccessful() || responseBody == null || !isJson(responseBody.contentType())) {
      return response;
    }
    MediaType type = responseBody.contentType();
    String text = responseBody.string();
    JsonElement json = parse(text);
    if (json != null && json.isJsonObject()) {
      JsonObject object = json.getAsJsonObject();
      JsonElement items = object.get("items");
      if (items != null && items.isJsonArray()) {
        renameAll(items.getAsJsonArray());
      } else {
        rename(object, "note", "comment");
      }
      text = object.toString();
    }
    return response.newBuilder().body(ResponseBody.create(text, type)).build();
  }

  private static void renameAll(JsonArray items) {
    for (JsonElement item : items) {
      if (item.isJsonObject()) {
        rename(item.getAsJsonObject(), "note", "comment");
      }
    }
  }

  private static void rename(JsonObject object, String from, String to) {
    if (object.has(from) && !object.has(to)) {
      object.add(to, object.remove(from));
    }
  }

  private static JsonElement parse(String text) {
    try {
      return text.isBlank() ? null : JsonParser.parseString(text);
    } catch (JsonParseException e) {
      return null; // not JSON after all: handed on unchanged
    }
  }

  private static boolean isJson(MediaType type) {
    return type != null && type.subtype().toLowerCase(java.util.Locale.ROOT).contains("json");
  }
}
