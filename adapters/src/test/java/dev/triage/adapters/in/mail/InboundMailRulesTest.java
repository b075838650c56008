package dev.triage.adapters.in.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The pure rules of inbound mail: trimming quotes, filtering machines, reading odd messages. */
class InboundMailRulesTest {

  private static ParsedMail parse(String raw) {
    return ParsedMail.parse(raw.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void quoted_history_and_signatures_are_cut_from_replies() {
    assertThat(
            QuoteTrimmer.trim(
                "Thanks, that worked.\n\nOn Mon, 7 Dec 2026 at 10:00, Triage <s@x.test> wrote:\n> old\n"))
        .isEqualTo("Thanks, that worked.");
    assertThat(
            QuoteTrimmer.trim(
                "Fine now.\nOn Mon, 7 Dec 2026 at 10:00 Triage\n<s@x.test> wrote:\n> old\n"))
        .isEqualTo("Fine now.");
    assertThat(QuoteTrimmer.trim("Yes.\n\n-----Original Message-----\nFrom: x\n"))
        .isEqualTo("Yes.");
    assertThat(QuoteTrimmer.trim("Hi\n\n-- \nBob\nACME Inc.")).isEqualTo("Hi");
    assertThat(QuoteTrimmer.trim("Ok\n\nSent from my phone")).isEqualTo("Ok");
    assertThat(QuoteTrimmer.trim("Done\n> quoted\n> more\n")).isEqualTo("Done");
    assertThat(QuoteTrimmer.trim("Gut.\n\nAm 07.12.2026 um 10:00 schrieb Triage <s@x>:\n> alt"))
        .isEqualTo("Gut.");
    // Nothing to cut, or nothing left after cutting: the text stays whole.
    assertThat(QuoteTrimmer.trim("Line one\nLine two")).isEqualTo("Line one\nLine two");
    assertThat(QuoteTrimmer.trim("> only a quote")).isEqualTo("> only a quote");
  }

  @Test
  void machines_and_own_mail_are_ignored_and_people_are_not() {
    String own = "support@triage.test";
    assertThat(InboundFilter.ignored(parse("From: a@b.test\r\n\r\nhi"), own)).isEmpty();
    assertThat(InboundFilter.ignored(parse("From: a@b.test\r\nAuto-Submitted: no\r\n\r\nhi"), own))
        .isEmpty();
    assertThat(
            InboundFilter.ignored(
                parse("From: a@b.test\r\nAuto-Submitted: auto-replied\r\n\r\nhi"), own))
        .isPresent();
    assertThat(InboundFilter.ignored(parse("From: a@b.test\r\nPrecedence: bulk\r\n\r\nx"), own))
        .isPresent();
    assertThat(InboundFilter.ignored(parse("From: a@b.test\r\nList-Id: <l.b.test>\r\n\r\nx"), own))
        .isPresent();
    assertThat(InboundFilter.ignored(parse("From: a@b.test\r\nX-Autoreply: yes\r\n\r\nx"), own))
        .isPresent();
    assertThat(InboundFilter.ignored(parse("From: MAILER-DAEMON@b.test\r\n\r\nx"), own))
        .isPresent();
    assertThat(InboundFilter.ignored(parse("From: Support <SUPPORT@triage.test>\r\n\r\nx"), own))
        .isPresent();
    assertThat(InboundFilter.ignored(parse("Subject: no sender\r\n\r\nx"), own)).isPresent();
    ParsedMail dsn =
        parse(
            "From: a@b.test\r\nContent-Type: multipart/report; report-type=delivery-status;"
                + " boundary=q\r\n\r\n--q\r\nContent-Type: text/plain\r\n\r\nfailed\r\n--q\r\n"
                + "Content-Type: message/delivery-status\r\n\r\nStatus: 5.0.0\r\n--q--\r\n");
    assertThat(dsn.deliveryReport()).isTrue();
    assertThat(InboundFilter.ignored(dsn, own)).isPresent();
  }

  @Test
  void odd_messages_parse_to_what_can_be_read() {
    ParsedMail m =
        parse(
            "From: Ada <ada@example.com>\r\nTo: help+TCK-2026-000042@x.test\r\n"
                + "Subject: =?UTF-8?B?w6TDtsO8?= Re: [TCK-2026-000042] Printer\r\n"
                + "Content-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\n"
                + "Content-Type: text/plain; charset=x-unknown\r\n\r\nhello there\r\n--b--\r\n");
    assertThat(m.from()).contains("ada@example.com");
    assertThat(m.fromName()).isEqualTo("Ada");
    assertThat(m.subject()).isEqualTo("äöü Re: [TCK-2026-000042] Printer");
    assertThat(m.text()).contains("hello there");
    assertThat(m.messageId()).endsWith("@triage.invalid>");
    assertThat(InboundMail.ticketOf(m)).contains("TCK-2026-000042");
    assertThat(InboundMail.title(m)).isEqualTo("äöü Re: Printer");

    for (String raw : new String[] {"", "\u0000\u0001", "From: <>\r\n\r\n", "Content-Type: x"}) {
      ParsedMail odd = parse(raw);
      assertThat(odd.from()).isEmpty();
      assertThat(odd.messageId()).isNotBlank();
    }
    assertThat(ParsedMail.parse("From: a@b.test\r\n\r\n<p>Hi &amp; bye</p>".getBytes()).text())
        .contains("Hi");
  }
}
