package dev.triage.adapters.in.rest;

/** The shared examples of the OpenAPI document, declared in this package's {@code package-info}. */
public final class TriageApi {

  public static final String TICKET_EXAMPLE =
      """
      {"id":"019a7c52-3f1e-7d2a-9b1c-5e8f2a4b6c7d","number":"TCK-2026-000042",
       "title":"Printer on fire","description":"The office printer smokes when printing.",
       "priority":"HIGH","status":"OPEN","category":"hardware","tags":["printer"],
       "requesterId":"019a7c50-0000-7000-8000-000000000001","assigneeId":null,
       "createdAt":"2026-11-22T10:15:30Z","updatedAt":"2026-11-22T10:15:30Z",
       "firstRespondedAt":null,"resolvedAt":null,"closedAt":null,"escalationLevel":0,
       "version":1,
       "sla":{"firstResponse":{"dueAt":"2026-11-22T11:15:30Z","elapsedSeconds":0,
               "remainingSeconds":3600,"paused":false,"breached":false,"stoppedAt":null},
              "resolution":{"dueAt":"2026-11-22T18:15:30Z","elapsedSeconds":0,
               "remainingSeconds":28800,"paused":false,"breached":false,"stoppedAt":null}}}
      """;

  public static final String SESSION_EXAMPLE =
      """
      {"accessToken":"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIwMTlhN2M1MC...","tokenType":"Bearer",
       "expiresIn":900,"refreshToken":"rt_4f9c1e7b2d5a48e3b6c0a1f2e3d4c5b6"}
      """;

  public static final String PROBLEM_EXAMPLE =
      """
      {"type":"urn:triage:problem:not-found","title":"Not found","status":404,
       "detail":"No ticket TCK-2026-999999.","instance":"/api/v1/tickets/TCK-2026-999999",
       "code":"NOT_FOUND"}
      """;

  private TriageApi() {}
}
