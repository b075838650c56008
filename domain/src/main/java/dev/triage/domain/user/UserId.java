package dev.triage.domain.user;

import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Identity of a user account; a UUID so that ids from the token and the database compare. */
public record UserId(UUID value) {

  public UserId {
    Objects.requireNonNull(value, "value");
  }

  public static UserId of(UUID value) {
    return new UserId(value);
  }

  /** A new, time-ordered id. */
  public static UserId newId(Instant now, RandomGenerator random) {
    return new UserId(Uuids.v7(now, random));
  }

  /** Reads a user id; a rejection names the field {@code userId}. */
  public static Result<UserId> parse(String text) {
    return Uuids.parse(text)
        .<Result<UserId>>map(uuid -> Result.ok(new UserId(uuid)))
        .orElseGet(() -> Result.invalid("userId", "must be a UUID"));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
