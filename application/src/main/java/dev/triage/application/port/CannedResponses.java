package dev.triage.application.port;

import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Canned responses (issue 19, point 2): a title and a body template. A personal response belongs to
 * its owner; a shared one (no owner) is kept by admins and read by all staff.
 */
public interface CannedResponses {

  /** Adds a response in the command's transaction. */
  Uni<Void> add(Stored response);

  /** The response, its row locked until the command's transaction ends. */
  Uni<Optional<Stored>> lock(UUID id);

  /** Writes {@code next} over the response of its id, in the command's transaction. */
  Uni<Void> change(Stored next);

  /** Removes the response in the command's transaction. */
  Uni<Void> delete(UUID id);

  /** The response as last committed. */
  Uni<Optional<Stored>> find(UUID id);

  /**
   * The personal responses of {@code owner} and the shared ones: shared ones first, each part by
   * title.
   */
  Uni<List<Stored>> visible(UserId owner);

  /**
   * One response as stored.
   *
   * @param owner the user whose personal response it is; empty for a shared one
   * @param body the template, its placeholders checked when it was saved
   */
  record Stored(
      UUID id,
      Optional<UserId> owner,
      String title,
      String body,
      UserId createdBy,
      long version,
      Instant updatedAt) {
    public Stored {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(createdBy, "createdBy");
      Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public boolean shared() {
      return owner.isEmpty();
    }
  }
}
