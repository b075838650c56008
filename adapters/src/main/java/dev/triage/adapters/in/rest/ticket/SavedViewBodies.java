package dev.triage.adapters.in.rest.ticket;

import dev.triage.application.ticket.list.ListTickets;
import dev.triage.application.view.CountViews.ViewCount;
import dev.triage.application.view.SavedView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON bodies of the saved view endpoints (field names are part of the contract, issue 18). */
final class SavedViewBodies {

  static final String FILTERS =
      "The ticket list's query parameters (GET /api/v1/tickets) by name: status, priority,"
          + " assignee (me, none or a user id; `me` is whoever opens the view), requester,"
          + " overdue, escalated, createdAfter, createdBefore, q, tag, and any filter the list"
          + " has. Each is a string, or an array of strings for the repeatable ones (status,"
          + " tag). limit and cursor are not filters; sort is given on its own.";

  private SavedViewBodies() {}

  @Schema(
      name = "SavedViewRequest",
      description =
          "A view's fields. To create one, name is required; to change one, every field may be"
              + " left out (it stays as it is); filters given replace all the filters.")
  record ViewRequest(
      @Schema(
              maxLength = 80,
              description =
                  "1 to 80 characters after trimming; unique among the owner's views"
                      + " (or among shared views), whatever the case",
              examples = "Unassigned, high")
          String name,
      @Schema(
              description =
                  "true: a view every staff member sees (admins only); default false, a view of"
                      + " your own. Cannot change after creation.")
          Boolean shared,
      @Schema(
              type = SchemaType.OBJECT,
              description = FILTERS,
              examples = "{\"status\":[\"OPEN\",\"IN_PROGRESS\"],\"assignee\":\"none\"}")
          Map<String, Object> filters,
      @Schema(
              nullable = true,
              enumeration = {"createdAt", "-createdAt", "slaDueAt", "priority"},
              description = "The list's sort; empty or left out for the list's default")
          String sort) {}

  @Schema(name = "SavedView")
  record ViewResponse(
      UUID id,
      String name,
      @Schema(description = "Seen by all staff, kept by admins") boolean shared,
      @Schema(nullable = true, description = "Whose view it is; null for a shared view")
          UUID ownerId,
      @Schema(type = SchemaType.OBJECT, description = FILTERS) Map<String, Object> filters,
      @Schema(nullable = true, description = "The list's sort; null for its default") String sort,
      UUID createdBy,
      @Schema(description = "The view's version: its ETag, to send back as If-Match") long version,
      Instant updatedAt) {

    static ViewResponse of(SavedView v) {
      Map<String, Object> filters = new LinkedHashMap<>();
      v.filters()
          .forEach(
              (name, values) ->
                  filters.put(
                      name,
                      ListTickets.repeatable(name) || values.size() != 1
                          ? values
                          : values.getFirst()));
      return new ViewResponse(
          v.id(),
          v.name(),
          v.shared(),
          v.ownerId(),
          filters,
          v.sort(),
          v.createdBy(),
          v.version(),
          v.updatedAt());
    }
  }

  @Schema(
      name = "SavedViewList",
      description = "The caller's views: the shared ones first (staff), then their own, by name")
  record ViewList(
      List<ViewResponse> items,
      @Schema(nullable = true, description = "Always null: the views come in one page")
          String nextCursor) {}

  @Schema(name = "SavedViewCount")
  record CountItem(
      UUID viewId,
      String name,
      boolean shared,
      @Schema(
              nullable = true,
              description =
                  "The tickets the caller would list in the view, up to the cap (then capped);"
                      + " null only when the view cannot be counted (see problem)")
          Long count,
      @Schema(description = "More tickets match than count: counting stopped at the cap")
          boolean capped,
      @Schema(
              description =
                  "When the count was made: counts are kept for a short time (at most"
                      + " triage.views.count-ttl, 30 s by default), so this may be that old")
          Instant countedAt,
      @Schema(nullable = true, description = "Why the view cannot be counted; null normally")
          String problem) {

    static CountItem of(ViewCount c) {
      return new CountItem(
          c.view().id(),
          c.view().name(),
          c.view().shared(),
          c.count(),
          c.capped(),
          c.countedAt(),
          c.problem());
    }
  }

  @Schema(name = "SavedViewCounts")
  record CountList(List<CountItem> views) {}
}
