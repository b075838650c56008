package dev.triage.application.attachment;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a file's first bytes say it is, against what its upload declares (ADR 29). A short table of
 * signatures ("magic numbers") of the types the allow-list may hold, and of programs, which are
 * never accepted whatever the declared type or name. Text types must not start like any binary
 * format and hold no NUL byte up front. A file name whose extension belongs to another known type
 * is refused as well, so bytes of a program cannot travel as {@code screenshot.png}.
 */
public final class FileTypes {

  /** How many first bytes {@link #refusal} needs at most. */
  public static final int HEAD = 512;

  private record Signature(int offset, byte[] bytes) {
    boolean matches(byte[] head, int length) {
      if (length < offset + bytes.length) {
        return false;
      }
      return Arrays.equals(head, offset, offset + bytes.length, bytes, 0, bytes.length);
    }
  }

  private static Signature sig(int offset, int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return new Signature(offset, b);
  }

  private static Signature sig(int offset, String ascii) {
    return new Signature(offset, ascii.getBytes(StandardCharsets.US_ASCII));
  }

  /** Binary types and the signatures any one of which they must start with. */
  private static final Map<String, List<Signature>> BINARY =
      Map.of(
          "image/png", List.of(sig(0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)),
          "image/jpeg", List.of(sig(0, 0xFF, 0xD8, 0xFF)),
          "image/gif", List.of(sig(0, "GIF87a"), sig(0, "GIF89a")),
          "image/webp", List.of(sig(8, "WEBP")),
          "application/pdf", List.of(sig(0, "%PDF-")),
          "application/zip", List.of(sig(0, 'P', 'K', 3, 4), sig(0, 'P', 'K', 5, 6)));

  /** Programs: ELF, PE (MZ), Mach-O (both orders, 32 and 64 bit, fat), scripts, Java classes. */
  private static final List<Signature> PROGRAMS =
      List.of(
          sig(0, 0x7F, 'E', 'L', 'F'),
          sig(0, 0xFE, 0xED, 0xFA, 0xCE),
          sig(0, 0xFE, 0xED, 0xFA, 0xCF),
          sig(0, 0xCE, 0xFA, 0xED, 0xFE),
          sig(0, 0xCF, 0xFA, 0xED, 0xFE),
          sig(0, 0xCA, 0xFE, 0xBA, 0xBE),
          sig(0, "#!"));

  /** Text types: their bytes must look like none of the binary formats above. */
  private static final List<String> TEXT = List.of("text/plain", "text/csv", "application/json");

  /** Extensions of known types; a name with one of these must declare its type. */
  private static final Map<String, String> EXTENSIONS =
      Map.ofEntries(
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("pdf", "application/pdf"),
          Map.entry("zip", "application/zip"),
          Map.entry("csv", "text/csv"),
          Map.entry("json", "application/json"),
          Map.entry("exe", "application/x-msdownload"),
          Map.entry("dll", "application/x-msdownload"),
          Map.entry("elf", "application/x-executable"),
          Map.entry("sh", "application/x-sh"));

  private FileTypes() {}

  /**
   * The media type of a {@code Content-Type} header, lower case and without parameters; empty when
   * the header names none.
   */
  public static Optional<String> mediaType(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return type.matches("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}")
        ? Optional.of(type)
        : Optional.empty();
  }

  /**
   * Why a file named {@code fileName}, declared {@code type} (an allowed media type), whose first
   * {@code length} bytes are {@code head}, is refused; empty when its bytes agree.
   */
  public static Optional<String> refusal(String type, String fileName, byte[] head, int length) {
    for (Signature program : PROGRAMS) {
      if (program.matches(head, length) || portableExecutable(head, length)) {
        return Optional.of("its first bytes are those of a program, not of " + type);
      }
    }
    String extension = extension(fileName);
    String named = EXTENSIONS.get(extension);
    if (named != null && !named.equals(type)) {
      return Optional.of("a file named ." + extension + " is not " + type);
    }
    List<Signature> expected = BINARY.get(type);
    if (expected != null) {
      return expected.stream().anyMatch(s -> s.matches(head, length))
          ? Optional.empty()
          : Optional.of("its first bytes are not those of " + type);
    }
    if (TEXT.contains(type)) {
      for (List<Signature> binary : BINARY.values()) {
        if (binary.stream().anyMatch(s -> s.matches(head, length))) {
          return Optional.of("its first bytes are those of a binary format, not of " + type);
        }
      }
      for (int i = 0; i < Math.min(length, HEAD); i++) {
        if (head[i] == 0) {
          return Optional.of("a text file holds no NUL byte");
        }
      }
      return Optional.empty();
    }
    // An allowed type this table does not know: only programs are refused.
    return Optional.empty();
  }

  /** "MZ" followed by the binary header of a DOS or Windows program (it holds NUL bytes). */
  private static boolean portableExecutable(byte[] head, int length) {
    if (length < 2 || head[0] != 'M' || head[1] != 'Z') {
      return false;
    }
    for (int i = 2; i < Math.min(length, 64); i++) {
      if (head[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
