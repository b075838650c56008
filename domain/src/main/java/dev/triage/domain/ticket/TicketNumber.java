package dev.triage.domain.ticket;

import dev.triage.domain.shared.Result;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The number people quote on the phone, {@code TCK-2026-000042}: a configurable prefix, the year
 * and a sequence value from the database, zero-padded to six digits (more when it grows past).
 */
public record TicketNumber(String value) {

  private static final Pattern FORMAT = Pattern.compile("([A-Za-z0-9]+)-(\\d{4})-(\\d{6,18})");
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9]+");

  public TicketNumber {
    Objects.requireNonNull(value, "value");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("not a ticket number: " + value);
    }
  }

  /** The number for a prefix (letters and digits), a year (4 digits) and a sequence value (≥ 1). */
  public static TicketNumber of(String prefix, int year, long sequence) {
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("prefix must be letters and digits: " + prefix);
    }
    if (year < 1000 || year > 9999) {
      throw new IllegalArgumentException("year must have four digits: " + year);
    }
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be positive: " + sequence);
    }
    return new TicketNumber(String.format("%s-%04d-%06d", prefix, year, sequence));
  }

  /** Reads a ticket number; a rejection names the field {@code number}. */
  public static Result<TicketNumber> parse(String text) {
    if (text == null) {
      return Result.invalid("number", "is required");
    }
    Matcher m = FORMAT.matcher(text.strip());
    if (!m.matches() || Long.parseLong(m.group(3)) < 1) {
      return Result.invalid("number", "must look like TCK-2026-000042");
    }
    return Result.ok(new TicketNumber(text.strip()));
  }

  public String prefix() {
    return part(1);
  }

  public int year() {
    return Integer.parseInt(part(2));
  }

  public long sequence() {
    return Long.parseLong(part(3));
  }

  private String part(int group) {
    Matcher m = FORMAT.matcher(value);
    if (!m.matches()) {
      throw new IllegalStateException(value);
    }
    return m.group(group);
  }

  @Override
  public String toString() {
    return value;
  }
}
