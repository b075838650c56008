package dev.triage.domain.settings;

import dev.triage.domain.escalation.AutoClosePolicy;
import dev.triage.domain.escalation.AutoEscalationPolicy;
import dev.triage.domain.shared.FieldErrors;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.TicketRules;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The settings an admin changes at runtime ({@code GET/PATCH /api/v1/settings}): the priority a
 * ticket gets when none is named, the priorities a customer may choose when opening a ticket,
 * whether requesters may accept a resolution (RESOLVED to CLOSED), and after how long the system
 * escalates a stale OPEN ticket and closes an idle RESOLVED one (wall-clock time).
 *
 * <p>{@link #of} names each offending field for a 422: {@code customerPriorities} (empty, or
 * without the default priority), {@code defaultPriority}, {@code autoEscalateAfter} and {@code
 * autoCloseAfter} (not between {@link #MIN_AGE} and {@link #MAX_AGE}). {@link #defaults()} is
 * today's behaviour.
 */
public record RuntimeSettings(
    Priority defaultPriority,
    Set<Priority> customerPriorities,
    boolean requesterMayAcceptResolution,
    Duration autoEscalateAfter,
    Duration autoCloseAfter) {

  /** The shortest age for automatic escalation or auto-close: shorter would race the sweeps. */
  public static final Duration MIN_AGE = Duration.ofMinutes(1);

  /** The longest age for automatic escalation or auto-close. */
  public static final Duration MAX_AGE = Duration.ofDays(365);

  private static final RuntimeSettings DEFAULTS =
      new RuntimeSettings(
          Priority.defaultPriority(),
          EnumSet.allOf(Priority.class),
          TicketRules.defaults().requesterMayAcceptResolution(),
          AutoEscalationPolicy.DEFAULT_AFTER,
          AutoClosePolicy.DEFAULT_IDLE);

  public RuntimeSettings {
    FieldErrors errors =
        check(
            defaultPriority,
            customerPriorities,
            autoEscalateAfter,
            autoCloseAfter,
            new FieldErrors());
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException("invalid settings: " + errors);
    }
    customerPriorities = Collections.unmodifiableSet(EnumSet.copyOf(customerPriorities));
  }

  /**
   * Today's behaviour: MEDIUM by default, a customer may choose any priority, requesters may accept
   * a resolution, escalation after 24 h, auto-close after 7 days.
   */
  public static RuntimeSettings defaults() {
    return DEFAULTS;
  }

  /** Settings as an admin sends them; a rejection names every offending field. */
  public static Result<RuntimeSettings> of(
      Priority defaultPriority,
      Collection<Priority> customerPriorities,
      boolean requesterMayAcceptResolution,
      Duration autoEscalateAfter,
      Duration autoCloseAfter) {
    Set<Priority> allowed =
        customerPriorities == null || customerPriorities.stream().anyMatch(Objects::isNull)
            ? null
            : customerPriorities.isEmpty()
                ? EnumSet.noneOf(Priority.class)
                : EnumSet.copyOf(customerPriorities);
    return check(defaultPriority, allowed, autoEscalateAfter, autoCloseAfter, new FieldErrors())
        .toResult(
            () ->
                new RuntimeSettings(
                    defaultPriority,
                    allowed,
                    requesterMayAcceptResolution,
                    autoEscalateAfter,
                    autoCloseAfter));
  }

  private static FieldErrors check(
      Priority defaultPriority,
      Set<Priority> customerPriorities,
      Duration autoEscalateAfter,
      Duration autoCloseAfter,
      FieldErrors errors) {
    if (defaultPriority == null) {
      errors.add("defaultPriority", "is required");
    }
    if (customerPriorities == null) {
      errors.add("customerPriorities", "must list priorities");
    } else if (customerPriorities.isEmpty()) {
      errors.add("customerPriorities", "must allow at least one priority");
    } else if (defaultPriority != null && !customerPriorities.contains(defaultPriority)) {
      errors.add(
          "customerPriorities",
          "must contain the default priority "
              + defaultPriority
              + " (a customer who names none gets it)");
    }
    checkAge("autoEscalateAfter", autoEscalateAfter, errors);
    checkAge("autoCloseAfter", autoCloseAfter, errors);
    return errors;
  }

  private static void checkAge(String field, Duration age, FieldErrors errors) {
    if (age == null) {
      errors.add(field, "is required");
    } else if (age.compareTo(MIN_AGE) < 0 || age.compareTo(MAX_AGE) > 0) {
      errors.add(field, "must be between 1 minute and 365 days");
    }
  }

  /** True when a customer may open a ticket with {@code priority}. */
  public boolean mayCustomerChoose(Priority priority) {
    return customerPriorities.contains(priority);
  }

  /**
   * The priority of a customer's new ticket: the one they chose if allowed, the default if they
   * chose none; a priority they may not choose is refused naming the field {@code priority}.
   */
  public Result<Priority> customerPriority(Optional<Priority> chosen) {
    if (chosen.isEmpty()) {
      return Result.ok(defaultPriority);
    }
    if (!mayCustomerChoose(chosen.get())) {
      return Result.invalid(
          "priority", "must be one of " + customerPriorities + " when a customer opens a ticket");
    }
    return Result.ok(chosen.get());
  }

  /** The ticket rules these settings imply (the redaction window stays as configured). */
  public TicketRules ticketRules(TicketRules configured) {
    return configured.withRequesterMayAcceptResolution(requesterMayAcceptResolution);
  }

  public AutoEscalationPolicy autoEscalation() {
    return new AutoEscalationPolicy(autoEscalateAfter);
  }

  public AutoClosePolicy autoClose() {
    return new AutoClosePolicy(autoCloseAfter);
  }

  /** These settings with another field changed, checked again (for a PATCH). */
  public Result<RuntimeSettings> with(
      Optional<Priority> defaultPriority,
      Optional<? extends Collection<Priority>> customerPriorities,
      Optional<Boolean> requesterMayAcceptResolution,
      Optional<Duration> autoEscalateAfter,
      Optional<Duration> autoCloseAfter) {
    return of(
        defaultPriority.orElse(this.defaultPriority),
        customerPriorities.isPresent() ? customerPriorities.get() : this.customerPriorities,
        requesterMayAcceptResolution.orElse(this.requesterMayAcceptResolution),
        autoEscalateAfter.orElse(this.autoEscalateAfter),
        autoCloseAfter.orElse(this.autoCloseAfter));
  }
}
