package dev.triage.adapters.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The status history's instants read back exactly as {@link Instant#toString} wrote them. */
class StoredInstantTest {

  @Test
  void every_written_instant_reads_back_the_same() {
    SplittableRandom random = new SplittableRandom(7);
    long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 100_000; i++) {
      long second = random.nextLong(min, max + 1);
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant written = Instant.ofEpochSecond(second, nanos);
      assertThat(TicketEntity.instant(written.toString())).isEqualTo(written);
    }
  }

  @Test
  void any_other_text_is_read_as_instant_parse_reads_it() {
    for (String text :
        new String[] {
          "+10000-01-01T00:00:00Z", "2024-02-29T23:59:59.5Z", "2026-03-02T09:15:30.123Z",
          "2023-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-03-02T24:00:00Z",
          "2026-03-02T23:59:60Z", "2026-03-02T09:15:30.Z", "2026-03-02T09:15:3xZ",
          "2026-03-02 09:15:30Z", "2026-03-02T09:15:30.1234567891Z"
        }) {
      Object expected;
      try {
        expected = Instant.parse(text);
      } catch (DateTimeParseException e) {
        expected = DateTimeParseException.class;
      }
      Object actual;
      try {
        actual = TicketEntity.instant(text);
      } catch (DateTimeParseException e) {
        actual = DateTimeParseException.class;
      }
      assertThat(actual).as(text).isEqualTo(expected);
    }
  }
}
