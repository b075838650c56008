package dev.triage.bootstrap.embedded;

import dev.triage.bootstrap.LocalDatabase;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The claim of one running service on an embedded database directory: an exclusive lock on the file
 * {@code <directory>.lock} next to it, held from before the database starts until after it stops.
 * The operating system drops the lock when the process ends, however it ends, so whoever takes it
 * knows that no live service uses the directory. The file also names the holder's PID, for people.
 */
final class DataDirectoryLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file of {@code dataDirectory}. */
  static Path fileOf(Path dataDirectory) {
    return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
  }

  /**
   * Takes the lock of {@code dataDirectory} at once, or fails with {@link
   * LocalDatabase.InUseException} when a live service holds it.
   */
  static DataDirectoryLock take(Path dataDirectory) throws IOException {
    Path file = fileOf(dataDirectory);
    Files.createDirectories(file.getParent());
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException heldByThisProcess) {
      lock = null;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      String holder = holder(channel);
      channel.close();
      throw new LocalDatabase.InUseException(
          (holder.isEmpty() ? "another process" : "process " + holder) + " holds the lock " + file);
    }
    try {
      byte[] pid =
          (ProcessHandle.current().pid() + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(pid), 0);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    return new DataDirectoryLock(channel, lock);
  }

  /** Lets the directory go; called once the database has stopped. */
  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // The lock goes with the process at the latest.
    }
  }

  /** The PID the holder wrote, or nothing if it has not written it (yet). */
  private static String holder(FileChannel channel) {
    try {
      ByteBuffer content = ByteBuffer.allocate(32);
      channel.read(content, 0);
      String pid =
          new String(content.array(), 0, content.position(), StandardCharsets.UTF_8).trim();
      return pid.chars().allMatch(Character::isDigit) ? pid : "";
    } catch (IOException unreadable) {
      return "";
    }
  }
}
