package dev.triage.domain.ticket;

import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A public reply or an internal note on a ticket. A redacted comment keeps the fact that it existed
 * and who erased it, but its body is empty.
 */
public record Comment(
    CommentId id,
    UserId authorId,
    Role authorRole,
    String body,
    boolean internal,
    Instant createdAt,
    Optional<Redaction> redaction) {

  public static final int MAX_LENGTH = 20_000;

  /** Who erased a comment's text, and when. */
  public record Redaction(UserId by, Instant at) {
    public Redaction {
      Objects.requireNonNull(by, "by");
      Objects.requireNonNull(at, "at");
    }
  }

  public Comment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(authorId, "authorId");
    Objects.requireNonNull(authorRole, "authorRole");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(redaction, "redaction");
    if (redaction.isPresent() && !body.isEmpty()) {
      throw new IllegalArgumentException("a redacted comment keeps no text");
    }
    if (redaction.isEmpty() && body.isBlank()) {
      throw new IllegalArgumentException("a comment needs text");
    }
  }

  public boolean isRedacted() {
    return redaction.isPresent();
  }

  /** This comment with its text erased. */
  public Comment redactedBy(UserId by, Instant at) {
    return new Comment(
        id, authorId, authorRole, "", internal, createdAt, Optional.of(new Redaction(by, at)));
  }
}
