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
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads the support mailbox over IMAP (Angus Mail): each unseen message of the folder is handed to
 * {@link InboundMail} and then flagged seen, so a message is read once per mailbox; replicas
 * polling together are kept to one ticket per message by its Message-ID. Off unless {@code
 * TRIAGE_MAIL_IMAP_HOST} is set. Where the server offers IMAP IDLE (and {@code
 * TRIAGE_MAIL_IMAP_IDLE} is not false) a thread of its own waits in IDLE and reads each message as
 * it is reported; otherwise, and whenever that connection is down, a timer ({@code MailJobs})
 * polls, so a message waits at most one poll period.
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
  private final boolean idle;
  private volatile boolean stopped;
  private volatile boolean idling;
  private volatile Store idleStore;
  private Thread idler;

  public ImapPoller(
      InboundMail inbound,
      @ConfigProperty(name = "triage.mail.imap.host") Optional<String> host,
      @ConfigProperty(name = "triage.mail.imap.port", defaultValue = "993") int port,
      @ConfigProperty(name = "triage.mail.imap.tls", defaultValue = "tls") String tls,
      @ConfigProperty(name = "triage.mail.imap.user") Optional<String> user,
      @ConfigProperty(name = "triage.mail.imap.password") Optional<String> password,
      @ConfigProperty(name = "triage.mail.imap.folder", defaultValue = "INBOX") String folder,
      @ConfigProperty(name = "triage.mail.imap.idle", defaultValue = "true") boolean idle) {
    this.inbound = inbound;
    this.host = host.map(String::strip).filter(s -> !s.isEmpty());
    this.port = port;
    this.tls = tlsMode(tls);
    this.user = user;
    this.password = password;
    this.folder = folder;
    this.idle = idle;
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
    try (Store store = connect()) {
      Folder inbox = store.getFolder(folder);
      inbox.open(Folder.READ_WRITE);
      try {
        return drain(inbox);
      } finally {
        inbox.close(false);
      }
    } catch (MessagingException | IOException | RuntimeException e) {
      LOG.warnf("Reading the mailbox over IMAP failed (tried again at the next poll): %s", e);
      return 0;
    }
  }

  /**
   * Whether the mailbox is being watched with IMAP IDLE right now; while it is, the timer's poll is
   * not needed and is skipped.
   */
  public boolean idling() {
    return idling;
  }

  /**
   * Starts watching the mailbox with IMAP IDLE on a thread of its own, when configured and the
   * server offers it: each new message is read as soon as the server reports it. A server without
   * IDLE is read by the timer's poll alone. Does nothing while inbound IMAP is off.
   */
  public synchronized void startIdling() {
    if (host.isEmpty() || !idle || idler != null) {
      return;
    }
    stopped = false;
    idler = Thread.ofPlatform().daemon().name("triage-imap-idle").start(this::watch);
  }

  /** Ends the IDLE thread (on shutdown): closing its connection ends the IDLE command. */
  public synchronized void stopIdling() {
    stopped = true;
    Store store = idleStore;
    if (store != null) {
      try {
        store.close();
      } catch (MessagingException e) {
        // Closing anyway.
      }
    }
    if (idler != null) {
      idler.interrupt();
      idler = null;
    }
  }

  private void watch() {
    long backoff = 1_000;
    while (!stopped) {
      try (Store store = connect()) {
        idleStore = store;
        if (!(store instanceof IMAPStore imap) || !imap.hasCapability("IDLE")) {
          LOG.info("The IMAP server does not offer IDLE: the mailbox is read every poll");
          return;
        }
        IMAPFolder inbox = (IMAPFolder) store.getFolder(folder);
        inbox.open(Folder.READ_WRITE);
        try {
          idling = true;
          backoff = 1_000;
          while (!stopped) {
            while (drain(inbox) >= BATCH) {
              // A full batch: read on before waiting.
            }
            // Returns once the server reports a change (a new message) or the connection ends.
            inbox.idle(true);
          }
        } finally {
          idling = false;
          if (inbox.isOpen()) {
            inbox.close(false);
          }
        }
      } catch (MessagingException | IOException | RuntimeException e) {
        if (stopped) {
          return;
        }
        LOG.warnf(
            "Watching the mailbox with IMAP IDLE failed (connecting again in %d ms; the poll reads"
                + " it meanwhile): %s",
            backoff, e);
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException interrupted) {
          return;
        }
        backoff = Math.min(backoff * 2, 60_000);
      } finally {
        idleStore = null;
        idling = false;
      }
    }
  }

  private Store connect() throws MessagingException {
    Store store =
        Session.getInstance(sessionProperties(host.get(), port, tls)).getStore(protocol(tls));
    store.connect(host.get(), port, user.orElse(null), password.orElse(null));
    return store;
  }

  /** Hands each unseen message of the open folder to {@link InboundMail}, at most one batch. */
  private int drain(Folder inbox) throws MessagingException, IOException {
    int handled = 0;
    Message[] unseen = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
    for (Message message : unseen) {
      if (handled >= BATCH) {
        break;
      }
      if (message.isSet(Flags.Flag.SEEN)) {
        continue; // read meanwhile by the poll or another replica's connection
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
    return handled;
  }
}
