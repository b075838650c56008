/**
 * The HTTP API: resources that turn requests into bus messages, and the single place that maps
 * results and exceptions to responses ({@link dev.triage.adapters.in.rest.Problems}).
 *
 * <p>Access is decided once: a resource says only whether the caller must be signed in ({@code
 * Authenticated}, an early 401; {@code PermitAll} for registering, logging in and refreshing); the
 * request's declared {@code Access} then decides role and scope in the bus, with one message, and
 * the domain decides what concerns one ticket.
 *
 * <p>Below, the parts of the OpenAPI document that belong to no single resource: its description,
 * servers, tags, and the examples and headers several operations share. Operation ids name the
 * methods of generated clients, so they are part of the contract and never change; {@link
 * dev.triage.adapters.in.rest.ContractOpenApi} adds what every operation must declare.
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "Triage API",
            version = "1.0",
            description =
                "Headless helpdesk core: tickets, SLA clocks, audit. Errors are RFC 9457 problem"
                    + " documents (application/problem+json) with a stable `code`. Commands"
                    + " accept an Idempotency-Key; ticket commands accept If-Match with the"
                    + " ticket's ETag. Lists are keyset pages: follow `nextCursor`.",
            license = @License(name = "Proprietary", identifier = "LicenseRef-Proprietary")),
    servers = {
      @Server(
          url = "http://localhost:8080",
          description = "The service run locally; use your deployment's address instead")
    },
    tags = {
      @Tag(
          name = "Auth",
          description = "Registering, logging in, refreshing a session, logging out"),
      @Tag(name = "Users", description = "The caller's account, and accounts managed by admins"),
      @Tag(name = "API tokens", description = "Long-lived scoped tokens for integrations (admins)"),
      @Tag(
          name = "Tickets",
          description =
              "Opening, reading, searching and working tickets: status, assignment, escalation,"
                  + " comments, timeline and SLA"),
      @Tag(
          name = "Live events",
          description = "Server-sent events of ticket changes, as they are committed"),
      @Tag(name = "Notifications", description = "The caller's in-app notifications"),
      @Tag(name = "Webhooks", description = "Signed HTTP callbacks of ticket events (admins)"),
      @Tag(name = "Audit log", description = "Who changed what, when, from where (admins)"),
      @Tag(name = "Dashboard", description = "Counts, SLA compliance and times (staff)")
    },
    components =
        @Components(
            headers = {
              @Header(
                  name = "ETag",
                  description = "The ticket's version; send it back as If-Match",
                  schema = @Schema(type = SchemaType.STRING, examples = "\"3\""))
            },
            examples = {
              @ExampleObject(
                  name = "ticket",
                  summary = "A ticket just opened",
                  value = dev.triage.adapters.in.rest.TriageApi.TICKET_EXAMPLE),
              @ExampleObject(
                  name = "session",
                  summary = "A session after login",
                  value = dev.triage.adapters.in.rest.TriageApi.SESSION_EXAMPLE),
              @ExampleObject(
                  name = "problem",
                  summary = "A refusal",
                  value = dev.triage.adapters.in.rest.TriageApi.PROBLEM_EXAMPLE)
            }))
package dev.triage.adapters.in.rest;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
