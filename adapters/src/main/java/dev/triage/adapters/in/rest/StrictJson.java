package dev.triage.adapters.in.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;

/**
 * Reads JSON strictly: an object that names a field twice is unreadable (a 400 problem), like one
 * with an unknown field. Otherwise one of the values would silently win, and for record bodies
 * Jackson would fail as if the service were at fault (a 500). Bodies are UTF-8 (RFC 8259 section
 * 8.1): one in UTF-16 or UTF-32, which Jackson would otherwise detect and read, is unreadable too,
 * and so is one that is not well-formed UTF-8 (RFC 3629: an overlong form, an encoded surrogate, a
 * code point past U+10FFFF, a stray or missing continuation byte), which Jackson would decode
 * leniently, a lone surrogate ending up in a stored text.
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
      return new WellFormed(peek);
    }

    @Override
    public InputStream decorate(IOContext ctxt, byte[] src, int offset, int length)
        throws IOException {
      check(length > 0 ? src[offset] & 0xFF : -1, length > 1 ? src[offset + 1] & 0xFF : -1);
      Utf8 utf8 = new Utf8();
      for (int i = offset; i < offset + length; i++) {
        utf8.next(src[i] & 0xFF);
      }
      utf8.end();
      return null;
    }

    @Override
    public Reader decorate(IOContext ctxt, Reader r) {
      return r;
    }

    static void check(int first, int second) throws JsonParseException {
      boolean bom = (first == 0xFE && second == 0xFF) || (first == 0xFF && second == 0xFE);
      if (bom || first == 0 || second == 0) {
        throw notUtf8();
      }
    }
  }

  static JsonParseException notUtf8() {
    return new JsonParseException((JsonParser) null, "The body is not UTF-8 JSON.");
  }

  /** The bytes of a stream, checked as they are read to be well-formed UTF-8. */
  static final class WellFormed extends FilterInputStream {
    private final Utf8 utf8 = new Utf8();

    WellFormed(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b < 0) {
        utf8.end();
      } else {
        utf8.next(b);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n < 0) {
        utf8.end();
      }
      for (int i = off; i < off + n; i++) {
        utf8.next(b[i] & 0xFF);
      }
      return n;
    }
  }

  /**
   * Well-formed UTF-8 (RFC 3629, section 4), one byte at a time: after a lead byte, how many
   * continuation bytes are due and the range the next one must fall in.
   */
  static final class Utf8 {
    private int due;
    private int low = 0x80;
    private int high = 0xBF;

    void next(int b) throws JsonParseException {
      if (due > 0) {
        if (b < low || b > high) {
          throw notUtf8();
        }
        due--;
        low = 0x80;
        high = 0xBF;
        return;
      }
      if (b < 0x80) {
        return;
      }
      if (b >= 0xC2 && b <= 0xDF) {
        due = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        due = 2;
        low = b == 0xE0 ? 0xA0 : 0x80;
        high = b == 0xED ? 0x9F : 0xBF;
      } else if (b >= 0xF0 && b <= 0xF4) {
        due = 3;
        low = b == 0xF0 ? 0x90 : 0x80;
        high = b == 0xF4 ? 0x8F : 0xBF;
      } else {
        throw notUtf8();
      }
    }

    void end() throws JsonParseException {
      if (due > 0) {
        throw notUtf8();
      }
    }
  }
}
