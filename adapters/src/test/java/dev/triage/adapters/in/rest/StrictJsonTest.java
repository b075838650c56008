package dev.triage.adapters.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

  private static ObjectMapper mapper() {
    ObjectMapper mapper = new ObjectMapper();
    new StrictJson().customize(mapper);
    return mapper;
  }

  /** {@code {"title":"a<bytes>b"}}. */
  private static byte[] title(String hex) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("{\"title\":\"a".getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(HexFormat.of().parseHex(hex));
    body.writeBytes("b\"}".getBytes(StandardCharsets.US_ASCII));
    return body.toByteArray();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "C080", // overlong NUL
        "C0AF", // overlong '/'
        "E080AF", // overlong, three bytes
        "EDA080", // high surrogate D800
        "EDB080", // low surrogate DC00
        "EDBFBF", // surrogate DFFF
        "F4908080", // past U+10FFFF
        "F8888080", // five-byte form
        "FFFE",
        "80", // stray continuation
        "C3", // lead without its continuation
        "E282" // three-byte lead with one continuation
      })
  void a_body_that_is_not_well_formed_utf8_is_unreadable_as_a_stream_and_as_bytes(String hex) {
    ObjectMapper mapper = mapper();
    assertThatThrownBy(() -> mapper.readTree(new ByteArrayInputStream(title(hex))))
        .isInstanceOf(JsonParseException.class);
    assertThatThrownBy(() -> mapper.readTree(title(hex))).isInstanceOf(JsonParseException.class);
  }

  @Test
  void every_well_formed_character_reads_as_itself() throws Exception {
    String text = "é € 𝄞 \u007F \u0080 \uD7FF \uE000 \uFFFD \uDBFF\uDFFF";
    byte[] body = ("{\"title\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
    ObjectMapper mapper = mapper();

    assertThat(mapper.readTree(new ByteArrayInputStream(body)).get("title").asText())
        .isEqualTo(text);
    assertThat(mapper.readTree(body).get("title").asText()).isEqualTo(text);
  }
}
