package dev.triage.domain.ticket;

import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Identity of a comment; time-ordered like ticket ids. */
public record CommentId(UUID value) {

  public CommentId {
    Objects.requireNonNull(value, "value");
  }

  public static CommentId of(UUID value) {
    return new CommentId(value);
  }

  public static CommentId newId(Instant now, RandomGenerator random) {
    return new CommentId(Uuids.v7(now, random));
  }

  /** Reads a comment id; a rejection names the field {@code commentId}. */
  public static Result<CommentId> parse(String text) {
    return Uuids.parse(text)
        .<Result<CommentId>>map(uuid -> Result.ok(new CommentId(uuid)))
        .orElseGet(() -> Result.invalid("commentId", "must be a UUID"));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
