package dev.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The domain's main code imports nothing but the JDK and itself; the build bans dependencies. */
class DomainHasNoFrameworkTest {

  private static final Pattern IMPORT =
      Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

  @Test
  void main_code_imports_only_java_and_the_domain() throws IOException {
    Path main = Path.of("src/main/java");
    assertThat(main).isDirectory();
    List<String> offending;
    try (Stream<Path> files = Files.walk(main)) {
      offending =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .flatMap(
                  p -> {
                    try {
                      Matcher m = IMPORT.matcher(Files.readString(p));
                      return m
                          .results()
                          .map(r -> r.group(1))
                          .filter(
                              i -> !i.startsWith("java.") && !i.startsWith("dev.triage.domain."))
                          .map(i -> p + ": " + i)
                          .toList()
                          .stream();
                    } catch (IOException e) {
                      throw new IllegalStateException(e);
                    }
                  })
              .toList();
    }
    assertThat(offending).isEmpty();
  }

  @Test
  void main_code_never_reads_the_system_clock() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      List<Path> readers =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(
                  p -> {
                    try {
                      String s = Files.readString(p);
                      return s.contains("Instant.now(")
                          || s.contains("System.currentTimeMillis(")
                          || s.contains("LocalDate.now(");
                    } catch (IOException e) {
                      throw new IllegalStateException(e);
                    }
                  })
              .toList();
      assertThat(readers).isEmpty();
    }
  }
}
