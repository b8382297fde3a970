package dev.b2bsdk.specs;

import static org.junit.jupiter.api.Assertions.fail;

import dev.b2bsdk.specs.compat.ReleaseRule;
import dev.b2bsdk.specs.compat.SpecFile;
import dev.b2bsdk.specs.compat.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The release rule, enforced by {@code mvn verify}: every {@code specs/<api>.yaml} is compared
 * with {@code specs/baseline/<api>.yaml}, the last released version. A change that breaks
 * existing clients fails the build unless {@code info.version}'s major part was raised and
 * {@code specs/changelog/<api>.md} has an entry for the new version.
 */
class SpecCompatibilityTest {

  static Stream<String> apis() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("."))) {
      return files.map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".yaml"))
          .map(name -> name.substring(0, name.length() - ".yaml".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("apis")
  void breakingChangesNeedANewMajorVersionAndAChangelogEntry(String api) {
    Verdict verdict = ReleaseRule.check(api,
        SpecFile.of(Path.of("baseline", api + ".yaml"), "specs/baseline/" + api + ".yaml"),
        SpecFile.of(Path.of(api + ".yaml"), "specs/" + api + ".yaml"),
        SpecFile.of(Path.of("changelog", api + ".md"), "specs/changelog/" + api + ".md"));
    System.out.println("spec compatibility " + verdict.message().replace("\n", "\n  "));
    if (!verdict.passed()) {
      fail(verdict.message());
    }
  }
}
