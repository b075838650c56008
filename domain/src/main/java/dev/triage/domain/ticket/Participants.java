package dev.triage.domain.ticket;

import dev.triage.domain.user.UserId;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The people of a ticket besides its requester and assignee: CCs (customers copied on it, who read
 * and reply as the requester does but change nothing else) and followers (staff who hear of it
 * without being assigned). Both sets keep the order people were added in.
 */
public record Participants(Set<UserId> ccIds, Set<UserId> followerIds) {

  /** Nobody besides the requester and assignee. */
  public static final Participants NONE = new Participants(Set.of(), Set.of());

  /** The most CCs, and the most followers, one ticket holds. */
  public static final int MAX_PER_KIND = 50;

  public Participants {
    ccIds = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(ccIds)));
    followerIds =
        Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(followerIds)));
  }

  /** The two kinds of participant, as events and the API name them. */
  public enum Kind {
    CC,
    FOLLOWER
  }

  public boolean isCc(UserId user) {
    return ccIds.contains(user);
  }

  public boolean isFollower(UserId user) {
    return followerIds.contains(user);
  }

  /** Whether {@code user} is a participant of {@code kind}. */
  public boolean has(Kind kind, UserId user) {
    return kind == Kind.CC ? isCc(user) : isFollower(user);
  }

  /** The participants of {@code kind}. */
  public Set<UserId> of(Kind kind) {
    return kind == Kind.CC ? ccIds : followerIds;
  }

  /** These participants with {@code user} added as {@code kind} (at the end). */
  public Participants with(Kind kind, UserId user) {
    Set<UserId> changed = new LinkedHashSet<>(of(kind));
    changed.add(user);
    return kind == Kind.CC
        ? new Participants(changed, followerIds)
        : new Participants(ccIds, changed);
  }

  /** These participants without {@code user} as {@code kind}. */
  public Participants without(Kind kind, UserId user) {
    Set<UserId> changed = new LinkedHashSet<>(of(kind));
    changed.remove(user);
    return kind == Kind.CC
        ? new Participants(changed, followerIds)
        : new Participants(ccIds, changed);
  }
}
