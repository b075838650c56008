package dev.triage.bootstrap.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.bootstrap.LocalDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a start does about the data directory before it starts its own PostgreSQL. */
class LeftoverPostmasterTest {

  @TempDir Path dataDir;

  @Test
  void a_live_process_that_is_not_a_postgres_on_the_directory_is_left_alone() throws Exception {
    Path postgres = Files.createDirectories(dataDir.resolve("postgres"));
    Process unrelated = new ProcessBuilder("sleep", "60").start();
    try {
      Files.writeString(
          postgres.resolve("postmaster.pid"), unrelated.pid() + "\n" + postgres + "\n");
      assertThatThrownBy(() -> LeftoverPostmaster.stopIfAny(postgres))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("names the running process " + unrelated.pid())
          .hasMessageContaining("left alone");
      assertThat(unrelated.isAlive()).isTrue();
    } finally {
      unrelated.destroyForcibly();
      unrelated.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void a_pid_file_whose_process_is_gone_or_no_pid_file_needs_nothing() throws Exception {
    Path postgres = Files.createDirectories(dataDir.resolve("postgres"));
    LeftoverPostmaster.stopIfAny(postgres);
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor(10, TimeUnit.SECONDS);
    Files.writeString(postgres.resolve("postmaster.pid"), ended.pid() + "\n" + postgres + "\n");
    LeftoverPostmaster.stopIfAny(postgres);
  }

  @Test
  void a_directory_held_by_a_running_service_is_refused_until_it_lets_go() throws Exception {
    Path postgres = dataDir.resolve("postgres");
    try (DataDirectoryLock held = DataDirectoryLock.take(postgres)) {
      assertThatThrownBy(() -> DataDirectoryLock.take(postgres))
          .isInstanceOf(LocalDatabase.InUseException.class)
          .hasMessageContaining("process " + ProcessHandle.current().pid())
          .hasMessageContaining(dataDir.resolve("postgres.lock").toString());
    }
    DataDirectoryLock.take(postgres).close();
  }
}
