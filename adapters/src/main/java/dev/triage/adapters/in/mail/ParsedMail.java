package dev.triage.adapters.in.mail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The parts of an RFC 5322 message that inbound mail reads, parsed with Angus Mail. Parsing never
 * throws for a malformed message: what cannot be read is absent (a header in an unknown encoding is
 * kept raw, a body part that cannot be decoded is skipped), and at most {@link #MAX_PARTS} parts
 * and {@link #MAX_DEPTH} levels of nesting are looked at.
 *
 * @param messageId the Message-ID, or {@code <sha256 of the bytes>@triage.invalid} without one
 * @param text the first text/plain part (or the text of the first text/html part), as sent
 */
public record ParsedMail(
    Optional<String> from,
    String fromName,
    String subject,
    String messageId,
    String inReplyTo,
    String references,
    List<String> recipients,
    Map<String, String> headers,
    String text,
    boolean deliveryReport) {

  static final int MAX_PARTS = 50;
  static final int MAX_DEPTH = 5;
  static final int MAX_HEADER = 8_192;

  private static final Session SESSION = Session.getInstance(properties());

  private static Properties properties() {
    Properties p = new Properties();
    p.setProperty("mail.mime.address.strict", "false");
    p.setProperty("mail.mime.decodetext.strict", "false");
    p.setProperty("mail.mime.parameters.strict", "false");
    p.setProperty("mail.mime.base64.ignoreerrors", "true");
    p.setProperty("mail.mime.multipart.ignoreexistingboundaryparameter", "true");
    return p;
  }

  /** A header's first value, unfolded and decoded, if present. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Parses {@code raw}; never fails. */
  public static ParsedMail parse(byte[] raw) {
    MimeMessage message;
    try {
      message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
    } catch (MessagingException | RuntimeException e) {
      return empty(raw);
    }
    Map<String, String> headers = headers(message);
    Optional<String> from = Optional.empty();
    String fromName = "";
    try {
      Address[] senders = message.getFrom();
      if (senders != null && senders.length > 0 && senders[0] instanceof InternetAddress a) {
        from = Optional.ofNullable(a.getAddress()).map(String::strip).filter(s -> s.contains("@"));
        fromName = a.getPersonal() == null ? "" : a.getPersonal().strip();
      }
    } catch (MessagingException | RuntimeException e) {
      from = Optional.empty();
    }
    List<String> recipients = new ArrayList<>();
    for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
      try {
        Address[] addresses = message.getRecipients(type);
        if (addresses != null) {
          for (Address a : addresses) {
            if (a instanceof InternetAddress ia && ia.getAddress() != null) {
              recipients.add(ia.getAddress());
            }
          }
        }
      } catch (MessagingException | RuntimeException e) {
        // an unreadable recipient list names no ticket
      }
    }
    String delivered = headers.getOrDefault("delivered-to", "");
    if (!delivered.isBlank()) {
      recipients.add(delivered.strip());
    }
    String messageId = headers.getOrDefault("message-id", "").strip();
    if (messageId.isEmpty() || messageId.length() > 998) {
      messageId = "<" + sha256(raw) + "@triage.invalid>";
    }
    Body body = new Body();
    walk(message, 0, body);
    return new ParsedMail(
        from,
        fromName,
        headers.getOrDefault("subject", ""),
        messageId,
        headers.getOrDefault("in-reply-to", ""),
        headers.getOrDefault("references", ""),
        List.copyOf(recipients),
        headers,
        body.plain != null ? body.plain : body.html != null ? stripHtml(body.html) : "",
        body.report);
  }

  private static ParsedMail empty(byte[] raw) {
    return new ParsedMail(
        Optional.empty(),
        "",
        "",
        "<" + sha256(raw) + "@triage.invalid>",
        "",
        "",
        List.of(),
        Map.of(),
        "",
        false);
  }

  private static Map<String, String> headers(MimeMessage message) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name :
        List.of(
            "Subject",
            "Message-ID",
            "In-Reply-To",
            "References",
            "Auto-Submitted",
            "Precedence",
            "X-Autoreply",
            "X-Autorespond",
            "X-Auto-Response-Suppress",
            "List-Id",
            "List-Unsubscribe",
            "Delivered-To")) {
      try {
        String value = message.getHeader(name, null);
        if (value != null) {
          String unfolded = MimeUtility.unfold(value);
          String decoded;
          try {
            decoded = MimeUtility.decodeText(unfolded);
          } catch (IOException | RuntimeException e) {
            decoded = unfolded;
          }
          if (decoded.length() > MAX_HEADER) {
            decoded = decoded.substring(0, MAX_HEADER);
          }
          headers.put(name.toLowerCase(Locale.ROOT), decoded.replace('\0', ' '));
        }
      } catch (MessagingException | RuntimeException e) {
        // an unreadable header is absent
      }
    }
    return headers;
  }

  private static final class Body {
    String plain;
    String html;
    boolean report;
    int parts;
  }

  private static void walk(Part part, int depth, Body body) {
    if (depth > MAX_DEPTH || body.parts++ > MAX_PARTS) {
      return;
    }
    try {
      if (part.isMimeType("multipart/report") || part.isMimeType("message/delivery-status")) {
        body.report = true;
      }
      String disposition = part.getDisposition();
      boolean attachment = disposition != null && disposition.equalsIgnoreCase(Part.ATTACHMENT);
      if (part.isMimeType("text/plain") && body.plain == null && !attachment) {
        body.plain = text(part);
      } else if (part.isMimeType("text/html") && body.html == null && !attachment) {
        body.html = text(part);
      } else if (part.isMimeType("multipart/*")) {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
          for (int i = 0; i < multipart.getCount() && body.parts <= MAX_PARTS; i++) {
            BodyPart child = multipart.getBodyPart(i);
            walk(child, depth + 1, body);
          }
        }
      }
    } catch (MessagingException | IOException | RuntimeException e) {
      // an undecodable part is skipped
    }
  }

  private static String text(Part part) throws MessagingException, IOException {
    Object content;
    try {
      content = part.getContent();
    } catch (IOException | RuntimeException e) {
      // An unknown charset: read the bytes as UTF-8, replacing what is not.
      try (InputStream in = part.getInputStream()) {
        return new String(in.readNBytes(1_000_000), StandardCharsets.UTF_8);
      }
    }
    if (content instanceof String s) {
      return s.replace('\0', ' ');
    }
    if (content instanceof InputStream in) {
      try (in) {
        return new String(in.readNBytes(1_000_000), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  /** The text of an HTML body: tags dropped, common entities read, whitespace folded. */
  static String stripHtml(String html) {
    String text =
        html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
            .replaceAll("(?i)<br\\s*/?>|</p>|</div>", "\n")
            .replaceAll("<[^>]*>", " ")
            .replace("&nbsp;", " ")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
    return text.replaceAll("[ \\t]+", " ").replaceAll("\\n\\s*\\n+", "\n\n").strip();
  }

  static String sha256(byte[] raw) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
