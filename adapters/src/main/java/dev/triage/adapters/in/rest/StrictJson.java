package dev.triage.adapters.in.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;

/**
 * Reads JSON strictly: an object that names a field twice is unreadable (a 400 problem), like one
 * with an unknown field. Otherwise one of the values would silently win, and for record bodies
 * Jackson would fail as if the service were at fault (a 500). Bodies are UTF-8 (RFC 8259 section
 * 8.1): one in UTF-16 or UTF-32, which Jackson would otherwise detect and read, is unreadable too.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

  @Override
  @SuppressWarnings("deprecation") // the factory is the mapper's own; no builder reaches it here
  public void customize(ObjectMapper mapper) {
    mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
    mapper.getFactory().setInputDecorator(new Utf8Only());
  }

  /**
   * Refuses input whose first two bytes are a UTF-16 byte order mark or hold a zero byte: no UTF-8
   * JSON text starts so, and every UTF-16 or UTF-32 text does.
   */
  static final class Utf8Only extends InputDecorator {
    private static final long serialVersionUID = 1L;

    @Override
    public InputStream decorate(IOContext ctxt, InputStream in) throws IOException {
      PushbackInputStream peek = new PushbackInputStream(in, 2);
      int first = peek.read();
      int second = first < 0 ? -1 : peek.read();
      if (second >= 0) {
        peek.unread(second);
      }
      if (first >= 0) {
        peek.unread(first);
      }
      check(first, second);
      return peek;
    }

    @Override
    public InputStream decorate(IOContext ctxt, byte[] src, int offset, int length)
        throws IOException {
      check(length > 0 ? src[offset] & 0xFF : -1, length > 1 ? src[offset + 1] & 0xFF : -1);
      return null;
    }

    @Override
    public Reader decorate(IOContext ctxt, Reader r) {
      return r;
    }

    static void check(int first, int second) throws JsonParseException {
      boolean bom = (first == 0xFE && second == 0xFF) || (first == 0xFF && second == 0xFE);
      if (bom || first == 0 || second == 0) {
        throw new JsonParseException((JsonParser) null, "The body is not UTF-8 JSON.");
      }
    }
  }
}
