package dev.triage.domain.shared;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Time-ordered UUIDs (version 7 of RFC 9562) and strict parsing. Ids that sort by creation time
 * keep database inserts next to each other in the index.
 */
public final class Uuids {

  private static final long MAX_MILLIS = (1L << 48) - 1;

  private Uuids() {}

  /** A version 7 UUID: 48 bits of Unix milliseconds from {@code now}, the rest random. */
  public static UUID v7(Instant now, RandomGenerator random) {
    long millis = now.toEpochMilli();
    if (millis < 0 || millis > MAX_MILLIS) {
      throw new IllegalArgumentException("instant outside the UUIDv7 range: " + now);
    }
    long randA = random.nextLong() & 0xFFFL;
    long mostSignificant = (millis << 16) | (0x7L << 12) | randA;
    long leastSignificant = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(mostSignificant, leastSignificant);
  }

  /** The UUID in {@code text} if it is in the canonical 8-4-4-4-12 form, else empty. */
  public static Optional<UUID> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    return canonical(t) ? Optional.of(UUID.fromString(t)) : Optional.empty();
  }

  /** 36 characters: hex digits with hyphens at 8, 13, 18 and 23 (checked on every request). */
  private static boolean canonical(String t) {
    if (t.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = t.charAt(i);
      boolean ok =
          i == 8 || i == 13 || i == 18 || i == 23
              ? c == '-'
              : c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The Unix milliseconds a version 7 UUID carries. */
  public static long v7Millis(UUID uuid) {
    if (uuid.version() != 7) {
      throw new IllegalArgumentException("not a version 7 UUID: " + uuid);
    }
    return uuid.getMostSignificantBits() >>> 16;
  }
}
