package dev.triage.application.mail;

import dev.triage.application.bus.Query;
import java.util.List;

/**
 * The original e-mails that became a ticket or its replies, for staff: a customer (even the
 * ticket's requester) is answered as for a ticket that is not there.
 */
public record ListInboundMails(String ticket) implements Query<List<InboundMailView>> {}
