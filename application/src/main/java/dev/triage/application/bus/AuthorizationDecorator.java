package dev.triage.application.bus;

import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Caller;
import dev.triage.domain.user.Scope;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * Refuses a request before its handler runs when the caller may not send it at all: anonymous
 * callers get {@code UNAUTHENTICATED}, callers without the role or scope get {@code FORBIDDEN}.
 * Nothing refused here is stored anywhere (it sits before idempotency and the transaction).
 */
public final class AuthorizationDecorator implements Decorator {

  @Override
  public <R> Uni<Result<R>> around(
      Request<R> request, RequestContext context, Supplier<Uni<Result<R>>> next) {
    Result<Void> decision = decide(request, context);
    return decision instanceof Result.Err<Void> err
        ? Uni.createFrom().item(err.<R>cast())
        : next.get();
  }

  /**
   * The decision for {@code request} by the caller of {@code context}; also for an edge that must
   * decide before it reads a body the request is made from (an upload).
   */
  public static Result<Void> decide(Request<?> request, RequestContext context) {
    Access access = request.requiredAccess();
    if (access == Access.PUBLIC) {
      return Result.ok(null);
    }
    if (context.caller().isEmpty()) {
      return Result.err(ErrorCode.UNAUTHENTICATED, "Sign in first: this needs a bearer token.");
    }
    Caller caller = context.caller().get();
    if (access == Access.SIGNED_IN) {
      return Result.ok(null);
    }
    Scope scope =
        switch (access) {
          case ADMIN -> Scope.ADMIN;
          default -> request instanceof Command<?> ? Scope.TICKETS_WRITE : Scope.TICKETS_READ;
        };
    if (!caller.has(scope)) {
      return Result.err(ErrorCode.FORBIDDEN, "This needs the " + scope.key() + " scope.");
    }
    return switch (access) {
      case STAFF ->
          caller.actor().isStaff()
              ? Result.ok(null)
              : Result.err(ErrorCode.FORBIDDEN, "Only agents and admins may do this.");
      case ADMIN ->
          caller.actor().isAdmin()
              ? Result.ok(null)
              : Result.err(ErrorCode.FORBIDDEN, "Only admins may do this.");
      default -> Result.ok(null);
    };
  }
}
