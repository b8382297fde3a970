package dev.b2bsdk.it.contract;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import retrofit2.Call;

/**
 * The generated Retrofit interfaces of one API package ({@code dev.b2bsdk.generated.<api>.api}),
 * indexed by method name — the generator names each method after its operationId.
 */
final class GeneratedApis {
  private final Map<String, Method> byOperationId;

  private GeneratedApis(Map<String, Method> byOperationId) {
    this.byOperationId = Collections.unmodifiableMap(byOperationId);
  }

  static GeneratedApis scan(String apiPackage) {
    Map<String, Method> methods = new TreeMap<>();
    for (String className : classNames(apiPackage)) {
      Class<?> type;
      try {
        type = Class.forName(className);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      if (!type.isInterface()) {
        continue;
      }
      for (Method m : type.getMethods()) {
        if (m.getReturnType() == Call.class) {
          Method previous = methods.put(m.getName(), m);
          if (previous != null) {
            throw new IllegalStateException("two generated methods named " + m.getName() + ": "
                + previous.getDeclaringClass() + ", " + type);
          }
        }
      }
    }
    if (methods.isEmpty()) {
      throw new IllegalStateException("no generated API interfaces in " + apiPackage);
    }
    return new GeneratedApis(methods);
  }

  /** The generated method for the operation, or null. */
  Method method(String operationId) {
    return byOperationId.get(operationId);
  }

  private static TreeSet<String> classNames(String pkg) {
    String dir = pkg.replace('.', '/');
    TreeSet<String> names = new TreeSet<>();
    try {
      Enumeration<URL> roots = GeneratedApis.class.getClassLoader().getResources(dir);
      while (roots.hasMoreElements()) {
        URL url = roots.nextElement();
        if ("jar".equals(url.getProtocol())) {
          JarURLConnection connection = (JarURLConnection) url.openConnection();
          connection.setUseCaches(false);
          try (JarFile jar = connection.getJarFile()) {
            for (JarEntry e : Collections.list(jar.entries())) {
              addClass(names, e.getName(), dir);
            }
          }
        } else if ("file".equals(url.getProtocol())) {
          File[] files = new File(url.toURI()).listFiles();
          for (File f : files == null ? new File[0] : files) {
            addClass(names, dir + "/" + f.getName(), dir);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return names;
  }

  private static void addClass(TreeSet<String> names, String entry, String dir) {
    if (entry.startsWith(dir + "/") && entry.endsWith(".class") && !entry.contains("$")
        && entry.indexOf('/', dir.length() + 1) < 0) {
      names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
    }
  }
}
