package dev.triage.bootstrap.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bootstrap.LocalDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
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

  private static Connection connect(LocalDatabase.Running db) throws Exception {
    return DriverManager.getConnection("jdbc:" + db.url(), db.user(), db.password());
  }
}
