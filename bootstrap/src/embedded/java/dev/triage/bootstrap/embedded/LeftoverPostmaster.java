package dev.triage.bootstrap.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * A PostgreSQL still running on an embedded data directory after the service that started it died
 * without stopping it (SIGKILL, the OOM killer, a crash): the embedded server runs detached from
 * the service, so it outlives it, and holds the directory so that no new one can start there.
 *
 * <p>Only called while holding the directory's {@link DataDirectoryLock}, so no live service uses
 * that server. It is stopped only if {@code postmaster.pid} names a live process whose command line
 * is a {@code postgres} on this very directory; any other live process is left alone.
 */
final class LeftoverPostmaster {

  private static final Logger LOG = Logger.getLogger(LeftoverPostmaster.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(60);

  private LeftoverPostmaster() {}

  /** Stops the PostgreSQL left running on {@code dataDirectory}, if there is one. */
  static void stopIfAny(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    Optional<ProcessHandle> named = namedProcess(pidFile);
    if (named.isEmpty()) {
      return; // no server, or a stale file that PostgreSQL itself replaces
    }
    ProcessHandle postmaster = named.get();
    if (!runsOn(postmaster, dataDirectory)) {
      throw new IOException(
          pidFile
              + " names the running process "
              + postmaster.pid()
              + " ("
              + postmaster.info().commandLine().orElse("command line unknown")
              + "), which is not a PostgreSQL on "
              + dataDirectory
              + ", so it was left alone. If no PostgreSQL runs on that directory, delete "
              + pidFile);
    }
    stop(postmaster, dataDirectory);
    LOG.infof(
        "Stopped the embedded PostgreSQL (PID %d) that a service which ended without stopping it"
            + " had left running on %s; starting it afresh",
        postmaster.pid(), dataDirectory);
  }

  /** The live process that {@code postmaster.pid} names, if any. */
  private static Optional<ProcessHandle> namedProcess(Path pidFile) throws IOException {
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException notAPid) {
      return Optional.empty();
    }
    if (pid <= 0 || pid == ProcessHandle.current().pid()) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
  }

  /** Whether {@code process} is a {@code postgres} whose {@code -D} names {@code dataDirectory}. */
  private static boolean runsOn(ProcessHandle process, Path dataDirectory) {
    ProcessHandle.Info info = process.info();
    boolean postgres =
        info.command()
            .map(command -> Path.of(command).getFileName().toString())
            // The binaries may have been cleaned from /tmp while the server ran.
            .map(name -> name.replace(" (deleted)", ""))
            .filter("postgres"::equals)
            .isPresent();
    if (!postgres) {
      return false;
    }
    String[] arguments = info.arguments().orElse(new String[0]);
    for (int i = 0; i < arguments.length; i++) {
      String directory = null;
      if (arguments[i].equals("-D") && i + 1 < arguments.length) {
        directory = arguments[i + 1];
      } else if (arguments[i].startsWith("-D") && arguments[i].length() > 2) {
        directory = arguments[i].substring(2);
      }
      if (directory != null && sameDirectory(Path.of(directory), dataDirectory)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameDirectory(Path named, Path dataDirectory) {
    if (!named.isAbsolute()) {
      return false; // relative to a working directory this process cannot see
    }
    try {
      return Files.isSameFile(named, dataDirectory);
    } catch (IOException gone) {
      return false;
    }
  }

  /**
   * Stops the server with its own {@code pg_ctl stop -m fast} (connections rolled back, a clean
   * checkpoint), or if that is not at hand with SIGTERM, and waits until the process is gone.
   */
  private static void stop(ProcessHandle postmaster, Path dataDirectory) throws IOException {
    Optional<Path> pgCtl =
        postmaster
            .info()
            .command()
            .map(command -> Path.of(command).resolveSibling("pg_ctl"))
            .filter(Files::isExecutable);
    if (pgCtl.isEmpty() || !pgCtlStop(pgCtl.get(), dataDirectory)) {
      postmaster.destroy();
    }
    try {
      postmaster.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IOException(
          "the PostgreSQL (PID "
              + postmaster.pid()
              + ") left running on "
              + dataDirectory
              + " did not stop within "
              + STOP_WAIT.toSeconds()
              + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the PostgreSQL left on " + dataDirectory);
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    }
  }

  private static boolean pgCtlStop(Path pgCtl, Path dataDirectory) throws IOException {
    Process stop =
        new ProcessBuilder(
                pgCtl.toString(),
                "stop",
                "-D",
                dataDirectory.toString(),
                "-m",
                "fast",
                "-w",
                "-t",
                Long.toString(STOP_WAIT.toSeconds()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      if (!stop.waitFor(STOP_WAIT.toSeconds() + 10, TimeUnit.SECONDS)) {
        stop.destroyForcibly();
        return false;
      }
      return stop.exitValue() == 0;
    } catch (InterruptedException e) {
      stop.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the PostgreSQL left on " + dataDirectory);
    }
  }
}
