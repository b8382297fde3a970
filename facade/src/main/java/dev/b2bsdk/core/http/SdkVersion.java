package dev.b2bsdk.core.http;

import java.io.InputStream;
import java.util.Properties;

/** The facade's version, from the Maven metadata in the jar; {@code dev} when run from classes. */
final class SdkVersion {
  static final String VERSION = load();

  private SdkVersion() {
  }

  private static String load() {
    String resource = "/META-INF/maven/dev.b2bsdk/b2bsdk-facade/pom.properties";
    try (InputStream in = SdkVersion.class.getResourceAsStream(resource)) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version", "dev");
      }
    } catch (Exception ignored) {
      // the version is cosmetic (User-Agent): never fail for it
    }
    return "dev";
  }
}
