package dev.triage.adapters.in.rest.attachment;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An upload's body as the store reads it: counted, hashed (SHA-256, the download's strong ETag) and
 * cut off with {@link TooLarge} on the first byte past the limit, so no more than the limit is ever
 * stored and nothing is held.
 */
final class CheckedBody extends FilterInputStream {

  /** The body went past the limit. */
  static final class TooLarge extends IOException {
    TooLarge() {
      super("over the attachment size limit", null);
    }
  }

  private final long limit;
  private final MessageDigest digest;
  private long count;

  CheckedBody(InputStream body, long limit) {
    super(body);
    this.limit = limit;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counted(1);
      digest.update((byte) b);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      counted(n);
      digest.update(b, off, n);
    }
    return n;
  }

  private void counted(int n) throws TooLarge {
    count += n;
    if (count > limit) {
      throw new TooLarge();
    }
  }

  @Override
  public long skip(long n) throws IOException {
    throw new IOException("not skippable");
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  long count() {
    return count;
  }

  String sha256() {
    return HexFormat.of().formatHex(digest.digest());
  }
}
