package dev.triage.bootstrap.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.bootstrap.LocalDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZonkyLocalDatabaseTest {

  @TempDir Path dataDir;

  @Test
  void data_written_before_a_restart_is_there_after_it() throws Exception {
    LocalDatabase database = new ZonkyLocalDatabase();
    try (LocalDatabase.Running first = database.start(dataDir.resolve("postgres"));
        Connection c = connect(first);
        Statement s = c.createStatement()) {
      s.execute("create table kept (v text)");
      s.execute("insert into kept values ('still here')");
    }
    try (LocalDatabase.Running second = database.start(dataDir.resolve("postgres"));
        Connection c = connect(second);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select v from kept")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("still here");
    }
  }

  @Test
  void a_connection_without_the_password_is_refused() throws Exception {
    try (LocalDatabase.Running db = new ZonkyLocalDatabase().start(dataDir.resolve("postgres"))) {
      assertThatThrownBy(() -> DriverManager.getConnection("jdbc:" + db.url(), db.user(), ""))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(
              () -> DriverManager.getConnection("jdbc:" + db.url(), db.user(), "postgres"))
          .isInstanceOf(SQLException.class);
      try (Connection c = connect(db)) {
        assertThat(c.isValid(5)).isTrue();
      }
      Path passwordFile = dataDir.resolve("postgres-password");
      assertThat(Files.readString(passwordFile).strip()).isEqualTo(db.password());
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void a_database_created_without_a_password_gets_one_and_keeps_its_data() throws Exception {
    // As an earlier version left it: every local connection trusted, no password set.
    try (EmbeddedPostgres old =
            EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .start();
        Connection c = old.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create table kept (v text)");
      s.execute("insert into kept values ('still here')");
    }

    try (LocalDatabase.Running db = new ZonkyLocalDatabase().start(dataDir.resolve("postgres"))) {
      assertThatThrownBy(() -> DriverManager.getConnection("jdbc:" + db.url(), db.user(), ""))
          .isInstanceOf(SQLException.class);
      try (Connection c = connect(db);
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select v from kept")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("still here");
      }
    }
  }

  private static Connection connect(LocalDatabase.Running db) throws Exception {
    return DriverManager.getConnection("jdbc:" + db.url(), db.user(), db.password());
  }
}
