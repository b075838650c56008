package dev.triage.adapters.in.rest.dashboard;

import dev.triage.adapters.in.rest.Dispatch;
import dev.triage.application.dashboard.ShowDashboard;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The admin dashboard: one query on the bus. */
@Path("/api/v1/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard")
@SecurityRequirement(name = "bearer")
@Authenticated
public class DashboardResource {

  private final Dispatch dispatch;

  public DashboardResource(Dispatch dispatch) {
    this.dispatch = dispatch;
  }

  @GET
  @Operation(
      operationId = "getDashboard",
      summary = "Dashboard figures (admins)",
      description =
          "Counts by status, overdue and escalated tickets now; first response and resolution"
              + " times (mean and 90th percentile, business seconds: wall-clock seconds under the"
              + " default 24x7 calendar), SLA compliance (share of clocks stopped before their due"
              + " date) over the window, and per-agent figures. The window is [from, to), by"
              + " default the 30 days up to now, at most 366 days.")
  @APIResponse(
      responseCode = "200",
      description = "The figures",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DashboardResponse.class),
              examples =
                  @ExampleObject(
                      name = "dashboard",
                      value =
                          """
                          {"at":"2026-11-22T10:15:30Z","from":"2026-10-23T10:15:30Z",
                           "to":"2026-11-22T10:15:30Z",
                           "countsByStatus":{"OPEN":12,"IN_PROGRESS":30,"PENDING_CUSTOMER":8,
                             "RESOLVED":40,"CLOSED":9100},
                           "overdue":3,"escalatedOpen":2,"escalatedInWindow":15,
                           "firstResponse":{"count":850,"averageSeconds":5400.0,
                             "p90Seconds":12600.0},
                           "resolution":{"count":830,"averageSeconds":43200.0,
                             "p90Seconds":90000.0},
                           "slaCompliance":{"overall":{"stopped":1700,"met":1580,"share":0.929},
                             "firstResponse":{"stopped":860,"met":812,"share":0.944},
                             "resolution":{"stopped":840,"met":768,"share":0.914}},
                           "agents":[{"agentId":"019a7c50-0000-7000-8000-000000000003",
                             "displayName":"Ada Agent","openAssigned":7,"resolvedInWindow":61,
                             "averageFirstResponseSeconds":4100.0,
                             "compliance":{"stopped":124,"met":119,"share":0.96}}]}
                          """)))
  @APIResponse(responseCode = "400", description = "from or to is not an ISO-8601 time")
  @APIResponse(responseCode = "401", description = "No valid bearer token")
  @APIResponse(responseCode = "403", description = "Not an admin")
  @APIResponse(
      responseCode = "422",
      description = "to is not after from, or the window is longer than 366 days")
  public Uni<Response> dashboard(
      @Parameter(
              description = "Window start (inclusive); default 30 days before `to`",
              example = "2026-11-01T00:00:00Z",
              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
          @QueryParam("from")
          String from,
      @Parameter(
              description = "Window end (exclusive); default now",
              example = "2026-12-01T00:00:00Z",
              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
          @QueryParam("to")
          String to,
      @Context HttpServerRequest http) {
    return dispatch.ok(new ShowDashboard(from, to), http, figures -> DashboardResponse.of(figures));
  }
}
