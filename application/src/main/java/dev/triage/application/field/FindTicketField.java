package dev.triage.application.field;

import dev.triage.application.bus.Query;

/** What is this custom field? Customers see active fields visible to customers only. */
public record FindTicketField(String fieldId) implements Query<TicketFieldView> {}
