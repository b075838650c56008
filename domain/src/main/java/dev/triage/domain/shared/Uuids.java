package dev.triage.domain.shared;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Time-ordered UUIDs (version 7 of RFC 9562) and strict parsing. Ids that sort by creation time
 * keep database inserts next to each other in the index.
 */
public final class Uuids {

  private static final Pattern CANONICAL =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
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
    if (text == null || !CANONICAL.matcher(text.strip()).matches()) {
      return Optional.empty();
    }
    return Optional.of(UUID.fromString(text.strip()));
  }

  /** The Unix milliseconds a version 7 UUID carries. */
  public static long v7Millis(UUID uuid) {
    if (uuid.version() != 7) {
      throw new IllegalArgumentException("not a version 7 UUID: " + uuid);
    }
    return uuid.getMostSignificantBits() >>> 16;
  }
}
