package dev.triage.adapters.in.mail;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts the quoted history and the signature off a reply's plain text, so the comment holds what the
 * sender wrote. No library for this is kept up on Maven Central (Mailgun's talon is Python, its
 * Java ports are unmaintained), so this is a small rule set, in the order mail clients write them:
 *
 * <ul>
 *   <li>the first line that opens a quoted reply: "On … wrote:" (one or two lines, as Gmail and
 *       Apple Mail write it), Outlook's "-----Original Message-----" or its "From: … / Sent: …"
 *       block, a line of underscores Outlook draws above it, and "Am … schrieb …:" / "Le … a écrit
 *       :";
 *   <li>the signature separator "-- " (RFC 3676) and "Sent from my …" lines;
 *   <li>trailing lines that start with {@code >}.
 * </ul>
 *
 * Everything from the first such line on goes. Text without any of them is kept whole; a reply that
 * would come out empty (only a quote) is kept whole too. The original message is kept for staff.
 */
public final class QuoteTrimmer {

  private static final List<Pattern> CUT_AT =
      List.of(
          Pattern.compile("^On\\b.{0,300}\\bwrote:\\s*$"),
          Pattern.compile("^-{2,}\\s*Original Message\\s*-{2,}\\s*$", Pattern.CASE_INSENSITIVE),
          Pattern.compile("^_{20,}\\s*$"),
          Pattern.compile("^From:\\s.+$"),
          Pattern.compile("^Am\\b.{0,300}\\bschrieb.{0,100}:\\s*$"),
          Pattern.compile("^Le\\b.{0,300}\\ba écrit\\s*:\\s*$"),
          Pattern.compile("^-- ?$"),
          Pattern.compile("^Sent from my .{1,60}$"));

  /** A line that opens a two-line "On …\n… wrote:" header. */
  private static final Pattern ON = Pattern.compile("^On\\b.{0,300}$");

  private static final Pattern WROTE = Pattern.compile("^.{0,300}\\bwrote:\\s*$");

  private QuoteTrimmer() {}

  /** The text the sender wrote above the quote and signature, without trailing blank lines. */
  public static String trim(String text) {
    if (text == null) {
      return "";
    }
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    int end = lines.length;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].stripTrailing();
      boolean cut = CUT_AT.stream().anyMatch(p -> p.matcher(line).matches());
      if (!cut && i + 1 < lines.length && ON.matcher(line).matches()) {
        cut = WROTE.matcher(lines[i + 1].stripTrailing()).matches();
      }
      if (cut) {
        end = i;
        break;
      }
    }
    // Quoted lines left at the end (a quote without a header line).
    while (end > 0 && (lines[end - 1].startsWith(">") || lines[end - 1].isBlank())) {
      end--;
    }
    StringBuilder kept = new StringBuilder();
    for (int i = 0; i < end; i++) {
      kept.append(lines[i].stripTrailing()).append('\n');
    }
    String result = kept.toString().strip();
    return result.isEmpty() ? text.strip() : result;
  }
}
