package dev.triage.adapters.in.rest;

import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one place where an {@link ErrorCode} becomes an HTTP status and a problem+json body.
 * Endpoints and exception mappers never build error bodies themselves.
 */
public final class Problems {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_PREFIX = "urn:triage:problem:";

  private Problems() {}

  public static int status(ErrorCode code) {
    return switch (code) {
      case MALFORMED_REQUEST -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case INVALID_TRANSITION, CONFLICT, IDEMPOTENCY_IN_FLIGHT, FIELD_LOCKED -> 409;
      case VERSION_MISMATCH -> 412;
      case PAYLOAD_TOO_LARGE -> 413;
      case UNSUPPORTED_MEDIA_TYPE -> 415;
      case VALIDATION_FAILED, IDEMPOTENCY_KEY_REUSED -> 422;
      case RATE_LIMITED -> 429;
      case SERVICE_UNAVAILABLE -> 503;
      case INTERNAL -> 500;
    };
  }

  static String title(ErrorCode code) {
    return switch (code) {
      case MALFORMED_REQUEST -> "The request could not be read";
      case UNAUTHENTICATED -> "Authentication required";
      case FORBIDDEN -> "Not allowed";
      case NOT_FOUND -> "Not found";
      case INVALID_TRANSITION -> "Invalid status transition";
      case CONFLICT -> "Conflict with the current state";
      case FIELD_LOCKED -> "The field is locked";
      case IDEMPOTENCY_IN_FLIGHT -> "A request with this idempotency key is still running";
      case VERSION_MISMATCH -> "The resource has changed";
      case PAYLOAD_TOO_LARGE -> "The body is too large";
      case UNSUPPORTED_MEDIA_TYPE -> "Unsupported media type";
      case VALIDATION_FAILED -> "Validation failed";
      case IDEMPOTENCY_KEY_REUSED -> "Idempotency key reused with a different body";
      case RATE_LIMITED -> "Too many requests";
      case SERVICE_UNAVAILABLE -> "Service unavailable";
      case INTERNAL -> "Internal error";
    };
  }

  /** The problem document {@link #of(Result.Err, String)} answers with, as a value. */
  public static ProblemDetail detail(Result.Err<?> err, String instance) {
    int status = status(err.code());
    return new ProblemDetail(
        TYPE_PREFIX + err.code().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        title(err.code()),
        status,
        err.message(),
        instance,
        err.code().name(),
        err.fieldErrors().isEmpty() ? null : err.fieldErrors());
  }

  public static Response of(Result.Err<?> err, String instance) {
    return of(err.code(), err.message(), instance, err.fieldErrors());
  }

  public static Response of(ErrorCode code, String detail, String instance) {
    return of(code, detail, instance, Map.of());
  }

  public static Response of(
      ErrorCode code, String detail, String instance, Map<String, List<String>> fieldErrors) {
    int status = status(code);
    return build(
        status,
        new ProblemDetail(
            TYPE_PREFIX + code.name().toLowerCase(Locale.ROOT).replace('_', '-'),
            title(code),
            status,
            detail,
            instance,
            code.name(),
            fieldErrors.isEmpty() ? null : fieldErrors));
  }

  /** For HTTP-level refusals that have no domain error code (405, 406, 410). */
  public static Response ofStatus(
      int status, String code, String title, String detail, String instance) {
    return build(
        status,
        new ProblemDetail(
            TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-'),
            title,
            status,
            detail,
            instance,
            code,
            null));
  }

  private static Response build(int status, ProblemDetail body) {
    Response.ResponseBuilder builder = Response.status(status).type(MEDIA_TYPE).entity(body);
    if (status == 401) {
      builder.header("WWW-Authenticate", "Bearer");
    }
    if (status == 503) {
      builder.header("Retry-After", "5");
    }
    return builder.build();
  }
}
