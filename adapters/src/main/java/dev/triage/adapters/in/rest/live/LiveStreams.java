package dev.triage.adapters.in.rest.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.adapters.in.rest.Callers;
import dev.triage.adapters.in.rest.Problems;
import dev.triage.application.bus.Bus;
import dev.triage.application.live.LiveEvent;
import dev.triage.application.live.WatchEvents;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Opens and writes live event streams for both stream addresses. A stream starts only once the
 * caller, the ticket and the resume position are checked (in the request filter, before any SSE
 * header goes out), so a refusal is an ordinary problem+json answer; afterwards comments keep idle
 * connections open through proxies. A caller or a replica with as many streams open as {@link
 * LiveStreamSlots} allows is refused with 429.
 */
@ApplicationScoped
public class LiveStreams {

  static final String OPENED = "triage.live.stream";
  static final String SLOT = "triage.live.slot";

  private final Bus bus;
  private final Callers callers;
  private final ObjectMapper json;
  private final Duration keepAlive;
  private final Duration maxDuration;
  private final LiveStreamSlots slots;

  public LiveStreams(
      Bus bus,
      Callers callers,
      ObjectMapper json,
      LiveStreamSlots slots,
      @ConfigProperty(name = "triage.live.keep-alive") Duration keepAlive,
      @ConfigProperty(name = "triage.live.max-duration") Duration maxDuration) {
    this.bus = bus;
    this.callers = callers;
    this.json = json;
    this.keepAlive = keepAlive;
    this.maxDuration = maxDuration;
    this.slots = slots;
  }

  /**
   * Opens the stream before the resource method runs, while an answer can still be a problem:
   * checks the caller, the ticket and the resume position, and leaves the stream for the method.
   */
  @ServerRequestFilter
  public Uni<Response> open(
      ContainerRequestContext request,
      SimpleResourceInfo resource,
      HttpServerRequest http,
      RoutingContext routing) {
    if (resource.getResourceClass() != LiveEventResource.class
        && resource.getResourceClass() != TicketLiveEventResource.class) {
      return Uni.createFrom().nullItem();
    }
    Optional<String> ticket =
        Optional.ofNullable(request.getUriInfo().getPathParameters().getFirst("id"));
    String resume = request.getHeaderString("Last-Event-ID");
    if (resume == null || resume.isBlank()) {
      resume = request.getUriInfo().getQueryParameters().getFirst("lastEventId");
    }
    WatchEvents watch =
        new WatchEvents(ticket, Optional.ofNullable(resume).filter(r -> !r.isBlank()));
    return callers
        .of(http)
        .flatMap(
            context ->
                bus.send(watch, context)
                    .map(
                        result ->
                            switch (result) {
                              case Result.Ok<Multi<LiveEvent>> ok ->
                                  started(
                                      request, routing, http, context.actor().id().toString(), ok);
                              case Result.Err<Multi<LiveEvent>> err ->
                                  Problems.of(err, http.path());
                            }));
  }

  /**
   * Leaves the stream for the resource method when the caller and the replica have a slot for it,
   * given back when the stream ends, is cancelled (the client went away) or its response ends
   * without it; a 429 otherwise.
   */
  private Response started(
      ContainerRequestContext request,
      RoutingContext routing,
      HttpServerRequest http,
      String caller,
      Result.Ok<Multi<LiveEvent>> stream) {
    Optional<Runnable> slot = slots.take(caller);
    if (slot.isEmpty()) {
      long retryAfter = slots.retryAfterSeconds();
      return Response.fromResponse(
              Problems.of(
                  ErrorCode.RATE_LIMITED,
                  "Too many live streams are open (at most "
                      + slots.perCaller()
                      + " per caller); close one, or retry in "
                      + retryAfter
                      + " s.",
                  http.path()))
          .header("Retry-After", Long.toString(retryAfter))
          .build();
    }
    routing.addEndHandler(ended -> slot.get().run());
    request.setProperty(SLOT, slot.get());
    request.setProperty(OPENED, stream.value());
    return null;
  }

  @SuppressWarnings("unchecked")
  Multi<OutboundSseEvent> events(ContainerRequestContext request, Sse sse) {
    Multi<LiveEvent> stream = (Multi<LiveEvent>) request.getProperty(OPENED);
    Runnable slot = (Runnable) request.getProperty(SLOT);
    Multi<OutboundSseEvent> events = stream.map(e -> event(sse, e));
    Multi<OutboundSseEvent> pings =
        Multi.createFrom()
            .ticks()
            .every(keepAlive)
            .onOverflow()
            .drop()
            .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
    // A stream ends after maxDuration: the client reconnects with Last-Event-ID and its current
    // token, so a revoked session or a deactivated account stops receiving within that time.
    // Events are taken one at a time, as the client reads them: a client that does not read holds
    // no more than the stream's bounded buffer (a keep-alive it cannot take is dropped).
    return Multi.createBy()
        .merging()
        .withRequests(1)
        .streams(events, pings)
        .select()
        .first(maxDuration)
        .onTermination()
        .invoke(slot);
  }

  private OutboundSseEvent event(Sse sse, LiveEvent e) {
    // The fields of LiveEventData, the OpenAPI schema of `data`: keep both in step.
    ObjectNode body = json.createObjectNode();
    body.put("id", e.eventId().toString());
    body.put("type", e.type());
    body.put("occurredAt", e.occurredAt().toString());
    body.put("position", e.position());
    body.put("internal", e.internal());
    body.put("actorId", e.actorId().toString());
    ObjectNode ticket = body.putObject("ticket");
    ticket.put("id", e.ticketId().toString());
    ticket.put("number", e.ticketNumber());
    try {
      body.set("data", json.readTree(e.data()));
      return sse.newEventBuilder()
          .id(Long.toString(e.position()))
          .name(e.type())
          .data(String.class, json.writeValueAsString(body))
          .build();
    } catch (JsonProcessingException unreadable) {
      throw new IllegalStateException("event " + e.eventId() + " has unreadable data", unreadable);
    }
  }
}
