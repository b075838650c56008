package dev.triage.adapters.in.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads the support mailbox over IMAP (Angus Mail): each unseen message of the folder is handed to
 * {@link InboundMail} and then flagged seen, so a message is read once per mailbox; replicas
 * polling together are kept to one ticket per message by its Message-ID. Off unless {@code
 * TRIAGE_MAIL_IMAP_HOST} is set. Polled by a timer ({@code MailJobs}); IMAP IDLE is not used, so a
 * message waits at most one poll period.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup
public class ImapPoller {

  private static final Logger LOG = Logger.getLogger(ImapPoller.class);

  /** Messages handled per poll at most, so one poll cannot run for long. */
  static final int BATCH = 50;

  private final InboundMail inbound;
  private final Optional<String> host;
  private final int port;
  private final String tls;
  private final Optional<String> user;
  private final Optional<String> password;
  private final String folder;

  public ImapPoller(
      InboundMail inbound,
      @ConfigProperty(name = "triage.mail.imap.host") Optional<String> host,
      @ConfigProperty(name = "triage.mail.imap.port", defaultValue = "993") int port,
      @ConfigProperty(name = "triage.mail.imap.tls", defaultValue = "tls") String tls,
      @ConfigProperty(name = "triage.mail.imap.user") Optional<String> user,
      @ConfigProperty(name = "triage.mail.imap.password") Optional<String> password,
      @ConfigProperty(name = "triage.mail.imap.folder", defaultValue = "INBOX") String folder) {
    this.inbound = inbound;
    this.host = host.map(String::strip).filter(s -> !s.isEmpty());
    this.port = port;
    this.tls = tlsMode(tls);
    this.user = user;
    this.password = password;
    this.folder = folder;
  }

  /**
   * The mode {@code TRIAGE_MAIL_IMAP_TLS} names: {@code none}, {@code starttls} or {@code tls}
   * (case and spaces aside). Anything else is refused, naming the variable, when the poller is made
   * at start-up.
   */
  static String tlsMode(String value) {
    String m = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    if (!m.equals("none") && !m.equals("starttls") && !m.equals("tls")) {
      throw new IllegalArgumentException(
          "TRIAGE_MAIL_IMAP_TLS must be none, starttls or tls, not " + value);
    }
    return m;
  }

  /** The Jakarta Mail store protocol for a mode: {@code imaps} for tls, {@code imap} otherwise. */
  static String protocol(String tls) {
    return tls.equals("tls") ? "imaps" : "imap";
  }

  /**
   * The session properties for a mode: TLS from the first byte (imaps), STARTTLS required (a server
   * that does not offer it is refused rather than spoken to in clear), or plain IMAP.
   */
  static Properties sessionProperties(String host, int port, String tls) {
    String protocol = protocol(tls);
    Properties p = new Properties();
    p.setProperty("mail." + protocol + ".host", host);
    p.setProperty("mail." + protocol + ".port", Integer.toString(port));
    p.setProperty("mail." + protocol + ".connectiontimeout", "10000");
    p.setProperty("mail." + protocol + ".timeout", "30000");
    if (tls.equals("starttls")) {
      p.setProperty("mail.imap.starttls.enable", "true");
      p.setProperty("mail.imap.starttls.required", "true");
    }
    return p;
  }

  public boolean enabled() {
    return host.isPresent();
  }

  /** Reads the unseen messages once; blocking, so it runs on a worker thread. Never fails. */
  public int poll() {
    if (host.isEmpty()) {
      return 0;
    }
    String protocol = protocol(tls);
    Properties p = sessionProperties(host.get(), port, tls);
    int handled = 0;
    try (Store store = Session.getInstance(p).getStore(protocol)) {
      store.connect(host.get(), port, user.orElse(null), password.orElse(null));
      Folder inbox = store.getFolder(folder);
      inbox.open(Folder.READ_WRITE);
      try {
        Message[] unseen = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        for (Message message : unseen) {
          if (handled >= BATCH) {
            break;
          }
          ByteArrayOutputStream raw = new ByteArrayOutputStream();
          message.writeTo(raw);
          byte[] bytes = raw.toByteArray();
          // On a Vert.x context: the bus and its sessions need one.
          try {
            io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(
                () -> inbound.receive(bytes, "IMAP"));
          } catch (Throwable t) {
            throw new IllegalStateException(t);
          }
          message.setFlag(Flags.Flag.SEEN, true);
          handled++;
        }
      } finally {
        inbox.close(false);
      }
    } catch (MessagingException | IOException | RuntimeException e) {
      LOG.warnf("Reading the mailbox over IMAP failed (tried again at the next poll): %s", e);
    }
    return handled;
  }
}
