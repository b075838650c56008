package dev.triage.bootstrap.replica;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A PostgreSQL primary and a hot standby that streams from it, both from the embedded binaries on
 * the test classpath, so the test needs nothing but a JDK. Those binaries carry no {@code
 * pg_basebackup}, so the base backup is taken the way it does it: a replication slot keeps the WAL,
 * {@code pg_backup_start} marks the start, the data directory is copied file by file while the
 * primary runs, and {@code pg_backup_stop} gives the backup label. The copy then starts with {@code
 * standby.signal} and a {@code primary_conninfo}, and replays what the primary writes from there.
 */
public final class ReplicatedPostgres implements AutoCloseable {

  private static final String SLOT = "triage_standby";

  /** What pg_basebackup leaves out: runtime state of the running primary, and its WAL. */
  private static final Set<String> SKIPPED_FILES =
      Set.of(
          "postmaster.pid",
          "postmaster.opts",
          "epg-lock",
          "pg_internal.init",
          "backup_label",
          "tablespace_map",
          "standby.signal",
          "recovery.signal");

  private static final Set<String> EMPTIED_DIRECTORIES =
      Set.of(
          "pg_wal",
          "pg_replslot",
          "pg_dynshmem",
          "pg_notify",
          "pg_serial",
          "pg_snapshots",
          "pg_stat_tmp",
          "pg_subtrans");

  private final Path root;
  private final EmbeddedPostgres primary;
  private final Path standbyDirectory;
  private final int standbyPort;
  private volatile EmbeddedPostgres standby;

  private ReplicatedPostgres(
      Path root, EmbeddedPostgres primary, Path standbyDirectory, EmbeddedPostgres standby) {
    this.root = root;
    this.primary = primary;
    this.standbyDirectory = standbyDirectory;
    this.standby = standby;
    this.standbyPort = standby.getPort();
  }

  /** Starts a primary, takes a base backup of it and starts the standby on the copy. */
  public static ReplicatedPostgres start() throws IOException, SQLException {
    Path root = Files.createTempDirectory("triage-replication");
    Path primaryDirectory = root.resolve("primary");
    Path standbyDirectory = root.resolve("standby");
    EmbeddedPostgres primary = null;
    try {
      primary =
          EmbeddedPostgres.builder()
              .setDataDirectory(primaryDirectory)
              .setCleanDataDirectory(true)
              .setServerConfig("wal_level", "replica")
              .setServerConfig("max_wal_senders", "4")
              .setServerConfig("max_replication_slots", "4")
              .setDataDirectoryCustomizer(ReplicatedPostgres::allowReplication)
              .start();
      baseBackup(primary, primaryDirectory, standbyDirectory);
      Files.writeString(
          standbyDirectory.resolve("postgresql.auto.conf"),
          "\nprimary_conninfo = 'host=localhost port="
              + primary.getPort()
              + " user=postgres application_name=triage_standby'\n"
              + "primary_slot_name = '"
              + SLOT
              + "'\nhot_standby = on\nhot_standby_feedback = on\n",
          StandardOpenOption.APPEND);
      Files.createFile(standbyDirectory.resolve("standby.signal"));
      EmbeddedPostgres standby = startStandby(standbyDirectory, 0);
      ReplicatedPostgres cluster = new ReplicatedPostgres(root, primary, standbyDirectory, standby);
      if (!cluster.standbyIsInRecovery()) {
        cluster.close();
        throw new IllegalStateException("the copy did not start as a standby");
      }
      cluster.awaitReplayed();
      return cluster;
    } catch (IOException | SQLException | RuntimeException e) {
      if (primary != null) {
        primary.close();
      }
      delete(root);
      throw e;
    }
  }

  /** {@code postgresql://localhost:port/postgres} of the primary. */
  public String primaryUrl() {
    return "postgresql://localhost:" + primary.getPort() + "/postgres";
  }

  /** {@code postgresql://localhost:port/postgres} of the standby. */
  public String standbyUrl() {
    return "postgresql://localhost:" + standbyPort + "/postgres";
  }

  /** Waits until the standby has replayed everything the primary has written so far. */
  public void awaitReplayed() throws SQLException {
    String written;
    try (Connection c = primary.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select pg_current_wal_lsn()::text")) {
      r.next();
      written = r.getString(1);
    }
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (true) {
      try (Connection c = standby.getPostgresDatabase().getConnection();
          PreparedStatement s =
              c.prepareStatement("select coalesce(pg_last_wal_replay_lsn() >= ?::pg_lsn, false)")) {
        s.setString(1, written);
        try (ResultSet r = s.executeQuery()) {
          r.next();
          if (r.getBoolean(1)) {
            return;
          }
        }
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the standby did not replay up to " + written);
      }
      sleep(50);
    }
  }

