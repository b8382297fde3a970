package dev.b2bsdk.it.contract;

import dev.b2bsdk.core.client.ApiResponse;
import dev.b2bsdk.core.paging.PagedIterable;
import dev.b2bsdk.core.polling.AsyncOperation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The index of an API's typed operation layer, {@code dev/b2bsdk/<api>/operations.tsv} in the
 * facade jar (written by the generator next to the {@code *Operations} classes): per
 * operationId, the group accessor on the client, the method name, the kind ({@code plain},
 * {@code paged}, {@code async}, {@code client-managed}), the HTTP method and the path.
 * {@link #resolve} finds the typed method a contract case calls.
 */
public final class OperationIndex {

  /** One line of the index. */
  public record Entry(String operationId, String group, String method, String kind,
      String httpMethod, String path) {

    /** An operation without a typed method: the client's token source calls it. */
    public boolean clientManaged() {
      return "client-managed".equals(kind);
    }
  }

  private final String resource;
  private final Map<String, Entry> entries;

  private OperationIndex(String resource, Map<String, Entry> entries) {
    this.resource = resource;
    this.entries = entries;
  }

  /** The index of {@code dev.b2bsdk.<api>}. */
  public static OperationIndex load(String api) {
    return loadResource("dev/b2bsdk/" + api + "/operations.tsv");
  }

  /** The index at a class-path {@code resource}. */
  public static OperationIndex loadResource(String resource) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    try (InputStream in = OperationIndex.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int n = 0;
      while ((line = reader.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 6) {
          throw new IllegalStateException(resource + ":" + n + ": 6 tab-separated columns"
              + " expected, got " + f.length + ": " + line);
        }
        Entry e = new Entry(f[0], f[1], f[2], f[3], f[4], f[5]);
        if (entries.put(e.operationId(), e) != null) {
          throw new IllegalStateException(resource + ": operationId " + e.operationId() + " twice");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new OperationIndex(resource, entries);
  }

  public String resource() {
    return resource;
  }

  /** The entry of {@code operationId}, or null. */
  public Entry entry(String operationId) {
    return entries.get(operationId);
  }

  public Collection<Entry> entries() {
    return entries.values();
  }

  /** The group accessor ({@code customers()}) of {@code clientType}. */
  static Method accessor(Class<?> clientType, Entry e) {
    try {
      Method m = clientType.getMethod(e.group());
      if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())) {
        throw new IllegalStateException(clientType.getSimpleName() + "." + e.group()
            + "() is not a group accessor");
      }
      return m;
    } catch (NoSuchMethodException x) {
      throw new IllegalStateException(clientType.getSimpleName() + " has no group accessor "
          + e.group() + "()");
    }
  }

  /**
   * The typed method a contract case calls: for a plain operation {@code <method>WithResponse}
   * (status and headers too; the plain and {@code …Async} forms must exist beside it), for a paged
   * one {@code <method>} returning a {@code PagedIterable}, for an asynchronous one
   * {@code <method>} ({@code begin…}) returning an {@code AsyncOperation}; of overloads, the one
   * with the most parameters (the one taking the params object).
   *
   * @throws IllegalStateException naming what is missing
   */
  static Method resolve(Class<?> clientType, Entry e) {
    if (e.clientManaged()) {
      throw new IllegalStateException(e.operationId() + " is client-managed: no typed method");
    }
    return resolveIn(accessor(clientType, e).getReturnType(), e);
  }

  /** {@link #resolve} on the group's class itself. */
  static Method resolveIn(Class<?> group, Entry e) {
    String where = group.getSimpleName() + "." ;
    switch (e.kind()) {
      case "plain" -> {
        Method m = widest(group, e.method() + "WithResponse", ApiResponse.class, where);
        widest(group, e.method(), Object.class, where);
        widest(group, e.method() + "Async", java.util.concurrent.CompletableFuture.class, where);
        return m;
      }
      case "paged" -> {
        return widest(group, e.method(), PagedIterable.class, where);
      }
      case "async" -> {
        return widest(group, e.method(), AsyncOperation.class, where);
      }
      default -> throw new IllegalStateException(e.operationId() + ": unknown kind " + e.kind());
    }
  }

  private static Method widest(Class<?> group, String name, Class<?> returns, String where) {
    Method m = Arrays.stream(group.getMethods())
        .filter(x -> x.getName().equals(name) && !Modifier.isStatic(x.getModifiers()))
        .max(Comparator.comparingInt(Method::getParameterCount))
        .orElseThrow(() -> new IllegalStateException("no typed method " + where + name + "(…)"));
    if (!returns.isAssignableFrom(m.getReturnType()) && returns != Object.class) {
      throw new IllegalStateException(where + name + " returns " + m.getReturnType().getSimpleName()
          + ", not " + returns.getSimpleName());
    }
    return m;
  }
}
