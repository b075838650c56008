package dev.triage.adapters.out.attachment;

import dev.triage.application.port.AttachmentStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The default store: the bytes in {@code attachment_chunks} (V37), {@value #CHUNK} bytes a row.
 * Writing inserts one chunk at a time as the upload streams in (each its own statement on the
 * primary pool, so a large file holds no transaction open); reading selects one chunk at a time as
 * the download streams out. Neither holds more than a chunk of a file.
 */
public final class PostgresAttachmentStore implements AttachmentStore {

  /** 256 KiB. */
  static final int CHUNK = 256 * 1024;

  private static final Duration WAIT = Duration.ofMinutes(1);

  private final Pool primary;

  public PostgresAttachmentStore(Pool primary) {
    this.primary = primary;
  }

  @Override
  public long write(UUID id, InputStream bytes) throws IOException {
    byte[] chunk = new byte[CHUNK];
    long written = 0;
    int n = 0;
    try {
      while (true) {
        int read = bytes.readNBytes(chunk, 0, CHUNK);
        if (read == 0 && n > 0) {
          return written;
        }
        byte[] data = read == CHUNK ? chunk : Arrays.copyOf(chunk, read);
        primary
            .preparedQuery(
                "insert into attachment_chunks (attachment_id, n, data) values ($1, $2, $3)")
            .execute(Tuple.of(id, n, Buffer.buffer(data)))
            .await()
            .atMost(WAIT);
        written += read;
        n++;
        if (read < CHUNK) {
          return written;
        }
      }
    } catch (IOException | RuntimeException e) {
      remove(id);
      throw e;
    }
  }

  @Override
  public void remove(UUID id) {
    try {
      primary
          .preparedQuery("delete from attachment_chunks where attachment_id = $1")
          .execute(Tuple.of(id))
          .await()
          .atMost(WAIT);
    } catch (RuntimeException e) {
      // Left for the purge: chunks without an upload row go after a day.
    }
  }

  @Override
  public InputStream read(UUID id) {
    return new ChunkStream(id);
  }

  @Override
  public Uni<Void> erase(List<UUID> ids) {
    if (ids.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(
                        "delete from attachment_chunks where attachment_id = any(cast("
                            + "string_to_array(cast(:ids as text), ',') as uuid[]))")
                    .setParameter("ids", array(ids))
                    .executeUpdate())
        .replaceWithVoid();
  }

  @Override
  public Uni<Integer> eraseOrphans(Instant before) {
    // Ids are time-ordered (v7): a day's window of ids before the cut-off, each without its row.
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(
                        "with gone as (delete from attachment_chunks c where c.attachment_id"
                            + " >= cast(:from as uuid) and c.attachment_id < cast(:to as uuid)"
                            + " and not exists (select 1 from attachments a"
                            + " where a.id = c.attachment_id) returning attachment_id)"
                            + " select cast(count(distinct attachment_id) as integer) from gone",
                        Integer.class)
                    .setParameter("from", timeOrdered(before.minus(Duration.ofDays(1))).toString())
                    .setParameter("to", timeOrdered(before).toString())
                    .getSingleResult());
  }

  /** The smallest v7 id of the millisecond {@code at}. */
  static UUID timeOrdered(Instant at) {
    return new UUID((at.toEpochMilli() << 16) | 0x7000L, 0x8000_0000_0000_0000L);
  }

  static String array(List<UUID> ids) {
    return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
  }

  /** A file's chunks, selected one at a time as they are read. */
  private final class ChunkStream extends InputStream {
    private final UUID id;
    private int next;
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    ChunkStream(UUID id) {
      this.id = id;
    }

    private boolean fill() {
      while (!ended && position >= current.length) {
        var rows =
            primary
                .preparedQuery(
                    "select data from attachment_chunks where attachment_id = $1 and n = $2")
                .execute(Tuple.of(id, next))
                .await()
                .atMost(WAIT);
        ended = true;
        for (Row r : rows) {
          current = r.getBuffer(0).getBytes();
          position = 0;
          next++;
          ended = false;
        }
      }
      return position < current.length;
    }

    @Override
    public int read() {
      return fill() ? current[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(len, current.length - position);
      System.arraycopy(current, position, b, off, n);
      position += n;
      return n;
    }
  }
}
