package dev.triage.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class UuidsTest {

  @Property(tries = 300)
  void every_uuid_in_its_canonical_form_parses_back_in_either_case(
      @ForAll long high, @ForAll long low) {
    UUID id = new UUID(high, low);
    assertThat(Uuids.parse(id.toString())).contains(id);
    assertThat(Uuids.parse(id.toString().toUpperCase())).contains(id);
    assertThat(Uuids.parse("  " + id + "\n")).contains(id);
  }

  @Test
  void anything_but_the_canonical_form_is_no_uuid() {
    assertThat(Uuids.parse(null)).isEmpty();
    assertThat(Uuids.parse("")).isEmpty();
    // UUID.fromString would take these short forms; ids in paths must be written out in full.
    assertThat(Uuids.parse("1-1-1-1-1")).isEmpty();
    assertThat(Uuids.parse("0000000-00000-0000-0000-000000000000")).isEmpty();
    assertThat(Uuids.parse("00000000-0000-0000-0000-00000000000")).isEmpty();
    assertThat(Uuids.parse("00000000-0000-0000-0000-0000000000000")).isEmpty();
    assertThat(Uuids.parse("00000000-0000-0000-0000-00000000000g")).isEmpty();
    assertThat(Uuids.parse("00000000_0000-0000-0000-000000000000")).isEmpty();
    assertThat(Uuids.parse("{00000000-0000-0000-0000-0000000000}")).isEmpty();
    assertThat(Uuids.parse("00000000-0000-0000-0000-000000000000")).contains(new UUID(0L, 0L));
  }
}
