package dev.triage.application.port;

import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where the bytes of attachments live (ADR 29): PostgreSQL by default, an S3-compatible bucket as
 * an option. {@link #write} and {@link #read} stream and block: call them on a worker thread.
 */
public interface AttachmentStore {

  /**
   * Stores all of {@code bytes} under {@code id}, a piece at a time, never holding the whole; the
   * stream decides where it ends (it throws to cut an upload off). Answers the bytes written. On
   * failure, whatever was written is removed.
   */
  long write(UUID id, InputStream bytes) throws IOException;

  /** The bytes stored under {@code id}, read a piece at a time as the stream is read. */
  InputStream read(UUID id) throws IOException;

  /** Removes the bytes of an upload that was refused after they were stored; blocks. */
  void remove(UUID id);

  /**
   * Removes the bytes of {@code ids}, in the caller's transaction where the store has one; an id
   * with none is no error.
   */
  Uni<Void> erase(List<UUID> ids);

  /**
   * Removes bytes written before {@code before} under ids no upload row names (an upload that
   * failed between its bytes and its row); answers how many files went.
   */
  Uni<Integer> eraseOrphans(Instant before);

  /**
   * The store could not be reached or refused to work: the request that needed it changes nothing
   * and may succeed if sent again (503).
   */
  final class Unavailable extends RuntimeException {
    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
