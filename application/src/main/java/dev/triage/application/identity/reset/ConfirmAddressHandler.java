package dev.triage.application.identity.reset;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.identity.Secrets;
import dev.triage.application.identity.reset.ConfirmAddress.Confirmed;
import dev.triage.application.port.AccountTokens;
import dev.triage.application.port.Accounts;
import dev.triage.application.port.AddressChecks;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Spends the token and closes the account's address check; an unknown, used or expired token is 422
 * {@code token}.
 */
public record ConfirmAddressHandler(
    Accounts accounts, AccountTokens tokens, AddressChecks checks, Clock clock)
    implements Handler<ConfirmAddress, Confirmed> {

  /** The audited entity type of address confirmations (the entity id is the account's). */
  public static final String ENTITY = "AddressCheck";

  static final String NOT_VALID = "is not a valid confirmation token (unknown, used, or expired)";

  @Override
  public Uni<Result<Confirmed>> handle(ConfirmAddress command, RequestContext context) {
    String token = command.token();
    if (token == null || token.isBlank() || token.length() > 200) {
      return Uni.createFrom()
          .item(
              Result.invalid(
                  "token", token == null || token.isBlank() ? "is required" : NOT_VALID));
    }
    Instant now = clock.instant();
    return tokens
        .redeem(AccountTokens.Purpose.ADDRESS_CHECK, Secrets.sha256(token), now)
        .flatMap(
            user -> {
              if (user.isEmpty()) {
                return Uni.createFrom().item(Result.<Confirmed>invalid("token", NOT_VALID));
              }
              return accounts
                  .byId(user.get())
                  .flatMap(
                      account -> {
                        account.ifPresent(a -> context.effects().actedAs(a.actor()));
                        String id = user.get().value().toString();
                        context
                            .effects()
                            .changed(
                                ENTITY, id, Map.of("confirmed", false), Map.of("confirmed", true));
                        return checks
                            .confirm(user.get(), now)
                            .replaceWith(Result.ok(new Confirmed(id)));
                      });
            });
  }
}