  /**
   * Stops applying WAL on the standby: it keeps receiving, but what it answers stays as it is now
   * (a standby lagging behind, as long as the test likes).
   */
  public void pauseReplay() throws SQLException {
    onStandby("select pg_wal_replay_pause()");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (!"paused".equals(onStandby("select pg_get_wal_replay_pause_state()"))) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("replay did not pause");
      }
      sleep(20);
    }
  }

  public void resumeReplay() throws SQLException {
    onStandby("select pg_wal_replay_resume()");
  }

  /** How many connections the standby has from clients that name themselves so. */
  public long standbyConnectionsOf(String applicationName) throws SQLException {
    try (Connection c = standby.getPostgresDatabase().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select count(*) from pg_stat_activity where application_name = ?")) {
      s.setString(1, applicationName);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  public boolean standbyIsInRecovery() throws SQLException {
    return "t".equals(onStandby("select pg_is_in_recovery()"));
  }

  /** Stops the standby (fast shutdown); {@link #restartStandby()} brings it back on its port. */
  public void stopStandby() throws IOException {
    standby.close();
  }

  public void restartStandby() throws IOException, SQLException {
    standby = startStandby(standbyDirectory, standbyPort);
    awaitReplayed();
  }

  @Override
  public void close() {
    try {
      try {
        standby.close();
      } finally {
        primary.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(root);
    }
  }

  // ------------------------------------------------------------------------------- helpers

  private static void allowReplication(java.io.File dataDirectory) {
    try {
      Files.writeString(
          dataDirectory.toPath().resolve("pg_hba.conf"),
          "\nhost replication all 127.0.0.1/32 trust\nhost replication all ::1/128 trust\n",
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static EmbeddedPostgres startStandby(Path directory, int port) throws IOException {
    Path log = directory.resolveSibling("standby.log");
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(directory)
            .setCleanDataDirectory(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
    if (port != 0) {
      builder.setPort(port);
    }
    try {
      return builder.start();
    } catch (IOException | RuntimeException e) {
      String output = Files.exists(log) ? Files.readString(log) : "(no output)";
      throw new IOException("The standby did not start. Its output:\n" + output, e);
    }
  }

  private static void baseBackup(EmbeddedPostgres primary, Path from, Path to)
      throws IOException, SQLException {
    try (Connection c = primary.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("select pg_create_physical_replication_slot('" + SLOT + "', true)");
      s.execute("select pg_backup_start('triage standby', true)");
      copy(from, to);
      try (ResultSet r =
          s.executeQuery("select labelfile, spcmapfile from pg_backup_stop(false)")) {
        r.next();
        Files.writeString(to.resolve("backup_label"), r.getString(1));
        String tablespaces = r.getString(2);
        if (tablespaces != null && !tablespaces.isBlank()) {
          Files.writeString(to.resolve("tablespace_map"), tablespaces);
        }
      }
    }
    Files.createDirectories(to.resolve("pg_wal").resolve("archive_status"));
    Files.createDirectories(to.resolve("pg_wal").resolve("summaries"));
  }

  /** Copies a running data directory; files that vanish meanwhile are skipped (WAL redoes them). */
  private static void copy(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Path relative = from.relativize(dir);
            Path copy = to.resolve(relative.toString());
            Files.createDirectories(copy);
            // PostgreSQL refuses a data directory others may read (0700 or 0750 only).
            Files.setPosixFilePermissions(copy, Files.getPosixFilePermissions(dir));
            boolean emptied =
                relative.getNameCount() == 1
                    && EMPTIED_DIRECTORIES.contains(relative.getFileName().toString());
            return emptied ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (!SKIPPED_FILES.contains(file.getFileName().toString())) {
              try {
                Files.copy(
                    file,
                    to.resolve(from.relativize(file).toString()),
                    StandardCopyOption.COPY_ATTRIBUTES);
              } catch (NoSuchFileException gone) {
                // a temporary file removed while copying
              }
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }
        });
  }

  private String onStandby(String sql) throws SQLException {
    try (Connection c = standby.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void delete(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
