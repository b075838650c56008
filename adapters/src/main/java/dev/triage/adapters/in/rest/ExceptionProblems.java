package dev.triage.adapters.in.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.triage.application.port.AttachmentStore;
import dev.triage.domain.shared.ErrorCode;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.CompositeException;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.DateTimeException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that reaches the HTTP layer into problem+json: unreadable bodies are 400,
 * framework refusals keep their status, an unavailable database is 503 with {@code Retry-After}
 * (whatever wraps the driver's error: {@link #databaseUnavailable} is the one place that decides),
 * and anything else is a 500 that says nothing about internals (the details go to the log with the
 * request id).
 */
public final class ExceptionProblems {

  private static final Logger LOG = Logger.getLogger(ExceptionProblems.class);

  /** Enough for any real chain of causes; a bound against a cyclic or endless one. */
  private static final int MAX_CAUSES = 64;

  @ServerExceptionMapper(priority = 1)
  public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
    return unknownField(e, instance(uri));
  }

  private static Response unknownField(UnrecognizedPropertyException e, String instance) {
    String field = path(e);
    return Problems.of(
        ErrorCode.MALFORMED_REQUEST,
        "Unknown field '" + field + "'.",
        instance,
        Map.of(field, List.of("unknown field")));
  }

  @ServerExceptionMapper(priority = 2)
  public Response wrongType(MismatchedInputException e, UriInfo uri) {
    return wrongType(e, instance(uri));
  }

  private static Response wrongType(MismatchedInputException e, String instance) {
    String field = path(e);
    if (field.isEmpty()) {
      return Problems.of(
          ErrorCode.MALFORMED_REQUEST, "The body does not have the expected shape.", instance);
    }
    String message =
        e instanceof InvalidFormatException ife && ife.getTargetType().isEnum()
            ? "must be one of " + enumValues(ife.getTargetType())
            : "has the wrong type";
    return Problems.of(
        ErrorCode.MALFORMED_REQUEST,
        "Field '" + field + "' " + message + ".",
        instance,
        Map.of(field, List.of(message)));
  }

  @ServerExceptionMapper(priority = 3)
  public Response unreadable(JsonProcessingException e, UriInfo uri) {
    return Problems.of(ErrorCode.MALFORMED_REQUEST, "The body is not valid JSON.", instance(uri));
  }

  @ServerExceptionMapper
  public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
    return Problems.of(
        ErrorCode.UNAUTHENTICATED, "Sign in first: send a bearer token.", instance(uri));
  }

  @ServerExceptionMapper
  public Response badCredentials(AuthenticationFailedException e, UriInfo uri) {
    if (databaseUnavailable(e)) {
      return fault(e, instance(uri)); // checking the token needed the database: it may be good
    }
    return Problems.of(
        ErrorCode.UNAUTHENTICATED, "The bearer token is not valid (or no longer).", instance(uri));
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return Problems.of(ErrorCode.FORBIDDEN, "You may not do this.", instance(uri));
  }

  @ServerExceptionMapper
  public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
    Map<String, List<String>> errors = new TreeMap<>();
    for (ConstraintViolation<?> v : e.getConstraintViolations()) {
      errors
          .computeIfAbsent(leaf(v.getPropertyPath().toString()), k -> new ArrayList<>())
          .add(v.getMessage());
    }
    return Problems.of(
        ErrorCode.VALIDATION_FAILED, "The request has invalid fields.", instance(uri), errors);
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse().getStatus();
    String instance = instance(uri);
    if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
      return json instanceof JsonMappingException mapping && !path(mapping).isEmpty()
          ? wrongTypeOrUnknown(mapping, instance)
          : Problems.of(ErrorCode.MALFORMED_REQUEST, "The body is not valid JSON.", instance);
    }
    return switch (status) {
      case 400 ->
          Problems.of(ErrorCode.MALFORMED_REQUEST, "The request could not be read.", instance);
      case 401 ->
          Problems.of(ErrorCode.UNAUTHENTICATED, "Valid credentials are required.", instance);
      case 403 -> Problems.of(ErrorCode.FORBIDDEN, "You may not do this.", instance);
      case 404 -> Problems.of(ErrorCode.NOT_FOUND, "There is nothing at this address.", instance);
      case 405 ->
          Problems.ofStatus(
              405,
              "METHOD_NOT_ALLOWED",
              "Method not allowed",
              "This address does not accept that method.",
              instance);
      case 406 ->
          Problems.ofStatus(
              406,
              "NOT_ACCEPTABLE",
              "Not acceptable",
              "This address answers with application/json only.",
              instance);
      case 413 -> Problems.of(ErrorCode.PAYLOAD_TOO_LARGE, "The body is too large.", instance);
      case 415 ->
          Problems.of(
              ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.", instance);
      default ->
          status >= 500
              ? fault(e, instance)
              : Problems.of(ErrorCode.MALFORMED_REQUEST, "The request was refused.", instance);
    };
  }

  private Response wrongTypeOrUnknown(JsonMappingException e, String instance) {
    return e instanceof UnrecognizedPropertyException u
        ? unknownField(u, instance)
        : e instanceof MismatchedInputException m
            ? wrongType(m, instance)
            : Problems.of(ErrorCode.MALFORMED_REQUEST, "The body is not valid JSON.", instance);
  }

  @ServerExceptionMapper
  public Response any(Throwable e, UriInfo uri) {
    return fault(e, instance(uri));
  }

  /**
   * The request's path for a problem's {@code instance}. Decoding can fail on a path the HTTP layer
   * accepted (an escaped {@code %} next to a matrix parameter is decoded twice): the path as sent
   * then serves, so mapping an error never fails itself.
   */
  private static String instance(UriInfo uri) {
    try {
      return uri.getPath();
    } catch (IllegalArgumentException undecodable) {
      try {
        return uri.getRequestUri().getRawPath();
      } catch (RuntimeException unreadable) {
        return "";
      }
    }
  }

  private static Response fault(Throwable e, String instance) {
    Optional<Throwable> store = find(e, t -> t instanceof AttachmentStore.Unavailable);
    if (store.isPresent()) {
      LOG.warnf(
          "Attachment store unavailable while serving %s: %s", instance, oneLine(store.get()));
      return Problems.of(
          ErrorCode.SERVICE_UNAVAILABLE,
          "The service cannot reach its attachment store right now; nothing was changed. Retry"
              + " shortly.",
          instance);
    }
    Optional<Throwable> unavailable = unavailability(e);
    if (unavailable.isPresent()) {
      LOG.warnf("Database unavailable while serving %s: %s", instance, oneLine(unavailable.get()));
      return Problems.of(
          ErrorCode.SERVICE_UNAVAILABLE,
          "The service cannot reach its database right now; retry shortly.",
          instance);
    }
    if (unusableValue(e)) {
      LOG.infof("Refused a value the database cannot take while serving %s: %s", instance, e);
      return Problems.of(
          ErrorCode.MALFORMED_REQUEST,
          "A value in the request is out of range or holds a character that cannot be stored"
              + " (such as NUL).",
          instance);
    }
    LOG.errorf(e, "Unexpected fault while serving %s", instance);
    return Problems.of(ErrorCode.INTERNAL, "Something went wrong on our side.", instance);
  }

  /**
   * True when the failure says the database cannot be used right now, not that the request or the
   * code is wrong: it is down, restarting, recovering, refusing connections, out of connection
   * slots, or dropped the connection mid-query. Such a request may succeed if sent again shortly.
   */
  static boolean databaseUnavailable(Throwable e) {
    return unavailability(e).isPresent();
  }

  /** The exception in {@code e}'s causes that shows the database unavailable, if one does. */
  private static Optional<Throwable> unavailability(Throwable e) {
    return find(e, ExceptionProblems::showsUnavailable);
  }

  /**
   * SQLSTATEs of an unavailable server: class 08 (connection exception: refused, lost, cannot be
   * established), 57P01 (admin shutdown: terminating connection), 57P02 (crash shutdown), 57P03
   * (cannot connect now: starting up, shutting down, not yet accepting connections, in recovery)
   * and 53300 (too many connections).
   */
  static boolean unavailableState(String sqlState) {
    return sqlState.startsWith("08")
        || sqlState.equals("57P01")
        || sqlState.equals("57P02")
        || sqlState.equals("57P03")
        || sqlState.equals("53300");
  }

  /**
   * What the reactive client (Vert.x), its transport (Netty, the JDK), the JDBC driver and pool
   * (rate limits) and Hibernate Reactive say when the database cannot be reached or the link broke.
   */
  private static boolean showsUnavailable(Throwable t) {
    String state = sqlState(t);
    if (state != null && unavailableState(state)) {
      return true;
    }
    if (t instanceof ClosedConnectionException // the server went away mid-query
        || t instanceof SocketException // refused (Netty's connect failures too), reset, no route
        || t instanceof SocketTimeoutException
        || t instanceof ClosedChannelException
        || t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException
        || t instanceof SQLRecoverableException) {
      return true;
    }
    String name = t.getClass().getName();
    if (name.endsWith(".JDBCConnectionException") // Hibernate's word for SQLSTATE class 08
        || name.endsWith(".ConnectionPoolTooBusyException")
        || name.endsWith(".NoStackTraceTimeoutException")) {
      return true;
    }
    String message = t.getMessage();
    if (message == null) {
      return false;
    }
    if (t instanceof VertxException || name.equals("io.vertx.core.impl.NoStackTraceThrowable")) {
      // Vert.x's pool and connection: no connection within the pool's timeout, or a closed one.
      return message.equals("Timeout")
          || message.startsWith("Timeout waiting for connection")
          || message.startsWith("Connection is not active now")
          || message.startsWith("Pending requests failed to be sent due to connection has been")
          || message.startsWith("Connection was closed");
    }
    if (t instanceof IOException) {
      // Netty's native transports report socket errors as plain IOExceptions.
      return message.contains("Connection refused")
          || message.contains("Connection reset")
          || message.contains("Broken pipe");
    }
    // Agroal (JDBC) waiting in vain for a connection; PostgreSQL's words when the SQLSTATE is lost.
    return message.startsWith("Acquisition timeout while waiting for new connection")
        || message.contains("the database system is starting up")
        || message.contains("the database system is shutting down")
        || message.contains("the database system is not yet accepting connections")
        || message.contains("the database system is in recovery mode")
        || message.contains("terminating connection due to");
  }

  /**
   * True when a value that passed parsing cannot be represented: a time outside what dates can hold
   * (an ISO instant may name year one billion; PostgreSQL stops at 294276), or text the database
   * refuses (a NUL character). PostgreSQL reports these as SQLSTATE class 22, "data exception".
   * Stored values are always representable, so such a value came with the request.
   */
  static boolean unusableValue(Throwable e) {
    return find(
            e,
            t -> {
              String state = sqlState(t);
              return t instanceof DateTimeException || (state != null && state.startsWith("22"));
            })
        .isPresent();
  }

  private static String sqlState(Throwable t) {
    return t instanceof PgException pg
        ? pg.getSqlState()
        : t instanceof SQLException sql ? sql.getSQLState() : null;
  }

  /**
   * The first exception in {@code e}'s causes that passes {@code test}. The database's error
   * arrives wrapped (by Hibernate, Mutiny, the JDK), sometimes next to a second failure: Mutiny's
   * composite failures hold several, and Hibernate Reactive adds a failed rollback as a suppressed
   * exception or a composite part. So every cause, suppressed exception and composite part is
   * looked at, each once.
   */
  private static Optional<Throwable> find(Throwable e, Predicate<Throwable> test) {
    Deque<Throwable> pending = new ArrayDeque<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    pending.add(e);
    while (!pending.isEmpty() && seen.size() < MAX_CAUSES) {
      Throwable t = pending.poll();
      if (!seen.add(t)) {
        continue;
      }
      if (test.test(t)) {
        return Optional.of(t);
      }
      if (t.getCause() != null) {
        pending.add(t.getCause());
      }
      if (t instanceof CompositeException composite) {
        pending.addAll(composite.getCauses());
      }
      pending.addAll(Arrays.asList(t.getSuppressed()));
    }
    return Optional.empty();
  }

  /** The exception's class and the first line of its message, for a log line. */
  private static String oneLine(Throwable t) {
    String text = t.toString();
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  /**
   * Where in the body the mapping failed, e.g. {@code tags[2]}. Field names are the client's and
   * are echoed back, so an unpaired surrogate in one (legal as a JSON escape) becomes '?':
   * otherwise the problem itself could not be read as UTF-8.
   */
  private static String path(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(
                ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining("."))
            .replace(".[", "[");
    return new String(path.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }

  private static String leaf(String propertyPath) {
    int dot = propertyPath.lastIndexOf('.');
    return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
  }

  private static String enumValues(Class<?> type) {
    Object[] constants = type.getEnumConstants();
    List<String> names = new ArrayList<>();
    for (Object c : constants) {
      names.add(((Enum<?>) c).name());
    }
    return String.join(", ", names);
  }
}
