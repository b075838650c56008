package dev.triage.application.ticket.create;

import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Accounts;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Account;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.DisplayName;
import dev.triage.domain.user.Email;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Who a new ticket is for (ADR 22): the caller, or (staff only) an existing active customer named
 * by {@code requesterId}, or the customer {@code requester} describes: the active customer with
 * that email, else a new account without a password (the command's audit entry is the ticket's,
 * which names its requester and who typed it in). A staff email or an inactive account is refused
 * naming the field.
 */
public record Requesters(Accounts accounts, RandomGenerator random) {

  /** No accounts to look in: only a caller opening a ticket for themselves is served. */
  public static final Requesters NONE = new Requesters(null, null);

  Uni<Result<Actor>> of(CreateTicket command, RequestContext context, Instant now) {
    Actor caller = context.actor();
    if (!command.onBehalf()) {
      return done(Result.ok(caller));
    }
    if (!caller.isStaff()) {
      return done(
          Result.err(ErrorCode.FORBIDDEN, "Only staff open tickets on someone else's behalf."));
    }
    if (accounts == null) {
      return done(Result.err(ErrorCode.FORBIDDEN, "Tickets are not opened on behalf here."));
    }
    boolean byId = command.requesterId() != null && !command.requesterId().isEmpty();
    if (byId && command.requester() != null) {
      return done(Result.invalid("requester", "give requesterId or requester, not both"));
    }
    return byId ? byId(command.requesterId()) : byEmail(command.requester(), context, now);
  }

  private Uni<Result<Actor>> byId(String text) {
    UUID id;
    try {
      id = UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      return done(Result.invalid("requesterId", "must be a user id"));
    }
    return accounts
        .byId(new UserId(id))
        .map(
            found ->
                found.filter(a -> a.role() == Role.CUSTOMER && a.active()).isPresent()
                    ? Result.ok(found.get().actor())
                    : Result.invalid("requesterId", "must name an active customer"));
  }

  private Uni<Result<Actor>> byEmail(
      CreateTicket.NewRequester requester, RequestContext context, Instant now) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    Optional<Email> email = check(Email.of(requester.email()), "requester.email", errors);
    Optional<DisplayName> name =
        check(DisplayName.of(requester.displayName()), "requester.displayName", errors);
    if (!errors.isEmpty()) {
      return done(Result.invalid(errors));
    }
    return accounts
        .byEmail(email.orElseThrow())
        .flatMap(
            found -> {
              if (found.isPresent()) {
                Account a = found.get();
                return done(
                    a.role() == Role.CUSTOMER && a.active()
                        ? Result.ok(a.actor())
                        : Result.invalid(
                            "requester.email",
                            "belongs to an account that is not an active customer"));
              }
              Result<Account.Change> made =
                  Account.openForCustomer(
                      context.actor(),
                      UserId.newId(now, random),
                      email.get(),
                      name.orElseThrow(),
                      now);
              if (!(made instanceof Result.Ok<Account.Change> ok)) {
                return done(((Result.Err<Account.Change>) made).cast());
              }
              Account account = ok.value().account();
              return accounts
                  .add(account)
                  .map(
                      added -> {
                        if (!added) {
                          return Result.err(
                              ErrorCode.CONFLICT,
                              "An account with this email was just made; retry.");
                        }
                        return Result.ok(account.actor());
                      });
            });
  }

  private static <T> Optional<T> check(
      Result<T> result, String field, Map<String, List<String>> errors) {
    return switch (result) {
      case Result.Ok<T> ok -> Optional.of(ok.value());
      case Result.Err<T> err -> {
        errors.put(
            field,
            err.fieldErrors().isEmpty()
                ? List.of(err.message())
                : err.fieldErrors().values().iterator().next());
        yield Optional.empty();
      }
    };
  }

  private static <T> Uni<Result<T>> done(Result<T> result) {
    return Uni.createFrom().item(result);
  }
}
